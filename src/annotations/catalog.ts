import { BOOLEAN, Codec, INTEGER, KEY_VALUES, LIST, STRING, jsonObject, jsonObjectArray } from './codecs';
import { checkActions, checkConditions, checkHeaderPolicy, maxPolicyServiceName } from './forwarding-policies';
import { ElbAnnotations as K } from './keys';
import { IPV4, UUID, UUID_BODY, checkInteger, checkOneOf, checkPattern, show } from './values';
import { VersionGate } from '../cluster/version-gate';

/** `union` (shared) or `performance` (dedicated). */
export type ElbClassName = 'union' | 'performance';

/** What a Service port becomes on the load balancer. */
export type ListenerKind = 'TCP' | 'UDP' | 'HTTP' | 'HTTPS' | 'TLS';

/** The kinds of object CCE reads `kubernetes.io/elb.*` annotations on. */
export type ResourceKind = 'Service' | 'Ingress';

/**
 * How a LoadBalancer Ingress (`ingressClassName: cce`) reads a key that Services read too, where
 * it differs from the Service: its typed prop on `ElbIngress`, and the range, listeners, classes
 * and versions CCE's Ingress pages give (OTC cce_10_0695). Unset members are the Service's.
 */
export interface IngressFacet {
  /** The typed prop of `ElbIngress` that sets it. */
  readonly prop: string;
  readonly summary?: string;
  readonly range?: string;
  readonly default?: string;
  readonly listeners?: readonly ListenerKind[];
  readonly minVersion?: VersionGate;
  readonly minVersionByClass?: Readonly<Record<ElbClassName, VersionGate>>;
  /** The value rule on an Ingress, where it differs. */
  readonly check?: (value: any) => string | undefined;
}

/** One field of a JSON-object annotation. */
export interface FieldEntry {
  /** The typed prop that sets the field. */
  readonly prop: string;
  /** JSON type and format, for the docs. */
  readonly format: string;
  /** Allowed values, for the docs. */
  readonly range: string;
  /** What CCE does when the field is left out, for the docs. */
  readonly default: string;
  /** The classes the field applies to. @default both */
  readonly elbClasses?: readonly ElbClassName[];
  /** The oldest clusters that read the field. @default every cluster that reads the annotation */
  readonly minVersion?: VersionGate;
}

/**
 * Everything this library knows about one annotation key. Constructs write annotations through
 * `codec.encode`; the rules and the linter read them through `codec.decode` and apply `check`,
 * `elbClasses`, `listeners`, `autocreateOnly` and `minVersion` generically (see
 * `src/rules/catalog-rules.ts`); `docs/annotations.md` is generated from these entries.
 */
export interface CatalogEntry {
  /** The key; with `perService`, the prefix that a backend Service's name completes. */
  readonly key: string;
  /** The kinds of object CCE reads it on. @default ['Service'] */
  readonly kinds?: readonly ResourceKind[];
  /** How an Ingress reads it, where that differs (only with both kinds). */
  readonly ingress?: IngressFacet;
  /** The key is a prefix followed by the name of a backend Service (`kubernetes.io/elb.headers.<service>`). */
  readonly perService?: boolean;
  /** The typed prop that sets it, as a user writes it (`ElbService` props unless named). */
  readonly prop: string;
  readonly summary: string;
  readonly codec: Codec<any>;
  /** Allowed values, for the docs. */
  readonly range: string;
  /** What CCE does when the annotation is absent, for the docs. */
  readonly default: string;
  /** Value rule on the decoded value: a problem, or undefined when the value is allowed. */
  readonly check?: (value: any) => string | undefined;
  /** The classes it applies to; other classes are an error. @default both */
  readonly elbClasses?: readonly ElbClassName[];
  /**
   * CCE's admission webhook refuses the annotation unless `elb.class` names one of `elbClasses`,
   * so leaving the class out is an error too (otherwise the documented default `union` applies).
   */
  readonly classRequired?: boolean;
  /** The listener protocols it applies to; without any of them it has no effect (a warning). @default all */
  readonly listeners?: readonly ListenerKind[];
  /** Only read when CCE creates the load balancer (`elb.autocreate`); otherwise a warning. */
  readonly autocreateOnly?: boolean;
  /** The oldest clusters that read it. @default every cluster */
  readonly minVersion?: VersionGate;
  /** Per-class minimum versions, when CCE states them per class. */
  readonly minVersionByClass?: Readonly<Record<ElbClassName, VersionGate>>;
  /** JSON-object annotations: the fields in documented order. */
  readonly fields?: Readonly<Record<string, FieldEntry>>;
  /** Written by CCE itself; `settable: false` means a manifest must not set it. */
  readonly writtenByCce?: { readonly settable: boolean };
}

/** ELB certificate IDs: 32 hexadecimal characters, or a UUID. */
export const CERT_ID = new RegExp(`^([0-9a-fA-F]{32}|${UUID_BODY})$`);
const CERT_ID_ALLOWED = 'the ID of a certificate in ELB certificate management, such as "17e3b4f4bc40471c86741dc3aa211379" (not the certificate itself)';
/** `"0"` (the default enterprise project) or an enterprise project ID. */
const ENTERPRISE_ID = new RegExp(`^(0|${UUID_BODY})$`);
/** Most SNI certificates one listener takes (the limit CCE documents for Ingresses). */
export const MAX_SNI_CERTIFICATES = 50;
/**
 * Connection limits (`elb.cps`, `elb.connection`): CCE gives no range; the ELB API's listener model
 * takes 0–1,000,000 (the ELB console 1–1,000,000 per availability zone), and the flavor's own limit
 * applies above it.
 */
const MIN_CONNECTION_LIMIT = 0;
const MAX_CONNECTION_LIMIT = 1000000;
/** Most IP address groups in one access control (dedicated load balancers on recent clusters). */
export const MAX_ACL_GROUPS = 5;

const V = (text: string) => VersionGate.of(text);
/** SNI, HTTP/2, client/member timeouts, X-Forwarded-* headers, keepalive on shared load balancers. */
const V_L7_FEATURES = V('v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0');
/** Timeouts on dedicated load balancers. */
const V_DEDICATED_TIMEOUTS = V('v1.19.16-r30, v1.21.10-r10, v1.23.8-r10, v1.25.3-r10');
/** Tags and the autocreate `vip_address`. */
const V_TAGS = V('v1.23.11-r0, v1.25.6-r0, v1.27.3-r0');
/** ACLs. */
export const V_ACL = V('v1.23.12-r0, v1.25.7-r0, v1.27.4-r0, v1.28.2-r0');
/** More than one IP address group per ACL (dedicated load balancers). */
export const V_ACL_MULTIPLE = V('v1.25.16-r10, v1.27.16-r10, v1.28.15-r0, v1.29.10-r0, v1.30.6-r0, v1.31.1-r0');
/** Dedicated load balancers. */
export const V_DEDICATED = V('v1.17');
/** HTTP/HTTPS listeners on Services: v1.19.16 for every class (HW-0683, 2026; older pages said v1.21). */
const V_LAYER7 = V('v1.19.16');
/**
 * From these releases, an auto-created dedicated load balancer with HTTP/HTTPS listeners needs
 * only an application (layer-7) flavor; before them, a network (layer-4) flavor too (HW-0683).
 */
export const V_LAYER7_FLAVOR_ALONE = V('v1.19.16-r50, v1.21.11-r10, v1.23.9-r10, v1.25.4-r10, v1.27.1-r10');
/** Dedicated load balancers: TLS listeners, mutual TLS, gzip (HW-0843, HW-0866). */
export const V_DEDICATED_LISTENER_FEATURES = V('v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0');
/** Port-range listeners (HW-0929), custom EIPs, and backends of several clusters on one listener (HW-0682, same VPC). */
const V_PORT_RANGES = V('v1.23.18-r0, v1.25.13-r0, v1.27.10-r0, v1.28.8-r0, v1.29.4-r0, v1.30.1-r0');
/** Connection limits and backend server group options (HW-1180, HW-11011). */
const V_CONNECTION_LIMITS = V('v1.30.14-r100, v1.31.14-r60, v1.32.13-r30, v1.33.12-r10, v1.34.8-r10, v1.35.5-r10, v1.36.2-r0');
/** The reclaim policy of an auto-created load balancer (CCE's 2026 annotation table, as transcribed; see the entry). */
const V_RECLAIM_POLICY = V('v1.28.15-r60');

/** Forwarding-rule priorities of Ingresses (cce_10_0939). */
const V_RULE_PRIORITY = V('v1.23.15-r0, v1.25.10-r0, v1.27.7-r0, v1.28.5-r0, v1.29.1-r10');
/** Advanced forwarding conditions and actions of Ingresses (cce_10_0949; some actions need later releases). */
const V_ADVANCED_FORWARDING = V('v1.23.18-r10, v1.25.16-r0, v1.27.16-r0, v1.28.13-r0, v1.29.8-r0, v1.30.4-r0');

/** The actions of `elb.actions.<service>` that need later releases than the annotation (cce_10_0949). */
export const V_FIXED_RESPONSE = V('v1.25.16-r10, v1.27.16-r10, v1.28.15-r0, v1.29.10-r0, v1.30.6-r0');
export const V_TRAFFIC_LIMIT = V('v1.27.16-r10, v1.28.15-r0, v1.29.10-r0, v1.30.6-r0');
export const V_FORWARD_POOL = V('v1.25.16-r20, v1.27.16-r20, v1.28.15-r10, v1.29.10-r10, v1.30.6-r10, v1.31.4-r0');

/** The TLS security policies of an Ingress's HTTPS listener (cce_10_0695 Table 4). */
export const TLS_POLICIES = ['tls-1-0', 'tls-1-1', 'tls-1-2', 'tls-1-2-strict', 'tls-1-0-with-1-3', 'tls-1-2-fs', 'tls-1-2-fs-with-1-3'];
/** The policies only dedicated load balancers have. */
export const DEDICATED_TLS_POLICIES = ['tls-1-0-with-1-3', 'tls-1-2-fs', 'tls-1-2-fs-with-1-3'];

/** `kubernetes.io/elb.listen-ports`: single-key objects, `HTTP` or `HTTPS`, a port each, each protocol once. */
function checkListenPorts(entries: Array<Record<string, unknown>>): string | undefined {
  const allowed = 'a JSON list of {"HTTP":<port>} and {"HTTPS":<port>} with ports 1–65535, such as [{"HTTP":80},{"HTTPS":443}]';
  if (entries.length === 0) return `is empty; allowed: ${allowed}`;
  const ports = new Set<unknown>();
  for (const entry of entries) {
    const keys = Object.keys(entry);
    const protocol = keys[0];
    if (keys.length !== 1 || (protocol !== 'HTTP' && protocol !== 'HTTPS')) return `entry ${show(entry)} is not allowed; allowed: ${allowed}`;
    if (checkInteger(entry[protocol], 1, 65535) !== undefined) return `entry ${show(entry)} has port ${show(entry[protocol])}; allowed: ${allowed}`;
    if (ports.has(entry[protocol])) return `port ${entry[protocol]} is listed twice; allowed: a port for one listener only`;
    ports.add(entry[protocol]);
  }
  return undefined;
}

/** Most port ranges of one Service port (`kubernetes.io/elb.port-ranges`, HW-0929). */
export const MAX_PORT_RANGES = 10;
const PORT_RANGE = /^([0-9]{1,5}),([0-9]{1,5})$/;

/** A port range of `kubernetes.io/elb.port-ranges`: `"start,end"` → [start, end], or a problem. */
export function parsePortRange(entry: unknown): [number, number] | string {
  const match = typeof entry === 'string' ? PORT_RANGE.exec(entry) : null;
  const start = match ? Number(match[1]) : NaN;
  const end = match ? Number(match[2]) : NaN;
  if (!(start >= 1 && end <= 65535 && start <= end)) {
    return `range ${show(entry)} is not allowed; allowed: a string "<start>,<end>" with 1 <= start <= end <= 65535, such as "8000,8100"`;
  }
  return [start, end];
}

function checkPortRanges(value: Record<string, unknown>): string | undefined {
  const names = Object.keys(value);
  if (names.length === 0) return 'is empty; allowed: at least one Service port name with its ranges, such as {"game":["8000,8100"]}';
  for (const name of names) {
    const ranges = value[name];
    if (!Array.isArray(ranges) || ranges.length === 0) {
      return `port ${show(name)} has ${show(ranges)}; allowed: a list of 1 to ${MAX_PORT_RANGES} "<start>,<end>" ranges, such as ["8000,8100"]`;
    }
    if (ranges.length > MAX_PORT_RANGES) return `port ${show(name)} has ${ranges.length} ranges; allowed: at most ${MAX_PORT_RANGES}`;
    const parsed: Array<[number, number]> = [];
    for (const entry of ranges) {
      const range = parsePortRange(entry);
      if (typeof range === 'string') return `port ${show(name)}: ${range}`;
      const overlap = parsed.find(([start, end]) => range[0] <= end && start <= range[1]);
      if (overlap) return `port ${show(name)}: range ${show(entry)} overlaps "${overlap[0]},${overlap[1]}"; allowed: ranges that do not overlap`;
      parsed.push(range);
    }
  }
  return undefined;
}

function checkCertificateList(ids: string[]): string | undefined {
  if (new Set(ids).size !== ids.length) return 'lists a certificate more than once; allowed: each certificate once';
  return checkCertificateIds(ids, MAX_SNI_CERTIFICATES);
}

function checkCertificateIds(ids: string[], max: number): string | undefined {
  if (ids.length === 0) return `is empty; allowed: 1 to ${max} certificate IDs separated by commas`;
  if (ids.length > max) return `lists ${ids.length} certificates; allowed: at most ${max}`;
  for (const id of ids) {
    const problem = checkPattern(id, CERT_ID, CERT_ID_ALLOWED);
    if (problem) return `entry ${problem}`;
  }
  return undefined;
}

/**
 * An Ingress's ELB certificates: the server certificate, then up to 50 SNI certificates. CCE's own
 * listening-port example (cce_10_0937) lists the server certificate again as an SNI certificate, so
 * a repeated ID is not refused.
 */
function checkIngressCertificates(ids: string[]): string | undefined {
  return checkCertificateIds(ids, MAX_SNI_CERTIFICATES + 1);
}

function checkAclGroups(ids: string[]): string | undefined {
  if (ids.length > MAX_ACL_GROUPS) return `lists ${ids.length} IP address groups; allowed: at most ${MAX_ACL_GROUPS}`;
  for (const id of ids) {
    const problem = checkPattern(id, UUID, 'the ID of an ELB IP address group (a UUID)');
    if (problem) return `entry ${problem}`;
  }
  if (new Set(ids).size !== ids.length) return 'lists an IP address group more than once; allowed: each group once';
  return undefined;
}

/** ELB tag keys and values: no `,` or `=` (the separators), no surrounding spaces, key 1–36 and value 0–43 characters. */
const TAG_KEY = /^[^,=\s]([^,=]{0,34}[^,=\s])?$/;
const TAG_VALUE = /^([^,=\s]([^,=]{0,41}[^,=\s])?)?$/;
function checkTags(tags: Record<string, string>): string | undefined {
  for (const [key, value] of Object.entries(tags)) {
    if (!TAG_KEY.test(key)) return `key ${show(key)} is not allowed; allowed: 1 to 36 characters without "," or "=" and without leading or trailing spaces`;
    if (!TAG_VALUE.test(value)) return `value ${show(value)} of ${show(key)} is not allowed; allowed: 0 to 43 characters without "," or "=" and without leading or trailing spaces`;
  }
  return Object.keys(tags).length === 0 ? 'is empty; allowed: at least one key=value pair' : undefined;
}

const HEALTH_CHECK_FIELDS: Record<string, FieldEntry> = {
  protocol: { prop: 'healthCheck', format: 'string', range: 'TCP, UDP_CONNECT (or UDP), HTTP; TCP port: TCP or HTTP, UDP port: UDP_CONNECT', default: 'protocol of the Service port' },
  delay: { prop: 'healthCheck.delay', format: 'string (seconds)', range: '"1"–"50"', default: '"5"' },
  timeout: { prop: 'healthCheck.timeout', format: 'string (seconds)', range: '"1"–"50"', default: '"10"' },
  max_retries: { prop: 'healthCheck.maxRetries', format: 'string', range: '"1"–"10"', default: '"3"' },
  path: { prop: 'healthCheck.path', format: 'string', range: 'starts with "/", at most 80 characters; HTTP only', default: '"/"' },
};

const PORT_HEALTH_CHECK_FIELDS: Record<string, FieldEntry> = {
  target_service_port: { prop: 'ports[].healthCheck', format: 'string', range: '"<TCP|UDP>:<port>" of a spec.ports entry, each port once', default: '— (required)' },
  monitor_port: { prop: 'ports[].healthCheck.monitorPort', format: 'string', range: '"1"–"65535"', default: 'the backend port' },
  ...Object.fromEntries(Object.entries(HEALTH_CHECK_FIELDS).map(([f, e]) => [f, { ...e, prop: e.prop.replace('healthCheck', 'ports[].healthCheck') }])),
  expected_codes: { prop: 'ports[].healthCheck.expectedCodes', format: 'string', range: 'HTTP status codes: "200", "200,202" or "200-299"; HTTP only', default: '"200"' },
};

const AUTOCREATE_FIELDS: Record<string, FieldEntry> = {
  type: { prop: 'loadBalancer.network', format: 'string', range: 'public, inner', default: 'inner' },
  bandwidth_name: { prop: 'loadBalancer.network.bandwidthName', format: 'string', range: '1–64 letters (Chinese included), digits, _ - . (EIP API); public only', default: '— (required when public)' },
  bandwidth_chargemode: { prop: 'loadBalancer.network.chargeMode', format: 'string', range: 'bandwidth, traffic; public only', default: '— (required when public)' },
  bandwidth_size: { prop: 'loadBalancer.network.bandwidthSizeMbps', format: 'number (Mbit/s)', range: '1–2000; public only', default: '— (required when public)' },
  bandwidth_sharetype: { prop: 'loadBalancer.network.shareType', format: 'string', range: 'PER; public only', default: '— (required when public; always written)' },
  eip_type: { prop: 'loadBalancer.network.eipType', format: 'string', range: 'EIP type of the region: 5_bgp, 5_sbgp, 5_telcom, 5_union, …; public only', default: '— (required when public)' },
  name: { prop: 'loadBalancer.name', format: 'string', range: '1–64 characters (CCE annotation table)', default: 'cce-lb-<Service UID>' },
  vip_subnet_cidr_id: { prop: 'loadBalancer.vipSubnetId', format: 'string (UUID)', range: 'an IPv4 subnet of the cluster VPC', default: 'the cluster subnet', minVersion: V('v1.21') },
  vip_address: { prop: 'loadBalancer.vipAddress', format: 'string (IPv4)', range: 'a free address of the load balancer subnet', default: 'assigned by the subnet', minVersion: V_TAGS },
  ipv6_vip_virsubnet_id: { prop: 'loadBalancer.ipv6VipSubnetId', format: 'string (UUID)', range: 'an IPv6-enabled subnet (network ID)', default: 'no IPv6 address', elbClasses: ['performance'] },
  available_zone: { prop: 'loadBalancer.availabilityZones', format: 'array of strings', range: 'at least one availability zone code', default: '— (required when dedicated)', elbClasses: ['performance'] },
  l7_flavor_name: { prop: 'loadBalancer.l7FlavorName', format: 'string', range: 'a layer-7 flavor name; required with HTTP/HTTPS listeners', default: 'no layer-7 flavor', elbClasses: ['performance'] },
  l4_flavor_name: { prop: 'loadBalancer.l4FlavorName', format: 'string', range: 'a layer-4 flavor name', default: '— (required when dedicated)', elbClasses: ['performance'] },
  elb_virsubnet_ids: { prop: 'loadBalancer.backendSubnetIds', format: 'array of strings (UUIDs)', range: 'backend subnets (network IDs)', default: 'the subnet of vip_subnet_cidr_id', elbClasses: ['performance'] },
};

const ENTRIES: CatalogEntry[] = [
  {
    key: K.CLASS,
    kinds: ['Service', 'Ingress'],
    prop: 'loadBalancer',
    summary: 'Load balancer class',
    codec: STRING,
    range: 'union (shared), performance (dedicated, clusters of v1.17 and later)',
    default: 'union (region-dependent; always written)',
    check: (v) => {
      if (v === 'shared' || v === 'dedicated') {
        const cce = v === 'shared' ? 'union' : 'performance';
        return `"${v}" is the cloud-provider-huaweicloud value, which CCE does not take; allowed: "${cce}" (CCE's value for a ${v} load balancer), or "${cce === 'union' ? 'performance' : 'union'}"`;
      }
      const problem = checkOneOf(v, ['union', 'performance']);
      return problem && `${problem} ("union" is a shared, "performance" a dedicated load balancer)`;
    },
  },
  {
    key: K.ID,
    kinds: ['Service', 'Ingress'],
    prop: 'loadBalancer.id (ExistingElb)',
    summary: 'ID of an existing load balancer',
    codec: STRING,
    range: 'a load balancer ID (UUID), not its name; in the cluster VPC',
    default: '—',
    check: (v) => checkPattern(v, UUID, 'the ID of an existing load balancer, a UUID such as "5083f225-9bf8-48fa-9c8b-67bd9693c4c0" (not its name); find it on the ELB console, Summary tab'),
  },
  {
    key: K.IP,
    kinds: ['Service', 'Ingress'],
    prop: 'loadBalancer.ipAddress (ExistingElb.fromIpAddress)',
    summary: 'Private IP address of an existing load balancer',
    codec: STRING,
    range: 'an IPv4 address of a load balancer in the cluster VPC',
    default: '—',
    check: (v) => checkPattern(v, IPV4, 'the IPv4 address of an existing load balancer, such as "192.168.0.10"'),
  },
  {
    key: K.AUTOCREATE,
    kinds: ['Service', 'Ingress'],
    ingress: { prop: 'loadBalancer (AutoCreatedElb)', summary: 'Load balancer that CCE creates with the Ingress' },
    prop: 'loadBalancer (AutoCreatedElb)',
    summary: 'Load balancer that CCE creates with the Service',
    codec: jsonObject(Object.keys(AUTOCREATE_FIELDS)),
    range: 'see the fields below',
    default: '—',
    fields: AUTOCREATE_FIELDS,
  },
  {
    key: K.SUBNET_ID,
    kinds: ['Service', 'Ingress'],
    prop: 'subnetId',
    summary: 'Cluster subnet (needed only to auto-create on v1.11.7-r0 and earlier)',
    codec: STRING,
    range: 'a subnet ID (UUID)',
    default: 'the cluster subnet',
    check: (v) => checkPattern(v, UUID, 'the ID of the cluster subnet (a UUID)'),
  },
  {
    key: K.ENTERPRISE_ID,
    prop: 'enterpriseProjectId',
    summary: 'Enterprise project of an auto-created load balancer',
    codec: STRING,
    range: '"0" (default project) or a project ID (UUID)',
    default: 'the default project',
    autocreateOnly: true,
    minVersion: V('v1.15'),
    check: (v) => checkPattern(v, ENTERPRISE_ID, '"0" (the default project) or an enterprise project ID (a UUID)'),
  },
  {
    key: K.LB_ALGORITHM,
    prop: 'lbAlgorithm',
    summary: 'Load-balancing algorithm',
    codec: STRING,
    range: 'ROUND_ROBIN, LEAST_CONNECTIONS, SOURCE_IP',
    default: 'ROUND_ROBIN',
    check: (v) => checkOneOf(v, ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP']),
  },
  {
    key: K.SESSION_AFFINITY_MODE,
    prop: 'sessionAffinity',
    summary: 'Sticky sessions',
    codec: STRING,
    range: 'SOURCE_IP (leave out to disable; "off" is rejected); every listener TCP/UDP',
    default: 'no sticky sessions',
    check: (v) => {
      const problem = checkOneOf(v, ['SOURCE_IP']);
      return problem && `${problem} (leave the annotation out to disable sticky sessions; CCE rejects "off")`;
    },
  },
  {
    key: K.SESSION_AFFINITY_OPTION,
    prop: 'sessionAffinity',
    summary: 'Sticky-session timeout',
    codec: jsonObject(['persistence_timeout']),
    range: 'see the fields below',
    default: '60 minutes',
    fields: { persistence_timeout: { prop: 'sessionAffinity.timeout', format: 'string (minutes)', range: '"1"–"60"', default: '"60"' } },
  },
  {
    key: K.HEALTH_CHECK_FLAG,
    prop: 'healthCheck',
    summary: 'Health check on or off',
    codec: STRING,
    range: 'on, off (empty = on)',
    default: 'on',
    check: (v) => checkOneOf(v, ['on', 'off', '']),
  },
  {
    key: K.HEALTH_CHECK_OPTION,
    prop: 'healthCheck',
    summary: 'Health check of every port',
    codec: jsonObject(Object.keys(HEALTH_CHECK_FIELDS)),
    range: 'see the fields below; not with health-check-options',
    default: 'CCE defaults',
    fields: HEALTH_CHECK_FIELDS,
  },
  {
    key: K.HEALTH_CHECK_OPTIONS,
    prop: 'ports[].healthCheck',
    summary: 'Health check per port',
    codec: jsonObjectArray(Object.keys(PORT_HEALTH_CHECK_FIELDS)),
    range: 'one object per checked port; not with health-check-option',
    default: 'CCE defaults',
    fields: PORT_HEALTH_CHECK_FIELDS,
    minVersion: V('v1.19.16-r5, v1.21.8-r0, v1.23.6-r0, v1.25.2-r0'),
  },
  {
    key: K.PASS_THROUGH,
    prop: 'PassThroughService',
    summary: 'In-cluster traffic to the ELB address goes through the load balancer',
    codec: STRING,
    range: 'true (CCE writes onlyLocal under externalTrafficPolicy: Local); not on clusters of v1.15 and earlier',
    default: 'off',
    minVersion: V('v1.16'),
    check: (v) => checkOneOf(v, ['true', 'onlyLocal']),
  },
  {
    key: K.PROTOCOL_PORT,
    prop: 'listeners (HttpsElbService)',
    summary: 'HTTP, HTTPS and TLS listeners',
    codec: LIST,
    range: 'http:<port>, https:<port> or tls:<port> entries (tls: dedicated load balancers, clusters of v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 and later), each a TCP port of spec.ports',
    default: 'layer-4 listeners',
    minVersion: V_LAYER7,
  },
  {
    key: K.CERT_ID,
    prop: 'certificateId (HttpsElbService)',
    summary: 'Server certificate of the HTTPS and TLS listeners',
    codec: STRING,
    range: 'an ELB certificate ID; required with an https or tls listener',
    default: '—',
    listeners: ['HTTPS', 'TLS'],
    minVersion: V_LAYER7,
    check: (v) => checkPattern(v, CERT_ID, CERT_ID_ALLOWED),
  },
  {
    key: K.TLS_CERTIFICATE_IDS,
    kinds: ['Service', 'Ingress'],
    ingress: {
      prop: 'listener (IngressCertificate.fromElb)',
      summary: 'ELB certificates of the HTTPS listener: the server certificate first, then SNI certificates',
      range: `1 or more ELB certificate IDs: the first is the server certificate, the rest (up to ${MAX_SNI_CERTIFICATES}) SNI certificates; wins over spec.tls`,
      default: 'spec.tls (Kubernetes TLS Secrets), or no HTTPS',
      listeners: ['HTTPS'],
      minVersion: V('v1.19.16-r2, v1.21.5-r0, v1.23.3-r0'),
      check: checkIngressCertificates,
    },
    prop: 'sniCertificateIds (HttpsElbService)',
    summary: 'SNI certificates of the HTTPS and TLS listeners',
    codec: LIST,
    range: `1–${MAX_SNI_CERTIFICATES} ELB certificate IDs (each with a domain name)`,
    default: 'no SNI',
    listeners: ['HTTPS', 'TLS'],
    minVersion: V_L7_FEATURES,
    check: checkCertificateList,
  },
  {
    key: K.HTTP2_ENABLE,
    kinds: ['Service', 'Ingress'],
    ingress: { prop: 'http2' },
    prop: 'http2 (HttpsElbService)',
    summary: 'HTTP/2 on the HTTPS listeners',
    codec: BOOLEAN,
    range: 'true, false',
    default: 'false',
    listeners: ['HTTPS'],
    minVersion: V_L7_FEATURES,
  },
  {
    key: K.CLIENT_CA_CERT_ID,
    prop: 'clientCaCertificateId (HttpsElbService)',
    summary: 'CA certificate for mutual TLS',
    codec: STRING,
    range: 'an ELB CA certificate ID',
    default: 'no mutual TLS',
    elbClasses: ['performance'],
    listeners: ['HTTPS'],
    minVersion: V_DEDICATED_LISTENER_FEATURES,
    check: (v) => checkPattern(v, CERT_ID, 'the ID of a CA certificate in ELB certificate management'),
  },
  {
    key: K.ADAPTIVE_WEIGHT,
    prop: 'adaptiveWeight',
    summary: 'Adaptive backend weights',
    codec: BOOLEAN,
    range: 'true, false (no effect with passthrough networking: Turbo + dedicated)',
    default: 'false',
    minVersion: V('v1.21'),
  },
  {
    key: K.ACL_ID,
    kinds: ['Service', 'Ingress'],
    prop: 'accessControl',
    summary: 'IP address groups of the access control',
    codec: LIST,
    range: `IP address group IDs; more than one (up to ${MAX_ACL_GROUPS}) only on dedicated load balancers of ${V_ACL_MULTIPLE}; "" allows every address`,
    default: 'CCE does not touch the access control',
    minVersion: V_ACL,
    check: checkAclGroups,
  },
  {
    key: K.ACL_STATUS,
    kinds: ['Service', 'Ingress'],
    prop: 'accessControl',
    summary: 'Access control on or off',
    codec: STRING,
    range: 'on, off (also true, false); required with acl-id',
    default: '—',
    minVersion: V_ACL,
    check: (v) => checkOneOf(v, ['on', 'off', 'true', 'false']),
  },
  {
    key: K.ACL_TYPE,
    kinds: ['Service', 'Ingress'],
    prop: 'accessControl',
    summary: 'Trustlist or blocklist',
    codec: STRING,
    range: 'white (trustlist), black (blocklist); required with acl-id',
    default: '—',
    minVersion: V_ACL,
    check: (v) => checkOneOf(v, ['white', 'black']),
  },
  {
    key: K.HOST_NETWORK,
    prop: 'hostNetwork',
    summary: 'Backend pods use the host network',
    codec: BOOLEAN,
    range: 'true, false',
    default: 'false',
  },
  {
    key: K.KEEPALIVE_TIMEOUT,
    kinds: ['Service', 'Ingress'],
    ingress: { prop: 'keepaliveTimeout', range: '0–4000', default: '60', listeners: ['HTTP', 'HTTPS'] },
    prop: 'keepaliveTimeout',
    summary: 'Idle timeout of the listeners (seconds)',
    codec: INTEGER,
    range: 'TCP 10–4000, UDP 10–4000 (dedicated only), HTTP/HTTPS/TLS 0–4000',
    default: 'TCP/UDP 300, HTTP/HTTPS 60',
    minVersionByClass: { performance: V_DEDICATED_TIMEOUTS, union: V_L7_FEATURES },
    check: (v) => checkInteger(v, 0, 4000, 'seconds'),
  },
  ...[
    [K.CLIENT_TIMEOUT, 'clientTimeout', 'Request timeout of HTTP/HTTPS listeners (seconds)'],
    [K.MEMBER_TIMEOUT, 'memberTimeout', 'Response timeout of HTTP/HTTPS listeners (seconds)'],
  ].map(([key, prop, summary]): CatalogEntry => ({
    key,
    prop: `${prop} (HttpsElbService)`,
    kinds: ['Service', 'Ingress'],
    // The Ingress page gives the keepalive gates for all three timeouts (OTC cce_10_0695 Table 8).
    ingress: { prop, minVersionByClass: { performance: V_DEDICATED_TIMEOUTS, union: V_L7_FEATURES } },
    summary,
    codec: INTEGER,
    range: '1–300',
    default: '60',
    listeners: ['HTTP', 'HTTPS'],
    minVersion: V_L7_FEATURES,
    check: (v) => checkInteger(v, 1, 300, 'seconds'),
  })),
  {
    key: K.TAGS,
    kinds: ['Service', 'Ingress'],
    // cce_10_0252 gates tags at v1.23.11-r0 in its table, yet its examples for clusters of v1.21 and
    // earlier set them: on an Ingress the gate is not enforced, so that CCE's own example passes.
    ingress: { prop: 'tags', minVersion: undefined },
    prop: 'tags',
    summary: 'Tags of an auto-created load balancer',
    codec: KEY_VALUES,
    range: 'key=value pairs; key 1–36, value 0–43 characters, no "," or "="',
    default: 'no tags',
    autocreateOnly: true,
    minVersion: V_TAGS,
    check: checkTags,
  },
  {
    key: K.TRANSPARENT_CLIENT_IP,
    prop: 'transparentClientIp',
    summary: 'Pass the client IP to the backends',
    codec: BOOLEAN,
    range: 'true, false; shared load balancers, TCP/UDP; standard clusters need externalTrafficPolicy: Local',
    default: 'false',
    elbClasses: ['union'],
    listeners: ['TCP', 'UDP'],
    minVersion: V('v1.23.17-r0, v1.25.12-r0, v1.27.9-r0, v1.28.7-r0, v1.29.3-r0'),
  },
  {
    key: K.CUSTOM_EIP_ID,
    kinds: ['Service', 'Ingress'],
    ingress: { prop: 'customEipId', range: 'an unbound EIP ID (UUID); applied when the Ingress is updated after CCE created its EIP' },
    prop: 'customEipId',
    summary: 'EIP to bind instead of the one CCE created',
    codec: STRING,
    range: 'an unbound EIP ID (UUID); applied when the Service is updated after CCE created its EIP',
    default: 'the EIP CCE created',
    minVersion: V_PORT_RANGES,
    check: (v) => checkPattern(v, UUID, 'the ID of an EIP (a UUID)'),
  },
  ...[
    [K.X_FORWARDED_HOST, 'host', 'Rewrite the X-Forwarded-Host header'],
    [K.X_FORWARDED_PORT, 'port', 'Add the X-Forwarded-Port header'],
    [K.X_FORWARDED_FOR_PORT, 'forPort', 'Add the X-Forwarded-For-Port header'],
  ].map(([key, field, summary]): CatalogEntry => ({
    key,
    prop: `forwardedHeaders.${field} (HttpsElbService)`,
    summary,
    codec: BOOLEAN,
    range: 'true, false; dedicated load balancers, HTTP/HTTPS listeners',
    default: 'false',
    elbClasses: ['performance'],
    // "only performance elb supports kubernetes.io/elb.x-forwarded-host" (CCE webhook, kruise-game notes)
    classRequired: true,
    listeners: ['HTTP', 'HTTPS'],
    minVersion: V_L7_FEATURES,
  })),
  {
    key: K.CONNECTION_DRAIN_ENABLE,
    prop: 'connectionDrainTimeout',
    summary: 'Connection draining of removed backends',
    codec: BOOLEAN,
    range: 'true, false; needs connection-drain-timeout',
    default: 'false',
    elbClasses: ['performance'],
  },
  {
    key: K.CONNECTION_DRAIN_TIMEOUT,
    prop: 'connectionDrainTimeout',
    summary: 'How long connections to a removed backend are kept (seconds)',
    codec: INTEGER,
    range: '10–4000 (ELB API range)',
    default: '—',
    elbClasses: ['performance'],
    check: (v) => checkInteger(v, 10, 4000, 'seconds'),
  },
  {
    key: K.GZIP_ENABLED,
    kinds: ['Service', 'Ingress'],
    ingress: { prop: 'gzip' },
    prop: 'gzip (HttpsElbService)',
    summary: 'Compression (gzip, Brotli) of responses on the HTTP/HTTPS listeners',
    codec: BOOLEAN,
    range: 'true, false; dedicated load balancers whose region offers it; removing the annotation keeps the ELB setting (write false to turn it off)',
    default: 'false',
    elbClasses: ['performance'],
    listeners: ['HTTP', 'HTTPS'],
    minVersion: V_DEDICATED_LISTENER_FEATURES,
  },
  {
    key: K.PORT_RANGES,
    prop: 'ports[].portRanges',
    summary: 'Listener port ranges per Service port',
    codec: jsonObject([]),
    range: `{"<spec.ports name>":["<start>,<end>",…]}: 1–${MAX_PORT_RANGES} non-overlapping ranges per port within 1–65535; dedicated load balancers, TCP/UDP/TLS; changing a range recreates the listener`,
    default: 'one listener port per Service port',
    elbClasses: ['performance'],
    listeners: ['TCP', 'UDP', 'TLS'],
    minVersion: V_PORT_RANGES,
    check: checkPortRanges,
  },
  {
    key: K.POOLS_OPTIONS,
    prop: 'fullPortForwarding',
    summary: 'Backend server group options (full-port forwarding)',
    codec: jsonObject(['any_port_enabled']),
    range: 'see the fields below; dedicated load balancers on CCE Turbo clusters, TCP/UDP listeners; read only when CCE creates the backend server group',
    default: 'backend port = target port',
    elbClasses: ['performance'],
    listeners: ['TCP', 'UDP'],
    minVersion: V_CONNECTION_LIMITS,
    fields: { any_port_enabled: { prop: 'fullPortForwarding', format: 'boolean', range: 'true (the backend port is the port the client connected to), false', default: 'false' } },
  },
  ...[
    [K.CPS, 'maxNewConnectionsPerSecond', 'Most new connections per second on each listener', 'connections per second'],
    [K.CONNECTION, 'maxConcurrentConnections', 'Most concurrent connections on each listener', 'connections'],
  ].map(([key, prop, summary, unit]): CatalogEntry => ({
    key,
    prop,
    summary,
    codec: INTEGER,
    range: `${MIN_CONNECTION_LIMIT}–${MAX_CONNECTION_LIMIT} per listener (ELB API; the flavor's limit applies above it); dedicated load balancers`,
    default: 'no limit',
    elbClasses: ['performance'],
    minVersion: V_CONNECTION_LIMITS,
    check: (v) => checkInteger(v, MIN_CONNECTION_LIMIT, MAX_CONNECTION_LIMIT, unit),
  })),
  {
    key: K.MULTICLUSTER,
    prop: 'multiCluster',
    summary: 'Backends from several clusters on the listeners of an existing load balancer',
    codec: BOOLEAN,
    range: 'true, false; existing load balancers; every Service on the same listener must set it',
    default: 'false',
    minVersion: V_PORT_RANGES,
  },
  {
    key: K.INSTANCE_RECLAIM_POLICY,
    prop: 'loadBalancer.reclaimPolicy (AutoCreatedElb)',
    summary: 'Keep or delete the auto-created load balancer when the Service is deleted',
    codec: STRING,
    range: 'retain, alwaysDelete',
    default: 'the load balancer is deleted with the Service',
    // Key, values and version from CCE's 2026 annotation table as transcribed by a public CCE
    // controller project that sets it on CCE v1.35 (weimantian/huawei-elb-controller); not read on a Huawei page.
    autocreateOnly: true,
    minVersion: V_RECLAIM_POLICY,
    check: (v) => checkOneOf(v, ['retain', 'alwaysDelete']),
  },
  // LoadBalancer Ingresses only (OTC cce_10_0695 Tables 1–14; redirect and rewrite: cce_10_0690, cce_10_0770).
  {
    key: K.PORT,
    kinds: ['Ingress'],
    prop: 'listener (IngressListener.http or IngressListener.https)',
    summary: 'Listener port of the Ingress',
    codec: INTEGER,
    range: '1–65535 (some ports of shared load balancers, such as 21, are blocked)',
    default: '80 (HTTP), 443 (HTTPS)',
    check: (v) => checkInteger(v, 1, 65535),
  },
  {
    key: K.LISTEN_PORTS,
    kinds: ['Ingress'],
    prop: 'listener (IngressListener.httpAndHttps)',
    summary: 'An HTTP and an HTTPS listener for one Ingress',
    codec: jsonObjectArray(['HTTP', 'HTTPS']),
    range: 'JSON list of {"HTTP":<port>} and {"HTTPS":<port>}, such as [{"HTTP":80},{"HTTPS":443}]; wins over elb.port; dedicated load balancers',
    default: 'one listener (elb.port)',
    elbClasses: ['performance'],
    minVersion: V_DEDICATED_LISTENER_FEATURES,
    check: checkListenPorts,
  },
  {
    key: K.TLS_CIPHERS_POLICY,
    kinds: ['Ingress'],
    prop: 'securityPolicy',
    summary: 'TLS security policy of the HTTPS listener',
    codec: STRING,
    range: `${TLS_POLICIES.join(', ')} (${DEDICATED_TLS_POLICIES.join(', ')}: dedicated load balancers only)`,
    default: 'tls-1-2',
    listeners: ['HTTPS'],
    // CCE's pages differ (cce_10_0695: v1.17.17, cce_10_0688: v1.17.11, the console page: v1.17.9): the lowest is taken.
    minVersion: V('v1.17.9'),
    check: (v) => checkOneOf(v, TLS_POLICIES),
  },
  {
    key: K.SECURITY_POLICY_ID,
    kinds: ['Ingress'],
    prop: 'securityPolicy (SecurityPolicy.custom)',
    summary: 'Custom ELB security policy of the HTTPS listener (wins over tls-ciphers-policy)',
    codec: STRING,
    range: 'the ID of a custom security policy in ELB',
    default: 'tls-ciphers-policy',
    listeners: ['HTTPS'],
    minVersion: V('v1.17.9'),
    check: (v) => checkPattern(v, /^[^\s,]+$/, 'the ID of a custom ELB security policy'),
  },
  {
    key: K.POOL_PROTOCOL,
    kinds: ['Ingress'],
    prop: 'backendProtocol',
    summary: 'Protocol from the load balancer to the backends',
    codec: STRING,
    range: 'https (behind an HTTPS listener, dedicated load balancers; cannot be changed after creation); grpc (only in CCE\'s NGINX migration table)',
    default: 'HTTP',
    elbClasses: ['performance'],
    // Without an HTTPS listener it is an error ("the ingress protocol must be HTTPS"): rule ingress-listeners.
    minVersion: V('v1.23.8, v1.25.3'),
    check: (v) => checkOneOf(v, ['https', 'grpc']),
  },
  {
    key: K.SLOWSTART,
    kinds: ['Ingress'],
    prop: 'slowStart',
    summary: 'Slow start of new backends (seconds)',
    codec: INTEGER,
    range: '30–1200; only with weighted round robin and no sticky sessions on the backend Service',
    default: 'off',
    elbClasses: ['performance'],
    minVersion: V('v1.23'),
    check: (v) => checkInteger(v, 30, 1200, 'seconds'),
  },
  {
    key: K.INGRESS_ORDER,
    kinds: ['Ingress'],
    prop: 'order',
    summary: 'Priority of the Ingress\'s forwarding rules on its listener (smaller first)',
    codec: INTEGER,
    range: '1–1000, unique among the Ingresses of one listener',
    default: 'after every Ingress that sets it',
    elbClasses: ['performance'],
    minVersion: V_RULE_PRIORITY,
    check: (v) => checkInteger(v, 1, 1000),
  },
  {
    key: K.RULE_PRIORITY_ENABLED,
    kinds: ['Ingress'],
    prop: 'rulesInListedOrder',
    summary: 'Forwarding rules keep the order they are listed in (cannot be turned off)',
    codec: STRING,
    range: 'true',
    default: 'the ELB sorts the rules',
    elbClasses: ['performance'],
    minVersion: V_RULE_PRIORITY,
    check: (v) => {
      const problem = checkOneOf(v, ['true']);
      return problem && `${problem} (once enabled it cannot be disabled; leave the annotation out instead)`;
    },
  },
  {
    key: K.REDIRECT_URL,
    kinds: ['Ingress'],
    prop: 'redirectUrl',
    summary: 'Redirect every request of the Ingress to a URL',
    codec: STRING,
    range: 'a URL starting with http:// or https:// (an HTTPS listener redirects to https:// only)',
    default: 'no redirect',
    elbClasses: ['performance'],
    minVersion: V_DEDICATED_LISTENER_FEATURES,
    check: (v) => checkPattern(v, /^https?:\/\/[^\s]+$/, 'a URL starting with http:// or https://, such as "https://example.com/"'),
  },
  {
    key: K.REDIRECT_URL_CODE,
    kinds: ['Ingress'],
    prop: 'redirectCode',
    summary: 'Status code of the redirect',
    codec: STRING,
    range: '301, 302, 303, 307, 308',
    default: '301',
    elbClasses: ['performance'],
    minVersion: V_DEDICATED_LISTENER_FEATURES,
    check: (v) => checkOneOf(v, ['301', '302', '303', '307', '308']),
  },
  {
    key: K.REWRITE_TARGET,
    kinds: ['Ingress'],
    prop: 'rewriteTarget',
    summary: 'Rewrite of paths matched by a regular expression',
    codec: STRING,
    range: 'a path starting with "/" that may use $1…$9 of a REGEX path, such as /$1/$2',
    default: 'no rewrite',
    elbClasses: ['performance'],
    minVersion: V_DEDICATED_LISTENER_FEATURES,
    check: (v) => checkPattern(v, /^\/[^\s]*$/, 'a path starting with "/", such as "/newpath/$1"'),
  },
  {
    key: K.HEADERS_PREFIX,
    kinds: ['Ingress'],
    perService: true,
    prop: 'header (addForwardingPolicy)',
    summary: 'Forward requests of one backend Service only when a header matches',
    codec: jsonObject(['key', 'values']),
    range: `{"key":"<header>","values":[…]}: key 1–40 of A–Z a–z 0–9 _ -, 1–9 values of 1–128 characters (* and ? wildcards); Service name up to ${maxPolicyServiceName(K.HEADERS_PREFIX)} characters`,
    default: 'no header policy',
    elbClasses: ['performance'],
    minVersion: V('v1.23.16-r0, v1.25.11-r0, v1.27.8-r0, v1.28.6-r0, v1.29.2-r0'),
    check: checkHeaderPolicy,
  },
  {
    key: K.CONDITIONS_PREFIX,
    kinds: ['Ingress'],
    perService: true,
    prop: 'conditions (addForwardingPolicy)',
    summary: 'Advanced forwarding conditions of one backend Service',
    codec: jsonObjectArray(['type']),
    range: `JSON list of Method, Header, Cookie, QueryString and SourceIp conditions (AND; values of one condition OR); [] removes them; Service name up to ${maxPolicyServiceName(K.CONDITIONS_PREFIX)} characters`,
    default: 'no conditions',
    elbClasses: ['performance'],
    minVersion: V_ADVANCED_FORWARDING,
    check: checkConditions,
  },
  {
    key: K.ACTIONS_PREFIX,
    kinds: ['Ingress'],
    perService: true,
    prop: 'actions (addForwardingPolicy)',
    summary: 'Advanced forwarding actions of one backend Service',
    codec: jsonObjectArray(['type']),
    range: `JSON list of FixedResponse, TrafficLimit, ForwardPool, InsertHeader and RemoveHeader actions; [] removes them; Service name up to ${maxPolicyServiceName(K.ACTIONS_PREFIX)} characters; FixedResponse from ${V_FIXED_RESPONSE}, TrafficLimit from ${V_TRAFFIC_LIMIT}, ForwardPool from ${V_FORWARD_POOL}`,
    default: 'no actions',
    elbClasses: ['performance'],
    minVersion: V_ADVANCED_FORWARDING,
    check: checkActions,
  },
  {
    key: K.LISTENER_MASTER_INGRESS,
    kinds: ['Ingress'],
    prop: 'metadata.annotations (written by CCE)',
    summary: 'The Ingress whose listener settings apply (namespace/name)',
    codec: STRING,
    range: 'written by CCE; never set it',
    default: '—',
    writtenByCce: { settable: false },
  },
  {
    key: K.EIP_ID,
    kinds: ['Service', 'Ingress'],
    prop: 'metadata.annotations (written by CCE)',
    summary: 'EIP that CCE created with a public load balancer',
    codec: STRING,
    range: 'written by CCE',
    default: '—',
    writtenByCce: { settable: true },
  },
  {
    key: K.CUSTOM_EIP_STATUS,
    kinds: ['Service', 'Ingress'],
    prop: 'metadata.annotations (written by CCE)',
    summary: 'Result of binding a custom EIP',
    codec: STRING,
    range: 'written by CCE; never set it',
    default: '—',
    writtenByCce: { settable: false },
  },
  {
    key: K.MARK,
    prop: 'metadata.annotations (written by CCE)',
    summary: 'Retry counter of the controller',
    codec: STRING,
    range: 'written by CCE; never set it',
    default: '—',
    writtenByCce: { settable: false },
  },
  ...[
    [K.LISTENER_PORT, 'Listener port of a cross-cluster Service or one whose listener CCE does not manage'],
    [K.LISTENER_PORT_RANGES_AUTO_GENERATED, 'Port ranges CCE generated beside elb.listener-port'],
  ].map(([key, summary]): CatalogEntry => ({
    key,
    prop: 'metadata.annotations (written by CCE)',
    summary,
    codec: STRING,
    // HW-0682, HW-1167: editing or removing them breaks the clean-up of ELB resources.
    range: 'written by CCE; never set, edit or remove it',
    default: '—',
    writtenByCce: { settable: false },
  })),
];

/** The catalog, keyed by annotation key (the prefix, for per-Service keys), in documentation order. */
export const CATALOG: ReadonlyMap<string, CatalogEntry> = new Map(ENTRIES.map((e) => [e.key, e]));

/** The per-Service entries (`kubernetes.io/elb.headers.<service>`, …), by prefix. */
const PER_SERVICE: readonly CatalogEntry[] = ENTRIES.filter((e) => e.perService);

/**
 * The entry of an annotation key: its own, or the per-Service entry whose prefix it extends with a
 * Service name (`kubernetes.io/elb.headers.web` → `kubernetes.io/elb.headers.`).
 */
export function catalogEntry(key: string): CatalogEntry | undefined {
  const entry = CATALOG.get(key);
  if (entry !== undefined) return entry.perService ? undefined : entry;
  for (const e of PER_SERVICE) if (key.length > e.key.length && key.startsWith(e.key)) return e;
  return undefined;
}

/** Whether CCE reads the entry on objects of this kind. */
export function readsOn(entry: CatalogEntry, kind: ResourceKind): boolean {
  return (entry.kinds ?? SERVICE_ONLY).includes(kind);
}
const SERVICE_ONLY: readonly ResourceKind[] = ['Service'];

/** The entry as objects of `kind` read it: a Service's entry, or its Ingress facet merged in. */
export function facetOf(entry: CatalogEntry, kind: ResourceKind): CatalogEntry {
  if (kind === 'Service' || entry.ingress === undefined) return entry;
  let merged = FACETS.get(entry);
  if (merged === undefined) {
    merged = { ...entry, ...entry.ingress, ...(entry.ingress.minVersionByClass ? { minVersion: undefined } : {}) };
    FACETS.set(entry, merged);
  }
  return merged;
}
const FACETS = new WeakMap<CatalogEntry, CatalogEntry>();

/** The catalog entry of a key this library emits (a programming error if it is missing). */
export function entryOf(key: string): CatalogEntry {
  const entry = CATALOG.get(key);
  if (!entry) throw new Error(`internal: ${key} is not in the annotation catalog`);
  return entry;
}

/** Writes a typed value as the annotation string, through the key's codec. */
export function encodeAnnotation(key: string, value: unknown): string {
  return (catalogEntry(key) ?? entryOf(key)).codec.encode(value);
}

/**
 * The label a message uses for an annotation, or for one field of a JSON annotation:
 * `lbAlgorithm (kubernetes.io/elb.lb-algorithm)`,
 * `loadBalancer.network.bandwidthSizeMbps (kubernetes.io/elb.autocreate: bandwidth_size)`.
 */
export function subjectOf(key: string, field?: string, kind: ResourceKind = 'Service'): string {
  // Subjects are asked for on every finding and every checked annotation at each synth: keep them
  // (by kind and key, then by field, so that no string is built to look one up).
  const subjects = kind === 'Service' ? SUBJECTS : INGRESS_SUBJECTS;
  let byField = subjects.get(key);
  if (byField === undefined) {
    byField = new Map();
    if (subjects.size < MAX_SUBJECTS) subjects.set(key, byField);
  }
  let subject = byField.get(field);
  if (subject === undefined) {
    subject = subjectOfUncached(key, field, kind);
    if (byField.size < MAX_SUBJECTS) byField.set(field, subject);
  }
  return subject;
}

/** Subjects already built, by key and field (`undefined` for the key itself); bounded, since a manifest can name any key or field. */
const SUBJECTS = new Map<string, Map<string | undefined, string>>();
const INGRESS_SUBJECTS = new Map<string, Map<string | undefined, string>>();
const MAX_SUBJECTS = 1000;

function subjectOfUncached(key: string, field: string | undefined, kind: ResourceKind): string {
  const found = catalogEntry(key);
  const entry = found && facetOf(found, kind);
  const prop = (field !== undefined ? entry?.fields?.[field]?.prop : undefined) ?? entry?.prop;
  const where = field !== undefined ? `${key}: ${field}` : key;
  return prop !== undefined ? `${stripOwner(prop)} (${where})` : where;
}

/** `certificateId (HttpsElbService)` → `certificateId`; `loadBalancer (ExistingElb)` → `loadBalancer`. */
function stripOwner(prop: string): string {
  return prop.replace(/ \([^)]*\)$/, '');
}
