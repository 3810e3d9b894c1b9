import { Duration } from 'cdk8s';
import { ElbAnnotations, ElbService, ElbServiceProps, ExistingElb, LbAlgorithm, SessionAffinity } from '../src';
import { newChart, synthErrors, synthService } from './support/synth';

function build(overrides: Partial<ElbServiceProps>) {
  const chart = newChart();
  new ElbService(chart, 'svc', {
    loadBalancer: ExistingElb.fromId('5083f225-9bf8-48fa-9c8b-67bd9693c4c0'),
    ports: [{ port: 80 }],
    selectorLabels: { app: 'x' },
    ...overrides,
  });
  return chart;
}

test('GIVEN sticky sessions with a timeout THEN mode and a JSON-string timeout in minutes are written', () => {
  const a = synthService(build({ sessionAffinity: SessionAffinity.sourceIp(Duration.minutes(30)) })).metadata.annotations;
  expect(a[ElbAnnotations.SESSION_AFFINITY_MODE]).toBe('SOURCE_IP');
  expect(a[ElbAnnotations.SESSION_AFFINITY_OPTION]).toBe('{"persistence_timeout":"30"}');
});

test('GIVEN sticky sessions without a timeout THEN no option is written (CCE default 60 minutes)', () => {
  const a = synthService(build({ sessionAffinity: SessionAffinity.sourceIp() })).metadata.annotations;
  expect(a[ElbAnnotations.SESSION_AFFINITY_MODE]).toBe('SOURCE_IP');
  expect(a).not.toHaveProperty([ElbAnnotations.SESSION_AFFINITY_OPTION]);
});

test.each([
  [Duration.minutes(1), undefined],
  [Duration.hours(1), undefined],
  [Duration.minutes(61), '61 is not allowed; allowed: a whole number from 1 to 60 minutes'],
  [Duration.seconds(30), '"0.5" is not allowed; allowed: a whole number from 1 to 60 minutes'],
])('GIVEN a timeout of %s THEN the result is %p', (timeout, error) => {
  const chart = build({ sessionAffinity: SessionAffinity.sourceIp(timeout) });
  if (error === undefined) {
    expect(synthService(chart)).toBeDefined();
  } else {
    expect(synthErrors(chart)).toEqual([`sessionAffinity.timeout (kubernetes.io/elb.session-affinity-option: persistence_timeout): ${error}`]);
  }
});

test('GIVEN the SOURCE_IP algorithm and sticky sessions THEN synth refuses the combination', () => {
  expect(synthErrors(build({ lbAlgorithm: LbAlgorithm.SOURCE_IP, sessionAffinity: SessionAffinity.sourceIp() }))).toEqual([
    'sessionAffinity (kubernetes.io/elb.session-affinity-mode): cannot be combined with lbAlgorithm SOURCE_IP (kubernetes.io/elb.lb-algorithm), which already keeps each client on one backend; allowed: ROUND_ROBIN or LEAST_CONNECTIONS with sticky sessions, or SOURCE_IP without them',
  ]);
});

test('GIVEN sticky-session mode "off" given raw THEN synth explains how to disable them', () => {
  expect(synthErrors(build({ metadata: { annotations: { [ElbAnnotations.SESSION_AFFINITY_MODE]: 'off' } } }))).toEqual([
    'sessionAffinity (kubernetes.io/elb.session-affinity-mode): "off" is not allowed; allowed: "SOURCE_IP" (leave the annotation out to disable sticky sessions; CCE rejects "off")',
  ]);
});
