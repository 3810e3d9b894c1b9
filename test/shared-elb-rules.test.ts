import { ElbWarning } from '../src';
import { ELB_ID } from './support/check';
import { ClusterInfo } from '../src/cluster/cluster-info';
import { formatFinding } from '../src/rules/finding';
import { decodeIngress } from '../src/rules/ingress-view';
import { decodeService } from '../src/rules/service-view';
import { SharedElbChecks, SharedElbService } from '../src/rules/shared-elb-rules';

const OTHER_ID = '6083f225-9bf8-48fa-9c8b-67bd9693c4c0';
const ID = 'kubernetes.io/elb.id';
const IP = 'kubernetes.io/elb.ip';
const CLASS = 'kubernetes.io/elb.class';
const PASS_THROUGH = 'kubernetes.io/elb.pass-through';
const PROTOCOL_PORT = 'kubernetes.io/elb.protocol-port';
const IPVS: ClusterInfo = { proxyMode: 'ipvs' };
const IPTABLES: ClusterInfo = { proxyMode: 'iptables' };

/** A Service named `name` (also its ref) with these annotations, ports (default: TCP 80) and cluster. */
function service(
  name: string,
  annotations: Record<string, string>,
  ports: unknown[] = [{ port: 80 }],
  cluster: ClusterInfo = {},
): SharedElbService<string> {
  const { view } = decodeService({ metadata: { annotations }, spec: { type: 'LoadBalancer', ports, selector: { app: 'x' } } }, cluster);
  return { ref: name, resource: `Service/default/${name} (${name}.yaml:1)`, view };
}

/**
 * A LoadBalancer Ingress named `name` (also its ref) with these annotations, decoded as the linter
 * and the App checks decode it. Its listener is HTTP:8080 unless the annotations say otherwise, so
 * that it does not take port 80 of the Services below (an Ingress and a Service on one port of a
 * load balancer is an error of its own, see test/ingress-rules.test.ts).
 */
function ingressOf(name: string, annotations: Record<string, unknown>) {
  const { view } = decodeIngress({ apiVersion: 'networking.k8s.io/v1', metadata: { name, annotations: { 'kubernetes.io/elb.port': '8080', ...annotations } }, spec: { ingressClassName: 'cce' } });
  return { ref: name, resource: `Ingress/default/${name} (${name}.yaml:1)`, view };
}

/** Runs the checks over the Services and Ingresses; each finding as `<ref>: [warning: ]<subject>: <message>`. */
function run(services: Array<SharedElbService<string>>, ingresses: Array<{ name: string; annotations: Record<string, unknown> }> = []): string[] {
  const checks = new SharedElbChecks<string>();
  for (const s of services) checks.addService(s);
  for (const i of ingresses) checks.addIngress(ingressOf(i.name, i.annotations));
  return checks.findings().map(({ ref, finding }) => `${ref}: ${finding.severity === 'warning' ? 'warning: ' : ''}${formatFinding(finding)}`);
}

describe('rule 1: one listener per protocol and port', () => {
  test('GIVEN two Services on one ELB with the same TCP port WHEN checked THEN the later one is named, with the earlier', () => {
    // GIVEN
    const checks = new SharedElbChecks<string>();
    checks.addService(service('a', { [ID]: ELB_ID }));
    checks.addService(service('b', { [ID]: ELB_ID }, [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'http', port: 80 }]));
    // WHEN
    const found = checks.findings();
    // THEN
    expect(found).toEqual([
      {
        ref: 'b',
        finding: {
          subject: 'ports[1].port (spec.ports[1].port)',
          target: 'spec.ports[1].port',
          severity: 'error',
          message: `listener TCP:80 of load balancer "${ELB_ID}" is already used by Service/default/a (a.yaml:1); allowed: a port that no other Service on this load balancer uses for TCP`,
          rule: 'shared-elb',
        },
      },
    ]);
  });

  test('GIVEN the same port with another protocol, or on another ELB THEN nothing is found', () => {
    expect(run([
      service('a', { [ID]: ELB_ID }),
      service('b', { [ID]: ELB_ID }, [{ port: 80, protocol: 'UDP' }]),
      service('c', { [ID]: OTHER_ID }),
    ])).toEqual([]);
  });

  test('GIVEN protocol-port THEN the listener is HTTP/HTTPS/TLS as the ELB sees it, and other TCP-based listeners cannot take its port', () => {
    // ELB's listener overview: listeners of different protocols cannot use the same port, except UDP ones.
    expect(run([
      service('a', { [ID]: ELB_ID, [PROTOCOL_PORT]: 'https:443' }, [{ port: 443 }]),
      service('b', { [ID]: ELB_ID }, [{ port: 443 }]),
      service('c', { [ID]: ELB_ID, [PROTOCOL_PORT]: 'http:8080,https:443' }, [{ name: 'web', port: 8080 }, { name: 'tls', port: 443 }]),
      service('d', { [ID]: ELB_ID, [PROTOCOL_PORT]: 'tls:8080' }, [{ port: 8080 }]),
      service('e', { [ID]: ELB_ID }, [{ port: 443, protocol: 'UDP' }]),
    ])).toEqual([
      `b: ports[0].port (spec.ports[0].port): listener TCP:443 of load balancer "${ELB_ID}" takes port 443, which Service/default/a (a.yaml:1) uses for its HTTPS:443 listener; listeners of different protocols on one load balancer cannot share a port (except UDP); allowed: another port`,
      `c: ports[1].port (spec.ports[1].port): listener HTTPS:443 of load balancer "${ELB_ID}" is already used by Service/default/a (a.yaml:1); allowed: a port that no other Service on this load balancer uses for HTTPS`,
      `d: ports[0].port (spec.ports[0].port): listener TLS:8080 of load balancer "${ELB_ID}" takes port 8080, which Service/default/c (c.yaml:1) uses for its HTTP:8080 listener; listeners of different protocols on one load balancer cannot share a port (except UDP); allowed: another port`,
    ]);
  });

  test('GIVEN three Services on one listener THEN the second and third each name the first', () => {
    expect(run([service('a', { [ID]: ELB_ID }), service('b', { [ID]: ELB_ID }), service('c', { [ID]: ELB_ID })])).toEqual([
      `b: ports[0].port (spec.ports[0].port): listener TCP:80 of load balancer "${ELB_ID}" is already used by Service/default/a (a.yaml:1); allowed: a port that no other Service on this load balancer uses for TCP`,
      `c: ports[0].port (spec.ports[0].port): listener TCP:80 of load balancer "${ELB_ID}" is already used by Service/default/a (a.yaml:1); allowed: a port that no other Service on this load balancer uses for TCP`,
    ]);
  });

  test('GIVEN ELBs named by address THEN they are indexed apart from IDs', () => {
    expect(run([
      service('a', { [IP]: '192.168.0.10' }),
      service('b', { [ID]: '192.168.0.10' }),
      service('c', { [IP]: '192.168.0.10' }),
    ])).toEqual([
      'c: ports[0].port (spec.ports[0].port): listener TCP:80 of load balancer "192.168.0.10" is already used by Service/default/a (a.yaml:1); allowed: a port that no other Service on this load balancer uses for TCP',
    ]);
  });

  test('GIVEN auto-created ELBs, one Service repeating its own port, or ports that are not numbers THEN no cross-Service finding', () => {
    const autocreate = '{"type":"inner","name":"lb"}';
    expect(run([
      service('a', { 'kubernetes.io/elb.autocreate': autocreate }),
      service('b', { 'kubernetes.io/elb.autocreate': autocreate }),
      service('c', { [ID]: ELB_ID }, [{ name: 'x', port: 80 }, { name: 'y', port: 80 }]),
      service('d', { [ID]: ELB_ID }, [{ port: '80' }, { port: 81, protocol: 'SCTP' }]),
    ])).toEqual([]);
  });
});

describe('rule 2: one class per ELB', () => {
  test('GIVEN different classes THEN the later Service is named; an unstated class agrees with any', () => {
    expect(run([
      service('a', { [ID]: ELB_ID }, [{ port: 1 }]),
      service('b', { [ID]: ELB_ID, [CLASS]: 'union' }, [{ port: 2 }]),
      service('c', { [ID]: ELB_ID, [CLASS]: 'performance' }, [{ port: 3 }]),
      service('d', { [ID]: ELB_ID, [CLASS]: 'union' }, [{ port: 4 }]),
      service('e', { [ID]: OTHER_ID, [CLASS]: 'performance' }, [{ port: 5 }]),
    ])).toEqual([
      `c: loadBalancer (kubernetes.io/elb.class): is "performance", but Service/default/b (b.yaml:1), on the same load balancer "${ELB_ID}", says "union"; allowed: one class for every Service on a load balancer`,
      `d: loadBalancer (kubernetes.io/elb.class): is "union", but Service/default/c (c.yaml:1), on the same load balancer "${ELB_ID}", says "performance"; allowed: one class for every Service on a load balancer`,
    ]);
  });
});

describe('rule 3: pass-through agrees in IPVS mode', () => {
  const message = (value: string, other: string, earlier: string) =>
    `PassThroughService (kubernetes.io/elb.pass-through): is ${value}, but Service/default/${earlier} (${earlier}.yaml:1), on the same load balancer "${ELB_ID}", has it ${other}; in IPVS mode every Service on one load balancer must have the same setting; allowed: the same pass-through setting on every Service of this load balancer`;

  test('GIVEN IPVS and one Service with pass-through THEN the later one is named', () => {
    expect(run([
      service('a', { [ID]: ELB_ID }, [{ port: 1 }], IPVS),
      service('b', { [ID]: ELB_ID, [PASS_THROUGH]: 'true' }, [{ port: 2 }], IPVS),
    ])).toEqual([`b: ${message('on ("true")', 'off (not set)', 'a')}`]);
  });

  test('GIVEN "true" and "onlyLocal" THEN they agree', () => {
    expect(run([
      service('a', { [ID]: ELB_ID, [PASS_THROUGH]: 'true' }, [{ port: 1 }], IPVS),
      service('b', { [ID]: ELB_ID, [PASS_THROUGH]: 'onlyLocal' }, [{ port: 2 }], IPVS),
    ])).toEqual([]);
  });

  test('GIVEN iptables or an unknown proxy mode THEN disagreeing is fine', () => {
    expect(run([
      service('a', { [ID]: ELB_ID }, [{ port: 1 }], IPTABLES),
      service('b', { [ID]: ELB_ID, [PASS_THROUGH]: 'true' }, [{ port: 2 }], IPTABLES),
      service('c', { [ID]: ELB_ID }, [{ port: 3 }]),
    ])).toEqual([]);
  });

  test('GIVEN IPVS on either side THEN it is an error; the earliest Service that disagrees under IPVS is named', () => {
    expect(run([
      service('a', { [ID]: ELB_ID, [PASS_THROUGH]: 'true' }, [{ port: 1 }], IPVS),
      service('b', { [ID]: ELB_ID }, [{ port: 2 }]),
      service('c', { [ID]: ELB_ID, [PASS_THROUGH]: 'true' }, [{ port: 3 }], IPTABLES),
      service('d', { [ID]: ELB_ID, [PASS_THROUGH]: 'onlyLocal' }, [{ port: 4 }], IPVS),
    ])).toEqual([
      `b: ${message('off (not set)', 'on ("true")', 'a')}`,
      `d: ${message('on ("onlyLocal")', 'off (not set)', 'b')}`,
    ]);
  });
});

describe('rule 4: an Ingress on the same ELB in IPVS mode', () => {
  const warning = (ingress: string) =>
    `warning: loadBalancer.id (kubernetes.io/elb.id): names load balancer "${ELB_ID}", which Ingress/default/${ingress} (${ingress}.yaml:1) also uses; in IPVS mode kube-proxy binds the Service's load balancer address to the ipvs-0 bridge, so nodes and containers in the cluster cannot reach the Ingress; allowed: different load balancers for the Ingress and the Service`;

  test('GIVEN IPVS WHEN an Ingress uses the ELB of a Service THEN the Service gets a warning naming the first Ingress', () => {
    const checks = new SharedElbChecks<string>();
    checks.addService(service('a', { [ID]: ELB_ID }, [{ port: 80 }], IPVS));
    checks.addIngress(ingressOf('shop', { [ID]: ELB_ID }));
    checks.addIngress(ingressOf('blog', { [ID]: ELB_ID }));
    const found = checks.findings();
    expect(found.map((f) => f.ref)).toEqual(['a']);
    expect(found[0].finding.warning).toBe(ElbWarning.INGRESS_SHARES_ELB);
    expect(found[0].finding.target).toBe(ID);
    expect(`warning: ${formatFinding(found[0].finding)}`).toEqual(warning('shop'));
  });

  test('GIVEN iptables, an unknown proxy mode, another ELB or no string ID THEN nothing is found', () => {
    expect(run(
      [
        service('a', { [ID]: ELB_ID }, [{ port: 80 }], IPTABLES),
        service('b', { [ID]: ELB_ID }, [{ port: 81 }]),
        service('c', { [ID]: OTHER_ID }, [{ port: 82 }], IPVS),
      ],
      [{ name: 'shop', annotations: { [ID]: ELB_ID } }, { name: 'raw', annotations: { [ID]: 1 } }, { name: 'none', annotations: {} }],
    )).toEqual([]);
  });

  test('GIVEN an Ingress named by address THEN the Service named by the same address is warned', () => {
    expect(run([service('a', { [IP]: '192.168.0.10' }, [{ port: 80 }], IPVS)], [{ name: 'shop', annotations: { [IP]: '192.168.0.10' } }])).toEqual([
      'a: warning: loadBalancer.ipAddress (kubernetes.io/elb.ip): names load balancer "192.168.0.10", which Ingress/default/shop (shop.yaml:1) also uses; in IPVS mode kube-proxy binds the Service\'s load balancer address to the ipvs-0 bridge, so nodes and containers in the cluster cannot reach the Ingress; allowed: different load balancers for the Ingress and the Service',
    ]);
  });
});

describe('rule 1 with multicluster: backends of several clusters on one listener', () => {
  const MULTI = { [ID]: ELB_ID, 'kubernetes.io/elb.multicluster': 'true' };

  test('GIVEN Services that all set multicluster on one listener THEN nothing is found', () => {
    expect(run([service('a', MULTI), service('b', MULTI), service('c', MULTI)])).toEqual([]);
  });

  test('GIVEN a Service without multicluster on a multi-cluster listener, or the other way round THEN the later one is named', () => {
    const without = (first: string, who: string) =>
      `multiCluster (kubernetes.io/elb.multicluster): listener TCP:80 of load balancer "${ELB_ID}" is shared with Service/default/${first} (${first}.yaml:1), and ${who} does not set kubernetes.io/elb.multicluster to "true": CCE would overwrite the other Service's backend server group; allowed: "true" on every Service of a multi-cluster listener`;
    expect(run([service('a', MULTI), service('b', { [ID]: ELB_ID })])).toEqual([`b: ${without('a', 'this Service')}`]);
    expect(run([service('a', { [ID]: ELB_ID }), service('b', MULTI)])).toEqual([`b: ${without('a', 'Service/default/a (a.yaml:1)')}`]);
  });

  test('GIVEN multicluster "false" THEN it is the usual listener conflict', () => {
    const found = run([service('a', { [ID]: ELB_ID, 'kubernetes.io/elb.multicluster': 'false' }), service('b', { [ID]: ELB_ID })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('is already used by Service/default/a');
  });

  test('GIVEN 10,000 multi-cluster Services on one listener and one without THEN only that one is named', () => {
    const checks = new SharedElbChecks<number>();
    const multi = service('x', MULTI).view;
    for (let i = 0; i < 10_000; i++) {
      checks.addService({ ref: i, resource: `Service/default/s${i}`, view: i === 5_000 ? service('y', { [ID]: ELB_ID }).view : multi });
    }
    expect(checks.findings().map((f) => f.ref)).toEqual([5_000]);
  });
});

describe('rule 1 with port ranges (kubernetes.io/elb.port-ranges)', () => {
  const RANGES = 'kubernetes.io/elb.port-ranges';
  const game = (name: string, ranges: string, port = 7000, protocol = 'UDP', more: Record<string, string> = {}) =>
    service(name, { [ID]: ELB_ID, [RANGES]: `{"game":${ranges}}`, ...more }, [{ name: 'game', port, protocol }]);

  test('GIVEN two Services whose ranges overlap on one transport THEN the later one is named; on different transports THEN nothing', () => {
    expect(run([game('a', '["7001,7100"]'), game('b', '["7050,7060"]', 8000)])).toEqual([
      `b: ports[].portRanges (kubernetes.io/elb.port-ranges): range "7050,7060" of port "game" of load balancer "${ELB_ID}" overlaps range "7001,7100" of port "game" of Service/default/a (a.yaml:1): a UDP port of the load balancer belongs to one listener; allowed: ports and ranges that no other Service on this load balancer uses`,
    ]);
    expect(run([game('a', '["7001,7100"]'), game('b', '["7050,7060"]', 8000, 'TCP')])).toEqual([]);
  });

  test('GIVEN a later Service whose port lies in an earlier one\'s range, or the other way round THEN the later Service is named', () => {
    expect(run([game('a', '["7001,7100"]', 7000, 'TCP'), service('b', { [ID]: ELB_ID, [PROTOCOL_PORT]: 'http:7050' }, [{ port: 7050 }])])).toEqual([
      `b: ports[0].port (spec.ports[0].port): port 7050 of load balancer "${ELB_ID}" overlaps range "7001,7100" of port "game" of Service/default/a (a.yaml:1): a port of the load balancer belongs to one listener, and TCP, HTTP, HTTPS and TLS listeners share the TCP ports; allowed: ports and ranges that no other Service on this load balancer uses`,
    ]);
    expect(run([service('a', { [ID]: ELB_ID }, [{ port: 7050 }]), game('b', '["7001,7100"]', 7000, 'TCP')])).toHaveLength(1);
  });

  test('GIVEN two multi-cluster Services with the same ranges THEN nothing is found', () => {
    const multi = { 'kubernetes.io/elb.multicluster': 'true' };
    expect(run([game('a', '["7001,7100"]', 7000, 'UDP', multi), game('b', '["7001,7100"]', 7000, 'UDP', multi)])).toEqual([]);
  });

  test('GIVEN 5,000 Services with ranges on one load balancer, none overlapping THEN nothing is found', () => {
    const checks = new SharedElbChecks<number>();
    for (let i = 0; i < 5_000; i++) {
      const start = 10_000 + i * 10;
      checks.addService({ ref: i, resource: `Service/default/s${i}`, view: game(`s${i}`, `["${start + 1},${start + 9}"]`, start).view });
    }
    expect(checks.findings()).toEqual([]);
  });
});

describe('order and scale', () => {
  test('GIVEN findings of several rules THEN they come in the order the Services were added', () => {
    const found = run(
      [
        service('a', { [ID]: ELB_ID, [CLASS]: 'union' }, [{ port: 80 }], IPVS),
        service('b', { [ID]: ELB_ID, [CLASS]: 'performance', [PASS_THROUGH]: 'true' }, [{ port: 80 }], IPVS),
        service('c', { [ID]: ELB_ID, [CLASS]: 'union' }, [{ port: 81 }], IPVS),
      ],
      [{ name: 'shop', annotations: { [ID]: ELB_ID } }],
    );
    expect(found.map((f) => f.replace(/ \(kubernetes.*|: listener.*/, ''))).toEqual([
      'a: warning: loadBalancer.id',
      'b: ports[0].port (spec.ports[0].port)',
      'b: loadBalancer',
      'b: PassThroughService',
      'b: warning: loadBalancer.id',
      'c: loadBalancer',
      'c: PassThroughService',
      'c: warning: loadBalancer.id',
    ]);
  });

  test('GIVEN 10,000 Services on distinct listeners of one ELB THEN nothing is found', () => {
    const checks = new SharedElbChecks<number>();
    const view = (port: number) => service('x', { [ID]: ELB_ID }, [{ port }]).view;
    for (let i = 0; i < 10_000; i++) {
      checks.addService({ ref: i, resource: `Service/default/s${i}`, view: view(1 + i) });
    }
    expect(checks.findings()).toEqual([]);
  });

  test('GIVEN 10,000 Services on the same listener THEN each but the first is named, with the first', () => {
    const checks = new SharedElbChecks<number>();
    const { view } = service('x', { [ID]: ELB_ID });
    for (let i = 0; i < 10_000; i++) {
      checks.addService({ ref: i, resource: `Service/default/s${i}`, view });
    }
    const found = checks.findings();
    expect(found).toHaveLength(9_999);
    expect(found[0].ref).toBe(1);
    expect(found[9_998].ref).toBe(9_999);
    expect(found.every((f) => f.finding.message.includes('already used by Service/default/s0;'))).toBe(true);
  });
});
