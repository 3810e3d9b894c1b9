/**
 * Warnings: settings that CCE accepts but that probably do not do what the author meant. They are
 * printed at synth and never fatal, unless strict validation is on (`ElbValidation.strict()` or
 * `CCE_ELB_STRICT=true`). Acknowledge one for a Service, with a reason, through
 * `ElbService.acknowledgeWarning()`.
 */
export enum ElbWarning {
  /**
   * A setting that CCE ignores here: an HTTPS-only setting without an HTTPS listener, tags or an
   * enterprise project without an auto-created load balancer, a sticky-session timeout without
   * sticky sessions, adaptive weights with passthrough networking, and the like.
   */
  NO_EFFECT = 'no-effect',
  /**
   * `kubernetes.io/elb.pass-through: "true"` with `externalTrafficPolicy: Local`: CCE rewrites the
   * annotation to `onlyLocal`, which GitOps tools then report as drift.
   */
  PASS_THROUGH_REWRITTEN = 'pass-through-rewritten',
  /**
   * `externalTrafficPolicy: Local` without passthrough networking: nodes and pods may fail to reach
   * the Service through the load balancer's address.
   */
  LOCAL_IN_CLUSTER_ACCESS = 'local-in-cluster-access',
  /**
   * `kubernetes.io/elb.custom-eip-id` on a Service whose load balancer has no EIP from CCE yet
   * (no `kubernetes.io/elb.eip-id`): CCE applies the custom EIP only on an update after it created
   * the load balancer with an EIP.
   */
  CUSTOM_EIP_ON_UPDATE = 'custom-eip-on-update',
  /**
   * `kubernetes.io/elb.transparent-client-ip` when the cluster flavor is not known: on a standard
   * cluster it needs `externalTrafficPolicy: Local`.
   */
  TRANSPARENT_CLIENT_IP_NEEDS_LOCAL = 'transparent-client-ip-needs-local',
  /**
   * A Service and an Ingress on the same existing load balancer in a cluster whose kube-proxy runs
   * in IPVS mode: kube-proxy binds the Service's load balancer address to the ipvs-0 bridge, which
   * intercepts the traffic for the Ingress, so nodes and containers in the cluster cannot reach the
   * Ingress. CCE advises different load balancers for the Ingress and the Service. Checked across
   * the whole App at synth.
   */
  INGRESS_SHARES_ELB = 'ingress-shares-elb',
  /**
   * A `kubernetes.io/elb.*` key that CCE does not read: a misspelt key (the message names the
   * nearest known one), a key of the open-source cloud-provider-huaweicloud controller, or a legacy
   * key (the message names the CCE key to use instead). CCE ignores it, so what it meant to set
   * does not happen.
   */
  UNKNOWN_ANNOTATION = 'unknown-annotation',
  /**
   * An annotation that CCE writes onto the Service itself (`kubernetes.io/elb.mark`,
   * `kubernetes.io/elb.eip-id`, `kubernetes.io/elb.pass-through: onlyLocal`, …) in a manifest meant
   * for `kubectl apply`. On an object read back from a cluster it is expected and not reported.
   */
  WRITTEN_BY_CCE = 'written-by-cce',
  /**
   * A setting that applies to one load balancer class on a Service that does not state
   * `kubernetes.io/elb.class`. CCE's documented default is `union` (shared), under which the
   * setting does not apply; some regions with ELB v3 default to `performance` (dedicated).
   */
  CLASS_NOT_STATED = 'class-not-stated',
  /**
   * `kubernetes.io/elb.port-ranges`: CCE deletes and recreates the listener when a range changes,
   * which interrupts its traffic for a few seconds. Acknowledge it once changes are planned for.
   */
  LISTENER_RECREATED = 'listener-recreated',
  /**
   * A value in a form that CCE documents a feature for without showing its syntax (such as a
   * `quic:<port>` entry in `kubernetes.io/elb.protocol-port`): the library can neither accept nor
   * refuse it, so it is not checked.
   */
  UNCONFIRMED_SYNTAX = 'unconfirmed-syntax',
  /**
   * An `ElbService` or `ElbIngress` with an auto-created load balancer and no `metadata.name`:
   * cdk8s names the object after its construct path, so renaming or moving the construct makes a
   * new object, and CCE then deletes this load balancer and creates another, with a new address.
   */
  GENERATED_NAME = 'generated-name',
  /**
   * A `targetPort` that no container of the `selector` workload exposes: a port name no container
   * port has (the Service cannot resolve it), or a number none of the declared container ports has
   * (traffic still reaches the pod if it listens there, so only when the workload declares ports).
   */
  TARGET_PORT_NOT_EXPOSED = 'target-port-not-exposed',
  /**
   * A LoadBalancer Service without a selector (none, or an empty one): Kubernetes creates no
   * endpoints for it, so the load balancer has backends only if something else manages the
   * Service's EndpointSlices (a legitimate setup for backends outside the cluster, and a mistake
   * otherwise).
   */
  NO_SELECTOR = 'no-selector',
  /**
   * Ingresses that share a listener (one load balancer and port) with different listener
   * settings (certificates, security policy, HTTP/2, timeouts, access control, gzip): CCE applies
   * those of the Ingress created first (the "first route", `elb.listener-master-ingress`) and
   * ignores the others'.
   */
  LISTENER_SETTINGS_DIFFER = 'listener-settings-differ',
  /**
   * The Ingress class written in the form CCE does not document for the cluster version:
   * `kubernetes.io/ingress.class: cce` on v1.23 and later, or `spec.ingressClassName: cce` on
   * v1.21 and earlier.
   */
  INGRESS_CLASS_FORM = 'ingress-class-form',
  /**
   * At synth, an Ingress backend that names a Service the App does not hold. It may be created
   * elsewhere; if not, the ELB forwards to nothing. (The linter does not report it: the files it
   * reads are often a part of what is applied.)
   */
  BACKEND_NOT_FOUND = 'backend-not-found',
}
