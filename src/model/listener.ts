/** Protocol of a layer-7 listener (`kubernetes.io/elb.protocol-port`). */
export enum ListenerProtocol {
  /** HTTP. */
  HTTP = 'http',
  /** HTTPS, terminated by the load balancer with the Service's certificate. */
  HTTPS = 'https',
}

/**
 * A layer-7 listener on one TCP port of the Service (one `protocol:port` entry of
 * `kubernetes.io/elb.protocol-port`). Ports without a listener stay layer-4 (TCP/UDP).
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0681.html
 */
export class Listener {
  /** An HTTP listener on the Service port `port`. */
  public static http(port: number): Listener {
    return new Listener(ListenerProtocol.HTTP, port);
  }

  /** An HTTPS listener on the Service port `port`; the Service needs a `certificateId`. */
  public static https(port: number): Listener {
    return new Listener(ListenerProtocol.HTTPS, port);
  }

  private constructor(
    /** The listener protocol. */
    public readonly protocol: ListenerProtocol,
    /** The Service port (a `port` of `spec.ports`). */
    public readonly port: number,
  ) {}
}
