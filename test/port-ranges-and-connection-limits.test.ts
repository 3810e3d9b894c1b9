import { Testing } from 'cdk8s';
import { ClusterFlavor, ClusterProfile, ElbAnnotations, ElbService, ElbServiceProps, ElbWarning, ExistingElb, PortProtocol } from '../src';
import { ELB_ID } from './support/check';
import { newChart, synthErrors, synthService } from './support/synth';

/*
 * Port ranges (`ports[].portRanges`, kubernetes.io/elb.port-ranges), full-port forwarding
 * (`fullPortForwarding`, kubernetes.io/elb.pools-options) and connection limits
 * (`maxNewConnectionsPerSecond`, `maxConcurrentConnections`: kubernetes.io/elb.cps, kubernetes.io/elb.connection).
 */

function build(overrides: Partial<ElbServiceProps>, profile?: ConstructorParameters<typeof ClusterProfile>[1]) {
  const chart = newChart();
  if (profile) new ClusterProfile(chart, 'cluster', profile);
  const service = new ElbService(chart, 'svc', {
    loadBalancer: ExistingElb.dedicated(ELB_ID),
    ports: [{ name: 'game', port: 7000, protocol: PortProtocol.UDP }],
    selectorLabels: { app: 'x' },
    ...overrides,
  });
  return { chart, service };
}

describe('portRanges', () => {
  test('GIVEN ranges on named ports THEN one JSON object keyed by port name is written, ranges as "start,end"', () => {
    const { chart, service } = build({
      ports: [
        { name: 'game', port: 7000, protocol: PortProtocol.UDP, portRanges: [{ start: 7001, end: 7100 }, { start: 8000, end: 8000 }] },
        { name: 'control', port: 9000 },
        { name: 'voice', port: 7000, portRanges: [{ start: 7001, end: 7100 }] },
      ],
    });
    service.acknowledgeWarning(ElbWarning.LISTENER_RECREATED, 'planned changes only');
    const annotation = synthService(chart).metadata.annotations[ElbAnnotations.PORT_RANGES];
    expect(annotation).toBe('{"game":["7001,7100","8000,8000"],"voice":["7001,7100"]}');
  });

  test('GIVEN ranges THEN the listener-recreated warning says what changing them does', () => {
    const { service } = build({ ports: [{ name: 'game', port: 7000, portRanges: [{ start: 7001, end: 7100 }] }] });
    expect(service.warnings()).toEqual([
      'ports[].portRanges (kubernetes.io/elb.port-ranges): changing a range later makes CCE delete and recreate the listener, which interrupts traffic for a few seconds; allowed: plan range changes for a maintenance window (acknowledge this warning once you have) [ElbWarning.LISTENER_RECREATED]',
    ]);
  });

  test('GIVEN a port with ranges but no name THEN construction fails, naming the prop', () => {
    expect(() => build({ ports: [{ port: 7000, portRanges: [{ start: 7001, end: 7100 }] }] })).toThrow(
      '[test/svc] ports[0].portRanges (kubernetes.io/elb.port-ranges): needs the port to have a name, which the annotation is keyed by; allowed: give ports[].name',
    );
  });

  test('GIVEN reversed, out-of-range, overlapping or too many ranges THEN each is an error at synth', () => {
    const errors = (portRanges: Array<{ start: number; end: number }>) => {
      const { chart, service } = build({ ports: [{ name: 'game', port: 7000, portRanges }] });
      service.acknowledgeWarning(ElbWarning.LISTENER_RECREATED, 'planned changes only');
      return synthErrors(chart);
    };
    const subject = 'ports[].portRanges (kubernetes.io/elb.port-ranges)';
    expect(errors([{ start: 7100, end: 7001 }])).toEqual([
      `${subject}: port "game": range "7100,7001" is not allowed; allowed: a string "<start>,<end>" with 1 <= start <= end <= 65535, such as "8000,8100"`,
    ]);
    expect(errors([{ start: 0, end: 10 }])).toEqual([
      `${subject}: port "game": range "0,10" is not allowed; allowed: a string "<start>,<end>" with 1 <= start <= end <= 65535, such as "8000,8100"`,
    ]);
    expect(errors([{ start: 7001, end: 7100 }, { start: 7100, end: 7200 }])).toEqual([
      `${subject}: port "game": range "7100,7200" overlaps "7001,7100"; allowed: ranges that do not overlap`,
    ]);
    expect(errors(Array.from({ length: 11 }, (_, i) => ({ start: 10000 + i * 10, end: 10005 + i * 10 })))).toEqual([
      `${subject}: port "game" has 11 ranges; allowed: at most 10`,
    ]);
  });

  test('GIVEN a shared load balancer, or a cluster older than the gate THEN the catalog rules report them', () => {
    const shared = build({ loadBalancer: ExistingElb.shared(ELB_ID), ports: [{ name: 'game', port: 7000, portRanges: [{ start: 7001, end: 7100 }] }] });
    shared.service.acknowledgeWarning(ElbWarning.LISTENER_RECREATED, 'planned changes only');
    expect(synthErrors(shared.chart)).toEqual([
      'ports[].portRanges (kubernetes.io/elb.port-ranges): applies only to a dedicated load balancer (elb.class "performance"), not to elb.class "union"; allowed: ExistingElb.dedicated() or AutoCreatedElb.dedicated(), or leave it out',
    ]);
    const old = build({ ports: [{ name: 'game', port: 7000, portRanges: [{ start: 7001, end: 7100 }] }] }, { version: 'v1.28.5-r0' });
    old.service.acknowledgeWarning(ElbWarning.LISTENER_RECREATED, 'planned changes only');
    expect(synthErrors(old.chart)).toEqual([
      'ports[].portRanges (kubernetes.io/elb.port-ranges): needs a cluster of v1.23.18-r0, v1.25.13-r0, v1.27.10-r0, v1.28.8-r0, v1.29.4-r0, v1.30.1-r0 or later, but the cluster profile says v1.28.5-r0; allowed: upgrade the cluster, or leave it out',
    ]);
  });
});

describe('fullPortForwarding', () => {
  test('GIVEN true on a Turbo cluster THEN {"any_port_enabled":true} is written without findings', () => {
    const { chart, service } = build({ fullPortForwarding: true }, { version: 'v1.31.14-r60', flavor: ClusterFlavor.TURBO });
    expect(synthService(chart).metadata.annotations[ElbAnnotations.POOLS_OPTIONS]).toBe('{"any_port_enabled":true}');
    expect(service.warnings()).toEqual([]);
  });

  test('GIVEN a standard cluster THEN it is an error: the feature needs CCE Turbo', () => {
    const { chart } = build({ fullPortForwarding: true }, { version: 'v1.31.14-r60', flavor: ClusterFlavor.STANDARD });
    expect(synthErrors(chart)).toEqual([
      'fullPortForwarding (kubernetes.io/elb.pools-options: any_port_enabled): full-port forwarding needs a CCE Turbo cluster (ELB sends traffic straight to the pods), and the cluster profile says standard; allowed: a CCE Turbo cluster, or leave it out',
    ]);
  });

  test('GIVEN raw JSON with a string or an unknown field THEN the string is an error and the field a no-effect warning', () => {
    const raw = (value: string) => build({ metadata: { annotations: { [ElbAnnotations.POOLS_OPTIONS]: value } }, ports: [{ port: 7000 }] });
    expect(synthErrors(raw('{"any_port_enabled":"true"}').chart)).toEqual([
      'fullPortForwarding (kubernetes.io/elb.pools-options: any_port_enabled): "true" is not allowed; allowed: true or false (JSON booleans, not strings)',
    ]);
    expect(raw('{"any_ports_enabled":true}').service.warnings()).toEqual([
      'fullPortForwarding (kubernetes.io/elb.pools-options: any_ports_enabled): is not a field CCE documents (did you mean "any_port_enabled"?), so it probably has no effect; allowed: any_port_enabled [ElbWarning.NO_EFFECT]',
    ]);
  });
});

describe('connection limits', () => {
  test('GIVEN both limits THEN elb.cps and elb.connection are written as strings', () => {
    const { chart } = build({ maxNewConnectionsPerSecond: 5000, maxConcurrentConnections: 100000 });
    const a = synthService(chart).metadata.annotations;
    expect([a[ElbAnnotations.CPS], a[ElbAnnotations.CONNECTION]]).toEqual(['5000', '100000']);
  });

  test('GIVEN a limit above 1,000,000, a fraction or a negative number THEN synth names the prop and the range', () => {
    expect(synthErrors(build({ maxNewConnectionsPerSecond: 1_000_001 }).chart)).toEqual([
      'maxNewConnectionsPerSecond (kubernetes.io/elb.cps): 1000001 is not allowed; allowed: a whole number from 0 to 1000000 connections per second',
    ]);
    expect(() => Testing.synth(build({ maxConcurrentConnections: 1.5 }).chart)).toThrow('maxConcurrentConnections (kubernetes.io/elb.connection)');
    expect(() => Testing.synth(build({ maxConcurrentConnections: -1 }).chart)).toThrow('maxConcurrentConnections (kubernetes.io/elb.connection)');
  });
});
