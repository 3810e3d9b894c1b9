import { Finding, Findings } from './finding';
import { checkHealthCheck } from './health-check-rules';
import { checkListeners } from './listener-rules';
import { checkAutoCreate, checkLoadBalancerSource, checkSimpleAnnotations } from './load-balancer-rules';
import { checkPorts, checkServiceFields } from './port-rules';
import { ServiceManifest, ServiceView, decodeService } from './service-view';
import { checkSessionAffinity } from './session-rules';

export type { Finding } from './finding';
export { formatFinding } from './finding';
export type { ServiceManifest, ServiceView } from './service-view';
export { decodeService } from './service-view';

/** A rule: a pure function over the view that adds what it finds. */
export type ServiceRule = (view: ServiceView, findings: Findings) => void;

/** Every rule, in the order their findings are reported. */
export const SERVICE_RULES: readonly ServiceRule[] = [
  checkLoadBalancerSource,
  checkAutoCreate,
  checkSimpleAnnotations,
  checkPorts,
  checkServiceFields,
  checkListeners,
  checkSessionAffinity,
  checkHealthCheck,
];

/** Decodes a LoadBalancer Service manifest and runs every rule over it. */
export function checkServiceManifest(manifest: ServiceManifest): Finding[] {
  const { view, findings } = decodeService(manifest);
  for (const rule of SERVICE_RULES) {
    rule(view, findings);
  }
  return findings.items;
}
