import { ListenerView, PortView, listenerKindOf } from './service-view';
import { MAX_PORT_RANGES, parsePortRange } from '../annotations/catalog';
import { show } from '../annotations/values';

/**
 * The ports a Service takes on its load balancer: each port's listener port, and the ranges of
 * `kubernetes.io/elb.port-ranges`. Listeners of different protocols on one load balancer cannot
 * share a port, except UDP ones (ELB's listener overview), so ports are compared per transport:
 * UDP, or TCP for TCP, HTTP, HTTPS and TLS listeners.
 */
export interface PortSpan<T> {
  /** Whose span it is: spans of one owner never conflict with each other. */
  readonly owner: T;
  /** The index of the port in `spec.ports`. */
  readonly portIndex: number;
  readonly transport: 'TCP' | 'UDP';
  readonly start: number;
  readonly end: number;
  /** How messages name it: `port 8080 ("web")`, `range "7001,7100" of port "game"`. */
  readonly label: string;
  /** A range of `kubernetes.io/elb.port-ranges`, not the port's own listener port. */
  readonly isRange: boolean;
}

/**
 * The spans of one Service: the listener port of every port, and the ranges of the ports that
 * `portRanges` (the decoded annotation) names. Ranges that break the annotation's value rule, or of
 * ports that cannot take ranges, are left out (other rules report them).
 */
export function portSpansOf<T>(
  owner: (portIndex: number) => T, ports: readonly PortView[], listeners: readonly ListenerView[] | undefined, portRanges: unknown,
): Array<PortSpan<T>> {
  const spans: Array<PortSpan<T>> = [];
  const byName = new Map<unknown, { port: PortView; transport: 'TCP' | 'UDP' }>();
  for (const port of ports) {
    const number = port.port;
    const kind = listenerKindOf(port, listeners);
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 65535 || kind === undefined) continue;
    const transport = kind === 'UDP' ? 'UDP' : 'TCP';
    const name = typeof port.name === 'string' ? ` (${show(port.name)})` : '';
    spans.push({ owner: owner(port.index), portIndex: port.index, transport, start: number, end: number, label: `port ${number}${name}`, isRange: false });
    if (kind !== 'HTTP' && kind !== 'HTTPS' && !byName.has(port.name)) byName.set(port.name, { port, transport });
  }
  if (typeof portRanges !== 'object' || portRanges === null || Array.isArray(portRanges)) return spans;
  for (const [name, ranges] of Object.entries(portRanges)) {
    const named = byName.get(name);
    if (named === undefined || !Array.isArray(ranges) || ranges.length > MAX_PORT_RANGES) continue;
    const index = named.port.index;
    for (const entry of ranges) {
      const range = parsePortRange(entry);
      if (typeof range === 'string') break;
      spans.push({ owner: owner(index), portIndex: index, transport: named.transport, start: range[0], end: range[1], label: `range ${show(entry)} of port ${show(name)}`, isRange: true });
    }
  }
  return spans;
}

/** Why two spans of a transport cannot overlap. */
export const ONE_LISTENER_A_PORT = {
  TCP: 'a port of the load balancer belongs to one listener, and TCP, HTTP, HTTPS and TLS listeners share the TCP ports',
  UDP: 'a UDP port of the load balancer belongs to one listener',
} as const;

/**
 * Every pair of spans of different owners, on one transport, that overlap and where `conflict`
 * says so, each span reported at most once, against the earlier span that reaches furthest.
 * Sorted by start: O(n log n) however many ports and ranges.
 */
export function overlappingSpans<T>(
  spans: Array<PortSpan<T>>, conflict: (earlier: PortSpan<T>, later: PortSpan<T>) => boolean,
): Array<[PortSpan<T>, PortSpan<T>]> {
  const out: Array<[PortSpan<T>, PortSpan<T>]> = [];
  for (const transport of ['TCP', 'UDP'] as const) {
    const sorted = spans.filter((s) => s.transport === transport).sort((a, b) => a.start - b.start || a.end - b.end);
    // The span that reaches furthest, and the furthest of another owner: one of them is the
    // furthest-reaching span of an owner other than the next one's.
    let best: PortSpan<T> | undefined;
    let second: PortSpan<T> | undefined;
    for (const span of sorted) {
      const other = best !== undefined && best.owner !== span.owner ? best : second;
      if (other !== undefined && other.owner !== span.owner && span.start <= other.end && conflict(other, span)) out.push([other, span]);
      if (best === undefined || best.owner === span.owner) {
        if (best === undefined || span.end > best.end) best = span;
      } else if (span.end > best.end) {
        second = best;
        best = span;
      } else if (second === undefined || span.end > second.end) {
        second = span;
      }
    }
  }
  return out;
}
