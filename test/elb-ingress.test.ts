import { ApiObject, App, Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Ingress as IngressV1 } from 'kubernetes-models/networking.k8s.io/v1';
import { Ingress as IngressV1beta1 } from 'kubernetes-models/networking.k8s.io/v1beta1';
import {
  AccessControl,
  AutoCreatedElb,
  BandwidthChargeMode,
  ClusterFlavor,
  ClusterProfile,
  EipType,
  ElbIngress,
  ElbIngressProps,
  ElbNetwork,
  ElbReclaimPolicy,
  ElbService,
  ElbValidation,
  ElbWarning,
  ExistingElb,
  ForwardingAction,
  ForwardingCondition,
  ForwardTarget,
  HttpsElbService,
  IngressBackend,
  IngressBackendProtocol,
  IngressCertificate,
  IngressListener,
  Listener,
  PathMatch,
  RedirectCode,
  SecurityPolicy,
} from '../src';
import { ELB_ID } from './support/check';
import { capturingWarnings } from './support/synth';

/** Another existing load balancer, for Services that should not share the Ingress's listeners. */
const OTHER_ELB_ID = '6083f225-9bf8-48fa-9c8b-67bd9693c4c0';
/** ELB certificate IDs (32 hex digits, as ELB certificate management shows them). */
const SERVER_CERT = '17e3b4f4bc40471c86741dc3aa211379';
const SNI_CERT_1 = '27e3b4f4bc40471c86741dc3aa211379';
const SNI_CERT_2 = '37e3b4f4bc40471c86741dc3aa211379';
const EIP_ID = 'a1b2c3d4-0000-4000-8000-000000000002';
const ACL_GROUP_1 = 'a1b2c3d4-0000-4000-8000-000000000011';
const ACL_GROUP_2 = 'a1b2c3d4-0000-4000-8000-000000000012';

const URL_MATCH_MODE = 'ingress.beta.kubernetes.io/url-match-mode';

/** `web:80`, the backend of most tests (a NodePort Service `web` is in the App unless a test says otherwise). */
const WEB = IngressBackend.fromServiceName('web', 80);

/** A raw NodePort Service, as a cdk8s app without this library would write it. */
function nodePortService(scope: Construct, name = 'web', ports: Array<Record<string, unknown>> = [{ port: 80 }], namespace?: string): ApiObject {
  return new ApiObject(scope, `svc-${name}`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { type: 'NodePort', ports, selector: { app: name } },
  });
}

/** A raw ClusterIP Service. */
function clusterIpService(scope: Construct, name = 'web'): ApiObject {
  return new ApiObject(scope, `svc-${name}`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { ports: [{ port: 80 }], selector: { app: name } },
  });
}

/** Props of an Ingress `shop` on the existing dedicated ELB, forwarding `/` to `web:80`. */
function props(overrides: Partial<ElbIngressProps> = {}): ElbIngressProps {
  return {
    metadata: { name: 'shop' },
    loadBalancer: ExistingElb.dedicated(ELB_ID),
    rules: [{ path: '/', backend: WEB }],
    ...overrides,
  };
}

/** A chart with a NodePort Service `web` (port 80). */
function chartWithWeb(): Chart {
  const chart = Testing.chart();
  nodePortService(chart);
  return chart;
}

/** A chart `c` in an App with a cluster profile (created before anything else). */
function chartOnCluster(profile: { version?: string; flavor?: ClusterFlavor }): Chart {
  const app = Testing.app();
  new ClusterProfile(app, 'cluster', profile);
  const chart = new Chart(app, 'c');
  nodePortService(chart);
  return chart;
}

/** Checks an Ingress against the Kubernetes schema of its API version. */
function validateIngress(obj: any): void {
  if (obj.apiVersion === 'networking.k8s.io/v1') new IngressV1(obj).validate();
  else if (obj.apiVersion === 'networking.k8s.io/v1beta1') new IngressV1beta1(obj).validate();
  else throw new Error(`unexpected Ingress apiVersion ${obj.apiVersion}`);
}

/** Synthesizes the chart (validating the App); returns the objects and the printed warnings. */
function synthChart(chart: Chart): { objects: any[]; printed: string[] } {
  const { result, printed } = capturingWarnings(() => Testing.synth(chart));
  for (const obj of result) if (obj.kind === 'Ingress') validateIngress(obj);
  return { objects: result, printed };
}

/** The Ingresses of a chart that synthesizes, and the printed warnings. */
function synthIngresses(chart: Chart): { ingresses: any[]; printed: string[] } {
  const { objects, printed } = synthChart(chart);
  return { ingresses: objects.filter((o) => o.kind === 'Ingress'), printed };
}

/** The single Ingress of a chart that synthesizes, and the printed warnings. */
function synthIngress(chart: Chart): { ingress: any; printed: string[] } {
  const { ingresses, printed } = synthIngresses(chart);
  expect(ingresses).toHaveLength(1);
  return { ingress: ingresses[0], printed };
}

/** The validation messages (`[path] message`, none when synth passes) and the printed warnings of a chart. */
function synthOutcome(chart: Chart): { errors: string[]; printed: string[] } {
  let message = '';
  const { printed } = capturingWarnings(() => {
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
  });
  const errors = message.split('\n').slice(1).map((l) => l.trim()).filter((l) => l.length > 0);
  return { errors, printed };
}

/** The validation messages of a chart that fails to synthesize, each as `[path] message`. */
function synthErrors(chart: Chart): string[] {
  let error: unknown;
  const { printed } = capturingWarnings(() => {
    try {
      Testing.synth(chart);
    } catch (e) {
      error = e;
    }
  });
  if (error === undefined) {
    throw new Error(`synth succeeded, but validation errors were expected; printed warnings: ${JSON.stringify(printed, null, 2)}`);
  }
  expect(error).toBeInstanceOf(Error);
  const [first, ...lines] = (error as Error).message.split('\n');
  expect(first).toBe('Validation failed with the following errors:');
  return lines.map((l) => l.trim()).filter((l) => l.length > 0);
}

/** The `property` and `pathType` a path gets with a match mode. */
const v1Path = (path: string, name: string, port: Record<string, unknown>, mode = 'STARTS_WITH') => ({
  path,
  pathType: 'ImplementationSpecific',
  property: { [URL_MATCH_MODE]: mode },
  backend: { service: { name, port } },
});

const BASE_ANNOTATIONS = {
  'kubernetes.io/elb.class': 'performance',
  'kubernetes.io/elb.id': ELB_ID,
};

describe('ElbIngress default output', () => {
  test('GIVEN an existing ELB and one rule WHEN synthesized THEN it is a networking.k8s.io/v1 Ingress of class cce on port 80, and nothing else', () => {
    // GIVEN
    const chart = chartWithWeb();
    // WHEN
    new ElbIngress(chart, 'ing', props());
    const { ingress, printed } = synthIngress(chart);
    // THEN
    expect(ingress).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', annotations: { ...BASE_ANNOTATIONS, 'kubernetes.io/elb.port': '80' } },
      spec: {
        ingressClassName: 'cce',
        rules: [{ http: { paths: [v1Path('/', 'web', { number: 80 })] } }],
      },
    });
    expect(printed).toEqual([]);
  });

  test('GIVEN the three match modes THEN each path has pathType ImplementationSpecific and its url-match-mode', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({
      rules: [
        { path: '/default', backend: WEB },
        { path: '/prefix', backend: WEB, match: PathMatch.startsWith() },
        { path: '/exact', backend: WEB, match: PathMatch.exact() },
        { path: '/first/(.*)/end', backend: WEB, match: PathMatch.regex() },
      ],
    }));
    const { ingress } = synthIngress(chart);
    expect(ingress.spec.rules).toEqual([{
      http: {
        paths: [
          v1Path('/default', 'web', { number: 80 }, 'STARTS_WITH'),
          v1Path('/prefix', 'web', { number: 80 }, 'STARTS_WITH'),
          v1Path('/exact', 'web', { number: 80 }, 'EQUAL_TO'),
          v1Path('/first/(.*)/end', 'web', { number: 80 }, 'REGEX'),
        ],
      },
    }]);
  });

  test('GIVEN rules of several hosts, from props and addRule() THEN they are grouped by host in the order each host first appears; "" is a host of its own', () => {
    const chart = chartWithWeb();
    const ingress = new ElbIngress(chart, 'ing', props({
      rules: [
        { path: '/a1', backend: WEB, host: 'a.example.com' },
        { path: '/any1', backend: WEB },
      ],
    }));
    ingress.addRule('/b1', WEB, { host: 'b.example.com' });
    ingress.addRule('/a2', WEB, { host: 'a.example.com', match: PathMatch.exact() });
    ingress.addRule('/empty', WEB, { host: '' });
    ingress.addRule('/any2', WEB);
    const { ingress: out } = synthIngress(chart);
    expect(out.spec.rules).toEqual([
      { host: 'a.example.com', http: { paths: [v1Path('/a1', 'web', { number: 80 }), v1Path('/a2', 'web', { number: 80 }, 'EQUAL_TO')] } },
      { http: { paths: [v1Path('/any1', 'web', { number: 80 }), v1Path('/any2', 'web', { number: 80 })] } },
      { host: 'b.example.com', http: { paths: [v1Path('/b1', 'web', { number: 80 })] } },
      { host: '', http: { paths: [v1Path('/empty', 'web', { number: 80 })] } },
    ]);
    // No host given: no `host` key at all.
    expect(Object.keys(out.spec.rules[1])).toEqual(['http']);
  });

  test('GIVEN a port name THEN the backend port is written by name', () => {
    const chart = Testing.chart();
    nodePortService(chart, 'web', [{ name: 'http', port: 80 }]);
    new ElbIngress(chart, 'ing', props({ rules: [{ path: '/', backend: IngressBackend.fromServiceNameAndPortName('web', 'http') }] }));
    expect(synthIngress(chart).ingress.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'web', port: { name: 'http' } } });
  });

  test('GIVEN addRule with an empty path THEN it throws, naming the construct', () => {
    const ingress = new ElbIngress(chartWithWeb(), 'ing', props());
    expect(() => ingress.addRule('', WEB)).toThrow('[test/ing] addRule: path "" is not allowed (the Kubernetes API server takes only absolute paths); allowed: a path starting with "/", such as "/" or "/api"');
  });

  test('GIVEN addRule with a relative path THEN it throws (the API server refuses a path that is not absolute)', () => {
    // Kubernetes validates `path` of every pathType, ImplementationSpecific included: "must be an absolute path".
    const ingress = new ElbIngress(chartWithWeb(), 'ing', props());
    expect(() => ingress.addRule('api', WEB)).toThrow('[test/ing] addRule: path "api" is not allowed');
  });

  test('GIVEN no rule at all THEN synth fails (the API server refuses an Ingress without rules or a default backend)', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ rules: [] }));
    const errors = synthErrors(chart);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\[test\/ing\] .*rules/);
  });
});

describe('ElbIngress props write their annotations', () => {
  test('GIVEN every listener prop on an HTTPS listener of a dedicated ELB THEN each is written exactly, as strings', () => {
    // GIVEN
    const chart = chartWithWeb();
    // WHEN
    new ElbIngress(chart, 'ing', props({
      listener: IngressListener.https({ certificate: IngressCertificate.fromElb(SERVER_CERT) }),
      securityPolicy: SecurityPolicy.TLS_1_2_STRICT,
      http2: true,
      backendProtocol: IngressBackendProtocol.HTTPS,
      keepaliveTimeout: Duration.minutes(2),
      clientTimeout: Duration.seconds(30),
      memberTimeout: Duration.seconds(300),
      slowStart: Duration.seconds(60),
      accessControl: AccessControl.trustlist([ACL_GROUP_1]),
      gzip: true,
      order: 5,
      rulesInListedOrder: true,
      redirectUrl: 'https://example.com/testa',
      redirectCode: RedirectCode.FOUND,
      rewriteTarget: '/$1/$2',
      subnetId: 'a1b2c3d4-0000-4000-8000-000000000003',
      rules: [{ path: '/first/(.*)/(.*)/end', backend: WEB, match: PathMatch.regex() }],
    }));
    const { ingress, printed } = synthIngress(chart);
    // THEN
    expect(ingress.metadata.annotations).toEqual({
      ...BASE_ANNOTATIONS,
      'kubernetes.io/elb.port': '443',
      'kubernetes.io/elb.tls-certificate-ids': SERVER_CERT,
      'kubernetes.io/elb.tls-ciphers-policy': 'tls-1-2-strict',
      'kubernetes.io/elb.http2-enable': 'true',
      'kubernetes.io/elb.pool-protocol': 'https',
      'kubernetes.io/elb.keepalive_timeout': '120',
      'kubernetes.io/elb.client_timeout': '30',
      'kubernetes.io/elb.member_timeout': '300',
      'kubernetes.io/elb.slowstart': '60',
      'kubernetes.io/elb.acl-id': ACL_GROUP_1,
      'kubernetes.io/elb.acl-status': 'on',
      'kubernetes.io/elb.acl-type': 'white',
      'kubernetes.io/elb.gzip-enabled': 'true',
      'kubernetes.io/elb.ingress-order': '5',
      'kubernetes.io/elb.rule-priority-enabled': 'true',
      'kubernetes.io/elb.redirect-url': 'https://example.com/testa',
      'kubernetes.io/elb.redirect-url-code': '302',
      'kubernetes.io/elb.rewrite-target': '/$1/$2',
      'kubernetes.io/elb.subnet-id': 'a1b2c3d4-0000-4000-8000-000000000003',
    });
    expect(ingress.spec.tls).toBeUndefined();
    expect(printed).toEqual([]);
  });

  test('GIVEN false booleans THEN gzip and http2 write "false" and rulesInListedOrder writes nothing (it cannot be turned off)', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({
      listener: IngressListener.https({ certificate: IngressCertificate.fromSecret('tls') }),
      gzip: false,
      http2: false,
      rulesInListedOrder: false,
    }));
    expect(synthIngress(chart).ingress.metadata.annotations).toEqual({
      ...BASE_ANNOTATIONS,
      'kubernetes.io/elb.port': '443',
      'kubernetes.io/elb.gzip-enabled': 'false',
      'kubernetes.io/elb.http2-enable': 'false',
    });
  });

  test('GIVEN a blocklist of two groups, or allowAll THEN the acl annotations are written as CCE documents them', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'block', props({ accessControl: AccessControl.blocklist([ACL_GROUP_1, ACL_GROUP_2]) }));
    new ElbIngress(chart, 'all', props({ metadata: { name: 'all' }, listener: IngressListener.http(8080), accessControl: AccessControl.allowAll() }));
    const { ingresses, printed } = synthIngresses(chart);
    expect(ingresses.map((i) => i.metadata.annotations)).toEqual([
      {
        ...BASE_ANNOTATIONS,
        'kubernetes.io/elb.port': '80',
        'kubernetes.io/elb.acl-id': `${ACL_GROUP_1},${ACL_GROUP_2}`,
        'kubernetes.io/elb.acl-status': 'on',
        'kubernetes.io/elb.acl-type': 'black',
      },
      { ...BASE_ANNOTATIONS, 'kubernetes.io/elb.port': '8080', 'kubernetes.io/elb.acl-id': '' },
    ]);
    expect(printed).toEqual([]);
  });

  test('GIVEN IngressListener.http(8080) THEN elb.port is "8080"', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ listener: IngressListener.http(8080) }));
    expect(synthIngress(chart).ingress.metadata.annotations['kubernetes.io/elb.port']).toBe('8080');
  });

  test('GIVEN ELB certificates THEN tls-certificate-ids lists the server certificate first, then the SNI ones, and spec.tls is not written', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({
      listener: IngressListener.https({ certificate: IngressCertificate.fromElb(SERVER_CERT, [SNI_CERT_1, SNI_CERT_2]), port: 8443 }),
    }));
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.metadata.annotations).toEqual({
      ...BASE_ANNOTATIONS,
      'kubernetes.io/elb.port': '8443',
      'kubernetes.io/elb.tls-certificate-ids': `${SERVER_CERT},${SNI_CERT_1},${SNI_CERT_2}`,
    });
    expect(ingress.spec.tls).toBeUndefined();
    expect(printed).toEqual([]);
  });

  test('GIVEN TLS Secrets THEN spec.tls has the server Secret without hosts, then each SNI Secret with its hosts, and no certificate annotation', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({
      listener: IngressListener.https({
        certificate: IngressCertificate.fromSecret('server-tls', [
          { hosts: ['a.example.com'], secretName: 'a-tls' },
          { hosts: ['*.b.example.com'], secretName: 'b-tls' },
        ]),
      }),
    }));
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.metadata.annotations).toEqual({ ...BASE_ANNOTATIONS, 'kubernetes.io/elb.port': '443' });
    expect(ingress.spec.tls).toEqual([
      { secretName: 'server-tls' },
      { hosts: ['a.example.com'], secretName: 'a-tls' },
      { hosts: ['*.b.example.com'], secretName: 'b-tls' },
    ]);
    expect(printed).toEqual([]);
  });

  test('GIVEN httpAndHttps THEN elb.listen-ports is compact JSON and elb.port is not written', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'default-ports', props({ listener: IngressListener.httpAndHttps({ certificate: IngressCertificate.fromSecret('tls') }) }));
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.metadata.annotations).toEqual({ ...BASE_ANNOTATIONS, 'kubernetes.io/elb.listen-ports': '[{"HTTP":80},{"HTTPS":443}]' });
    expect(ingress.spec.tls).toEqual([{ secretName: 'tls' }]);
    expect(printed).toEqual([]);
  });

  test('GIVEN httpAndHttps with its own ports THEN they are written in that order', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({
      listener: IngressListener.httpAndHttps({ certificate: IngressCertificate.fromElb(SERVER_CERT), httpPort: 8080, httpsPort: 8443 }),
    }));
    expect(synthIngress(chart).ingress.metadata.annotations).toEqual({
      ...BASE_ANNOTATIONS,
      'kubernetes.io/elb.listen-ports': '[{"HTTP":8080},{"HTTPS":8443}]',
      'kubernetes.io/elb.tls-certificate-ids': SERVER_CERT,
    });
  });

  test.each([
    ['TLS_1_0', 'tls-1-0', SecurityPolicy.TLS_1_0],
    ['TLS_1_1', 'tls-1-1', SecurityPolicy.TLS_1_1],
    ['TLS_1_2', 'tls-1-2', SecurityPolicy.TLS_1_2],
    ['TLS_1_2_STRICT', 'tls-1-2-strict', SecurityPolicy.TLS_1_2_STRICT],
    ['TLS_1_0_WITH_1_3', 'tls-1-0-with-1-3', SecurityPolicy.TLS_1_0_WITH_1_3],
    ['TLS_1_2_FS', 'tls-1-2-fs', SecurityPolicy.TLS_1_2_FS],
    ['TLS_1_2_FS_WITH_1_3', 'tls-1-2-fs-with-1-3', SecurityPolicy.TLS_1_2_FS_WITH_1_3],
    ['of("tls-1-2")', 'tls-1-2', SecurityPolicy.of('tls-1-2')],
  ])('GIVEN SecurityPolicy.%s on a dedicated ELB THEN tls-ciphers-policy is "%s"', (_name, value, policy) => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ listener: IngressListener.https({ certificate: IngressCertificate.fromSecret('tls') }), securityPolicy: policy }));
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.metadata.annotations['kubernetes.io/elb.tls-ciphers-policy']).toBe(value);
    expect(ingress.metadata.annotations['kubernetes.io/elb.security_policy_id']).toBeUndefined();
    expect(printed).toEqual([]);
  });

  test('GIVEN SecurityPolicy.custom THEN only security_policy_id is written', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ listener: IngressListener.https({ certificate: IngressCertificate.fromSecret('tls') }), securityPolicy: SecurityPolicy.custom('my-policy-id') }));
    expect(synthIngress(chart).ingress.metadata.annotations).toEqual({
      ...BASE_ANNOTATIONS,
      'kubernetes.io/elb.port': '443',
      'kubernetes.io/elb.security_policy_id': 'my-policy-id',
    });
  });

  test('GIVEN SecurityPolicy.of() with a name CCE does not know THEN synth fails naming the prop and the allowed names', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ listener: IngressListener.https({ certificate: IngressCertificate.fromSecret('tls') }), securityPolicy: SecurityPolicy.of('tls-1-3') }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] securityPolicy (kubernetes.io/elb.tls-ciphers-policy): "tls-1-3" is not allowed; allowed: "tls-1-0", "tls-1-1", "tls-1-2", "tls-1-2-strict", "tls-1-0-with-1-3", "tls-1-2-fs", "tls-1-2-fs-with-1-3"',
    ]);
  });

  test.each([
    [RedirectCode.MOVED_PERMANENTLY, '301'],
    [RedirectCode.FOUND, '302'],
    [RedirectCode.SEE_OTHER, '303'],
    [RedirectCode.TEMPORARY_REDIRECT, '307'],
    [RedirectCode.PERMANENT_REDIRECT, '308'],
  ])('GIVEN redirectCode %s THEN redirect-url-code is "%s"', (code, value) => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ redirectUrl: 'https://example.com/', redirectCode: code }));
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.metadata.annotations['kubernetes.io/elb.redirect-url']).toBe('https://example.com/');
    expect(ingress.metadata.annotations['kubernetes.io/elb.redirect-url-code']).toBe(value);
    expect(printed).toEqual([]);
  });

  test('GIVEN tags and an auto-created ELB THEN elb.tags is key=value,key=value', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({
      loadBalancer: AutoCreatedElb.dedicated({ availabilityZones: ['cn-south-2b'], l7FlavorName: 'L7_flavor.elb.s2.small' }),
      tags: { team: 'shop', env: 'prod' },
    }));
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.metadata.annotations).toEqual({
      'kubernetes.io/elb.class': 'performance',
      'kubernetes.io/elb.autocreate': '{"available_zone":["cn-south-2b"],"l7_flavor_name":"L7_flavor.elb.s2.small"}',
      'kubernetes.io/elb.port': '80',
      'kubernetes.io/elb.tags': 'team=shop,env=prod',
    });
    expect(printed).toEqual([]);
  });

  test('GIVEN tags on an existing ELB THEN they are written and a NO_EFFECT warning is printed', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ tags: { team: 'shop' } }));
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.metadata.annotations['kubernetes.io/elb.tags']).toBe('team=shop');
    expect(printed).toEqual([
      '[warning] [test/ing] tags (kubernetes.io/elb.tags): has no effect because CCE reads it only when it creates the load balancer (kubernetes.io/elb.autocreate); allowed: use AutoCreatedElb, or leave it out [ElbWarning.NO_EFFECT]',
    ]);
  });

  test('GIVEN customEipId on a public auto-created ELB THEN it is written, with the CUSTOM_EIP_ON_UPDATE warning until acknowledged', () => {
    const chart = chartWithWeb();
    const ingress = new ElbIngress(chart, 'ing', props({
      loadBalancer: AutoCreatedElb.shared({
        network: ElbNetwork.publicNetwork({ bandwidthName: 'bw', bandwidthSizeMbps: 5, chargeMode: BandwidthChargeMode.TRAFFIC, eipType: EipType.BGP }),
      }),
      customEipId: EIP_ID,
    }));
    const first = synthIngress(chart);
    expect(first.ingress.metadata.annotations).toEqual({
      'kubernetes.io/elb.class': 'union',
      'kubernetes.io/elb.autocreate': '{"type":"public","bandwidth_name":"bw","bandwidth_chargemode":"traffic","bandwidth_size":5,"bandwidth_sharetype":"PER","eip_type":"5_bgp"}',
      'kubernetes.io/elb.port': '80',
      'kubernetes.io/elb.custom-eip-id': EIP_ID,
    });
    expect(first.printed).toEqual([
      '[warning] [test/ing] customEipId (kubernetes.io/elb.custom-eip-id): takes effect only when the Ingress is updated after CCE has created its load balancer with an EIP (kubernetes.io/elb.eip-id is then present); on the first apply it is ignored; allowed: apply the Ingress first, then add the custom EIP [ElbWarning.CUSTOM_EIP_ON_UPDATE]',
    ]);
    ingress.acknowledgeWarning(ElbWarning.CUSTOM_EIP_ON_UPDATE, 'the Ingress is already applied; this is the update');
    expect(synthIngress(chart).printed).toEqual([]);
  });

  test('GIVEN customEipId on an existing ELB THEN synth fails naming the prop', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ customEipId: EIP_ID }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] customEipId (kubernetes.io/elb.custom-eip-id): replaces the EIP that CCE created with a public load balancer (kubernetes.io/elb.eip-id), and this Ingress has none: its load balancer is an existing one; allowed: AutoCreatedElb with ElbNetwork.publicNetwork(), or leave it out',
    ]);
  });

  test('GIVEN an auto-created dedicated ELB without a layer-7 flavor THEN synth fails naming loadBalancer.l7FlavorName', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ loadBalancer: AutoCreatedElb.dedicated({ availabilityZones: ['cn-south-2b'], l4FlavorName: 'L4_flavor.elb.s1.small' }) }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] loadBalancer.l7FlavorName (kubernetes.io/elb.autocreate: l7_flavor_name): is required because an Ingress has HTTP/HTTPS listeners on this dedicated load balancer; allowed: a layer-7 flavor name, such as "L7_flavor.elb.s2.small"',
    ]);
  });

  test('GIVEN AutoCreatedElb reclaimPolicy THEN the finding names the prop that wrote the annotation', () => {
    // ElbIngress writes kubernetes.io/elb.instance-reclaim-policy itself (from the load balancer),
    // then warns that an Ingress does not read it: a user can only act on a message naming the prop.
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ loadBalancer: AutoCreatedElb.shared({ reclaimPolicy: ElbReclaimPolicy.RETAIN }) }));
    const { printed } = synthChart(chart);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('[test/ing] loadBalancer.reclaimPolicy (kubernetes.io/elb.instance-reclaim-policy)');
  });

  test('GIVEN a Duration that is not whole seconds THEN synth fails naming the prop, as for ElbService', () => {
    // The same message as ElbService's (test/typed-annotations.test.ts): the codec's, which names the written value.
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ keepaliveTimeout: Duration.millis(1500) }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] keepaliveTimeout (kubernetes.io/elb.keepalive_timeout): "1.5" is not allowed; allowed: digits only (a whole number from 0, without sign or unit) written as a string, such as "60"',
    ]);
  });

  test('GIVEN a keepalive timeout out of range THEN synth fails with one message', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ keepaliveTimeout: Duration.seconds(5000) }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] keepaliveTimeout (kubernetes.io/elb.keepalive_timeout): 5000 is not allowed; allowed: a whole number from 0 to 4000 seconds',
    ]);
  });

  test.each([
    ['clientTimeout', { clientTimeout: Duration.seconds(301) }, 'clientTimeout (kubernetes.io/elb.client_timeout): 301 is not allowed; allowed: a whole number from 1 to 300 seconds'],
    ['slowStart', { slowStart: Duration.seconds(20) }, 'slowStart (kubernetes.io/elb.slowstart): 20 is not allowed; allowed: a whole number from 30 to 1200 seconds'],
    ['order', { order: 0 }, 'order (kubernetes.io/elb.ingress-order): 0 is not allowed; allowed: a whole number from 1 to 1000'],
    ['listener', { listener: IngressListener.http(0) }, 'listener (kubernetes.io/elb.port): 0 is not allowed; allowed: a whole number from 1 to 65535'],
    ['redirectUrl', { redirectUrl: 'example.com' }, 'redirectUrl (kubernetes.io/elb.redirect-url): "example.com" is not allowed; allowed: a URL starting with http:// or https://, such as "https://example.com/"'],
  ])('GIVEN %s out of its range THEN synth fails naming the prop and its annotation', (_prop, overrides, message) => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props(overrides as Partial<ElbIngressProps>));
    expect(synthErrors(chart)).toEqual([`[test/ing] ${message}`]);
  });

  test('GIVEN an order that is not a whole number THEN the constructor throws with the order range', () => {
    expect(() => new ElbIngress(chartWithWeb(), 'ing', props({ order: 1.5 }))).toThrow(
      '[test/ing] order (kubernetes.io/elb.ingress-order): 1.5 is not allowed; allowed: a whole number from 1 to 1000',
    );
  });

  test('GIVEN the listener port in metadata.annotations and no listener prop THEN the raw port is written, not the default listener', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ metadata: { name: 'shop', annotations: { 'kubernetes.io/elb.port': '8080' } } }));
    expect(synthIngress(chart).ingress.metadata.annotations['kubernetes.io/elb.port']).toBe('8080');
  });

  test('GIVEN an annotation set by a prop and in metadata.annotations THEN the constructor throws', () => {
    const chart = chartWithWeb();
    expect(() => new ElbIngress(chart, 'ing', props({
      metadata: { name: 'shop', annotations: { 'kubernetes.io/elb.port': '80' } },
      listener: IngressListener.http(80),
    }))).toThrow('[test/ing] metadata.annotations (kubernetes.io/elb.port): is also set by a typed prop; allowed: set it one way only (remove it from metadata.annotations)');
  });

  test('GIVEN a known annotation with a bad value in metadata.annotations THEN synth fails naming the prop it belongs to', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ metadata: { name: 'shop', annotations: { 'kubernetes.io/elb.keepalive_timeout': '60s' } } }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] keepaliveTimeout (kubernetes.io/elb.keepalive_timeout): "60s" is not allowed; allowed: digits only (a whole number from 0, without sign or unit) written as a string, such as "60"',
    ]);
  });

  test('GIVEN a good raw annotation THEN it is kept as written', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ metadata: { name: 'shop', labels: { app: 'shop' }, annotations: { 'kubernetes.io/elb.keepalive_timeout': '90' } } }));
    expect(synthIngress(chart).ingress.metadata).toEqual({
      name: 'shop',
      labels: { app: 'shop' },
      annotations: { ...BASE_ANNOTATIONS, 'kubernetes.io/elb.port': '80', 'kubernetes.io/elb.keepalive_timeout': '90' },
    });
  });

  test('GIVEN kubernetes.io/ingress.class in metadata.annotations on a v1 Ingress THEN synth fails (the API server refuses both)', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ metadata: { name: 'shop', annotations: { 'kubernetes.io/ingress.class': 'cce' } } }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] metadata.annotations (kubernetes.io/ingress.class): is set beside spec.ingressClassName, and the Kubernetes API server refuses an Ingress with both ("can not be set when the class field is also set"); allowed: spec.ingressClassName: cce on clusters of v1.23 and later, the annotation alone on v1.21 and earlier',
    ]);
  });
});

describe('ElbIngress on clusters of v1.21 and earlier', () => {
  test('GIVEN a v1.21 cluster profile created before the Ingress THEN it is networking.k8s.io/v1beta1 with the ingress.class annotation and serviceName/servicePort', () => {
    // GIVEN
    const chart = chartOnCluster({ version: 'v1.21' });
    nodePortService(chart, 'api', [{ name: 'http', port: 8080 }]);
    // WHEN
    new ElbIngress(chart, 'ing', props({
      rules: [
        { path: '/', backend: WEB, host: 'example.com' },
        { path: '/api', backend: IngressBackend.fromServiceNameAndPortName('api', 'http'), match: PathMatch.exact() },
      ],
    }));
    const { ingress, printed } = synthIngress(chart);
    // THEN
    expect(ingress).toEqual({
      apiVersion: 'networking.k8s.io/v1beta1',
      kind: 'Ingress',
      metadata: {
        name: 'shop',
        annotations: { ...BASE_ANNOTATIONS, 'kubernetes.io/elb.port': '80', 'kubernetes.io/ingress.class': 'cce' },
      },
      spec: {
        rules: [
          { host: 'example.com', http: { paths: [{ path: '/', backend: { serviceName: 'web', servicePort: 80 }, property: { [URL_MATCH_MODE]: 'STARTS_WITH' } }] } },
          { http: { paths: [{ path: '/api', backend: { serviceName: 'api', servicePort: 'http' }, property: { [URL_MATCH_MODE]: 'EQUAL_TO' } }] } },
        ],
      },
    });
    expect(printed).toEqual([]);
  });

  test('GIVEN a v1.21 cluster and findings on a backend THEN they name the v1beta1 fields (serviceName, servicePort)', () => {
    const app = Testing.app();
    new ClusterProfile(app, 'cluster', { version: 'v1.21' });
    const chart = new Chart(app, 'c');
    nodePortService(chart, 'web', [{ port: 8080 }]);
    new ElbIngress(chart, 'ing', props({
      rules: [
        { path: '/', backend: IngressBackend.fromServiceName('web', 9090) },
        { path: '/other', backend: IngressBackend.fromServiceName('other', 80) },
      ],
    }));
    const { errors, printed } = synthOutcome(chart);
    expect(errors).toEqual([
      '[c/ing] spec.rules[0].http.paths[0].backend.servicePort: 9090 is not a port of Service "web", so the load balancer has no backend for this path; allowed: a port of the Service (8080)',
    ]);
    expect(printed).toEqual([
      '[warning] [c/ing] spec.rules[0].http.paths[1].backend.serviceName: names Service "other", which this App does not hold in namespace "default"; if nothing else creates it, the load balancer forwards to nothing; allowed: a Service of the App (an ElbService, a cdk8s-plus Service or a raw one), or acknowledge this warning if it is created elsewhere [ElbWarning.BACKEND_NOT_FOUND]',
    ]);
  });

  test('GIVEN a v1.23 cluster profile THEN it is networking.k8s.io/v1 with ingressClassName', () => {
    const chart = chartOnCluster({ version: 'v1.23' });
    new ElbIngress(chart, 'ing', props());
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
    expect(ingress.spec.ingressClassName).toBe('cce');
    expect(ingress.metadata.annotations['kubernetes.io/ingress.class']).toBeUndefined();
    expect(printed).toEqual([]);
  });

  test('GIVEN a v1.22 cluster profile THEN the Ingress synthesizes (the construct must not write an API version its own rules refuse)', () => {
    // networking.k8s.io/v1beta1 is not served from v1.22; the construct switches to v1 only from v1.23.
    const chart = chartOnCluster({ version: 'v1.22' });
    new ElbIngress(chart, 'ing', props());
    const { ingress } = synthIngress(chart);
    expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
  });

  test('GIVEN the cluster profile is created after the Ingress THEN the Ingress stays v1, and the warning says how to fix that with ElbIngress', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    nodePortService(chart);
    new ElbIngress(chart, 'ing', props());
    new ClusterProfile(app, 'cluster', { version: 'v1.21' });
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^\[warning\] \[c\/ing\] spec\.ingressClassName: .*\[ElbWarning\.INGRESS_CLASS_FORM\]$/);
    // The advice "use the annotation with networking.k8s.io/v1beta1" cannot be followed with ElbIngress
    // (a raw ingress.class annotation is an error beside ingressClassName): it should say to create the
    // ClusterProfile before the ElbIngress.
    expect(printed[0]).toContain('ClusterProfile');
  });

  test('GIVEN a v1.19 cluster THEN features of later clusters fail synth, each naming the version it needs', () => {
    const chart = chartOnCluster({ version: 'v1.19.16-r0' });
    new ElbIngress(chart, 'ing', props({
      listener: IngressListener.https({ certificate: IngressCertificate.fromElb(SERVER_CERT) }),
      backendProtocol: IngressBackendProtocol.HTTPS,
      slowStart: Duration.seconds(30),
    }));
    expect(synthErrors(chart)).toEqual([
      '[c/ing] listener (kubernetes.io/elb.tls-certificate-ids): needs a cluster of v1.19.16-r2, v1.21.5-r0, v1.23.3-r0 or later, but the cluster profile says v1.19.16-r0; allowed: upgrade the cluster, or leave it out',
      '[c/ing] backendProtocol (kubernetes.io/elb.pool-protocol): needs a cluster of v1.23.8-r0, v1.25.3-r0 or later, but the cluster profile says v1.19.16-r0; allowed: upgrade the cluster, or leave it out',
      '[c/ing] slowStart (kubernetes.io/elb.slowstart): needs a cluster of v1.23 or later, but the cluster profile says v1.19.16-r0; allowed: upgrade the cluster, or leave it out',
    ]);
  });
});

describe('ElbIngress version gates', () => {
  test('GIVEN a v1.23.5-r0 cluster THEN each newer feature fails synth with the versions it needs', () => {
    const chart = chartOnCluster({ version: 'v1.23.5-r0' });
    new ElbIngress(chart, 'ing', props({
      listener: IngressListener.httpAndHttps({ certificate: IngressCertificate.fromElb(SERVER_CERT) }),
      http2: true,
      keepaliveTimeout: Duration.seconds(10),
      accessControl: AccessControl.allowAll(),
      gzip: true,
      order: 1,
      rulesInListedOrder: true,
      redirectUrl: 'https://example.com/',
    }));
    expect(synthErrors(chart)).toEqual([
      '[c/ing] http2 (kubernetes.io/elb.http2-enable): needs a cluster of v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0 or later, but the cluster profile says v1.23.5-r0; allowed: upgrade the cluster, or leave it out',
      '[c/ing] accessControl (kubernetes.io/elb.acl-id): needs a cluster of v1.23.12-r0, v1.25.7-r0, v1.27.4-r0, v1.28.2-r0 or later, but the cluster profile says v1.23.5-r0; allowed: upgrade the cluster, or leave it out',
      '[c/ing] keepaliveTimeout (kubernetes.io/elb.keepalive_timeout): needs a cluster of v1.19.16-r30, v1.21.10-r10, v1.23.8-r10, v1.25.3-r10 or later, but the cluster profile says v1.23.5-r0; allowed: upgrade the cluster, or leave it out',
      '[c/ing] gzip (kubernetes.io/elb.gzip-enabled): needs a cluster of v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 or later, but the cluster profile says v1.23.5-r0; allowed: upgrade the cluster, or leave it out',
      '[c/ing] listener (kubernetes.io/elb.listen-ports): needs a cluster of v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 or later, but the cluster profile says v1.23.5-r0; allowed: upgrade the cluster, or leave it out',
      '[c/ing] order (kubernetes.io/elb.ingress-order): needs a cluster of v1.23.15-r0, v1.25.10-r0, v1.27.7-r0, v1.28.5-r0, v1.29.1-r10 or later, but the cluster profile says v1.23.5-r0; allowed: upgrade the cluster, or leave it out',
      '[c/ing] rulesInListedOrder (kubernetes.io/elb.rule-priority-enabled): needs a cluster of v1.23.15-r0, v1.25.10-r0, v1.27.7-r0, v1.28.5-r0, v1.29.1-r10 or later, but the cluster profile says v1.23.5-r0; allowed: upgrade the cluster, or leave it out',
      '[c/ing] redirectUrl (kubernetes.io/elb.redirect-url): needs a cluster of v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 or later, but the cluster profile says v1.23.5-r0; allowed: upgrade the cluster, or leave it out',
    ]);
  });

  test('GIVEN a shared ELB on v1.23.5-r0 THEN the timeouts need the shared load balancer versions', () => {
    const chart = chartOnCluster({ version: 'v1.23.5-r0' });
    new ElbIngress(chart, 'ing', props({ loadBalancer: ExistingElb.shared(ELB_ID), keepaliveTimeout: Duration.seconds(10) }));
    expect(synthErrors(chart)).toEqual([
      '[c/ing] keepaliveTimeout (kubernetes.io/elb.keepalive_timeout): needs a cluster of v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0 or later, but the cluster profile says v1.23.5-r0; allowed: upgrade the cluster, or leave it out',
    ]);
  });

  test('GIVEN the first versions of each feature THEN synth passes', () => {
    const chart = chartOnCluster({ version: 'v1.25.16-r20' });
    new ElbIngress(chart, 'ing', props({
      listener: IngressListener.httpAndHttps({ certificate: IngressCertificate.fromElb(SERVER_CERT) }),
      http2: true,
      keepaliveTimeout: Duration.seconds(10),
      accessControl: AccessControl.allowAll(),
      gzip: true,
      order: 1,
      rulesInListedOrder: true,
    }));
    expect(synthIngress(chart).printed).toEqual([]);
  });
});

describe('dedicated-only features on a shared ELB', () => {
  const https = IngressListener.https({ certificate: IngressCertificate.fromElb(SERVER_CERT) });
  const dedicatedOnly = (prop: string, annotation: string) =>
    `[test/ing] ${prop} (${annotation}): applies only to a dedicated load balancer (elb.class "performance"), not to elb.class "union"; allowed: ExistingElb.dedicated() or AutoCreatedElb.dedicated(), or leave it out`;

  test.each([
    ['order', { order: 1 }, dedicatedOnly('order', 'kubernetes.io/elb.ingress-order')],
    ['slowStart', { slowStart: Duration.seconds(60) }, dedicatedOnly('slowStart', 'kubernetes.io/elb.slowstart')],
    ['rewriteTarget', { rewriteTarget: '/$1', rules: [{ path: '/a/(.*)', backend: WEB, match: PathMatch.regex() }] }, dedicatedOnly('rewriteTarget', 'kubernetes.io/elb.rewrite-target')],
    ['backendProtocol', { listener: https, backendProtocol: IngressBackendProtocol.HTTPS }, dedicatedOnly('backendProtocol', 'kubernetes.io/elb.pool-protocol')],
    ['gzip', { gzip: true }, dedicatedOnly('gzip', 'kubernetes.io/elb.gzip-enabled')],
    ['rulesInListedOrder', { rulesInListedOrder: true }, dedicatedOnly('rulesInListedOrder', 'kubernetes.io/elb.rule-priority-enabled')],
    ['redirectUrl', { redirectUrl: 'https://example.com/' }, dedicatedOnly('redirectUrl', 'kubernetes.io/elb.redirect-url')],
    ['httpAndHttps', { listener: IngressListener.httpAndHttps({ certificate: IngressCertificate.fromSecret('tls') }) }, dedicatedOnly('listener', 'kubernetes.io/elb.listen-ports')],
    [
      'TLS_1_2_FS',
      { listener: https, securityPolicy: SecurityPolicy.TLS_1_2_FS },
      '[test/ing] securityPolicy (kubernetes.io/elb.tls-ciphers-policy): "tls-1-2-fs" is a security policy of dedicated load balancers only, not of elb.class "union"; allowed: tls-1-0, tls-1-1, tls-1-2 or tls-1-2-strict',
    ],
  ])('GIVEN %s on ExistingElb.shared() THEN synth fails naming the prop and annotation', (_prop, overrides, message) => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ loadBalancer: ExistingElb.shared(ELB_ID), ...(overrides as Partial<ElbIngressProps>) }));
    expect(synthErrors(chart)).toEqual([message]);
  });

  test('GIVEN order on an ELB whose class is not stated THEN a CLASS_NOT_STATED warning is printed', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ loadBalancer: ExistingElb.fromId(ELB_ID), order: 2 }));
    expect(synthIngress(chart).printed).toEqual([
      '[warning] [test/ing] order (kubernetes.io/elb.ingress-order): applies only to a dedicated load balancer (elb.class "performance"), and kubernetes.io/elb.class is not set: CCE\'s documented default is "union" (shared), where this does not apply, though regions with ELB v3 default to "performance"; allowed: state the class with ExistingElb.dedicated() or AutoCreatedElb.dedicated() [ElbWarning.CLASS_NOT_STATED]',
    ]);
  });
});

describe('ElbIngress rules across props', () => {
  test('GIVEN rewriteTarget and no regex path THEN synth fails naming rewriteTarget', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ rewriteTarget: '/$1' }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] rewriteTarget (kubernetes.io/elb.rewrite-target): needs a path with ingress.beta.kubernetes.io/url-match-mode: REGEX, whose groups it rewrites ($1, $2…), and this Ingress has none (cce_10_0770); allowed: PathMatch.regex() on the rewritten paths, or leave it out',
    ]);
  });

  test('GIVEN rewriteTarget and a regex path THEN the rewrite is written', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ rewriteTarget: '/$1/$2', rules: [{ path: '/first/(.*)/(.*)/end', backend: WEB, match: PathMatch.regex(), host: 'example.com' }] }));
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.metadata.annotations['kubernetes.io/elb.rewrite-target']).toBe('/$1/$2');
    expect(ingress.spec.rules).toEqual([{ host: 'example.com', http: { paths: [v1Path('/first/(.*)/(.*)/end', 'web', { number: 80 }, 'REGEX')] } }]);
    expect(printed).toEqual([]);
  });

  test('GIVEN backendProtocol HTTPS and an HTTP listener THEN synth fails naming backendProtocol', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ backendProtocol: IngressBackendProtocol.HTTPS }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] backendProtocol (kubernetes.io/elb.pool-protocol): needs an HTTPS listener ("the ingress protocol must be HTTPS", cce_10_0691), and this Ingress has only HTTP listeners; allowed: add a certificate (an HTTPS listener), or leave it out',
    ]);
  });

  test('GIVEN backendProtocol HTTPS and an HTTP listener THEN no warning repeats the error', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ backendProtocol: IngressBackendProtocol.HTTPS }));
    const { printed } = capturingWarnings(() => expect(() => Testing.synth(chart)).toThrow());
    expect(printed).toEqual([]);
  });

  test('GIVEN http2 and a security policy on an HTTP listener THEN each prints a NO_EFFECT warning', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ http2: true, securityPolicy: SecurityPolicy.TLS_1_2 }));
    expect(synthIngress(chart).printed).toEqual([
      '[warning] [test/ing] http2 (kubernetes.io/elb.http2-enable): has no effect because it applies only to HTTPS listeners and this Ingress has HTTP listeners; allowed: add such a listener, or leave it out [ElbWarning.NO_EFFECT]',
      '[warning] [test/ing] securityPolicy (kubernetes.io/elb.tls-ciphers-policy): has no effect because it applies only to HTTPS listeners and this Ingress has HTTP listeners; allowed: add such a listener, or leave it out [ElbWarning.NO_EFFECT]',
    ]);
  });

  test('GIVEN redirectCode without redirectUrl THEN a NO_EFFECT warning names both props', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ redirectCode: RedirectCode.FOUND }));
    expect(synthIngress(chart).printed).toEqual([
      '[warning] [test/ing] redirectCode (kubernetes.io/elb.redirect-url-code): has no effect without kubernetes.io/elb.redirect-url; allowed: redirectUrl with redirectCode, or leave it out [ElbWarning.NO_EFFECT]',
    ]);
  });

  test('GIVEN an http:// redirect on an HTTPS listener THEN synth fails', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ listener: IngressListener.https({ certificate: IngressCertificate.fromElb(SERVER_CERT) }), redirectUrl: 'http://example.com/' }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] redirectUrl (kubernetes.io/elb.redirect-url): "http://example.com/" redirects an HTTPS listener to HTTP, and CCE redirects HTTPS routes only to HTTPS (cce_10_0690); allowed: an https:// URL',
    ]);
  });

  test('GIVEN an ELB certificate that is not an ID THEN synth fails naming listener', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ listener: IngressListener.https({ certificate: IngressCertificate.fromElb('my-cert') }) }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] listener (kubernetes.io/elb.tls-certificate-ids): entry "my-cert" is not allowed; allowed: the ID of a certificate in ELB certificate management, such as "17e3b4f4bc40471c86741dc3aa211379" (not the certificate itself)',
    ]);
  });

  test('GIVEN httpAndHttps with one port for both THEN synth fails', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ listener: IngressListener.httpAndHttps({ certificate: IngressCertificate.fromElb(SERVER_CERT), httpPort: 443 }) }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] listener (kubernetes.io/elb.listen-ports): port 443 is listed twice; allowed: a port for one listener only',
    ]);
  });

  test('GIVEN an SNI Secret with no hosts THEN fromSecret throws (an entry without hosts is the server certificate)', () => {
    expect(() => IngressCertificate.fromSecret('server-tls', [{ hosts: [], secretName: 'sni-tls' }])).toThrow(
      'IngressCertificate.fromSecret: the SNI certificate "sni-tls" has no hosts, which would make it a second server certificate; allowed: the host names it serves',
    );
  });

  test('GIVEN an empty Secret name THEN fromSecret throws', () => {
    expect(() => IngressCertificate.fromSecret('')).toThrow(
      'IngressCertificate.fromSecret: secretName "" is not allowed; allowed: the name of a Secret of type kubernetes.io/tls',
    );
  });
});

describe('ElbIngress backends', () => {
  test('GIVEN IngressBackend.fromService(ElbService) without a name THEN the generated name and the only port are written at synth, with no finding', () => {
    const chart = Testing.chart();
    const web = new ElbService(chart, 'web', { loadBalancer: ExistingElb.dedicated(OTHER_ELB_ID), ports: [{ port: 8080 }], selectorLabels: { app: 'web' } });
    new ElbIngress(chart, 'ing', props({ rules: [{ path: '/', backend: IngressBackend.fromService(web) }] }));
    const { ingress, printed } = synthIngress(chart);
    expect(web.name).toMatch(/^test-web-/);
    expect(ingress.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: web.name, port: { number: 8080 } } });
    expect(printed).toEqual([]);
  });

  test('GIVEN fromService of a Service with several ports and no port THEN synth fails naming the Ingress and the Service', () => {
    const chart = Testing.chart();
    const web = new ElbService(chart, 'web', {
      metadata: { name: 'web' },
      loadBalancer: ExistingElb.dedicated(OTHER_ELB_ID),
      ports: [{ name: 'http', port: 80 }, { name: 'admin', port: 81 }],
      selectorLabels: { app: 'web' },
    });
    new ElbIngress(chart, 'ing', props({ rules: [{ path: '/', backend: IngressBackend.fromService(web) }] }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] IngressBackend.fromService(web) names no port, and the Service has 2 ports; allowed: { port } or { portName }',
    ]);
  });

  test('GIVEN fromService with a port or port name of a multi-port Service THEN that port is written', () => {
    const chart = Testing.chart();
    const web = new ElbService(chart, 'web', {
      metadata: { name: 'web' },
      loadBalancer: ExistingElb.dedicated(OTHER_ELB_ID),
      ports: [{ name: 'http', port: 80 }, { name: 'admin', port: 81 }],
      selectorLabels: { app: 'web' },
    });
    new ElbIngress(chart, 'ing', props({
      rules: [
        { path: '/', backend: IngressBackend.fromService(web, { port: 80 }) },
        { path: '/admin', backend: IngressBackend.fromService(web, { portName: 'admin' }) },
      ],
    }));
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.spec.rules[0].http.paths.map((p: any) => p.backend)).toEqual([
      { service: { name: 'web', port: { number: 80 } } },
      { service: { name: 'web', port: { name: 'admin' } } },
    ]);
    expect(printed).toEqual([]);
  });

  test('GIVEN fromService with both port and portName THEN it throws', () => {
    const web = nodePortService(Testing.chart());
    expect(() => IngressBackend.fromService(web, { port: 80, portName: 'http' })).toThrow('IngressBackend.fromService: port and portName are both set; allowed: one of them');
  });

  test('GIVEN a cdk8s-plus-28 NodePort Service as backend THEN its generated name and only port are written, on a shared ELB too', () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'plus', { type: kplus.ServiceType.NODE_PORT, ports: [{ port: 8080, targetPort: 80 }] });
    new ElbIngress(chart, 'ing', props({ loadBalancer: ExistingElb.shared(ELB_ID), rules: [{ path: '/', backend: IngressBackend.fromService(service) }] }));
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: service.name, port: { number: 8080 } } });
    expect(printed).toEqual([]);
  });

  test('GIVEN a cdk8s-plus-28 ClusterIP Service and a shared ELB THEN synth fails', () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'plus', { ports: [{ port: 8080 }] });
    new ElbIngress(chart, 'ing', props({ loadBalancer: ExistingElb.shared(ELB_ID), rules: [{ path: '/', backend: IngressBackend.fromService(service) }] }));
    expect(synthErrors(chart)).toEqual([
      `[test/ing] spec.rules[0].http.paths[0].backend.service.name: Service "${service.name}" is of type ClusterIP, which a LoadBalancer Ingress reaches only on a CCE Turbo cluster with a dedicated load balancer (ELB forwards to the pods directly), and this Ingress's load balancer is shared (elb.class "union"); allowed: a NodePort Service, or a dedicated load balancer on a CCE Turbo cluster`,
    ]);
  });

  test('GIVEN fromService of a construct that is not a Service THEN synth fails with one message naming it', () => {
    const chart = chartWithWeb();
    const notAService = new Construct(chart, 'thing');
    new ElbIngress(chart, 'ing', props({ rules: [{ path: '/', backend: IngressBackend.fromService(notAService) }] }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] IngressBackend.fromService(test/thing) is not a Service; allowed: an ElbService, a cdk8s-plus Service or an ApiObject of kind Service',
    ]);
  });

  test('GIVEN fromService of a cdk8s-plus Deployment THEN synth fails naming it', () => {
    const chart = chartWithWeb();
    const deployment = new kplus.Deployment(chart, 'deploy', { containers: [{ image: 'nginx', portNumber: 80 }] });
    new ElbIngress(chart, 'ing', props({ rules: [{ path: '/', backend: IngressBackend.fromService(deployment) }] }));
    expect(synthErrors(chart)[0]).toBe(
      '[test/ing] IngressBackend.fromService(test/deploy) is not a Service; allowed: an ElbService, a cdk8s-plus Service or an ApiObject of kind Service',
    );
  });

  test('GIVEN fromServiceName of a Service not in the App THEN BACKEND_NOT_FOUND is printed once per synth', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new ElbIngress(chart, 'ing', props());
    const { printed } = capturingWarnings(() => app.synthYaml());
    expect(printed).toEqual([
      '[warning] [c/ing] spec.rules[0].http.paths[0].backend.service.name: names Service "web", which this App does not hold in namespace "default"; if nothing else creates it, the load balancer forwards to nothing; allowed: a Service of the App (an ElbService, a cdk8s-plus Service or a raw one), or acknowledge this warning if it is created elsewhere [ElbWarning.BACKEND_NOT_FOUND]',
    ]);
  });

  test('GIVEN one missing Service behind several paths THEN the warning is given once', () => {
    const chart = Testing.chart();
    new ElbIngress(chart, 'ing', props({ rules: [{ path: '/a', backend: WEB }, { path: '/b', backend: WEB }] }));
    expect(synthIngress(chart).printed).toHaveLength(1);
  });

  test('GIVEN BACKEND_NOT_FOUND acknowledged THEN nothing is printed, and strict validation passes', () => {
    const chart = Testing.chart();
    ElbValidation.strict(chart);
    const ingress = new ElbIngress(chart, 'ing', props());
    ingress.acknowledgeWarning(ElbWarning.BACKEND_NOT_FOUND, 'web is installed by its Helm chart');
    expect(synthIngress(chart).printed).toEqual([]);
    expect(ingress.warnings()).toEqual([]);
  });

  test('GIVEN acknowledgeWarning with an empty reason THEN it throws', () => {
    const ingress = new ElbIngress(Testing.chart(), 'ing', props());
    expect(() => ingress.acknowledgeWarning(ElbWarning.BACKEND_NOT_FOUND, '  ')).toThrow(
      '[test/ing] acknowledgeWarning(backend-not-found): the reason is empty; allowed: a sentence saying why the warning does not apply here',
    );
  });

  test('GIVEN a backend port the Service does not have THEN synth fails, listing its ports', () => {
    const chart = Testing.chart();
    nodePortService(chart, 'web', [{ name: 'http', port: 8080 }]);
    new ElbIngress(chart, 'ing', props({
      rules: [
        { path: '/', backend: IngressBackend.fromServiceName('web', 9090) },
        { path: '/named', backend: IngressBackend.fromServiceNameAndPortName('web', 'grpc') },
      ],
    }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] spec.rules[0].http.paths[0].backend.service.port: 9090 is not a port of Service "web", so the load balancer has no backend for this path; allowed: a port of the Service (8080)',
      '[test/ing] spec.rules[0].http.paths[1].backend.service.port: "grpc" is not a port name of Service "web", so the load balancer has no backend for this path; allowed: a port name of the Service ("http")',
    ]);
  });

  test('GIVEN fromService with a port the ElbService does not have THEN synth fails', () => {
    const chart = Testing.chart();
    const web = new ElbService(chart, 'web', { metadata: { name: 'web' }, loadBalancer: ExistingElb.dedicated(OTHER_ELB_ID), ports: [{ port: 8080 }], selectorLabels: { app: 'web' } });
    new ElbIngress(chart, 'ing', props({ rules: [{ path: '/', backend: IngressBackend.fromService(web, { port: 9090 }) }] }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] spec.rules[0].http.paths[0].backend.service.port: 9090 is not a port of Service "web", so the load balancer has no backend for this path; allowed: a port of the Service (8080)',
    ]);
  });

  test('GIVEN a ClusterIP backend and a shared ELB THEN synth fails', () => {
    const chart = Testing.chart();
    clusterIpService(chart);
    new ElbIngress(chart, 'ing', props({ loadBalancer: ExistingElb.shared(ELB_ID) }));
    expect(synthErrors(chart)).toEqual([
      '[test/ing] spec.rules[0].http.paths[0].backend.service.name: Service "web" is of type ClusterIP, which a LoadBalancer Ingress reaches only on a CCE Turbo cluster with a dedicated load balancer (ELB forwards to the pods directly), and this Ingress\'s load balancer is shared (elb.class "union"); allowed: a NodePort Service, or a dedicated load balancer on a CCE Turbo cluster',
    ]);
  });

  test('GIVEN a ClusterIP backend, a dedicated ELB and a CCE Turbo cluster profile THEN there is no finding', () => {
    const app = Testing.app();
    new ClusterProfile(app, 'cluster', { flavor: ClusterFlavor.TURBO });
    const chart = new Chart(app, 'c');
    clusterIpService(chart);
    new ElbIngress(chart, 'ing', props());
    expect(synthIngress(chart).printed).toEqual([]);
  });

  test('GIVEN a ClusterIP backend, a dedicated ELB and a CCE standard cluster profile THEN synth fails', () => {
    const app = Testing.app();
    new ClusterProfile(app, 'cluster', { flavor: ClusterFlavor.STANDARD });
    const chart = new Chart(app, 'c');
    clusterIpService(chart);
    new ElbIngress(chart, 'ing', props());
    expect(synthErrors(chart)).toEqual([
      '[c/ing] spec.rules[0].http.paths[0].backend.service.name: Service "web" is of type ClusterIP, which a LoadBalancer Ingress reaches only on a CCE Turbo cluster with a dedicated load balancer (ELB forwards to the pods directly), and the cluster profile says a CCE standard cluster; allowed: a NodePort Service, or a dedicated load balancer on a CCE Turbo cluster',
    ]);
  });

  test('GIVEN a backend Service in the namespace of the Ingress (from the chart) THEN it is found', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
    nodePortService(chart);
    new ElbIngress(chart, 'ing', props());
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.metadata.namespace).toBe('shop');
    expect(printed).toEqual([]);
  });

  test('GIVEN fromService of a Service in another namespace THEN synth fails (an Ingress reaches only Services of its namespace)', () => {
    const chart = Testing.chart();
    const web = new ElbService(chart, 'web', {
      metadata: { name: 'web', namespace: 'backend' },
      loadBalancer: ExistingElb.dedicated(OTHER_ELB_ID),
      ports: [{ port: 80 }],
      selectorLabels: { app: 'web' },
    });
    new ElbIngress(chart, 'ing', props({ metadata: { name: 'shop', namespace: 'frontend' }, rules: [{ path: '/', backend: IngressBackend.fromService(web) }] }));
    // Today: a BACKEND_NOT_FOUND warning ("the App does not hold it in namespace frontend"), though
    // the user handed over the Service itself: it certainly exists, in the wrong namespace.
    const errors = synthErrors(chart);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\[test\/ing\] .*"backend".*"frontend"|^\[test\/ing\] .*"frontend".*"backend"/);
  });

  test('GIVEN a backend port outside 1–65535 THEN fromServiceName throws, whether or not the Service is in the App', () => {
    expect(() => IngressBackend.fromServiceName('web', 70000)).toThrow(
      'IngressBackend.fromServiceName("web"): port 70000 is not allowed; allowed: a Service port from 1 to 65535',
    );
  });

  test('GIVEN a backend Service name that is not a DNS label THEN fromServiceName throws', () => {
    expect(() => IngressBackend.fromServiceName('Web_1', 80)).toThrow(
      'IngressBackend.fromServiceName: Service name "Web_1" is not allowed; allowed: a Service name (1 to 63 lowercase letters, digits and "-", starting with a letter)',
    );
  });

  test('GIVEN a port name that is not a Service port name THEN fromServiceNameAndPortName throws', () => {
    expect(() => IngressBackend.fromServiceNameAndPortName('web', 'HTTP PORT')).toThrow('port name "HTTP PORT" is not allowed');
  });
});

describe('ElbIngress.addForwardingPolicy', () => {
  test('GIVEN a header, conditions and actions THEN each annotation is compact JSON with the keys in the order of CCE\'s pages', () => {
    const chart = chartWithWeb();
    const ingress = new ElbIngress(chart, 'ing', props());
    ingress.addForwardingPolicy('web', {
      header: { key: 'x-env', values: ['blue', 'gr?en'] },
      conditions: [
        ForwardingCondition.method(['GET']),
        ForwardingCondition.header('gray-hello', ['value1', 'value2']),
        ForwardingCondition.cookie([{ key: 'cookiekey1', value: 'cookievalue1' }]),
        ForwardingCondition.queryString('querykey', ['queryvalue']),
        ForwardingCondition.sourceIp(['192.168.0.0/16', '172.16.0.0/16']),
      ],
      actions: [
        ForwardingAction.insertHeader('aa', 'aa'),
        ForwardingAction.removeHeader('dd'),
        ForwardingAction.fixedResponse({ contentType: 'text/plain', statusCode: 503, messageBody: '503 error text' }),
        ForwardingAction.trafficLimit({ qps: 4, perSourceIpQps: 2, burst: 2 }),
      ],
    });
    const { ingress: out, printed } = synthIngress(chart);
    expect(out.metadata.annotations).toEqual({
      ...BASE_ANNOTATIONS,
      'kubernetes.io/elb.port': '80',
      'kubernetes.io/elb.headers.web': '{"key":"x-env","values":["blue","gr?en"]}',
      'kubernetes.io/elb.conditions.web':
        '[{"type":"Method","methodConfig":{"values":["GET"]}},' +
        '{"type":"Header","headerConfig":{"key":"gray-hello","values":["value1","value2"]}},' +
        '{"type":"Cookie","cookieConfig":{"values":[{"key":"cookiekey1","value":"cookievalue1"}]}},' +
        '{"type":"QueryString","queryStringConfig":{"key":"querykey","values":["queryvalue"]}},' +
        '{"type":"SourceIp","sourceIpConfig":{"values":["192.168.0.0/16","172.16.0.0/16"]}}]',
      'kubernetes.io/elb.actions.web':
        '[{"type":"InsertHeader","InsertHeaderConfig":{"key":"aa","value_type":"USER_DEFINED","value":"aa"}},' +
        '{"type":"RemoveHeader","RemoveHeaderConfig":{"key":"dd"}},' +
        '{"type":"FixedResponse","fixedResponseConfig":{"contentType":"text/plain","statusCode":"503","messageBody":"503 error text"}},' +
        '{"type":"TrafficLimit","trafficLimitConfig":{"QPS":4,"perSourceIpQps":2,"burst":2}}]',
    });
    // The paths keep their port: only ForwardPool changes it.
    expect(out.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'web', port: { number: 80 } } });
    expect(printed).toEqual([]);
  });

  test('GIVEN a method condition only THEN the conditions annotation is exactly CCE\'s example form', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props()).addForwardingPolicy('web', { conditions: [ForwardingCondition.method(['GET'])] });
    expect(synthIngress(chart).ingress.metadata.annotations['kubernetes.io/elb.conditions.web']).toBe('[{"type":"Method","methodConfig":{"values":["GET"]}}]');
  });

  test('GIVEN a ForwardPool action THEN the paths of that Service use port name use-annotation, and other paths keep their port', () => {
    const chart = chartWithWeb();
    nodePortService(chart, 'api', [{ port: 8080 }]);
    const ingress = new ElbIngress(chart, 'ing', props({
      rules: [
        { path: '/', backend: WEB, host: 'example.com' },
        { path: '/api', backend: IngressBackend.fromServiceName('api', 8080), host: 'example.com' },
      ],
    }));
    ingress.addForwardingPolicy('web', {
      actions: [ForwardingAction.forwardPool([ForwardTarget.service('web', 80, 90), ForwardTarget.pool('a1b2c3d4-0000-4000-8000-0000000000aa', 10)])],
    });
    const { ingress: out, printed } = synthIngress(chart);
    expect(out.metadata.annotations['kubernetes.io/elb.actions.web']).toBe(
      '[{"type":"ForwardPool","forwardConfig":[{"serviceName":"web","servicePort":80,"weight":90,"type":"service"},{"poolID":"a1b2c3d4-0000-4000-8000-0000000000aa","weight":10,"type":"pool"}]}]',
    );
    expect(out.spec.rules).toEqual([{
      host: 'example.com',
      http: {
        paths: [
          v1Path('/', 'web', { name: 'use-annotation' }),
          v1Path('/api', 'api', { number: 8080 }),
        ],
      },
    }]);
    expect(printed).toEqual([]);
  });

  test('GIVEN a policy for a Service that is not a backend of the Ingress THEN a NO_EFFECT warning names it', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props()).addForwardingPolicy('api', { header: { key: 'x-env', values: ['blue'] } });
    expect(synthIngress(chart).printed).toEqual([
      '[warning] [test/ing] header (kubernetes.io/elb.headers.api): has no effect: CCE applies it to the paths whose backend is Service "api", and no path of this Ingress has it; allowed: the name of a backend Service of this Ingress [ElbWarning.NO_EFFECT]',
    ]);
  });

  test('GIVEN a policy on a shared ELB THEN synth fails naming the policy part', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ loadBalancer: ExistingElb.shared(ELB_ID) })).addForwardingPolicy('web', { header: { key: 'x-env', values: ['blue'] } });
    expect(synthErrors(chart)).toEqual([
      '[test/ing] header (kubernetes.io/elb.headers.web): applies only to a dedicated load balancer (elb.class "performance"), not to elb.class "union"; allowed: ExistingElb.dedicated() or AutoCreatedElb.dedicated(), or leave it out',
    ]);
  });

  test('GIVEN conditions on a cluster older than advanced forwarding THEN synth fails naming the versions', () => {
    const chart = chartOnCluster({ version: 'v1.25.5-r0' });
    new ElbIngress(chart, 'ing', props()).addForwardingPolicy('web', { conditions: [ForwardingCondition.method(['GET'])] });
    expect(synthErrors(chart)).toEqual([
      '[c/ing] conditions (kubernetes.io/elb.conditions.web): needs a cluster of v1.23.18-r10, v1.25.16-r0, v1.27.16-r0, v1.28.13-r0, v1.29.8-r0, v1.30.4-r0 or later, but the cluster profile says v1.25.5-r0; allowed: upgrade the cluster, or leave it out',
    ]);
  });

  test('GIVEN a ForwardPool and redirectUrl THEN synth fails', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ redirectUrl: 'https://example.com/' })).addForwardingPolicy('web', {
      actions: [ForwardingAction.forwardPool([ForwardTarget.service('web', 80, 100)])],
    });
    expect(synthErrors(chart)).toEqual([
      '[test/ing] actions (kubernetes.io/elb.actions.web): forwards to a custom backend server group, which cannot be combined with kubernetes.io/elb.redirect-url (cce_10_0949); allowed: one of them',
    ]);
  });

  test('GIVEN an empty Service name THEN addForwardingPolicy throws', () => {
    const ingress = new ElbIngress(chartWithWeb(), 'ing', props());
    expect(() => ingress.addForwardingPolicy('', {})).toThrow(
      '[test/ing] addForwardingPolicy: serviceName "" is not allowed; allowed: the name of a backend Service of this Ingress',
    );
  });

  test('GIVEN a second policy for the same Service THEN it throws instead of silently replacing the first', () => {
    const ingress = new ElbIngress(chartWithWeb(), 'ing', props());
    ingress.addForwardingPolicy('web', { header: { key: 'x-env', values: ['blue'] } });
    expect(() => ingress.addForwardingPolicy('web', { header: { key: 'x-env', values: ['green'] } })).toThrow(/\[test\/ing\] addForwardingPolicy.*web/);
  });
});

describe('ElbIngresses and Services across the App', () => {
  const https = (certificate: IngressCertificate) => IngressListener.https({ certificate });

  test('GIVEN two Ingresses on one ELB and port with different server certificates THEN the later warns, naming the earlier', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'first', props({ metadata: { name: 'first' }, listener: https(IngressCertificate.fromElb(SERVER_CERT)) }));
    new ElbIngress(chart, 'second', props({ metadata: { name: 'second' }, listener: https(IngressCertificate.fromElb(SNI_CERT_1)) }));
    expect(synthIngresses(chart).printed).toEqual([
      `[warning] [test/second] listener (kubernetes.io/elb.tls-certificate-ids): "${SNI_CERT_1}" differs from Ingress/first (test/first) ("${SERVER_CERT}"), which shares listener HTTPS:443 of load balancer "${ELB_ID}": CCE applies the listener settings of the Ingress created first and ignores the others'; allowed: the same listener settings on every Ingress of the listener [ElbWarning.LISTENER_SETTINGS_DIFFER]`,
    ]);
  });

  test('GIVEN two Ingresses that differ only in SNI certificates THEN there is no warning (SNI certificates add up)', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'first', props({ metadata: { name: 'first' }, listener: https(IngressCertificate.fromElb(SERVER_CERT, [SNI_CERT_1])) }));
    new ElbIngress(chart, 'second', props({ metadata: { name: 'second' }, listener: https(IngressCertificate.fromElb(SERVER_CERT, [SNI_CERT_2])) }));
    expect(synthIngresses(chart).printed).toEqual([]);
  });

  test('GIVEN two Ingresses on one ELB and port with different server TLS Secrets THEN the later warns, naming the earlier', () => {
    // cce_10_0251: "the certificate of the new HTTPS ingress must be the same as the certificate of the existing ingress".
    const chart = chartWithWeb();
    new ElbIngress(chart, 'first', props({ metadata: { name: 'first' }, listener: https(IngressCertificate.fromSecret('first-tls')) }));
    new ElbIngress(chart, 'second', props({ metadata: { name: 'second' }, listener: https(IngressCertificate.fromSecret('second-tls')) }));
    const { printed } = synthIngresses(chart);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^\[warning\] \[test\/second\] .*Ingress\/first \(test\/first\).*\[ElbWarning\.LISTENER_SETTINGS_DIFFER\]$/);
  });

  test('GIVEN several listener settings that differ THEN one warning names the first and lists the others; acknowledging it silences it', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'first', props({ metadata: { name: 'first' }, clientTimeout: Duration.seconds(30) }));
    const second = new ElbIngress(chart, 'second', props({ metadata: { name: 'second' }, clientTimeout: Duration.seconds(40), memberTimeout: Duration.seconds(40), gzip: true }));
    expect(synthIngresses(chart).printed).toEqual([
      `[warning] [test/second] clientTimeout (kubernetes.io/elb.client_timeout): "40" differs from Ingress/first (test/first) ("30"), which shares listener HTTP:80 of load balancer "${ELB_ID}" (so do elb.member_timeout, elb.gzip-enabled): CCE applies the listener settings of the Ingress created first and ignores the others'; allowed: the same listener settings on every Ingress of the listener [ElbWarning.LISTENER_SETTINGS_DIFFER]`,
    ]);
    second.acknowledgeWarning(ElbWarning.LISTENER_SETTINGS_DIFFER, 'first sets the listener; second only adds routes');
    expect(synthIngresses(chart).printed).toEqual([]);
  });

  test('GIVEN two Ingresses with the same order on one listener THEN synth fails on the later', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'first', props({ metadata: { name: 'first' }, order: 3 }));
    new ElbIngress(chart, 'none', props({ metadata: { name: 'none' } }));
    new ElbIngress(chart, 'second', props({ metadata: { name: 'second' }, order: 3 }));
    expect(synthErrors(chart)).toEqual([
      `[test/second] order (kubernetes.io/elb.ingress-order): "3" is already the order of Ingress/first (test/first) on listener HTTP:80 of load balancer "${ELB_ID}"; allowed: an order no other Ingress of this listener has (unique per listener, cce_10_0939)`,
    ]);
  });

  test('GIVEN the same order on different ports THEN there is no finding', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'first', props({ metadata: { name: 'first' }, order: 3 }));
    new ElbIngress(chart, 'second', props({ metadata: { name: 'second' }, order: 3, listener: IngressListener.http(8080) }));
    expect(synthIngresses(chart).printed).toEqual([]);
  });

  test('GIVEN an ElbService and then an ElbIngress on the same port of one ELB THEN synth fails on the Ingress, naming the Service', () => {
    const chart = chartWithWeb();
    new ElbService(chart, 'lb', { metadata: { name: 'lb' }, loadBalancer: ExistingElb.dedicated(ELB_ID), ports: [{ port: 80 }], selectorLabels: { app: 'lb' } });
    new ElbIngress(chart, 'ing', props());
    expect(synthErrors(chart)).toEqual([
      `[test/ing] listener (kubernetes.io/elb.port): listener HTTP:80 of load balancer "${ELB_ID}" takes port 80, which Service/lb (test/lb) uses for its TCP:80 listener; listeners of different protocols on one load balancer cannot share a port (except UDP); allowed: another port`,
    ]);
  });

  test('GIVEN an ElbIngress and then an ElbService on the same port THEN synth fails on the Service, naming the Ingress', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props());
    new ElbService(chart, 'lb', { metadata: { name: 'lb' }, loadBalancer: ExistingElb.dedicated(ELB_ID), ports: [{ port: 80 }], selectorLabels: { app: 'lb' } });
    expect(synthErrors(chart)).toEqual([
      `[test/lb] ports[0].port (spec.ports[0].port): listener TCP:80 of load balancer "${ELB_ID}" takes port 80, which Ingress/shop (test/ing) uses for its HTTP:80 listener; listeners of different protocols on one load balancer cannot share a port (except UDP); allowed: another port`,
    ]);
  });

  test('GIVEN an HttpsElbService with an HTTP listener on the port of an Ingress THEN synth fails with CCE\'s sentence', () => {
    const chart = chartWithWeb();
    new HttpsElbService(chart, 'lb', {
      metadata: { name: 'lb' },
      loadBalancer: ExistingElb.dedicated(ELB_ID),
      ports: [{ port: 80 }],
      listeners: [Listener.http(80)],
      selectorLabels: { app: 'lb' },
    });
    new ElbIngress(chart, 'ing', props());
    expect(synthErrors(chart)).toEqual([
      `[test/ing] listener (kubernetes.io/elb.port): listener HTTP:80 of load balancer "${ELB_ID}" is already used by Service/lb (test/lb); an Ingress and a Service cannot use one listener (CCE: "Do not connect an ingress and an HTTP/HTTPS Service to the same listener"); allowed: another port`,
    ]);
  });

  test('GIVEN an ElbService and an ElbIngress on different ports of one ELB THEN there is no finding', () => {
    const chart = chartWithWeb();
    new ElbService(chart, 'lb', { metadata: { name: 'lb' }, loadBalancer: ExistingElb.dedicated(ELB_ID), ports: [{ port: 8080 }], selectorLabels: { app: 'lb' } });
    new ElbIngress(chart, 'ing', props());
    expect(synthChart(chart).printed).toEqual([]);
  });

  test('GIVEN an ElbService of another class on the ELB of the Ingress THEN synth fails', () => {
    const chart = chartWithWeb();
    new ElbService(chart, 'lb', { metadata: { name: 'lb' }, loadBalancer: ExistingElb.shared(ELB_ID), ports: [{ port: 8080 }], selectorLabels: { app: 'lb' } });
    new ElbIngress(chart, 'ing', props());
    expect(synthErrors(chart)).toEqual([
      `[test/ing] loadBalancer (kubernetes.io/elb.class): is "performance", but Service/lb (test/lb), on the same load balancer "${ELB_ID}", says "union"; allowed: one class for every Service on a load balancer`,
    ]);
  });

  test('GIVEN strict validation THEN App-wide warnings fail synth', () => {
    const chart = chartWithWeb();
    ElbValidation.strict(chart);
    new ElbIngress(chart, 'first', props({ metadata: { name: 'first' }, listener: https(IngressCertificate.fromElb(SERVER_CERT)) }));
    new ElbIngress(chart, 'second', props({ metadata: { name: 'second' }, listener: https(IngressCertificate.fromElb(SNI_CERT_1)) }));
    expect(synthErrors(chart)).toEqual([
      `[test/second] listener (kubernetes.io/elb.tls-certificate-ids): "${SNI_CERT_1}" differs from Ingress/first (test/first) ("${SERVER_CERT}"), which shares listener HTTPS:443 of load balancer "${ELB_ID}": CCE applies the listener settings of the Ingress created first and ignores the others'; allowed: the same listener settings on every Ingress of the listener [ElbWarning.LISTENER_SETTINGS_DIFFER] (a warning, fatal under strict validation; acknowledge it with acknowledgeWarning() and a reason if it does not apply)`,
    ]);
  });

  test('GIVEN strict validation THEN the Ingress\'s own warnings fail synth', () => {
    const chart = Testing.chart();
    ElbValidation.strict(chart);
    new ElbIngress(chart, 'ing', props());
    expect(synthErrors(chart)).toEqual([
      '[test/ing] spec.rules[0].http.paths[0].backend.service.name: names Service "web", which this App does not hold in namespace "default"; if nothing else creates it, the load balancer forwards to nothing; allowed: a Service of the App (an ElbService, a cdk8s-plus Service or a raw one), or acknowledge this warning if it is created elsewhere [ElbWarning.BACKEND_NOT_FOUND] (a warning, fatal under strict validation; acknowledge it with acknowledgeWarning() and a reason if it does not apply)',
    ]);
  });

  test('GIVEN CCE_ELB_STRICT=true THEN warnings fail synth', () => {
    const chart = Testing.chart();
    new ElbIngress(chart, 'ing', props({ tags: { team: 'shop' } }));
    nodePortService(chart);
    const before = process.env[ElbValidation.STRICT_ENV];
    process.env[ElbValidation.STRICT_ENV] = 'true';
    try {
      expect(synthErrors(chart)).toEqual([
        '[test/ing] tags (kubernetes.io/elb.tags): has no effect because CCE reads it only when it creates the load balancer (kubernetes.io/elb.autocreate); allowed: use AutoCreatedElb, or leave it out [ElbWarning.NO_EFFECT] (a warning, fatal under strict validation; acknowledge it with acknowledgeWarning() and a reason if it does not apply)',
      ]);
    } finally {
      if (before === undefined) delete process.env[ElbValidation.STRICT_ENV];
      else process.env[ElbValidation.STRICT_ENV] = before;
    }
  });

  test('GIVEN warnings() THEN it lists the Ingress\'s own and App-wide warnings, without the acknowledged ones, before any synth', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'first', props({ metadata: { name: 'first' }, listener: https(IngressCertificate.fromElb(SERVER_CERT)) }));
    const second = new ElbIngress(chart, 'second', props({ metadata: { name: 'second' }, listener: https(IngressCertificate.fromElb(SNI_CERT_1)), tags: { team: 'shop' } }));
    const tags = 'tags (kubernetes.io/elb.tags): has no effect because CCE reads it only when it creates the load balancer (kubernetes.io/elb.autocreate); allowed: use AutoCreatedElb, or leave it out [ElbWarning.NO_EFFECT]';
    const differ = `listener (kubernetes.io/elb.tls-certificate-ids): "${SNI_CERT_1}" differs from Ingress/first (test/first) ("${SERVER_CERT}"), which shares listener HTTPS:443 of load balancer "${ELB_ID}": CCE applies the listener settings of the Ingress created first and ignores the others'; allowed: the same listener settings on every Ingress of the listener [ElbWarning.LISTENER_SETTINGS_DIFFER]`;
    expect(second.warnings()).toEqual([tags, differ]);
    second.acknowledgeWarning(ElbWarning.NO_EFFECT, 'the tags are read by our own tooling');
    expect(second.warnings()).toEqual([differ]);
  });
});

describe('ElbIngress escape hatch', () => {
  test('GIVEN ApiObject.of(ingress).addJsonPatch() of a default backend THEN it is kept in the output', () => {
    const chart = chartWithWeb();
    const ingress = new ElbIngress(chart, 'ing', props());
    ApiObject.of(ingress).addJsonPatch(JsonPatch.add('/spec/defaultBackend', { service: { name: 'web', port: { number: 80 } } }));
    const { ingress: out, printed } = synthIngress(chart);
    expect(out.spec).toEqual({
      ingressClassName: 'cce',
      rules: [{ http: { paths: [v1Path('/', 'web', { number: 80 })] } }],
      defaultBackend: { service: { name: 'web', port: { number: 80 } } },
    });
    expect(printed).toEqual([]);
  });

  test('GIVEN only a default backend added by a patch THEN the Ingress synthesizes', () => {
    const chart = chartWithWeb();
    const ingress = new ElbIngress(chart, 'ing', props({ rules: [] }));
    ApiObject.of(ingress).addJsonPatch(JsonPatch.add('/spec/defaultBackend', { service: { name: 'web', port: { number: 80 } } }));
    expect(synthIngress(chart).ingress.spec).toEqual({ ingressClassName: 'cce', defaultBackend: { service: { name: 'web', port: { number: 80 } } } });
  });

  test('GIVEN a patched default backend naming a Service not in the App THEN it is checked like a rule (BACKEND_NOT_FOUND)', () => {
    // The construct checks the spec it renders, not the one it emits: `cce-elb lint` of the same
    // YAML reports the default backend, synth does not.
    const chart = chartWithWeb();
    const ingress = new ElbIngress(chart, 'ing', props());
    ApiObject.of(ingress).addJsonPatch(JsonPatch.add('/spec/defaultBackend', { service: { name: 'fallback', port: { number: 80 } } }));
    const { printed } = synthIngress(chart);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^\[warning\] \[test\/ing\] spec\.defaultBackend\.service\.name: names Service "fallback".*\[ElbWarning\.BACKEND_NOT_FOUND\]$/);
  });

  test('GIVEN an ElbIngress in an App THEN app.synthYaml() emits it as YAML', () => {
    const app = new App({ outdir: '/tmp/cdk8s-cce-elb-ingress-test' });
    const chart = new Chart(app, 'c');
    nodePortService(chart);
    new ElbIngress(chart, 'ing', props());
    const yaml = capturingWarnings(() => app.synthYaml()).result;
    expect(yaml).toContain('kind: Ingress');
    expect(yaml).toContain('ingress.beta.kubernetes.io/url-match-mode: STARTS_WITH');
    expect(yaml).toContain('kubernetes.io/elb.port: "80"');
  });
});

describe('ElbIngress from the new-user review', () => {
  test('GIVEN a host that is a URL or an IP address THEN addRule throws naming it', () => {
    const ingress = new ElbIngress(chartWithWeb(), 'ing', props());
    expect(() => ingress.addRule('/', WEB, { host: 'https://Shop.Example.com/' })).toThrow('[test/ing] addRule: host "https://Shop.Example.com/" is not allowed (the Kubernetes API server refuses it)');
    expect(() => ingress.addRule('/', WEB, { host: '10.1.2.3' })).toThrow('[test/ing] addRule: host "10.1.2.3" is an IP address');
    expect(() => ingress.addRule('/', WEB, { host: '*.example.com' })).not.toThrow();
  });

  test('GIVEN an auto-created load balancer and no metadata.name THEN warning GENERATED_NAME, as for ElbService', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ metadata: undefined, loadBalancer: AutoCreatedElb.shared() }));
    const { printed } = synthIngress(chart);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^\[warning\] \[test\/ing\] metadata\.name: is not set, so cdk8s names the Ingress after its construct path \(test-ing-c8[0-9a-f]+\); .*\[ElbWarning\.GENERATED_NAME\]$/);
  });

  test('GIVEN loadBalancerAddress beside an ID THEN elb.ip is written too, with no finding; beside an auto-created one THEN it throws', () => {
    const chart = chartWithWeb();
    new ElbIngress(chart, 'ing', props({ loadBalancerAddress: '192.168.0.10' }));
    const { ingress, printed } = synthIngress(chart);
    expect(ingress.metadata.annotations).toMatchObject({ 'kubernetes.io/elb.id': ELB_ID, 'kubernetes.io/elb.ip': '192.168.0.10' });
    expect(printed).toEqual([]);
    expect(() => new ElbIngress(chartWithWeb(), 'ing', props({ loadBalancer: AutoCreatedElb.shared(), loadBalancerAddress: '192.168.0.10' }))).toThrow(
      '[test/ing] loadBalancerAddress (kubernetes.io/elb.ip): goes beside the ID of an existing load balancer',
    );
  });
});

describe('ElbIngress given wrong types from JavaScript (from the hostile review)', () => {
  const js = (value: unknown) => value as any;

  test.each([
    ['no certificate on an HTTPS listener', () => IngressListener.https(js({})), 'IngressListener.https: certificate: undefined is not allowed'],
    ['a string for rulesInListedOrder', () => new ElbIngress(chartWithWeb(), 'ing', props({ rulesInListedOrder: js('false') })), '[test/ing] rulesInListedOrder: "false" is not allowed; allowed: true or false'],
    ['a string for match', () => new ElbIngress(chartWithWeb(), 'ing', props()).addRule('/', WEB, { match: js('REGEX') }), '[test/ing] addRule: match: "REGEX" is not allowed'],
    ['a string for header values', () => new ElbIngress(chartWithWeb(), 'ing', props()).addForwardingPolicy('web', { header: { key: 'x', values: js('abc') } }), 'header.values: "abc" is not allowed'],
    ['a string for SNI certificate IDs', () => IngressCertificate.fromElb(SERVER_CERT, js('abc')), 'IngressCertificate.fromElb: sniCertificateIds: "abc" is not allowed'],
    ['a number for a Duration', () => new ElbIngress(chartWithWeb(), 'ing', props({ keepaliveTimeout: js(60) })), '[test/ing] keepaliveTimeout: 60 is not allowed; allowed: a Duration'],
    ['no load balancer', () => new ElbIngress(chartWithWeb(), 'ing', props({ loadBalancer: js(undefined) })), '[test/ing] loadBalancer: undefined is not allowed'],
    ['a Service name that is no key', () => new ElbIngress(chartWithWeb(), 'ing', props()).addForwardingPolicy('a/b', {}), 'addForwardingPolicy: serviceName "a/b" is not allowed'],
  ])('GIVEN %s THEN a message naming it, not a TypeError or wrong YAML', (_what, act, message) => {
    expect(act).toThrow(message);
  });
});
