import { ElbObjectView } from './elb-view';
import { Findings } from './finding';
import { ElbWarning } from './warnings';
import { catalogEntry, readsOn, subjectOf } from '../annotations/catalog';
import { BACKEND_GROUP_KEYS, FOREIGN_KEYS, isDocumentedKey, nearestDocumentedKey } from '../annotations/known-keys';

const ELB_PREFIX = 'kubernetes.io/elb.';

/**
 * Annotation keys CCE does not read: CCE ignores them, so what they meant to set does not happen.
 * A key of the cloud-provider-huaweicloud dialect or a legacy key names the CCE key to use; any
 * other unknown `kubernetes.io/elb.*` key names the nearest documented key (a typo, most likely).
 * Keys CCE documents but the catalog does not type yet are known: no warning.
 */
export function checkAnnotationKeys(view: ElbObjectView, findings: Findings): void {
  for (const key in view.annotations) {
    const entry = catalogEntry(key);
    if (view.kind === 'Ingress' && BACKEND_GROUP_KEYS.has(key)) continue;
    if (entry !== undefined && !readsOn(entry, view.kind)) {
      const other = view.kind === 'Service' ? 'Ingress' : 'Service';
      findings.warn(
        ElbWarning.NO_EFFECT,
        subjectOf(key, undefined, other),
        `has no effect: CCE reads it on ${other === 'Ingress' ? 'Ingresses' : 'Services'} (${other === 'Ingress' ? 'ingressClassName: cce' : 'type: LoadBalancer'}), not on ${view.kind === 'Ingress' ? 'Ingresses' : 'Services'}; allowed: leave it out${other === 'Ingress' ? ', or set it on the Ingress' : ''}`,
      );
      continue;
    }
    if (isDocumentedKey(key)) continue;
    const foreign = FOREIGN_KEYS.get(key);
    if (foreign !== undefined) {
      findings.warn(ElbWarning.UNKNOWN_ANNOTATION, key, foreign);
    } else if (key.startsWith(ELB_PREFIX)) {
      const nearest = nearestDocumentedKey(key);
      findings.warn(
        ElbWarning.UNKNOWN_ANNOTATION,
        key,
        nearest !== undefined
          ? `is not an annotation CCE reads, so it has no effect; did you mean ${nearest}?`
          : 'is not an annotation CCE reads, so it has no effect; allowed: the keys of docs/annotations.md',
      );
    }
  }
}
