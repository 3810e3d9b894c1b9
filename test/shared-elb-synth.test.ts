import { ApiObject, App, Chart, Testing } from 'cdk8s';
import {
  ClusterProfile,
  ElbService,
  ElbServiceProps,
  ElbValidation,
  ElbWarning,
  ExistingElb,
  PassThroughService,
  PortProtocol,
  ProxyMode,
} from '../src';
import { ELB_ID } from './support/check';
import { capturingWarnings } from './support/synth';

const OTHER_ID = '6083f225-9bf8-48fa-9c8b-67bd9693c4c0';

function props(name: string, overrides: Partial<ElbServiceProps> = {}): ElbServiceProps {
  return {
    metadata: { name },
    loadBalancer: ExistingElb.shared(ELB_ID),
    ports: [{ port: 80 }],
    selectorLabels: { app: name },
    ...overrides,
  };
}

/** A raw Service object on the ELB, as a cdk8s app without this library would write it. */
function rawService(scope: Chart, id: string, annotations: Record<string, string>, port = 80): ApiObject {
  return new ApiObject(scope, id, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: id, annotations },
    spec: { type: 'LoadBalancer', ports: [{ port, protocol: 'TCP' }], selector: { app: id } },
  });
}

/** The validation errors of `app.synthYaml()`, as printed (`[path] message`). */
function appErrors(app: App): string[] {
  let error: unknown;
  try {
    capturingWarnings(() => app.synthYaml());
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(Error);
  const [first, ...lines] = (error as Error).message.split('\n');
  expect(first).toBe('Validation failed with the following errors:');
  return lines.map((l) => l.trim());
}

const collision = (port: number, earlier: string) =>
  `ports[0].port (spec.ports[0].port): listener TCP:${port} of load balancer "${ELB_ID}" is already used by ${earlier}; allowed: a port that no other Service on this load balancer uses for TCP`;

describe('ElbServices of one App on one existing ELB', () => {
  test('GIVEN two charts with Services on the same port WHEN the App is synthesized THEN it fails, naming both', () => {
    // GIVEN
    const app = Testing.app();
    new ElbService(new Chart(app, 'a'), 'web', props('web-a'));
    new ElbService(new Chart(app, 'b', { namespace: 'shop' }), 'web', props('web-b'));
    // WHEN
    const errors = appErrors(app);
    // THEN
    expect(errors).toEqual([`[b/web] ${collision(80, 'Service/web-a (a/web)')}`]);
  });

  test('GIVEN different ports WHEN the App is synthesized THEN it passes without warnings', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    new ElbService(chart, 'web', props('web'));
    new ElbService(chart, 'api', props('api', { ports: [{ name: 'http', port: 8080 }, { name: 'dns', port: 80, protocol: PortProtocol.UDP }] }));
    new ElbService(chart, 'other', props('other', { loadBalancer: ExistingElb.shared(OTHER_ID) }));
    const { printed } = capturingWarnings(() => app.synthYaml());
    expect(printed).toEqual([]);
  });

  test('GIVEN Testing.synth(chart) THEN the whole App is checked too (cdk8s validates the App of the chart)', () => {
    const app = Testing.app();
    new ElbService(new Chart(app, 'a'), 'web', props('web-a'));
    const b = new Chart(app, 'b');
    new ElbService(b, 'web', props('web-b'));
    expect(() => Testing.synth(b)).toThrow(`[b/web] ${collision(80, 'Service/web-a (a/web)')}`);
  });

  test('GIVEN a Service validated on its own, outside an App validation THEN its cross-Service findings are computed afresh', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    new ElbService(chart, 'web', props('web'));
    const api = new ElbService(chart, 'api', props('api'));
    expect(api.node.validate()).toEqual([collision(80, 'Service/web (a/web)')]);
    expect(() => capturingWarnings(() => app.synthYaml())).toThrow(`[a/api] ${collision(80, 'Service/web (a/web)')}`);
    expect(api.node.validate()).toEqual([collision(80, 'Service/web (a/web)')]);
  });

  test('GIVEN Services in different Apps THEN they are not compared', () => {
    new ElbService(Testing.chart(), 'web', props('web-a'));
    const chart = Testing.chart();
    new ElbService(chart, 'web', props('web-b'));
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('GIVEN different classes and, in IPVS, different pass-through THEN both are errors', () => {
    const app = Testing.app();
    new ClusterProfile(app, 'cluster', { proxyMode: ProxyMode.IPVS });
    const chart = new Chart(app, 'a');
    new ElbService(chart, 'web', props('web'));
    new PassThroughService(chart, 'api', props('api', { loadBalancer: ExistingElb.dedicated(ELB_ID), ports: [{ port: 8080 }] }));
    expect(appErrors(app)).toEqual([
      `[a/api] loadBalancer (kubernetes.io/elb.class): is "performance", but Service/web (a/web), on the same load balancer "${ELB_ID}", says "union"; allowed: one class for every Service on a load balancer`,
      `[a/api] PassThroughService (kubernetes.io/elb.pass-through): is on ("true"), but Service/web (a/web), on the same load balancer "${ELB_ID}", has it off (not set); in IPVS mode every Service on one load balancer must have the same setting; allowed: the same pass-through setting on every Service of this load balancer`,
    ]);
  });
});

describe('backends from several clusters (multiCluster) on one listener', () => {
  test('GIVEN two Services on one listener, both with multiCluster WHEN the App is synthesized THEN it passes without warnings', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    new ElbService(chart, 'blue', props('blue', { multiCluster: true }));
    new ElbService(chart, 'green', props('green', { multiCluster: true }));
    const { result, printed } = capturingWarnings(() => app.synthYaml());
    expect(printed).toEqual([]);
    expect(result.match(/kubernetes.io\/elb.multicluster: "true"/g)).toHaveLength(2);
  });

  test('GIVEN one Service with multiCluster and one without on one listener THEN the later one is an error, whichever has it', () => {
    const message = (other: string, without: string) =>
      `multiCluster (kubernetes.io/elb.multicluster): listener TCP:80 of load balancer "${ELB_ID}" is shared with ${other}, and ${without} does not set kubernetes.io/elb.multicluster to "true": CCE would overwrite the other Service's backend server group; allowed: "true" on every Service of a multi-cluster listener`;
    const first = Testing.app();
    new ElbService(new Chart(first, 'a'), 'blue', props('blue', { multiCluster: true }));
    new ElbService(new Chart(first, 'b'), 'green', props('green'));
    expect(appErrors(first)).toEqual([`[b/green] ${message('Service/blue (a/blue)', 'this Service')}`]);

    const second = Testing.app();
    new ElbService(new Chart(second, 'a'), 'blue', props('blue'));
    new ElbService(new Chart(second, 'b'), 'green', props('green', { multiCluster: true }));
    expect(appErrors(second)).toEqual([`[b/green] ${message('Service/blue (a/blue)', 'Service/blue (a/blue)')}`]);
  });

  test('GIVEN multiCluster on different listeners of the load balancer THEN nothing is reported', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    new ElbService(chart, 'blue', props('blue', { multiCluster: true }));
    new ElbService(chart, 'green', props('green', { ports: [{ port: 8080 }] }));
    expect(capturingWarnings(() => app.synthYaml()).printed).toEqual([]);
  });
});

describe('raw Service and Ingress objects', () => {
  test('GIVEN a raw Service on the port of an earlier ElbService THEN the error is at the raw object\'s path', () => {
    const app = Testing.app();
    new ElbService(new Chart(app, 'a'), 'web', props('web'));
    rawService(new Chart(app, 'b'), 'legacy', { 'kubernetes.io/elb.id': ELB_ID });
    expect(appErrors(app)).toEqual([`[b/legacy] ${collision(80, 'Service/web (a/web)')}`]);
  });

  test('GIVEN an ElbService on the port of an earlier raw Service THEN the error is at the ElbService', () => {
    const app = Testing.app();
    rawService(new Chart(app, 'a'), 'legacy', { 'kubernetes.io/elb.id': ELB_ID });
    new ElbService(new Chart(app, 'b'), 'web', props('web'));
    expect(appErrors(app)).toEqual([`[b/web] ${collision(80, 'Service/legacy (a/legacy)')}`]);
  });

  test('GIVEN raw objects without an existing ELB, or not of type LoadBalancer THEN they are not checked', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    new ElbService(chart, 'web', props('web'));
    rawService(chart, 'auto', { 'kubernetes.io/elb.autocreate': '{"type":"inner"}' });
    new ApiObject(chart, 'internal', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { annotations: { 'kubernetes.io/elb.id': ELB_ID } },
      spec: { type: 'ClusterIP', ports: [{ port: 80 }] },
    });
    expect(() => capturingWarnings(() => app.synthYaml())).not.toThrow();
  });

  test('GIVEN an Ingress on the ELB of a Service in IPVS mode THEN the Service warns once, and the warning can be acknowledged', () => {
    const app = Testing.app();
    new ClusterProfile(app, 'cluster', { proxyMode: ProxyMode.IPVS });
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    const web = new ElbService(a, 'web', props('web'));
    new ApiObject(b, 'shop', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      // Port 8080: on port 80, which the Service's TCP listener has, the Ingress would be an error (the test below)
      metadata: { name: 'shop', namespace: 'shop', annotations: { 'kubernetes.io/elb.id': ELB_ID, 'kubernetes.io/elb.port': '8080' } },
      spec: { ingressClassName: 'cce' },
    });
    const warning = `loadBalancer.id (kubernetes.io/elb.id): names load balancer "${ELB_ID}", which Ingress/shop/shop (b/shop) also uses; in IPVS mode kube-proxy binds the Service's load balancer address to the ipvs-0 bridge, so nodes and containers in the cluster cannot reach the Ingress; allowed: different load balancers for the Ingress and the Service [ElbWarning.INGRESS_SHARES_ELB]`;

    expect(web.warnings()).toEqual([warning]);
    expect(capturingWarnings(() => app.synthYaml()).printed).toEqual([`[warning] [a/web] ${warning}`]);

    web.acknowledgeWarning(ElbWarning.INGRESS_SHARES_ELB, 'the Ingress is only used from outside the cluster');
    expect(web.warnings()).toEqual([]);
  });

  test('GIVEN an Ingress on the ELB of a raw Service THEN the warning is printed once, at the raw object', () => {
    const app = Testing.app();
    new ClusterProfile(app, 'cluster', { proxyMode: ProxyMode.IPVS });
    const chart = new Chart(app, 'a');
    new ElbService(chart, 'web', props('web', { loadBalancer: ExistingElb.shared(OTHER_ID) }));
    rawService(chart, 'legacy', { 'kubernetes.io/elb.id': ELB_ID });
    new ApiObject(chart, 'shop', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', annotations: { 'kubernetes.io/elb.id': ELB_ID, 'kubernetes.io/elb.port': '8080' } },
      spec: { ingressClassName: 'cce' },
    });
    new Chart(app, 'b'); // one more chart: cdk8s validates the App once more
    const { printed } = capturingWarnings(() => app.synthYaml());
    expect(printed).toEqual([expect.stringMatching(/^\[warning\] \[a\/legacy\] loadBalancer.id \(kubernetes.io\/elb.id\): names load balancer .* \[ElbWarning.INGRESS_SHARES_ELB\]$/)]);
  });

  test('GIVEN strict validation THEN the Ingress warning on a raw Service is an error at its path', () => {
    const app = Testing.app();
    new ClusterProfile(app, 'cluster', { proxyMode: ProxyMode.IPVS });
    ElbValidation.strict(app);
    const chart = new Chart(app, 'a');
    new ElbService(chart, 'web', props('web', { loadBalancer: ExistingElb.shared(OTHER_ID) }));
    rawService(chart, 'legacy', { 'kubernetes.io/elb.id': ELB_ID });
    new ApiObject(chart, 'shop', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', annotations: { 'kubernetes.io/elb.id': ELB_ID, 'kubernetes.io/elb.port': '8080' } },
      spec: { ingressClassName: 'cce' },
    });
    expect(appErrors(app)).toEqual([
      `[a/legacy] loadBalancer.id (kubernetes.io/elb.id): names load balancer "${ELB_ID}", which Ingress/shop (a/shop) also uses; in IPVS mode kube-proxy binds the Service's load balancer address to the ipvs-0 bridge, so nodes and containers in the cluster cannot reach the Ingress; allowed: different load balancers for the Ingress and the Service [ElbWarning.INGRESS_SHARES_ELB] (a warning, fatal under strict validation)`,
    ]);
  });
  test('GIVEN a raw Ingress of class cce on the port of a Service THEN the Ingress is an error naming the Service', () => {
    // GIVEN an ElbService on TCP:80 and an Ingress whose HTTP listener is port 80 of the same load balancer
    const app = Testing.app();
    new ElbService(new Chart(app, 'a'), 'web', props('web'));
    new ApiObject(new Chart(app, 'b'), 'shop', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', annotations: { 'kubernetes.io/elb.id': ELB_ID, 'kubernetes.io/elb.port': '80' } },
      spec: { ingressClassName: 'cce' },
    });
    // WHEN the App is synthesized THEN the Ingress (added later) fails, naming the Service
    expect(appErrors(app)).toEqual([
      `[b/shop] listener (kubernetes.io/elb.port): listener HTTP:80 of load balancer "${ELB_ID}" takes port 80, which Service/web (a/web) uses for its TCP:80 listener; listeners of different protocols on one load balancer cannot share a port (except UDP); allowed: another port`,
    ]);
  });

  test('GIVEN a raw Ingress of another class (nginx) on the port of a Service THEN it is not checked', () => {
    // GIVEN the same Ingress, of the NGINX ingress class: CCE's ELB controller does not read it
    const app = Testing.app();
    new ElbService(new Chart(app, 'a'), 'web', props('web'));
    new ApiObject(new Chart(app, 'b'), 'shop', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', annotations: { 'kubernetes.io/elb.id': ELB_ID, 'kubernetes.io/elb.port': '80' } },
      spec: { ingressClassName: 'nginx' },
    });
    // WHEN the App is synthesized THEN nothing is reported
    const { printed } = capturingWarnings(() => app.synthYaml());
    expect(printed).toEqual([]);
  });
});
