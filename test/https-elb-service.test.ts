import {
  AutoCreatedElb,
  ClusterProfile,
  ElbAnnotations,
  ExistingElb,
  HttpsElbService,
  HttpsElbServiceProps,
  Listener,
  ListenerProtocol,
  PortProtocol,
  SessionAffinity,
} from '../src';
import { newChart, synth, synthErrors, synthService } from './support/synth';

const CERT = '17e3b4f4bc40471c86741dc3aa211379';

function build(overrides: Partial<HttpsElbServiceProps>) {
  const chart = newChart();
  new HttpsElbService(chart, 'svc', {
    loadBalancer: ExistingElb.shared('5083f225-9bf8-48fa-9c8b-67bd9693c4c0'),
    ports: [{ name: 'https', port: 443, targetPort: 80 }, { name: 'http', port: 80, targetPort: 80 }],
    selectorLabels: { app: 'x' },
    listeners: [Listener.https(443), Listener.http(80)],
    certificateId: CERT,
    ...overrides,
  });
  return chart;
}

test('GIVEN HTTPS and HTTP listeners THEN protocol-port keeps their order and the certificate is written', () => {
  const a = synthService(build({})).metadata.annotations;
  expect(a[ElbAnnotations.PROTOCOL_PORT]).toBe('https:443,http:80');
  expect(a[ElbAnnotations.CERT_ID]).toBe(CERT);
});

test('Listener factories carry protocol and port', () => {
  expect([Listener.https(8443).protocol, Listener.https(8443).port]).toEqual([ListenerProtocol.HTTPS, 8443]);
  expect(Listener.http(80).protocol).toBe('http');
});

test('GIVEN only HTTP listeners THEN no certificate is needed', () => {
  const a = synthService(build({ listeners: [Listener.http(80)], certificateId: undefined })).metadata.annotations;
  expect(a[ElbAnnotations.PROTOCOL_PORT]).toBe('http:80');
  expect(a).not.toHaveProperty([ElbAnnotations.CERT_ID]);
});

test('GIVEN an HTTPS listener without a certificate THEN synth requires one', () => {
  expect(synthErrors(build({ certificateId: undefined }))).toEqual([
    'certificateId (kubernetes.io/elb.cert-id): is required because listener https:443 terminates TLS; allowed: the ID of a certificate in ELB certificate management',
  ]);
});

test('GIVEN a certificate but no HTTPS listener THEN a warning says it has no effect', () => {
  const chart = build({ listeners: [Listener.http(80)] });
  const svc = chart.node.findChild('svc') as HttpsElbService;
  expect(svc.warnings()).toEqual([
    'certificateId (kubernetes.io/elb.cert-id): has no effect because it applies only to HTTPS/TLS listeners and this Service has TCP/HTTP listeners; allowed: add such a listener, or leave it out [ElbWarning.NO_EFFECT]',
  ]);
  expect(synth(chart)).toHaveLength(1);
});

test('GIVEN a PEM certificate instead of its ID THEN synth rejects it', () => {
  expect(synthErrors(build({ certificateId: '-----BEGIN CERTIFICATE-----\nMIIB...' }))).toEqual([
    'certificateId (kubernetes.io/elb.cert-id): is a PEM certificate or key pasted in (35 characters, not shown); allowed: the ID of a certificate in ELB certificate management, such as "17e3b4f4bc40471c86741dc3aa211379" (not the certificate itself)',
  ]);
});

test('GIVEN listeners on missing, UDP or repeated ports THEN synth names each', () => {
  expect(synthErrors(build({
    ports: [{ name: 'a', port: 443 }, { name: 'b', port: 53, protocol: PortProtocol.UDP }],
    listeners: [Listener.https(443), Listener.http(8080), Listener.http(53), Listener.http(443)],
  }))).toEqual([
    'listeners (kubernetes.io/elb.protocol-port): http:8080 names port 8080, which is not in spec.ports; allowed: one of the Service ports (443, 53)',
    'listeners (kubernetes.io/elb.protocol-port): http:53 names a UDP port; allowed: only TCP ports can carry HTTP, HTTPS or TLS listeners',
    'listeners (kubernetes.io/elb.protocol-port): port 443 is listed more than once; allowed: one listener protocol per Service port',
  ]);
});

test('GIVEN no listeners THEN synth asks for one', () => {
  expect(synthErrors(build({ listeners: [], certificateId: undefined }))).toEqual([
    'listeners (kubernetes.io/elb.protocol-port): is empty; allowed: at least one Listener.http(port), Listener.https(port) or Listener.tls(port) (use ElbService for a TCP/UDP Service)',
  ]);
});

test('GIVEN an auto-created dedicated ELB without an L7 flavor THEN synth requires one', () => {
  const loadBalancer = AutoCreatedElb.dedicated({ availabilityZones: ['cn-south-2b'], l4FlavorName: 'L4_flavor.elb.s1.small' });
  expect(synthErrors(build({ loadBalancer }))).toEqual([
    'loadBalancer.l7FlavorName (kubernetes.io/elb.autocreate: l7_flavor_name): is required because kubernetes.io/elb.protocol-port creates HTTP/HTTPS listeners on this dedicated load balancer; allowed: a layer-7 flavor name, such as "L7_flavor.elb.s2.small"',
  ]);
});

test('GIVEN an auto-created shared ELB THEN no flavor is needed', () => {
  expect(synthService(build({ loadBalancer: AutoCreatedElb.shared() })).metadata.annotations[ElbAnnotations.CLASS]).toBe('union');
});

test('GIVEN sticky sessions on layer-7 listeners THEN synth refuses them', () => {
  expect(synthErrors(build({ sessionAffinity: SessionAffinity.sourceIp() }))).toEqual([
    'sessionAffinity (kubernetes.io/elb.session-affinity-mode): needs TCP/UDP listeners, but kubernetes.io/elb.protocol-port makes https:443, http:80 HTTP/HTTPS/TLS listeners; allowed: sticky sessions on a Service without kubernetes.io/elb.protocol-port listeners',
  ]);
});

describe('TLS listeners (Listener.tls, cce_10_0843)', () => {
  const dedicated = ExistingElb.dedicated('5083f225-9bf8-48fa-9c8b-67bd9693c4c0');
  const tls = (overrides: Partial<HttpsElbServiceProps>) =>
    build({ loadBalancer: dedicated, ports: [{ name: 'mqtts', port: 8883, targetPort: 1883 }], listeners: [Listener.tls(8883)], ...overrides });

  test('GIVEN a TLS listener on a dedicated load balancer THEN tls:<port> and the certificate are written, without findings', () => {
    const chart = tls({ sniCertificateIds: ['6c1a2f0e8b9d4c7e9f3a5b1d2e4c6a80'] });
    const a = synthService(chart).metadata.annotations;
    expect(a[ElbAnnotations.PROTOCOL_PORT]).toBe('tls:8883');
    expect(a[ElbAnnotations.CERT_ID]).toBe(CERT);
    expect((chart.node.findChild('svc') as HttpsElbService).warnings()).toEqual([]);
    expect([Listener.tls(8883).protocol, Listener.tls(8883).port]).toEqual([ListenerProtocol.TLS, 8883]);
  });

  test('GIVEN a TLS listener without a certificate, on a shared load balancer, or with sticky sessions THEN each is an error', () => {
    expect(synthErrors(tls({ certificateId: undefined }))).toEqual([
      'certificateId (kubernetes.io/elb.cert-id): is required because listener tls:8883 terminates TLS; allowed: the ID of a certificate in ELB certificate management',
    ]);
    expect(synthErrors(tls({ loadBalancer: ExistingElb.shared('5083f225-9bf8-48fa-9c8b-67bd9693c4c0') }))).toEqual([
      'listeners (kubernetes.io/elb.protocol-port): tls:8883 is a TLS listener, which only a dedicated load balancer (elb.class "performance") has, not elb.class "union"; allowed: ExistingElb.dedicated() or AutoCreatedElb.dedicated(), or an HTTPS or TCP listener',
    ]);
    expect(synthErrors(tls({ sessionAffinity: SessionAffinity.sourceIp() }))).toEqual([
      'sessionAffinity (kubernetes.io/elb.session-affinity-mode): needs TCP/UDP listeners, but kubernetes.io/elb.protocol-port makes tls:8883 HTTP/HTTPS/TLS listeners; allowed: sticky sessions on a Service without kubernetes.io/elb.protocol-port listeners',
    ]);
  });

  test('GIVEN a TLS listener and the class not stated THEN it is a class-not-stated warning', () => {
    const chart = tls({ loadBalancer: ExistingElb.fromId('5083f225-9bf8-48fa-9c8b-67bd9693c4c0') });
    expect((chart.node.findChild('svc') as HttpsElbService).warnings()).toEqual([
      'listeners (kubernetes.io/elb.protocol-port): tls:8883 is a TLS listener, which only a dedicated load balancer has, and kubernetes.io/elb.class is not set: CCE\'s documented default is "union" (shared), where this does not apply, though regions with ELB v3 default to "performance"; allowed: state the class with ExistingElb.dedicated() or AutoCreatedElb.dedicated() [ElbWarning.CLASS_NOT_STATED]',
    ]);
  });

  test('GIVEN a dedicated auto-created load balancer with only a TLS listener THEN no application flavor is needed', () => {
    const chart = tls({ loadBalancer: AutoCreatedElb.dedicated({ availabilityZones: ['cn-north-4a'], l4FlavorName: 'L4_flavor.elb.s1.small' }) });
    expect(synthService(chart).metadata.annotations[ElbAnnotations.PROTOCOL_PORT]).toBe('tls:8883');
  });
});

describe('gzip (kubernetes.io/elb.gzip-enabled)', () => {
  const dedicated = ExistingElb.dedicated('5083f225-9bf8-48fa-9c8b-67bd9693c4c0');

  test('GIVEN true or false THEN it is written as a string, so that false turns compression off', () => {
    expect(synthService(build({ loadBalancer: dedicated, gzip: true })).metadata.annotations[ElbAnnotations.GZIP_ENABLED]).toBe('true');
    expect(synthService(build({ loadBalancer: dedicated, gzip: false })).metadata.annotations[ElbAnnotations.GZIP_ENABLED]).toBe('false');
  });

  test('GIVEN false on a shared load balancer or an older cluster THEN it is a no-effect warning, not an error (compression is off there anyway)', () => {
    const chart = build({ gzip: false });
    new ClusterProfile(chart, 'cluster', { version: 'v1.28.3-r0' });
    expect((chart.node.findChild('svc') as HttpsElbService).warnings()).toEqual([
      'gzip (kubernetes.io/elb.gzip-enabled): is "false", which has no effect here: applies only to a dedicated load balancer (elb.class "performance"), not to elb.class "union"; allowed: ExistingElb.dedicated() or AutoCreatedElb.dedicated(), or leave it out [ElbWarning.NO_EFFECT]',
      'gzip (kubernetes.io/elb.gzip-enabled): is "false", which has no effect here: needs a cluster of v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 or later, but the cluster profile says v1.28.3-r0; allowed: upgrade the cluster, or leave it out [ElbWarning.NO_EFFECT]',
    ]);
    expect(synthService(chart).metadata.annotations[ElbAnnotations.GZIP_ENABLED]).toBe('false');
  });

  test('GIVEN a shared load balancer, or only a TLS listener THEN it is an error, or has no effect', () => {
    expect(synthErrors(build({ gzip: true }))).toEqual([
      'gzip (kubernetes.io/elb.gzip-enabled): applies only to a dedicated load balancer (elb.class "performance"), not to elb.class "union"; allowed: ExistingElb.dedicated() or AutoCreatedElb.dedicated(), or leave it out',
    ]);
    const chart = build({ loadBalancer: dedicated, ports: [{ port: 8883 }], listeners: [Listener.tls(8883)], gzip: true });
    expect((chart.node.findChild('svc') as HttpsElbService).warnings()).toEqual([
      'gzip (kubernetes.io/elb.gzip-enabled): has no effect because it applies only to HTTP/HTTPS listeners and this Service has TLS listeners; allowed: add such a listener, or leave it out [ElbWarning.NO_EFFECT]',
    ]);
  });
});
