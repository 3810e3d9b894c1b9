import { Findings } from './finding';
import { PortView, ServiceView } from './service-view';
import { ElbWarning } from './warnings';
import { entryOf, subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { checkIntegerString, checkOneOf, checkPattern, hasOwn, show, text, unknownField } from '../annotations/values';

/**
 * Longest health-check path accepted. CCE pages disagree (1–10,000 characters in older pages,
 * 1–80 in the current ones and the console); the stricter limit is valid under both.
 */
export const MAX_HEALTH_CHECK_PATH = 80;

const OPTION_FIELDS = Object.keys(entryOf(K.HEALTH_CHECK_OPTION).fields!);
const PORT_FIELD_ENTRIES = entryOf(K.HEALTH_CHECK_OPTIONS).fields!;
const PORT_FIELDS = Object.keys(PORT_FIELD_ENTRIES);
const TARGET_SERVICE_PORT = /^(TCP|UDP):([0-9]{1,5})$/;
/** `200`, `200,202`, `200-299`: status codes from 200 to 599. */
const EXPECTED_CODES = /^[2-5][0-9]{2}((-|,)[2-5][0-9]{2})*$/;

const WHITESPACE = /\s/;

/**
 * Which health-check protocols can probe a Service port of each protocol. The CCE LoadBalancer page
 * documents `UDP_CONNECT` (what `HealthCheck.udp()` writes); the open-source CCE-compatible
 * controller accepts `UDP`. Given raw, either is accepted.
 */
const PROTOCOLS_FOR_PORT: ReadonlyMap<unknown, readonly string[]> = new Map([
  ['TCP', ['TCP', 'HTTP']],
  ['UDP', ['UDP_CONNECT', 'UDP']],
]);

/**
 * `elb.health-check-flag`, `elb.health-check-option` (one check for every port) and
 * `elb.health-check-options` (one check per port): not both; options have no effect while the
 * check is off.
 */
export function checkHealthCheck(view: ServiceView, findings: Findings): void {
  const flag = view.annotations[K.HEALTH_CHECK_FLAG];
  const option = view.healthCheckOption;
  const perPort = view.healthCheckOptions;
  if (option !== undefined && perPort !== undefined) {
    findings.add(
      `healthCheck (${K.HEALTH_CHECK_OPTION} and ${K.HEALTH_CHECK_OPTIONS})`,
      'both are set; allowed: one health check for every port (healthCheck) or one per port (ports[].healthCheck), not both',
    );
  }
  if (flag === 'off') {
    for (const key of [K.HEALTH_CHECK_OPTION, K.HEALTH_CHECK_OPTIONS]) {
      if (view.values.has(key)) {
        findings.warn(ElbWarning.NO_EFFECT, subjectOf(key), `has no effect because ${K.HEALTH_CHECK_FLAG} is "off"; allowed: turn the health check on, or leave the options out`);
      }
    }
  }
  if (option !== undefined) {
    checkOptionFields(option, OPTION_FIELDS, view.ports, (field) => subjectOf(K.HEALTH_CHECK_OPTION, field), findings);
  }
  checkPerPort(view, perPort ?? [], findings);
}

function checkPerPort(view: ServiceView, options: ReadonlyArray<Readonly<Record<string, unknown>>>, findings: Findings): void {
  const seen = new Set<string>();
  options.forEach((option, i) => {
    const sub = (field: string) => `${PORT_FIELD_ENTRIES[field]?.prop ?? 'ports[].healthCheck'} (${K.HEALTH_CHECK_OPTIONS}: [${i}].${field})`;
    const target = option.target_service_port;
    const match = typeof target === 'string' ? TARGET_SERVICE_PORT.exec(target) : null;
    let ports: PortView[] = [];
    if (target === undefined) {
      findings.add(sub('target_service_port'), 'is required; allowed: the protocol and port of a spec.ports entry, such as "TCP:80"');
    } else if (!match) {
      findings.add(sub('target_service_port'), `${show(target)} is not allowed; allowed: "<TCP|UDP>:<port>" of a spec.ports entry, such as "TCP:80"`);
    } else if (seen.has(target as string)) {
      findings.add(sub('target_service_port'), `${show(target)} is checked more than once; allowed: one health check per port`);
    } else {
      seen.add(target as string);
      ports = view.ports.filter((p) => p.protocol === match[1] && p.port === Number(match[2]));
      if (ports.length === 0) {
        const known = view.ports.map((p) => `${text(p.protocol)}:${text(p.port)}`).join(', ') || 'none';
        findings.add(sub('target_service_port'), `${show(target)} is not a port of spec.ports; allowed: one of ${known}`);
      }
    }
    if (option.monitor_port !== undefined) {
      const problem = checkIntegerString(option.monitor_port, 1, 65535);
      if (problem) findings.add(sub('monitor_port'), problem);
    }
    if (option.expected_codes !== undefined) {
      if (option.protocol !== 'HTTP') findings.add(sub('expected_codes'), 'only applies to HTTP health checks; allowed: HealthCheck.http({ expectedCodes })');
      const problem = checkPattern(option.expected_codes, EXPECTED_CODES, 'HTTP status codes such as "200", "200,202" or "200-299"');
      if (problem) findings.add(sub('expected_codes'), problem);
    }
    checkOptionFields(option, PORT_FIELDS, ports, sub, findings);
  });
}

/** The fields that the single and the per-port health checks share. */
function checkOptionFields(
  option: Readonly<Record<string, unknown>>,
  known: readonly string[],
  ports: readonly PortView[],
  sub: (field: string) => string,
  findings: Findings,
): void {
  for (const field in option) {
    if (hasOwn(option, field) && !known.includes(field)) findings.add(sub(field), unknownField(field, known));
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
    for (const port of ports) {
      const suitable = PROTOCOLS_FOR_PORT.get(port.protocol);
      if (suitable && typeof protocol === 'string' && !suitable.includes(protocol)) {
        findings.add(
          sub('protocol'),
          `${show(protocol)} cannot probe ${text(port.protocol)} port ${text(port.port)} (spec.ports[${port.index}]); allowed for a ${text(port.protocol)} port: ${suitable.join(' or ')}`,
        );
      }
    }
  }
  const path = option.path;
  if (path !== undefined) {
    if (protocol !== 'HTTP') {
      findings.add(sub('path'), 'only applies to HTTP health checks; allowed: HealthCheck.http({ path })');
    }
    if (typeof path !== 'string' || !path.startsWith('/') || path.length > MAX_HEALTH_CHECK_PATH || WHITESPACE.test(path)) {
      findings.add(sub('path'), `${show(path)} is not allowed; allowed: a URL path starting with "/", without spaces, at most ${MAX_HEALTH_CHECK_PATH} characters`);
    }
  }
}
