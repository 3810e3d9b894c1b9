/**
 * HTTP headers that a dedicated load balancer adds or rewrites on HTTP/HTTPS listeners
 * (`kubernetes.io/elb.x-forwarded-host`, `-x-forwarded-port`, `-x-forwarded-for-port`). Clusters of
 * v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0 and later; shared load balancers reject them.
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0865.html
 */
export interface ForwardedHeaders {
  /**
   * Rewrite `X-Forwarded-Host` with the `Host` of the client request (`kubernetes.io/elb.x-forwarded-host`).
   * @default - not written (CCE's default: false)
   */
  readonly host?: boolean;
  /**
   * Add `X-Forwarded-Port` with the listener port (`kubernetes.io/elb.x-forwarded-port`).
   * @default - not written (CCE's default: false)
   */
  readonly port?: boolean;
  /**
   * Add `X-Forwarded-For-Port` with the client's source port (`kubernetes.io/elb.x-forwarded-for-port`).
   * @default - not written (CCE's default: false)
   */
  readonly forPort?: boolean;
}
