import { Findings } from './finding';
import { ListenerKind, ResourceKind, catalogEntry, readsOn, subjectOf } from '../annotations/catalog';
import { hasOwn, kindOf, show } from '../annotations/values';
import { ClusterInfo } from '../cluster/cluster-info';

/**
 * What the rules shared by Services and Ingresses read of either kind: the annotations decoded
 * through the catalog, the load balancer class, the listener protocols, the cluster. Built by
 * `decodeService` and `decodeIngress`; rules that take this view serve both kinds.
 */
export interface ElbObjectView {
  readonly kind: ResourceKind;
  /** Every string annotation, raw. */
  readonly annotations: Readonly<Record<string, string>>;
  /** Annotations CCE reads on this kind, decoded by their codec; absent when absent or not decodable. */
  readonly values: ReadonlyMap<string, unknown>;
  /** `kubernetes.io/elb.autocreate`, decoded. */
  readonly autoCreate?: Readonly<Record<string, unknown>>;
  /** `elb.class` when it is set (CCE's documented default, when it is not, is `union`). */
  readonly elbClass?: string;
  /** The protocols of the object's listeners on the load balancer. */
  readonly listenerKinds: ReadonlySet<ListenerKind>;
  /** Whether `listenerKinds` says anything: false for a Service without ports. */
  readonly listenersKnown: boolean;
  /**
   * The object was read back from a cluster (`kubectl get -o yaml`, a GitOps export): it carries
   * what CCE writes (`elb.eip-id`, `elb.id` beside `elb.autocreate`, …).
   */
  readonly readBack: boolean;
  /** What is known about the target cluster (empty when nothing is). */
  readonly cluster: ClusterInfo;
}

/** "this Service" or "this Ingress", for messages. */
export function thisObject(view: Pick<ElbObjectView, 'kind'>): string {
  return `this ${view.kind}`;
}

/**
 * The annotations of an object: the string ones raw, and those CCE reads on this kind decoded by
 * their catalog codec. A value that is not a string, or does not decode, is a finding under its
 * key (rules `annotation-string`, `annotation-value`); keys of the other kind are left to
 * `checkAnnotationKeys`. Unknown keys are kept raw and not checked.
 */
export function decodeAnnotations(
  given: Readonly<Record<string, unknown>>, kind: ResourceKind, findings: Findings,
): { annotations: Record<string, string>; values: Map<string, unknown> } {
  const annotations: Record<string, string> = {};
  const values = new Map<string, unknown>();
  // A loop over the keys, not Object.entries(): this runs for every object at every synth.
  for (const key in given) {
    if (!hasOwn(given, key)) continue;
    const value = given[key];
    const found = catalogEntry(key);
    const entry = found !== undefined && readsOn(found, kind) ? found : undefined;
    if (typeof value !== 'string') {
      if (entry) {
        findings.rule = 'annotation-string';
        findings.add(
          subjectOf(key, undefined, kind),
          value === null
            ? 'is empty (null); allowed: a string (annotation values are always strings; quote an empty one as "")'
            : `${show(value)} is ${kindOf(value)}; allowed: a string (annotation values are always strings: quote it)`,
        );
      }
      continue;
    }
    annotations[key] = value;
    if (!entry) continue;
    const decoded = entry.codec.decode(value);
    findings.rule = 'annotation-value';
    if (decoded.ok) values.set(key, decoded.value);
    else findings.add(subjectOf(key, undefined, kind), decoded.problem);
  }
  return { annotations, values };
}
