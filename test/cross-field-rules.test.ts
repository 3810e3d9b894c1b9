/**
 * The cross-field rules of the annotation reference (§7), checked on raw manifests: each test
 * breaks one rule and asserts the message. Typed props reach the same rules (they run on the
 * emitted manifest); see the construct tests for that path.
 */
import { ELB_ID, check, cluster, dedicated, shared } from './support/check';

const K = 'kubernetes.io/elb.';
const CERT = '17e3b4f4bc40471c86741dc3aa211379';
const CERT2 = '27e3b4f4bc40471c86741dc3aa211379';
const TWO_PORTS = { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 53, protocol: 'UDP' }] };
const group = (i: number) => ELB_ID.replace('5', String(i));

describe('§7.1 class and version', () => {
  test('GIVEN a dedicated load balancer on a v1.15 cluster THEN the version gate names v1.17', () => {
    expect(check(dedicated(), {}, cluster({ version: 'v1.15.11-r1' }))).toEqual([
      'loadBalancer (kubernetes.io/elb.class): a dedicated load balancer ("performance") needs a cluster of v1.17 or later, but the cluster profile says v1.15.11-r1; allowed: upgrade the cluster, or leave it out',
    ]);
    expect(check(dedicated(), {}, cluster({ version: 'v1.17.9-r0' }))).toEqual([]);
  });

  test('GIVEN no cluster version THEN no version gate fires', () => {
    expect(check(dedicated({ [K + 'client-ca-cert-id']: CERT, [K + 'protocol-port']: 'https:80', [K + 'cert-id']: CERT }))).toEqual([]);
  });
});

describe('§7.2 one source of the load balancer (elb.ip counts as an existing one)', () => {
  test('GIVEN elb.ip and elb.autocreate THEN both are refused', () => {
    expect(check({ [K + 'class']: 'union', [K + 'ip']: '192.168.0.9', [K + 'autocreate']: '{"type":"inner"}' })).toEqual([
      'loadBalancer (kubernetes.io/elb.ip and kubernetes.io/elb.autocreate): both are set; CCE would bind the existing load balancer and delete it together with the Service; allowed: exactly one of them',
    ]);
  });

  test('GIVEN elb.id and elb.ip THEN one of them is asked for', () => {
    expect(check(shared({ [K + 'ip']: '192.168.0.9' }))).toEqual([
      'loadBalancer (kubernetes.io/elb.id and kubernetes.io/elb.ip): both are set, and CCE uses the ID and ignores the address; allowed: one of them (ExistingElb.fromId() or ExistingElb.fromIpAddress())',
    ]);
  });

  test('GIVEN an address that is not IPv4 THEN it is named', () => {
    expect(check({ [K + 'ip']: '192.168.0.999' })).toEqual([
      'loadBalancer.ipAddress (kubernetes.io/elb.ip): "192.168.0.999" is not allowed; allowed: the IPv4 address of an existing load balancer, such as "192.168.0.10"',
    ]);
  });
});

describe('§7.5 dedicated autocreate fields', () => {
  test('GIVEN an elastic layer-4 and a fixed layer-7 flavor, a bad vip_address and IPv6 subnet THEN each is named', () => {
    const autocreate = { available_zone: ['a'], l4_flavor_name: 'L4_flavor.elb.pro.max', l7_flavor_name: 'L7_flavor.elb.s1.small', ipv6_vip_virsubnet_id: 'x', vip_address: '10.0.0.300' };
    expect(check({ [K + 'class']: 'performance', [K + 'autocreate']: JSON.stringify(autocreate) })).toEqual([
      'loadBalancer.vipAddress (kubernetes.io/elb.autocreate: vip_address): "10.0.0.300" is not allowed; allowed: a free IPv4 address of the load balancer subnet (IPv6 is not allowed)',
      'loadBalancer.ipv6VipSubnetId (kubernetes.io/elb.autocreate: ipv6_vip_virsubnet_id): "x" is not allowed; allowed: the network ID of an IPv6-enabled subnet (a UUID)',
      'loadBalancer.l7FlavorName (kubernetes.io/elb.autocreate: l7_flavor_name): "L7_flavor.elb.s1.small" and l4_flavor_name "L4_flavor.elb.pro.max" mix an elastic and a fixed flavor; allowed: both elastic (L4_flavor.elb.pro.max with L7_flavor.elb.pro.max) or both fixed',
    ]);
  });

  test('GIVEN ipv6_vip_virsubnet_id on a shared load balancer THEN it is dedicated-only', () => {
    expect(check({ [K + 'class']: 'union', [K + 'autocreate']: JSON.stringify({ ipv6_vip_virsubnet_id: ELB_ID }) })).toEqual([
      'loadBalancer.ipv6VipSubnetId (kubernetes.io/elb.autocreate: ipv6_vip_virsubnet_id): only applies to a dedicated load balancer (elb.class "performance"); allowed: leave it out, or use AutoCreatedElb.dedicated()',
    ]);
  });

  test('GIVEN vip_address on an older cluster THEN the field version gate fires', () => {
    expect(check({ [K + 'class']: 'union', [K + 'autocreate']: '{"vip_address":"10.0.0.8"}' }, {}, cluster({ version: 'v1.25.5-r0' }))).toEqual([
      'loadBalancer.vipAddress (kubernetes.io/elb.autocreate: vip_address): needs a cluster of v1.23.11-r0, v1.25.6-r0, v1.27.3-r0 or later, but the cluster profile says v1.25.5-r0; allowed: upgrade the cluster, or leave it out',
    ]);
  });
});

describe('§7.7 tags and enterprise project', () => {
  test('GIVEN tags without "=" and an enterprise project on an existing ELB THEN the tag is an error and the project a warning', () => {
    expect(check(shared({ [K + 'tags']: 'a=1,b', [K + 'enterpriseID']: '0' }))).toEqual([
      'tags (kubernetes.io/elb.tags): entry "b" is not allowed; allowed: key=value pairs separated by commas, such as "team=web,env=prod"',
      'warning: enterpriseProjectId (kubernetes.io/elb.enterpriseID): has no effect because CCE reads it only when it creates the load balancer (kubernetes.io/elb.autocreate); allowed: use AutoCreatedElb, or leave it out',
    ]);
  });

  test('GIVEN tags on an existing ELB THEN they have no effect', () => {
    expect(check(shared({ [K + 'tags']: 'team=web' }))).toEqual([
      'warning: tags (kubernetes.io/elb.tags): has no effect because CCE reads it only when it creates the load balancer (kubernetes.io/elb.autocreate); allowed: use AutoCreatedElb, or leave it out',
    ]);
  });
});

describe('§7.9 sticky-session option without a mode', () => {
  test('GIVEN only the option THEN it has no effect', () => {
    expect(check(shared({ [K + 'session-affinity-option']: '{"persistence_timeout":"30"}' }))).toEqual([
      'warning: sessionAffinity (kubernetes.io/elb.session-affinity-option): has no effect without kubernetes.io/elb.session-affinity-mode; allowed: SessionAffinity.sourceIp(timeout), or leave the option out',
    ]);
  });
});

describe('§7.10–12 health checks per port', () => {
  test('GIVEN health-check-option and health-check-options THEN only one is allowed', () => {
    expect(check(shared({ [K + 'health-check-option']: '{"delay":"5"}', [K + 'health-check-options']: '[{"target_service_port":"TCP:80"}]' }))).toEqual([
      'healthCheck (kubernetes.io/elb.health-check-option and kubernetes.io/elb.health-check-options): both are set; allowed: one health check for every port (healthCheck) or one per port (ports[].healthCheck), not both',
    ]);
  });

  test('GIVEN per-port entries that break each rule THEN each is named with its index', () => {
    const options = [
      { delay: '5' },
      { target_service_port: 'TCP:81' },
      { target_service_port: 'tcp:80' },
      { target_service_port: 'UDP:53', protocol: 'TCP', monitor_port: '70000', expected_codes: '200' },
      { target_service_port: 'UDP:53' },
      { target_service_port: 'TCP:80', protocol: 'HTTP', path: '/h', expected_codes: '200-299', monitor_port: '8080', foo: 1 },
    ];
    expect(check(shared({ [K + 'health-check-options']: JSON.stringify(options) }), TWO_PORTS)).toEqual([
      'ports[].healthCheck (kubernetes.io/elb.health-check-options: [0].target_service_port): is required; allowed: the protocol and port of a spec.ports entry, such as "TCP:80"',
      'ports[].healthCheck (kubernetes.io/elb.health-check-options: [1].target_service_port): "TCP:81" is not a port of spec.ports; allowed: one of TCP:80, UDP:53',
      'ports[].healthCheck (kubernetes.io/elb.health-check-options: [2].target_service_port): "tcp:80" is not allowed; allowed: "<TCP|UDP>:<port>" of a spec.ports entry, such as "TCP:80"',
      'ports[].healthCheck.monitorPort (kubernetes.io/elb.health-check-options: [3].monitor_port): 70000 is not allowed; allowed: a whole number from 1 to 65535',
      'ports[].healthCheck.expectedCodes (kubernetes.io/elb.health-check-options: [3].expected_codes): only applies to HTTP health checks; allowed: HealthCheck.http({ expectedCodes })',
      'ports[].healthCheck (kubernetes.io/elb.health-check-options: [3].protocol): "TCP" cannot probe UDP port 53 (spec.ports[1]); allowed for a UDP port: UDP_CONNECT or UDP',
      'ports[].healthCheck (kubernetes.io/elb.health-check-options: [4].target_service_port): "UDP:53" is checked more than once; allowed: one health check per port',
      'ports[].healthCheck (kubernetes.io/elb.health-check-options: [5].foo): is not a field CCE knows; allowed: target_service_port, monitor_port, protocol, delay, timeout, max_retries, path, expected_codes',
    ]);
  });

  test('GIVEN per-port checks on a cluster before the feature THEN the version gate fires', () => {
    expect(check(shared({ [K + 'health-check-options']: '[{"target_service_port":"TCP:80"}]' }), {}, cluster({ version: 'v1.21.7-r0' }))).toEqual([
      'ports[].healthCheck (kubernetes.io/elb.health-check-options): needs a cluster of v1.19.16-r5, v1.21.8-r0, v1.23.6-r0, v1.25.2-r0 or later, but the cluster profile says v1.21.7-r0; allowed: upgrade the cluster, or leave it out',
    ]);
  });

  test('GIVEN per-port checks while the health check is off THEN they have no effect', () => {
    expect(check(shared({ [K + 'health-check-flag']: 'off', [K + 'health-check-options']: '[{"target_service_port":"TCP:80"}]' }))).toEqual([
      'warning: ports[].healthCheck (kubernetes.io/elb.health-check-options): has no effect because kubernetes.io/elb.health-check-flag is "off"; allowed: turn the health check on, or leave the options out',
    ]);
  });
});

describe('§7.13 TLS: SNI, HTTP/2, mutual TLS', () => {
  test('GIVEN TLS settings on a shared TCP Service THEN bad values and the dedicated-only CA are errors, and no-effect is a warning', () => {
    expect(check(shared({ [K + 'tls-certificate-ids']: 'abc', [K + 'http2-enable']: 'yes', [K + 'client-ca-cert-id']: CERT }))).toEqual([
      'http2 (kubernetes.io/elb.http2-enable): "yes" is not allowed; allowed: "true" or "false"',
      'sniCertificateIds (kubernetes.io/elb.tls-certificate-ids): entry "abc" is not allowed; allowed: the ID of a certificate in ELB certificate management, such as "17e3b4f4bc40471c86741dc3aa211379" (not the certificate itself)',
      'warning: sniCertificateIds (kubernetes.io/elb.tls-certificate-ids): has no effect because it applies only to HTTPS/TLS listeners and this Service has TCP listeners; allowed: add such a listener, or leave it out',
      'clientCaCertificateId (kubernetes.io/elb.client-ca-cert-id): applies only to a dedicated load balancer (elb.class "performance"), not to elb.class "union"; allowed: ExistingElb.dedicated() or AutoCreatedElb.dedicated(), or leave it out',
      'warning: clientCaCertificateId (kubernetes.io/elb.client-ca-cert-id): has no effect because it applies only to HTTPS listeners and this Service has TCP listeners; allowed: add such a listener, or leave it out',
    ]);
  });

  test('GIVEN every TLS setting on a dedicated HTTPS Service of a new enough cluster THEN nothing is found', () => {
    expect(check(dedicated({
      [K + 'protocol-port']: 'https:80',
      [K + 'cert-id']: CERT,
      [K + 'tls-certificate-ids']: `${CERT},${CERT2}`,
      [K + 'http2-enable']: 'true',
      [K + 'client-ca-cert-id']: CERT,
    }), {}, cluster({ version: 'v1.28.4-r0' }))).toEqual([]);
  });

  test('GIVEN mutual TLS one release too early THEN the version gate fires', () => {
    expect(check(dedicated({ [K + 'protocol-port']: 'https:80', [K + 'cert-id']: CERT, [K + 'client-ca-cert-id']: CERT }), {}, cluster({ version: 'v1.28.3-r0' }))).toEqual([
      'clientCaCertificateId (kubernetes.io/elb.client-ca-cert-id): needs a cluster of v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 or later, but the cluster profile says v1.28.3-r0; allowed: upgrade the cluster, or leave it out',
    ]);
  });

  test('GIVEN more SNI certificates than allowed, or one twice THEN they are named', () => {
    const many = Array.from({ length: 51 }, (_, i) => i.toString(16).padStart(32, '0')).join(',');
    expect(check(dedicated({ [K + 'protocol-port']: 'https:80', [K + 'cert-id']: CERT, [K + 'tls-certificate-ids']: many }))).toEqual([
      'sniCertificateIds (kubernetes.io/elb.tls-certificate-ids): lists 51 certificates; allowed: at most 50',
    ]);
    expect(check(dedicated({ [K + 'protocol-port']: 'https:80', [K + 'cert-id']: CERT, [K + 'tls-certificate-ids']: `${CERT},${CERT}` }))).toEqual([
      'sniCertificateIds (kubernetes.io/elb.tls-certificate-ids): lists a certificate more than once; allowed: each certificate once',
    ]);
  });
});

describe('§7.14 timeouts', () => {
  test('GIVEN a keepalive below the TCP/UDP minimum on a shared UDP Service and L7 timeouts on layer 4 THEN each is named', () => {
    expect(check(shared({ [K + 'keepalive_timeout']: '5', [K + 'client_timeout']: '301', [K + 'member_timeout']: '30' }), TWO_PORTS)).toEqual([
      'clientTimeout (kubernetes.io/elb.client_timeout): 301 is not allowed; allowed: a whole number from 1 to 300 seconds',
      'warning: clientTimeout (kubernetes.io/elb.client_timeout): has no effect because it applies only to HTTP/HTTPS listeners and this Service has TCP/UDP listeners; allowed: add such a listener, or leave it out',
      'warning: memberTimeout (kubernetes.io/elb.member_timeout): has no effect because it applies only to HTTP/HTTPS listeners and this Service has TCP/UDP listeners; allowed: add such a listener, or leave it out',
      'keepaliveTimeout (kubernetes.io/elb.keepalive_timeout): 5 seconds is out of range for the TCP listeners of this Service; allowed: 10 to 4000 seconds',
      'keepaliveTimeout (kubernetes.io/elb.keepalive_timeout): 5 seconds is out of range for the UDP listeners of this Service; allowed: 10 to 4000 seconds',
      'keepaliveTimeout (kubernetes.io/elb.keepalive_timeout): applies to UDP listeners only on a dedicated load balancer (elb.class "performance"), and this Service has UDP ports; allowed: a dedicated load balancer, or leave it out',
    ]);
  });

  test('GIVEN keepalive 0 on an HTTP listener THEN it is allowed; above 4000 it is not', () => {
    expect(check(shared({ [K + 'keepalive_timeout']: '0', [K + 'protocol-port']: 'http:80' }))).toEqual([]);
    // Reported once, by the key's value rule (the per-listener rule checks only values within 0–4000).
    expect(check(shared({ [K + 'keepalive_timeout']: '4001' }))).toEqual([
      'keepaliveTimeout (kubernetes.io/elb.keepalive_timeout): 4001 is not allowed; allowed: a whole number from 0 to 4000 seconds',
    ]);
  });

  test('GIVEN keepalive with a unit suffix THEN the annotation key is named', () => {
    expect(check(shared({ [K + 'keepalive_timeout']: '400s' }))).toEqual([
      'keepaliveTimeout (kubernetes.io/elb.keepalive_timeout): "400s" is not allowed; allowed: digits only (a whole number from 0, without sign or unit) written as a string, such as "60"',
    ]);
  });

  test('GIVEN a keepalive on a shared load balancer before v1.23.13-r0 but on a dedicated one after v1.19.16-r30 THEN the per-class gates apply', () => {
    const old = cluster({ version: 'v1.21.10-r10' });
    expect(check(shared({ [K + 'keepalive_timeout']: '300' }), {}, old)).toEqual([
      'keepaliveTimeout (kubernetes.io/elb.keepalive_timeout): needs a cluster of v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0 or later, but the cluster profile says v1.21.10-r10; allowed: upgrade the cluster, or leave it out',
    ]);
    expect(check(dedicated({ [K + 'keepalive_timeout']: '300' }), {}, old)).toEqual([]);
  });
});

describe('§7.15 X-Forwarded headers', () => {
  test('GIVEN headers on a shared TCP Service THEN the class is an error and the missing listener a warning', () => {
    expect(check(shared({ [K + 'x-forwarded-host']: 'true' }))).toEqual([
      'forwardedHeaders.host (kubernetes.io/elb.x-forwarded-host): applies only to a dedicated load balancer (elb.class "performance"), not to elb.class "union"; allowed: ExistingElb.dedicated() or AutoCreatedElb.dedicated(), or leave it out',
      'warning: forwardedHeaders.host (kubernetes.io/elb.x-forwarded-host): has no effect because it applies only to HTTP/HTTPS listeners and this Service has TCP listeners; allowed: add such a listener, or leave it out',
    ]);
  });

  test('GIVEN headers and no class THEN the class must be stated', () => {
    expect(check({ [K + 'id']: ELB_ID, [K + 'x-forwarded-for-port']: 'true', [K + 'protocol-port']: 'http:80' })).toEqual([
      'forwardedHeaders.forPort (kubernetes.io/elb.x-forwarded-for-port): applies only to a dedicated load balancer (elb.class "performance"), and kubernetes.io/elb.class is not set (CCE\'s webhook refuses the annotation unless the class is stated); allowed: state the class with ExistingElb.dedicated() or AutoCreatedElb.dedicated()',
    ]);
  });
});

describe('§7.16 transparent client IP', () => {
  test('GIVEN a dedicated load balancer in a standard cluster without Local THEN both problems are errors', () => {
    expect(check(dedicated({ [K + 'transparent-client-ip']: 'true' }), {}, cluster({ flavor: 'standard' }))).toEqual([
      'transparentClientIp (kubernetes.io/elb.transparent-client-ip): applies only to a shared load balancer (elb.class "union"), not to elb.class "performance"; allowed: ExistingElb.shared() or AutoCreatedElb.shared(), or leave it out',
      'transparentClientIp (kubernetes.io/elb.transparent-client-ip): needs externalTrafficPolicy "Local" in a CCE standard cluster; allowed: set externalTrafficPolicy to ExternalTrafficPolicy.LOCAL, or leave it out',
    ]);
  });

  test('GIVEN an unknown flavor THEN Local is advised; in Turbo it has no effect; with Local it is fine', () => {
    expect(check(shared({ [K + 'transparent-client-ip']: 'true' }))).toEqual([
      'warning: transparentClientIp (kubernetes.io/elb.transparent-client-ip): needs externalTrafficPolicy "Local" in a CCE standard cluster (the cluster profile does not say which flavor this is); allowed: set externalTrafficPolicy to ExternalTrafficPolicy.LOCAL, or state the flavor in a ClusterProfile',
    ]);
    expect(check(shared({ [K + 'transparent-client-ip']: 'true' }), {}, cluster({ flavor: 'turbo' }))).toEqual([
      'warning: transparentClientIp (kubernetes.io/elb.transparent-client-ip): has no effect in a CCE Turbo cluster, where the pods see the client IP anyway; allowed: leave it out',
    ]);
    expect(check(shared({ [K + 'transparent-client-ip']: 'true' }), { externalTrafficPolicy: 'Local' }, cluster({ flavor: 'standard', proxyMode: 'iptables' }))).toEqual([
      'warning: externalTrafficPolicy (spec.externalTrafficPolicy): is "Local": kube-proxy, not the load balancer, answers connections from inside the cluster to the load balancer\'s address, so nodes and containers may fail to reach the Service through the load balancer\'s address or its node ports; which ones depends on the container network model (tunnel or VPC) and the kube-proxy mode (iptables or IPVS); give networkModel (NetworkModel.TUNNEL or NetworkModel.VPC) in the ClusterProfile for CCE\'s exact table cells; fixes: inside the cluster, use the ClusterIP Service or its DNS name (recommended); or set externalTrafficPolicy to Cluster (the client source IP is then not kept); or use PassThroughService',
    ]);
  });
});

describe('§7.17–18 pass-through, Turbo and adaptive weights', () => {
  test('GIVEN pass-through on a v1.15 cluster with Local THEN the gate is an error and the rewrite a warning', () => {
    expect(check(shared({ [K + 'pass-through']: 'true' }), { externalTrafficPolicy: 'Local' }, cluster({ version: 'v1.15.11-r1' }))).toEqual([
      'PassThroughService (kubernetes.io/elb.pass-through): needs a cluster of v1.16 or later, but the cluster profile says v1.15.11-r1; allowed: upgrade the cluster, or leave it out',
      'warning: PassThroughService (kubernetes.io/elb.pass-through): will be rewritten by CCE to "onlyLocal" because externalTrafficPolicy is "Local"; GitOps tools will report it as drift (ignore it there, see docs/gitops.md)',
    ]);
  });

  test('GIVEN a Turbo cluster THEN Local is an error, and pass-through and adaptive weights on a dedicated ELB have no effect', () => {
    expect(check(dedicated({ [K + 'pass-through']: 'true', [K + 'adaptive-weight']: 'true' }), { externalTrafficPolicy: 'Local' }, cluster({ flavor: 'turbo' }))).toEqual([
      'externalTrafficPolicy (spec.externalTrafficPolicy): is "Local", but CCE Turbo clusters support only cluster-level Service affinity; allowed: "Cluster" (or leave it out)',
      'warning: PassThroughService (kubernetes.io/elb.pass-through): will be rewritten by CCE to "onlyLocal" because externalTrafficPolicy is "Local"; GitOps tools will report it as drift (ignore it there, see docs/gitops.md)',
      'warning: PassThroughService (kubernetes.io/elb.pass-through): has no effect on a dedicated load balancer in a CCE Turbo cluster, which forwards straight to the pods (passthrough networking); allowed: leave it out',
      'warning: adaptiveWeight (kubernetes.io/elb.adaptive-weight): has no effect on a dedicated load balancer in a CCE Turbo cluster, which forwards straight to the pods (passthrough networking); allowed: leave it out',
    ]);
  });

  test('GIVEN Local on a dedicated ELB without pass-through THEN the advice of the CCE table is given', () => {
    expect(check(dedicated(), { externalTrafficPolicy: 'Local' }, cluster({ proxyMode: 'ipvs' }))).toEqual([
      'warning: externalTrafficPolicy (spec.externalTrafficPolicy): is "Local": kube-proxy, not the load balancer, answers connections from inside the cluster to the load balancer\'s address; for a dedicated load balancer, CCE\'s table says (a backend node runs a backend pod): from a backend node and from containers on a backend node, the load balancer\'s public address is reachable, its private address is not (the same in every network model and proxy mode); fixes: inside the cluster, use the ClusterIP Service or its DNS name (recommended); or set externalTrafficPolicy to Cluster (the client source IP is then not kept); or use PassThroughService (CCE notes that a dedicated load balancer is still not reachable from a backend node or from containers on it)',
    ]);
  });
});

describe('§7.19 access control', () => {
  test('GIVEN two groups on a shared ELB without status and type THEN each is named', () => {
    expect(check(shared({ [K + 'acl-id']: `${group(1)},${group(2)}` }))).toEqual([
      'accessControl (kubernetes.io/elb.acl-status): is required because kubernetes.io/elb.acl-id lists IP address groups; allowed: "on" or "off"',
      'accessControl (kubernetes.io/elb.acl-type): is required because kubernetes.io/elb.acl-id lists IP address groups; allowed: "white" (trustlist) or "black" (blocklist)',
      'accessControl (kubernetes.io/elb.acl-id): lists 2 IP address groups, but only a dedicated load balancer (elb.class "performance") takes more than one; allowed: one group, or a dedicated load balancer',
    ]);
  });

  test('GIVEN six groups and an unknown status THEN both are named', () => {
    const ids = [1, 2, 3, 4, 6, 7].map(group).join(',');
    expect(check(dedicated({ [K + 'acl-id']: ids, [K + 'acl-status']: 'enabled', [K + 'acl-type']: 'white' }))).toEqual([
      'accessControl (kubernetes.io/elb.acl-id): lists 6 IP address groups; allowed: at most 5',
      'accessControl (kubernetes.io/elb.acl-status): "enabled" is not allowed; allowed: "on", "off", "true", "false"',
    ]);
  });

  test('GIVEN two groups on a dedicated ELB of a cluster before multi-group support THEN the gate fires', () => {
    expect(check(dedicated({ [K + 'acl-id']: `${group(1)},${group(2)}`, [K + 'acl-status']: 'on', [K + 'acl-type']: 'black' }), {}, cluster({ version: 'v1.25.16-r0' }))).toEqual([
      'accessControl (kubernetes.io/elb.acl-id): more than one IP address group needs a cluster of v1.25.16-r10, v1.27.16-r10, v1.28.15-r0, v1.29.10-r0, v1.30.6-r0, v1.31.1-r0 or later, but the cluster profile says v1.25.16-r0; allowed: upgrade the cluster, or leave it out',
    ]);
  });

  test('GIVEN a status without groups THEN it has no effect; an empty list (allow all) is fine', () => {
    expect(check(shared({ [K + 'acl-status']: 'on' }))).toEqual([
      'warning: accessControl (kubernetes.io/elb.acl-status): has no effect without kubernetes.io/elb.acl-id; allowed: AccessControl.trustlist() or AccessControl.blocklist(), or leave it out',
    ]);
    expect(check(shared({ [K + 'acl-id']: '' }))).toEqual([]);
  });
});

describe('§7.20 EIPs and controller-written annotations', () => {
  test('GIVEN a custom EIP before CCE wrote elb.eip-id, and annotations only CCE writes THEN each is named', () => {
    const publicElb = { [K + 'class']: 'union', [K + 'autocreate']: '{"type":"public","bandwidth_name":"bw","bandwidth_chargemode":"traffic","bandwidth_size":5,"bandwidth_sharetype":"PER","eip_type":"5_bgp"}' };
    expect(check({ ...publicElb, [K + 'custom-eip-id']: ELB_ID, [K + 'mark']: '0', [K + 'custom-eip-status']: '{}' })).toEqual([
      'warning: metadata.annotations (kubernetes.io/elb.custom-eip-status): is written by CCE itself onto the Service (this object has no uid, resourceVersion or status, so it is not read back from a cluster); allowed: leave it out of the manifest (and ignore it in GitOps diffs, see docs/gitops.md)',
      'warning: metadata.annotations (kubernetes.io/elb.mark): is written by CCE itself onto the Service (this object has no uid, resourceVersion or status, so it is not read back from a cluster); allowed: leave it out of the manifest (and ignore it in GitOps diffs, see docs/gitops.md)',
      'warning: customEipId (kubernetes.io/elb.custom-eip-id): takes effect only when the Service is updated after CCE has created its load balancer with an EIP (kubernetes.io/elb.eip-id is then present); on the first apply it is ignored; allowed: apply the Service first, then add the custom EIP',
    ]);
    // elb.eip-id is CCE's: fine on an object read back from a cluster, a warning in a manifest for kubectl apply.
    expect(check(shared({ [K + 'custom-eip-id']: ELB_ID, [K + 'eip-id']: ELB_ID }))).toEqual([
      'warning: metadata.annotations (kubernetes.io/elb.eip-id): is written by CCE itself onto the Service (this object has no uid, resourceVersion or status, so it is not read back from a cluster); allowed: leave it out of the manifest (and ignore it in GitOps diffs, see docs/gitops.md)',
    ]);
    expect(check(shared({ [K + 'custom-eip-id']: ELB_ID }))).toEqual([
      'customEipId (kubernetes.io/elb.custom-eip-id): replaces the EIP that CCE created with a public load balancer (kubernetes.io/elb.eip-id), and this Service has none: its load balancer is an existing one; allowed: AutoCreatedElb with ElbNetwork.publicNetwork(), or leave it out',
    ]);
  });
});

describe('version gates name an unlisted version line', () => {
  test('GIVEN v1.26 against a gate that lists v1.25 and v1.27 THEN the message explains why it is too old', () => {
    expect(check(shared({ [K + 'acl-id']: '' }), {}, cluster({ version: 'v1.26.5-r0' }))).toEqual([
      'accessControl (kubernetes.io/elb.acl-id): needs a cluster of v1.23.12-r0, v1.25.7-r0, v1.27.4-r0, v1.28.2-r0 or later, but the cluster profile says v1.26.5-r0 (CCE lists the first release of each version line that has it; v1.26 is not among them); allowed: upgrade the cluster, or leave it out',
    ]);
  });
});

describe('§7.21 connection draining', () => {
  test('GIVEN draining without a timeout THEN the timeout is required (ELB.8902)', () => {
    expect(check(dedicated({ [K + 'connection-drain-enable']: 'true' }))).toEqual([
      'connectionDrainTimeout (kubernetes.io/elb.connection-drain-timeout): is required because kubernetes.io/elb.connection-drain-enable is "true" (ELB rejects the listener: "Connection drain timeout must be explict defined."); allowed: 10 to 4000 seconds',
    ]);
  });

  test('GIVEN a short timeout alone on a shared ELB THEN range, class and no-effect are named', () => {
    expect(check(shared({ [K + 'connection-drain-timeout']: '5' }))).toEqual([
      'connectionDrainTimeout (kubernetes.io/elb.connection-drain-timeout): 5 is not allowed; allowed: a whole number from 10 to 4000 seconds',
      'connectionDrainTimeout (kubernetes.io/elb.connection-drain-timeout): applies only to a dedicated load balancer (elb.class "performance"), not to elb.class "union"; allowed: ExistingElb.dedicated() or AutoCreatedElb.dedicated(), or leave it out',
      'warning: connectionDrainTimeout (kubernetes.io/elb.connection-drain-timeout): has no effect unless kubernetes.io/elb.connection-drain-enable is "true"; allowed: connectionDrainTimeout (which writes both), or leave it out',
    ]);
  });
});
