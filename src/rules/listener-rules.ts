import { checkVersion, warnClassNotStated } from './catalog-rules';
import { Findings } from './finding';
import { ListenerView, ServiceView } from './service-view';
import { V_DEDICATED_LISTENER_FEATURES, subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { listed, show, text } from '../annotations/values';

/**
 * `elb.protocol-port` and `elb.cert-id`: every listener port is a TCP port of `spec.ports`, each at
 * most once; an HTTPS or TLS listener needs a certificate; a TLS listener needs a dedicated load
 * balancer and a cluster of v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 or later (HW-0843). (A
 * certificate without an HTTPS or TLS listener has no effect: the catalog entry says which
 * listeners it applies to.)
 */
export function checkListeners(view: ServiceView, findings: Findings): void {
  const listeners = view.listeners ?? [];
  const seen = new Set<number>();
  const tls: ListenerView[] = [];
  // The Service ports by number, built once: entries × ports would be quadratic.
  const portsByNumber = new Map<unknown, Array<ServiceView['ports'][number]>>();
  for (const port of view.ports) {
    const same = portsByNumber.get(port.port);
    if (same === undefined) portsByNumber.set(port.port, [port]);
    else same.push(port);
  }
  let known: string | undefined;
  for (const listener of listeners) {
    if (seen.has(listener.port)) {
      findings.add(subjectOf(K.PROTOCOL_PORT), `port ${listener.port} is listed more than once; allowed: one listener protocol per Service port`);
      continue;
    }
    seen.add(listener.port);
    if (listener.protocol === 'tls') tls.push(listener);
    const ports = portsByNumber.get(listener.port) ?? [];
    if (ports.length === 0) {
      known ??= knownPorts(view);
      findings.add(subjectOf(K.PROTOCOL_PORT), `${labelOf(listener)} names port ${listener.port}, which is not in spec.ports; allowed: one of the Service ports (${known})`);
    } else if (!ports.some((p) => p.protocol === 'TCP')) {
      findings.add(subjectOf(K.PROTOCOL_PORT), `${labelOf(listener)} names a ${text(ports[0].protocol)} port; allowed: only TCP ports can carry HTTP, HTTPS or TLS listeners`);
    }
  }
  if (tls.length > 0) checkTlsListeners(view, tls, findings);
  if (view.annotations[K.CERT_ID] !== undefined) return;
  const secured = listeners.filter((l) => l.protocol === 'https' || l.protocol === 'tls');
  if (secured.length > 0) {
    findings.add(
      subjectOf(K.CERT_ID),
      `is required because listener ${secured.map(labelOf).join(', ')} terminates TLS; allowed: the ID of a certificate in ELB certificate management`,
    );
  }
}

/** TLS listeners: dedicated load balancers, and their version gate. */
function checkTlsListeners(view: ServiceView, tls: readonly ListenerView[], findings: Findings): void {
  const subject = subjectOf(K.PROTOCOL_PORT);
  const what = `${tls.map(labelOf).join(', ')} ${tls.length === 1 ? 'is a TLS listener' : 'are TLS listeners'}, which`;
  if (view.elbClass === undefined) {
    warnClassNotStated(subject, `${what} only a dedicated load balancer has`, findings);
  } else if (view.elbClass !== 'performance') {
    findings.add(subject, `${what} only a dedicated load balancer (elb.class "performance") has, not elb.class ${show(view.elbClass)}; allowed: ExistingElb.dedicated() or AutoCreatedElb.dedicated(), or an HTTPS or TCP listener`);
  }
  checkVersion(view, V_DEDICATED_LISTENER_FEATURES, subject, findings, `${what} needs`);
}

/** The Service ports for a message: the first few. */
function knownPorts(view: ServiceView): string {
  return listed(view.ports, (p) => text(p.port), 'ports', 'none');
}

/** `https:443` */
function labelOf(listener: ListenerView): string {
  return `${listener.protocol}:${listener.port}`;
}
