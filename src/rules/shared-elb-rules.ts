import { Finding, Findings } from './finding';
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

/** An Ingress for the cross-Service checks. */
export interface SharedElbIngress<T> {
  /** The caller's handle. */
  readonly ref: T;
  /** How messages name this Ingress; used verbatim. */
  readonly resource: string;
  /** The Ingress's `metadata.annotations`, raw (values may be non-strings, which are ignored). */
  readonly annotations: Readonly<Record<string, unknown>>;
}

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

/** What the checks keep of one Service: a few strings, not its view. */
interface Member<T> {
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
}

/** What the checks keep of one Ingress. */
interface IngressMember<T> {
  readonly ref: T;
  readonly resource: string;
  readonly elbKey: string;
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
  private readonly services: Member<T>[] = [];
  private readonly ingresses: IngressMember<T>[] = [];

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
        const subject = later.isRange ? subjectOf(K.PORT_RANGES) : `ports[${later.portIndex}].port (spec.ports[${later.portIndex}].port)`;
        const message = `${later.label} of ${describeElb(member)} overlaps ${earlier.label} of ${this.services[earlier.owner].resource}: ${ONE_LISTENER_A_PORT[later.transport]}; allowed: ports and ranges that no other Service on this load balancer uses`;
        const list = out.get(member) ?? [];
        out.set(member, list);
        list.push([subject, message]);
      }
    }
    return out;
  }

  /** Adds an Ingress. Ingresses that name no existing load balancer are ignored. */
  public addIngress(ingress: SharedElbIngress<T>): void {
    const elb = existingElbOf(ingress.annotations ?? {});
    if (elb === undefined) return;
    this.ingresses.push({ ref: ingress.ref, resource: ingress.resource, elbKey: elb.key });
  }

  /**
   * Every finding, in the order the Services were added (for one Service: listeners by port,
   * class, pass-through, Ingress). Can be called again after more are added.
   */
  public findings(): Array<SharedElbFinding<T>> {
    const firstIngress = new Map<string, IngressMember<T>>();
    for (const ingress of this.ingresses) {
      if (!firstIngress.has(ingress.elbKey)) firstIngress.set(ingress.elbKey, ingress);
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
    if (sameListener && earlier.multiCluster && member.multiCluster) continue;
    if (sameListener && (earlier.multiCluster || member.multiCluster)) {
      const without = member.multiCluster ? earlier.resource : 'this Service';
      findings.add(
        subjectOf(K.MULTICLUSTER),
        `listener ${describeListener(entry)} of ${describeElb(member)} is shared with ${earlier.resource}, and ${without} does not set ${K.MULTICLUSTER} to "true": CCE would overwrite the other Service's backend server group; allowed: "true" on every Service of a multi-cluster listener`,
      );
    } else if (sameListener) {
      findings.add(
        `ports[${entry.portIndex}].port (spec.ports[${entry.portIndex}].port)`,
        `listener ${describeListener(entry)} of ${describeElb(member)} is already used by ${earlier.resource}; allowed: a port that no other Service on this load balancer uses for ${PROTOCOLS[entry.protocol]}`,
      );
    } else {
      findings.add(
        `ports[${entry.portIndex}].port (spec.ports[${entry.portIndex}].port)`,
        `listener ${describeListener(entry)} of ${describeElb(member)} takes port ${entry.key % 65536}, which ${earlier.resource} uses for its ${describeListener({ key: entry.key, protocol: first.protocol })} listener; listeners of different protocols on one load balancer cannot share a port (except UDP); allowed: another port`,
      );
    }
  }
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
