'use strict';
// The realistic mix of Services the benchmark builds: seven kinds, taken in turn. Each kind is
// built with the typed constructs (`elb`), and the same annotations and spec are rebuilt as a raw
// ApiObject (`raw`) and as a cdk8s-plus-28 Service (`kplus`), from one template synthesized before
// timing starts.
const { App, Chart, Duration, Testing } = require('cdk8s');
const lib = require('../lib');

const ID = (i) => `5083f225-9bf8-48fa-9c8b-${String(i % 1e12).padStart(12, '0')}`;
const CERT = '17e3b4f4bc40471c86741dc3aa211379';

const publicNetwork = () =>
  lib.ElbNetwork.publicNetwork({ bandwidthName: 'cce-bandwidth-1', bandwidthSizeMbps: 5, chargeMode: lib.BandwidthChargeMode.BANDWIDTH, eipType: lib.EipType.BGP });

/** The typed Service of kind `k` for index `i`. */
const KINDS = [
  // Shared auto-created public ELB with a TCP health check.
  (scope, id, i) => new lib.ElbService(scope, id, {
    metadata: { name: `svc-${i}` },
    loadBalancer: lib.AutoCreatedElb.shared({ name: `lb_${i}`, network: publicNetwork() }),
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    selectorLabels: { app: `app-${i}` },
    healthCheck: lib.HealthCheck.tcp({ delay: Duration.seconds(5), timeout: Duration.seconds(3), maxRetries: 3 }),
  }),
  // Dedicated auto-created private ELB with stickiness.
  (scope, id, i) => new lib.ElbService(scope, id, {
    metadata: { name: `svc-${i}` },
    loadBalancer: lib.AutoCreatedElb.dedicated({ availabilityZones: ['cn-south-2b'], l4FlavorName: 'L4_flavor.elb.s1.small', network: lib.ElbNetwork.privateNetwork() }),
    ports: [{ name: 'tcp', port: 9000 }],
    selectorLabels: { app: `app-${i}` },
    lbAlgorithm: lib.LbAlgorithm.ROUND_ROBIN,
    sessionAffinity: lib.SessionAffinity.sourceIp(Duration.minutes(30)),
  }),
  // Existing ELB, two ports.
  (scope, id, i) => new lib.ElbService(scope, id, {
    metadata: { name: `svc-${i}` },
    loadBalancer: lib.ExistingElb.shared(ID(i)),
    ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'dns', port: 53, protocol: lib.PortProtocol.UDP }],
    selectorLabels: { app: `app-${i}` },
  }),
  // HTTPS listeners on an existing dedicated ELB, with SNI, HTTP/2 and an HTTP health check.
  (scope, id, i) => new lib.HttpsElbService(scope, id, {
    metadata: { name: `svc-${i}` },
    loadBalancer: lib.ExistingElb.dedicated(ID(i)),
    ports: [{ name: 'https', port: 443, targetPort: 8080 }, { name: 'http', port: 80, targetPort: 8080 }],
    selectorLabels: { app: `app-${i}` },
    listeners: [lib.Listener.https(443), lib.Listener.http(80)],
    certificateId: CERT,
    sniCertificateIds: [CERT],
    http2: true,
    healthCheck: lib.HealthCheck.http({ path: '/healthz' }),
  }),
  // Pass-through on a shared auto-created ELB.
  (scope, id, i) => new lib.PassThroughService(scope, id, {
    metadata: { name: `svc-${i}` },
    loadBalancer: lib.AutoCreatedElb.shared({ network: publicNetwork() }),
    ports: [{ name: 'http', port: 80 }],
    selectorLabels: { app: `app-${i}` },
    externalTrafficPolicy: lib.ExternalTrafficPolicy.CLUSTER,
  }),
  // Per-port health checks and an ACL on an existing dedicated ELB.
  (scope, id, i) => new lib.ElbService(scope, id, {
    metadata: { name: `svc-${i}` },
    loadBalancer: lib.ExistingElb.dedicated(ID(i)),
    ports: [
      { name: 'http', port: 80, healthCheck: lib.HealthCheck.http({ path: '/', expectedCodes: '200-299' }) },
      { name: 'grpc', port: 9090, healthCheck: lib.HealthCheck.tcp() },
    ],
    selectorLabels: { app: `app-${i}` },
    accessControl: lib.AccessControl.trustlist([ID(i + 1)]),
    keepaliveTimeout: Duration.seconds(300),
  }),
  // Health check off, Local traffic policy acknowledged, tags.
  (scope, id, i) => {
    const svc = new lib.ElbService(scope, id, {
      metadata: { name: `svc-${i}` },
      loadBalancer: lib.AutoCreatedElb.shared({ name: `lb_${i}` }),
      ports: [{ name: 'http', port: 80 }],
      selectorLabels: { app: `app-${i}` },
      externalTrafficPolicy: lib.ExternalTrafficPolicy.LOCAL,
      healthCheck: lib.HealthCheck.disabled(),
      tags: { team: 'web', env: 'prod' },
    });
    svc.acknowledgeWarning(lib.ElbWarning.LOCAL_IN_CLUSTER_ACCESS, 'Clients inside the cluster use the ClusterIP Service.');
    return svc;
  },
];

/** The synthesized Service of each kind for index 0, as the template for raw and kplus. */
function templates() {
  const chart = Testing.chart();
  KINDS.forEach((kind, k) => kind(chart, `t${k}`, k));
  return Testing.synth(chart);
}

/** Replaces the per-index values of a template (name, selector, IDs) for index `i`. */
function instantiate(template, i, k) {
  const annotations = {};
  for (const [key, value] of Object.entries(template.metadata.annotations)) {
    annotations[key] = value.split(ID(k)).join(ID(i)).split(ID(k + 1)).join(ID(i + 1)).split(`lb_${k}`).join(`lb_${i}`);
  }
  return { annotations, spec: { ...template.spec, selector: { app: `app-${i}` } } };
}

module.exports = { KINDS, templates, instantiate, App, Chart };
