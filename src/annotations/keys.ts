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
  /** HTTP, HTTPS and TLS listeners: `https:443,http:80,tls:8443`. */
  public static readonly PROTOCOL_PORT = 'kubernetes.io/elb.protocol-port';
  /** ELB certificate used by every HTTPS and TLS listener of the Service. */
  public static readonly CERT_ID = 'kubernetes.io/elb.cert-id';
  /** Route in-cluster traffic to the load balancer address through the load balancer. */
  public static readonly PASS_THROUGH = 'kubernetes.io/elb.pass-through';
  /** Whether the backend pods use the host network. */
  public static readonly HOST_NETWORK = 'kubernetes.io/hws-hostNetwork';
  /** Private IP address of an existing load balancer (instead of its ID). */
  public static readonly IP = 'kubernetes.io/elb.ip';
  /** Per-port health checks (JSON array). */
  public static readonly HEALTH_CHECK_OPTIONS = 'kubernetes.io/elb.health-check-options';
  /** SNI certificates of the HTTPS and TLS listeners: comma-separated ELB certificate IDs. */
  public static readonly TLS_CERTIFICATE_IDS = 'kubernetes.io/elb.tls-certificate-ids';
  /** HTTP/2 on the HTTPS listeners: `true` or `false`. */
  public static readonly HTTP2_ENABLE = 'kubernetes.io/elb.http2-enable';
  /** CA certificate that client certificates are verified against (mutual TLS). */
  public static readonly CLIENT_CA_CERT_ID = 'kubernetes.io/elb.client-ca-cert-id';
  /** Adaptive weights of the backends: `true` or `false`. */
  public static readonly ADAPTIVE_WEIGHT = 'kubernetes.io/elb.adaptive-weight';
  /** IP address groups of the listener access control: comma-separated IDs. */
  public static readonly ACL_ID = 'kubernetes.io/elb.acl-id';
  /** Whether the access control is on: `on` or `off`. */
  public static readonly ACL_STATUS = 'kubernetes.io/elb.acl-status';
  /** Access control type: `white` (trustlist) or `black` (blocklist). */
  public static readonly ACL_TYPE = 'kubernetes.io/elb.acl-type';
  /** Idle timeout of the listeners, in seconds. */
  public static readonly KEEPALIVE_TIMEOUT = 'kubernetes.io/elb.keepalive_timeout';
  /** How long an HTTP/HTTPS listener waits for a client request, in seconds. */
  public static readonly CLIENT_TIMEOUT = 'kubernetes.io/elb.client_timeout';
  /** How long an HTTP/HTTPS listener waits for a backend response, in seconds. */
  public static readonly MEMBER_TIMEOUT = 'kubernetes.io/elb.member_timeout';
  /** Tags of an auto-created load balancer: `key=value` pairs separated by commas. */
  public static readonly TAGS = 'kubernetes.io/elb.tags';
  /** Pass the client IP address to the backends (shared load balancers): `true` or `false`. */
  public static readonly TRANSPARENT_CLIENT_IP = 'kubernetes.io/elb.transparent-client-ip';
  /** EIP to bind instead of the one CCE created with the load balancer. */
  public static readonly CUSTOM_EIP_ID = 'kubernetes.io/elb.custom-eip-id';
  /** Rewrite the X-Forwarded-Host header (dedicated load balancers, HTTP/HTTPS listeners). */
  public static readonly X_FORWARDED_HOST = 'kubernetes.io/elb.x-forwarded-host';
  /** Add the X-Forwarded-Port header (dedicated load balancers, HTTP/HTTPS listeners). */
  public static readonly X_FORWARDED_PORT = 'kubernetes.io/elb.x-forwarded-port';
  /** Add the X-Forwarded-For-Port header (dedicated load balancers, HTTP/HTTPS listeners). */
  public static readonly X_FORWARDED_FOR_PORT = 'kubernetes.io/elb.x-forwarded-for-port';
  /** Connection draining of removed backends: `true` or `false`. */
  public static readonly CONNECTION_DRAIN_ENABLE = 'kubernetes.io/elb.connection-drain-enable';
  /** How long connections to a removed backend are kept, in seconds. */
  public static readonly CONNECTION_DRAIN_TIMEOUT = 'kubernetes.io/elb.connection-drain-timeout';
  /** Compression of HTTP/HTTPS responses: `true` or `false` (dedicated load balancers). */
  public static readonly GZIP_ENABLED = 'kubernetes.io/elb.gzip-enabled';
  /** Listener port ranges per Service port name: `{"<port name>":["<start>,<end>",…]}` (dedicated load balancers). */
  public static readonly PORT_RANGES = 'kubernetes.io/elb.port-ranges';
  /** Backend server group options: `{"any_port_enabled":true}` (full-port forwarding; dedicated load balancers, CCE Turbo). */
  public static readonly POOLS_OPTIONS = 'kubernetes.io/elb.pools-options';
  /** Most new connections per second on each listener (dedicated load balancers). */
  public static readonly CPS = 'kubernetes.io/elb.cps';
  /** Most concurrent connections on each listener (dedicated load balancers). */
  public static readonly CONNECTION = 'kubernetes.io/elb.connection';
  /** Backends from several clusters on one listener of an existing load balancer: `true`. */
  public static readonly MULTICLUSTER = 'kubernetes.io/elb.multicluster';
  /** Whether an auto-created load balancer is kept or deleted with the Service: `retain` or `alwaysDelete`. */
  public static readonly INSTANCE_RECLAIM_POLICY = 'kubernetes.io/elb.instance-reclaim-policy';
  /** Written by CCE: the EIP it created with a public load balancer. */
  public static readonly EIP_ID = 'kubernetes.io/elb.eip-id';
  /** Written by CCE: the result of binding a custom EIP. */
  public static readonly CUSTOM_EIP_STATUS = 'kubernetes.io/elb.custom-eip-status';
  /** Written by CCE: a retry counter. */
  public static readonly MARK = 'kubernetes.io/elb.mark';
  /** Written by CCE on cross-cluster Services and Services whose listener it does not manage; never set, edit or remove it. */
  public static readonly LISTENER_PORT = 'kubernetes.io/elb.listener-port';
  /** Written by CCE beside `kubernetes.io/elb.listener-port` for port ranges; never set, edit or remove it. */
  public static readonly LISTENER_PORT_RANGES_AUTO_GENERATED = 'kubernetes.io/elb.listener-port-ranges-auto-generated';

  // LoadBalancer Ingresses (ingressClassName: cce): OTC cce_10_0695 Tables 1–15; cce_10_0690, cce_10_0770 for redirect and rewrite.
  /** Ingress: the listener port (1–65535; default 80 for HTTP, 443 for HTTPS). */
  public static readonly PORT = 'kubernetes.io/elb.port';
  /** Ingress: an HTTP and an HTTPS listener together, as JSON: `[{"HTTP":80},{"HTTPS":443}]` (dedicated). */
  public static readonly LISTEN_PORTS = 'kubernetes.io/elb.listen-ports';
  /** Ingress: the TLS security policy of the HTTPS listener, such as `tls-1-2`. */
  public static readonly TLS_CIPHERS_POLICY = 'kubernetes.io/elb.tls-ciphers-policy';
  /** Ingress: a custom ELB security policy (its ID), instead of `tls-ciphers-policy`. */
  public static readonly SECURITY_POLICY_ID = 'kubernetes.io/elb.security_policy_id';
  /** Ingress: the protocol to the backends, `https` (dedicated, behind an HTTPS listener). */
  public static readonly POOL_PROTOCOL = 'kubernetes.io/elb.pool-protocol';
  /** Ingress: slow start of new backends, in seconds (30–1200, dedicated). */
  public static readonly SLOWSTART = 'kubernetes.io/elb.slowstart';
  /** Ingress: the order of this Ingress's forwarding rules on its listener (1–1000, unique per listener, dedicated). */
  public static readonly INGRESS_ORDER = 'kubernetes.io/elb.ingress-order';
  /** Ingress: forwarding rules keep the order they are listed in (`"true"` only, dedicated). */
  public static readonly RULE_PRIORITY_ENABLED = 'kubernetes.io/elb.rule-priority-enabled';
  /** Ingress: redirect every request of the Ingress to this URL (dedicated). */
  public static readonly REDIRECT_URL = 'kubernetes.io/elb.redirect-url';
  /** Ingress: the status code of the redirect (301, 302, 303, 307, 308; default 301). */
  public static readonly REDIRECT_URL_CODE = 'kubernetes.io/elb.redirect-url-code';
  /** Ingress: rewrite the path matched by a REGEX path, such as `/$1/$2` (dedicated). */
  public static readonly REWRITE_TARGET = 'kubernetes.io/elb.rewrite-target';
  /** Written by CCE on an Ingress: the Ingress (`namespace/name`) whose listener settings apply. */
  public static readonly LISTENER_MASTER_INGRESS = 'kubernetes.io/elb.listener-master-ingress';
  /** Ingress: prefix of the header forwarding policy of one backend Service (`kubernetes.io/elb.headers.<service>`). */
  public static readonly HEADERS_PREFIX = 'kubernetes.io/elb.headers.';
  /** Ingress: prefix of the forwarding conditions of one backend Service (`kubernetes.io/elb.conditions.<service>`). */
  public static readonly CONDITIONS_PREFIX = 'kubernetes.io/elb.conditions.';
  /** Ingress: prefix of the forwarding actions of one backend Service (`kubernetes.io/elb.actions.<service>`). */
  public static readonly ACTIONS_PREFIX = 'kubernetes.io/elb.actions.';

  /**
   * Annotations that CCE writes onto a Service or an Ingress itself, and that this library never emits. GitOps
   * tools see them as drift; ignore them there (see docs/gitops.md). Also written by CCE:
   * `kubernetes.io/elb.id` and `kubernetes.io/elb.enterpriseID` after it auto-creates a load
   * balancer, and `kubernetes.io/elb.pass-through: onlyLocal` under `externalTrafficPolicy: Local`.
   */
  public static readonly WRITTEN_BY_CCE: string[] = [
    'kubernetes.io/elb.eip-id',
    'kubernetes.io/elb.custom-eip-status',
    'kubernetes.io/elb.mark',
    'kubernetes.io/elb.listener-port',
    'kubernetes.io/elb.listener-port-ranges-auto-generated',
    'kubernetes.io/elb.listener-master-ingress',
  ];
}
