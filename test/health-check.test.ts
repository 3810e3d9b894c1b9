import { Duration } from 'cdk8s';
import { ElbAnnotations, ElbService, ElbServicePort, ExistingElb, HealthCheck, PortProtocol } from '../src';
import { newChart, synthErrors, synthService } from './support/synth';

function build(healthCheck: HealthCheck, ports: ElbServicePort[] = [{ port: 80 }]) {
  const chart = newChart();
  new ElbService(chart, 'svc', {
    loadBalancer: ExistingElb.fromId('5083f225-9bf8-48fa-9c8b-67bd9693c4c0'),
    ports,
    selectorLabels: { app: 'x' },
    healthCheck,
  });
  return chart;
}

function annotations(healthCheck: HealthCheck, ports?: ElbServicePort[]) {
  const a = synthService(build(healthCheck, ports)).metadata.annotations;
  return { flag: a[ElbAnnotations.HEALTH_CHECK_FLAG], option: a[ElbAnnotations.HEALTH_CHECK_OPTION] };
}

describe('HealthCheck output', () => {
  test('GIVEN an HTTP check with every option THEN values are JSON strings in the documented order', () => {
    expect(annotations(HealthCheck.http({ delay: Duration.seconds(5), timeout: Duration.seconds(10), maxRetries: 3, path: '/healthz' }))).toEqual({
      flag: 'on',
      option: '{"protocol":"HTTP","delay":"5","timeout":"10","max_retries":"3","path":"/healthz"}',
    });
  });

  test('GIVEN a TCP check with no options THEN only the protocol is written', () => {
    expect(annotations(HealthCheck.tcp())).toEqual({ flag: 'on', option: '{"protocol":"TCP"}' });
  });

  test('GIVEN a UDP check THEN UDP_CONNECT is written', () => {
    expect(annotations(HealthCheck.udp({ delay: Duration.minutes(0.5) }), [{ port: 53, protocol: PortProtocol.UDP }])).toEqual({
      flag: 'on',
      option: '{"protocol":"UDP_CONNECT","delay":"30"}',
    });
  });

  test('GIVEN the port protocol check with no options THEN only the flag is written', () => {
    expect(annotations(HealthCheck.portProtocol())).toEqual({ flag: 'on', option: undefined });
    expect(annotations(HealthCheck.portProtocol({ maxRetries: 2 }))).toEqual({ flag: 'on', option: '{"max_retries":"2"}' });
  });

  test('GIVEN a disabled check THEN the flag is off and no option is written', () => {
    expect(annotations(HealthCheck.disabled())).toEqual({ flag: 'off', option: undefined });
  });
});

describe('HealthCheck validation', () => {
  test('GIVEN values out of range THEN one synth reports each with its range', () => {
    expect(synthErrors(build(HealthCheck.tcp({ delay: Duration.seconds(51), timeout: Duration.millis(500), maxRetries: 11 })))).toEqual([
      'healthCheck.delay (kubernetes.io/elb.health-check-option: delay): 51 is not allowed; allowed: a whole number from 1 to 50 seconds',
      'healthCheck.timeout (kubernetes.io/elb.health-check-option: timeout): "0.5" is not allowed; allowed: a whole number from 1 to 50 seconds',
      'healthCheck.maxRetries (kubernetes.io/elb.health-check-option: max_retries): 11 is not allowed; allowed: a whole number from 1 to 10',
    ]);
  });

  test.each([
    [1, true], [50, true], [0, false], [51, false],
  ])('delay of %p s accepted: %s', (seconds, ok) => {
    const chart = build(HealthCheck.tcp({ delay: Duration.seconds(seconds) }));
    if (ok) {
      expect(synthService(chart).metadata.annotations[ElbAnnotations.HEALTH_CHECK_OPTION]).toContain(`"delay":"${seconds}"`);
    } else {
      expect(synthErrors(chart)).toHaveLength(1);
    }
  });

  test('GIVEN a TCP or HTTP check on a UDP port THEN synth says which protocol suits it', () => {
    expect(synthErrors(build(HealthCheck.tcp(), [{ name: 'dns', port: 53, protocol: PortProtocol.UDP }]))).toEqual([
      'healthCheck (kubernetes.io/elb.health-check-option: protocol): "TCP" cannot probe UDP port 53 (spec.ports[0]); allowed for a UDP port: UDP_CONNECT or UDP',
    ]);
  });

  test('GIVEN a UDP check on a TCP port THEN synth rejects it', () => {
    expect(synthErrors(build(HealthCheck.udp()))).toEqual([
      'healthCheck (kubernetes.io/elb.health-check-option: protocol): "UDP_CONNECT" cannot probe TCP port 80 (spec.ports[0]); allowed for a TCP port: TCP or HTTP',
    ]);
  });

  test('GIVEN an HTTP path that is not a path THEN synth rejects it', () => {
    expect(synthErrors(build(HealthCheck.http({ path: 'healthz' })))).toEqual([
      'healthCheck.path (kubernetes.io/elb.health-check-option: path): "healthz" is not allowed; allowed: a URL path starting with "/", without spaces, at most 80 characters',
    ]);
    expect(synthErrors(build(HealthCheck.http({ path: '/' + 'a'.repeat(80) })))).toHaveLength(1);
    expect(synthService(build(HealthCheck.http({ path: '/' + 'a'.repeat(79) })))).toBeDefined();
  });
});
