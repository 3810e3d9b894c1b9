import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { hasOwn, show } from '../annotations/values';

/*
 * The `selector` of a Service is any construct, read when the App is synthesized, so that the
 * library is tied to no cdk8s-plus major (every major from cdk8s-plus-22 on has the same
 * `toPodSelectorConfig()`), and plain `ApiObject` workloads (`KubeDeployment`, imported charts) work
 * too:
 * - a construct with `toPodSelectorConfig()` (a cdk8s-plus workload or `Pods.select(...)`): its
 *   label matchers and namespaces;
 * - otherwise its `ApiObject` (the construct itself, or its default child, as `ApiObject.of` finds
 *   it): `spec.selector` of a workload kind, or the labels of a Pod.
 * The container ports come from the workload's rendered pod template, for either kind.
 */

/** Workload kinds whose pods a Service can select, and where their pod template is. */
const POD_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  Pod: [],
};

/** What a `selector` construct gives a Service. */
export interface WorkloadSelection {
  /** The label matchers (a Map, so that any label key, even "__proto__", is kept as data). */
  readonly labels: Map<string, string>;
  /** The ports its containers declare; undefined when it has no containers (`Pods.select()`). */
  readonly exposed?: ExposedPorts;
}

/** The container ports of a workload, by number and by name. */
export interface ExposedPorts {
  readonly names: Set<string>;
  readonly numbers: Set<number>;
}

/**
 * Reads the pods a `selector` construct selects. Problems (label expressions, pods of another
 * namespace, a construct that is no workload) go to `messages`; `namespace` is the Service's.
 */
export function readWorkloadSelector(selector: IConstruct, messages: string[], namespace: string | undefined): WorkloadSelection {
  const path = selector.node.path;
  const config = podSelectorConfigOf(selector);
  const manifest = workloadManifestOf(selector);
  const labels = new Map<string, string>();
  let expressions = false;
  let namespaces: NamespaceSelection | undefined;
  if (config !== undefined) {
    for (const [key, value] of Object.entries(config.matchLabels)) labels.set(key, value);
    expressions = config.expressions;
    namespaces = config.namespaces;
  } else if (manifest !== undefined && typeof manifest.kind === 'string' && hasOwn(POD_TEMPLATES, manifest.kind)) {
    const metadata = objectAt(manifest, ['metadata']);
    const matchers = manifest.kind === 'Pod' ? { matchLabels: metadata?.labels } : objectAt(manifest, ['spec', 'selector']) ?? { matchLabels: objectAt(manifest, ['spec', 'template', 'metadata', 'labels']) };
    for (const [key, value] of Object.entries(asObject(matchers.matchLabels) ?? {})) {
      if (typeof value === 'string') labels.set(key, value);
    }
    expressions = Array.isArray(matchers.matchExpressions) && matchers.matchExpressions.length > 0;
    const own = metadata?.namespace;
    namespaces = typeof own === 'string' ? { names: [own], byLabel: false } : undefined;
  } else {
    const what = manifest === undefined ? 'has no ApiObject' : `is a ${show(manifest.kind)}, which runs no pods`;
    messages.push(
      `selector (spec.selector): ${path} ${what}; allowed: a cdk8s-plus workload or Pods.select(...), or an ApiObject of kind ${Object.keys(POD_TEMPLATES).join(', ')}`,
    );
    return { labels };
  }
  if (expressions) {
    messages.push(`selector (spec.selector): ${path} selects pods with label expressions, which a Service cannot use; allowed: a selector with label matchers only`);
  }
  // A workload in a namespaced Chart selects the pods of its own namespace: fine when that is the
  // Service's; any other namespace (or namespaces chosen by label) a Service cannot reach.
  if (namespaces !== undefined) {
    const names = namespaces.names;
    if (namespaces.byLabel || names === undefined || names.length !== 1) {
      messages.push(`selector (spec.selector): ${path} selects pods in other namespaces, which a Service cannot do; allowed: pods in the Service's namespace`);
    } else if (names[0] !== namespace) {
      const service = namespace === undefined ? 'the Service states no namespace' : `the Service is in ${show(namespace)}`;
      messages.push(
        `selector (spec.selector): ${path} selects pods in namespace ${show(names[0])}, and ${service}; a Service selects only pods of its own namespace, so the load balancer would have no backends; allowed: a workload in the Service's namespace (the same Chart namespace, or metadata.namespace)`,
      );
    }
  }
  return { labels, exposed: manifest === undefined ? undefined : exposedPortsOf(manifest) };
}

/** Namespaces a selector reaches: by name, or by label. */
interface NamespaceSelection {
  readonly names?: readonly string[];
  readonly byLabel: boolean;
}

/** The matchers of a cdk8s-plus pod selector. */
interface PodSelectorMatchers {
  readonly matchLabels: Record<string, string>;
  readonly expressions: boolean;
  readonly namespaces?: NamespaceSelection;
}

/** The matchers of a cdk8s-plus pod selector (any major), read by shape; undefined for other constructs. */
function podSelectorConfigOf(selector: IConstruct): PodSelectorMatchers | undefined {
  const toConfig = (selector as { toPodSelectorConfig?: unknown }).toPodSelectorConfig;
  if (typeof toConfig !== 'function') return undefined;
  const config = toConfig.call(selector) as { labelSelector?: KubeForm; namespaces?: { names?: string[]; labelSelector?: KubeForm } };
  // cdk8s-plus exposes the matchers of a LabelSelector only through its kube form.
  const kube = kubeFormOf(config.labelSelector);
  const namespaces = config.namespaces;
  let byLabel = false;
  if (namespaces !== undefined) {
    const labels = kubeFormOf(namespaces.labelSelector);
    byLabel = Object.keys(labels.matchLabels ?? {}).length > 0 || (labels.matchExpressions ?? []).length > 0;
  }
  return {
    matchLabels: kube.matchLabels ?? {},
    expressions: (kube.matchExpressions ?? []).length > 0,
    namespaces: namespaces === undefined ? undefined : { names: namespaces.names, byLabel },
  };
}

/** A cdk8s-plus `LabelSelector`, which has its matchers only in its kube form. */
interface KubeForm {
  _toKube?(): { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
}

function kubeFormOf(selector: KubeForm | undefined): { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } {
  return typeof selector?._toKube === 'function' ? selector._toKube() : {};
}

/**
 * The rendered manifest of the construct's ApiObject (the construct itself, or its default child,
 * as `ApiObject.of` finds it; `isApiObject` rather than `instanceof`, so an object of another copy
 * of cdk8s is found too); undefined when it has none, or when it cannot be rendered yet (cdk8s then
 * reports that object's own error when it synthesizes it).
 */
function workloadManifestOf(construct: IConstruct): Record<string, unknown> | undefined {
  let current: IConstruct | undefined = construct;
  while (current !== undefined && !ApiObject.isApiObject(current)) current = current.node.defaultChild;
  if (current === undefined) return undefined;
  try {
    return asObject((current as ApiObject).toJson());
  } catch {
    return undefined;
  }
}

/** The ports the containers of a workload's pod template declare; undefined without containers. */
function exposedPortsOf(manifest: Record<string, unknown>): ExposedPorts | undefined {
  const where = typeof manifest.kind === 'string' && hasOwn(POD_TEMPLATES, manifest.kind) ? POD_TEMPLATES[manifest.kind] : undefined;
  if (where === undefined) return undefined;
  const containers = objectAt(manifest, [...where, 'spec'])?.containers;
  if (!Array.isArray(containers) || containers.length === 0) return undefined;
  const names = new Set<string>();
  const numbers = new Set<number>();
  for (const container of containers) {
    const ports = asObject(container)?.ports;
    for (const port of Array.isArray(ports) ? ports : []) {
      const { containerPort, name } = asObject(port) ?? {};
      if (typeof containerPort === 'number') numbers.add(containerPort);
      if (typeof name === 'string') names.add(name);
    }
  }
  return { names, numbers };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}

/** The object at a path of own keys; undefined where a step is missing or not an object. */
function objectAt(value: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  let current: Record<string, unknown> | undefined = value;
  for (const key of path) current = current !== undefined && hasOwn(current, key) ? asObject(current[key]) : undefined;
  return current;
}
