import { App, Chart, Duration, Testing } from 'cdk8s';
import fc from 'fast-check';
import {
  AccessControl,
  AutoCreatedElb,
  BandwidthChargeMode,
  BandwidthShareType,
  EipType,
  ElbAnnotations as K,
  ElbClass,
  ElbNetwork,
  ElbService,
  ElbServicePort,
  ElbServiceProps,
  ExistingElb,
  ExternalTrafficPolicy,
  HealthCheck,
  HttpsElbService,
  HttpsElbServiceProps,
  LbAlgorithm,
  Listener,
  LoadBalancer,
  PassThroughService,
  PortProtocol,
  ServiceSessionAffinity,
  SessionAffinity,
} from '../src';
import { CATALOG, CERT_ID, readsOn } from '../src/annotations/catalog';
import { UUID } from '../src/annotations/values';
import { lintText } from '../src/lint/linter';
import { ServiceManifest, checkIngressManifest, checkServiceManifest, decodeService } from '../src/rules';
import { ELB_ID } from './support/check';
import { newChart, synth, synthErrors } from './support/synth';

/*
 * Property-based tests. Each property draws random inputs with fast-check; on failure fast-check
 * prints the seed and the shrunk counterexample, so a failure can be replayed with
 * `fc.assert(..., { seed, path })`.
 *
 * The valid inputs are drawn as plain data (`Case`), from which the typed props are built
 * (`addService`) and, independently, the annotation values CCE should read (`expectedAnnotations`).
 */

const CERT = '17e3b4f4bc40471c86741dc3aa211379';

/** Names that are properties of every plain object; maps keyed by them are a classic source of bugs. */
const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__proto__'];

// ---------------------------------------------------------------------------------------------
// Plain-data description of a valid Service
// ---------------------------------------------------------------------------------------------

type ServiceKind = 'ElbService' | 'HttpsElbService' | 'PassThroughService';
type Protocol = 'TCP' | 'UDP';

interface PublicNetworkSpec {
  readonly bandwidthName: string;
  readonly bandwidthSizeMbps: number;
  readonly chargeMode: BandwidthChargeMode;
  readonly shareType?: BandwidthShareType;
  readonly eipType: EipType;
}

interface DedicatedSpec {
  readonly availabilityZones: string[];
  readonly l4FlavorName: string;
  readonly l7FlavorName?: string;
  readonly backendSubnetIds?: string[];
  readonly ipv6VipSubnetId?: string;
}

type LbSpec =
  | { readonly source: 'id'; readonly factory: 'fromId' | 'shared' | 'dedicated'; readonly id: string }
  | { readonly source: 'ip'; readonly ipAddress: string; readonly elbClass?: ElbClass }
  | {
    readonly source: 'auto';
    readonly elbClass: ElbClass;
    readonly name?: string;
    readonly network?: 'private' | PublicNetworkSpec;
    readonly vipSubnetId?: string;
    readonly vipAddress?: string;
    readonly dedicated?: DedicatedSpec;
  };

interface PortSpec {
  readonly name: string;
  readonly port: number;
  readonly protocol?: PortProtocol;
  readonly targetPort?: number;
  readonly targetPortName?: string;
}

interface CheckSpec {
  /** `undefined`: `HealthCheck.portProtocol()`. */
  readonly protocol?: 'TCP' | 'HTTP' | 'UDP_CONNECT';
  readonly delay?: number;
  readonly timeout?: number;
  readonly maxRetries?: number;
  readonly path?: string;
  readonly monitorPort?: number;
  readonly expectedCodes?: string;
}

type HealthSpec =
  | { readonly kind: 'disabled' }
  | { readonly kind: 'service'; readonly check: CheckSpec }
  | { readonly kind: 'perPort'; readonly checks: ReadonlyArray<CheckSpec | undefined> };

type AclSpec = { readonly type: 'trustlist' | 'blocklist'; readonly groupId: string } | { readonly type: 'allowAll' };

interface HttpsSpec {
  readonly listeners: ReadonlyArray<{ readonly protocol: 'http' | 'https'; readonly port: number }>;
  readonly certificateId?: string;
  readonly sniCertificateIds?: string[];
  readonly http2?: boolean;
  readonly clientTimeoutSeconds?: number;
  readonly memberTimeoutSeconds?: number;
  readonly clientCaCertificateId?: string;
  readonly forwardedHeaders?: { readonly host?: boolean; readonly port?: boolean; readonly forPort?: boolean };
}

interface Case {
  readonly kind: ServiceKind;
  readonly lb: LbSpec;
  readonly ports: PortSpec[];
  readonly selectorLabels: Record<string, string>;
  readonly lbAlgorithm?: LbAlgorithm;
  readonly stickySessions?: { readonly timeoutMinutes?: number };
  readonly health?: HealthSpec;
  readonly keepaliveSeconds?: number;
  readonly tags?: Record<string, string>;
  readonly accessControl?: AclSpec;
  readonly adaptiveWeight?: boolean;
  readonly hostNetwork?: boolean;
  readonly enterpriseProjectId?: string;
  readonly subnetId?: string;
  readonly customEipId?: string;
  readonly transparentClientIp?: boolean;
  readonly connectionDrainSeconds?: number;
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
  readonly serviceSessionAffinity?: ServiceSessionAffinity;
  readonly https?: HttpsSpec;
}

const protocolOf = (p: PortSpec): Protocol => p.protocol ?? 'TCP';

function classOf(lb: LbSpec): ElbClass | undefined {
  switch (lb.source) {
    case 'id':
      return lb.factory === 'shared' ? ElbClass.SHARED : lb.factory === 'dedicated' ? ElbClass.DEDICATED : undefined;
    case 'ip':
    case 'auto':
      return lb.elbClass;
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries of valid values
// ---------------------------------------------------------------------------------------------

const optional = <T>(arb: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq });

// Regex arbitraries are built once: fc.stringMatching compiles its pattern on every call.
const targetPortNameArb = fc.stringMatching(/^[a-z]{1,15}$/);
const healthCheckPathArb = fc.stringMatching(/^\/[a-z0-9/]{0,40}$/);
const selectorLabelsArb = fc.dictionary(fc.stringMatching(/^[a-z]{1,10}$/), fc.stringMatching(/^[a-z0-9]{1,10}$/), { minKeys: 1, maxKeys: 3, noNullPrototype: true });
const tagsArb = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9]{0,20}$/), fc.stringMatching(/^[a-z0-9]{0,20}$/), { minKeys: 1, maxKeys: 5, noNullPrototype: true });

/** UUIDs, lower or upper case (the ID pattern takes both). */
const uuidArb = fc.tuple(fc.uuid(), fc.boolean()).map(([u, upper]) => (upper ? u.toUpperCase() : u));
/** ELB certificate IDs: 32 hexadecimal characters, or a UUID. */
const certIdArb = fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.stringMatching(/^[0-9A-F]{32}$/), uuidArb);

const lbByIdArb: fc.Arbitrary<LbSpec> = fc.record({
  source: fc.constant('id' as const),
  factory: fc.constantFrom<'fromId' | 'shared' | 'dedicated'>('fromId', 'shared', 'dedicated'),
  id: uuidArb,
});

const lbByIpArb: fc.Arbitrary<LbSpec> = fc.record({
  source: fc.constant('ip' as const),
  ipAddress: fc.ipV4(),
  elbClass: optional(fc.constantFrom(ElbClass.SHARED, ElbClass.DEDICATED)),
});

const publicNetworkArb: fc.Arbitrary<PublicNetworkSpec> = fc.record({
  bandwidthName: fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/),
  bandwidthSizeMbps: fc.integer({ min: 1, max: 2000 }),
  chargeMode: fc.constantFrom(BandwidthChargeMode.BANDWIDTH, BandwidthChargeMode.TRAFFIC),
  shareType: optional(fc.constant(BandwidthShareType.PER)),
  eipType: fc.oneof(
    fc.constantFrom(EipType.BGP, EipType.STATIC_BGP, EipType.CHINA_TELECOM, EipType.CHINA_UNICOM),
    fc.stringMatching(/^[0-9A-Za-z_-]{1,64}$/).map((value) => EipType.of(value)),
  ),
});

/** Fixed flavors go with fixed flavors, elastic (`.pro.max`) with elastic. */
const flavorsArb = fc.oneof(
  fc.record({
    l4: fc.constantFrom('L4_flavor.elb.s1.small', 'L4_flavor.elb.s2.medium', 'L4_flavor.elb.s3.large'),
    l7: fc.constantFrom('L7_flavor.elb.s1.small', 'L7_flavor.elb.s2.small', 'L7_flavor.elb.s3.medium'),
  }),
  fc.constant({ l4: 'L4_flavor.elb.pro.max', l7: 'L7_flavor.elb.pro.max' }),
);

/** Dedicated fields; an HTTP/HTTPS Service needs the layer-7 flavor. */
function dedicatedArb(needsL7: boolean): fc.Arbitrary<DedicatedSpec> {
  return fc
    .record({
      availabilityZones: fc.uniqueArray(fc.stringMatching(/^[a-z]{2}-[a-z]{4,9}-[1-9][a-z]$/), { minLength: 1, maxLength: 3 }),
      flavors: flavorsArb,
      withL7: needsL7 ? fc.constant(true) : fc.boolean(),
      backendSubnetIds: optional(fc.uniqueArray(uuidArb, { minLength: 1, maxLength: 3 })),
      ipv6VipSubnetId: optional(uuidArb),
    })
    .map(({ flavors, withL7, ...rest }) => ({ ...rest, l4FlavorName: flavors.l4, l7FlavorName: withL7 ? flavors.l7 : undefined }));
}

function autoCreatedArb(needsL7: boolean): fc.Arbitrary<LbSpec> {
  return fc
    .record({
      dedicated: optional(dedicatedArb(needsL7), 1),
      name: optional(fc.stringMatching(/^[a-z]([a-z0-9_]{0,62}[a-z0-9])?$/)),
      network: optional(fc.oneof(fc.constant('private' as const), publicNetworkArb)),
      vipSubnetId: optional(uuidArb),
      vipAddress: optional(fc.ipV4()),
    })
    .map((r) => ({ source: 'auto' as const, elbClass: r.dedicated ? ElbClass.DEDICATED : ElbClass.SHARED, ...r }));
}

/** 1 to 4 ports with unique numbers, named p0..p3, TCP (given or by default) and UDP mixed. */
const portsArb: fc.Arbitrary<PortSpec[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 4 })
  .chain((numbers) =>
    fc.tuple(
      ...numbers.map((port, i) =>
        fc
          .record({
            protocol: fc.constantFrom(undefined, PortProtocol.TCP, PortProtocol.UDP),
            target: fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 65535 }), targetPortNameArb),
          })
          .map(({ protocol, target }): PortSpec => ({
            name: `p${i}`,
            port,
            protocol,
            targetPort: typeof target === 'number' ? target : undefined,
            targetPortName: typeof target === 'string' ? target : undefined,
          })),
      ),
    ),
  );

/** A health check that suits ports of `protocol`; per-port checks may also take monitorPort and expectedCodes. */
function checkArb(protocol: Protocol, perPort: boolean): fc.Arbitrary<CheckSpec> {
  const checkProtocols = protocol === 'TCP' ? (['TCP', 'HTTP', undefined] as const) : (['UDP_CONNECT', undefined] as const);
  return fc
    .record({
      protocol: fc.constantFrom(...checkProtocols),
      delay: optional(fc.integer({ min: 1, max: 50 })),
      timeout: optional(fc.integer({ min: 1, max: 50 })),
      maxRetries: optional(fc.integer({ min: 1, max: 10 })),
      path: optional(healthCheckPathArb),
      monitorPort: perPort ? optional(fc.integer({ min: 1, max: 65535 })) : fc.constant(undefined),
      expectedCodes: perPort ? optional(fc.constantFrom('200', '200,202', '200-299', '200-399,404')) : fc.constant(undefined),
    })
    .map((c) => (c.protocol === 'HTTP' ? c : { ...c, path: undefined, expectedCodes: undefined }));
}

/** No check, disabled, one check for a Service whose ports share a protocol, or checks per port. */
function healthArb(ports: PortSpec[]): fc.Arbitrary<HealthSpec | undefined> {
  const protocols = [...new Set(ports.map(protocolOf))];
  const choices: Array<fc.Arbitrary<HealthSpec | undefined>> = [
    fc.constant(undefined),
    fc.constant({ kind: 'disabled' as const }),
    fc.tuple(...ports.map((p) => optional(checkArb(protocolOf(p), true), 1))).map((checks) => ({ kind: 'perPort' as const, checks })),
  ];
  if (protocols.length === 1) {
    choices.push(checkArb(protocols[0], false).map((check) => ({ kind: 'service' as const, check })));
  }
  return fc.oneof(...choices);
}

function httpsArb(ports: PortSpec[], elbClass: ElbClass | undefined): fc.Arbitrary<HttpsSpec> {
  const tcpPorts = ports.filter((p) => protocolOf(p) === 'TCP').map((p) => p.port);
  const dedicated = elbClass === ElbClass.DEDICATED;
  return fc
    .shuffledSubarray(tcpPorts, { minLength: 1 })
    .chain((selected) => fc.tuple(...selected.map((port) => fc.constantFrom<'http' | 'https'>('http', 'https').map((protocol) => ({ protocol, port })))))
    .chain((listeners) =>
      fc.record({
        listeners: fc.constant(listeners),
        certificateId: listeners.some((l) => l.protocol === 'https') ? certIdArb : optional(certIdArb),
        sniCertificateIds: optional(fc.uniqueArray(certIdArb, { minLength: 1, maxLength: 5, selector: (id) => id.toLowerCase() })),
        http2: optional(fc.boolean()),
        clientTimeoutSeconds: optional(fc.integer({ min: 1, max: 300 })),
        memberTimeoutSeconds: optional(fc.integer({ min: 1, max: 300 })),
        clientCaCertificateId: dedicated ? optional(certIdArb) : fc.constant(undefined),
        forwardedHeaders: dedicated
          ? optional(fc.record({ host: fc.boolean(), port: fc.boolean(), forPort: fc.boolean() }, { requiredKeys: [] }))
          : fc.constant(undefined),
      }),
    );
}

/** Everything after the load balancer and the ports, constrained by them so that the Service is valid. */
function restArb(kind: ServiceKind, lb: LbSpec, ports: PortSpec[]): fc.Arbitrary<Case> {
  const elbClass = classOf(lb);
  const autoCreate = lb.source === 'auto';
  // A custom EIP replaces the EIP CCE created, so only a public auto-created load balancer takes one.
  const publicAutoCreate = autoCreate && lb.network !== undefined && lb.network !== 'private';
  const hasUdp = ports.some((p) => protocolOf(p) === 'UDP');
  const layer7 = kind === 'HttpsElbService';
  return fc
    .record({
      selectorLabels: selectorLabelsArb,
      lbAlgorithm: optional(fc.constantFrom(LbAlgorithm.ROUND_ROBIN, LbAlgorithm.LEAST_CONNECTIONS, LbAlgorithm.SOURCE_IP)),
      // Sticky sessions need TCP/UDP listeners only (dropped below under SOURCE_IP).
      stickySessions: layer7 ? fc.constant(undefined) : optional(fc.record({ timeoutMinutes: optional(fc.integer({ min: 1, max: 60 })) })),
      health: healthArb(ports),
      // UDP listeners take an idle timeout only on dedicated load balancers.
      keepaliveSeconds: !hasUdp || elbClass === ElbClass.DEDICATED ? optional(fc.integer({ min: 10, max: 4000 })) : fc.constant(undefined),
      tags: autoCreate ? optional(tagsArb) : fc.constant(undefined),
      accessControl: optional(
        fc.oneof(
          fc.record({ type: fc.constantFrom<'trustlist' | 'blocklist'>('trustlist', 'blocklist'), groupId: uuidArb }),
          fc.constant({ type: 'allowAll' as const }),
        ),
      ),
      adaptiveWeight: optional(fc.boolean()),
      hostNetwork: optional(fc.boolean()),
      enterpriseProjectId: optional(fc.oneof(fc.constant('0'), uuidArb)),
      subnetId: optional(uuidArb),
      customEipId: publicAutoCreate ? optional(uuidArb) : fc.constant(undefined),
      transparentClientIp: elbClass === ElbClass.SHARED ? optional(fc.boolean()) : fc.constant(undefined),
      connectionDrainSeconds: elbClass === ElbClass.DEDICATED ? optional(fc.integer({ min: 10, max: 4000 })) : fc.constant(undefined),
      externalTrafficPolicy: optional(fc.constantFrom(ExternalTrafficPolicy.CLUSTER, ExternalTrafficPolicy.LOCAL)),
      serviceSessionAffinity: optional(fc.constantFrom(ServiceSessionAffinity.NONE, ServiceSessionAffinity.CLIENT_IP)),
      https: layer7 ? httpsArb(ports, elbClass) : fc.constant(undefined),
    })
    .map((rest): Case => ({
      kind,
      lb,
      ports,
      ...rest,
      // SOURCE_IP already keeps a client on one backend; CCE refuses sticky sessions with it.
      stickySessions: rest.lbAlgorithm === LbAlgorithm.SOURCE_IP ? undefined : rest.stickySessions,
    }));
}

/** Load balancers for layer-4 Services, and for layer-7 ones (a dedicated one then has an L7 flavor). */
const LB_L4 = fc.oneof(lbByIdArb, lbByIpArb, autoCreatedArb(false));
const LB_L7 = fc.oneof(lbByIdArb, lbByIpArb, autoCreatedArb(true));
const PORTS_WITH_TCP = portsArb.filter((ports) => ports.some((p) => protocolOf(p) === 'TCP'));

/** A random valid ElbService, HttpsElbService or PassThroughService. */
const caseArb: fc.Arbitrary<Case> = fc
  .constantFrom<ServiceKind>('ElbService', 'HttpsElbService', 'PassThroughService')
  .chain((kind) => {
    const layer7 = kind === 'HttpsElbService';
    return fc
      .record({
        lb: layer7 ? LB_L7 : LB_L4,
        // An HTTP/HTTPS Service needs a TCP port to put a listener on.
        ports: layer7 ? PORTS_WITH_TCP : portsArb,
      })
      .chain(({ lb, ports }) => restArb(kind, lb, ports));
  });

// ---------------------------------------------------------------------------------------------
// Building the typed props from a Case
// ---------------------------------------------------------------------------------------------

const seconds = (n: number | undefined) => (n === undefined ? undefined : Duration.seconds(n));
const minutes = (n: number | undefined) => (n === undefined ? undefined : Duration.minutes(n));

function buildLoadBalancer(lb: LbSpec): LoadBalancer {
  switch (lb.source) {
    case 'id':
      return ExistingElb[lb.factory](lb.id);
    case 'ip':
      return ExistingElb.fromIpAddress(lb.ipAddress, lb.elbClass);
    case 'auto': {
      const network = lb.network === undefined ? undefined : lb.network === 'private' ? ElbNetwork.privateNetwork() : ElbNetwork.publicNetwork(lb.network);
      const common = { name: lb.name, network, vipSubnetId: lb.vipSubnetId, vipAddress: lb.vipAddress };
      return lb.dedicated ? AutoCreatedElb.dedicated({ ...common, ...lb.dedicated }) : AutoCreatedElb.shared(common);
    }
  }
}

function buildCheck(c: CheckSpec): HealthCheck {
  const options = { delay: seconds(c.delay), timeout: seconds(c.timeout), maxRetries: c.maxRetries, monitorPort: c.monitorPort };
  switch (c.protocol) {
    case 'TCP':
      return HealthCheck.tcp(options);
    case 'HTTP':
      return HealthCheck.http({ ...options, path: c.path, expectedCodes: c.expectedCodes });
    case 'UDP_CONNECT':
      return HealthCheck.udp(options);
    default:
      return HealthCheck.portProtocol(options);
  }
}

function buildAccessControl(acl: AclSpec): AccessControl {
  switch (acl.type) {
    case 'trustlist':
      return AccessControl.trustlist([acl.groupId]);
    case 'blocklist':
      return AccessControl.blocklist([acl.groupId]);
    case 'allowAll':
      return AccessControl.allowAll();
  }
}

function propsOf(c: Case): ElbServiceProps {
  const health = c.health;
  const ports: ElbServicePort[] = c.ports.map((p, i) => {
    const check = health?.kind === 'perPort' ? health.checks[i] : undefined;
    return { ...p, healthCheck: check && buildCheck(check) };
  });
  return {
    loadBalancer: buildLoadBalancer(c.lb),
    ports,
    selectorLabels: c.selectorLabels,
    lbAlgorithm: c.lbAlgorithm,
    sessionAffinity: c.stickySessions && SessionAffinity.sourceIp(minutes(c.stickySessions.timeoutMinutes)),
    healthCheck: health?.kind === 'disabled' ? HealthCheck.disabled() : health?.kind === 'service' ? buildCheck(health.check) : undefined,
    keepaliveTimeout: seconds(c.keepaliveSeconds),
    tags: c.tags,
    accessControl: c.accessControl && buildAccessControl(c.accessControl),
    adaptiveWeight: c.adaptiveWeight,
    hostNetwork: c.hostNetwork,
    enterpriseProjectId: c.enterpriseProjectId,
    subnetId: c.subnetId,
    customEipId: c.customEipId,
    transparentClientIp: c.transparentClientIp,
    connectionDrainTimeout: seconds(c.connectionDrainSeconds),
    externalTrafficPolicy: c.externalTrafficPolicy,
    serviceSessionAffinity: c.serviceSessionAffinity,
  };
}

function httpsPropsOf(c: Case, h: HttpsSpec): HttpsElbServiceProps {
  return {
    ...propsOf(c),
    listeners: h.listeners.map((l) => (l.protocol === 'https' ? Listener.https(l.port) : Listener.http(l.port))),
    certificateId: h.certificateId,
    sniCertificateIds: h.sniCertificateIds,
    http2: h.http2,
    clientTimeout: seconds(h.clientTimeoutSeconds),
    memberTimeout: seconds(h.memberTimeoutSeconds),
    clientCaCertificateId: h.clientCaCertificateId,
    forwardedHeaders: h.forwardedHeaders,
  };
}

/** Adds the Service of `c` to `chart` (fresh typed props each time). */
function addService(chart: Chart, c: Case): ElbService {
  switch (c.kind) {
    case 'ElbService':
      return new ElbService(chart, 'svc', propsOf(c));
    case 'PassThroughService':
      return new PassThroughService(chart, 'svc', propsOf(c));
    case 'HttpsElbService':
      return new HttpsElbService(chart, 'svc', httpsPropsOf(c, c.https!));
  }
}

// ---------------------------------------------------------------------------------------------
// The annotation values CCE should read for a Case (decoded form), computed from the data alone
// ---------------------------------------------------------------------------------------------

/** The object without its undefined fields. */
function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

const str = (n: number | undefined) => (n === undefined ? undefined : String(n));

function expectedLoadBalancer(lb: LbSpec): Record<string, unknown> {
  switch (lb.source) {
    case 'id':
      return { [K.CLASS]: classOf(lb), [K.ID]: lb.id };
    case 'ip':
      return { [K.CLASS]: lb.elbClass, [K.IP]: lb.ipAddress };
    case 'auto': {
      const net = lb.network;
      const pub = typeof net === 'object' ? net : undefined;
      const d = lb.dedicated;
      return {
        [K.CLASS]: lb.elbClass,
        [K.AUTOCREATE]: defined({
          type: net === undefined ? undefined : pub ? 'public' : 'inner',
          bandwidth_name: pub?.bandwidthName,
          bandwidth_chargemode: pub?.chargeMode,
          bandwidth_size: pub?.bandwidthSizeMbps,
          bandwidth_sharetype: pub ? 'PER' : undefined,
          eip_type: pub?.eipType.value,
          name: lb.name,
          vip_subnet_cidr_id: lb.vipSubnetId,
          vip_address: lb.vipAddress,
          available_zone: d?.availabilityZones,
          l7_flavor_name: d?.l7FlavorName,
          l4_flavor_name: d?.l4FlavorName,
          elb_virsubnet_ids: d?.backendSubnetIds,
          ipv6_vip_virsubnet_id: d?.ipv6VipSubnetId,
        }),
      };
    }
  }
}

function expectedCheckFields(c: CheckSpec): Record<string, unknown> {
  return defined({
    protocol: c.protocol,
    delay: str(c.delay),
    timeout: str(c.timeout),
    max_retries: str(c.maxRetries),
    path: c.path,
    monitor_port: str(c.monitorPort),
    expected_codes: c.expectedCodes,
  });
}

function expectedHealth(c: Case): Record<string, unknown> {
  const h = c.health;
  if (h === undefined) return {};
  switch (h.kind) {
    case 'disabled':
      return { [K.HEALTH_CHECK_FLAG]: 'off' };
    case 'service': {
      const fields = expectedCheckFields(h.check);
      return { [K.HEALTH_CHECK_FLAG]: 'on', [K.HEALTH_CHECK_OPTION]: Object.keys(fields).length > 0 ? fields : undefined };
    }
    case 'perPort': {
      const options = c.ports.flatMap((p, i) => {
        const check = h.checks[i];
        return check ? [{ target_service_port: `${protocolOf(p)}:${p.port}`, ...expectedCheckFields(check) }] : [];
      });
      return options.length === 0 ? {} : { [K.HEALTH_CHECK_FLAG]: 'on', [K.HEALTH_CHECK_OPTIONS]: options };
    }
  }
}

function expectedAccessControl(acl: AclSpec | undefined): Record<string, unknown> {
  if (acl === undefined) return {};
  if (acl.type === 'allowAll') return { [K.ACL_ID]: [] };
  return { [K.ACL_ID]: [acl.groupId], [K.ACL_STATUS]: 'on', [K.ACL_TYPE]: acl.type === 'trustlist' ? 'white' : 'black' };
}

function expectedHttps(h: HttpsSpec | undefined): Record<string, unknown> {
  if (h === undefined) return {};
  return {
    [K.PROTOCOL_PORT]: h.listeners.map((l) => `${l.protocol}:${l.port}`),
    [K.CERT_ID]: h.certificateId,
    [K.TLS_CERTIFICATE_IDS]: h.sniCertificateIds,
    [K.HTTP2_ENABLE]: h.http2,
    [K.CLIENT_CA_CERT_ID]: h.clientCaCertificateId,
    [K.CLIENT_TIMEOUT]: h.clientTimeoutSeconds,
    [K.MEMBER_TIMEOUT]: h.memberTimeoutSeconds,
    [K.X_FORWARDED_HOST]: h.forwardedHeaders?.host,
    [K.X_FORWARDED_PORT]: h.forwardedHeaders?.port,
    [K.X_FORWARDED_FOR_PORT]: h.forwardedHeaders?.forPort,
  };
}

/** Every annotation the Service of `c` should carry, as its codec decodes it. */
function expectedAnnotations(c: Case): Record<string, unknown> {
  return defined({
    ...expectedLoadBalancer(c.lb),
    [K.LB_ALGORITHM]: c.lbAlgorithm,
    [K.SUBNET_ID]: c.subnetId,
    [K.ENTERPRISE_ID]: c.enterpriseProjectId,
    [K.HOST_NETWORK]: c.hostNetwork,
    [K.ADAPTIVE_WEIGHT]: c.adaptiveWeight,
    [K.KEEPALIVE_TIMEOUT]: c.keepaliveSeconds,
    [K.TAGS]: c.tags,
    [K.TRANSPARENT_CLIENT_IP]: c.transparentClientIp,
    [K.CUSTOM_EIP_ID]: c.customEipId,
    [K.CONNECTION_DRAIN_ENABLE]: c.connectionDrainSeconds === undefined ? undefined : true,
    [K.CONNECTION_DRAIN_TIMEOUT]: c.connectionDrainSeconds,
    [K.SESSION_AFFINITY_MODE]: c.stickySessions ? 'SOURCE_IP' : undefined,
    [K.SESSION_AFFINITY_OPTION]:
      c.stickySessions?.timeoutMinutes === undefined ? undefined : { persistence_timeout: String(c.stickySessions.timeoutMinutes) },
    ...expectedAccessControl(c.accessControl),
    ...expectedHealth(c),
    [K.PASS_THROUGH]: c.kind === 'PassThroughService' ? 'true' : undefined,
    ...expectedHttps(c.https),
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Runs `fn` with console.warn silenced (synth prints warnings, which valid props may have). */
function quietly<T>(fn: () => T): T {
  const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return fn();
  } finally {
    spy.mockRestore();
  }
}

/** The Service that `c` synthesizes (schema-checked, warnings captured). */
function synthCase(c: Case): any {
  const chart = newChart();
  addService(chart, c);
  const objects = synth(chart);
  expect(objects.map((o) => o.kind)).toEqual(['Service']);
  return objects[0];
}

/** The YAML of a fresh App holding the Service of `c`. */
function synthYaml(c: Case): string {
  const app = new App();
  addService(new Chart(app, 'test'), c);
  return quietly(() => app.synthYaml());
}

/** A Service manifest with the given annotations and, by default, one TCP port and a selector. */
function manifest(annotations: Record<string, unknown>, spec: Record<string, unknown> = {}): ServiceManifest {
  return { metadata: { annotations }, spec: { ports: [{ port: 80 }], selector: { a: 'b' }, ...spec } };
}

// ---------------------------------------------------------------------------------------------
// 1-3: valid typed props
// ---------------------------------------------------------------------------------------------

describe('valid typed props', () => {
  test('GIVEN random valid props of any Service WHEN synthesized THEN synth succeeds and the Service passes the Kubernetes schema', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        // synth() throws on a validation error or a schema violation, and captures warnings.
        synthCase(c);
      }),
      { numRuns: 200 },
    );
  });

  test('GIVEN random valid props WHEN synthesized THEN every annotation decodes through its catalog codec to the typed value, and the rules find no error', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const service = synthCase(c);
        const annotations: Record<string, string> = service.metadata.annotations ?? {};
        const decoded: Record<string, unknown> = {};
        for (const [key, raw] of Object.entries(annotations)) {
          const entry = CATALOG.get(key);
          // No raw annotations are given, so every annotation comes from a typed prop through the catalog.
          expect({ key, known: entry !== undefined }).toEqual({ key, known: true });
          const result = entry!.codec.decode(raw);
          expect({ key, raw, result }).toEqual({ key, raw, result: expect.objectContaining({ ok: true }) });
          if (result.ok) decoded[key] = result.value;
        }
        expect(decoded).toEqual(expectedAnnotations(c));
        expect(decodeService(service).findings.items).toEqual([]);
        expect(checkServiceManifest(service).filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  test('GIVEN random valid props WHEN synthesized and the YAML is linted by cce-elb THEN the linter finds no error', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const report = lintText(synthYaml(c), 'synth.yaml');
        expect(report.services).toBe(1);
        expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  test('GIVEN the same random props WHEN built in two fresh apps THEN the YAML is byte-identical', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(synthYaml(c)).toBe(synthYaml(c));
      }),
      { numRuns: 100 },
    );
  });

  test('GIVEN valid tag keys, including names of Object.prototype members WHEN synthesized THEN the tags are accepted and round-trip', () => {
    // "constructor", "toString", "__proto__" ... are valid ELB tag keys: 1 to 36 characters without "," or "=".
    const tagKey = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/));
    const tags = fc.uniqueArray(fc.tuple(tagKey, fc.stringMatching(/^[a-z0-9]{0,20}$/)), { minLength: 1, maxLength: 4, selector: ([key]) => key });
    fc.assert(
      fc.property(tags, (entries) => {
        const typed = Object.fromEntries(entries);
        const chart = newChart();
        new ElbService(chart, 'svc', { loadBalancer: AutoCreatedElb.shared(), ports: [{ port: 80 }], selectorLabels: { app: 'x' }, tags: typed });
        const service = synth(chart)[0];
        expect(CATALOG.get(K.TAGS)!.codec.decode(service.metadata.annotations[K.TAGS])).toEqual({ ok: true, value: typed });
      }),
      { numRuns: 100 },
    );
  });

  test('GIVEN valid selector label keys, including names of Object.prototype members WHEN synthesized THEN spec.selector holds exactly those labels', () => {
    // "toString", "valueOf" ... are valid Kubernetes label keys. "constructor" is left out: cdk8s
    // itself cannot serialize an object with that key (any ApiObject: "can't render non-simple object").
    const labelKey = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES.filter((n) => n !== '__proto__' && n !== 'constructor')), fc.stringMatching(/^[a-z][a-z0-9]{0,20}$/));
    const labels = fc.uniqueArray(fc.tuple(labelKey, fc.stringMatching(/^[a-z0-9]{1,10}$/)), { minLength: 1, maxLength: 3, selector: ([key]) => key });
    fc.assert(
      fc.property(labels, (entries) => {
        const typed = Object.fromEntries(entries);
        const chart = newChart();
        new ElbService(chart, 'svc', { loadBalancer: ExistingElb.fromId(ELB_ID), ports: [{ port: 80 }], selectorLabels: typed });
        expect(synth(chart)[0].spec.selector).toEqual(typed);
      }),
      { numRuns: 100 },
    );
  });

  test('GIVEN list props (IP address groups, SNI certificates) WHEN synth accepts them THEN their annotations decode to exactly the typed lists', () => {
    // IDs with surrounding blanks, or two IDs in one entry: either synth rejects the list, or it reads back unchanged.
    const entry = (id: fc.Arbitrary<string>) =>
      fc.oneof(
        id,
        fc.tuple(fc.constantFrom('', ' ', '\t'), id, fc.constantFrom('', ' ')).map(([before, value, after]) => before + value + after),
        fc.tuple(id, id).map(([a, b]) => `${a},${b}`),
      );
    const lists = fc.record({
      groups: fc.array(entry(uuidArb), { minLength: 1, maxLength: 2 }),
      certificates: fc.array(entry(certIdArb), { minLength: 1, maxLength: 2 }),
    });
    fc.assert(
      fc.property(lists, ({ groups, certificates }) => {
        const chart = newChart();
        try {
          addHttpsService(chart, {
            loadBalancer: ExistingElb.dedicated(ELB_ID),
            accessControl: AccessControl.blocklist(groups),
            sniCertificateIds: certificates,
          });
        } catch (e) {
          // An entry that would not read back as itself (one with a comma) is refused at construction.
          expect((e as Error).message).toMatch(/^\[test\/svc\] (accessControl \(kubernetes\.io\/elb\.acl-id\)|sniCertificateIds \(kubernetes\.io\/elb\.tls-certificate-ids\)): entry /);
          return;
        }
        let objects: any[];
        try {
          objects = quietly(() => Testing.synth(chart));
        } catch (e) {
          expect((e as Error).message).toMatch(/^Validation failed/);
          return; // rejected: fine
        }
        const annotations = objects[0].metadata.annotations;
        expect({
          groups: CATALOG.get(K.ACL_ID)!.codec.decode(annotations[K.ACL_ID]),
          certificates: CATALOG.get(K.TLS_CERTIFICATE_IDS)!.codec.decode(annotations[K.TLS_CERTIFICATE_IDS]),
        }).toEqual({ groups: { ok: true, value: groups }, certificates: { ok: true, value: certificates } });
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 4: invalid typed values are rejected, naming the annotation
// ---------------------------------------------------------------------------------------------

/** A Service whose props are valid except for what `overrides` sets. */
function addElbService(chart: Chart, overrides: Partial<ElbServiceProps>): void {
  new ElbService(chart, 'svc', { loadBalancer: ExistingElb.fromId(ELB_ID), ports: [{ port: 80 }], selectorLabels: { app: 'x' }, ...overrides });
}

function addHttpsService(chart: Chart, overrides: Partial<HttpsElbServiceProps>): void {
  new HttpsElbService(chart, 'svc', {
    loadBalancer: ExistingElb.fromId(ELB_ID),
    ports: [{ port: 443 }],
    selectorLabels: { app: 'x' },
    listeners: [Listener.https(443)],
    certificateId: CERT,
    ...overrides,
  });
}

const publicNetwork = (bandwidthSizeMbps: number) =>
  ElbNetwork.publicNetwork({ bandwidthName: 'bw', bandwidthSizeMbps, chargeMode: BandwidthChargeMode.BANDWIDTH, eipType: EipType.BGP });

/** Not a whole number within [min, max]: below, above, or a fraction inside. Durations cannot be negative. */
function outside(min: number, max: number, lowest = 0): fc.Arbitrary<number> {
  const choices = [
    fc.integer({ min: max + 1, max: 2_000_000_000 }),
    fc.double({ min, max, noInteger: true, noNaN: true }),
    fc.double({ min: max, max: 1e12, minExcluded: true, noNaN: true, noDefaultInfinity: true }),
  ];
  if (lowest < min) choices.push(fc.integer({ min: lowest, max: min - 1 }));
  return fc.oneof(...choices);
}

interface InvalidCase {
  readonly what: string;
  readonly key: string;
  readonly run: () => void;
}

/**
 * A property: for every value of `values`, construction (for a value that could not be written
 * faithfully) or synth fails, and a message names `key`.
 */
function invalid<T>(what: string, key: string, values: fc.Arbitrary<T>, add: (chart: Chart, value: T) => void): InvalidCase {
  return {
    what,
    key,
    run: () =>
      fc.assert(
        fc.property(values, (value) => {
          const chart = newChart();
          try {
            add(chart, value);
          } catch (e) {
            expect((e as Error).message).toContain(key);
            return;
          }
          expect(synthErrors(chart)).toEqual(expect.arrayContaining([expect.stringContaining(key)]));
        }),
        { numRuns: 100 },
      ),
  };
}

/** 32 characters of which one is not hexadecimal. */
const nonHexCertId = fc
  .tuple(fc.stringMatching(/^[0-9a-f]{31}$/), fc.stringMatching(/^[g-zG-Z_-]$/), fc.nat(31))
  .map(([hex, bad, at]) => hex.slice(0, at) + bad + hex.slice(at));

const INVALID: InvalidCase[] = [
  invalid('keepaliveTimeout outside 10..4000 seconds or not whole', K.KEEPALIVE_TIMEOUT, outside(10, 4000), (chart, s) =>
    addElbService(chart, { keepaliveTimeout: Duration.seconds(s) }),
  ),
  invalid(
    'bandwidthSizeMbps outside 1..2000 or not whole',
    K.AUTOCREATE,
    fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 2001 }),
      fc.double({ min: 1, max: 2000, noInteger: true }),
      fc.constantFrom(NaN, Infinity, -Infinity),
    ),
    (chart, size) => addElbService(chart, { loadBalancer: AutoCreatedElb.shared({ network: publicNetwork(size) }) }),
  ),
  invalid('a health-check delay outside 1..50 seconds', K.HEALTH_CHECK_OPTION, outside(1, 50), (chart, s) =>
    addElbService(chart, { healthCheck: HealthCheck.tcp({ delay: Duration.seconds(s) }) }),
  ),
  invalid('a per-port health-check delay outside 1..50 seconds', K.HEALTH_CHECK_OPTIONS, outside(1, 50), (chart, s) =>
    addElbService(chart, { ports: [{ port: 80, healthCheck: HealthCheck.http({ delay: Duration.seconds(s) }) }] }),
  ),
  invalid('a sticky-session timeout outside 1..60 minutes', K.SESSION_AFFINITY_OPTION, outside(1, 60), (chart, m) =>
    addElbService(chart, { sessionAffinity: SessionAffinity.sourceIp(Duration.minutes(m)) }),
  ),
  invalid(
    'an autocreate name longer than 64 characters (the only limit in CCE\'s annotation table)',
    K.AUTOCREATE,
    fc.string({ minLength: 65, maxLength: 120 }).filter((s) => [...s].length > 64),
    (chart, name) => addElbService(chart, { loadBalancer: AutoCreatedElb.shared({ name }) }),
  ),
  invalid(
    'a tag key containing "," or "="',
    K.TAGS,
    fc
      .tuple(fc.stringMatching(/^[a-z]{0,5}$/), fc.constantFrom(',', '='), fc.stringMatching(/^[a-z]{0,5}$/), fc.stringMatching(/^[a-z0-9]{0,10}$/))
      .map(([before, separator, after, value]) => ({ key: before + separator + after, value })),
    (chart, tag) => addElbService(chart, { loadBalancer: AutoCreatedElb.shared(), tags: { env: 'prod', [tag.key]: tag.value } }),
  ),
  invalid(
    'ExistingElb.fromId with an ID that is not a UUID',
    K.ID,
    fc
      .oneof(fc.string(), fc.string({ unit: 'binary' }), fc.uuid().map((u) => u.slice(1)), fc.uuid().map((u) => ` ${u}`), fc.uuid().map((u) => u.replace(/-/g, '')))
      .filter((id) => !UUID.test(id)),
    (chart, id) => addElbService(chart, { loadBalancer: ExistingElb.fromId(id) }),
  ),
  invalid(
    'an SNI certificate ID that is not hexadecimal',
    K.TLS_CERTIFICATE_IDS,
    fc.tuple(fc.oneof(nonHexCertId, fc.string().filter((s) => !s.includes(',') && !CERT_ID.test(s.trim()))), fc.boolean()),
    (chart, [bad, first]) => addHttpsService(chart, { sniCertificateIds: first ? [bad, CERT] : [CERT.toUpperCase(), bad] }),
  ),
  invalid(
    'an access control with 6 IP address groups',
    K.ACL_ID,
    fc.uniqueArray(uuidArb, { minLength: 6, maxLength: 6, selector: (id) => id.toLowerCase() }),
    (chart, groups) => addElbService(chart, { loadBalancer: ExistingElb.dedicated(ELB_ID), accessControl: AccessControl.trustlist(groups) }),
  ),
  invalid('clientTimeout outside 1..300 seconds or not whole', K.CLIENT_TIMEOUT, outside(1, 300), (chart, s) =>
    addHttpsService(chart, { clientTimeout: Duration.seconds(s) }),
  ),
];

describe('invalid typed values', () => {
  test.each(INVALID.map((c) => [c.what, c.key, c] as const))('GIVEN %s WHEN synthesized THEN synth fails with a message naming %s', (_what, _key, c) => {
    c.run();
  });
});

// ---------------------------------------------------------------------------------------------
// 5: raw annotations, as the linter reads existing manifests
// ---------------------------------------------------------------------------------------------

const catalogKeyArb = fc.constantFrom(...CATALOG.keys());
const trickyStringArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', ',', '=', ',,', 'a=', '=a', 'true', 'on', 'null', '{}', '[]', '[{}]', '"x"', '0', '-1', '1e3', ...PROTOTYPE_NAMES),
);
/** JSON objects (and arrays of them) using the fields the catalog knows for the key, plus unknown ones. */
function structuredJsonArb(fields: string[]): fc.Arbitrary<string> {
  const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), trickyStringArb, fc.integer({ min: -10, max: 70000 }).map(String));
  const object = fc.dictionary(fc.constantFrom(...fields, ...PROTOTYPE_NAMES, 'x'), value, { maxKeys: 6 });
  return fc.oneof(object.map((o) => JSON.stringify(o)), fc.array(object, { maxLength: 3 }).map((a) => JSON.stringify(a)));
}
const ANY_FIELDS = [...new Set([...CATALOG.values()].flatMap((e) => Object.keys(e.fields ?? {})))];
/** The catalog keys CCE reads on Services. */
const serviceKeyArb = fc.constantFrom(...[...CATALOG.values()].filter((e) => readsOn(e, 'Service')).map((e) => e.key));
/** The catalog keys CCE reads on Ingresses; a per-backend prefix completed by the name of the Ingress's backend. */
const ingressKeyArb = fc.constantFrom(...[...CATALOG.values()].filter((e) => readsOn(e, 'Ingress')).map((e) => (e.perService ? `${e.key}web` : e.key)));
/** A LoadBalancer Ingress (class cce) with one path to Service web, and these annotations. */
function ingressManifest(annotations: Record<string, unknown>) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    metadata: { name: 'shop', annotations },
    spec: { ingressClassName: 'cce', rules: [{ http: { paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
  };
}
/** JSON of the forwarding-policy grammars (headers, conditions, actions), with random field values. */
const forwardingPolicyArb = (() => {
  const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), trickyStringArb, fc.integer({ min: -10, max: 200000 }));
  const fields = ['type', 'key', 'values', 'value', 'QPS', 'qps', 'perSourceIpQps', 'burst', 'contentType', 'statusCode', 'messageBody', 'serviceName', 'servicePort', 'poolID', 'weight', 'value_type',
    'methodConfig', 'headerConfig', 'cookieConfig', 'queryStringConfig', 'sourceIpConfig', 'fixedResponseConfig', 'trafficLimitConfig', 'TrafficLimItConfig', 'forwardConfig', 'InsertHeaderConfig', 'RemoveHeaderConfig', ...PROTOTYPE_NAMES];
  const types = fc.constantFrom('Method', 'Header', 'Cookie', 'QueryString', 'SourceIp', 'FixedResponse', 'TrafficLimit', 'ForwardPool', 'InsertHeader', 'RemoveHeader', 'constructor');
  const object = fc.letrec<{ obj: Record<string, unknown> }>((tie) => ({
    obj: fc.dictionary(fc.constantFrom(...fields), fc.oneof({ depthSize: 'small' }, value, tie('obj'), fc.array(tie('obj'), { maxLength: 3 }), types), { maxKeys: 5 }),
  })).obj;
  const typed = fc.tuple(types, object).map(([type, o]) => ({ ...o, type }));
  return fc.oneof(typed.map((o) => JSON.stringify(o)), fc.array(typed, { maxLength: 4 }).map((a) => JSON.stringify(a)));
})();
const rawAnnotationArb = fc.oneof(trickyStringArb, fc.json({ maxDepth: 3 }), structuredJsonArb(ANY_FIELDS));

describe('raw annotations', () => {
  test('GIVEN any string for any catalog annotation WHEN the manifest is checked THEN the rules never throw', () => {
    fc.assert(
      fc.property(catalogKeyArb, rawAnnotationArb, (key, raw) => {
        checkServiceManifest(manifest({ 'kubernetes.io/elb.id': ELB_ID, [key]: raw }));
      }),
      { numRuns: 2000 },
    );
  });

  test('GIVEN a non-string value for a catalog annotation WHEN the manifest is checked THEN a finding names the key', () => {
    const nonString = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
      fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    );
    // On a Service, the keys CCE reads on Services (the linter reports a non-string value of any
    // other key itself, for any kind: test/lint-cli.test.ts)
    fc.assert(
      fc.property(serviceKeyArb, nonString, (key, value) => {
        const subjects = checkServiceManifest(manifest({ 'kubernetes.io/elb.id': ELB_ID, [key]: value })).map((f) => f.subject);
        expect(subjects).toEqual(expect.arrayContaining([expect.stringContaining(key)]));
      }),
      { numRuns: 500 },
    );
    // On a LoadBalancer Ingress, the keys CCE reads on Ingresses (per-backend keys with a Service name)
    fc.assert(
      fc.property(ingressKeyArb, nonString, (key, value) => {
        const findings = checkIngressManifest(ingressManifest({ 'kubernetes.io/elb.id': ELB_ID, [key]: value }));
        expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.target}`)).toEqual(expect.arrayContaining([`annotation-string ${key}`]));
      }),
      { numRuns: 500 },
    );
  });

  test('GIVEN any string for any Ingress catalog annotation WHEN the Ingress is checked THEN the rules never throw', () => {
    // Any key with any value, and the per-backend keys (headers, conditions, actions) with JSON of their grammars
    const policyKeyArb = fc.constantFrom(...[...CATALOG.values()].filter((e) => e.perService).map((e) => `${e.key}web`));
    fc.assert(
      fc.property(fc.oneof(fc.tuple(ingressKeyArb, rawAnnotationArb), fc.tuple(policyKeyArb, forwardingPolicyArb)), ([key, raw]) => {
        checkIngressManifest(ingressManifest({ 'kubernetes.io/elb.class': 'performance', 'kubernetes.io/elb.id': ELB_ID, [key]: raw }));
      }),
      { numRuns: 2000 },
    );
  });

  /** Catalog annotations that make the rules look at the ports, plus random catalog annotations. */
  const annotationsArb = fc
    .tuple(
      fc.array(
        fc.constantFrom<[string, string]>(
          [K.HEALTH_CHECK_OPTION, '{"protocol":"TCP"}'],
          [K.HEALTH_CHECK_OPTION, '{"protocol":"UDP_CONNECT","delay":"5"}'],
          [K.HEALTH_CHECK_OPTIONS, '[{"target_service_port":"TCP:80","protocol":"HTTP"}]'],
          [K.PROTOCOL_PORT, 'http:80,https:443'],
          [K.KEEPALIVE_TIMEOUT, '300'],
          [K.SESSION_AFFINITY_MODE, 'SOURCE_IP'],
          [K.TRANSPARENT_CLIENT_IP, 'true'],
        ),
        { maxLength: 3 },
      ),
      fc.array(fc.tuple(catalogKeyArb, rawAnnotationArb), { maxLength: 4 }),
    )
    .map(([a, b]) => Object.fromEntries([[K.ID, ELB_ID], ...a, ...b]));

  /** A spec whose ports, selector and policies take values from `value`. */
  function specArb(value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
    const port = fc.record({ name: value, port: value, protocol: value, targetPort: value, nodePort: value }, { requiredKeys: [] });
    return fc.record(
      {
        ports: fc.oneof(fc.array(fc.oneof(port, value), { maxLength: 3 }), value),
        selector: value,
        externalTrafficPolicy: value,
        sessionAffinity: value,
      },
      { requiredKeys: [] },
    );
  }

  test('GIVEN a manifest with random scalar port fields (such as protocol "constructor") and random annotations WHEN checked THEN the rules never throw', () => {
    const scalar = fc.oneof(
      fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
      trickyStringArb,
      fc.constantFrom('TCP', 'UDP', 'SCTP', 80, 443, 0, -1, 70000, ...PROTOTYPE_NAMES),
    );
    fc.assert(
      fc.property(annotationsArb, specArb(scalar), (annotations, spec) => {
        checkServiceManifest({ metadata: { annotations }, spec });
      }),
      { numRuns: 1000 },
    );
  });

  test('GIVEN a manifest whose port fields are JSON objects (as a YAML mapping gives) WHEN checked THEN the rules never throw', () => {
    const object = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.dictionary(fc.constantFrom(...PROTOTYPE_NAMES, 'a'), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 2 }),
    );
    fc.assert(
      fc.property(annotationsArb, specArb(object), (annotations, spec) => {
        checkServiceManifest({ metadata: { annotations }, spec });
      }),
      { numRuns: 500 },
    );
  });
});
