import { ElbObjectView, decodeAnnotations } from './elb-view';
import { Findings } from './finding';
import { ListenerKind } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { fieldsOf, hasOwn, show } from '../annotations/values';
import { ClusterInfo } from '../cluster/cluster-info';

/** The legacy Ingress class annotation, read by CCE on clusters of v1.21 and earlier. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** The class of CCE's LoadBalancer Ingresses. */
export const CCE_INGRESS_CLASS = 'cce';
/** The non-standard field of each path that sets how CCE matches it (cce_10_0252). */
export const URL_MATCH_MODE = 'ingress.beta.kubernetes.io/url-match-mode';
/** The values of `url-match-mode`. */
export const URL_MATCH_MODES = ['EQUAL_TO', 'STARTS_WITH', 'REGEX'];

/** One listener of an Ingress on its load balancer. */
export interface IngressListenerView {
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly port: number;
  /** The annotation that makes it: `elb.port`, `elb.listen-ports`, or none (the default port). */
  readonly source?: string;
}

/** One path of one rule (or the default backend), as decoded. */
export interface IngressPathView {
  /** Where it is, for messages: `spec.rules[0].http.paths[1]` or `spec.defaultBackend`. */
  readonly at: string;
  readonly host?: unknown;
  readonly path?: unknown;
  readonly pathType?: unknown;
  /** `property.ingress.beta.kubernetes.io/url-match-mode`. */
  readonly matchMode?: unknown;
  /** Whether the path has a `property` map. */
  readonly hasProperty: boolean;
  /** The backend Service's name (`backend.service.name`, or `backend.serviceName` in v1beta1). */
  readonly serviceName?: unknown;
  /** Its port: `port.number` or `port.name` (`servicePort` in v1beta1). */
  readonly servicePort?: unknown;
  /** Where the backend's Service name and port are, for messages: `….backend.service.name` (`….backend.serviceName` in v1beta1). */
  readonly nameAt: string;
  readonly portAt: string;
  /** The backend is written in the v1beta1 form (`serviceName`, `servicePort`). */
  readonly legacyBackend: boolean;
  /** The backend has the v1 `service` block. */
  readonly serviceBackend: boolean;
  /** The keys of the path's `property` map, when it is one. */
  readonly propertyKeys: readonly string[];
}

/**
 * A LoadBalancer Ingress (`ingressClassName: cce`) normalised for the rules, as `ServiceView` is
 * for Services: its annotations decoded through the catalog (the Ingress facet of each entry), its
 * listeners, paths and TLS.
 */
export interface IngressView extends ElbObjectView {
  readonly kind: 'Ingress';
  readonly apiVersion?: unknown;
  /** `metadata.name` and `metadata.namespace` (undefined when absent). */
  readonly name?: unknown;
  readonly namespace?: unknown;
  readonly ingressClassName?: unknown;
  /** `kubernetes.io/ingress.class`. */
  readonly classAnnotation?: unknown;
  /** The listeners the Ingress makes: from `elb.listen-ports`, else `elb.port` (or 80/443). */
  readonly listeners: readonly IngressListenerView[];
  readonly paths: readonly IngressPathView[];
  /** `spec.tls`, when it has entries. */
  readonly tls?: readonly unknown[];
  /** The Secret of the first `spec.tls` entry without hosts: the server certificate. */
  readonly serverSecret?: string;
  /** Whether the spec has `rules` or a default backend (the API server refuses an Ingress with neither). */
  readonly routes: boolean;
  /** Rules whose `http.paths` is an empty list (`spec.rules[0]`), which the API server refuses. */
  readonly emptyPathLists: readonly string[];
}

/** The part of an Ingress manifest that the view is built from. */
export interface IngressManifest {
  readonly apiVersion?: unknown;
  readonly metadata?: { readonly name?: unknown; readonly namespace?: unknown; readonly annotations?: Readonly<Record<string, unknown>> };
  readonly spec?: Readonly<Record<string, unknown>>;
  readonly readBack?: boolean;
}

/** Whether an object is an Ingress that CCE's ELB controller handles: class `cce`, by field or annotation. */
export function isCceIngress(object: Readonly<Record<string, unknown>>): boolean {
  if (object.kind !== 'Ingress') return false;
  const annotations = fieldsOf(fieldsOf(object.metadata).annotations);
  return fieldsOf(object.spec).ingressClassName === CCE_INGRESS_CLASS || annotations[INGRESS_CLASS_ANNOTATION] === CCE_INGRESS_CLASS;
}

/** A host of a rule: a lowercase DNS name, with an optional `*.` wildcard label. */
const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;
const IP_ADDRESS = /^([0-9]{1,3}\.){3}[0-9]{1,3}$|^[0-9a-fA-F.]*:[0-9a-fA-F:.]*$/;

/**
 * A problem with a rule's host as the Kubernetes API server sees it (a DNS subdomain of at most
 * 253 characters, `*.` allowed as the first label, not an IP address), or undefined; an empty
 * host is no host.
 */
export function checkIngressHost(host: unknown): string | undefined {
  if (host === '' || host === undefined) return undefined;
  const allowed = 'a lowercase DNS name such as "shop.example.com" or "*.example.com" (no scheme, port, path or IP address)';
  if (typeof host !== 'string') return `${show(host)} is not allowed; allowed: ${allowed}`;
  if (IP_ADDRESS.test(host)) return `${show(host)} is an IP address, and the Kubernetes API server refuses one ("must be a DNS name, not an IP address"); allowed: ${allowed}`;
  if (host.length > 253 || !HOST.test(host)) return `${show(host)} is not allowed (the Kubernetes API server refuses it); allowed: ${allowed}`;
  return undefined;
}

/** The listeners an Ingress makes on its load balancer. */
function listenersOf(values: ReadonlyMap<string, unknown>, https: boolean): IngressListenerView[] {
  const listenPorts = values.get(K.LISTEN_PORTS) as Array<Record<string, unknown>> | undefined;
  if (listenPorts !== undefined) {
    const listeners: IngressListenerView[] = [];
    for (const entry of listenPorts) {
      for (const protocol of ['HTTP', 'HTTPS'] as const) {
        const port = entry[protocol];
        if (hasOwn(entry, protocol) && typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535) {
          listeners.push({ protocol, port, source: K.LISTEN_PORTS });
        }
      }
    }
    return listeners;
  }
  const port = values.get(K.PORT) as number | undefined;
  const protocol = https ? 'HTTPS' : 'HTTP';
  if (port === undefined) return [{ protocol, port: https ? 443 : 80 }];
  return port >= 1 && port <= 65535 ? [{ protocol, port, source: K.PORT }] : [];
}

function pathOf(at: string, host: unknown, raw: unknown, isBackend = false): IngressPathView {
  const path = fieldsOf(raw);
  const backend = fieldsOf(isBackend ? raw : path.backend);
  const service = fieldsOf(backend.service);
  const port = fieldsOf(service.port);
  const property = path.property;
  const backendAt = isBackend ? at : `${at}.backend`;
  const legacy = backend.serviceName !== undefined || backend.servicePort !== undefined;
  return {
    legacyBackend: legacy,
    serviceBackend: backend.service !== undefined,
    propertyKeys: typeof property === 'object' && property !== null && !Array.isArray(property) ? Object.keys(property) : [],
    nameAt: legacy ? `${backendAt}.serviceName` : `${backendAt}.service.name`,
    portAt: legacy ? `${backendAt}.servicePort` : `${backendAt}.service.port`,
    at,
    host,
    path: path.path,
    pathType: path.pathType,
    matchMode: fieldsOf(property)[URL_MATCH_MODE],
    hasProperty: property !== undefined,
    serviceName: service.name ?? backend.serviceName,
    servicePort: port.number ?? port.name ?? backend.servicePort,
  };
}

/**
 * Builds the view of an Ingress manifest, as `decodeService` does for Services: the annotations
 * CCE reads on Ingresses are decoded by their codec, values that do not decode are findings under
 * their key, and the rest of the view is still built.
 */
export function decodeIngress(manifest: IngressManifest, cluster: ClusterInfo = {}): { view: IngressView; findings: Findings } {
  const findings = new Findings();
  const given = manifest.metadata?.annotations ?? {};
  const { annotations, values } = decodeAnnotations(given, 'Ingress', findings);
  const spec = manifest.spec ?? {};
  const tls = Array.isArray(spec.tls) && spec.tls.length > 0 ? (spec.tls as unknown[]) : undefined;
  const listeners = listenersOf(values, values.has(K.TLS_CERTIFICATE_IDS) || tls !== undefined);
  const paths: IngressPathView[] = [];
  const emptyPathLists: string[] = [];
  const rules = Array.isArray(spec.rules) ? spec.rules : [];
  for (let r = 0; r < rules.length; r++) {
    const rule = fieldsOf(rules[r]);
    const list = fieldsOf(rule.http).paths;
    if (Array.isArray(list) && list.length === 0) emptyPathLists.push(`spec.rules[${r}]`);
    if (!Array.isArray(list)) continue;
    for (let p = 0; p < list.length; p++) paths.push(pathOf(`spec.rules[${r}].http.paths[${p}]`, rule.host, list[p]));
  }
  const fallback = spec.defaultBackend ?? spec.backend;
  if (fallback !== undefined) paths.push(pathOf(spec.defaultBackend !== undefined ? 'spec.defaultBackend' : 'spec.backend', undefined, fallback, true));
  const server = tls?.map(fieldsOf).find((t) => !Array.isArray(t.hosts) || t.hosts.length === 0)?.secretName;
  const kinds = new Set<ListenerKind>(listeners.map((l) => l.protocol));
  const view: IngressView = {
    kind: 'Ingress',
    apiVersion: manifest.apiVersion,
    name: manifest.metadata?.name,
    namespace: manifest.metadata?.namespace,
    annotations,
    values,
    autoCreate: values.get(K.AUTOCREATE) as Record<string, unknown> | undefined,
    elbClass: annotations[K.CLASS],
    listenerKinds: kinds,
    listenersKnown: true,
    readBack: manifest.readBack === true,
    cluster,
    ingressClassName: spec.ingressClassName,
    classAnnotation: given[INGRESS_CLASS_ANNOTATION],
    listeners,
    paths,
    tls,
    serverSecret: typeof server === 'string' ? server : undefined,
    routes: rules.length > 0 || fallback !== undefined,
    emptyPathLists,
  };
  return { view, findings };
}
