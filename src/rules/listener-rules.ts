import { Findings } from './finding';
import { ListenerView, ServiceView } from './service-view';
import { subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { text } from '../annotations/values';

/**
 * `elb.protocol-port` and `elb.cert-id`: every listener port is a TCP port of `spec.ports`, each at
 * most once; an HTTPS listener needs a certificate. (A certificate without an HTTPS listener has no
 * effect: the catalog entry says it applies to HTTPS listeners.)
 */
export function checkListeners(view: ServiceView, findings: Findings): void {
  const listeners = view.listeners ?? [];
  const seen = new Set<number>();
  for (const listener of listeners) {
    if (seen.has(listener.port)) {
      findings.add(subjectOf(K.PROTOCOL_PORT), `port ${listener.port} is listed more than once; allowed: one listener protocol per Service port`);
      continue;
    }
    seen.add(listener.port);
    const ports = view.ports.filter((p) => p.port === listener.port);
    if (ports.length === 0) {
      const known = view.ports.map((p) => text(p.port)).join(', ') || 'none';
      findings.add(subjectOf(K.PROTOCOL_PORT), `${labelOf(listener)} names port ${listener.port}, which is not in spec.ports; allowed: one of the Service ports (${known})`);
    } else if (!ports.some((p) => p.protocol === 'TCP')) {
      findings.add(subjectOf(K.PROTOCOL_PORT), `${labelOf(listener)} names a ${text(ports[0].protocol)} port; allowed: only TCP ports can carry HTTP or HTTPS listeners`);
    }
  }
  if (view.annotations[K.CERT_ID] !== undefined) return;
  const https = listeners.filter((l) => l.protocol === 'https');
  if (https.length > 0) {
    findings.add(
      subjectOf(K.CERT_ID),
      `is required because listener ${https.map((l) => `https:${l.port}`).join(', ')} terminates TLS; allowed: the ID of a certificate in ELB certificate management`,
    );
  }
}

/** `https:443` */
function labelOf(listener: ListenerView): string {
  return `${listener.protocol}:${listener.port}`;
}
