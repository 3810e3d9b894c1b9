import { ElbObjectView, decodeAnnotations } from './elb-view';
import { Findings } from './finding';
import { ElbWarning } from './warnings';
import { ListenerKind, subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { fieldsOf, listed, show } from '../annotations/values';
import { ClusterInfo } from '../cluster/cluster-info';

/** One entry of `spec.ports`, as decoded. Values keep their decoded types so rules can check them. */
export interface PortView {
  readonly index: number;
  readonly name?: unknown;
  readonly port: unknown;
  /** `TCP` when the manifest leaves it out (the Kubernetes default). */
  readonly protocol: unknown;
  readonly targetPort?: unknown;
  readonly nodePort?: unknown;
}

/** One `protocol:port` entry of `kubernetes.io/elb.protocol-port`. */
export interface ListenerView {
  readonly protocol: string;
  readonly port: number;
}

/**
 * A LoadBalancer Service normalised for the rules: its annotations decoded through the catalog,
 * plus the Service fields and the cluster profile the rules need. Built from a manifest, so that
 * typed constructs (at synth) and existing YAML are checked by the same functions.
 */
export interface ServiceView extends ElbObjectView {
  readonly kind: 'Service';
  readonly healthCheckOption?: Readonly<Record<string, unknown>>;
  readonly healthCheckOptions?: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly sessionAffinityOption?: Readonly<Record<string, unknown>>;
  /** Parsed `protocol-port` entries; absent when the annotation is absent. */
  readonly listeners?: readonly ListenerView[];
  readonly ports: readonly PortView[];
  /** `spec.loadBalancerSourceRanges`, which CCE does not apply. */
  readonly loadBalancerSourceRanges?: unknown;
  readonly externalTrafficPolicy?: unknown;
  readonly sessionAffinity?: unknown;
  readonly selector?: unknown;
}

/** The part of a Service manifest that the view is built from. */
export interface ServiceManifest {
  readonly metadata?: { readonly annotations?: Readonly<Record<string, unknown>> };
  readonly spec?: Readonly<Record<string, unknown>>;
  /** Read back from a cluster (see `isReadBack`). @default false */
  readonly readBack?: boolean;
}

/** Metadata only the API server writes. */
const SERVER_WRITTEN_METADATA = ['uid', 'resourceVersion', 'managedFields', 'creationTimestamp'];

/** The finalizer that CCE's load-balancer controller adds to a LoadBalancer Service (seen on read-back Services). */
const LOAD_BALANCER_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';

/**
 * Whether an object was read back from a cluster rather than written for `kubectl apply`: it has
 * what only the API server or CCE writes (`metadata.uid`, `resourceVersion`, `managedFields`,
 * `creationTimestamp`, a load-balancer finalizer, or `status.loadBalancer.ingress`).
 */
export function isReadBack(object: Readonly<Record<string, unknown>>): boolean {
  const metadata = fieldsOf(object.metadata);
  for (const field of SERVER_WRITTEN_METADATA) if (metadata[field] !== undefined) return true;
  if (Array.isArray(metadata.finalizers) && metadata.finalizers.includes(LOAD_BALANCER_FINALIZER)) return true;
  const ingress = fieldsOf(fieldsOf(object.status).loadBalancer).ingress;
  return Array.isArray(ingress) && ingress.length > 0;
}

const PROTOCOL_PORT_ENTRY = /^(http|https|tls):([0-9]{1,5})$/;
/** A QUIC listener entry as CCE might write it (the syntax is not documented). */
const QUIC_ENTRY = /^quic:([1-9][0-9]{0,4})$/;

/** What a `protocol-port` entry makes of its port on the load balancer. */
const LISTENER_KINDS: Readonly<Record<string, ListenerKind>> = { http: 'HTTP', https: 'HTTPS', tls: 'TLS' };

/**
 * What a port becomes on the load balancer: the listener that `kubernetes.io/elb.protocol-port`
 * names for it (HTTP, HTTPS or TLS), otherwise its own protocol when that is TCP or UDP.
 */
export function listenerKindOf(port: PortView, listeners: readonly ListenerView[] | undefined): ListenerKind | undefined {
  const named = listeners === undefined ? undefined : protocolsByPort(listeners).get(port.port);
  if (named !== undefined) return LISTENER_KINDS[named];
  return port.protocol === 'TCP' || port.protocol === 'UDP' ? port.protocol : undefined;
}

/** The protocol of each listed port (the first entry for a port wins), indexed once per list: ports × entries would be quadratic. */
function protocolsByPort(listeners: readonly ListenerView[]): ReadonlyMap<unknown, string> {
  let index = PROTOCOLS_BY_PORT.get(listeners);
  if (index === undefined) {
    const map = new Map<unknown, string>();
    for (const l of listeners) if (!map.has(l.port)) map.set(l.port, l.protocol);
    index = map;
    PROTOCOLS_BY_PORT.set(listeners, index);
  }
  return index;
}
const PROTOCOLS_BY_PORT = new WeakMap<readonly ListenerView[], ReadonlyMap<unknown, string>>();

function parseListeners(entries: string[] | undefined, findings: Findings): ListenerView[] | undefined {
  if (entries === undefined) {
    return undefined;
  }
  const listeners: ListenerView[] = [];
  const quic: string[] = [];
  for (const entry of entries) {
    const match = PROTOCOL_PORT_ENTRY.exec(entry);
    const quicPort = match ? undefined : QUIC_ENTRY.exec(entry);
    if (quicPort && Number(quicPort[1]) <= 65535) {
      quic.push(entry);
      continue;
    }
    if (!match) {
      findings.add(
        subjectOf(K.PROTOCOL_PORT),
        `entry ${show(entry)} is not allowed; allowed: comma-separated "http:<port>", "https:<port>" or "tls:<port>" entries, such as "https:443,http:80"`,
      );
      continue;
    }
    listeners.push({ protocol: match[1], port: Number(match[2]) });
  }
  if (quic.length > 0) {
    // CCE documents QUIC listeners on Services (HW-1100) but no page shows how they are written.
    const shown = listed(quic, show, 'entries', '', 5);
    findings.warn(
      ElbWarning.UNCONFIRMED_SYNTAX,
      subjectOf(K.PROTOCOL_PORT),
      `${shown} may be how CCE writes a QUIC listener, but no CCE page shows the syntax, so the library checks neither the entry nor its port; allowed: "http:<port>", "https:<port>" or "tls:<port>" entries, or acknowledge this warning if your cluster takes it`,
    );
  }
  return listeners;
}

function decodePorts(spec: Readonly<Record<string, unknown>>): PortView[] {
  const rawPorts = Array.isArray(spec.ports) ? (spec.ports as unknown[]) : [];
  const ports: PortView[] = [];
  for (let index = 0; index < rawPorts.length; index++) {
    const port = fieldsOf(rawPorts[index]);
    ports.push({ index, name: port.name, port: port.port, protocol: port.protocol ?? 'TCP', targetPort: port.targetPort, nodePort: port.nodePort });
  }
  return ports;
}

function listenerKindsOf(ports: readonly PortView[], listeners: readonly ListenerView[] | undefined): Set<ListenerKind> {
  const kinds = new Set<ListenerKind>();
  for (const port of ports) {
    const kind = listenerKindOf(port, listeners);
    if (kind !== undefined) kinds.add(kind);
  }
  return kinds;
}

/**
 * Builds the view of a Service manifest. Every annotation the catalog knows is decoded by its
 * codec; values that are not strings or do not decode are reported as findings under their key
 * (the rest of the view is still built). Unknown annotation keys are kept raw and not checked.
 */
export function decodeService(manifest: ServiceManifest, cluster: ClusterInfo = {}): { view: ServiceView; findings: Findings } {
  const findings = new Findings();
  const { annotations, values } = decodeAnnotations(manifest.metadata?.annotations ?? {}, 'Service', findings);
  findings.rule = 'listeners';
  const spec = manifest.spec ?? {};
  const ports = decodePorts(spec);
  const listeners = parseListeners(values.get(K.PROTOCOL_PORT) as string[] | undefined, findings);
  const view: ServiceView = {
    kind: 'Service',
    annotations,
    values,
    autoCreate: values.get(K.AUTOCREATE) as Record<string, unknown> | undefined,
    healthCheckOption: values.get(K.HEALTH_CHECK_OPTION) as Record<string, unknown> | undefined,
    healthCheckOptions: values.get(K.HEALTH_CHECK_OPTIONS) as Record<string, unknown>[] | undefined,
    sessionAffinityOption: values.get(K.SESSION_AFFINITY_OPTION) as Record<string, unknown> | undefined,
    listeners,
    ports,
    listenerKinds: listenerKindsOf(ports, listeners),
    listenersKnown: ports.length > 0,
    elbClass: annotations[K.CLASS],
    readBack: manifest.readBack === true,
    loadBalancerSourceRanges: spec.loadBalancerSourceRanges,
    externalTrafficPolicy: spec.externalTrafficPolicy,
    sessionAffinity: spec.sessionAffinity,
    selector: spec.selector,
    cluster,
  };
  return { view, findings };
}
