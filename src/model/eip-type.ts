/**
 * The type of the elastic IP bound to a public auto-created load balancer (`eip_type` in
 * `kubernetes.io/elb.autocreate`). The available types depend on the region: use the constants
 * for the documented ones and `EipType.of()` for any other.
 */
export class EipType {
  /** Dynamic BGP (`5_bgp`). */
  public static readonly BGP = new EipType('5_bgp');
  /** Static BGP (`5_sbgp`). */
  public static readonly STATIC_BGP = new EipType('5_sbgp');
  /** China Telecom (`5_telcom`). */
  public static readonly CHINA_TELECOM = new EipType('5_telcom');
  /** China Unicom (`5_union`). */
  public static readonly CHINA_UNICOM = new EipType('5_union');

  /**
   * An EIP type by its value, for regions with types not listed here.
   * @param value the `eip_type` value, such as `5_g-vm`
   */
  public static of(value: string): EipType {
    return new EipType(value);
  }

  private constructor(
    /** The `eip_type` value. */
    public readonly value: string,
  ) {}
}
