import {
  AutoCreatedElb,
  BandwidthChargeMode,
  BandwidthShareType,
  ClusterProfile,
  EipType,
  ElbAnnotations,
  ElbNetwork,
  ElbReclaimPolicy,
  ElbService,
  ExistingElb,
  HttpsElbService,
  Listener,
  LoadBalancer,
} from '../src';
import { newChart, synthErrors, synthService } from './support/synth';

function annotationsOf(loadBalancer: LoadBalancer): Record<string, string> {
  const chart = newChart();
  new ElbService(chart, 'svc', { loadBalancer, ports: [{ port: 80 }], selectorLabels: { app: 'x' } });
  return synthService(chart).metadata.annotations;
}

function errorsOf(loadBalancer: LoadBalancer): string[] {
  const chart = newChart();
  new ElbService(chart, 'svc', { loadBalancer, ports: [{ port: 80 }], selectorLabels: { app: 'x' } });
  return synthErrors(chart);
}

const publicNetwork = (overrides: Partial<Parameters<typeof ElbNetwork.publicNetwork>[0]> = {}) =>
  ElbNetwork.publicNetwork({
    bandwidthName: 'cce-bandwidth',
    chargeMode: BandwidthChargeMode.BANDWIDTH,
    bandwidthSizeMbps: 5,
    eipType: EipType.BGP,
    ...overrides,
  });

describe('AutoCreatedElb output', () => {
  test('GIVEN a shared ELB with no props THEN only the class and an empty autocreate object are written', () => {
    expect(annotationsOf(AutoCreatedElb.shared())).toEqual({
      [ElbAnnotations.CLASS]: 'union',
      [ElbAnnotations.AUTOCREATE]: '{}',
    });
  });

  test('GIVEN a private ELB THEN type inner is written', () => {
    const a = annotationsOf(AutoCreatedElb.shared({ name: 'internal_lb', network: ElbNetwork.privateNetwork() }));
    expect(a[ElbAnnotations.AUTOCREATE]).toBe('{"type":"inner","name":"internal_lb"}');
  });

  test('GIVEN a public ELB THEN bandwidth_size is a JSON number and PER is the share type', () => {
    const a = annotationsOf(AutoCreatedElb.shared({ name: 'james', network: publicNetwork() }));
    expect(a[ElbAnnotations.AUTOCREATE]).toBe(
      '{"type":"public","bandwidth_name":"cce-bandwidth","bandwidth_chargemode":"bandwidth","bandwidth_size":5,"bandwidth_sharetype":"PER","eip_type":"5_bgp","name":"james"}',
    );
  });

  test('GIVEN every dedicated field THEN all are written in the documented order', () => {
    const a = annotationsOf(AutoCreatedElb.dedicated({
      name: 'shop',
      network: publicNetwork({ shareType: BandwidthShareType.PER, eipType: EipType.of('5_g-vm'), chargeMode: BandwidthChargeMode.TRAFFIC }),
      vipSubnetId: '11111111-2222-4333-8444-555555555555',
      availabilityZones: ['cn-north-4a', 'cn-north-4b'],
      l4FlavorName: 'L4_flavor.elb.s1.small',
      l7FlavorName: 'L7_flavor.elb.s1.small',
      backendSubnetIds: ['14567f27-8ae4-42b8-ae47-9f847a4690dd'],
    }));
    expect(a[ElbAnnotations.CLASS]).toBe('performance');
    expect(a[ElbAnnotations.AUTOCREATE]).toBe(
      '{"type":"public","bandwidth_name":"cce-bandwidth","bandwidth_chargemode":"traffic","bandwidth_size":5,"bandwidth_sharetype":"PER","eip_type":"5_g-vm",'
      + '"name":"shop","vip_subnet_cidr_id":"11111111-2222-4333-8444-555555555555","available_zone":["cn-north-4a","cn-north-4b"],'
      + '"l7_flavor_name":"L7_flavor.elb.s1.small","l4_flavor_name":"L4_flavor.elb.s1.small","elb_virsubnet_ids":["14567f27-8ae4-42b8-ae47-9f847a4690dd"]}',
    );
  });

  test('EipType constants carry the documented values', () => {
    expect([EipType.BGP, EipType.STATIC_BGP, EipType.CHINA_TELECOM, EipType.CHINA_UNICOM].map((t) => t.value))
      .toEqual(['5_bgp', '5_sbgp', '5_telcom', '5_union']);
  });
});

describe('AutoCreatedElb validation', () => {
  test('GIVEN names CCE rejects THEN synth names the field and the rule', () => {
    expect(errorsOf(AutoCreatedElb.shared({ name: 'x'.repeat(65), network: publicNetwork({ bandwidthName: 'bad name!' }) }))).toEqual([
      `loadBalancer.name (kubernetes.io/elb.autocreate: name): "${'x'.repeat(65)}" is not allowed; allowed: 1 to 64 characters (CCE's annotation table)`,
      'loadBalancer.network.bandwidthName (kubernetes.io/elb.autocreate: bandwidth_name): "bad name!" is not allowed; allowed: 1 to 64 letters (Chinese ones included), digits, "_", "-" or "." (the EIP API\'s bandwidth name rule)',
    ]);
  });

  test('GIVEN names CCE itself uses or accepts THEN they synthesize', () => {
    // CCE's default name is cce-lb-<Service UID>; its examples use A-location-d-test; shop-web works on real clusters.
    for (const name of ['cce-lb-53191067-b9aa-4cc3-84df-ec4d5cbada74', 'A-location-d-test', 'shop-web', 'My ELB.v2', '负载均衡']) {
      const autocreate = annotationsOf(AutoCreatedElb.shared({ name, network: publicNetwork({ bandwidthName: 'cce-bandwidth-1551163379627' }) }))[ElbAnnotations.AUTOCREATE];
      expect(JSON.parse(autocreate).name).toBe(name);
    }
    const withChineseBandwidth = annotationsOf(AutoCreatedElb.shared({ network: publicNetwork({ bandwidthName: '带宽_1' }) }))[ElbAnnotations.AUTOCREATE];
    expect(JSON.parse(withChineseBandwidth).bandwidth_name).toBe('带宽_1');
  });

  test.each([
    ['a', true],
    ['a_1', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['1abc', true],
    ['abc_', true],
    ['A-location-d-test', true],
    ['😀'.repeat(64), true],
    ['', false],
  ])('autocreate name %j accepted: %s', (name, ok) => {
    const errors = (() => {
      try {
        return errorsOf(AutoCreatedElb.shared({ name }));
      } catch {
        return [];
      }
    })();
    expect(errors.some((e) => e.startsWith('loadBalancer.name'))).toBe(!ok);
  });

  test.each([0, 2001, 1.5, -1])('GIVEN bandwidth %p Mbit/s THEN synth rejects it', (size) => {
    expect(errorsOf(AutoCreatedElb.shared({ network: publicNetwork({ bandwidthSizeMbps: size }) }))).toEqual([
      `loadBalancer.network.bandwidthSizeMbps (kubernetes.io/elb.autocreate: bandwidth_size): ${size} is not allowed; allowed: a whole number from 1 to 2000 Mbit/s (a JSON number)`,
    ]);
  });

  test('GIVEN bandwidth 1 and 2000 Mbit/s THEN both are accepted', () => {
    expect(annotationsOf(AutoCreatedElb.shared({ network: publicNetwork({ bandwidthSizeMbps: 1 }) }))).toBeDefined();
    expect(annotationsOf(AutoCreatedElb.shared({ network: publicNetwork({ bandwidthSizeMbps: 2000 }) }))).toBeDefined();
  });

  test('GIVEN an empty EIP type THEN synth rejects it', () => {
    expect(errorsOf(AutoCreatedElb.shared({ network: publicNetwork({ eipType: EipType.of('') }) }))).toEqual([
      'loadBalancer.network.eipType (kubernetes.io/elb.autocreate: eip_type): "" is not allowed; allowed: an EIP type of the region, such as "5_bgp"',
    ]);
  });

  test('GIVEN a dedicated ELB without zones or flavor THEN synth names both', () => {
    // An empty l7_flavor_name means "no layer-7 flavor": CCE's own read-back Services carry it (OTC custom EIP page).
    expect(errorsOf(AutoCreatedElb.dedicated({ availabilityZones: [], l4FlavorName: '', l7FlavorName: '' }))).toEqual([
      'loadBalancer.availabilityZones (kubernetes.io/elb.autocreate: available_zone): [] is not allowed; allowed: a non-empty list of availability zone codes, such as ["cn-south-2b"]',
      'loadBalancer.l4FlavorName (kubernetes.io/elb.autocreate: l4_flavor_name): is empty, and a dedicated load balancer without HTTP/HTTPS listeners needs a network flavor; allowed: the name of a layer-4 flavor, such as "L4_flavor.elb.s1.small"',
    ]);
  });

  test('GIVEN bad subnet IDs THEN synth names them', () => {
    expect(errorsOf(AutoCreatedElb.dedicated({
      availabilityZones: ['cn-north-4a', ' '],
      l4FlavorName: 'L4_flavor.elb.s1.small',
      vipSubnetId: 'subnet-a',
      backendSubnetIds: ['subnet-b'],
    }))).toEqual([
      'loadBalancer.vipSubnetId (kubernetes.io/elb.autocreate: vip_subnet_cidr_id): "subnet-a" is not allowed; allowed: the ID of an IPv4 subnet in the cluster VPC (a UUID)',
      'loadBalancer.availabilityZones (kubernetes.io/elb.autocreate: available_zone): ["cn-north-4a"," "] is not allowed; allowed: a non-empty list of availability zone codes, such as ["cn-south-2b"]',
      'loadBalancer.backendSubnetIds (kubernetes.io/elb.autocreate: elb_virsubnet_ids): ["subnet-b"] is not allowed; allowed: a list of subnet network IDs (UUIDs)',
    ]);
  });
});

describe('reclaimPolicy (kubernetes.io/elb.instance-reclaim-policy)', () => {
  test('GIVEN RETAIN or ALWAYS_DELETE THEN the annotation is written beside autocreate; left out THEN nothing is written', () => {
    expect(annotationsOf(AutoCreatedElb.shared({ reclaimPolicy: ElbReclaimPolicy.RETAIN }))[ElbAnnotations.INSTANCE_RECLAIM_POLICY]).toBe('retain');
    expect(annotationsOf(AutoCreatedElb.dedicated({
      availabilityZones: ['cn-north-4a'], l4FlavorName: 'L4_flavor.elb.s1.small', reclaimPolicy: ElbReclaimPolicy.ALWAYS_DELETE,
    }))[ElbAnnotations.INSTANCE_RECLAIM_POLICY]).toBe('alwaysDelete');
    expect(annotationsOf(AutoCreatedElb.shared())).not.toHaveProperty([ElbAnnotations.INSTANCE_RECLAIM_POLICY]);
  });

  test('GIVEN a cluster older than v1.28.15-r60 THEN the version gate names it', () => {
    const chart = newChart();
    new ClusterProfile(chart, 'cluster', { version: 'v1.28.15-r10' });
    new ElbService(chart, 'svc', { loadBalancer: AutoCreatedElb.shared({ reclaimPolicy: ElbReclaimPolicy.RETAIN }), ports: [{ port: 80 }], selectorLabels: { app: 'x' } });
    expect(synthErrors(chart)).toEqual([
      'loadBalancer.reclaimPolicy (kubernetes.io/elb.instance-reclaim-policy): needs a cluster of v1.28.15-r60 or later, but the cluster profile says v1.28.15-r10; allowed: upgrade the cluster, or leave it out',
    ]);
  });
});

describe('l4FlavorName of a dedicated load balancer (cce_10_0683, 2026)', () => {
  const dedicatedWithoutL4 = () => AutoCreatedElb.dedicated({ availabilityZones: ['cn-north-4a'], l7FlavorName: 'L7_flavor.elb.s1.small' });

  function httpOnly(version?: string) {
    const chart = newChart();
    if (version) new ClusterProfile(chart, 'cluster', { version });
    new HttpsElbService(chart, 'svc', { loadBalancer: dedicatedWithoutL4(), ports: [{ port: 80 }], selectorLabels: { app: 'x' }, listeners: [Listener.http(80)] });
    return chart;
  }

  test('GIVEN only HTTP/HTTPS listeners on a cluster that needs only the application flavor, or no cluster version THEN it may be left out', () => {
    expect(JSON.parse(synthService(httpOnly('v1.25.4-r10')).metadata.annotations[ElbAnnotations.AUTOCREATE])).not.toHaveProperty('l4_flavor_name');
    expect(() => synthService(httpOnly())).not.toThrow();
  });

  test('GIVEN only HTTP/HTTPS listeners on an older cluster THEN it is required, naming the versions', () => {
    expect(synthErrors(httpOnly('v1.25.4-r0'))).toEqual([
      'loadBalancer.l4FlavorName (kubernetes.io/elb.autocreate: l4_flavor_name): is left out, so the load balancer has only an application flavor, and HTTP/HTTPS listeners with only an application flavor need a cluster of v1.19.16-r50, v1.21.11-r10, v1.23.9-r10, v1.25.4-r10, v1.27.1-r10 or later, but the cluster profile says v1.25.4-r0; allowed: the name of a layer-4 flavor, such as "L4_flavor.elb.s1.small" (older clusters need both flavors), or upgrade the cluster',
    ]);
  });

  test('GIVEN TCP listeners THEN it is required', () => {
    expect(errorsOf(dedicatedWithoutL4())).toEqual([
      'loadBalancer.l4FlavorName (kubernetes.io/elb.autocreate: l4_flavor_name): is not set, and a dedicated load balancer without HTTP/HTTPS listeners needs a network flavor; allowed: the name of a layer-4 flavor, such as "L4_flavor.elb.s1.small"',
    ]);
  });
});

describe('a Service without metadata.name (cdk8s pitfall)', () => {
  const build = (metadata?: { name: string }, loadBalancer: LoadBalancer = AutoCreatedElb.shared()) => {
    const chart = newChart();
    return new ElbService(chart, 'svc', { metadata, loadBalancer, ports: [{ port: 80 }], selectorLabels: { app: 'x' } });
  };

  test('GIVEN an auto-created load balancer and no name THEN a warning says a renamed construct recreates the load balancer', () => {
    expect(build().warnings()).toEqual([
      expect.stringMatching(/^metadata\.name: is not set, so cdk8s names the Service after its construct path \(test-svc-[0-9a-f]{8}\); renaming or moving the construct makes a new Service, and CCE then deletes this auto-created load balancer and creates another with a new address; allowed: metadata: \{ name: '…' \} \[ElbWarning\.GENERATED_NAME\]$/),
    ]);
  });

  test('GIVEN a name, or an existing load balancer THEN no warning', () => {
    expect(build({ name: 'web' }).warnings()).toEqual([]);
    expect(build(undefined, ExistingElb.shared('5083f225-9bf8-48fa-9c8b-67bd9693c4c0')).warnings()).toEqual([]);
  });
});
