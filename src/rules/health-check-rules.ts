import { Findings } from './finding';
import { ServiceView } from './service-view';
import { checkIntegerString, checkOneOf, show } from './values';
import { subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';

/**
 * Longest health-check path accepted. CCE pages disagree (1–10,000 characters in older pages,
 * 1–80 in the current ones and the console); the stricter limit is valid under both.
 */
export const MAX_HEALTH_CHECK_PATH = 80;

const FIELDS = ['protocol', 'delay', 'timeout', 'max_retries', 'path'];

/**
 * Which health-check protocols can probe a Service port of each protocol. The CCE LoadBalancer page
 * documents `UDP_CONNECT` (what `HealthCheck.udp()` writes); the open-source CCE-compatible
 * controller accepts `UDP`. Given raw, either is accepted.
 */
const PROTOCOLS_FOR_PORT: Record<string, string[]> = {
  TCP: ['TCP', 'HTTP'],
  UDP: ['UDP_CONNECT', 'UDP'],
};

/** `elb.health-check-flag` and `elb.health-check-option`. */
export function checkHealthCheck(view: ServiceView, findings: Findings): void {
  const flag = view.annotations[K.HEALTH_CHECK_FLAG];
  if (flag !== undefined) {
    const problem = checkOneOf(flag, ['on', 'off', '']);
    if (problem) findings.add(subjectOf(K.HEALTH_CHECK_FLAG), problem);
  }
  const option = view.healthCheckOption;
  if (option === undefined) return;
  if (flag === 'off') {
    findings.add(subjectOf(K.HEALTH_CHECK_OPTION), `has no effect because ${K.HEALTH_CHECK_FLAG} is "off"; allowed: turn the health check on, or leave the options out`);
  }
  const sub = (field: string) => subjectOf(K.HEALTH_CHECK_OPTION, field);
  for (const field of Object.keys(option)) {
    if (!FIELDS.includes(field)) findings.add(sub(field), `is not a field CCE knows; allowed: ${FIELDS.join(', ')}`);
  }
  const check = (field: string, problem: string | undefined) => {
    if (problem) findings.add(sub(field), problem);
  };
  if (option.delay !== undefined) check('delay', checkIntegerString(option.delay, 1, 50, 'seconds'));
  if (option.timeout !== undefined) check('timeout', checkIntegerString(option.timeout, 1, 50, 'seconds'));
  if (option.max_retries !== undefined) check('max_retries', checkIntegerString(option.max_retries, 1, 10));

  const protocol = option.protocol;
  if (protocol !== undefined) {
    check('protocol', checkOneOf(protocol, ['TCP', 'UDP_CONNECT', 'UDP', 'HTTP']));
    for (const port of view.ports) {
      const suitable = PROTOCOLS_FOR_PORT[String(port.protocol)];
      if (suitable && typeof protocol === 'string' && !suitable.includes(protocol)) {
        findings.add(
          sub('protocol'),
          `${show(protocol)} cannot probe ${String(port.protocol)} port ${String(port.port)} (spec.ports[${port.index}]); allowed for a ${String(port.protocol)} port: ${suitable.join(' or ')}`,
        );
      }
    }
  }
  const path = option.path;
  if (path !== undefined) {
    if (protocol !== 'HTTP') {
      findings.add(sub('path'), 'only applies to HTTP health checks; allowed: HealthCheck.http({ path })');
    }
    if (typeof path !== 'string' || !path.startsWith('/') || path.length > MAX_HEALTH_CHECK_PATH || /\s/.test(path)) {
      findings.add(sub('path'), `${show(path)} is not allowed; allowed: a URL path starting with "/", without spaces, at most ${MAX_HEALTH_CHECK_PATH} characters`);
    }
  }
}
