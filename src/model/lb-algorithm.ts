/**
 * How the load balancer spreads requests over the backends (`kubernetes.io/elb.lb-algorithm`).
 */
export enum LbAlgorithm {
  /** Weighted round robin (CCE's default). Suits short connections such as HTTP. */
  ROUND_ROBIN = 'ROUND_ROBIN',
  /** Weighted least connections. Suits persistent connections such as database sessions. */
  LEAST_CONNECTIONS = 'LEAST_CONNECTIONS',
  /**
   * Source IP hash: each client IP always reaches the same backend; backend weights are ignored.
   * Cannot be combined with sticky sessions.
   */
  SOURCE_IP = 'SOURCE_IP',
}
