/** Every typed prop added for the full annotation catalog writes exactly its annotation. */
import { Duration } from 'cdk8s';
import {
  AccessControl,
  AutoCreatedElb,
  ClusterProfile,
  ElbClass,
  ElbNetwork,
  ElbService,
  ElbServiceProps,
  EipType,
  BandwidthChargeMode,
  ExistingElb,
  HealthCheck,
  HttpsElbService,
  Listener,
  PortProtocol,
} from '../src';
import { ELB_ID } from './support/check';
import { newChart, synthErrors, synthService } from './support/synth';

const CERT = '17e3b4f4bc40471c86741dc3aa211379';
const CERT2 = '27e3b4f4bc40471c86741dc3aa211379';
const GROUP = '6083f225-9bf8-48fa-9c8b-67bd9693c4c0';
const PUBLIC = ElbNetwork.publicNetwork({ bandwidthName: 'bw', bandwidthSizeMbps: 5, chargeMode: BandwidthChargeMode.TRAFFIC, eipType: EipType.BGP });

function annotationsOf(overrides: Partial<ElbServiceProps>): Record<string, string> {
  const chart = newChart();
  new ElbService(chart, 'svc', { loadBalancer: ExistingElb.dedicated(ELB_ID), ports: [{ port: 80 }], selectorLabels: { app: 'x' }, ...overrides });
  return synthService(chart).metadata.annotations;
}

test('GIVEN Service-level props THEN each is written through the catalog as a string', () => {
  expect(annotationsOf({
    adaptiveWeight: true,
    keepaliveTimeout: Duration.minutes(5),
    connectionDrainTimeout: Duration.seconds(30),
    accessControl: AccessControl.trustlist([GROUP]),
  })).toEqual({
    'kubernetes.io/elb.class': 'performance',
    'kubernetes.io/elb.id': ELB_ID,
    'kubernetes.io/elb.adaptive-weight': 'true',
    'kubernetes.io/elb.keepalive_timeout': '300',
    'kubernetes.io/elb.connection-drain-enable': 'true',
    'kubernetes.io/elb.connection-drain-timeout': '30',
    'kubernetes.io/elb.acl-id': GROUP,
    'kubernetes.io/elb.acl-status': 'on',
    'kubernetes.io/elb.acl-type': 'white',
  });
});

test('GIVEN access control variants THEN blocklist and allow-all are written as CCE documents them', () => {
  expect(annotationsOf({ accessControl: AccessControl.blocklist([GROUP, ELB_ID]) })).toMatchObject({
    'kubernetes.io/elb.acl-id': `${GROUP},${ELB_ID}`,
    'kubernetes.io/elb.acl-type': 'black',
  });
  const allowAll = annotationsOf({ accessControl: AccessControl.allowAll() });
  expect(allowAll['kubernetes.io/elb.acl-id']).toBe('');
  expect(allowAll).not.toHaveProperty(['kubernetes.io/elb.acl-status']);
});

test('GIVEN tags, transparent client IP and a custom EIP on an auto-created shared ELB THEN each is written', () => {
  const chart = newChart();
  const svc = new ElbService(chart, 'svc', {
    metadata: { name: 'web' },
    loadBalancer: AutoCreatedElb.shared({ vipAddress: '192.168.0.20', network: PUBLIC }),
    ports: [{ port: 80 }],
    selectorLabels: { app: 'x' },
    tags: { team: 'web', env: 'prod' },
    transparentClientIp: false,
    customEipId: ELB_ID,
  });
  const a = synthService(chart).metadata.annotations;
  expect(a['kubernetes.io/elb.tags']).toBe('team=web,env=prod');
  expect(a['kubernetes.io/elb.transparent-client-ip']).toBe('false');
  expect(a['kubernetes.io/elb.custom-eip-id']).toBe(ELB_ID);
  expect(JSON.parse(a['kubernetes.io/elb.autocreate'])).toMatchObject({ type: 'public', vip_address: '192.168.0.20' });
  expect(svc.warnings()).toEqual([expect.stringMatching(/^customEipId \(kubernetes\.io\/elb\.custom-eip-id\): takes effect only when.* \[ElbWarning\.CUSTOM_EIP_ON_UPDATE\]$/)]);
});

test('GIVEN a custom EIP on a private or an existing load balancer THEN synth refuses it (CCE never created an EIP to replace)', () => {
  for (const loadBalancer of [AutoCreatedElb.shared({ network: ElbNetwork.privateNetwork() }), ExistingElb.shared(ELB_ID)]) {
    const chart = newChart();
    new ElbService(chart, 'svc', { loadBalancer, ports: [{ port: 80 }], selectorLabels: { app: 'x' }, customEipId: ELB_ID });
    expect(synthErrors(chart)).toEqual([
      expect.stringMatching(/^customEipId \(kubernetes\.io\/elb\.custom-eip-id\): replaces the EIP that CCE created with a public load balancer \(kubernetes\.io\/elb\.eip-id\), and this Service has none: its load balancer is (private|an existing one); allowed: AutoCreatedElb with ElbNetwork\.publicNetwork\(\), or leave it out$/),
    ]);
  }
});

test('GIVEN an empty trustlist or blocklist THEN construction refuses it (CCE would allow every address)', () => {
  expect(() => AccessControl.trustlist([])).toThrow(
    'accessControl (AccessControl.trustlist): the list of IP address groups is empty, which CCE reads as "allow every address"; allowed: 1 to 5 group IDs, or AccessControl.allowAll()',
  );
  expect(() => AccessControl.blocklist([])).toThrow('accessControl (AccessControl.blocklist): the list of IP address groups is empty');
});

test('GIVEN tag keys that are names of Object members THEN they are written and read back as data', () => {
  const chart = newChart();
  new ElbService(chart, 'svc', { loadBalancer: AutoCreatedElb.shared(), ports: [{ port: 80 }], selectorLabels: { app: 'x' }, tags: { constructor: 'a' } });
  expect(synthService(chart).metadata.annotations['kubernetes.io/elb.tags']).toBe('constructor=a');
});

test('GIVEN a tag or list entry that would not read back as itself THEN construction names the prop and annotation', () => {
  const base = { loadBalancer: AutoCreatedElb.shared(), ports: [{ port: 80 }], selectorLabels: { app: 'x' } };
  expect(() => new ElbService(newChart(), 'svc', { ...base, tags: { team: 'a,b' } })).toThrow(
    '[test/svc] tags (kubernetes.io/elb.tags): value "a,b" of "team" is not allowed; allowed: a value without ","',
  );
  expect(() => new ElbService(newChart(), 'svc', { ...base, tags: { 'a=b': 'c' } })).toThrow(
    '[test/svc] tags (kubernetes.io/elb.tags): key "a=b" is not allowed; allowed: a non-empty key without "," or "="',
  );
  expect(() => new ElbService(newChart(), 'svc', { ...base, accessControl: AccessControl.trustlist([`${GROUP},${ELB_ID}`]) })).toThrow(
    `[test/svc] accessControl (kubernetes.io/elb.acl-id): entry "${GROUP},${ELB_ID}" is not allowed; allowed: a non-empty value without ","`,
  );
});

test('GIVEN a dedicated ELB with an IPv6 subnet THEN the field follows the documented order', () => {
  const chart = newChart();
  new ElbService(chart, 'svc', {
    loadBalancer: AutoCreatedElb.dedicated({ availabilityZones: ['az1'], l4FlavorName: 'L4_flavor.elb.s1.small', ipv6VipSubnetId: GROUP, vipSubnetId: ELB_ID }),
    ports: [{ port: 80 }],
    selectorLabels: { app: 'x' },
  });
  expect(synthService(chart).metadata.annotations['kubernetes.io/elb.autocreate']).toBe(
    `{"vip_subnet_cidr_id":"${ELB_ID}","ipv6_vip_virsubnet_id":"${GROUP}","available_zone":["az1"],"l4_flavor_name":"L4_flavor.elb.s1.small"}`,
  );
});

test('GIVEN an existing ELB by IP address THEN elb.ip (and the class, when given) is written', () => {
  expect(annotationsOf({ loadBalancer: ExistingElb.fromIpAddress('192.168.0.10', ElbClass.SHARED) })).toEqual({
    'kubernetes.io/elb.class': 'union',
    'kubernetes.io/elb.ip': '192.168.0.10',
  });
  expect(ExistingElb.fromIpAddress('192.168.0.10').ipAddress).toBe('192.168.0.10');
  expect(ExistingElb.fromIpAddress('192.168.0.10').id).toBeUndefined();
});

describe('per-port health checks', () => {
  test('GIVEN health checks on two ports THEN one health-check-options entry per port, with the flag on', () => {
    const a = annotationsOf({
      ports: [
        { name: 'web', port: 80, healthCheck: HealthCheck.http({ path: '/healthz', expectedCodes: '200-299', delay: Duration.seconds(5) }) },
        { name: 'dns', port: 53, protocol: PortProtocol.UDP, healthCheck: HealthCheck.udp({ maxRetries: 3, monitorPort: 5353 }) },
        { name: 'other', port: 81 },
      ],
    });
    expect(a['kubernetes.io/elb.health-check-flag']).toBe('on');
    expect(JSON.parse(a['kubernetes.io/elb.health-check-options'])).toEqual([
      { target_service_port: 'TCP:80', protocol: 'HTTP', delay: '5', path: '/healthz', expected_codes: '200-299' },
      { target_service_port: 'UDP:53', protocol: 'UDP_CONNECT', max_retries: '3', monitor_port: '5353' },
    ]);
    // Keys in the documented order: target_service_port, monitor_port, protocol, delay, timeout, max_retries, path, expected_codes.
    expect(a['kubernetes.io/elb.health-check-options']).toBe(
      '[{"target_service_port":"TCP:80","protocol":"HTTP","delay":"5","path":"/healthz","expected_codes":"200-299"},{"target_service_port":"UDP:53","monitor_port":"5353","protocol":"UDP_CONNECT","max_retries":"3"}]',
    );
  });

  test('GIVEN a per-port check and a Service check THEN synth allows only one', () => {
    const chart = newChart();
    new ElbService(chart, 'svc', {
      loadBalancer: ExistingElb.shared(ELB_ID),
      ports: [{ port: 80, healthCheck: HealthCheck.tcp() }],
      selectorLabels: { app: 'x' },
      healthCheck: HealthCheck.tcp({ maxRetries: 3 }),
    });
    expect(synthErrors(chart)).toEqual([
      'healthCheck (kubernetes.io/elb.health-check-option and kubernetes.io/elb.health-check-options): both are set; allowed: one health check for every port (healthCheck) or one per port (ports[].healthCheck), not both',
    ]);
  });

  test('GIVEN a disabled per-port check, per-port checks with the Service check disabled, or per-port options on the Service check THEN construction explains', () => {
    const base = { loadBalancer: ExistingElb.shared(ELB_ID), selectorLabels: { app: 'x' } };
    expect(() => new ElbService(newChart(), 'svc', { ...base, ports: [{ port: 80, healthCheck: HealthCheck.tcp() }], healthCheck: HealthCheck.disabled() })).toThrow(
      '[test/svc] healthCheck (kubernetes.io/elb.health-check-flag and kubernetes.io/elb.health-check-options): the health check is disabled for the Service, but ports[].healthCheck configures it for some ports; allowed: one of them',
    );
    expect(() => new ElbService(newChart(), 'svc', { ...base, ports: [{ port: 80, healthCheck: HealthCheck.disabled() }] })).toThrow(
      '[test/svc] ports[0].healthCheck (kubernetes.io/elb.health-check-options): a per-port health check cannot be disabled; allowed: HealthCheck.tcp/udp/http/portProtocol(), or healthCheck: HealthCheck.disabled() for the whole Service',
    );
    expect(() => new ElbService(newChart(), 'svc', { ...base, ports: [{ port: 80 }], healthCheck: HealthCheck.tcp({ monitorPort: 8080 }) })).toThrow(
      '[test/svc] healthCheck.monitorPort (kubernetes.io/elb.health-check-option): only per-port health checks take monitorPort; allowed: set the health check on the port (ports[].healthCheck)',
    );
    expect(() => new ElbService(newChart(), 'svc', { ...base, ports: [{ port: 80 }], healthCheck: HealthCheck.http({ expectedCodes: '200' }) })).toThrow(
      'healthCheck.expectedCodes (kubernetes.io/elb.health-check-option): only per-port health checks take expectedCodes',
    );
  });
});

describe('HttpsElbService layer-7 features', () => {
  function https(props: Record<string, unknown>, cluster?: string) {
    const chart = newChart();
    if (cluster) new ClusterProfile(chart, 'cluster', { version: cluster });
    new HttpsElbService(chart, 'svc', {
      loadBalancer: AutoCreatedElb.dedicated({ availabilityZones: ['az1'], l4FlavorName: 'L4_flavor.elb.s1.small', l7FlavorName: 'L7_flavor.elb.s1.small' }),
      ports: [{ name: 'https', port: 443 }, { name: 'http', port: 80 }],
      selectorLabels: { app: 'x' },
      listeners: [Listener.https(443), Listener.http(80)],
      certificateId: CERT,
      ...props,
    });
    return chart;
  }

  test('GIVEN SNI, HTTP/2, mutual TLS, timeouts and X-Forwarded headers THEN each is written', () => {
    const a = synthService(https({
      sniCertificateIds: [CERT, CERT2],
      http2: true,
      clientCaCertificateId: CERT2,
      clientTimeout: Duration.seconds(30),
      memberTimeout: Duration.minutes(2),
      forwardedHeaders: { host: true, port: false, forPort: true },
    })).metadata.annotations;
    expect(a).toMatchObject({
      'kubernetes.io/elb.tls-certificate-ids': `${CERT},${CERT2}`,
      'kubernetes.io/elb.http2-enable': 'true',
      'kubernetes.io/elb.client-ca-cert-id': CERT2,
      'kubernetes.io/elb.client_timeout': '30',
      'kubernetes.io/elb.member_timeout': '120',
      'kubernetes.io/elb.x-forwarded-host': 'true',
      'kubernetes.io/elb.x-forwarded-port': 'false',
      'kubernetes.io/elb.x-forwarded-for-port': 'true',
    });
  });

  test('GIVEN a cluster profile older than SNI and HTTP/2 THEN synth names both gates', () => {
    expect(synthErrors(https({ sniCertificateIds: [CERT2], http2: true }, 'v1.25.7-r0'))).toEqual([
      'sniCertificateIds (kubernetes.io/elb.tls-certificate-ids): needs a cluster of v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0 or later, but the cluster profile says v1.25.7-r0; allowed: upgrade the cluster, or leave it out',
      'http2 (kubernetes.io/elb.http2-enable): needs a cluster of v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0 or later, but the cluster profile says v1.25.7-r0; allowed: upgrade the cluster, or leave it out',
    ]);
  });

  test('GIVEN a fractional or too long timeout THEN synth names the annotation', () => {
    expect(synthErrors(https({ clientTimeout: Duration.millis(1500), memberTimeout: Duration.minutes(6) }))).toEqual([
      'clientTimeout (kubernetes.io/elb.client_timeout): "1.5" is not allowed; allowed: digits only (a whole number from 0, without sign or unit) written as a string, such as "60"',
      'memberTimeout (kubernetes.io/elb.member_timeout): 360 is not allowed; allowed: a whole number from 1 to 300 seconds',
    ]);
  });
});
