import { AutoCreatedElb, ElbAnnotations, ExternalTrafficPolicy, PassThroughService } from '../src';
import { newChart, synthService } from './support/synth';

test.each([ExternalTrafficPolicy.LOCAL, ExternalTrafficPolicy.CLUSTER, undefined])(
  'GIVEN traffic policy %p THEN pass-through "true" is written with it',
  (policy) => {
    const chart = newChart();
    new PassThroughService(chart, 'svc', {
      loadBalancer: AutoCreatedElb.shared(),
      ports: [{ port: 80 }],
      selectorLabels: { app: 'x' },
      externalTrafficPolicy: policy,
    });
    const svc = synthService(chart);
    expect(svc.metadata.annotations[ElbAnnotations.PASS_THROUGH]).toBe('true');
    expect(svc.spec.externalTrafficPolicy).toBe(policy);
  },
);

test('GIVEN pass-through also given raw THEN construction fails', () => {
  const chart = newChart();
  expect(() => new PassThroughService(chart, 'svc', {
    loadBalancer: AutoCreatedElb.shared(),
    ports: [{ port: 80 }],
    selectorLabels: { app: 'x' },
    metadata: { annotations: { [ElbAnnotations.PASS_THROUGH]: 'true' } },
  })).toThrow('[test/svc] metadata.annotations (kubernetes.io/elb.pass-through): is also set by a typed prop; allowed: set it one way only (remove it from metadata.annotations)');
});
