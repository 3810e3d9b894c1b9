import { fieldsOf, hasOwn, show } from './values';

/**
 * The JSON grammars of the per-backend forwarding annotations of a LoadBalancer Ingress, as CCE's
 * pages show them (OTC cce_10_0695 Tables 12–14, cce_10_0896, cce_10_0949 Tables 1–10):
 *
 * - `kubernetes.io/elb.headers.<service>`: `{"key":"…","values":["…"]}`;
 * - `kubernetes.io/elb.conditions.<service>`: `[{"type":"Method","methodConfig":{"values":[…]}}, …]`;
 * - `kubernetes.io/elb.actions.<service>`: `[{"type":"FixedResponse","fixedResponseConfig":{…}}, …]`.
 *
 * Each check returns a problem, or undefined when the value is allowed. Only what the pages state
 * is refused; fields they do not describe are left alone.
 */

/**
 * Longest backend Service name in a per-Service key: Kubernetes takes at most 63 characters after
 * the `kubernetes.io/` prefix of an annotation key, so 51 after `elb.headers.` and `elb.actions.`
 * and 48 after `elb.conditions.` (cce_10_0695 says 51, cce_10_0949 48 for conditions).
 */
export function maxPolicyServiceName(prefix: string): number {
  return 63 - (prefix.length - 'kubernetes.io/'.length);
}

const HEADER_KEY = /^[A-Za-z0-9_-]{1,40}$/;
/** 1–128 characters, no spaces or double quotes; `*` and `?` are wildcards. */
const HEADER_VALUE = /^[^\s"]{1,128}$/;

/** `kubernetes.io/elb.headers.<service>` (cce_10_0896): one header, 1–9 values (8 for `host`). */
export function checkHeaderPolicy(value: Record<string, unknown>): string | undefined {
  const key = value.key;
  if (typeof key !== 'string' || !HEADER_KEY.test(key)) {
    return `key ${show(key)} is not allowed; allowed: a header name of 1 to 40 letters, digits, "_" or "-"`;
  }
  const max = key.toLowerCase() === 'host' ? 8 : 9;
  return checkStringValues(value.values, HEADER_VALUE, max, 'strings of 1 to 128 characters without spaces or double quotes ("*" and "?" are wildcards)');
}

function checkStringValues(values: unknown, pattern: RegExp, max: number, allowed: string): string | undefined {
  if (!Array.isArray(values) || values.length === 0 || values.length > max) {
    return `values ${show(values)} is not allowed; allowed: a list of 1 to ${max} ${allowed}`;
  }
  const bad = values.find((v) => typeof v !== 'string' || !pattern.test(v));
  return bad === undefined ? undefined : `value ${show(bad)} is not allowed; allowed: ${allowed}`;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
const COOKIE_PART = /^[^\s]{1,100}$/;
/** An IPv4 or IPv6 CIDR block, loosely: the ELB checks the address itself. */
const CIDR = /^([0-9.]+\/[0-9]{1,2}|[0-9A-Fa-f:.]+\/[0-9]{1,3})$/;
const ANY_VALUE = /^[^\s"]{1,128}$/;

/** The condition types, their config field, and how their values are checked. */
/** A condition type: its config field, whether it may appear once only, and its value check. */
interface ConditionGrammar {
  readonly config: string;
  readonly once: boolean;
  readonly check: (config: Record<string, unknown>) => string | undefined;
}

const CONDITIONS: Readonly<Record<string, ConditionGrammar>> = {
  Method: {
    config: 'methodConfig',
    once: true,
    check: (c) => {
      const bad = Array.isArray(c.values) && c.values.length > 0 ? c.values.find((v) => !METHODS.includes(v as string)) : c.values ?? null;
      return bad === undefined ? undefined : `methodConfig.values has ${show(bad)}; allowed: a list of ${METHODS.join(', ')}`;
    },
  },
  Header: {
    config: 'headerConfig',
    once: false,
    check: (c) => (typeof c.key === 'string' && HEADER_KEY.test(c.key) ? checkStringValues(c.values, ANY_VALUE, 10, 'header values') : `headerConfig.key ${show(c.key)} is not allowed; allowed: a header name of 1 to 40 letters, digits, "_" or "-"`),
  },
  Cookie: {
    config: 'cookieConfig',
    once: false,
    check: (c) => {
      const values = c.values;
      if (!Array.isArray(values) || values.length === 0) return `cookieConfig.values ${show(values)} is not allowed; allowed: a list of {"key":"…","value":"…"} pairs`;
      const bad = values.find((v) => !COOKIE_PART.test(String(fieldsOf(v).key)) || !COOKIE_PART.test(String(fieldsOf(v).value)) || typeof fieldsOf(v).key !== 'string' || typeof fieldsOf(v).value !== 'string');
      return bad === undefined ? undefined : `cookieConfig.values has ${show(bad)}; allowed: {"key":"…","value":"…"} with a key and a value of 1 to 100 characters`;
    },
  },
  QueryString: {
    config: 'queryStringConfig',
    once: false,
    check: (c) => (typeof c.key === 'string' && c.key !== '' ? checkStringValues(c.values, ANY_VALUE, 10, 'query values') : `queryStringConfig.key ${show(c.key)} is not allowed; allowed: a query parameter name`),
  },
  SourceIp: {
    config: 'sourceIpConfig',
    once: true,
    check: (c) => checkStringValues(c.values, CIDR, 10, 'IPv4 or IPv6 CIDR blocks, such as "192.168.0.0/16"'),
  },
};

/** `kubernetes.io/elb.conditions.<service>` (cce_10_0949 Table 4): `[]` removes every condition. */
export function checkConditions(conditions: Array<Record<string, unknown>>): string | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < conditions.length; i++) {
    const condition = conditions[i];
    const type = condition.type;
    const grammar = typeof type === 'string' && hasOwn(CONDITIONS, type) ? CONDITIONS[type] : undefined;
    if (grammar === undefined) {
      return `condition ${i} has type ${show(type)}; allowed: ${Object.keys(CONDITIONS).join(', ')}`;
    }
    if (grammar.once && seen.has(type as string)) return `condition ${i}: a ${type} condition is given more than once; allowed: one ${type} condition`;
    seen.add(type as string);
    const config = condition[grammar.config];
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      return `condition ${i} (${type}) has no ${grammar.config} object; allowed: {"type":"${type}","${grammar.config}":{…}}`;
    }
    const problem = grammar.check(config as Record<string, unknown>);
    if (problem) return `condition ${i} (${type}): ${problem}`;
  }
  return undefined;
}

const CONTENT_TYPES = ['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json'];
const MAX_RATE = 100000;

function checkNumber(value: unknown, min: number, max: number, what: string): string | undefined {
  const n = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) return `${what} ${show(value)} is not allowed; allowed: a whole number from ${min} to ${max}`;
  return undefined;
}

/** The action types the pages define, with their config field. */
const ACTIONS: Readonly<Record<string, { readonly config: string; readonly check?: (config: Record<string, unknown>) => string | undefined }>> = {
  FixedResponse: {
    config: 'fixedResponseConfig',
    check: (c) => {
      if (!CONTENT_TYPES.includes(c.contentType as string)) return `fixedResponseConfig.contentType ${show(c.contentType)} is not allowed; allowed: ${CONTENT_TYPES.join(', ')}`;
      if (typeof c.statusCode !== 'string' || !/^[245][0-9][0-9]$/.test(c.statusCode)) return `fixedResponseConfig.statusCode ${show(c.statusCode)} is not allowed; allowed: a 2xx, 4xx or 5xx status code as a string, such as "503"`;
      if (c.messageBody !== undefined && (typeof c.messageBody !== 'string' || c.messageBody.length > 1024)) return `fixedResponseConfig.messageBody ${show(c.messageBody)} is not allowed; allowed: a string of 0 to 1024 characters`;
      return undefined;
    },
  },
  TrafficLimit: {
    config: 'trafficLimitConfig',
    check: (c) => {
      const qps = checkNumber(c.QPS, 0, MAX_RATE, 'trafficLimitConfig.QPS');
      if (qps) return qps;
      for (const field of ['perSourceIpQps', 'burst']) {
        if (c[field] === undefined) continue;
        const problem = checkNumber(c[field], 0, MAX_RATE, `trafficLimitConfig.${field}`);
        if (problem) return problem;
      }
      if (c.perSourceIpQps !== undefined && Number(c.QPS) > 0 && Number(c.perSourceIpQps) >= Number(c.QPS)) {
        return `trafficLimitConfig.perSourceIpQps ${show(c.perSourceIpQps)} is not smaller than QPS ${show(c.QPS)}; allowed: a per-source limit below the total`;
      }
      return undefined;
    },
  },
  ForwardPool: {
    config: 'forwardConfig',
    check: (c) => {
      // forwardConfig is documented as a list of up to 5 targets; some examples wrap it in an object.
      const targets = Array.isArray(c) ? c : undefined;
      if (targets === undefined) return undefined;
      if (targets.length === 0 || targets.length > 5) return `forwardConfig has ${targets.length} targets; allowed: 1 to 5`;
      for (const t of targets) {
        const target = fieldsOf(t);
        if (target.type === 'service' && (typeof target.serviceName !== 'string' || target.servicePort === undefined)) return `forwardConfig target ${show(t)} needs serviceName and servicePort; allowed: {"type":"service","serviceName":"…","servicePort":80,"weight":100}`;
        if (target.type === 'pool' && typeof target.poolID !== 'string') return `forwardConfig target ${show(t)} needs poolID; allowed: {"type":"pool","poolID":"…","weight":100}`;
        if (target.type !== 'service' && target.type !== 'pool') return `forwardConfig target type ${show(target.type)} is not allowed; allowed: "service" or "pool"`;
        if (target.weight !== undefined) {
          const problem = checkNumber(target.weight, 0, 100, 'forwardConfig weight');
          if (problem) return problem;
        }
      }
      return undefined;
    },
  },
  // Shown only in an example of cce_10_0949 (no table): the config is not checked.
  InsertHeader: { config: 'InsertHeaderConfig' },
  RemoveHeader: { config: 'RemoveHeaderConfig' },
};

/**
 * The config object of an action, its key matched without case: CCE's own combined example
 * (cce_10_0949) writes `"TrafficLimItConfig"` with `"qps"`, where the tables write
 * `trafficLimitConfig` with `QPS`. Which spelling CCE reads is not documented, so both pass.
 */
function configOf(action: Record<string, unknown>, name: string): unknown {
  if (action[name] !== undefined) return action[name];
  const lower = name.toLowerCase();
  const key = Object.keys(action).find((k) => k.toLowerCase() === lower);
  if (key === undefined) return undefined;
  const config = action[key];
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return config;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(config)) out[field.toLowerCase() === 'qps' ? 'QPS' : field] = value;
  return out;
}

/** `kubernetes.io/elb.actions.<service>` (cce_10_0949 Tables 2, 6, 8, 10): `[]` removes every action. */
export function checkActions(actions: Array<Record<string, unknown>>): string | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < actions.length; i++) {
    const action = actions[i];
    const type = action.type;
    const grammar = typeof type === 'string' && hasOwn(ACTIONS, type) ? ACTIONS[type] : undefined;
    if (grammar === undefined) return `action ${i} has type ${show(type)}; allowed: ${Object.keys(ACTIONS).join(', ')}`;
    if (type !== 'InsertHeader' && type !== 'RemoveHeader') {
      if (seen.has(type as string)) return `action ${i}: a ${type} action is given more than once; allowed: one ${type} action`;
      seen.add(type as string);
    }
    const config = configOf(action, grammar.config);
    if (grammar.check === undefined) continue;
    if (typeof config !== 'object' || config === null) {
      return `action ${i} (${type}) has no ${grammar.config}; allowed: {"type":"${type}","${grammar.config}":…}`;
    }
    const problem = grammar.check(config as Record<string, unknown>);
    if (problem) return `action ${i} (${type}): ${problem}`;
  }
  if (seen.has('ForwardPool') && seen.has('FixedResponse')) return 'combines ForwardPool and FixedResponse; allowed: one of them (CCE pages: a custom backend server group cannot be combined with a fixed response)';
  return undefined;
}
