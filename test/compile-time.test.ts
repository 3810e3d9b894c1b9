import { typecheck } from './support/typecheck';

/**
 * Combinations that can never work are ruled out by the types: these snippets must not compile,
 * and the compiler must name the offending field. (Synth-time checks cover what types cannot.)
 */
const HEADER = `
import { Duration } from 'cdk8s';
import { AutoCreatedElb, BandwidthChargeMode, EipType, ElbNetwork, HealthCheck, Listener, SessionAffinity } from 'cdk8s-cce-elb';
`;

const cases: Array<[string, string, RegExp]> = [
  [
    'dedicated-only fields on a shared ELB',
    'AutoCreatedElb.shared({ availabilityZones: [\'cn-south-2b\'] });',
    /'availabilityZones' does not exist/,
  ],
  [
    'an L4 flavor on a shared ELB',
    'AutoCreatedElb.shared({ l4FlavorName: \'L4_flavor.elb.s1.small\' });',
    /'l4FlavorName' does not exist/,
  ],
  [
    'a dedicated ELB without availability zones',
    'AutoCreatedElb.dedicated({ l4FlavorName: \'L4_flavor.elb.s1.small\' });',
    /'availabilityZones' is missing/,
  ],
  [
    'a public network without bandwidth size',
    'ElbNetwork.publicNetwork({ bandwidthName: \'bw\', chargeMode: BandwidthChargeMode.TRAFFIC, eipType: EipType.BGP });',
    /'bandwidthSizeMbps' is missing/,
  ],
  [
    'a public network without an EIP type',
    'ElbNetwork.publicNetwork({ bandwidthName: \'bw\', bandwidthSizeMbps: 5, chargeMode: BandwidthChargeMode.TRAFFIC });',
    /'eipType' is missing/,
  ],
  [
    'a bandwidth size given as a string',
    'ElbNetwork.publicNetwork({ bandwidthName: \'bw\', bandwidthSizeMbps: \'5\', chargeMode: BandwidthChargeMode.TRAFFIC, eipType: EipType.BGP });',
    /Type 'string' is not assignable to type 'number'/,
  ],
  [
    'a path on a TCP health check',
    'HealthCheck.tcp({ path: \'/healthz\' });',
    /'path' does not exist/,
  ],
  [
    'a sticky-session timeout as a number of minutes',
    'SessionAffinity.sourceIp(30);',
    /'number' is not assignable to parameter of type 'Duration'/,
  ],
  [
    'a listener built from a string',
    'const l: Listener = \'https:443\';',
    /Type 'string' is not assignable to type 'Listener'/,
  ],
];

const valid = `
AutoCreatedElb.shared({ name: 'a' });
AutoCreatedElb.dedicated({ availabilityZones: ['cn-south-2b'], l4FlavorName: 'L4_flavor.elb.s1.small' });
ElbNetwork.publicNetwork({ bandwidthName: 'bw', bandwidthSizeMbps: 5, chargeMode: BandwidthChargeMode.TRAFFIC, eipType: EipType.BGP });
HealthCheck.http({ path: '/healthz', delay: Duration.seconds(5) });
SessionAffinity.sourceIp(Duration.minutes(30));
Listener.https(443);
`;

const results = typecheck([HEADER + valid, ...cases.map(([, code]) => HEADER + code)]);

test('the valid counterparts compile', () => {
  expect(results[0]).toEqual([]);
});

test.each(cases.map((c, i) => [c[0], c[2], i + 1] as const))('does not compile: %s', (_name, expected, index) => {
  const diagnostics = results[index];
  expect(diagnostics.length).toBeGreaterThan(0);
  expect(diagnostics.join('\n')).toMatch(expected);
});
