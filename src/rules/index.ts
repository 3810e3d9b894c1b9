import { checkAccessControl, checkSourceRanges } from './access-control-rules';
import { checkAnnotationKeys } from './annotation-key-rules';
import { checkCatalogEntries } from './catalog-rules';
import { Finding, Findings } from './finding';
import { checkHealthCheck } from './health-check-rules';
import { checkForwardingPolicies, checkIngressClass, checkIngressListeners, checkIngressPaths } from './ingress-rules';
import { IngressManifest, IngressView, decodeIngress } from './ingress-view';
import { checkListeners } from './listener-rules';
import { checkAutoCreate, checkCustomEip, checkLoadBalancerSource } from './load-balancer-rules';
import { checkMultiCluster, checkPoolsOptions, checkPortRanges } from './port-range-rules';
import { checkPorts, checkServiceFields } from './port-rules';
import { ErrorRuleId } from './rule-ids';
import { ServiceManifest, ServiceView, decodeService } from './service-view';
import { checkSessionAffinity } from './session-rules';
import { checkTimeouts } from './timeout-rules';
import { checkTrafficPolicy } from './traffic-policy-rules';
import { ClusterInfo } from '../cluster/cluster-info';

export type { Finding } from './finding';
export { formatFinding } from './finding';
export type { ServiceManifest, ServiceView } from './service-view';
export { decodeService } from './service-view';
export type { IngressManifest, IngressView } from './ingress-view';
export { decodeIngress, isCceIngress } from './ingress-view';

/** A rule: a pure function over the view that adds what it finds. */
export type ServiceRule = (view: ServiceView, findings: Findings) => void;

/** Every rule with its id (rule-ids.ts), in the order their findings are reported. */
export const SERVICE_RULES: ReadonlyArray<{ readonly id: ErrorRuleId; readonly check: ServiceRule }> = [
  { id: 'load-balancer', check: checkLoadBalancerSource },
  { id: 'annotation-key', check: checkAnnotationKeys },
  // Sets its own ids: annotation-value, -class, -listener and -version, by what it checks.
  { id: 'annotation-value', check: checkCatalogEntries },
  { id: 'auto-create', check: checkAutoCreate },
  { id: 'ports', check: checkPorts },
  { id: 'service-fields', check: checkServiceFields },
  { id: 'listeners', check: checkListeners },
  { id: 'port-ranges', check: checkPortRanges },
  { id: 'pools-options', check: checkPoolsOptions },
  { id: 'multi-cluster', check: checkMultiCluster },
  { id: 'session-affinity', check: checkSessionAffinity },
  { id: 'health-check', check: checkHealthCheck },
  { id: 'access-control', check: checkAccessControl },
  { id: 'source-ranges', check: checkSourceRanges },
  { id: 'timeouts', check: checkTimeouts },
  { id: 'traffic-policy', check: checkTrafficPolicy },
  { id: 'custom-eip', check: checkCustomEip },
];

/** Runs rules over a decoded object, adding to the findings of its decoding under each rule's id. */
type Rules<V> = ReadonlyArray<{ readonly id: ErrorRuleId; readonly check: (view: V, findings: Findings) => void }>;

function runRules<V>(rules: Rules<V>, view: V, findings: Findings): void {
  for (const rule of rules) {
    findings.rule = rule.id;
    rule.check(view, findings);
  }
}

/** Runs every rule over a decoded Service, adding to the findings of its decoding under the rule's id. */
export function runServiceRules(view: ServiceView, findings: Findings): void {
  runRules(SERVICE_RULES, view, findings);
}

/** Decodes a LoadBalancer Service manifest and runs every rule over it. */
export function checkServiceManifest(manifest: ServiceManifest, cluster: ClusterInfo = {}): Finding[] {
  const { view, findings } = decodeService(manifest, cluster);
  runServiceRules(view, findings);
  return findings.items;
}

/** A rule over an Ingress. */
export type IngressRule = (view: IngressView, findings: Findings) => void;

/**
 * Every rule of a LoadBalancer Ingress (`ingressClassName: cce`), with its id, in the order their
 * findings are reported. The rules shared with Services (load balancer, keys, catalog entries,
 * autocreate, access control, timeouts, custom EIP) are the same functions.
 */
export const INGRESS_RULES: ReadonlyArray<{ readonly id: ErrorRuleId; readonly check: IngressRule }> = [
  { id: 'ingress-class', check: checkIngressClass },
  { id: 'load-balancer', check: checkLoadBalancerSource },
  { id: 'annotation-key', check: checkAnnotationKeys },
  { id: 'annotation-value', check: checkCatalogEntries },
  { id: 'auto-create', check: checkAutoCreate },
  { id: 'ingress-listeners', check: checkIngressListeners },
  { id: 'ingress-paths', check: checkIngressPaths },
  { id: 'forwarding-policies', check: checkForwardingPolicies },
  { id: 'access-control', check: checkAccessControl },
  { id: 'timeouts', check: checkTimeouts },
  { id: 'custom-eip', check: checkCustomEip },
];

/** Runs every Ingress rule over a decoded Ingress, adding to the findings of its decoding. */
export function runIngressRules(view: IngressView, findings: Findings): void {
  runRules(INGRESS_RULES, view, findings);
}

/** Decodes a LoadBalancer Ingress manifest and runs every Ingress rule over it. */
export function checkIngressManifest(manifest: IngressManifest, cluster: ClusterInfo = {}): Finding[] {
  const { view, findings } = decodeIngress(manifest, cluster);
  runIngressRules(view, findings);
  return findings.items;
}
