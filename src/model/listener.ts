/** Protocol of a listener named in `kubernetes.io/elb.protocol-port`. */
export enum ListenerProtocol {
  /** HTTP. */
  HTTP = 'http',
  /** HTTPS, terminated by the load balancer with the Service's certificate. */
  HTTPS = 'https',
  /**
   * TLS over TCP, terminated by the load balancer with the Service's certificate; the backends get
   * TCP. Dedicated load balancers with a network (layer-4) flavor; clusters of v1.23.14-r0,
   * v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 and later; no sticky sessions.
   */
  TLS = 'tls',
}

/**
 * An HTTP, HTTPS or TLS listener on one TCP port of the Service (one `protocol:port` entry of
 * `kubernetes.io/elb.protocol-port`). Ports without such a listener stay TCP/UDP listeners.
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0683.html
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

  /**
   * A TLS listener on the Service port `port` (`tls:<port>`): the load balancer terminates TLS and
   * forwards TCP. The Service needs a `certificateId` and a dedicated load balancer with a network
   * (layer-4) flavor; clusters of v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 and later. Sticky
   * sessions are not supported with TLS.
   * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0843.html
   */
  public static tls(port: number): Listener {
    return new Listener(ListenerProtocol.TLS, port);
  }

  private constructor(
    /** The listener protocol. */
    public readonly protocol: ListenerProtocol,
    /** The Service port (a `port` of `spec.ports`). */
    public readonly port: number,
  ) {}
}
