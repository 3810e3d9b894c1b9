import { ELB_ID as ID, check } from './support/check';
import { checkServiceManifest, formatFinding } from '../src/rules';

describe('decoding', () => {
  test('GIVEN a valid documented Service THEN nothing is found', () => {
    expect(check({ 'kubernetes.io/elb.id': ID })).toEqual([]);
  });

  test('GIVEN JSON annotations that do not parse or are not objects THEN each is named', () => {
    expect(check({
      'kubernetes.io/elb.class': 'union',
      'kubernetes.io/elb.autocreate': '{"type":"public",',
      'kubernetes.io/elb.health-check-option': '[1]',
      'kubernetes.io/elb.session-affinity-mode': 'SOURCE_IP',
      'kubernetes.io/elb.session-affinity-option': '"30"',
    })).toEqual([
      'loadBalancer (kubernetes.io/elb.autocreate): "{\\"type\\":\\"public\\"," is not valid JSON; allowed: a JSON object',
      'healthCheck (kubernetes.io/elb.health-check-option): "[1]" is not a JSON object; allowed: a JSON object',
      'sessionAffinity (kubernetes.io/elb.session-affinity-option): "\\"30\\"" is not a JSON object; allowed: a JSON object',
    ]);
  });

  test('GIVEN a non-string value for a known annotation THEN it is named; unknown keys are ignored', () => {
    expect(check({ 'kubernetes.io/elb.id': ID, 'kubernetes.io/hws-hostNetwork': true, 'example.com/x': 1 })).toEqual([
      'hostNetwork (kubernetes.io/hws-hostNetwork): true is a boolean; allowed: a string (annotation values are always strings: quote it)',
    ]);
  });

  test('GIVEN a manifest without spec or with non-object ports THEN ports and selector are reported, not a crash', () => {
    expect(checkServiceManifest({ metadata: { annotations: { 'kubernetes.io/elb.id': ID } } }).map(formatFinding)).toEqual([
      'ports (spec.ports): is empty; allowed: at least one port',
      'selector (spec.selector): selects no pods: without a selector Kubernetes creates no endpoints, so the load balancer has backends only if EndpointSlices are managed for this Service by hand, which CCE does not document (the open-source cloud-provider-huaweicloud refuses it: "services custom endpoints are not supported"); allowed: a selector (a cdk8s-plus workload, selectorLabels, or spec.selector)',
    ]);
    expect(checkServiceManifest({ spec: { ports: [80], selector: { a: 'b' } } }).map(formatFinding)).toEqual([
      'loadBalancer (kubernetes.io/elb.id or kubernetes.io/elb.autocreate): neither is set; allowed: exactly one of them',
      'ports[0].port (spec.ports[0].port): is required; allowed: a whole number from 1 to 65535',
    ]);
  });

  test('GIVEN a malformed protocol-port entry THEN the entry is named', () => {
    expect(check({ 'kubernetes.io/elb.id': ID, 'kubernetes.io/elb.protocol-port': 'https:443,tcp:80' })).toEqual([
      'listeners (kubernetes.io/elb.protocol-port): entry "tcp:80" is not allowed; allowed: comma-separated "http:<port>", "https:<port>" or "tls:<port>" entries, such as "https:443,http:80"',
      'listeners (kubernetes.io/elb.protocol-port): https:443 names port 443, which is not in spec.ports; allowed: one of the Service ports (80)',
      'certificateId (kubernetes.io/elb.cert-id): is required because listener https:443 terminates TLS; allowed: the ID of a certificate in ELB certificate management',
    ]);
  });
});

describe('load balancer source and class', () => {
  test('GIVEN neither elb.id nor elb.autocreate THEN it is an error', () => {
    expect(check({})).toEqual(['loadBalancer (kubernetes.io/elb.id or kubernetes.io/elb.autocreate): neither is set; allowed: exactly one of them']);
  });

  test('GIVEN an unknown class, or autocreate without a class THEN each is named', () => {
    expect(check({ 'kubernetes.io/elb.class': 'shared', 'kubernetes.io/elb.id': ID })).toEqual([
      'loadBalancer (kubernetes.io/elb.class): "shared" is the cloud-provider-huaweicloud value, which CCE does not take; allowed: "union" (CCE\'s value for a shared load balancer), or "performance"',
    ]);
    // CCE's documented default class is union: an auto-created load balancer without a class is legal.
    expect(check({ 'kubernetes.io/elb.autocreate': '{}' })).toEqual([
      'warning: loadBalancer (kubernetes.io/elb.class): is not set, so CCE creates a load balancer of its documented default class "union" (shared), though regions with ELB v3 default to "performance" (dedicated, which needs available_zone and l4_flavor_name); allowed: state the class with AutoCreatedElb.shared() or AutoCreatedElb.dedicated()',
    ]);
  });
});

describe('autocreate fields', () => {
  test('GIVEN a misspelt field, public fields missing, and a bad type THEN each is named', () => {
    expect(check({
      'kubernetes.io/elb.class': 'union',
      'kubernetes.io/elb.autocreate': '{"type":"public","bandwith_name":"bw","bandwidth_size":"5"}',
    })).toEqual([
      'loadBalancer (kubernetes.io/elb.autocreate: bandwith_name): is not a field CCE knows (did you mean "bandwidth_name"?); allowed: type, bandwidth_name, bandwidth_chargemode, bandwidth_size, bandwidth_sharetype, eip_type, name, vip_subnet_cidr_id, vip_address, ipv6_vip_virsubnet_id, available_zone, l7_flavor_name, l4_flavor_name, elb_virsubnet_ids',
      'loadBalancer.network.bandwidthName (kubernetes.io/elb.autocreate: bandwidth_name): is required for a public load balancer; allowed: see ElbNetwork.publicNetwork()',
      'warning: loadBalancer.network.chargeMode (kubernetes.io/elb.autocreate: bandwidth_chargemode): is not set: Huawei Cloud CCE bills by bandwidth then, but Open Telekom Cloud\'s page marks the field mandatory; allowed: "bandwidth" or "traffic" (ElbNetwork.publicNetwork({ chargeMode }))',
      'loadBalancer.network.shareType (kubernetes.io/elb.autocreate: bandwidth_sharetype): is required for a public load balancer; allowed: see ElbNetwork.publicNetwork()',
      'loadBalancer.network.eipType (kubernetes.io/elb.autocreate: eip_type): is required for a public load balancer; allowed: see ElbNetwork.publicNetwork()',
      'loadBalancer.network.bandwidthSizeMbps (kubernetes.io/elb.autocreate: bandwidth_size): "5" is not allowed; allowed: a whole number from 1 to 2000 Mbit/s (a JSON number)',
    ]);
  });

  test('GIVEN bad enum values THEN each is named', () => {
    expect(check({
      'kubernetes.io/elb.class': 'union',
      'kubernetes.io/elb.autocreate': JSON.stringify({
        type: 'public', bandwidth_name: 'bw', bandwidth_chargemode: 'monthly', bandwidth_size: 5, bandwidth_sharetype: 'WHOLE', eip_type: '5_bgp',
      }),
    })).toEqual([
      'loadBalancer.network.chargeMode (kubernetes.io/elb.autocreate: bandwidth_chargemode): "monthly" is not allowed; allowed: "bandwidth", "traffic"',
      'loadBalancer.network.shareType (kubernetes.io/elb.autocreate: bandwidth_sharetype): "WHOLE" is not allowed; allowed: "PER"',
    ]);
    expect(check({ 'kubernetes.io/elb.class': 'union', 'kubernetes.io/elb.autocreate': '{"type":"external"}' })).toEqual([
      'loadBalancer.network (kubernetes.io/elb.autocreate: type): "external" is not allowed; allowed: "public", "inner"',
    ]);
  });

  test('GIVEN bandwidth fields on a private ELB, or dedicated fields on a shared one THEN each is named', () => {
    expect(check({
      'kubernetes.io/elb.class': 'union',
      'kubernetes.io/elb.autocreate': '{"type":"inner","bandwidth_size":5,"l4_flavor_name":"L4_flavor.elb.s1.small"}',
    })).toEqual([
      'loadBalancer.network.bandwidthSizeMbps (kubernetes.io/elb.autocreate: bandwidth_size): only applies to a public load balancer; allowed: leave it out, or use ElbNetwork.publicNetwork() ("type":"public")',
      'loadBalancer.l4FlavorName (kubernetes.io/elb.autocreate: l4_flavor_name): only applies to a dedicated load balancer (elb.class "performance"); allowed: leave it out, or use AutoCreatedElb.dedicated()',
    ]);
  });

  test('GIVEN a dedicated ELB without zones and flavor THEN both are required', () => {
    expect(check({ 'kubernetes.io/elb.class': 'performance', 'kubernetes.io/elb.autocreate': '{}' })).toEqual([
      'loadBalancer.availabilityZones (kubernetes.io/elb.autocreate: available_zone): is required for a dedicated load balancer; allowed: a non-empty list of availability zone codes, such as ["cn-south-2b"]',
      'loadBalancer.l4FlavorName (kubernetes.io/elb.autocreate: l4_flavor_name): is not set, and a dedicated load balancer without HTTP/HTTPS listeners needs a network flavor; allowed: the name of a layer-4 flavor, such as "L4_flavor.elb.s1.small"',
    ]);
  });
});

describe('health check and sticky sessions given raw', () => {
  test('GIVEN numbers instead of JSON strings THEN CCE\'s parser would reject them, and so do the rules', () => {
    expect(check({
      'kubernetes.io/elb.id': ID,
      'kubernetes.io/elb.health-check-flag': 'on',
      'kubernetes.io/elb.health-check-option': '{"protocol":"TCP","delay":5,"interval":3}',
    })).toEqual([
      'healthCheck (kubernetes.io/elb.health-check-option: interval): is not a field CCE knows; allowed: protocol, delay, timeout, max_retries, path',
      'healthCheck.delay (kubernetes.io/elb.health-check-option: delay): 5 must be a JSON string such as "1", because CCE rejects JSON numbers here; allowed: "1" to "50" seconds',
    ]);
  });

  test('GIVEN a bad flag, options under flag off, a path on a TCP check and an unknown protocol THEN each is named', () => {
    expect(check({ 'kubernetes.io/elb.id': ID, 'kubernetes.io/elb.health-check-flag': 'true' })).toEqual([
      'healthCheck (kubernetes.io/elb.health-check-flag): "true" is not allowed; allowed: "on", "off", ""',
    ]);
    expect(check({
      'kubernetes.io/elb.id': ID,
      'kubernetes.io/elb.health-check-flag': 'off',
      'kubernetes.io/elb.health-check-option': '{"protocol":"TCP","path":"/x"}',
    })).toEqual([
      'warning: healthCheck (kubernetes.io/elb.health-check-option): has no effect because kubernetes.io/elb.health-check-flag is "off"; allowed: turn the health check on, or leave the options out',
      'healthCheck.path (kubernetes.io/elb.health-check-option: path): only applies to HTTP health checks; allowed: HealthCheck.http({ path })',
    ]);
    expect(check({ 'kubernetes.io/elb.id': ID, 'kubernetes.io/elb.health-check-option': '{"protocol":"ICMP"}' })).toEqual([
      'healthCheck (kubernetes.io/elb.health-check-option: protocol): "ICMP" is not allowed; allowed: "TCP", "UDP_CONNECT", "UDP", "HTTP"',
      'healthCheck (kubernetes.io/elb.health-check-option: protocol): "ICMP" cannot probe TCP port 80 (spec.ports[0]); allowed for a TCP port: TCP or HTTP',
    ]);
  });

  test('GIVEN a UDP health check written as "UDP" (the controller\'s spelling) THEN it is accepted on a UDP port', () => {
    expect(check(
      { 'kubernetes.io/elb.id': ID, 'kubernetes.io/elb.health-check-option': '{"protocol":"UDP"}' },
      { ports: [{ port: 53, protocol: 'UDP' }] },
    )).toEqual([]);
  });

  test('GIVEN a numeric or unknown sticky-session option THEN each is named', () => {
    expect(check({
      'kubernetes.io/elb.id': ID,
      'kubernetes.io/elb.session-affinity-mode': 'SOURCE_IP',
      'kubernetes.io/elb.session-affinity-option': '{"persistence_timeout":30,"cookie_name":"c"}',
    })).toEqual([
      'sessionAffinity (kubernetes.io/elb.session-affinity-option: cookie_name): is not a field CCE knows; allowed: persistence_timeout',
      'sessionAffinity.timeout (kubernetes.io/elb.session-affinity-option: persistence_timeout): 30 must be a JSON string such as "1", because CCE rejects JSON numbers here; allowed: "1" to "60" minutes',
    ]);
  });
});

describe('Service fields given raw', () => {
  test('GIVEN unknown traffic policy, session affinity, protocol and pass-through values THEN each is named', () => {
    expect(check(
      { 'kubernetes.io/elb.id': ID, 'kubernetes.io/elb.pass-through': 'yes' },
      { externalTrafficPolicy: 'Node', sessionAffinity: 'Cookie', ports: [{ port: 80, protocol: 'SCTP' }] },
    )).toEqual([
      'PassThroughService (kubernetes.io/elb.pass-through): "yes" is not allowed; allowed: "true", "onlyLocal"',
      'ports[0].protocol (spec.ports[0].protocol): "SCTP" is not allowed; allowed: "TCP", "UDP"',
      'externalTrafficPolicy (spec.externalTrafficPolicy): "Node" is not allowed; allowed: "Cluster", "Local"',
      'serviceSessionAffinity (spec.sessionAffinity): "Cookie" is not allowed; allowed: "None", "ClientIP"',
    ]);
  });
});
