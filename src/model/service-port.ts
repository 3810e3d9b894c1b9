import { HealthCheck } from './health-check';

/** Protocol of a Service port. CCE load balancers forward TCP and UDP. */
export enum PortProtocol {
  /** TCP. */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
}

/**
 * Which nodes the load balancer sends traffic to (`spec.externalTrafficPolicy`), which CCE calls
 * Service affinity.
 */
export enum ExternalTrafficPolicy {
  /** Cluster level: every node forwards to any pod (source IP is not kept). */
  CLUSTER = 'Cluster',
  /**
   * Node level: only nodes running a pod receive traffic, and the client source IP is kept. Access
   * to the load balancer address from inside the cluster may fail; see `PassThroughService`.
   */
  LOCAL = 'Local',
}

/** Kubernetes session affinity of the Service (`spec.sessionAffinity`), applied by kube-proxy. */
export enum ServiceSessionAffinity {
  /** No affinity. */
  NONE = 'None',
  /** Requests from one client IP go to the same pod. */
  CLIENT_IP = 'ClientIP',
}

/**
 * A range of listener ports (`"<start>,<end>"` in `kubernetes.io/elb.port-ranges`): the listener of
 * the Service port takes every port from `start` to `end`.
 */
export interface ElbPortRange {
  /** First port of the range: 1 to 65535. */
  readonly start: number;
  /** Last port of the range: `start` to 65535. */
  readonly end: number;
}

/** One port of the Service (`spec.ports[]`); each port gets a listener on the load balancer. */
export interface ElbServicePort {
  /** Port the load balancer and the Service listen on (`port`): 1 to 65535. */
  readonly port: number;
  /**
   * Name of the port (`name`), a DNS label. Required when the Service has more than one port.
   * @default - no name
   */
  readonly name?: string;
  /**
   * Container port that traffic is sent to (`targetPort`), as a number. Give at most one of
   * `targetPort` and `targetPortName`.
   * @default - Kubernetes uses `port` (no targetPort is written)
   */
  readonly targetPort?: number;
  /**
   * Container port that traffic is sent to, by the container port's name (`targetPort`).
   * @default - see `targetPort`
   */
  readonly targetPortName?: string;
  /**
   * Protocol (`protocol`).
   * @default - Kubernetes' default, TCP (no protocol is written)
   */
  readonly protocol?: PortProtocol;
  /**
   * Node port (`nodePort`); `0` lets Kubernetes choose, as when it is left out.
   * @default - Kubernetes chooses (no nodePort is written)
   */
  readonly nodePort?: number;
  /**
   * ELB health check of this port alone (one entry of `kubernetes.io/elb.health-check-options`).
   * Give per-port checks or the Service's `healthCheck`, not both. Clusters of v1.19.16-r5,
   * v1.21.8-r0, v1.23.6-r0, v1.25.2-r0 and later.
   * @default - the Service's health check
   */
  readonly healthCheck?: HealthCheck;
  /**
   * Port ranges the listener of this port also listens on (`kubernetes.io/elb.port-ranges`, keyed by
   * the port `name`, which is then required): 1 to 10 ranges that do not overlap, within 1–65535.
   * Dedicated load balancers whose region offers full-port listening; TCP, UDP and TLS listeners;
   * clusters of v1.23.18-r0, v1.25.13-r0, v1.27.10-r0, v1.28.8-r0, v1.29.4-r0, v1.30.1-r0 and
   * later. Changing a range later makes CCE recreate the listener (a few seconds without traffic:
   * `ElbWarning.LISTENER_RECREATED`).
   * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0929.html
   * @default - the listener takes `port` only
   */
  readonly portRanges?: ElbPortRange[];
}
