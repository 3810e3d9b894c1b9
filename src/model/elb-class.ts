/**
 * The class of a CCE load balancer (`kubernetes.io/elb.class`).
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0681.html
 */
export enum ElbClass {
  /** Shared load balancer (`union`). */
  SHARED = 'union',
  /** Dedicated load balancer (`performance`); clusters of v1.17 and later. */
  DEDICATED = 'performance',
}
