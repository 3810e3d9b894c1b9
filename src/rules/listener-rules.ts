import { Findings } from './finding';
import { ServiceView } from './service-view';
import { UUID_BODY, checkPattern } from './values';
import { subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';

/** ELB certificate IDs: 32 hexadecimal characters, or a UUID. */
const CERT_ID = new RegExp(`^([0-9a-fA-F]{32}|${UUID_BODY})$`);

/**
 * `elb.protocol-port` and `elb.cert-id`: every listener port is a TCP port of `spec.ports`, each at
 * most once; an HTTPS listener needs a certificate, and a certificate needs an HTTPS listener.
 */
export function checkListeners(view: ServiceView, findings: Findings): void {
  const listeners = view.listeners ?? [];
  const seen = new Set<number>();
  for (const listener of listeners) {
    const label = `${listener.protocol}:${listener.port}`;
    if (seen.has(listener.port)) {
      findings.add(subjectOf(K.PROTOCOL_PORT), `port ${listener.port} is listed more than once; allowed: one listener protocol per Service port`);
      continue;
    }
    seen.add(listener.port);
    const ports = view.ports.filter((p) => p.port === listener.port);
    if (ports.length === 0) {
      const known = view.ports.map((p) => String(p.port)).join(', ') || 'none';
      findings.add(subjectOf(K.PROTOCOL_PORT), `${label} names port ${listener.port}, which is not in spec.ports; allowed: one of the Service ports (${known})`);
    } else if (!ports.some((p) => p.protocol === 'TCP')) {
      findings.add(subjectOf(K.PROTOCOL_PORT), `${label} names a ${String(ports[0].protocol)} port; allowed: only TCP ports can carry HTTP or HTTPS listeners`);
    }
  }
  const https = listeners.filter((l) => l.protocol === 'https');
  const cert = view.annotations[K.CERT_ID];
  if (https.length > 0 && cert === undefined) {
    findings.add(
      subjectOf(K.CERT_ID),
      `is required because listener ${https.map((l) => `https:${l.port}`).join(', ')} terminates TLS; allowed: the ID of a certificate in ELB certificate management`,
    );
  }
  if (cert !== undefined) {
    if (https.length === 0) {
      findings.add(subjectOf(K.CERT_ID), 'is set but no listener is HTTPS, so it would have no effect; allowed: add an HTTPS listener (Listener.https(port)) or leave the certificate out');
    }
    const problem = checkPattern(cert, CERT_ID, 'the ID of a certificate in ELB certificate management, such as "17e3b4f4bc40471c86741dc3aa211379" (not the certificate itself)');
    if (problem) findings.add(subjectOf(K.CERT_ID), problem);
  }
}
