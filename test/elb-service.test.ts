import { ApiObject, Chart, JsonPatch, Lazy, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  AutoCreatedElb,
  ElbAnnotations,
  ElbService,
  ElbServiceProps,
  ExistingElb,
  ExternalTrafficPolicy,
  LbAlgorithm,
  PortProtocol,
  ServiceSessionAffinity,
  ClusterProfile,
  ElbValidation,
  ElbWarning,
} from '../src';
import { ELB_ID } from './support/check';
import { validateAgainstSchema } from './support/schema';
import { newChart, synth, synthErrors, synthService } from './support/synth';


function props(overrides: Partial<ElbServiceProps> = {}): ElbServiceProps {
  return {
    loadBalancer: ExistingElb.fromId(ELB_ID),
    ports: [{ port: 80 }],
    selectorLabels: { app: 'nginx' },
    ...overrides,
  };
}

describe('ElbService output', () => {
  test('GIVEN an existing ELB WHEN synthesized THEN only what was asked for is written', () => {
    // GIVEN
    const chart = newChart();
    // WHEN
    new ElbService(chart, 'svc', props({ metadata: { name: 'web' } }));
    // THEN
    expect(synthService(chart)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', annotations: { 'kubernetes.io/elb.id': ELB_ID } },
      spec: { type: 'LoadBalancer', ports: [{ port: 80 }], selector: { app: 'nginx' } },
    });
  });

  test('GIVEN the class of an existing ELB THEN elb.class is written', () => {
    const chart = newChart();
    new ElbService(chart, 'shared', props({ loadBalancer: ExistingElb.shared(ELB_ID) }));
    // Another load balancer: Services on one load balancer must agree on its class.
    new ElbService(chart, 'dedicated', props({ loadBalancer: ExistingElb.dedicated('6083f225-9bf8-48fa-9c8b-67bd9693c4c0') }));
    const classes = synth(chart).map((o) => o.metadata.annotations[ElbAnnotations.CLASS]);
    expect(classes).toEqual(['union', 'performance']);
  });

  test('GIVEN every Service-level prop THEN each is written as a string annotation or spec field', () => {
    const chart = newChart();
    new ElbService(chart, 'svc', props({
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
      lbAlgorithm: LbAlgorithm.LEAST_CONNECTIONS,
      subnetId: 'a1b2c3d4-0000-4000-8000-000000000001',
      enterpriseProjectId: '0',
      hostNetwork: true,
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
      serviceSessionAffinity: ServiceSessionAffinity.CLIENT_IP,
      ports: [
        { name: 'http', port: 80, targetPortName: 'http', nodePort: 0 },
        { name: 'dns', port: 53, targetPort: 5353, protocol: PortProtocol.UDP, nodePort: 30053 },
      ],
    }));
    const svc = synthService(chart);
    expect(svc.metadata).toEqual({
      name: 'web',
      namespace: 'shop',
      labels: { app: 'web' },
      annotations: {
        'kubernetes.io/elb.id': ELB_ID,
        'kubernetes.io/elb.lb-algorithm': 'LEAST_CONNECTIONS',
        'kubernetes.io/elb.subnet-id': 'a1b2c3d4-0000-4000-8000-000000000001',
        'kubernetes.io/elb.enterpriseID': '0',
        'kubernetes.io/hws-hostNetwork': 'true',
      },
    });
    expect(svc.spec).toEqual({
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      sessionAffinity: 'ClientIP',
      selector: { app: 'nginx' },
      ports: [
        { name: 'http', port: 80, targetPort: 'http', nodePort: 0 },
        { name: 'dns', port: 53, targetPort: 5353, protocol: 'UDP', nodePort: 30053 },
      ],
    });
    expect(() => validateAgainstSchema(svc)).not.toThrow();
  });

  test('name and metadata reflect the Service object', () => {
    const chart = newChart();
    const named = new ElbService(chart, 'named', props({ metadata: { name: 'web' } }));
    const generated = new ElbService(chart, 'generated', props({ ports: [{ port: 81 }] })); // one listener per Service
    expect(named.name).toBe('web');
    expect(named.metadata.name).toBe('web');
    expect(generated.name).toBe(synth(chart)[1].metadata.name);
  });

  test('GIVEN hostNetwork false THEN "false" is written', () => {
    const chart = newChart();
    new ElbService(chart, 'svc', props({ hostNetwork: false }));
    expect(synthService(chart).metadata.annotations[ElbAnnotations.HOST_NETWORK]).toBe('false');
  });

  test('output is identical across runs', () => {
    const build = () => {
      const app = Testing.app();
      const chart = new Chart(app, 'c');
      new ElbService(chart, 'svc', props({ metadata: { name: 'svc' }, loadBalancer: AutoCreatedElb.shared({ name: 'a' }) }));
      return app.synthYaml();
    };
    expect(build()).toEqual(build());
  });
});

describe('selectors', () => {
  /** What a selector message says is allowed. */
  const allowed = 'allowed: a cdk8s-plus workload or Pods.select(...), or an ApiObject workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, or a custom resource with spec.selector or spec.template)';
  test('GIVEN a workload in another namespace THEN synth refuses the selector (a Service selects pods of its own namespace only)', () => {
    const app = Testing.app();
    const web = new kplus.Deployment(new Chart(app, 'apps', { namespace: 'apps' }), 'web', { containers: [{ image: 'nginx' }] });
    const chart = new Chart(app, 'edge', { namespace: 'edge' });
    new ElbService(chart, 'svc', props({ metadata: { name: 'web' }, selectorLabels: undefined, selector: web }));
    expect(() => Testing.synth(chart)).toThrow(
      'selector (spec.selector): apps/web selects pods in namespace "apps", and the Service is in "edge"; a Service selects only pods of its own namespace, so the load balancer would have no backends',
    );
    // The same namespace (a cdk8s-plus workload in a namespaced Chart says which): fine.
    const other = Testing.app();
    const same = new Chart(other, 'apps', { namespace: 'apps' });
    const api = new kplus.Deployment(same, 'api', { containers: [{ image: 'nginx' }] });
    new ElbService(same, 'svc', props({ metadata: { name: 'api' }, selectorLabels: undefined, selector: api }));
    expect(() => Testing.synth(same)).not.toThrow();
  });

  test('GIVEN a target port the selected workload does not expose THEN a warning names it and what the workload exposes', () => {
    const chart = newChart();
    const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx', ports: [{ number: 8080, name: 'http' }] }] });
    const svc = new ElbService(chart, 'svc', props({
      metadata: { name: 'web' },
      selectorLabels: undefined,
      selector: web,
      ports: [{ name: 'a', port: 80, targetPort: 8080 }, { name: 'b', port: 81, targetPortName: 'metrics' }, { name: 'c', port: 82, targetPort: 9090 }],
    }));
    expect(svc.warnings()).toEqual([
      'ports[1].targetPortName (spec.ports[1].targetPort): is the port name "metrics", which no container of test/web has, so the Service cannot send traffic to it; allowed: a container port name of the workload ("http") [ElbWarning.TARGET_PORT_NOT_EXPOSED]',
      'ports[2].targetPort (spec.ports[2].targetPort): is 9090, which no container of test/web declares (it declares 8080); traffic reaches a pod only if it listens on 9090; allowed: a declared container port [ElbWarning.TARGET_PORT_NOT_EXPOSED]',
    ]);
  });

  test('GIVEN a workload that declares no port THEN a numeric target port is not questioned', () => {
    const chart = newChart();
    const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx' }] });
    const svc = new ElbService(chart, 'svc', props({ metadata: { name: 'web' }, selectorLabels: undefined, selector: web, ports: [{ port: 80, targetPort: 8080 }] }));
    expect(svc.warnings()).toEqual([]);
  });

  test('GIVEN a cdk8s-plus Deployment as selector THEN the Service selects its pods', () => {
    const chart = newChart();
    const deployment = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx' }] });
    new ElbService(chart, 'svc', props({ selectorLabels: undefined, selector: deployment }));
    const objects = synth(chart);
    const svc = objects.find((o) => o.kind === 'Service');
    const pod = objects.find((o) => o.kind === 'Deployment').spec.template.metadata.labels;
    expect(Object.keys(svc.spec.selector).length).toBeGreaterThan(0);
    for (const [k, v] of Object.entries(svc.spec.selector)) {
      expect(pod[k]).toBe(v);
    }
  });

  test('GIVEN a plain ApiObject workload (no cdk8s-plus) as selector THEN the Service selects its pods and checks its ports', () => {
    const chart = newChart();
    const deployment = new ApiObject(chart, 'raw', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'raw' },
      spec: {
        selector: { matchLabels: { app: 'raw' } },
        template: { metadata: { labels: { app: 'raw', tier: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080, name: 'http' }] }] } },
      },
    });
    // A construct whose default child is the workload, as a wrapper construct or an imported chart has.
    const wrapper = new Construct(chart, 'pod-wrapper');
    new ApiObject(wrapper, 'Default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'pod' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const svc = new ElbService(chart, 'svc', props({ metadata: { name: 'raw' }, selectorLabels: undefined, selector: deployment, ports: [{ port: 80, targetPortName: 'metrics' }] }));
    new ElbService(chart, 'pod', props({ metadata: { name: 'pod' }, selectorLabels: undefined, selector: wrapper, ports: [{ port: 81, targetPort: 9090 }] }));
    const services = synth(chart).filter((o) => o.kind === 'Service');
    expect(services.map((o) => o.spec.selector)).toEqual([{ app: 'raw' }, { app: 'pod' }]);
    expect(svc.warnings()).toEqual([
      'ports[0].targetPortName (spec.ports[0].targetPort): is the port name "metrics", which no container of test/raw has, so the Service cannot send traffic to it; allowed: a container port name of the workload ("http") [ElbWarning.TARGET_PORT_NOT_EXPOSED]',
    ]);
  });

  test('GIVEN a plain ApiObject that runs no pods, or a construct without one, as selector THEN synth names it and what is allowed', () => {
    const chart = newChart();
    const config = new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    const empty = new Construct(chart, 'empty');
    const expr = new ApiObject(chart, 'expr', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's', namespace: 'other' },
      spec: { selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, template: { spec: { containers: [{ name: 'c', image: 'x' }] } } },
    });
    new ElbService(chart, 'a', props({ selector: config, selectorLabels: { app: 'x' } }));
    new ElbService(chart, 'b', props({ selector: empty, selectorLabels: { app: 'x' }, ports: [{ port: 81 }] }));
    new ElbService(chart, 'c', props({ selector: expr, selectorLabels: { app: 'x' }, ports: [{ port: 82 }] }));
    expect(synthErrors(chart)).toEqual([
      `selector (spec.selector): test/config is a "ConfigMap", which runs no pods (it has no spec.selector or spec.template); ${allowed}`,
      `selector (spec.selector): test/empty has no ApiObject; ${allowed}`,
      'selector (spec.selector): test/expr selects pods with label expressions, which a Service cannot use; allowed: a selector with label matchers only',
      'selector (spec.selector): test/expr selects pods in namespace "other", and the Service states no namespace; a Service selects only pods of its own namespace, so the load balancer would have no backends; allowed: a workload in the Service\'s namespace (the same Chart namespace, or metadata.namespace)',
    ]);
  });

  test('GIVEN workloads of other kinds (CronJob, a custom resource, a ReplicationController, a native sidecar) THEN they are read like a Deployment', () => {
    const chart = newChart();
    const container = { name: 'c', image: 'nginx' };
    const cron = new ApiObject(chart, 'cron', {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'cron' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { metadata: { labels: { app: 'cron' } }, spec: { containers: [container] } } } } },
    });
    const rollout = new ApiObject(chart, 'rollout', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'r' },
      spec: { selector: { matchLabels: { app: 'rollout' } }, template: { metadata: { labels: { app: 'rollout' } }, spec: { containers: [container] } } },
    });
    const rc = new ApiObject(chart, 'rc', {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'rc' },
      spec: {
        selector: { app: 'rc' },
        template: {
          metadata: { labels: { app: 'rc' } },
          spec: { containers: [container], initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always', ports: [{ containerPort: 15001, name: 'proxy' }] }] },
        },
      },
    });
    new ElbService(chart, 'a', props({ metadata: { name: 'a' }, selector: cron, selectorLabels: undefined }));
    new ElbService(chart, 'b', props({ metadata: { name: 'b' }, selector: rollout, selectorLabels: undefined, ports: [{ port: 81 }] }));
    const c = new ElbService(chart, 'c', props({ metadata: { name: 'c' }, selector: rc, selectorLabels: undefined, ports: [{ port: 82, targetPortName: 'proxy' }] }));
    // Testing.synth: the schema models of test/support know Deployments and Services only.
    const services = Testing.synth(chart).filter((o) => o.kind === 'Service');
    expect(services.map((o) => o.spec.selector)).toEqual([{ app: 'cron' }, { app: 'rollout' }, { app: 'rc' }]);
    // The port of a native sidecar (an init container that keeps running) is a port of the pod.
    expect(c.warnings()).toEqual([]);
  });

  test('GIVEN tokens (Lazy) in the namespace or in the labels THEN they are compared resolved, as cdk8s writes them', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx' }] });
    new ElbService(chart, 'svc', props({ metadata: { name: 'svc', namespace: Lazy.any({ produce: () => 'shop' }) }, selector: web, selectorLabels: undefined }));
    const pods = kplus.Pods.select(chart, 'pods', { labels: { app: Lazy.any({ produce: () => 'web' }) } });
    new ElbService(chart, 'svc2', props({ metadata: { name: 'svc2' }, selector: pods, selectorLabels: { app: 'web' }, ports: [{ port: 81 }] }));
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('GIVEN a selector that cannot be read THEN synth names selector, never a stack trace', () => {
    const chart = newChart();
    const broken = new Construct(chart, 'broken');
    Object.assign(broken, { toPodSelectorConfig: () => { throw new Error('boom'); } });
    const garbage = new Construct(chart, 'garbage');
    Object.assign(garbage, { toPodSelectorConfig: () => null });
    new ElbService(chart, 'a', props({ selector: broken, selectorLabels: undefined }));
    new ElbService(chart, 'b', props({ selector: garbage, selectorLabels: undefined, ports: [{ port: 81 }] }));
    new ElbService(chart, 'c', props({ selector: null as any, selectorLabels: { app: 5 as any }, ports: [{ port: 82 }] }));
    expect(synthErrors(chart)).toEqual([
      `selector (spec.selector): test/broken could not be read (boom); ${allowed}`,
      `selector (spec.selector): test/garbage could not be read (its toPodSelectorConfig() returned no configuration); ${allowed}`,
      `selector (spec.selector): null is not a construct; ${allowed}`,
      'selectorLabels (spec.selector): label "app" is 5, which is not a string; allowed: string label values',
    ]);
  });

  test('GIVEN a plain ApiObject workload without labels THEN synth says where the labels would be, once', () => {
    const chart = newChart();
    const bare = new ApiObject(chart, 'bare', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'bare' },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    new ElbService(chart, 'svc', props({ selector: bare, selectorLabels: undefined }));
    expect(synthErrors(chart)).toEqual([
      'selector (spec.selector): test/bare has no labels to select its pods by (spec.selector.matchLabels, or the labels of its pod template or Pod), so the load balancer would have no backends; allowed: a workload whose pods have labels, or selectorLabels',
    ]);
  });

  test('GIVEN Pods.select and selectorLabels THEN their labels are merged', () => {
    const chart = newChart();
    const pods = kplus.Pods.select(chart, 'pods', { labels: { app: 'web' } });
    new ElbService(chart, 'svc', props({ selector: pods, selectorLabels: { tier: 'front' } }));
    expect(synthService(chart).spec.selector).toEqual({ app: 'web', tier: 'front' });
  });

  test('GIVEN a selector a Service cannot express THEN synth names the problem', () => {
    const chart = newChart();
    const expr = kplus.Pods.select(chart, 'expr', { expressions: [kplus.LabelExpression.exists('app')] });
    const ns = kplus.Pods.select(chart, 'ns', { labels: { app: 'web' }, namespaces: kplus.Namespaces.select(chart, 'all', { names: ['a'] }) });
    new ElbService(chart, 'a', props({ selector: expr, selectorLabels: undefined }));
    new ElbService(chart, 'b', props({ selector: ns, selectorLabels: { app: 'other' }, ports: [{ port: 81 }] }));
    expect(synthErrors(chart)).toEqual([
      // The expressions are the reason the Service selects nothing: said once, not again as "selects no pods".
      'selector (spec.selector): test/expr selects pods with label expressions, which a Service cannot use; allowed: a selector with label matchers only',
      'selector (spec.selector): test/ns selects pods in namespace "a", and the Service states no namespace; a Service selects only pods of its own namespace, so the load balancer would have no backends; allowed: a workload in the Service\'s namespace (the same Chart namespace, or metadata.namespace)',
      'selectorLabels (spec.selector): label "app" is "other" here but "web" in selector; allowed: the same value in both, or the label in one of them',
    ]);
  });

  test('GIVEN no selector THEN a warning (endpoints managed by hand are legal Kubernetes), fatal under strict validation', () => {
    const chart = newChart();
    const svc = new ElbService(chart, 'svc', props({ selectorLabels: undefined }));
    expect(svc.warnings()).toEqual([
      'selector (spec.selector): selects no pods: without a selector Kubernetes creates no endpoints, so the load balancer has backends only if EndpointSlices are managed for this Service by hand, which CCE does not document (the open-source cloud-provider-huaweicloud refuses it: "services custom endpoints are not supported"); allowed: a selector (a cdk8s-plus workload, selectorLabels, or spec.selector) [ElbWarning.NO_SELECTOR]',
    ]);
    ElbValidation.strict(chart);
    expect(synthErrors(chart)).toHaveLength(1);
  });
});

describe('escape hatches and raw annotations', () => {
  test('GIVEN a JSON patch on ApiObject.of(service) THEN the patched field is kept', () => {
    const chart = newChart();
    const svc = new ElbService(chart, 'svc', props());
    const obj = ApiObject.of(svc);
    expect(obj).toBe(svc);
    obj.addJsonPatch(
      JsonPatch.add('/spec/loadBalancerIP', '10.0.0.8'),
      JsonPatch.add('/spec/allocateLoadBalancerNodePorts', false),
    );
    const spec = synthService(chart).spec;
    expect(spec.loadBalancerIP).toBe('10.0.0.8');
    expect(spec.allocateLoadBalancerNodePorts).toBe(false);
  });

  test('GIVEN annotations the library does not type THEN they pass through untouched', () => {
    const chart = newChart();
    new ElbService(chart, 'svc', props({ metadata: { annotations: { 'example.com/owner': 'team-a', 'kubernetes.io/elb.multicluster': 'true' } } }));
    expect(synthService(chart).metadata.annotations).toEqual({
      'example.com/owner': 'team-a',
      'kubernetes.io/elb.multicluster': 'true',
      'kubernetes.io/elb.id': ELB_ID,
    });
  });

  test('GIVEN a known annotation both raw and typed THEN construction fails', () => {
    const chart = newChart();
    expect(() => new ElbService(chart, 'svc', props({
      lbAlgorithm: LbAlgorithm.ROUND_ROBIN,
      metadata: { annotations: { 'kubernetes.io/elb.lb-algorithm': 'SOURCE_IP' } },
    }))).toThrow(
      '[test/svc] metadata.annotations (kubernetes.io/elb.lb-algorithm): is also set by a typed prop; allowed: set it one way only (remove it from metadata.annotations)',
    );
  });

  test('GIVEN a known annotation only raw THEN it is checked like a typed prop', () => {
    const chart = newChart();
    new ElbService(chart, 'svc', props({ metadata: { annotations: { 'kubernetes.io/elb.lb-algorithm': 'RANDOM' } } }));
    expect(synthErrors(chart)).toEqual([
      'lbAlgorithm (kubernetes.io/elb.lb-algorithm): "RANDOM" is not allowed; allowed: "ROUND_ROBIN", "LEAST_CONNECTIONS", "SOURCE_IP"',
    ]);
  });

  test('GIVEN an annotation added later through the metadata THEN it is checked too', () => {
    const chart = newChart();
    const svc = new ElbService(chart, 'svc', props());
    svc.metadata.addAnnotation(ElbAnnotations.HOST_NETWORK, 'yes');
    expect(synthErrors(chart)).toEqual([
      'hostNetwork (kubernetes.io/hws-hostNetwork): "yes" is not allowed; allowed: "true" or "false"',
    ]);
  });

  test('GIVEN an annotation whose value is a token THEN it is resolved before it is checked', () => {
    const chart = newChart();
    const svc = new ElbService(chart, 'svc', props());
    svc.metadata.addAnnotation(ElbAnnotations.LB_ALGORITHM, Lazy.any({ produce: () => 'RANDOM' }));
    expect(synthErrors(chart)).toEqual([
      'lbAlgorithm (kubernetes.io/elb.lb-algorithm): "RANDOM" is not allowed; allowed: "ROUND_ROBIN", "LEAST_CONNECTIONS", "SOURCE_IP"',
    ]);
  });
});

describe('validated again after a change', () => {
  // cdk8s validates an App more than once per synth; the Service keeps its evaluation between
  // validations while what the rules read is unchanged. These show that a change is always seen.
  test('GIVEN an annotation added after a synth THEN the next synth checks it', () => {
    const chart = newChart();
    const svc = new ElbService(chart, 'svc', props());
    expect(() => synth(chart)).not.toThrow();
    svc.metadata.addAnnotation(ElbAnnotations.LB_ALGORITHM, 'RANDOM');
    expect(synthErrors(chart)).toEqual([
      'lbAlgorithm (kubernetes.io/elb.lb-algorithm): "RANDOM" is not allowed; allowed: "ROUND_ROBIN", "LEAST_CONNECTIONS", "SOURCE_IP"',
    ]);
    svc.metadata.addAnnotation(ElbAnnotations.LB_ALGORITHM, 'SOURCE_IP');
    expect(() => synth(chart)).not.toThrow();
  });

  test('GIVEN an annotation token whose value changes after a synth THEN the next synth checks the new value', () => {
    const chart = newChart();
    const svc = new ElbService(chart, 'svc', props());
    let algorithm = 'SOURCE_IP';
    svc.metadata.addAnnotation(ElbAnnotations.LB_ALGORITHM, Lazy.any({ produce: () => algorithm }));
    expect(() => synth(chart)).not.toThrow();
    algorithm = 'RANDOM';
    expect(synthErrors(chart)).toEqual([
      'lbAlgorithm (kubernetes.io/elb.lb-algorithm): "RANDOM" is not allowed; allowed: "ROUND_ROBIN", "LEAST_CONNECTIONS", "SOURCE_IP"',
    ]);
  });

  test('GIVEN a pod selector whose labels change after a synth THEN the next synth reads them', () => {
    const chart = newChart();
    /** A selector whose label matchers can change until synth, as a workload's can. */
    class Selection extends Construct implements kplus.IPodSelector {
      public options: kplus.LabelSelectorOptions = { labels: { app: 'web' } };
      public toPodSelectorConfig(): kplus.PodSelectorConfig {
        return { labelSelector: kplus.LabelSelector.of(this.options) };
      }
    }
    const selection = new Selection(chart, 'pods');
    new ElbService(chart, 'svc', props({ selector: selection, selectorLabels: { app: 'web' } }));
    expect(synthService(chart).spec.selector).toEqual({ app: 'web' });
    selection.options = { labels: { app: 'web', tier: 'front' } };
    expect(synthService(chart).spec.selector).toEqual({ app: 'web', tier: 'front' });
    selection.options = { labels: { app: 'api' } };
    expect(synthErrors(chart)).toEqual([
      'selectorLabels (spec.selector): label "app" is "web" here but "api" in selector; allowed: the same value in both, or the label in one of them',
    ]);
  });

  test('GIVEN a cluster profile added after a synth THEN the next synth checks the version', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'test');
    new ElbService(chart, 'svc', props({ adaptiveWeight: true }));
    expect(() => synth(chart)).not.toThrow();
    new ClusterProfile(app, 'cluster', { version: 'v1.19.16-r0' });
    expect(synthErrors(chart)).toEqual([
      expect.stringMatching(/^adaptiveWeight \(kubernetes.io\/elb.adaptive-weight\): .*v1\.21/),
    ]);
  });

  test('GIVEN a warning acknowledged after a synth THEN the next strict synth passes', () => {
    const chart = newChart();
    ElbValidation.strict(chart);
    const svc = new ElbService(chart, 'svc', props({ externalTrafficPolicy: ExternalTrafficPolicy.LOCAL }));
    expect(synthErrors(chart)).toHaveLength(1);
    svc.acknowledgeWarning(ElbWarning.LOCAL_IN_CLUSTER_ACCESS, 'pods run on every node (DaemonSet)');
    expect(() => synth(chart)).not.toThrow();
  });
});

describe('ports', () => {
  test('GIVEN targetPort and targetPortName THEN construction fails', () => {
    const chart = newChart();
    expect(() => new ElbService(chart, 'svc', props({ ports: [{ port: 80, targetPort: 80, targetPortName: 'http' }] }))).toThrow(
      '[test/svc] ports[0] (spec.ports[0].targetPort): targetPort and targetPortName are both set; allowed: one of them',
    );
  });

  test('GIVEN bad ports THEN one synth reports each', () => {
    const chart = newChart();
    new ElbService(chart, 'svc', props({
      ports: [
        { port: 0, name: 'a' },
        { port: 80, name: 'Web_Port', targetPort: 70000 },
        { port: 443, targetPortName: 'https-port-too-long', nodePort: 65536 },
        { port: 80, name: 'a', protocol: PortProtocol.TCP },
      ],
    }));
    expect(synthErrors(chart)).toEqual([
      'ports[0].port (spec.ports[0].port): 0 is not allowed; allowed: a whole number from 1 to 65535',
      'ports[1].targetPort (spec.ports[1].targetPort): 70000 is not allowed; allowed: a whole number from 1 to 65535',
      'ports[1].name (spec.ports[1].name): "Web_Port" is not allowed; allowed: a DNS label (lowercase letters, digits and "-", at most 63 characters)',
      'ports[2].nodePort (spec.ports[2].nodePort): 65536 is not allowed; allowed: a whole number from 0 to 65535 (0 lets Kubernetes choose)',
      'ports[2].targetPort (spec.ports[2].targetPort): "https-port-too-long" is not a valid port name; allowed: a container port name of 1 to 15 lowercase letters, digits and single hyphens, with at least one letter',
      'ports[2].name (spec.ports[2].name): is required when a Service has more than one port; allowed: a DNS label such as "service0"',
      'ports[3].port (spec.ports[3].port): TCP port 80 is defined more than once; allowed: each protocol and port once',
      'ports[3].name (spec.ports[3].name): "a" is used by another port; allowed: a unique name per port',
    ]);
  });

  test('GIVEN no ports THEN synth fails', () => {
    const chart = newChart();
    new ElbService(chart, 'svc', props({ ports: [] }));
    expect(synthErrors(chart)).toEqual(['ports (spec.ports): is empty; allowed: at least one port']);
  });

  test('GIVEN the same port number for TCP and UDP THEN it is allowed', () => {
    const chart = newChart();
    new ElbService(chart, 'svc', props({ ports: [{ name: 't', port: 53 }, { name: 'u', port: 53, protocol: PortProtocol.UDP }] }));
    expect(synthService(chart).spec.ports).toHaveLength(2);
  });
});

describe('load balancer binding', () => {
  test('GIVEN an ELB name instead of an ID THEN synth explains what an ID is', () => {
    const chart = newChart();
    new ElbService(chart, 'svc', props({ loadBalancer: ExistingElb.fromId('my-elb') }));
    expect(synthErrors(chart)).toEqual([
      'loadBalancer.id (kubernetes.io/elb.id): "my-elb" is not allowed; allowed: the ID of an existing load balancer, a UUID such as "5083f225-9bf8-48fa-9c8b-67bd9693c4c0" (not its name); find it on the ELB console, Summary tab',
    ]);
  });

  test('GIVEN elb.id given raw next to an auto-created ELB THEN synth refuses both', () => {
    const chart = newChart();
    new ElbService(chart, 'svc', props({
      loadBalancer: AutoCreatedElb.shared(),
      metadata: { annotations: { 'kubernetes.io/elb.id': ELB_ID } },
    }));
    expect(synthErrors(chart)).toEqual([
      'loadBalancer (kubernetes.io/elb.id and kubernetes.io/elb.autocreate): both are set; CCE would bind the existing load balancer and delete it together with the Service; allowed: exactly one of them',
    ]);
  });

  test('GIVEN a bad subnet or enterprise project ID THEN synth names them', () => {
    const chart = newChart();
    new ElbService(chart, 'svc', props({ subnetId: 'subnet-1', enterpriseProjectId: 'default' }));
    expect(synthErrors(chart)).toEqual([
      'subnetId (kubernetes.io/elb.subnet-id): "subnet-1" is not allowed; allowed: the ID of the cluster subnet (a UUID)',
      'enterpriseProjectId (kubernetes.io/elb.enterpriseID): "default" is not allowed; allowed: "0" (the default project) or an enterprise project ID (a UUID)',
    ]);
  });
});
