import { ELB_ID, cluster } from './support/check';
import { CATALOG, readsOn } from '../src/annotations/catalog';
import { checkActions, checkConditions, checkHeaderPolicy } from '../src/annotations/forwarding-policies';
import { ElbAnnotations as K } from '../src/annotations/keys';
import { ClusterInfo } from '../src/cluster/cluster-info';
import { lintText } from '../src/lint/linter';
import { Finding } from '../src/rules/finding';
import { checkIngressManifest, checkServiceManifest } from '../src/rules/index';
import { BackendService, IngressBackendChecks } from '../src/rules/ingress-backend-rules';
import { IngressManifest, decodeIngress } from '../src/rules/ingress-view';
import { decodeService } from '../src/rules/service-view';
import { SharedElbChecks } from '../src/rules/shared-elb-rules';
import { ElbWarning } from '../src/rules/warnings';

/*
 * The rules of CCE's LoadBalancer Ingresses (`ingressClassName: cce`): every Ingress annotation of
 * the catalog (value, class, version), the Ingress-only rules (ingress-rules.ts), the JSON grammars
 * of the per-backend annotations (forwarding-policies.ts), the backend checks
 * (ingress-backend-rules.ts) and the checks across objects (shared-elb-rules.ts).
 * Sources: /tmp/issue14-research.md and ../shared/reference/cce-elb-2026-additions.md (b).
 */

const OTHER_ID = '6083f225-9bf8-48fa-9c8b-67bd9693c4c0';
const CERT = '058cc023690d48a3867ad69dbe9cd6e5';
const SNI_CERT = 'b98382b1f01c473286653afd1ed9ab63';
const MATCH_MODE = 'ingress.beta.kubernetes.io/url-match-mode';

/** An existing dedicated load balancer. */
const DEDICATED = { [K.CLASS]: 'performance', [K.ID]: ELB_ID };
/** An existing shared load balancer. */
const SHARED = { [K.CLASS]: 'union', [K.ID]: ELB_ID };

/** One path of a rule: backend Service `service`, port `port`, matched as `mode`; `pathType` null leaves it out. */
function path(p: string, service = 'web', port: number | string = 80, mode = 'STARTS_WITH', pathType: string | null = 'ImplementationSpecific') {
  return {
    path: p,
    ...(pathType !== null ? { pathType } : {}),
    property: { [MATCH_MODE]: mode },
    backend: { service: { name: service, port: typeof port === 'number' ? { number: port } : { name: port } } },
  };
}

interface IngressOptions {
  readonly name?: string;
  readonly namespace?: string;
  readonly apiVersion?: string;
  /** spec.rules[0].http.paths (default: `/` to web:80, STARTS_WITH). */
  readonly paths?: unknown[];
  /** More of spec (tls, ingressClassName, …). */
  readonly spec?: Record<string, unknown>;
  readonly readBack?: boolean;
}

/** A LoadBalancer Ingress (networking.k8s.io/v1, ingressClassName cce) with these annotations. */
function ingress(annotations: Record<string, unknown>, options: IngressOptions = {}): IngressManifest {
  return {
    apiVersion: options.apiVersion ?? 'networking.k8s.io/v1',
    metadata: { name: options.name ?? 'shop', namespace: options.namespace ?? 'default', annotations },
    spec: { ingressClassName: 'cce', rules: [{ host: 'shop.example.com', http: { paths: options.paths ?? [path('/')] } }], ...options.spec },
    readBack: options.readBack,
  };
}

/** The findings of an Ingress with these annotations. */
function check(annotations: Record<string, unknown>, options: IngressOptions = {}, info: ClusterInfo = {}): Finding[] {
  return checkIngressManifest(ingress(annotations, options), info);
}

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
/** `<rule> <target>: <message>`, the parts a test names. */
const show = (f: Finding) => `${f.rule} ${f.target}: ${f.message}`;

// ---------------------------------------------------------------------------------------------
// 1. Every Ingress annotation of the catalog
// ---------------------------------------------------------------------------------------------

/**
 * How each annotation CCE reads on Ingresses behaves, from CCE's pages (not from the catalog):
 * a value that works, a value that cannot, dedicated-only, and the first cluster versions.
 */
interface AnnotationCase {
  /** The annotation key as written (a per-backend key with the Service name `web`). */
  readonly key: string;
  readonly ok: string;
  /** The load balancer annotations. @default DEDICATED, an existing dedicated load balancer */
  readonly base?: Record<string, string>;
  /** Other annotations and options the value needs. */
  readonly with?: Record<string, string>;
  readonly options?: IngressOptions;
  /** A value CCE refuses, and a part of the message. */
  readonly bad: readonly [string, string];
  /** The rule of the bad value's finding. @default annotation-value */
  readonly badRule?: string;
  /** Only dedicated load balancers take it (cce_10_0695, HW pages). */
  readonly dedicatedOnly?: boolean;
  /** A release that does not read it, and the first that does, of one version line. */
  readonly gate?: readonly [string, string];
  /** The rule of the version finding. @default annotation-version */
  readonly gateRule?: string;
}

const HTTPS_BY_CERT = { [K.TLS_CERTIFICATE_IDS]: CERT };
/** HTTPS through a TLS Secret: no certificate annotation, so no version gate of its own. */
const HTTPS_BY_SECRET: IngressOptions = { spec: { tls: [{ secretName: 'shop-tls' }] } };
const REGEX_PATH: IngressOptions = { paths: [path('/first/(.*)/(.*)/end', 'web', 80, 'REGEX')] };
const PUBLIC_SHARED = '{"type":"public","bandwidth_name":"cce-bandwidth-shop","bandwidth_chargemode":"traffic","bandwidth_size":5,"bandwidth_sharetype":"PER","eip_type":"5_bgp"}';

const CASES: readonly AnnotationCase[] = [
  { key: K.CLASS, ok: 'performance', base: { [K.ID]: ELB_ID }, bad: ['dedicated', 'is the cloud-provider-huaweicloud value, which CCE does not take'], gate: ['v1.15.11-r1', 'v1.17.9-r0'], gateRule: 'load-balancer' },
  { key: K.ID, ok: ELB_ID, base: { [K.CLASS]: 'performance' }, bad: ['shop-elb', '(not its name)'] },
  { key: K.IP, ok: '192.168.0.10', base: { [K.CLASS]: 'union' }, bad: ['192.168.0.256', 'the IPv4 address of an existing load balancer'] },
  { key: K.AUTOCREATE, ok: PUBLIC_SHARED, base: { [K.CLASS]: 'union' }, bad: ['{"type":"public"', 'is not valid JSON'] },
  { key: K.SUBNET_ID, ok: OTHER_ID, bad: ['subnet-shop', 'the ID of the cluster subnet (a UUID)'] },
  { key: K.TLS_CERTIFICATE_IDS, ok: `${CERT},${SNI_CERT}`, bad: ['-----BEGIN CERTIFICATE-----', 'not the certificate itself'], gate: ['v1.23.2-r0', 'v1.23.3-r0'] },
  { key: K.HTTP2_ENABLE, ok: 'true', options: HTTPS_BY_SECRET, bad: ['on', 'allowed: "true" or "false"'], gate: ['v1.25.7-r0', 'v1.25.8-r0'] },
  { key: K.ACL_ID, ok: OTHER_ID, with: { [K.ACL_STATUS]: 'on', [K.ACL_TYPE]: 'white' }, bad: ['office-ips', 'the ID of an ELB IP address group (a UUID)'], gate: ['v1.25.6-r0', 'v1.25.7-r0'] },
  { key: K.ACL_STATUS, ok: 'on', with: { [K.ACL_ID]: OTHER_ID, [K.ACL_TYPE]: 'black' }, bad: ['enabled', '"enabled" is not allowed'], gate: ['v1.27.3-r0', 'v1.27.4-r0'] },
  { key: K.ACL_TYPE, ok: 'black', with: { [K.ACL_ID]: OTHER_ID, [K.ACL_STATUS]: 'on' }, bad: ['whitelist', '"whitelist" is not allowed'], gate: ['v1.28.1-r0', 'v1.28.2-r0'] },
  // Dedicated load balancers: the timeouts from v1.19.16-r30, v1.21.10-r10, v1.23.8-r10, v1.25.3-r10 (cce_10_0695 Table 8)
  { key: K.KEEPALIVE_TIMEOUT, ok: '0', bad: ['4001', 'a whole number from 0 to 4000'], gate: ['v1.23.8-r0', 'v1.23.8-r10'] },
  { key: K.CLIENT_TIMEOUT, ok: '300', bad: ['301', 'a whole number from 1 to 300'], gate: ['v1.25.3-r0', 'v1.25.3-r10'] },
  { key: K.MEMBER_TIMEOUT, ok: '1', bad: ['0', 'a whole number from 1 to 300'], gate: ['v1.21.10-r0', 'v1.21.10-r10'] },
  // No gate on Ingresses: cce_10_0252's table says v1.23.11-r0, but its own examples for v1.21 and earlier set tags
  { key: K.TAGS, ok: 'team=web,env=prod', base: { [K.CLASS]: 'union', [K.AUTOCREATE]: PUBLIC_SHARED }, bad: ['team:web', 'key=value'] },
  {
    key: K.CUSTOM_EIP_ID,
    ok: OTHER_ID,
    // As read back after CCE created the load balancer and its EIP (cce_10_0925): the custom EIP applies on an update.
    base: { [K.CLASS]: 'union', [K.AUTOCREATE]: PUBLIC_SHARED, [K.ID]: ELB_ID, [K.EIP_ID]: '7083f225-9bf8-48fa-9c8b-67bd9693c4c0' },
    options: { readBack: true },
    bad: ['my-eip', 'the ID of an EIP (a UUID)'],
    gate: ['v1.28.7-r0', 'v1.28.8-r0'],
  },
  { key: K.GZIP_ENABLED, ok: 'true', bad: ['on', 'allowed: "true" or "false"'], dedicatedOnly: true, gate: ['v1.27.5-r0', 'v1.27.6-r0'] },
  { key: K.PORT, ok: '8080', bad: ['65536', 'a whole number from 1 to 65535'] },
  {
    key: K.LISTEN_PORTS,
    ok: '[{"HTTP":80},{"HTTPS":443}]',
    with: HTTPS_BY_CERT,
    bad: ['[{"TCP":80}]', 'allowed: a JSON list of {"HTTP":<port>} and {"HTTPS":<port>}'],
    dedicatedOnly: true,
    gate: ['v1.28.3-r0', 'v1.28.4-r0'],
  },
  // cce_10_0695 says v1.17.17, cce_10_0688 v1.17.11, the console page v1.17.9: the lowest is taken
  { key: K.TLS_CIPHERS_POLICY, ok: 'tls-1-2-strict', options: HTTPS_BY_SECRET, bad: ['TLS-1-2', '"TLS-1-2" is not allowed'], gate: ['v1.15.11-r1', 'v1.17.9-r0'] },
  { key: K.SECURITY_POLICY_ID, ok: '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a091', options: HTTPS_BY_SECRET, bad: ['tls 1.3 only', 'the ID of a custom ELB security policy'], gate: ['v1.15.11-r1', 'v1.17.9-r0'] },
  { key: K.POOL_PROTOCOL, ok: 'https', options: HTTPS_BY_SECRET, bad: ['tcp', 'allowed: "https"'], dedicatedOnly: true, gate: ['v1.23.7-r0', 'v1.23.8-r0'] },
  { key: K.SLOWSTART, ok: '30', bad: ['1201', 'a whole number from 30 to 1200'], dedicatedOnly: true, gate: ['v1.21.7-r0', 'v1.23.5-r0'] },
  { key: K.INGRESS_ORDER, ok: '1', bad: ['1001', 'a whole number from 1 to 1000'], dedicatedOnly: true, gate: ['v1.28.4-r0', 'v1.28.5-r0'] },
  { key: K.RULE_PRIORITY_ENABLED, ok: 'true', bad: ['false', 'once enabled it cannot be disabled'], dedicatedOnly: true, gate: ['v1.29.1-r0', 'v1.29.1-r10'] },
  { key: K.REDIRECT_URL, ok: 'https://example.com/testa', bad: ['example.com/testa', 'a URL starting with http:// or https://'], dedicatedOnly: true, gate: ['v1.25.8-r0', 'v1.25.9-r0'] },
  { key: K.REDIRECT_URL_CODE, ok: '308', with: { [K.REDIRECT_URL]: 'https://example.com/' }, bad: ['300', '"300" is not allowed'], dedicatedOnly: true, gate: ['v1.27.5-r0', 'v1.27.6-r0'] },
  { key: K.REWRITE_TARGET, ok: '/$1/$2', options: REGEX_PATH, bad: ['newpath/$1', 'a path starting with "/"'], dedicatedOnly: true, gate: ['v1.23.13-r0', 'v1.23.14-r0'] },
  {
    key: `${K.HEADERS_PREFIX}web`,
    ok: '{"key":"x-canary","values":["always","beta*"]}',
    bad: ['{"key":"x canary","values":["always"]}', 'a header name of 1 to 40 letters, digits, "_" or "-"'],
    dedicatedOnly: true,
    gate: ['v1.28.5-r0', 'v1.28.6-r0'],
  },
  {
    key: `${K.CONDITIONS_PREFIX}web`,
    ok: '[{"type":"Method","methodConfig":{"values":["GET","POST"]}}]',
    bad: ['[{"type":"Path","pathConfig":{"values":["/a"]}}]', 'has type "Path"; allowed: Method, Header, Cookie, QueryString, SourceIp'],
    dedicatedOnly: true,
    gate: ['v1.30.3-r0', 'v1.30.4-r0'],
  },
  {
    key: `${K.ACTIONS_PREFIX}web`,
    ok: '[{"type":"InsertHeader","InsertHeaderConfig":{"key":"x-from","value_type":"USER_DEFINED","value":"elb"}}]',
    bad: ['[{"type":"Redirect"}]', 'has type "Redirect"'],
    dedicatedOnly: true,
    gate: ['v1.29.7-r0', 'v1.29.8-r0'],
  },
];

/** The annotations CCE writes itself onto an Ingress, with a value as it writes it. */
const WRITTEN_BY_CCE: Record<string, string> = {
  [K.LISTENER_MASTER_INGRESS]: 'default/shop',
  [K.EIP_ID]: '7083f225-9bf8-48fa-9c8b-67bd9693c4c0',
  [K.CUSTOM_EIP_STATUS]: '{"id":"7083f225-9bf8-48fa-9c8b-67bd9693c4c0","public_ip_address":"80.158.1.2"}',
};

const annotationsOf = (c: AnnotationCase, value: string, classOverride?: string): Record<string, string> => {
  const base: Record<string, string> = { ...(c.base ?? DEDICATED), ...c.with, [c.key]: value };
  if (classOverride !== undefined) base[K.CLASS] = classOverride;
  return base;
};

describe('every Ingress annotation of the catalog', () => {
  test('GIVEN the catalog WHEN its Ingress entries are listed THEN each has a case here (a new Ingress annotation needs its tests)', () => {
    const entries = [...CATALOG.values()].filter((e) => readsOn(e, 'Ingress'));
    const covered = [...CASES.map((c) => c.key), ...Object.keys(WRITTEN_BY_CCE)].map((k) => (k.endsWith('web') ? k.slice(0, -'web'.length) : k));
    expect(covered.sort()).toEqual(entries.map((e) => e.key).sort());
  });

  describe.each(CASES.map((c) => [c.key, c] as const))('%s', (key, c) => {
    test(`GIVEN ${JSON.stringify(c.ok)} WHEN the Ingress is checked THEN nothing is found`, () => {
      expect(check(annotationsOf(c, c.ok), c.options).map(show)).toEqual([]);
    });

    test(`GIVEN ${JSON.stringify(c.bad[0])} WHEN the Ingress is checked THEN an error names the key`, () => {
      const found = errors(check(annotationsOf(c, c.bad[0]), c.options)).filter((f) => f.target === key);
      expect(found.map((f) => f.rule)).toContain(c.badRule ?? 'annotation-value');
      expect(found.map((f) => f.message).join('\n')).toContain(c.bad[1]);
    });

    if (c.dedicatedOnly) {
      test('GIVEN a shared load balancer (elb.class union) THEN it is an error: dedicated load balancers only', () => {
        const found = errors(check(annotationsOf(c, c.ok, 'union'), c.options)).filter((f) => f.target === key);
        expect(found.map(show)).toEqual([
          `annotation-class ${key}: applies only to a dedicated load balancer (elb.class "performance"), not to elb.class "union"; allowed: ExistingElb.dedicated() or AutoCreatedElb.dedicated(), or leave it out`,
        ]);
      });
    } else {
      test('GIVEN a shared load balancer (elb.class union) THEN it is no error', () => {
        expect(errors(check(annotationsOf(c, c.ok, 'union'), c.options)).filter((f) => f.target === key).map(show)).toEqual([]);
      });
    }

    if (c.gate !== undefined) {
      const [below, from] = c.gate;
      test(`GIVEN a cluster of ${below} THEN it is an error naming the version; on ${from} it is not`, () => {
        const old = errors(check(annotationsOf(c, c.ok), c.options, cluster({ version: below }))).filter((f) => f.target === key);
        expect(old.map((f) => f.rule)).toEqual([c.gateRule ?? 'annotation-version']);
        expect(old[0].message).toContain(`but the cluster profile says ${below}`);
        expect(errors(check(annotationsOf(c, c.ok), c.options, cluster({ version: from }))).filter((f) => f.target === key).map(show)).toEqual([]);
      });
    }

    test('GIVEN a value that is not a string (a YAML number or boolean) THEN it is an error under the key', () => {
      const found = errors(check({ ...annotationsOf(c, c.ok), [key]: 1 }, c.options)).filter((f) => f.target === key && f.rule === 'annotation-string');
      expect(found.map((f) => f.message)).toEqual(['1 is a number; allowed: a string (annotation values are always strings: quote it)']);
    });
  });

  test.each(Object.entries(WRITTEN_BY_CCE))('GIVEN %s, which CCE writes, in a manifest THEN a warning; read back from a cluster THEN nothing', (key, value) => {
    const annotations = { ...SHARED, [key]: value };
    expect(check(annotations).map((f) => `${f.rule} ${f.target}`)).toEqual([`${ElbWarning.WRITTEN_BY_CCE} ${key}`]);
    expect(check(annotations, { readBack: true }).filter((f) => f.target === key)).toEqual([]);
  });

  test('GIVEN a Service-only annotation on an Ingress, or an Ingress-only one on a Service THEN a warning that it has no effect there', () => {
    expect(check({ ...SHARED, [K.ADAPTIVE_WEIGHT]: 'true' }).map(show)).toEqual([
      `${ElbWarning.NO_EFFECT} ${K.ADAPTIVE_WEIGHT}: has no effect: CCE reads it on Services (type: LoadBalancer), not on Ingresses; allowed: leave it out`,
    ]);
    // The backend server group's algorithm and sticky sessions are read on Ingresses too (CCE's
    // configuration reference for Ingresses; cce_bestpractice_00231): known, not typed, no finding.
    expect(check({ ...SHARED, [K.LB_ALGORITHM]: 'ROUND_ROBIN', [K.SESSION_AFFINITY_MODE]: 'HTTP_COOKIE' })).toEqual([]);
    const onService = checkServiceManifest({ metadata: { annotations: { ...SHARED, [K.INGRESS_ORDER]: '3' } }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }], selector: { app: 'x' } } });
    expect(onService.map(show)).toEqual([
      `${ElbWarning.NO_EFFECT} ${K.INGRESS_ORDER}: has no effect: CCE reads it on Ingresses (ingressClassName: cce), not on Services; allowed: leave it out, or set it on the Ingress`,
    ]);
  });

  test.each([K.TLS_CIPHERS_POLICY, K.SECURITY_POLICY_ID, K.HTTP2_ENABLE])('GIVEN %s on an Ingress with only an HTTP listener THEN a warning: it takes effect only with HTTPS', (key) => {
    const value = key === K.HTTP2_ENABLE ? 'true' : key === K.TLS_CIPHERS_POLICY ? 'tls-1-2' : '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a091';
    expect(check({ ...DEDICATED, [key]: value }).map(show)).toEqual([
      `${ElbWarning.NO_EFFECT} ${key}: has no effect because it applies only to HTTPS listeners and this Ingress has HTTP listeners; allowed: add such a listener, or leave it out`,
    ]);
  });

  test('GIVEN a timeout on a shared load balancer THEN the shared gate applies (v1.23.13-r0 …), not the dedicated one', () => {
    const shared = errors(check({ ...SHARED, [K.CLIENT_TIMEOUT]: '30' }, {}, cluster({ version: 'v1.23.12-r0' })));
    expect(shared.map((f) => `${f.rule} ${f.target}`)).toEqual([`annotation-version ${K.CLIENT_TIMEOUT}`]);
    expect(shared[0].message).toContain('needs a cluster of v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0 or later');
    expect(errors(check({ ...DEDICATED, [K.CLIENT_TIMEOUT]: '30' }, {}, cluster({ version: 'v1.23.12-r0' })))).toEqual([]);
  });

  test('GIVEN elb.pool-protocol "grpc" (the LoadBalancer Ingress value CCE\'s NGINX migration table gives for gRPC backends, cce_10_0858; cce_10_0735 names gRPC backend server groups) THEN it is no error', () => {
    // OTC redirecting_traffic_from_an_nginx_ingress_to_a_loadbalancer_ingress.rst:110 maps
    // nginx.ingress.kubernetes.io/backend-protocol: "GRPC" to kubernetes.io/elb.pool-protocol: "grpc".
    // The value is not in the annotation table, so at most a warning, never an error.
    expect(errors(check({ ...DEDICATED, [K.POOL_PROTOCOL]: 'grpc' }, HTTPS_BY_SECRET)).map(show)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The Ingress-only rules (ingress-rules.ts)
// ---------------------------------------------------------------------------------------------

describe('ingress-class: the class and API version (cce_10_0252, cce_10_0695 Table 1)', () => {
  test('GIVEN both kubernetes.io/ingress.class and spec.ingressClassName THEN an error: the API server refuses it', () => {
    expect(errors(check({ ...SHARED, 'kubernetes.io/ingress.class': 'cce' })).map(show)).toEqual([
      'ingress-class kubernetes.io/ingress.class: is set beside spec.ingressClassName, and the Kubernetes API server refuses an Ingress with both ("can not be set when the class field is also set"); allowed: spec.ingressClassName: cce on clusters of v1.23 and later, the annotation alone on v1.21 and earlier',
    ]);
  });

  test('GIVEN networking.k8s.io/v1beta1 on a cluster of v1.22 or later THEN an error; on v1.21 THEN none', () => {
    const legacyPath = { path: '/', property: { [MATCH_MODE]: 'STARTS_WITH' }, backend: { serviceName: 'web', servicePort: 80 } };
    const legacy = { apiVersion: 'networking.k8s.io/v1beta1', paths: [legacyPath], spec: { ingressClassName: undefined } };
    const annotations = { ...SHARED, 'kubernetes.io/ingress.class': 'cce' };
    const found = errors(check(annotations, legacy, cluster({ version: 'v1.23.5-r0' })));
    expect(found.map((f) => `${f.rule} ${f.target}`)).toEqual(['ingress-class apiVersion']);
    expect(found[0].message).toContain('"networking.k8s.io/v1beta1" is not served by clusters of v1.22 and later (the cluster profile says v1.23.5-r0)');
    expect(check(annotations, legacy, cluster({ version: 'v1.21.7-r0' })).map(show)).toEqual([]);
  });

  test('GIVEN the class in the form the cluster version does not document THEN a warning (ingress-class-form), not an error', () => {
    const annotationOnly = check({ ...SHARED, 'kubernetes.io/ingress.class': 'cce' }, { spec: { ingressClassName: undefined } }, cluster({ version: 'v1.25.5-r0' }));
    expect(annotationOnly.map((f) => `${f.severity} ${f.rule} ${f.target}`)).toEqual([`warning ${ElbWarning.INGRESS_CLASS_FORM} kubernetes.io/ingress.class`]);
    const fieldOnOld = check({ ...SHARED }, {}, cluster({ version: 'v1.21.7-r0' }));
    expect(fieldOnOld.map((f) => `${f.severity} ${f.rule} ${f.target}`)).toEqual([`warning ${ElbWarning.INGRESS_CLASS_FORM} spec.ingressClassName`]);
    expect(check({ ...SHARED }, {}, cluster({ version: 'v1.25.5-r0' }))).toEqual([]);
  });
});

describe('ingress-listeners: listeners, certificates, security policy, backend protocol, redirects', () => {
  test('GIVEN elb.listen-ports and elb.port THEN a warning on elb.port: listen-ports wins (cce_10_0937)', () => {
    const found = check({ ...DEDICATED, ...HTTPS_BY_CERT, [K.LISTEN_PORTS]: '[{"HTTP":80},{"HTTPS":443}]', [K.PORT]: '8080' });
    expect(found.map(show)).toEqual([`${ElbWarning.NO_EFFECT} ${K.PORT}: has no effect beside ${K.LISTEN_PORTS}, which wins (cce_10_0937); allowed: leave it out`]);
  });

  test('GIVEN an HTTPS listener without ELB certificates or spec.tls THEN an error; with either THEN none', () => {
    const listenPorts = { ...DEDICATED, [K.LISTEN_PORTS]: '[{"HTTP":80},{"HTTPS":443}]' };
    const found = errors(check(listenPorts));
    expect(found.map((f) => `${f.rule} ${f.target}`)).toEqual([`ingress-listeners ${K.LISTEN_PORTS}`]);
    expect(found[0].message).toContain('has an HTTPS listener, and the Ingress has no certificate');
    expect(check({ ...listenPorts, ...HTTPS_BY_CERT })).toEqual([]);
    expect(check(listenPorts, HTTPS_BY_SECRET)).toEqual([]);
  });

  test('GIVEN ELB certificates and spec.tls THEN a warning on spec.tls: CCE uses the ELB certificates (cce_10_0687)', () => {
    expect(check({ ...DEDICATED, ...HTTPS_BY_CERT }, HTTPS_BY_SECRET).map(show)).toEqual([
      `${ElbWarning.NO_EFFECT} spec.tls: has no effect: with ${K.TLS_CERTIFICATE_IDS} set, CCE uses the ELB certificates (cce_10_0687); allowed: one of them`,
    ]);
  });

  test('GIVEN an empty elb.tls-certificate-ids THEN one error (the list has at least the server certificate)', () => {
    const found = errors(check({ ...DEDICATED, [K.TLS_CERTIFICATE_IDS]: '' }));
    expect(found.map((f) => f.target)).toEqual([K.TLS_CERTIFICATE_IDS]);
    expect(found[0].message).toContain('is empty');
  });

  test('GIVEN the same certificate twice in elb.tls-certificate-ids, as CCE\'s own listen-ports example writes it (cce_10_0937 line 51) THEN it is no error', () => {
    // "kubernetes.io/elb.tls-certificate-ids: 6cfb43c9de1a41a18478b868e34b0a82,6cfb43c9de1a41a18478b868e34b0a82"
    const annotations = { ...DEDICATED, [K.LISTEN_PORTS]: '[{"HTTP": 80},{"HTTPS": 443}]', [K.TLS_CERTIFICATE_IDS]: '6cfb43c9de1a41a18478b868e34b0a82,6cfb43c9de1a41a18478b868e34b0a82' };
    expect(errors(check(annotations)).map(show)).toEqual([]);
  });

  test('GIVEN a dedicated-only TLS policy THEN an error on a shared load balancer, a warning without a class, nothing on a dedicated one', () => {
    const policy = { [K.TLS_CIPHERS_POLICY]: 'tls-1-2-fs-with-1-3', ...HTTPS_BY_CERT };
    expect(errors(check({ ...SHARED, ...policy })).map(show)).toEqual([
      `ingress-listeners ${K.TLS_CIPHERS_POLICY}: "tls-1-2-fs-with-1-3" is a security policy of dedicated load balancers only, not of elb.class "union"; allowed: tls-1-0, tls-1-1, tls-1-2 or tls-1-2-strict`,
    ]);
    expect(check({ [K.ID]: ELB_ID, ...policy }).map((f) => `${f.severity} ${f.rule} ${f.target}`)).toEqual([`warning ${ElbWarning.CLASS_NOT_STATED} ${K.TLS_CIPHERS_POLICY}`]);
    expect(check({ ...DEDICATED, ...policy })).toEqual([]);
  });

  test('GIVEN a TLS policy and a custom security policy THEN a warning on the TLS policy: the custom one wins (cce_10_0695 Table 4)', () => {
    expect(check({ ...DEDICATED, ...HTTPS_BY_CERT, [K.TLS_CIPHERS_POLICY]: 'tls-1-2', [K.SECURITY_POLICY_ID]: '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a091' }).map(show)).toEqual([
      `${ElbWarning.NO_EFFECT} ${K.TLS_CIPHERS_POLICY}: has no effect beside ${K.SECURITY_POLICY_ID}, which has the higher priority (cce_10_0695); allowed: one of them`,
    ]);
  });

  test('GIVEN elb.pool-protocol https on an Ingress with only HTTP listeners THEN exactly one finding, the error (CCE: "only https listener support https pool protocol")', () => {
    const found = check({ ...DEDICATED, [K.POOL_PROTOCOL]: 'https' });
    expect(found.map((f) => `${f.severity} ${f.rule} ${f.target}`)).toEqual([`error ingress-listeners ${K.POOL_PROTOCOL}`]);
    expect(found[0].message).toContain('needs an HTTPS listener ("the ingress protocol must be HTTPS", cce_10_0691)');
  });

  test('GIVEN elb.redirect-url-code without elb.redirect-url THEN a warning that it has no effect', () => {
    expect(check({ ...DEDICATED, [K.REDIRECT_URL_CODE]: '302' }).map((f) => `${f.severity} ${f.rule} ${f.target}`)).toEqual([`warning ${ElbWarning.NO_EFFECT} ${K.REDIRECT_URL_CODE}`]);
  });

  test('GIVEN a redirect to http:// THEN an error on an HTTPS-only Ingress (cce_10_0690), none with an HTTP listener too', () => {
    const redirect = { ...DEDICATED, ...HTTPS_BY_CERT, [K.REDIRECT_URL]: 'http://example.com/' };
    const found = errors(check(redirect));
    expect(found.map((f) => `${f.rule} ${f.target}`)).toEqual([`ingress-listeners ${K.REDIRECT_URL}`]);
    expect(found[0].message).toContain('"http://example.com/" redirects an HTTPS listener to HTTP, and CCE redirects HTTPS routes only to HTTPS (cce_10_0690)');
    expect(check({ ...redirect, [K.LISTEN_PORTS]: '[{"HTTP":80},{"HTTPS":443}]' })).toEqual([]);
    expect(check({ ...DEDICATED, [K.REDIRECT_URL]: 'http://example.com/' })).toEqual([]);
  });
});

describe('ingress-paths: match modes, path types, rewrites', () => {
  test('GIVEN a networking.k8s.io/v1 path without pathType THEN an error at the path (the API server requires it)', () => {
    const found = errors(check(SHARED, { paths: [path('/', 'web', 80, 'STARTS_WITH', null)] }));
    expect(found.map((f) => `${f.rule} ${f.target}`)).toEqual(['ingress-paths spec.rules[0].http.paths[0].pathType']);
    expect(found[0].message).toContain('is required in networking.k8s.io/v1');
  });

  test('GIVEN a url-match-mode CCE does not have THEN an error naming the modes', () => {
    expect(errors(check(SHARED, { paths: [path('/', 'web', 80, 'PREFIX')] })).map(show)).toEqual([
      `ingress-paths spec.rules[0].http.paths[0].property.${MATCH_MODE}: "PREFIX" is not allowed; allowed: EQUAL_TO, STARTS_WITH, REGEX (STARTS_WITH when left out)`,
    ]);
  });

  test('GIVEN a url-match-mode with pathType Prefix THEN a warning: CCE reads it only with ImplementationSpecific', () => {
    const found = check(SHARED, { paths: [path('/', 'web', 80, 'EQUAL_TO', 'Prefix')] });
    expect(found.map((f) => `${f.severity} ${f.rule} ${f.target}`)).toEqual([`warning ${ElbWarning.NO_EFFECT} spec.rules[0].http.paths[0].property.${MATCH_MODE}`]);
  });

  test('GIVEN each match mode with ImplementationSpecific, and Exact and Prefix paths without a property THEN nothing', () => {
    const paths = [path('/a', 'web', 80, 'EQUAL_TO'), path('/b', 'web', 80, 'STARTS_WITH'), path('/c/[0-9]+', 'web', 80, 'REGEX'), { path: '/d', pathType: 'Exact', backend: { service: { name: 'web', port: { number: 80 } } } }];
    expect(check(SHARED, { paths })).toEqual([]);
  });

  test('GIVEN a path whose backend names no Service (a resource backend) THEN an error', () => {
    const found = errors(check(SHARED, { paths: [{ path: '/', pathType: 'Prefix', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } } }] }));
    expect(found.map((f) => f.rule)).toEqual(['ingress-paths']);
    expect(found[0].target).toMatch(/^spec\.rules\[0\]\.http\.paths\[0\]\.backend/);
    expect(found[0].message).toContain('names no Service');
  });

  test('GIVEN elb.rewrite-target without a REGEX path THEN an error (cce_10_0770: "configure a path that matches a regular expression"); with one THEN nothing', () => {
    const rewrite = { ...DEDICATED, [K.REWRITE_TARGET]: '/$1/$2' };
    const found = errors(check(rewrite, { paths: [path('/first/', 'web', 80, 'STARTS_WITH')] }));
    expect(found.map((f) => `${f.rule} ${f.target}`)).toEqual([`ingress-paths ${K.REWRITE_TARGET}`]);
    expect(found[0].message).toContain('needs a path with ingress.beta.kubernetes.io/url-match-mode: REGEX');
    expect(check(rewrite, REGEX_PATH)).toEqual([]);
  });
});

describe('forwarding-policies: the per-backend annotations name a backend of the Ingress', () => {
  test('GIVEN elb.headers.<service> for a Service that no path of the Ingress has THEN a warning that it has no effect', () => {
    const found = check({ ...DEDICATED, [`${K.HEADERS_PREFIX}api`]: '{"key":"x-canary","values":["always"]}' });
    expect(found.map((f) => `${f.severity} ${f.rule} ${f.target}`)).toEqual([`warning ${ElbWarning.NO_EFFECT} ${K.HEADERS_PREFIX}api`]);
    expect(found[0].message).toContain('no path of this Ingress has it');
  });

  test('GIVEN elb.headers.<service> and elb.actions.<service> with a Service name of 52 characters THEN an error (at most 51)', () => {
    const name = `web-${'x'.repeat(48)}`;
    for (const key of [`${K.HEADERS_PREFIX}${name}`, `${K.ACTIONS_PREFIX}${name}`]) {
      const value = key.startsWith(K.HEADERS_PREFIX) ? '{"key":"x-canary","values":["always"]}' : '[]';
      const found = errors(check({ ...DEDICATED, [key]: value }, { paths: [path('/', name)] }));
      expect(found.map(show)).toEqual([`forwarding-policies ${key}: names Service "${name}" of 52 characters, and the Kubernetes API server refuses an annotation key whose name (after kubernetes.io/) is over 63 characters; allowed: a Service name of at most 51 characters`]);
    }
    const fits = `web-${'x'.repeat(47)}`;
    expect(check({ ...DEDICATED, [`${K.HEADERS_PREFIX}${fits}`]: '{"key":"x-canary","values":["always"]}' }, { paths: [path('/', fits)] })).toEqual([]);
  });

  test('GIVEN elb.conditions.<service> with a Service name of 49 characters THEN an error: "kubernetes.io/" aside, the key is then 64 characters, and the API server takes 63 (cce_10_0949 Table 3: at most 48)', () => {
    // Annotation keys are qualified names: the part after "kubernetes.io/" is at most 63 characters.
    // "elb.headers." and "elb.actions." leave 51 characters for the Service name, "elb.conditions." 48.
    const name = `web-${'x'.repeat(45)}`;
    const key = `${K.CONDITIONS_PREFIX}${name}`;
    expect(key.length - 'kubernetes.io/'.length).toBe(64);
    const found = errors(check({ ...DEDICATED, [key]: '[]' }, { paths: [path('/', name)] }));
    expect(found.map((f) => `${f.rule} ${f.target}`)).toEqual([`forwarding-policies ${key}`]);
    expect(found[0].message).toContain('at most 48 characters');
  });

  test('GIVEN elb.redirect-url and a ForwardPool action THEN an error on the action (cce_10_0949: not combined with a redirect)', () => {
    const forward = '[{"type":"ForwardPool","forwardConfig":[{"type":"service","serviceName":"web","servicePort":80,"weight":100}]}]';
    const found = errors(check({ ...DEDICATED, [K.REDIRECT_URL]: 'https://example.com/', [`${K.ACTIONS_PREFIX}web`]: forward }, { paths: [path('/', 'web', 'use-annotation')] }));
    expect(found.map(show)).toEqual([
      `forwarding-policies ${K.ACTIONS_PREFIX}web: forwards to a custom backend server group, which cannot be combined with ${K.REDIRECT_URL} (cce_10_0949); allowed: one of them`,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. The JSON grammars of headers, conditions and actions (forwarding-policies.ts)
// ---------------------------------------------------------------------------------------------

describe('elb.headers.<service>: {"key":…,"values":[…]} (cce_10_0896, cce_10_0695 Table 12)', () => {
  test.each([
    [{ key: 'key1', values: ['value1', 'value2'] }],
    [{ key: 'x_Canary-2', values: ['a*', 'b?c'] }],
    [{ key: 'x'.repeat(40), values: Array.from({ length: 9 }, (_, i) => `v${i}`) }],
    [{ key: 'Host', values: Array.from({ length: 8 }, (_, i) => `h${i}.example.com`) }],
    [{ key: 'k', values: ['v'.repeat(128)] }],
  ])('GIVEN %j THEN it is allowed', (value) => {
    expect(checkHeaderPolicy(value)).toBeUndefined();
  });

  test.each([
    [{ key: 'x'.repeat(41), values: ['a'] }, 'a header name of 1 to 40 letters'],
    [{ key: 'x-canary:', values: ['a'] }, 'a header name of 1 to 40 letters'],
    [{ values: ['a'] }, 'key undefined is not allowed'],
    [{ key: 'k', values: [] }, 'a list of 1 to 9'],
    [{ key: 'k', values: 'a' }, 'a list of 1 to 9'],
    [{ key: 'k', values: Array.from({ length: 10 }, (_, i) => `v${i}`) }, 'a list of 1 to 9'],
    [{ key: 'host', values: Array.from({ length: 9 }, (_, i) => `h${i}`) }, 'a list of 1 to 8'],
    [{ key: 'k', values: ['a b'] }, 'value "a b" is not allowed'],
    [{ key: 'k', values: ['a"b'] }, 'without spaces or double quotes'],
    [{ key: 'k', values: ['v'.repeat(129)] }, 'strings of 1 to 128 characters'],
    [{ key: 'k', values: [1] }, 'value 1 is not allowed'],
  ])('GIVEN %j THEN the problem says %s', (value, message) => {
    expect(checkHeaderPolicy(value as Record<string, unknown>)).toContain(message);
  });
});

describe('elb.conditions.<service>: Method, Header, Cookie, QueryString, SourceIp (cce_10_0949 Table 4)', () => {
  /** CCE's own example (cce_10_0949 lines 264-339): every condition type once. */
  const CCE_EXAMPLE = [
    { type: 'Method', methodConfig: { values: ['GET', 'POST'] } },
    { type: 'Header', headerConfig: { key: 'gray-hello', values: ['value1', 'value2'] } },
    { type: 'Cookie', cookieConfig: { values: [{ key: 'cookiekey1', value: 'cookievalue1' }, { key: 'cookiekey2', value: 'cookievalue2' }] } },
    { type: 'QueryString', queryStringConfig: { key: 'querykey', values: ['queryvalue'] } },
    { type: 'SourceIp', sourceIpConfig: { values: ['192.168.0.0/16', '172.16.0.0/16'] } },
  ];

  test('GIVEN CCE\'s own example, [] (which removes the conditions), two Header conditions and an IPv6 CIDR THEN they are allowed', () => {
    expect(checkConditions(CCE_EXAMPLE)).toBeUndefined();
    expect(checkConditions([])).toBeUndefined();
    expect(checkConditions([
      { type: 'Header', headerConfig: { key: 'a', values: ['1'] } },
      { type: 'Header', headerConfig: { key: 'b', values: ['2*'] } },
    ])).toBeUndefined();
    expect(checkConditions([{ type: 'SourceIp', sourceIpConfig: { values: ['2020:50::44/127'] } }])).toBeUndefined();
  });

  test.each([
    [[{ type: 'Path', pathConfig: {} }], 'condition 0 has type "Path"; allowed: Method, Header, Cookie, QueryString, SourceIp'],
    [[{ methodConfig: { values: ['GET'] } }], 'condition 0 has type undefined'],
    [[{ type: 'Method', methodConfig: { values: ['GET'] } }, { type: 'Method', methodConfig: { values: ['POST'] } }], 'condition 1: a Method condition is given more than once; allowed: one Method condition'],
    [[{ type: 'SourceIp', sourceIpConfig: { values: ['10.0.0.0/8'] } }, { type: 'SourceIp', sourceIpConfig: { values: ['192.168.0.0/16'] } }], 'a SourceIp condition is given more than once'],
    [[{ type: 'Method', values: ['GET'] }], 'condition 0 (Method) has no methodConfig object'],
    [[{ type: 'Method', methodConfig: { values: ['CONNECT'] } }], 'methodConfig.values has "CONNECT"; allowed: a list of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS'],
    [[{ type: 'Method', methodConfig: { values: [] } }], 'methodConfig.values has []'],
    [[{ type: 'Header', headerConfig: { key: 'gray hello', values: ['v'] } }], 'headerConfig.key "gray hello" is not allowed'],
    [[{ type: 'Cookie', cookieConfig: { values: [{ key: 'k' }] } }], 'cookieConfig.values has {"key":"k"}'],
    [[{ type: 'Cookie', cookieConfig: { values: [] } }], 'cookieConfig.values [] is not allowed'],
    [[{ type: 'QueryString', queryStringConfig: { values: ['v'] } }], 'queryStringConfig.key undefined is not allowed'],
    [[{ type: 'SourceIp', sourceIpConfig: { values: ['192.168.0.10'] } }], 'value "192.168.0.10" is not allowed; allowed: IPv4 or IPv6 CIDR blocks'],
  ])('GIVEN %j THEN the problem says %s', (conditions, message) => {
    expect(checkConditions(conditions as Array<Record<string, unknown>>)).toContain(message);
  });

  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('GIVEN a condition of type %j (a name every object has) THEN it is an unknown type, not a crash', (type) => {
    expect(() => checkConditions([{ type, undefined: {} }])).not.toThrow();
    expect(checkConditions([{ type, undefined: {} }])).toContain(`condition 0 has type "${type}"; allowed: Method, Header, Cookie, QueryString, SourceIp`);
  });

  test('GIVEN a Method condition through the linter path THEN the error is at the annotation, under annotation-value', () => {
    const found = errors(check({ ...DEDICATED, [`${K.CONDITIONS_PREFIX}web`]: '[{"type":"Method","methodConfig":{"values":"GET"}}]' }));
    expect(found.map(show)).toEqual([
      `annotation-value ${K.CONDITIONS_PREFIX}web: condition 0 (Method): methodConfig.values has "GET"; allowed: a list of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS`,
    ]);
  });
});

describe('elb.actions.<service>: FixedResponse, TrafficLimit, ForwardPool, InsertHeader, RemoveHeader (cce_10_0949)', () => {
  /** CCE's combined example (cce_10_0949 lines 956-1013): "TrafficLimItConfig" with a lowercase "qps". */
  const TEST2 = [
    { type: 'FixedResponse', fixedResponseConfig: { contentType: 'text/plain', statusCode: '503', messageBody: '503 error text' } },
    { type: 'TrafficLimit', TrafficLimItConfig: { perSourceIpQps: 3, qps: 67 } },
  ];
  const TEST3 = [
    { type: 'InsertHeader', InsertHeaderConfig: { key: 'aa', value_type: 'USER_DEFINED', value: 'aa' } },
    { type: 'ForwardPool', forwardConfig: [{ serviceName: 'test', servicePort: 80, weight: 90, type: 'service' }, { serviceName: 'test2', servicePort: 80, weight: 10, type: 'service' }] },
    { type: 'TrafficLimit', TrafficLimItConfig: { perSourceIpQps: 3, qps: 67 } },
  ];

  test('GIVEN CCE\'s combined example ("TrafficLimItConfig", lowercase "qps") THEN it is NOT an error', () => {
    expect(checkActions(TEST2)).toBeUndefined();
    expect(checkActions(TEST3)).toBeUndefined();
    expect(checkActions([{ type: 'InsertHeader', InsertHeaderConfig: { key: 'aa', value_type: 'USER_DEFINED', value: 'aa' } }, { type: 'RemoveHeader', RemoveHeaderConfig: { key: 'dd' } }])).toBeUndefined();
  });

  test('GIVEN the combined example through the rules of an Ingress of a recent cluster THEN no error', () => {
    const annotations = {
      ...DEDICATED,
      [`${K.ACTIONS_PREFIX}test2`]: JSON.stringify(TEST2),
      [`${K.ACTIONS_PREFIX}test3`]: JSON.stringify(TEST3),
    };
    const paths = [path('/path2', 'test2'), path('/path3', 'test3', 'use-annotation')];
    expect(errors(check(annotations, { paths }, cluster({ version: 'v1.31.4-r0' }))).map(show)).toEqual([]);
  });

  test.each([
    [[{ type: 'TrafficLimit', trafficLimitConfig: { QPS: 100 } }]],
    [[{ type: 'TrafficLimit', trafficLimitConfig: { QPS: '4', perSourceIpQps: '2', burst: '10' } }]],
    [[{ type: 'TrafficLimit', trafficLimitConfig: { QPS: 0 } }]],
    [[{ type: 'FixedResponse', fixedResponseConfig: { contentType: 'application/json', statusCode: '429', messageBody: '' } }]],
    [[{ type: 'ForwardPool', forwardConfig: [{ type: 'pool', poolID: 'a1b2c3', weight: 0 }] }]],
    [[]],
  ])('GIVEN %j THEN it is allowed', (actions) => {
    expect(checkActions(actions as Array<Record<string, unknown>>)).toBeUndefined();
  });

  test.each([
    [[{ type: 'Redirect' }], 'action 0 has type "Redirect"; allowed: FixedResponse, TrafficLimit, ForwardPool, InsertHeader, RemoveHeader'],
    [[{ type: 'FixedResponse', fixedResponseConfig: { contentType: 'application/xml', statusCode: '503' } }], 'fixedResponseConfig.contentType "application/xml" is not allowed'],
    [[{ type: 'FixedResponse', fixedResponseConfig: { contentType: 'text/plain', statusCode: '302' } }], 'fixedResponseConfig.statusCode "302" is not allowed; allowed: a 2xx, 4xx or 5xx status code'],
    [[{ type: 'FixedResponse', fixedResponseConfig: { contentType: 'text/plain', statusCode: '503', messageBody: 'x'.repeat(1025) } }], 'a string of 0 to 1024 characters'],
    [[{ type: 'FixedResponse' }], 'action 0 (FixedResponse) has no fixedResponseConfig'],
    [[{ type: 'TrafficLimit', trafficLimitConfig: { QPS: 100001 } }], 'trafficLimitConfig.QPS 100001 is not allowed; allowed: a whole number from 0 to 100000'],
    [[{ type: 'TrafficLimit', TrafficLimItConfig: { qps: 200000 } }], 'trafficLimitConfig.QPS 200000 is not allowed'],
    [[{ type: 'TrafficLimit', trafficLimitConfig: { QPS: 10, perSourceIpQps: 10 } }], 'trafficLimitConfig.perSourceIpQps 10 is not smaller than QPS 10'],
    [[{ type: 'TrafficLimit', trafficLimitConfig: { QPS: 10, burst: -1 } }], 'trafficLimitConfig.burst -1 is not allowed'],
    [[{ type: 'TrafficLimit', trafficLimitConfig: { QPS: 1 } }, { type: 'TrafficLimit', trafficLimitConfig: { QPS: 2 } }], 'action 1: a TrafficLimit action is given more than once'],
    [[{ type: 'ForwardPool', forwardConfig: Array.from({ length: 6 }, (_, i) => ({ type: 'pool', poolID: `p${i}` })) }], 'forwardConfig has 6 targets; allowed: 1 to 5'],
    [[{ type: 'ForwardPool', forwardConfig: [{ type: 'service', serviceName: 'web' }] }], 'needs serviceName and servicePort'],
    [[{ type: 'ForwardPool', forwardConfig: [{ type: 'pool' }] }], 'needs poolID'],
    [[{ type: 'ForwardPool', forwardConfig: [{ type: 'ecs', id: 'x' }] }], 'forwardConfig target type "ecs" is not allowed'],
    [[{ type: 'ForwardPool', forwardConfig: [{ type: 'service', serviceName: 'web', servicePort: 80, weight: 101 }] }], 'forwardConfig weight 101 is not allowed; allowed: a whole number from 0 to 100'],
    [[{ type: 'ForwardPool', forwardConfig: [{ type: 'pool', poolID: 'p' }] }, { type: 'FixedResponse', fixedResponseConfig: { contentType: 'text/plain', statusCode: '503' } }], 'combines ForwardPool and FixedResponse'],
  ])('GIVEN %j THEN the problem says %s', (actions, message) => {
    expect(checkActions(actions as Array<Record<string, unknown>>)).toContain(message);
  });

  test.each(['constructor', 'toString', '__proto__', 'valueOf'])('GIVEN an action of type %j (a name every object has) THEN it is an unknown type, not a crash', (type) => {
    expect(() => checkActions([{ type }])).not.toThrow();
    expect(checkActions([{ type }])).toContain(`action 0 has type "${type}"; allowed: FixedResponse, TrafficLimit, ForwardPool, InsertHeader, RemoveHeader`);
  });

  test('GIVEN an action of type "constructor" in an Ingress THEN checking it reports an error and does not throw (the linter must not crash on one manifest)', () => {
    let found: Finding[] = [];
    expect(() => (found = check({ ...DEDICATED, [`${K.ACTIONS_PREFIX}web`]: '[{"type":"constructor"}]' }))).not.toThrow();
    expect(errors(found).map((f) => `${f.rule} ${f.target}`)).toEqual([`annotation-value ${K.ACTIONS_PREFIX}web`]);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. The backends of an Ingress (ingress-backend-rules.ts, cce_10_0094 Table 2)
// ---------------------------------------------------------------------------------------------

describe('ingress-backends: the backend Service has the port, and a type the cluster and load balancer reach', () => {
  /** A backend Service of `type` with one port 80 named http (namespace default). */
  const svc = (name: string, type?: string, namespace?: string): BackendService => ({ namespace, name, type, ports: [{ name: 'http', port: 80 }] });

  function backendFindings(
    annotations: Record<string, string>, services: BackendService[], options: IngressOptions = {}, info: ClusterInfo = {}, warnMissing = false,
  ): string[] {
    const checks = new IngressBackendChecks<string>();
    for (const s of services) checks.addService(s);
    checks.addIngress({ ref: 'shop', view: decodeIngress(ingress(annotations, options), info).view, warnMissing });
    return checks.findings().map(({ ref, finding }) => `${ref}: ${finding.severity} ${show(finding)}`);
  }

  test('GIVEN NodePort and LoadBalancer backends, by port number and by port name THEN nothing, on any cluster and class', () => {
    const paths = [path('/a', 'web', 80), path('/b', 'api', 'http')];
    for (const annotations of [SHARED, DEDICATED]) {
      expect(backendFindings(annotations, [svc('web', 'NodePort'), svc('api', 'LoadBalancer')], { paths }, cluster({ flavor: 'standard' }))).toEqual([]);
    }
  });

  test('GIVEN a port the Service does not have THEN an error at the backend port, listing the Service\'s ports', () => {
    expect(backendFindings(SHARED, [svc('web', 'NodePort')], { paths: [path('/', 'web', 8080)] })).toEqual([
      'shop: error ingress-backends spec.rules[0].http.paths[0].backend.service.port: 8080 is not a port of Service "web", so the load balancer has no backend for this path; allowed: a port of the Service (80)',
    ]);
    expect(backendFindings(SHARED, [svc('web', 'NodePort')], { paths: [path('/', 'web', 'https')] })[0]).toContain('"https" is not a port name of Service "web"');
  });

  test('GIVEN port name use-annotation (a ForwardPool action, cce_10_0949) THEN the port is not checked', () => {
    expect(backendFindings(DEDICATED, [svc('web', 'NodePort')], { paths: [path('/', 'web', 'use-annotation')] })).toEqual([]);
  });

  test('GIVEN a ClusterIP backend THEN an error with a shared load balancer or on a standard cluster; nothing on Turbo with a dedicated one; a warning without a class', () => {
    const clusterIp = [svc('web')];
    expect(backendFindings(SHARED, clusterIp, {}, cluster({ flavor: 'turbo' }))).toEqual([
      'shop: error ingress-backends spec.rules[0].http.paths[0].backend.service.name: Service "web" is of type ClusterIP, which a LoadBalancer Ingress reaches only on a CCE Turbo cluster with a dedicated load balancer (ELB forwards to the pods directly), and this Ingress\'s load balancer is shared (elb.class "union"); allowed: a NodePort Service, or a dedicated load balancer on a CCE Turbo cluster',
    ]);
    const standard = backendFindings(DEDICATED, clusterIp, {}, cluster({ flavor: 'standard' }));
    expect(standard).toHaveLength(1);
    expect(standard[0]).toContain('and the cluster profile says a CCE standard cluster');
    expect(backendFindings(DEDICATED, clusterIp, {}, cluster({ flavor: 'turbo' }))).toEqual([]);
    // Turbo + dedicated is the only ClusterIP case, and the flavor may be unknown: no error then
    expect(backendFindings(DEDICATED, clusterIp)).toEqual([]);
    expect(backendFindings({ [K.ID]: ELB_ID }, clusterIp, {}, cluster({ flavor: 'turbo' }))).toEqual([
      expect.stringMatching(new RegExp(`^shop: warning ${ElbWarning.CLASS_NOT_STATED} spec\\.rules\\[0\\]\\.http\\.paths\\[0\\]\\.backend\\.service\\.name: Service "web" is of type ClusterIP`)),
    ]);
  });

  test('GIVEN a backend Service that was not added THEN a warning only where the App should hold it (warnMissing), never an error', () => {
    expect(backendFindings(SHARED, [], {}, {}, true)).toEqual([
      expect.stringMatching(new RegExp(`^shop: warning ${ElbWarning.BACKEND_NOT_FOUND} spec\\.rules\\[0\\]\\.http\\.paths\\[0\\]\\.backend\\.service\\.name: names Service "web", which this App does not hold in namespace "default"`)),
    ]);
    expect(backendFindings(SHARED, [], {}, {}, false)).toEqual([]);
  });

  test('GIVEN the Service in another namespace THEN it is not the backend (Ingress backends are in the Ingress\'s namespace)', () => {
    expect(backendFindings(SHARED, [svc('web', 'ClusterIP', 'other'), svc('web', 'NodePort', 'shop')], { namespace: 'shop' })).toEqual([]);
    expect(backendFindings(SHARED, [svc('web', 'NodePort', 'other')], { namespace: 'shop' }, {}, true)[0]).toContain(`warning ${ElbWarning.BACKEND_NOT_FOUND}`);
  });

  test('GIVEN the same backend on several paths THEN one finding', () => {
    expect(backendFindings(SHARED, [svc('web')], { paths: [path('/a'), path('/b'), path('/c')] })).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Across objects: Ingresses and Services on one load balancer (shared-elb-rules.ts)
// ---------------------------------------------------------------------------------------------

describe('shared-elb: Ingresses and Services on the listeners of one load balancer', () => {
  type Member = { kind: 'Service'; name: string; annotations: Record<string, string>; ports?: unknown[] } | { kind: 'Ingress'; name: string; annotations: Record<string, string>; options?: IngressOptions };
  const svc = (name: string, annotations: Record<string, string>, ports: unknown[] = [{ port: 80 }]): Member => ({ kind: 'Service', name, annotations, ports });
  const ing = (name: string, annotations: Record<string, string>, options?: IngressOptions): Member => ({ kind: 'Ingress', name, annotations, options });

  /** Each finding as `<name>: <severity> <rule> <subject>: <message>`, in the order the members were added. */
  function run(members: Member[]): string[] {
    const checks = new SharedElbChecks<string>();
    for (const m of members) {
      const resource = `${m.kind}/default/${m.name} (${m.name}.yaml:1)`;
      if (m.kind === 'Service') {
        const { view } = decodeService({ metadata: { annotations: m.annotations }, spec: { type: 'LoadBalancer', ports: m.ports, selector: { app: m.name } } });
        checks.addService({ ref: m.name, resource, view });
      } else {
        checks.addIngress({ ref: m.name, resource, view: decodeIngress(ingress(m.annotations, { name: m.name, ...m.options })).view });
      }
    }
    return checks.findings().map(({ ref, finding }) => `${ref}: ${finding.severity} ${finding.rule} ${finding.subject}: ${finding.message}`);
  }

  const HTTP_80 = { ...DEDICATED, [K.PORT]: '80' };

  test('GIVEN an Ingress on the listener of an HTTP Service THEN an error on the Ingress naming the Service, quoting CCE', () => {
    expect(run([svc('api', { ...DEDICATED, [K.PROTOCOL_PORT]: 'http:80' }), ing('web', HTTP_80)])).toEqual([
      `web: error shared-elb listener (${K.PORT}): listener HTTP:80 of load balancer "${ELB_ID}" is already used by Service/default/api (api.yaml:1); an Ingress and a Service cannot use one listener (CCE: "Do not connect an ingress and an HTTP/HTTPS Service to the same listener"); allowed: another port`,
    ]);
  });

  test('GIVEN the Service added after the Ingress THEN the error is the Service\'s, naming the Ingress', () => {
    const found = run([ing('web', HTTP_80), svc('api', { ...DEDICATED, [K.PROTOCOL_PORT]: 'http:80' })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^api: error shared-elb ports\[0\]\.port \(spec\.ports\[0\]\.port\): listener HTTP:80 of load balancer ".*" is already used by Ingress\/default\/web \(web\.yaml:1\); an Ingress and a Service cannot use one listener/);
  });

  test('GIVEN an Ingress on the port of a TCP Service THEN an error (one port, one listener, except UDP); on the port of a UDP Service THEN nothing', () => {
    const tcp = run([svc('mqtt', DEDICATED), ing('web', HTTP_80)]);
    expect(tcp).toHaveLength(1);
    expect(tcp[0]).toContain('listener HTTP:80 of load balancer');
    expect(tcp[0]).toContain('takes port 80, which Service/default/mqtt (mqtt.yaml:1) uses for its TCP:80 listener');
    expect(run([svc('dns', DEDICATED, [{ port: 80, protocol: 'UDP' }]), ing('web', HTTP_80)])).toEqual([]);
  });

  test('GIVEN Ingresses on one listener with different listener settings THEN a warning on the later one naming the earlier, and which others differ', () => {
    const found = run([
      ing('first', { ...HTTP_80, [K.CLIENT_TIMEOUT]: '60', [K.ACL_ID]: OTHER_ID, [K.ACL_STATUS]: 'on', [K.ACL_TYPE]: 'white' }),
      ing('second', { ...HTTP_80, [K.CLIENT_TIMEOUT]: '300' }),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^second: warning ${ElbWarning.LISTENER_SETTINGS_DIFFER} `));
    expect(found[0]).toContain('differs from Ingress/default/first (first.yaml:1)');
    expect(found[0]).toContain(`which shares listener HTTP:80 of load balancer "${ELB_ID}" (so do elb.acl-status, elb.acl-type, elb.client_timeout)`);
    expect(found[0]).toContain('CCE applies the listener settings of the Ingress created first');
  });

  test('GIVEN Ingresses on one listener with the same settings, or differing only in forwarding settings and SNI certificates THEN nothing', () => {
    expect(run([ing('a', { ...HTTP_80, [K.CLIENT_TIMEOUT]: '60' }), ing('b', { ...HTTP_80, [K.CLIENT_TIMEOUT]: '60', [K.SLOWSTART]: '30' })])).toEqual([]);
    const https = { ...DEDICATED, [K.PORT]: '443' };
    expect(run([
      ing('a', { ...https, [K.TLS_CERTIFICATE_IDS]: `${CERT},${SNI_CERT}` }),
      ing('b', { ...https, [K.TLS_CERTIFICATE_IDS]: `${CERT},1f2e3d4c5b6a49788796a5b4c3d2e1f0` }),
    ])).toEqual([]);
  });

  test('GIVEN Ingresses on one HTTPS listener with different server certificates THEN a warning naming the certificate setting', () => {
    const https = { ...DEDICATED, [K.PORT]: '443' };
    const found = run([ing('a', { ...https, [K.TLS_CERTIFICATE_IDS]: CERT }), ing('b', { ...https, [K.TLS_CERTIFICATE_IDS]: SNI_CERT })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`b: warning ${ElbWarning.LISTENER_SETTINGS_DIFFER} listener (${K.TLS_CERTIFICATE_IDS}): "${SNI_CERT}" differs from Ingress/default/a (a.yaml:1) ("${CERT}")`);
  });

  test('GIVEN HTTPS-only settings that differ on an HTTP listener (where they have no effect) THEN no listener warning', () => {
    expect(run([ing('a', { ...HTTP_80, [K.HTTP2_ENABLE]: 'true' }), ing('b', { ...HTTP_80, [K.HTTP2_ENABLE]: 'false' })])).toEqual([]);
  });

  test('GIVEN listen-ports HTTP:80 and HTTPS:443, and another Ingress on 443 with another server certificate THEN they share the HTTPS listener', () => {
    const found = run([
      ing('both', { ...DEDICATED, [K.LISTEN_PORTS]: '[{"HTTP":80},{"HTTPS":443}]', [K.TLS_CERTIFICATE_IDS]: CERT }),
      ing('tls', { ...DEDICATED, [K.PORT]: '443', [K.TLS_CERTIFICATE_IDS]: SNI_CERT }),
    ]);
    expect(found.map((f) => f.split(':')[0] + f.split(' ').slice(1, 3).join(' '))).toEqual([`tlswarning ${ElbWarning.LISTENER_SETTINGS_DIFFER}`]);
    expect(found[0]).toContain('which shares listener HTTPS:443');
  });

  test('GIVEN two Ingresses with the same elb.ingress-order on one listener THEN an error on the later naming the earlier (unique per listener, cce_10_0939)', () => {
    expect(run([ing('a', { ...HTTP_80, [K.INGRESS_ORDER]: '10' }), ing('b', { ...HTTP_80, [K.INGRESS_ORDER]: '10' })])).toEqual([
      `b: error shared-elb order (${K.INGRESS_ORDER}): "10" is already the order of Ingress/default/a (a.yaml:1) on listener HTTP:80 of load balancer "${ELB_ID}"; allowed: an order no other Ingress of this listener has (unique per listener, cce_10_0939)`,
    ]);
  });

  test('GIVEN three Ingresses where the third repeats the order of the first, with one without an order between THEN the third names the first', () => {
    const found = run([ing('a', { ...HTTP_80, [K.INGRESS_ORDER]: '1' }), ing('b', HTTP_80), ing('c', { ...HTTP_80, [K.INGRESS_ORDER]: '1' })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^c: error shared-elb .*"1" is already the order of Ingress\/default\/a /);
  });

  test('GIVEN the same order and different settings on different ports, or on different load balancers THEN nothing', () => {
    const order = { [K.INGRESS_ORDER]: '10' };
    expect(run([ing('a', { ...HTTP_80, ...order, [K.CLIENT_TIMEOUT]: '30' }), ing('b', { ...DEDICATED, [K.PORT]: '8080', ...order, [K.CLIENT_TIMEOUT]: '90' })])).toEqual([]);
    expect(run([ing('a', { ...HTTP_80, ...order, [K.CLIENT_TIMEOUT]: '30' }), ing('b', { ...HTTP_80, [K.ID]: OTHER_ID, ...order, [K.CLIENT_TIMEOUT]: '90' })])).toEqual([]);
  });

  test('GIVEN Ingresses whose load balancer CCE creates THEN they share nothing with anyone', () => {
    const auto = { [K.CLASS]: 'union', [K.AUTOCREATE]: PUBLIC_SHARED, [K.INGRESS_ORDER]: '10' };
    expect(run([ing('a', auto), ing('b', auto), svc('c', { [K.CLASS]: 'union', [K.AUTOCREATE]: PUBLIC_SHARED })])).toEqual([]);
  });

  test('GIVEN an Ingress that states another class than a Service of the same load balancer THEN an error (one class per load balancer)', () => {
    const found = run([svc('api', { ...SHARED }, [{ port: 9000 }]), ing('web', HTTP_80)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^web: error shared-elb loadBalancer \(kubernetes\.io\/elb\.class\): is "performance", but Service\/default\/api \(api\.yaml:1\), on the same load balancer .*, says "union"/);
  });

  describe('linear in the number of Ingresses (counts, not time)', () => {
    const N = 2_000;

    test(`GIVEN ${N} Ingresses on one listener, each with its own order or none, and the same settings THEN nothing`, () => {
      const members = Array.from({ length: N }, (_, i) => ing(`i${i}`, { ...HTTP_80, [K.CLIENT_TIMEOUT]: '60', ...(i < 1000 ? { [K.INGRESS_ORDER]: String(i + 1) } : {}) }));
      expect(run(members)).toEqual([]);
    });

    test(`GIVEN ${N} Ingresses on one listener where orders repeat after 1000, and every second one has another timeout THEN 1000 errors and 1000 warnings, each naming the right earlier Ingress`, () => {
      const members = Array.from({ length: N }, (_, i) => ing(`i${i}`, { ...HTTP_80, [K.INGRESS_ORDER]: String((i % 1000) + 1), [K.CLIENT_TIMEOUT]: i % 2 === 0 ? '60' : '61' }));
      const found = run(members);
      const orderErrors = found.filter((f) => f.includes(' error shared-elb '));
      const settingWarnings = found.filter((f) => f.includes(` warning ${ElbWarning.LISTENER_SETTINGS_DIFFER} `));
      expect(orderErrors).toHaveLength(1000);
      expect(settingWarnings).toHaveLength(1000);
      expect(found).toHaveLength(2000);
      expect(orderErrors[0]).toMatch(/^i1000: error .*"1" is already the order of Ingress\/default\/i0 /);
      expect(orderErrors[999]).toMatch(/^i1999: error .*"1000" is already the order of Ingress\/default\/i999 /);
      // The warning names the first Ingress of the listener, whose settings apply
      expect(settingWarnings.every((f) => f.includes('differs from Ingress/default/i0 (i0.yaml:1)'))).toBe(true);
    });

    test(`GIVEN ${N} Ingresses each on its own port of one load balancer, with different settings and one order THEN nothing`, () => {
      const members = Array.from({ length: N }, (_, i) => ing(`i${i}`, { ...DEDICATED, [K.PORT]: String(10_000 + i), [K.INGRESS_ORDER]: '5', [K.CLIENT_TIMEOUT]: String((i % 300) + 1) }));
      expect(run(members)).toEqual([]);
    });
  });
});

describe('hosts, classes and positions (from the new-user review)', () => {
  test.each([
    ['10.1.2.3', 'is an IP address, and the Kubernetes API server refuses one'],
    ['https://Shop.Example.com/', 'is not allowed (the Kubernetes API server refuses it)'],
    ['shop.example.com:443', 'is not allowed (the Kubernetes API server refuses it)'],
  ])('GIVEN the host %s THEN an error at the rule\'s host', (host, message) => {
    const found = errors(checkIngressManifest({ ...ingress(SHARED), spec: { ingressClassName: 'cce', rules: [{ host, http: { paths: [path('/')] } }] } }));
    expect(found.map((f) => `${f.rule} ${f.target}`)).toEqual(['ingress-paths spec.rules[0].host']);
    expect(found[0].message).toContain(message);
  });

  test.each(['shop.example.com', '*.example.com', ''])('GIVEN the host "%s" THEN no finding', (host) => {
    expect(checkIngressManifest({ ...ingress(SHARED), spec: { ingressClassName: 'cce', rules: [{ host, http: { paths: [path('/')] } }] } })).toEqual([]);
  });

  test('GIVEN an Ingress without a class, or of another class, with elb.* annotations THEN the linter warns once (and checks nothing else)', () => {
    const text = (cls: string) => [
      'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', '  annotations:',
      '    kubernetes.io/elb.id: 5083f225-9bf8-48fa-9c8b-67bd9693c4c0', '    kubernetes.io/elb.port: "80"', 'spec:', cls,
      '  rules:', '  - http:', '      paths:', '      - path: /', '        pathType: Prefix', '        backend:', '          service:', '            name: web', '            port:', '              number: 80',
    ].join('\n');
    const none = lintText(text(''), 'none.yaml');
    expect(none.findings.map((f) => `${f.severity} ${f.rule} ${f.key} line ${f.line}`)).toEqual(['warning no-effect kubernetes.io/elb.id line 6']);
    expect(none.findings[0].message).toContain('(and 1 other annotation) has no effect unless the Ingress is of class cce, and this one names no class');
    const nginx = lintText(text('  ingressClassName: nginx'), 'nginx.yaml');
    expect(nginx.findings.map((f) => `${f.severity} ${f.rule} ${f.key}`)).toEqual(['warning no-effect kubernetes.io/elb.id']);
    expect(nginx.findings[0].message).toContain('and this one is of class "nginx"');
    expect(nginx.ingresses).toBe(0);
  });

  test('GIVEN a v1beta1 backend with a port its Service lacks THEN the finding is at servicePort', () => {
    const text = [
      'apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  type: NodePort', '  selector: {app: web}', '  ports: [{port: 80}]', '---',
      'apiVersion: networking.k8s.io/v1beta1', 'kind: Ingress', 'metadata:', '  name: legacy', '  annotations:', '    kubernetes.io/ingress.class: cce',
      '    kubernetes.io/elb.id: 5083f225-9bf8-48fa-9c8b-67bd9693c4c0', '    kubernetes.io/elb.class: union', 'spec:', '  rules:', '  - http:', '      paths:', '      - path: /',
      '        backend:', '          serviceName: web', '          servicePort: 81',
    ].join('\n');
    const found = lintText(text, 'legacy.yaml').findings;
    expect(found.map((f) => `${f.severity} ${f.key} line ${f.line}`)).toEqual(['error spec.rules[0].http.paths[0].backend.servicePort line 25']);
    expect(found[0].message).toBe('81 is not a port of Service "web", so the load balancer has no backend for this path; allowed: a port of the Service (80)');
  });

  test('GIVEN a port name and a Service whose ports have no names THEN the message says so', () => {
    const checks = new IngressBackendChecks<string>();
    checks.addService({ name: 'web', type: 'NodePort', ports: [{ port: 80 }] });
    const { view } = decodeIngress(ingress(SHARED, { paths: [path('/', 'web', 'http')] }));
    checks.addIngress({ ref: 'shop', view, warnMissing: true });
    expect(checks.findings().map(({ finding }) => finding.message)).toEqual([
      '"http" is not a port name of Service "web", so the load balancer has no backend for this path; allowed: a port number (the Service\'s ports have no names), or name the port',
    ]);
  });
});

describe('manifests kubectl refuses, and comparisons as decoded (from the hostile review)', () => {
  test('GIVEN v1 with the v1beta1 backend fields THEN an error at them', () => {
    const found = errors(check(SHARED, { paths: [{ path: '/', pathType: 'Prefix', backend: { serviceName: 'web', servicePort: 80 } }] }));
    expect(found.map((f) => `${f.rule} ${f.target}`)).toContain('ingress-paths spec.rules[0].http.paths[0].backend.serviceName');
  });

  test('GIVEN a pathType Kubernetes does not have, a port out of range and an empty path list THEN an error each; a misspelt property key THEN a warning', () => {
    const found = checkIngressManifest({
      ...ingress(SHARED),
      spec: {
        ingressClassName: 'cce',
        rules: [
          { host: 'a.example.com', http: { paths: [{ ...path('/'), pathType: 'prefix' }, path('/x', 'web', 70000), { ...path('/y'), property: { 'ingress.beta.kubernetes.io/url_match_mode': 'REGEX' } }] } },
          { host: 'b.example.com', http: { paths: [] } },
        ],
      },
    });
    expect(found.map((f) => `${f.severity} ${f.target}`)).toEqual([
      'error spec.rules[1].http.paths',
      'error spec.rules[0].http.paths[0].pathType',
      'error spec.rules[0].http.paths[1].backend.service.port',
      'warning spec.rules[0].http.paths[2].property',
    ]);
  });

  test('GIVEN port use-annotation without a ForwardPool action, or a ForwardPool with a port number THEN an error at the port', () => {
    const pool = '[{"type":"ForwardPool","forwardConfig":[{"type":"pool","poolID":"p1","weight":100}]}]';
    expect(errors(check(DEDICATED, { paths: [path('/', 'web', 'use-annotation')] })).map((f) => f.target)).toEqual(['spec.rules[0].http.paths[0].backend.service.port']);
    const numbered = errors(check({ ...DEDICATED, [`${K.ACTIONS_PREFIX}web`]: pool }, { paths: [path('/', 'web', 80)] }));
    expect(numbered.map((f) => f.message)).toEqual([expect.stringContaining('needs the port written as name "use-annotation"')]);
    expect(check({ ...DEDICATED, [`${K.ACTIONS_PREFIX}web`]: pool }, { paths: [path('/', 'web', 'use-annotation')] })).toEqual([]);
  });

  test('GIVEN ingress-order "5" and "05" on one listener THEN they are the same order (an error); timeouts "60" and "060" THEN the same setting', () => {
    const checks = new SharedElbChecks<string>();
    const add = (name: string, annotations: Record<string, string>) =>
      checks.addIngress({ ref: name, resource: name, view: decodeIngress(ingress({ ...DEDICATED, ...annotations }, { name })).view });
    add('a', { [K.INGRESS_ORDER]: '5', [K.CLIENT_TIMEOUT]: '60' });
    add('b', { [K.INGRESS_ORDER]: '05', [K.CLIENT_TIMEOUT]: '060' });
    expect(checks.findings().map(({ ref, finding }) => `${ref} ${finding.severity} ${finding.target}`)).toEqual([`b error ${K.INGRESS_ORDER}`]);
  });
});
