import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AccessControl,
  AutoCreatedElb,
  BandwidthChargeMode,
  ClusterProfile,
  EipType,
  ElbIngress,
  ElbIngressProps,
  ElbNetwork,
  ElbWarning,
  ExistingElb,
  ForwardingAction,
  ForwardingCondition,
  ForwardTarget,
  IngressBackend,
  IngressBackendProtocol,
  IngressCertificate,
  IngressListener,
  PathMatch,
  RedirectCode,
  SecurityPolicy,
} from 'cdk8s-cce-elb';

/*
 * One chart per LoadBalancer Ingress example of CCE's documentation (`ingressClassName: cce`),
 * each built with the typed API only. The documented YAML is in
 * test/fixtures/cce-ingress-docs/<name>.yaml (its header names the page and lines), and
 * test/ingress-examples.test.ts compares each chart with it.
 *
 * Where a page has a placeholder (`<your_elb_id>`, `*****`, a masked bandwidth name), the chart has
 * a realistic value instead, the one of the substitution map at the top of the test: the Ingress's
 * own checks at synth refuse a placeholder as an ID, as CCE would.
 */

/** Stands for `<your_elb_id>`. */
const YOUR_ELB_ID = 'aa0c2e8f-6b1d-4f3a-9c57-2d8e41b7f0a3';
/** Stands for `<your_elb_ip>`. */
const YOUR_ELB_IP = '192.168.0.10';
/** Stands for `<your_acl_id>`. */
const YOUR_ACL_ID = 'c1a4f2b9-3e7d-4a68-b0c5-9d2e6f81a7b4';
/** Stands for the `*****` of `kubernetes.io/elb.id` (quoted in the fixtures). */
const MASKED_ELB_ID = '3f1e2d4c-5b6a-4789-8abc-def012345678';
/** Stands for the `*****` of a `poolID`. */
const MASKED_POOL_ID = '9e4b7c1d-2a3f-4e5b-8c6d-7f8091a2b3c4';
/** Stand for the masked `vip_subnet_cidr_id`, `vip_address` and `elb_virsubnet_ids` of cce_10_0252. */
const MASKED_VIP_SUBNET_ID = '5c8d2e1f-7a4b-4c3d-9e6f-0a1b2c3d4e5f';
const MASKED_VIP_ADDRESS = '192.168.0.100';
const MASKED_BACKEND_SUBNET_ID = '6d9e3f2a-8b5c-4d4e-a07f-1b2c3d4e5f60';
/** Stands for `cce-bandwidth-******`. */
const MASKED_BANDWIDTH_NAME = 'cce-bandwidth-1551163379627';
/** Stands for `<your_service_port>` (a port number). */
const YOUR_SERVICE_PORT = 80;
/** Stands for `<your_service_name>` (not a Service name: `IngressBackend` refuses it). */
const YOUR_SERVICE_NAME = 'nginx';

/** The cluster of the examples for clusters of v1.21 and earlier (networking.k8s.io/v1beta1). */
const LEGACY_CLUSTER = 'v1.21.7-r0';

/** Why every example acknowledges `ElbWarning.BACKEND_NOT_FOUND`. */
const SERVICES_ELSEWHERE = "CCE's page shows the Ingress alone; its backend Services are created in an earlier step of the page.";

/** An `ElbIngress` of an example: the backend Services are not part of the example. */
function ingress(scope: Construct, props: ElbIngressProps): ElbIngress {
  const result = new ElbIngress(scope, 'Ingress', props);
  result.acknowledgeWarning(ElbWarning.BACKEND_NOT_FOUND, SERVICES_ELSEWHERE);
  return result;
}

/** The public network of the auto-created load balancers of cce_10_0252, 0687 and 0688. */
function pageNetwork(): ElbNetwork {
  return ElbNetwork.publicNetwork({
    bandwidthName: MASKED_BANDWIDTH_NAME,
    chargeMode: BandwidthChargeMode.TRAFFIC,
    bandwidthSizeMbps: 5,
    eipType: EipType.BGP,
  });
}

/** The dedicated load balancer that cce_10_0687 and cce_10_0688 create. */
function certificatePagesElb(): AutoCreatedElb {
  return AutoCreatedElb.dedicated({
    network: pageNetwork(),
    availabilityZones: ['eu-de-01'],
    backendSubnetIds: ['b4bf8152-6c36-4c3b-9f74-2229f8e640c9'],
    l7FlavorName: 'L7_flavor.elb.s1.small',
  });
}

/** The load balancer that cce_10_0925 creates (custom EIP). */
function customEipElb(): AutoCreatedElb {
  return AutoCreatedElb.shared({
    name: 'test-eip',
    network: ElbNetwork.publicNetwork({
      bandwidthName: 'test-eip',
      chargeMode: BandwidthChargeMode.BANDWIDTH,
      bandwidthSizeMbps: 5,
      eipType: EipType.of('5_g-vm'),
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// cce_10_0252 "Creating a LoadBalancer Ingress Using kubectl" and cce_10_0858 (NGINX migration)
// ---------------------------------------------------------------------------------------------

/** cce_10_0252: a shared public load balancer created by CCE, with tags (v1.23 and later). */
export class AutoCreateSharedIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test' },
      loadBalancer: AutoCreatedElb.shared({ network: pageNetwork(), vipSubnetId: MASKED_VIP_SUBNET_ID, vipAddress: MASKED_VIP_ADDRESS }),
      tags: { key1: 'value1', key2: 'value2' },
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, YOUR_SERVICE_PORT) }],
    });
  }
}

/** cce_10_0252: the same for clusters of v1.21 and earlier (networking.k8s.io/v1beta1). */
export class AutoCreateSharedV1beta1IngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ClusterProfile(this, 'Cluster', { version: LEGACY_CLUSTER });
    ingress(this, {
      metadata: { name: 'ingress-test' },
      loadBalancer: AutoCreatedElb.shared({ network: pageNetwork() }),
      tags: { key1: 'value1', key2: 'value2' },
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, YOUR_SERVICE_PORT) }],
    });
  }
}

/** cce_10_0252: a dedicated public load balancer created by CCE (v1.23 and later). */
export class AutoCreateDedicatedIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: AutoCreatedElb.dedicated({
        network: pageNetwork(),
        vipSubnetId: MASKED_VIP_SUBNET_ID,
        vipAddress: MASKED_VIP_ADDRESS,
        backendSubnetIds: [MASKED_BACKEND_SUBNET_ID],
        availabilityZones: ['eu-de-01'],
        l7FlavorName: 'L7_flavor.elb.s1.small',
      }),
      tags: { key1: 'value1', key2: 'value2' },
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, YOUR_SERVICE_PORT) }],
    });
  }
}

/** cce_10_0252: the same for clusters of v1.21 and earlier. */
export class AutoCreateDedicatedV1beta1IngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ClusterProfile(this, 'Cluster', { version: LEGACY_CLUSTER });
    ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: AutoCreatedElb.dedicated({
        network: pageNetwork(),
        backendSubnetIds: [MASKED_BACKEND_SUBNET_ID],
        availabilityZones: ['eu-de-01'],
        l7FlavorName: 'L7_flavor.elb.s1.small',
      }),
      tags: { key1: 'value1', key2: 'value2' },
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, YOUR_SERVICE_PORT) }],
    });
  }
}

/** cce_10_0252: an existing dedicated load balancer, by ID and address (v1.23 and later). */
export class ExistingElbIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test' },
      loadBalancerAddress: YOUR_ELB_IP,
      loadBalancer: ExistingElb.dedicated(YOUR_ELB_ID),
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 8080) }],
    });
  }
}

/** cce_10_0252: the same for clusters of v1.21 and earlier. */
export class ExistingElbV1beta1IngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ClusterProfile(this, 'Cluster', { version: LEGACY_CLUSTER });
    ingress(this, {
      metadata: { name: 'ingress-test' },
      loadBalancerAddress: YOUR_ELB_IP,
      loadBalancer: ExistingElb.dedicated(YOUR_ELB_ID),
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80) }],
    });
  }
}

/** cce_10_0858: the LoadBalancer Ingress that takes over the traffic of an NGINX Ingress. */
export class NginxMigrationIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test' },
      loadBalancerAddress: YOUR_ELB_IP,
      loadBalancer: ExistingElb.dedicated(YOUR_ELB_ID),
      rules: [{ host: 'example.com', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 8080) }],
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Certificates, TLS, HTTP/2, HTTPS backends, listening ports
// ---------------------------------------------------------------------------------------------

/** The Ingress of the HttpsSecret examples, for both API versions. */
function httpsSecretIngress(scope: Construct): ElbIngress {
  return ingress(scope, {
    metadata: { name: 'ingress-test' },
    loadBalancer: certificatePagesElb(),
    listener: IngressListener.https({ certificate: IngressCertificate.fromSecret('ingress-test-secret') }),
    securityPolicy: SecurityPolicy.TLS_1_2,
    rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80) }],
  });
}

/** cce_10_0687: HTTPS with a TLS Secret, on a dedicated load balancer CCE creates. */
export class HttpsSecretIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    httpsSecretIngress(this);
  }
}

/** cce_10_0687: the same for clusters of v1.21 and earlier. */
export class HttpsSecretV1beta1IngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ClusterProfile(this, 'Cluster', { version: LEGACY_CLUSTER });
    httpsSecretIngress(this);
  }
}

/** cce_10_0687: HTTPS with ELB certificates (server and SNI) on an existing shared load balancer. */
export class HttpsElbCertificateIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: ExistingElb.shared('0b9a6c4d-bd8b-45cc-bfc8-ff0f9da54e95'),
      listener: IngressListener.https({
        certificate: IngressCertificate.fromElb('058cc023690d48a3867ad69dbe9cd6e5', ['b98382b1f01c473286653afd1ed9ab63']),
      }),
      securityPolicy: SecurityPolicy.TLS_1_2,
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80) }],
    });
  }
}

/** cce_10_0687: the same for clusters of v1.21 and earlier. */
export class HttpsElbCertificateV1beta1IngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ClusterProfile(this, 'Cluster', { version: LEGACY_CLUSTER });
    ingress(this, {
      metadata: { name: 'ingress-test' },
      loadBalancer: ExistingElb.shared('0b9a6c4d-bd8b-45cc-bfc8-ff0f9da54e95'),
      listener: IngressListener.https({
        certificate: IngressCertificate.fromElb('058cc023690d48a3867ad69dbe9cd6e5', ['b98382b1f01c473286653afd1ed9ab63']),
      }),
      securityPolicy: SecurityPolicy.TLS_1_2,
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80) }],
    });
  }
}

/** The Ingress of the SniSecret examples, for both API versions. */
function sniSecretIngress(scope: Construct): ElbIngress {
  return ingress(scope, {
    metadata: { name: 'ingress-test' },
    loadBalancer: certificatePagesElb(),
    listener: IngressListener.https({
      certificate: IngressCertificate.fromSecret('ingress-test-secret', [{ hosts: ['example.com'], secretName: 'sni-test-secret' }]),
    }),
    securityPolicy: SecurityPolicy.TLS_1_2,
    rules: [{ host: 'example.com', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80) }],
  });
}

/** cce_10_0688: a server certificate and an SNI certificate, as TLS Secrets. */
export class SniSecretIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    sniSecretIngress(this);
  }
}

/** cce_10_0688: the same for clusters of v1.21 and earlier. */
export class SniSecretV1beta1IngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ClusterProfile(this, 'Cluster', { version: LEGACY_CLUSTER });
    sniSecretIngress(this);
  }
}

/** cce_10_0688: a server certificate and an SNI certificate, as ELB certificates. */
export class SniElbCertificateIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: ExistingElb.shared('0b9a6c4d-bd8b-45cc-bfc8-ff0f9da54e95'),
      listener: IngressListener.https({
        certificate: IngressCertificate.fromElb('058cc023690d48a3867ad69dbe9cd6e5', ['b98382b1f01c473286653afd1ed9ab63']),
      }),
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80) }],
    });
  }
}

/** cce_10_0688: the same for clusters of v1.21 and earlier. */
export class SniElbCertificateV1beta1IngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ClusterProfile(this, 'Cluster', { version: LEGACY_CLUSTER });
    ingress(this, {
      metadata: { name: 'ingress-test' },
      loadBalancer: ExistingElb.shared('0b9a6c4d-bd8b-45cc-bfc8-ff0f9da54e95'),
      listener: IngressListener.https({
        certificate: IngressCertificate.fromElb('058cc023690d48a3867ad69dbe9cd6e5', ['b98382b1f01c473286653afd1ed9ab63']),
      }),
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80) }],
    });
  }
}

/** cce_10_0694: HTTP/2 on the HTTPS listener of an existing load balancer (class not stated). */
export class Http2IngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test' },
      loadBalancerAddress: YOUR_ELB_IP,
      loadBalancer: ExistingElb.fromId(YOUR_ELB_ID),
      listener: IngressListener.https({ certificate: IngressCertificate.fromSecret('ingress-test-secret') }),
      http2: true,
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80) }],
    });
  }
}

/** cce_10_0691: HTTPS to the backend pods (dedicated load balancers). */
export class HttpsBackendIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated(YOUR_ELB_ID),
      listener: IngressListener.https({ certificate: IngressCertificate.fromSecret('ingress-test-secret') }),
      backendProtocol: IngressBackendProtocol.HTTPS,
      securityPolicy: SecurityPolicy.TLS_1_2,
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80) }],
    });
  }
}

/** cce_10_0937: an HTTP and an HTTPS listener for the same rules (`elb.listen-ports`). */
export class ListenPortsIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated('2c623150-17bf-45f1-ae6f-384b036f547e'),
      listener: IngressListener.httpAndHttps({
        // The page lists the same certificate twice, as server and as SNI certificate.
        certificate: IngressCertificate.fromElb('6cfb43c9de1a41a18478b868e34b0a82', ['6cfb43c9de1a41a18478b868e34b0a82']),
      }),
      rules: [{ host: 'example.com', path: '/', backend: IngressBackend.fromServiceName('test', 8888) }],
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Listener settings: access control, timeouts, slow start, custom EIP
// ---------------------------------------------------------------------------------------------

/** cce_10_0832: a trustlist of one IP address group. */
export class AclTrustlistIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test' },
      loadBalancer: ExistingElb.dedicated(YOUR_ELB_ID),
      accessControl: AccessControl.trustlist([YOUR_ACL_ID]),
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80) }],
    });
  }
}

/** cce_10_0730: the three listener timeouts. */
export class TimeoutsIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'test', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated(YOUR_ELB_ID),
      keepaliveTimeout: Duration.seconds(300),
      clientTimeout: Duration.seconds(60),
      memberTimeout: Duration.seconds(60),
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName('test', 80) }],
    });
  }
}

/** cce_10_0735: slow start of new backends. */
export class SlowStartIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated(YOUR_ELB_ID),
      slowStart: Duration.seconds(30),
      rules: [{ host: '', path: '/', backend: IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80) }],
    });
  }
}

/**
 * cce_10_0925: the Ingress whose load balancer CCE creates; the page shows it as CCE returns it
 * (with `elb.id`, `elb.ip`, `elb.eip-id` and `status`, which CCE writes). This is what a user writes.
 */
export class CustomEipBeforeIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'test-eip', namespace: 'default' },
      loadBalancer: customEipElb(),
      rules: [{ path: '/', backend: IngressBackend.fromServiceName('test-eip', 80) }],
    });
  }
}

/** Why the custom EIP examples acknowledge `ElbWarning.CUSTOM_EIP_ON_UPDATE`. */
const CUSTOM_EIP_UPDATE =
  'cce_10_0925 sets the custom EIP in an update, after CCE created the load balancer with an EIP (custom-eip-before).';

/** cce_10_0925: the same Ingress with the custom EIP added (the update of the page). */
export class CustomEipSetIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const result = ingress(this, {
      metadata: { name: 'test-eip', namespace: 'default' },
      loadBalancer: customEipElb(),
      customEipId: '57bf8bb2-8c7d-4d07-8799-aae16a421802',
      rules: [{ path: '/', backend: IngressBackend.fromServiceName('test-eip', 80) }],
    });
    result.acknowledgeWarning(ElbWarning.CUSTOM_EIP_ON_UPDATE, CUSTOM_EIP_UPDATE);
  }
}

/**
 * cce_10_0925: the Ingress after CCE bound the custom EIP (it adds `elb.custom-eip-status`); what a
 * user writes is the same as for custom-eip-set.
 */
export class CustomEipStatusIngressChart extends CustomEipSetIngressChart {}

// ---------------------------------------------------------------------------------------------
// Forwarding: several rules, priorities, header policy, advanced forwarding, redirect, rewrite
// ---------------------------------------------------------------------------------------------

/** The Ingress of the MultiRule examples, for both API versions. */
function multiRuleIngress(scope: Construct): ElbIngress {
  const result = ingress(scope, {
    metadata: { name: 'ingress-test' },
    loadBalancer: ExistingElb.dedicated(YOUR_ELB_ID),
  });
  result.addRule('/foo', IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80), { host: 'www.example.com' });
  result.addRule('/bar', IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80), { host: 'www.example.com' });
  result.addRule('/', IngressBackend.fromServiceName(YOUR_SERVICE_NAME, 80), { host: 'foo.example.com' });
  return result;
}

/** cce_10_0689: three rules on two hosts. */
export class MultiRuleIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    multiRuleIngress(this);
  }
}

/** cce_10_0689: the same for clusters of v1.21 and earlier. */
export class MultiRuleV1beta1IngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ClusterProfile(this, 'Cluster', { version: LEGACY_CLUSTER });
    multiRuleIngress(this);
  }
}

/** cce_10_0939: an Ingress's priority among the Ingresses of a listener, rules in listed order. */
export class IngressOrderIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'test', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated('2c623150-17bf-45f1-ae6f-384b036f547e'),
      listener: IngressListener.http(88),
      order: 1,
      rulesInListedOrder: true,
      rules: [
        { host: '', path: '/test1', backend: IngressBackend.fromServiceName('test1', 8081) },
        { host: '', path: '/test2', backend: IngressBackend.fromServiceName('test2', 8081) },
      ],
    });
  }
}

/** The Ingresses ingress-a and ingress-b of cce_10_0939's second example. */
function orderedIngress(scope: Construct, name: string, order: number, paths: string[]): void {
  ingress(scope, {
    metadata: { name, namespace: 'default' },
    loadBalancer: ExistingElb.dedicated('f7fb2aa8-34af-48fb-b451-16e8f675ff45'),
    listener: IngressListener.http(88),
    order,
    rulesInListedOrder: true,
    rules: paths.map((path) => ({ host: '', path, backend: IngressBackend.fromServiceName('nginx', 80) })),
  });
}

/** cce_10_0939: ingress-a, order 1, rules /A and /B. */
export class IngressOrderAIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    orderedIngress(this, 'ingress-a', 1, ['/A', '/B']);
  }
}

/** cce_10_0939: ingress-b, order 2, rules /C and /D. */
export class IngressOrderBIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    orderedIngress(this, 'ingress-b', 2, ['/C', '/D']);
  }
}

/** cce_10_0939: ingress-b updated with rule /E first. */
export class IngressOrderBUpdatedIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    orderedIngress(this, 'ingress-b', 2, ['/E', '/C', '/D']);
  }
}

/** cce_10_0896: each of two Services is reached only with a header value. */
export class CustomHeaderIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const result = ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated('08eab934-1636-4d90-a4cd-cb3fa4330411'),
      rules: [
        { host: '', path: '/a', backend: IngressBackend.fromServiceName('svc-a', 80) },
        { host: '', path: '/b', backend: IngressBackend.fromServiceName('svc-b', 81) },
      ],
    });
    result.addForwardingPolicy('svc-a', { header: { key: 'key1', values: ['value1', 'value2'] } });
    result.addForwardingPolicy('svc-b', { header: { key: 'key2', values: ['value1', 'value2'] } });
  }
}

/** The five conditions of cce_10_0949's examples. */
function pageConditions(): ForwardingCondition[] {
  return [
    ForwardingCondition.method(['GET', 'POST']),
    ForwardingCondition.header('gray-hello', ['value1', 'value2']),
    ForwardingCondition.cookie([
      { key: 'cookiekey1', value: 'cookievalue1' },
      { key: 'cookiekey2', value: 'cookievalue2' },
    ]),
    ForwardingCondition.queryString('querykey', ['queryvalue']),
    ForwardingCondition.sourceIp(['192.168.0.0/16', '172.16.0.0/16']),
  ];
}

/** cce_10_0949: advanced forwarding conditions. The page's load balancer ID is masked (`xxxx`). */
export class ForwardingConditionsIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const result = ingress(this, {
      metadata: { name: 'ingress-test' },
      loadBalancer: ExistingElb.dedicated('ab53c3b2-0d6e-4c1f-9a8b-5ac3eb2887be'),
      // The page writes this path without its url-match-mode property (CCE then matches STARTS_WITH).
      rules: [{ path: '/hello1', backend: IngressBackend.fromServiceName('svc-hello1', 80), match: PathMatch.unset() }],
    });
    result.addForwardingPolicy('svc-hello1', { conditions: pageConditions() });
  }
}

/** cce_10_0949: a fixed response. */
export class FixedResponseIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const result = ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated(MASKED_ELB_ID),
      rules: [{ path: '/', backend: IngressBackend.fromServiceName('test-service', 80) }],
    });
    result.addForwardingPolicy('test-service', {
      actions: [ForwardingAction.fixedResponse({ contentType: 'text/plain', statusCode: 503, messageBody: '503 error text' })],
    });
  }
}

/** cce_10_0949: a request rate limit. */
export class TrafficLimitIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const result = ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated(MASKED_ELB_ID),
      rules: [{ path: '/', backend: IngressBackend.fromServiceName('test-service', 80) }],
    });
    result.addForwardingPolicy('test-service', {
      actions: [ForwardingAction.trafficLimit({ qps: 4, perSourceIpQps: 2, burst: 2 })],
    });
  }
}

/** cce_10_0949: a custom backend server group of a Service and a pool (the path's port becomes `use-annotation`). */
export class ForwardPoolIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const result = ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated(MASKED_ELB_ID),
      rules: [{ host: 'example.com', path: '/', backend: IngressBackend.fromServiceNameAndPortName('forward-demo', 'use-annotation') }],
    });
    result.addForwardingPolicy('forward-demo', {
      actions: [ForwardingAction.forwardPool([ForwardTarget.service('test', 80, 90), ForwardTarget.pool(MASKED_POOL_ID, 70)])],
    });
  }
}

/**
 * cce_10_0949: the combined example (conditions, header actions, fixed response, rate limits and a
 * custom backend server group). The page's `kubernetes.io/elb.listener-master-ingress` is written
 * by CCE and left out; its rate limits are written with the page tables' `trafficLimitConfig` and
 * `QPS` (the example itself spells them `TrafficLimItConfig` and `qps`).
 */
export class ForwardingCombinedIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const result = ingress(this, {
      metadata: { name: 'ingress-demo', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated(MASKED_ELB_ID),
    });
    result.addRule('/path1', IngressBackend.fromServiceName('test', 80), { host: 'example.com' });
    result.addRule('/path2', IngressBackend.fromServiceName('test2', 80), { host: 'example.com' });
    result.addRule('/path3', IngressBackend.fromServiceNameAndPortName('test3', 'use-annotation'), { host: 'example.com' });
    result.addForwardingPolicy('test', {
      conditions: pageConditions(),
      actions: [ForwardingAction.insertHeader('aa', 'aa'), ForwardingAction.removeHeader('dd')],
    });
    result.addForwardingPolicy('test2', {
      actions: [
        ForwardingAction.fixedResponse({ contentType: 'text/plain', statusCode: 503, messageBody: '503 error text' }),
        ForwardingAction.trafficLimit({ qps: 67, perSourceIpQps: 3 }),
      ],
    });
    result.addForwardingPolicy('test3', {
      actions: [
        ForwardingAction.insertHeader('aa', 'aa'),
        ForwardingAction.forwardPool([ForwardTarget.service('test', 80, 90), ForwardTarget.service('test2', 80, 10)]),
        ForwardingAction.trafficLimit({ qps: 67, perSourceIpQps: 3 }),
      ],
    });
  }
}

/** HW cce_10_0690: redirect every request of the Ingress to a URL. */
export class RedirectUrlIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'test-redirect-url', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated('df76342f-e898-402a-bac8-bde5bf974da8'),
      redirectUrl: 'https://example.com/testa',
      redirectCode: RedirectCode.MOVED_PERMANENTLY,
      rules: [{ host: 'example.com', path: '/', backend: IngressBackend.fromServiceName('test-service', 8888) }],
    });
  }
}

/** HW cce_10_0770: rewrite the path matched by a regular expression. */
export class RewriteTargetIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'test-rewrite-url', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated('df76342f-e898-402a-bac8-bde5bf974da8'),
      rewriteTarget: '/$1/$2',
      rules: [
        {
          host: 'example.com',
          path: '/first/(.*)/(.*)/end',
          match: PathMatch.regex(),
          backend: IngressBackend.fromServiceName('test-service', 8888),
        },
      ],
    });
  }
}

/** Best practice cce_bestpractice_00231: the Ingress of the sticky-session Service, shared load balancer. */
export class StickySessionSharedIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: ExistingElb.shared(MASKED_ELB_ID),
      rules: [{ host: 'www.example.com', path: '/', backend: IngressBackend.fromServiceName('nginx', 80) }],
    });
  }
}

/** Best practice cce_bestpractice_00231: the same on a dedicated load balancer (CCE Turbo). */
export class StickySessionDedicatedIngressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ingress(this, {
      metadata: { name: 'ingress-test', namespace: 'default' },
      loadBalancer: ExistingElb.dedicated(MASKED_ELB_ID),
      rules: [{ host: 'www.example.com', path: '/', backend: IngressBackend.fromServiceName('nginx', 80) }],
    });
  }
}

/**
 * Every Ingress example, by the name of its documented YAML
 * (`test/fixtures/cce-ingress-docs/<name>.yaml`).
 */
export const INGRESS_EXAMPLES: Record<string, new (scope: Construct, id: string) => Chart> = {
  'acl-trustlist': AclTrustlistIngressChart,
  'autocreate-dedicated': AutoCreateDedicatedIngressChart,
  'autocreate-dedicated-v1beta1': AutoCreateDedicatedV1beta1IngressChart,
  'autocreate-shared': AutoCreateSharedIngressChart,
  'autocreate-shared-v1beta1': AutoCreateSharedV1beta1IngressChart,
  'custom-eip-before': CustomEipBeforeIngressChart,
  'custom-eip-set': CustomEipSetIngressChart,
  'custom-eip-status': CustomEipStatusIngressChart,
  'custom-header': CustomHeaderIngressChart,
  'existing-elb': ExistingElbIngressChart,
  'existing-elb-v1beta1': ExistingElbV1beta1IngressChart,
  'fixed-response': FixedResponseIngressChart,
  'forward-pool': ForwardPoolIngressChart,
  'forwarding-combined': ForwardingCombinedIngressChart,
  'forwarding-conditions': ForwardingConditionsIngressChart,
  'http2': Http2IngressChart,
  'https-backend': HttpsBackendIngressChart,
  'https-elb-certificate': HttpsElbCertificateIngressChart,
  'https-elb-certificate-v1beta1': HttpsElbCertificateV1beta1IngressChart,
  'https-secret': HttpsSecretIngressChart,
  'https-secret-v1beta1': HttpsSecretV1beta1IngressChart,
  'ingress-order': IngressOrderIngressChart,
  'ingress-order-a': IngressOrderAIngressChart,
  'ingress-order-b': IngressOrderBIngressChart,
  'ingress-order-b-updated': IngressOrderBUpdatedIngressChart,
  'listen-ports': ListenPortsIngressChart,
  'multi-rule': MultiRuleIngressChart,
  'multi-rule-v1beta1': MultiRuleV1beta1IngressChart,
  'nginx-migration': NginxMigrationIngressChart,
  'redirect-url': RedirectUrlIngressChart,
  'rewrite-target': RewriteTargetIngressChart,
  'slow-start': SlowStartIngressChart,
  'sni-elb-certificate': SniElbCertificateIngressChart,
  'sni-elb-certificate-v1beta1': SniElbCertificateV1beta1IngressChart,
  'sni-secret': SniSecretIngressChart,
  'sni-secret-v1beta1': SniSecretV1beta1IngressChart,
  'sticky-session-dedicated': StickySessionDedicatedIngressChart,
  'sticky-session-shared': StickySessionSharedIngressChart,
  'timeouts': TimeoutsIngressChart,
  'traffic-limit': TrafficLimitIngressChart,
};
