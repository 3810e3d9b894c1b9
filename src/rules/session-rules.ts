import { Findings } from './finding';
import { ServiceView } from './service-view';
import { ElbWarning } from './warnings';
import { subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { checkIntegerString, unknownField } from '../annotations/values';

/**
 * Sticky sessions (`elb.session-affinity-mode` / `-option`): only `SOURCE_IP`, timeout 1–60
 * minutes, not together with the SOURCE_IP algorithm, and only on TCP/UDP listeners.
 */
export function checkSessionAffinity(view: ServiceView, findings: Findings): void {
  const mode = view.annotations[K.SESSION_AFFINITY_MODE];
  if (mode !== undefined) {
    if (view.annotations[K.LB_ALGORITHM] === 'SOURCE_IP') {
      findings.add(
        `sessionAffinity (${K.SESSION_AFFINITY_MODE})`,
        `cannot be combined with lbAlgorithm SOURCE_IP (${K.LB_ALGORITHM}), which already keeps each client on one backend; allowed: ROUND_ROBIN or LEAST_CONNECTIONS with sticky sessions, or SOURCE_IP without them`,
      );
    }
    const l7 = view.listeners ?? [];
    if (l7.length > 0) {
      findings.add(
        `sessionAffinity (${K.SESSION_AFFINITY_MODE})`,
        `needs TCP/UDP listeners, but ${K.PROTOCOL_PORT} makes ${l7.map((l) => `${l.protocol}:${l.port}`).join(', ')} HTTP/HTTPS/TLS listeners; allowed: sticky sessions on a Service without ${K.PROTOCOL_PORT} listeners`,
      );
    }
  }
  const option = view.sessionAffinityOption;
  if (option !== undefined && mode === undefined) {
    findings.warn(
      ElbWarning.NO_EFFECT,
      subjectOf(K.SESSION_AFFINITY_OPTION),
      `has no effect without ${K.SESSION_AFFINITY_MODE}; allowed: SessionAffinity.sourceIp(timeout), or leave the option out`,
    );
  }
  if (option !== undefined) {
    for (const field of Object.keys(option)) {
      if (field !== 'persistence_timeout') {
        findings.add(subjectOf(K.SESSION_AFFINITY_OPTION, field), unknownField(field, ['persistence_timeout']));
      }
    }
    if (option.persistence_timeout !== undefined) {
      const problem = checkIntegerString(option.persistence_timeout, 1, 60, 'minutes');
      if (problem) findings.add(subjectOf(K.SESSION_AFFINITY_OPTION, 'persistence_timeout'), problem);
    }
  }
}
