import { Finding, Findings } from './finding';
import { IngressView } from './ingress-view';
import { ONE_LISTENER_A_PORT, PortSpan, overlappingSpans, portSpansOf } from './port-spans';
import { ServiceView, listenerKindOf } from './service-view';
import { ElbWarning } from './warnings';
import { entryOf, subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { show } from '../annotations/values';

/**
 * The annotations the cross-Service checks read. A caller that builds a `ServiceView` only for
 * these checks can decode a manifest holding just these keys (and `spec.ports`): nothing else of
 * the Service is looked at.
 */
export const SHARED_ELB_ANNOTATIONS: readonly string[] = [K.ID, K.IP, K.CLASS, K.PASS_THROUGH, K.PROTOCOL_PORT, K.MULTICLUSTER, K.PORT_RANGES];

/** What the cross-Service checks read of a decoded Service: a `ServiceView`, or just these parts of one. */
export type SharedElbView = Pick<ServiceView, 'annotations' | 'ports' | 'listeners' | 'cluster'>;

/** A Service for the cross-Service checks. */
export interface SharedElbService<T> {
  /** The caller's handle, returned with each finding. */
  readonly ref: T;
  /** How messages name this Service, such as `Service/default/web (a.yaml:12)`; used verbatim. */
  readonly resource: string;
  /** The decoded Service (`decodeService()`); `view.cluster` is the profile of its cluster. */
  readonly view: SharedElbView;
}

/** What the cross-object checks read of a decoded Ingress. */
export type SharedElbIngressView = Pick<IngressView, 'annotations' | 'values' | 'listeners' | 'cluster' | 'serverSecret'>;

/** A LoadBalancer Ingress for the cross-object checks. */
export interface SharedElbIngress<T> {
  /** The caller's handle. */
  readonly ref: T;
  /** How messages name this Ingress; used verbatim. */
  readonly resource: string;
  /** The decoded Ingress (`decodeIngress()`). */
  readonly view: SharedElbIngressView;
}

/**
 * The annotations that set a listener, not a forwarding rule: when Ingresses share a listener,
 * CCE applies those of the first one (cce_10_0695, cce_10_0954). The TLS ones matter only on
 * HTTPS listeners; of the certificates, only the server certificate (SNI certificates add up).
 */
const LISTENER_SETTINGS: readonly string[] = [
  K.ACL_ID, K.ACL_STATUS, K.ACL_TYPE, K.KEEPALIVE_TIMEOUT, K.CLIENT_TIMEOUT, K.MEMBER_TIMEOUT, K.GZIP_ENABLED,
];
/** The server certificate of `spec.tls` (its entry without hosts), compared like the annotations. */
const SERVER_SECRET = 'spec.tls';
const HTTPS_LISTENER_SETTINGS: readonly string[] = [K.TLS_CERTIFICATE_IDS, SERVER_SECRET, K.TLS_CIPHERS_POLICY, K.SECURITY_POLICY_ID, K.HTTP2_ENABLE];

/** A cross-Service finding and the Service it belongs to. */
export interface SharedElbFinding<T> {
  readonly ref: T;
  readonly finding: Finding;
}

/**
 * The existing load balancer that annotations name: `kubernetes.io/elb.id`, else
 * `kubernetes.io/elb.ip`. The index key keeps the two apart (`id:<id>`, `ip:<ip>`): an ID and an
 * address cannot be matched to each other offline.
 */
export function existingElbOf(annotations: Readonly<Record<string, unknown>>): { key: string; annotation: string; value: string } | undefined {
  const id = annotations[K.ID];
  if (typeof id === 'string') return { key: `id:${id}`, annotation: K.ID, value: id };
  const ip = annotations[K.IP];
  if (typeof ip === 'string') return { key: `ip:${ip}`, annotation: K.IP, value: ip };
  return undefined;
}

/** What a port becomes on the load balancer. */
const PROTOCOLS = ['TCP', 'UDP', 'HTTP', 'HTTPS', 'TLS'] as const;

/**
 * One listener of a Service: what the load balancer sees (`TCP:80`), and the port that makes it.
 * Listeners of different protocols on one load balancer cannot use the same port, except UDP ones
 * (ELB's listener overview): so a port is indexed by its transport (UDP, or TCP for TCP, HTTP,
 * HTTPS and TLS), and two listeners with one key are the same listener only with one protocol.
 */
interface ListenerEntry {
  /** A number, so that indexing allocates no string: transport (0 TCP, 1 UDP) × 65536 + port. */
  readonly key: number;
  /** Index in `PROTOCOLS`. */
  readonly protocol: number;
  readonly portIndex: number;
}

/** `TCP:80` */
function describeListener(entry: { readonly key: number; readonly protocol: number }): string {
  return `${PROTOCOLS[entry.protocol]}:${entry.key % 65536}`;
}

/** What the checks keep of one Service or Ingress: a few strings, not its view. */
interface Member<T> {
  readonly kind: 'Service' | 'Ingress';
  readonly ref: T;
  readonly resource: string;
  readonly elbKey: string;
  /** The annotation that names the load balancer, and its value, for messages. */
  readonly elbAnnotation: string;
  readonly elbValue: string;
  readonly elbClass?: string;
  /** `kubernetes.io/elb.pass-through` as written; undefined when absent. */
  readonly passThrough?: string;
  readonly ipvs: boolean;
  /** `kubernetes.io/elb.multicluster: "true"`: its listeners take backends of other Services (and clusters). */
  readonly multiCluster: boolean;
  readonly listeners: readonly ListenerEntry[];
  /** The ranges of `kubernetes.io/elb.port-ranges`, when it has any (owner: the port index). */
  readonly ranges?: ReadonlyArray<PortSpan<number>>;
  /** An Ingress: the annotations of its listener settings, its `elb.ingress-order`, and what sets its port. */
  readonly ingress?: {
    readonly settings: Readonly<Record<string, string | undefined>>;
    readonly order?: string;
    readonly portSubject: string;
  };
}

/** Per load balancer, while the findings are computed: the first member of each kind seen so far. */
interface ElbIndex<T> {
  /** The first member on the load balancer. */
  readonly first: Member<T>;
  /**
   * First member per listener (`TCP:80`); made when a second member uses the load balancer (most
   * load balancers have one Service).
   */
  listeners?: Map<number, { readonly member: Member<T>; readonly protocol: number }>;
  /** Per listener, the first Ingress with each `elb.ingress-order`. */
  orders?: Map<number, Map<string, Member<T>>>;
  /** First member that states a class, and the first whose class differs from that one's. */
  firstClass?: Member<T>;
  firstOtherClass?: Member<T>;
  /** First member with pass-through on / off, and the first such member in an IPVS cluster. */
  firstOn?: Member<T>;
  firstOff?: Member<T>;
  firstIpvsOn?: Member<T>;
  firstIpvsOff?: Member<T>;
}

/**
 * What a port becomes on the load balancer (`listenerKindOf`), as an index entry. Undefined for a
 * port that is not a number or has another protocol (other rules report those).
 */
function listenerOf(view: SharedElbView, port: ServiceView['ports'][number]): ListenerEntry | undefined {
  const number = port.port;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > 65535) return undefined;
  const kind = listenerKindOf(port, view.listeners);
  if (kind === undefined) return undefined;
  return { key: (kind === 'UDP' ? 65536 : 0) + number, protocol: PROTOCOLS.indexOf(kind), portIndex: port.index };
}

/** `"true"` and `"onlyLocal"` are on; absent (or anything else) is off. */
function isOn(passThrough: string | undefined): boolean {
  return passThrough === 'true' || passThrough === 'onlyLocal';
}

function describePassThrough(value: string | undefined): string {
  if (value === undefined) return 'off (not set)';
  return `${isOn(value) ? 'on' : 'off'} (${show(value)})`;
}

/** `load balancer "<id>"` or `load balancer "<ip>"`. */
function describeElb(member: Member<unknown>): string {
  return `load balancer ${show(member.elbValue)}`;
}

/**
 * Checks across Services that use the same existing load balancer (`kubernetes.io/elb.id` or
 * `kubernetes.io/elb.ip`), possibly from different files or charts:
 *
 * 1. two Services must not use the same listener (protocol as the load balancer sees it, and port),
 *    unless both set `kubernetes.io/elb.multicluster` (backends of several clusters on one
 *    listener); one that sets it and one that does not are an error too, since CCE then overwrites
 *    the backend server group (HW-0682);
 * 2. they must agree on the load balancer class, when both state it;
 * 3. in a cluster in IPVS mode, they must agree on pass-through (CCE reference, rule 17);
 * 4. in a cluster in IPVS mode, a Service and an Ingress should not use the same load balancer
 *    (warning `ElbWarning.INGRESS_SHARES_ELB`).
 *
 * Each finding belongs to the later Service (in the order they were added) and names the earlier
 * one. Only what the checks need is kept of each Service, and each is looked up by load balancer
 * and listener, never compared pairwise: adding is O(1) and `findings()` linear in what was added.
 *
 * @see ../shared/reference/cce-elb-annotations.md (rule 17) and the CCE LoadBalancer page
 *      (an Ingress and a Service on one load balancer in IPVS mode)
 */
export class SharedElbChecks<T> {
  /** Services and Ingresses, in the order they were added. */
  private readonly services: Member<T>[] = [];

  /** Adds a Service. Services that name no existing load balancer are ignored. */
  public addService(service: SharedElbService<T>): void {
    const { view } = service;
    const elb = existingElbOf(view.annotations);
    if (elb === undefined) return;
    const listeners: ListenerEntry[] = [];
    for (const port of view.ports) {
      const listener = listenerOf(view, port);
      if (listener !== undefined) listeners.push(listener);
    }
    this.services.push({
      kind: 'Service',
      ref: service.ref,
      resource: service.resource,
      elbKey: elb.key,
      elbAnnotation: elb.annotation,
      elbValue: elb.value,
      elbClass: view.annotations[K.CLASS],
      passThrough: view.annotations[K.PASS_THROUGH],
      ipvs: view.cluster.proxyMode === 'ipvs',
      multiCluster: view.annotations[K.MULTICLUSTER] === 'true',
      listeners,
      ranges: rangesOf(view),
    });
  }

  /**
   * Rule 1 for port ranges: on a load balancer where a Service has ranges, no range of one Service
   * overlaps a port or range of another on the same transport (unless both set multicluster).
   * Each finding belongs to the later Service. Sorted per load balancer: O(n log n).
   */
  private rangeOverlaps(): Map<Member<T>, Array<[string, string]>> {
    const out = new Map<Member<T>, Array<[string, string]>>();
    const withRanges = new Set<string>();
    for (const member of this.services) if (member.ranges !== undefined) withRanges.add(member.elbKey);
    if (withRanges.size === 0) return out;
    const byElb = new Map<string, Array<PortSpan<number>>>();
    this.services.forEach((member, order) => {
      if (!withRanges.has(member.elbKey)) return;
      const spans = byElb.get(member.elbKey) ?? [];
      byElb.set(member.elbKey, spans);
      for (const entry of member.listeners) {
        const port = entry.key % 65536;
        spans.push({ owner: order, portIndex: entry.portIndex, transport: entry.key >= 65536 ? 'UDP' : 'TCP', start: port, end: port, label: `port ${port}`, isRange: false });
      }
      for (const range of member.ranges ?? []) spans.push({ ...range, owner: order });
    });
    for (const spans of byElb.values()) {
      const conflict = (a: PortSpan<number>, b: PortSpan<number>) =>
        (a.isRange || b.isRange) && !(this.services[a.owner].multiCluster && this.services[b.owner].multiCluster);
      for (const [x, y] of overlappingSpans(spans, conflict)) {
        const [earlier, later] = x.owner < y.owner ? [x, y] : [y, x];
        const member = this.services[later.owner];
        const subject = later.isRange ? subjectOf(K.PORT_RANGES) : listenerSubject(member, later.portIndex);
        const message = `${later.label} of ${describeElb(member)} overlaps ${earlier.label} of ${this.services[earlier.owner].resource}: ${ONE_LISTENER_A_PORT[later.transport]}; allowed: ports and ranges that no other Service on this load balancer uses`;
        const list = out.get(member) ?? [];
        out.set(member, list);
        list.push([subject, message]);
      }
    }
    return out;
  }

  /** Adds a LoadBalancer Ingress. Ingresses that name no existing load balancer are ignored. */
  public addIngress(ingress: SharedElbIngress<T>): void {
    const { view } = ingress;
    const elb = existingElbOf(view.annotations);
    if (elb === undefined) return;
    const settings: Record<string, string | undefined> = {};
    const https = view.listeners.some((l) => l.protocol === 'HTTPS');
    // Compared as decoded ("060" is 60; IP address groups in any order), else as written.
    const setting = (key: string) => {
      const value = view.values.get(key);
      if (value === undefined) return view.annotations[key];
      return Array.isArray(value) ? [...value].sort().join(',') : String(value);
    };
    for (const key of LISTENER_SETTINGS) settings[key] = setting(key);
    if (https) for (const key of HTTPS_LISTENER_SETTINGS) settings[key] = setting(key);
    // Only the server certificate is the listener's: SNI certificates of every Ingress are added (cce_10_0688).
    const certificates = view.values.get(K.TLS_CERTIFICATE_IDS) as string[] | undefined;
    if (https && certificates !== undefined) settings[K.TLS_CERTIFICATE_IDS] = certificates[0];
    if (https) settings[SERVER_SECRET] = view.serverSecret;
    const source = view.listeners[0]?.source;
    this.services.push({
      kind: 'Ingress',
      ref: ingress.ref,
      resource: ingress.resource,
      elbKey: elb.key,
      elbAnnotation: elb.annotation,
      elbValue: elb.value,
      elbClass: view.annotations[K.CLASS],
      ipvs: view.cluster.proxyMode === 'ipvs',
      multiCluster: false,
      listeners: view.listeners.map((l) => ({ key: l.port, protocol: PROTOCOLS.indexOf(l.protocol), portIndex: -1 })),
      ingress: { settings, order: orderOf(view), portSubject: subjectOf(source ?? K.PORT, undefined, 'Ingress') },
    });
  }

  /**
   * Every finding, in the order the Services were added (for one Service: listeners by port,
   * class, pass-through, Ingress). Can be called again after more are added.
   */
  public findings(): Array<SharedElbFinding<T>> {
    const firstIngress = new Map<string, Member<T>>();
    for (const member of this.services) {
      if (member.kind === 'Ingress' && !firstIngress.has(member.elbKey)) firstIngress.set(member.elbKey, member);
    }
    const elbs = new Map<string, ElbIndex<T>>();
    const out: Array<SharedElbFinding<T>> = [];
    const findings = new Findings();
    findings.rule = 'shared-elb';
    const rangeFindings = this.rangeOverlaps();
    for (const member of this.services) {
      let index = elbs.get(member.elbKey);
      if (index === undefined) {
        index = { first: member };
        elbs.set(member.elbKey, index);
      }
      const before = findings.items.length;
      checkListeners(member, index, findings);
      for (const [subject, message] of rangeFindings.get(member) ?? []) findings.add(subject, message);
      checkClass(member, index, findings);
      if (member.kind === 'Ingress') {
        for (let i = before; i < findings.items.length; i++) out.push({ ref: member.ref, finding: findings.items[i] });
        continue;
      }
      checkPassThrough(member, index, findings);
      const ingress = firstIngress.get(member.elbKey);
      if (ingress !== undefined && member.ipvs) {
        findings.warn(
          ElbWarning.INGRESS_SHARES_ELB,
          subjectOf(member.elbAnnotation),
          `names ${describeElb(member)}, which ${ingress.resource} also uses; in IPVS mode kube-proxy binds the Service's load balancer address to the ipvs-0 bridge, so nodes and containers in the cluster cannot reach the Ingress; allowed: different load balancers for the Ingress and the Service`,
        );
      }
      for (let i = before; i < findings.items.length; i++) out.push({ ref: member.ref, finding: findings.items[i] });
    }
    return out;
  }
}

/** The port ranges of a Service, as spans; undefined without any. */
function rangesOf(view: SharedElbView): Array<PortSpan<number>> | undefined {
  const raw = view.annotations[K.PORT_RANGES];
  if (raw === undefined) return undefined;
  const decoded = entryOf(K.PORT_RANGES).codec.decode(raw);
  if (!decoded.ok) return undefined;
  const ranges = portSpansOf((index) => index, view.ports, view.listeners, decoded.value).filter((s) => s.isRange);
  return ranges.length > 0 ? ranges : undefined;
}

/**
 * Rule 1: a port of a load balancer (per transport: UDP, or TCP for TCP, HTTP, HTTPS and TLS)
 * belongs to one listener of one Service, or to one listener of Services that all set multicluster.
 */
function checkListeners<T>(member: Member<T>, index: ElbIndex<T>, findings: Findings): void {
  if (index.first === member) return; // its listeners are indexed when a second member comes
  let listeners = index.listeners;
  if (listeners === undefined) {
    listeners = index.listeners = new Map();
    for (const { key, protocol } of index.first.listeners) {
      if (!listeners.has(key)) listeners.set(key, { member: index.first, protocol });
    }
  }
  for (const entry of member.listeners) {
    const first = listeners.get(entry.key);
    if (first === undefined) {
      listeners.set(entry.key, { member, protocol: entry.protocol });
      continue;
    }
    const earlier = first.member;
    if (earlier === member) continue;
    const sameListener = first.protocol === entry.protocol;
    if (sameListener && member.kind === 'Ingress' && earlier.kind === 'Ingress') {
      checkSharedListener(member, earlier, entry, index, findings);
      continue;
    }
    if (sameListener && (member.kind === 'Ingress' || earlier.kind === 'Ingress')) {
      findings.add(
        listenerSubject(member, entry.portIndex),
        `listener ${describeListener(entry)} of ${describeElb(member)} is already used by ${earlier.resource}; an Ingress and a Service cannot use one listener (CCE: "Do not connect an ingress and an HTTP/HTTPS Service to the same listener"); allowed: another port`,
      );
      continue;
    }
    if (sameListener && earlier.multiCluster && member.multiCluster) continue;
    if (sameListener && (earlier.multiCluster || member.multiCluster)) {
      const without = member.multiCluster ? earlier.resource : 'this Service';
      findings.add(
        subjectOf(K.MULTICLUSTER),
        `listener ${describeListener(entry)} of ${describeElb(member)} is shared with ${earlier.resource}, and ${without} does not set ${K.MULTICLUSTER} to "true": CCE would overwrite the other Service's backend server group; allowed: "true" on every Service of a multi-cluster listener`,
      );
    } else if (sameListener) {
      findings.add(
        listenerSubject(member, entry.portIndex),
        `listener ${describeListener(entry)} of ${describeElb(member)} is already used by ${earlier.resource}; allowed: a port that no other Service on this load balancer uses for ${PROTOCOLS[entry.protocol]}`,
      );
    } else {
      findings.add(
        listenerSubject(member, entry.portIndex),
        `listener ${describeListener(entry)} of ${describeElb(member)} takes port ${entry.key % 65536}, which ${earlier.resource} uses for its ${describeListener({ key: entry.key, protocol: first.protocol })} listener; listeners of different protocols on one load balancer cannot share a port (except UDP); allowed: another port`,
      );
    }
  }
}

/** What sets a listener's port: `ports[0].port (spec.ports[0].port)`, or the Ingress's `elb.port` / `elb.listen-ports`. */
function listenerSubject(member: Member<unknown>, portIndex: number): string {
  return member.ingress?.portSubject ?? `ports[${portIndex}].port (spec.ports[${portIndex}].port)`;
}

/**
 * Two Ingresses on one listener: allowed, but only the first one's listener settings apply
 * (warning `ElbWarning.LISTENER_SETTINGS_DIFFER`), and `elb.ingress-order` is unique per listener.
 */
function checkSharedListener<T>(member: Member<T>, earlier: Member<T>, entry: ListenerEntry, index: ElbIndex<T>, findings: Findings): void {
  const mine = member.ingress!;
  const theirs = earlier.ingress!;
  const https = PROTOCOLS[entry.protocol] === 'HTTPS';
  const differ = [...LISTENER_SETTINGS, ...(https ? HTTPS_LISTENER_SETTINGS : [])].filter((key) => mine.settings[key] !== theirs.settings[key]);
  if (differ.length > 0) {
    const key = differ[0];
    findings.warn(
      ElbWarning.LISTENER_SETTINGS_DIFFER,
      subjectOf(key, undefined, 'Ingress'),
      `${describeSetting(mine.settings[key])} differs from ${earlier.resource} (${describeSetting(theirs.settings[key])}), which shares listener ${describeListener(entry)} of ${describeElb(member)}${differ.length > 1 ? ` (so do ${differ.slice(1).map((k) => k.replace(/^kubernetes\.io\//, '')).join(', ')})` : ''}: CCE applies the listener settings of the Ingress created first and ignores the others'; allowed: the same listener settings on every Ingress of the listener`,
    );
  }
  if (mine.order === undefined) return;
  const orders = (index.orders ??= new Map());
  let byOrder = orders.get(entry.key);
  if (byOrder === undefined) {
    byOrder = new Map();
    orders.set(entry.key, byOrder);
    if (theirs.order !== undefined) byOrder.set(theirs.order, earlier);
  }
  const same = byOrder.get(mine.order);
  if (same === undefined) {
    byOrder.set(mine.order, member);
  } else if (same !== member) {
    findings.add(
      subjectOf(K.INGRESS_ORDER, undefined, 'Ingress'),
      `${show(mine.order)} is already the order of ${same.resource} on listener ${describeListener(entry)} of ${describeElb(member)}; allowed: an order no other Ingress of this listener has (unique per listener, cce_10_0939)`,
    );
  }
}

/** `elb.ingress-order` as decoded (`"05"` is 5), else as written. */
function orderOf(view: SharedElbIngressView): string | undefined {
  const order = view.values.get(K.INGRESS_ORDER);
  return order === undefined ? view.annotations[K.INGRESS_ORDER] : String(order);
}

function describeSetting(value: string | undefined): string {
  return value === undefined ? 'not set' : show(value);
}

/** Rule 2: one class per load balancer, among the Services that state one. */
function checkClass<T>(member: Member<T>, index: ElbIndex<T>, findings: Findings): void {
  if (member.elbClass === undefined) return;
  const first = index.firstClass;
  if (first === undefined) {
    index.firstClass = member;
    return;
  }
  const differsFromFirst = member.elbClass !== first.elbClass;
  // The earliest Service whose class differs from this one's.
  const earlier = differsFromFirst ? first : index.firstOtherClass;
  if (differsFromFirst && index.firstOtherClass === undefined) index.firstOtherClass = member;
  if (earlier !== undefined) {
    findings.add(
      subjectOf(K.CLASS),
      `is ${show(member.elbClass)}, but ${earlier.resource}, on the same ${describeElb(member)}, says ${show(earlier.elbClass)}; allowed: one class for every Service on a load balancer`,
    );
  }
}

/** Rule 3: in IPVS mode, every Service on a load balancer has the same pass-through setting. */
function checkPassThrough<T>(member: Member<T>, index: ElbIndex<T>, findings: Findings): void {
  const on = isOn(member.passThrough);
  // The earliest Service that disagrees and where one of the two clusters is in IPVS mode.
  const earlier = on ? (member.ipvs ? index.firstOff : index.firstIpvsOff) : (member.ipvs ? index.firstOn : index.firstIpvsOn);
  if (on) {
    index.firstOn ??= member;
    if (member.ipvs) index.firstIpvsOn ??= member;
  } else {
    index.firstOff ??= member;
    if (member.ipvs) index.firstIpvsOff ??= member;
  }
  if (earlier !== undefined) {
    findings.add(
      subjectOf(K.PASS_THROUGH),
      `is ${describePassThrough(member.passThrough)}, but ${earlier.resource}, on the same ${describeElb(member)}, has it ${describePassThrough(earlier.passThrough)}; in IPVS mode every Service on one load balancer must have the same setting; allowed: the same pass-through setting on every Service of this load balancer`,
    );
  }
}
