import { BandwidthChargeMode, BandwidthShareType } from './bandwidth';
import { EipType } from './eip-type';

/** The EIP and bandwidth of a public auto-created load balancer. */
export interface PublicNetworkProps {
  /**
   * Name of the bandwidth (`bandwidth_name`): 1 to 64 letters, digits, `_`, `-` or `.`.
   */
  readonly bandwidthName: string;
  /**
   * Bandwidth in Mbit/s (`bandwidth_size`): a whole number from 1 to 2000, within what the
   * region allows.
   */
  readonly bandwidthSizeMbps: number;
  /** How the bandwidth is billed (`bandwidth_chargemode`). */
  readonly chargeMode: BandwidthChargeMode;
  /**
   * How the bandwidth is shared (`bandwidth_sharetype`). CCE requires the field and accepts only
   * `PER`, so it is always written.
   * @default BandwidthShareType.PER
   */
  readonly shareType?: BandwidthShareType;
  /** Type of the elastic IP (`eip_type`). */
  readonly eipType: EipType;
}

/**
 * Whether an auto-created load balancer gets a public elastic IP (`type` in
 * `kubernetes.io/elb.autocreate`).
 */
export class ElbNetwork {
  /**
   * A public load balancer (`"type":"public"`): CCE creates and binds an elastic IP with the given
   * bandwidth.
   */
  public static publicNetwork(props: PublicNetworkProps): ElbNetwork {
    return new ElbNetwork({
      type: 'public',
      bandwidth_name: props.bandwidthName,
      bandwidth_chargemode: props.chargeMode,
      bandwidth_size: props.bandwidthSizeMbps,
      bandwidth_sharetype: props.shareType ?? BandwidthShareType.PER,
      eip_type: props.eipType.value,
    });
  }

  /** A private load balancer (`"type":"inner"`), reachable only from the VPC. */
  public static privateNetwork(): ElbNetwork {
    return new ElbNetwork({ type: 'inner' });
  }

  private constructor(private readonly fields: Readonly<Record<string, unknown>>) {}

  /**
   * The `elb.autocreate` fields of this network.
   * @internal
   */
  public _fields(): Readonly<Record<string, unknown>> {
    return this.fields;
  }
}
