import { Chart, Testing } from 'cdk8s';
import { ClusterFlavor, ClusterProfile, ElbService, ElbValidation, ElbWarning, ExistingElb, ExternalTrafficPolicy, PassThroughService } from '../src';
import { ELB_ID } from './support/check';
import { capturingWarnings, synth, synthErrors, synthWarnings } from './support/synth';

const LOCAL_PREFIX = 'externalTrafficPolicy (spec.externalTrafficPolicy): is "Local": kube-proxy, not the load balancer, answers connections from inside the cluster to the load balancer\'s address';

function localService(chart: Chart): ElbService {
  return new ElbService(chart, 'svc', {
    loadBalancer: ExistingElb.dedicated(ELB_ID),
    ports: [{ port: 80 }],
    selectorLabels: { app: 'x' },
    externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
  });
}

afterEach(() => {
  delete process.env[ElbValidation.STRICT_ENV];
});

test('GIVEN a warning THEN synth prints it with the construct path and still succeeds', () => {
  const chart = Testing.chart();
  localService(chart);
  const printed = synthWarnings(chart);
  expect(printed).toHaveLength(1);
  expect(printed[0].startsWith(`[warning] [test/svc] ${LOCAL_PREFIX}`)).toBe(true);
  expect(printed[0]).toContain('fixes: inside the cluster, use the ClusterIP Service or its DNS name (recommended)');
  expect(printed[0].endsWith('[ElbWarning.LOCAL_IN_CLUSTER_ACCESS]')).toBe(true);
});

test('GIVEN an app with charts THEN each warning is printed once, although cdk8s validates per app and per chart', () => {
  const app = Testing.app();
  localService(new Chart(app, 'a'));
  new Chart(app, 'b');
  expect(capturingWarnings(() => app.synthYaml()).printed).toHaveLength(1);
});

test('GIVEN strict validation on the chart THEN the warning fails the synth', () => {
  const chart = Testing.chart();
  ElbValidation.strict(chart);
  ElbValidation.strict(chart); // idempotent
  localService(chart);
  const errors = synthErrors(chart);
  expect(errors).toHaveLength(1);
  expect(errors[0].startsWith(LOCAL_PREFIX)).toBe(true);
  expect(errors[0].endsWith('[ElbWarning.LOCAL_IN_CLUSTER_ACCESS] (a warning, fatal under strict validation; acknowledge it with acknowledgeWarning() and a reason if it does not apply)')).toBe(true);
});

test('GIVEN CCE_ELB_STRICT=true THEN warnings are fatal without any code change', () => {
  process.env[ElbValidation.STRICT_ENV] = 'true';
  const chart = Testing.chart();
  localService(chart);
  expect(synthErrors(chart)).toHaveLength(1);
});

test('GIVEN an acknowledged warning THEN it is neither printed nor fatal under strict validation', () => {
  const chart = Testing.chart();
  ElbValidation.strict(chart);
  const svc = localService(chart);
  svc.acknowledgeWarning(ElbWarning.LOCAL_IN_CLUSTER_ACCESS, 'Clients inside the cluster use the ClusterIP Service.');
  expect(svc.warnings()).toEqual([]);
  expect(synthWarnings(chart)).toEqual([]);
  expect(synth(chart)).toHaveLength(1);
});

test('GIVEN an acknowledgement of one warning THEN other warnings still apply', () => {
  const chart = Testing.chart();
  const svc = new PassThroughService(chart, 'svc', {
    loadBalancer: ExistingElb.dedicated(ELB_ID),
    ports: [{ port: 80 }],
    selectorLabels: { app: 'x' },
    externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
    adaptiveWeight: true,
  });
  new ClusterProfile(chart, 'cluster', { flavor: ClusterFlavor.TURBO });
  svc.acknowledgeWarning(ElbWarning.PASS_THROUGH_REWRITTEN, 'Argo CD ignores the rewrite.');
  expect(svc.warnings()).toEqual([
    'PassThroughService (kubernetes.io/elb.pass-through): has no effect on a dedicated load balancer in a CCE Turbo cluster, which forwards straight to the pods (passthrough networking); allowed: leave it out [ElbWarning.NO_EFFECT]',
    'adaptiveWeight (kubernetes.io/elb.adaptive-weight): has no effect on a dedicated load balancer in a CCE Turbo cluster, which forwards straight to the pods (passthrough networking); allowed: leave it out [ElbWarning.NO_EFFECT]',
  ]);
  // The Turbo profile also makes Local an error.
  expect(synthErrors(chart)).toEqual([
    'externalTrafficPolicy (spec.externalTrafficPolicy): is "Local", but CCE Turbo clusters support only cluster-level Service affinity; allowed: "Cluster" (or leave it out)',
  ]);
});

test('GIVEN an acknowledgement without a reason, or of something that is not a warning THEN it throws', () => {
  const svc = localService(Testing.chart());
  expect(() => svc.acknowledgeWarning(ElbWarning.NO_EFFECT, '  ')).toThrow(
    '[test/svc] acknowledgeWarning(no-effect): the reason is empty; allowed: a sentence saying why the warning does not apply here',
  );
  expect(() => svc.acknowledgeWarning('nope' as ElbWarning, 'reason')).toThrow('[test/svc] acknowledgeWarning: "nope" is not a warning; allowed: a member of ElbWarning');
});
