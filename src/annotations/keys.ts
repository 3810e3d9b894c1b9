/**
 * The `kubernetes.io/*` annotation keys that CCE reads on a LoadBalancer Service and that this
 * library can set through typed props.
 *
 * Use these constants instead of string literals when you read or patch annotations yourself.
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0385.html
 */
export class ElbAnnotations {
  /** Load balancer class: `union` (shared) or `performance` (dedicated). */
  public static readonly CLASS = 'kubernetes.io/elb.class';
  /** ID of an existing load balancer. */
  public static readonly ID = 'kubernetes.io/elb.id';
  /** JSON description of a load balancer that CCE creates for the Service. */
  public static readonly AUTOCREATE = 'kubernetes.io/elb.autocreate';
  /** Subnet of the cluster (needed only by clusters up to v1.11.7-r0). */
  public static readonly SUBNET_ID = 'kubernetes.io/elb.subnet-id';
  /** Enterprise project in which an auto-created load balancer is placed. */
  public static readonly ENTERPRISE_ID = 'kubernetes.io/elb.enterpriseID';
  /** Load-balancing algorithm of the backend server group. */
  public static readonly LB_ALGORITHM = 'kubernetes.io/elb.lb-algorithm';
  /** Sticky-session type (only `SOURCE_IP`). */
  public static readonly SESSION_AFFINITY_MODE = 'kubernetes.io/elb.session-affinity-mode';
  /** Sticky-session options: `{"persistence_timeout":"<minutes>"}`. */
  public static readonly SESSION_AFFINITY_OPTION = 'kubernetes.io/elb.session-affinity-option';
  /** Health check switch: `on` or `off`. */
  public static readonly HEALTH_CHECK_FLAG = 'kubernetes.io/elb.health-check-flag';
  /** Health check options (JSON object with string values). */
  public static readonly HEALTH_CHECK_OPTION = 'kubernetes.io/elb.health-check-option';
  /** Layer-7 listeners: `https:443,http:80`. */
  public static readonly PROTOCOL_PORT = 'kubernetes.io/elb.protocol-port';
  /** ELB certificate used by every HTTPS listener of the Service. */
  public static readonly CERT_ID = 'kubernetes.io/elb.cert-id';
  /** Route in-cluster traffic to the load balancer address through the load balancer. */
  public static readonly PASS_THROUGH = 'kubernetes.io/elb.pass-through';
  /** Whether the backend pods use the host network. */
  public static readonly HOST_NETWORK = 'kubernetes.io/hws-hostNetwork';
}
