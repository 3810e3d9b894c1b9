import { checkAccessControl, checkSourceRanges } from './access-control-rules';
import { checkAnnotationKeys } from './annotation-key-rules';
import { checkCatalogEntries } from './catalog-rules';
import { Finding, Findings } from './finding';
import { checkHealthCheck } from './health-check-rules';
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

/** Runs every rule over a decoded Service, adding to the findings of its decoding under the rule's id. */
export function runServiceRules(view: ServiceView, findings: Findings): void {
  for (const rule of SERVICE_RULES) {
    findings.rule = rule.id;
    rule.check(view, findings);
  }
}

/** Decodes a LoadBalancer Service manifest and runs every rule over it. */
export function checkServiceManifest(manifest: ServiceManifest, cluster: ClusterInfo = {}): Finding[] {
  const { view, findings } = decodeService(manifest, cluster);
  runServiceRules(view, findings);
  return findings.items;
}
