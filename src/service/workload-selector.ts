import { ApiObject, Lazy } from 'cdk8s';
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
 *   it), rendered: its `spec.selector` (or its pod template's labels; for a Pod, its labels), so
 *   that any workload kind works, custom resources such as an Argo Rollout or an OpenKruise CloneSet
 *   too (a CronJob's pods are those of its job template).
 * The container ports come from the workload's rendered pod template, for either kind. Anything
 * that cannot be read is a problem naming `selector`, never an exception.
 */

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

/** What is allowed as a `selector`, for the messages. */
const ALLOWED = 'allowed: a cdk8s-plus workload or Pods.select(...), or an ApiObject workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, or a custom resource with spec.selector or spec.template)';

/**
 * Reads the pods a `selector` construct selects, and with `withPorts` the ports its containers
 * declare. Problems (label expressions, pods of another namespace, a construct that runs no pods or
 * cannot be read) go to `messages`; `namespace` is the Service's.
 */
export function readWorkloadSelector(selector: IConstruct, messages: string[], namespace: string | undefined, withPorts: boolean): WorkloadSelection {
  const path = (selector as { node?: { path?: unknown } } | null | undefined)?.node?.path;
  if (typeof path !== 'string') {
    messages.push(`selector (spec.selector): ${show(selector)} is not a construct; ${ALLOWED}`);
    return { labels: new Map() };
  }
  try {
    return readConstruct(selector, path, messages, namespace, withPorts);
  } catch (e) {
    messages.push(`selector (spec.selector): ${path} could not be read (${(e as Error)?.message ?? show(e)}); ${ALLOWED}`);
    return { labels: new Map() };
  }
}

function readConstruct(selector: IConstruct, path: string, messages: string[], namespace: string | undefined, withPorts: boolean): WorkloadSelection {
  const config = podSelectorConfigOf(selector);
  // A cdk8s-plus workload is rendered only for its ports; any other construct, for its labels too.
  const manifest = config === undefined ? workloadManifestOf(selector) : withPorts ? manifestForPortsOf(selector) : undefined;
  const labels = new Map<string, string>();
  let matchLabels: Readonly<Record<string, unknown>> = {};
  let expressions = false;
  let namespaces: NamespaceSelection | undefined;
  if (config !== undefined) {
    matchLabels = config.matchLabels;
    expressions = config.expressions;
    namespaces = config.namespaces;
  } else if (manifest !== undefined && podTemplateOf(manifest) !== undefined) {
    const matchers = matchersOf(manifest);
    matchLabels = matchers.matchLabels;
    expressions = matchers.expressions;
    const own = objectAt(manifest, ['metadata'])?.namespace;
    namespaces = typeof own === 'string' ? { names: [own], byLabel: false } : undefined;
  } else {
    const what = manifest === undefined ? 'has no ApiObject' : `is a ${show(manifest.kind)}, which runs no pods (it has no spec.selector or spec.template)`;
    messages.push(`selector (spec.selector): ${path} ${what}; ${ALLOWED}`);
    return { labels };
  }
  for (const [key, value] of Object.entries(matchLabels)) {
    const label = resolveLazy(value);
    if (typeof label === 'string') labels.set(key, label);
    else messages.push(`selector (spec.selector): ${path} has the label ${show(key)} with the value ${show(label)}, which is not a string; allowed: string label values`);
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
    } else if (resolveLazy(names[0]) !== namespace) {
      const service = namespace === undefined ? 'the Service states no namespace' : `the Service is in ${show(namespace)}`;
      messages.push(
        `selector (spec.selector): ${path} selects pods in namespace ${show(resolveLazy(names[0]))}, and ${service}; a Service selects only pods of its own namespace, so the load balancer would have no backends; allowed: a workload in the Service's namespace (the same Chart namespace, or metadata.namespace)`,
      );
    }
  }
  return { labels, exposed: manifest === undefined || !withPorts ? undefined : exposedPortsOf(manifest) };
}

/** A value with any cdk8s `Lazy` produced (cdk8s-plus keeps them in its label matchers until synth). */
export function resolveLazy(value: unknown): unknown {
  let current = value;
  for (let depth = 0; current instanceof Lazy && depth < 100; depth++) current = current.produce();
  return current;
}

/** Namespaces a selector reaches: by name, or by label. */
interface NamespaceSelection {
  readonly names?: readonly string[];
  readonly byLabel: boolean;
}

/** The matchers of a cdk8s-plus pod selector, and the namespaces it reaches. */
interface PodSelectorMatchers extends Matchers {
  readonly namespaces?: NamespaceSelection;
}

/** The matchers of a cdk8s-plus pod selector (any major), read by shape; undefined for other constructs. */
function podSelectorConfigOf(selector: IConstruct): PodSelectorMatchers | undefined {
  const toConfig = (selector as { toPodSelectorConfig?: unknown }).toPodSelectorConfig;
  if (typeof toConfig !== 'function') return undefined;
  const config = asObject(toConfig.call(selector));
  if (config === undefined) throw new Error('its toPodSelectorConfig() returned no configuration');
  // cdk8s-plus exposes the matchers of a LabelSelector only through its kube form.
  const kube = kubeFormOf(config.labelSelector);
  const namespaces = asObject(config.namespaces);
  let byLabel = false;
  if (namespaces !== undefined) {
    const labels = kubeFormOf(namespaces.labelSelector);
    byLabel = Object.keys(labels.matchLabels).length > 0 || labels.expressions;
  }
  const names = namespaces?.names;
  return {
    matchLabels: kube.matchLabels,
    expressions: kube.expressions,
    namespaces: namespaces === undefined ? undefined : { names: Array.isArray(names) ? names : undefined, byLabel },
  };
}

/** The matchers of a cdk8s-plus `LabelSelector`, which has them only in its kube form. */
function kubeFormOf(selector: unknown): Matchers {
  const toKube = (selector as { _toKube?: unknown } | null | undefined)?._toKube;
  const kube = typeof toKube === 'function' ? asObject(toKube.call(selector)) : undefined;
  return labelSelectorOf(kube);
}

/** Label matchers as a Service can use them: equality matchers, and whether there are expressions. */
interface Matchers {
  readonly matchLabels: Readonly<Record<string, unknown>>;
  readonly expressions: boolean;
}

/** The label matchers of a Kubernetes LabelSelector (`matchLabels`, `matchExpressions`), or of a plain label map (a ReplicationController's). */
function labelSelectorOf(selector: Readonly<Record<string, unknown>> | undefined): Matchers {
  if (selector === undefined) return { matchLabels: {}, expressions: false };
  if (!hasOwn(selector, 'matchLabels') && !hasOwn(selector, 'matchExpressions')) return { matchLabels: selector, expressions: false };
  const expressions = selector.matchExpressions;
  return { matchLabels: asObject(selector.matchLabels) ?? {}, expressions: Array.isArray(expressions) && expressions.length > 0 };
}

/** The label matchers of a rendered workload: its `spec.selector`, else its pod template's labels (a Pod's own labels). */
function matchersOf(manifest: Record<string, unknown>): Matchers {
  if (manifest.kind === 'Pod') return labelSelectorOf(asObject(objectAt(manifest, ['metadata'])?.labels) ?? {});
  const where = manifest.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'selector'] : ['spec', 'selector'];
  const selector = objectAt(manifest, where);
  if (selector !== undefined) return labelSelectorOf(selector);
  return labelSelectorOf(asObject(objectAt(podTemplateOf(manifest) ?? {}, ['metadata'])?.labels) ?? {});
}

/** The pod template of a rendered workload (for a Pod, the Pod itself); undefined for what runs no pods. */
function podTemplateOf(manifest: Record<string, unknown>): Record<string, unknown> | undefined {
  if (manifest.kind === 'Pod') return manifest;
  if (manifest.kind === 'CronJob') return objectAt(manifest, ['spec', 'jobTemplate', 'spec', 'template']);
  return objectAt(manifest, ['spec', 'template']) ?? (objectAt(manifest, ['spec', 'selector']) !== undefined ? {} : undefined);
}

/**
 * The rendered manifest of the construct's ApiObject (the construct itself, or its default child,
 * as `ApiObject.of` finds it; `isApiObject` rather than `instanceof`, so an object of another copy
 * of cdk8s is found too); undefined when it has none. Throws what rendering throws.
 */
function workloadManifestOf(construct: IConstruct): Record<string, unknown> | undefined {
  let current: IConstruct | undefined = construct;
  while (current !== undefined && !ApiObject.isApiObject(current)) current = current.node.defaultChild;
  return current === undefined ? undefined : asObject((current as ApiObject).toJson());
}

/**
 * The manifest of a cdk8s-plus workload, read only for its container ports: undefined when it
 * cannot be rendered yet (cdk8s reports that object's own error when it synthesizes it).
 */
function manifestForPortsOf(construct: IConstruct): Record<string, unknown> | undefined {
  try {
    return workloadManifestOf(construct);
  } catch {
    return undefined;
  }
}

/**
 * The ports the containers of a workload's pod template declare (native sidecars, init containers
 * that keep running, included); undefined without containers.
 */
function exposedPortsOf(manifest: Record<string, unknown>): ExposedPorts | undefined {
  const spec = objectAt(podTemplateOf(manifest) ?? {}, ['spec']);
  const containers = spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) return undefined;
  const sidecars = Array.isArray(spec?.initContainers) ? spec.initContainers.filter((c) => asObject(c)?.restartPolicy === 'Always') : [];
  const names = new Set<string>();
  const numbers = new Set<number>();
  for (const container of [...containers, ...sidecars]) {
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
