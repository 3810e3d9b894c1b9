import { Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { nginxDeployment } from './nginx';
import {
  AutoCreatedElb,
  BandwidthChargeMode,
  EipType,
  ElbNetwork,
  ElbService,
  ElbWarning,
  ExistingElb,
  ExternalTrafficPolicy,
  HttpsElbService,
  Listener,
  PassThroughService,
  PortProtocol,
  ServiceSessionAffinity,
} from 'cdk8s-cce-elb';

/**
 * CCE user guide, LoadBalancer: "Using kubectl to Create a Service (Using an Existing Load
 * Balancer)".
 */
export class ExistingElbChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    nginxDeployment(this, { replicas: 1, image: 'nginx', containerName: 'nginx' });
    new ElbService(this, 'Service', {
      metadata: { name: 'nginx' },
      loadBalancer: ExistingElb.fromId('5083f225-9bf8-48fa-9c8b-67bd9693c4c0'),
      selectorLabels: { app: 'nginx' },
      ports: [{ name: 'service0', port: 80, protocol: PortProtocol.TCP, targetPort: 80 }],
    });
  }
}

/**
 * CCE user guide, LoadBalancer: "Using kubectl to Create a Service (Automatically Creating a Load
 * Balancer)", the shared public load balancer.
 */
export class AutoCreateSharedChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    nginxDeployment(this, { replicas: 1, image: 'nginx', containerName: 'nginx' });
    new ElbService(this, 'Service', {
      metadata: { name: 'nginx', labels: { app: 'nginx' } },
      loadBalancer: AutoCreatedElb.shared({
        network: ElbNetwork.publicNetwork({
          bandwidthName: 'cce-bandwidth-1551163379627',
          chargeMode: BandwidthChargeMode.BANDWIDTH,
          bandwidthSizeMbps: 1,
          eipType: EipType.BGP,
        }),
      }),
      selectorLabels: { app: 'nginx' },
      ports: [{ name: 'service0', port: 80, protocol: PortProtocol.TCP, targetPort: 80 }],
    });
  }
}

/**
 * CCE user guide, LoadBalancer: the dedicated public load balancer (clusters of v1.17 and later),
 * with the Deployment of the same section.
 */
export class AutoCreateDedicatedChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    nginxDeployment(this, { replicas: 1, image: 'nginx', containerName: 'nginx' });
    new ElbService(this, 'Service', {
      metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' } },
      loadBalancer: AutoCreatedElb.dedicated({
        network: ElbNetwork.publicNetwork({
          bandwidthName: 'cce-bandwidth-1626694478577',
          chargeMode: BandwidthChargeMode.BANDWIDTH,
          bandwidthSizeMbps: 1,
          eipType: EipType.BGP,
        }),
        availabilityZones: ['cn-south-2b'],
        l4FlavorName: 'L4_flavor.elb.s1.small',
      }),
      selectorLabels: { app: 'nginx' },
      ports: [{ name: 'cce-service-0', port: 80, protocol: PortProtocol.TCP, targetPort: 80, nodePort: 0 }],
    });
  }
}

/** The public shared load balancer named `james` of the passthrough pages. */
function james(chargeMode: BandwidthChargeMode): AutoCreatedElb {
  return AutoCreatedElb.shared({
    name: 'james',
    network: ElbNetwork.publicNetwork({
      bandwidthName: 'cce-bandwidth',
      chargeMode,
      bandwidthSizeMbps: 5,
      eipType: EipType.BGP,
    }),
  });
}

/**
 * CCE best practice "Configuring Passthrough Networking for a LoadBalancer Service": the
 * Deployment (2 replicas) and the pass-through Service.
 */
export class PassThroughChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const deployment = nginxDeployment(this, {
      replicas: 2,
      image: 'nginx:latest',
      containerName: 'container-0',
      resources: {
        cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(100) },
        memory: { request: Size.mebibytes(200), limit: Size.mebibytes(200) },
      },
    });
    const service = new PassThroughService(this, 'Service', {
      metadata: { name: 'nginx', labels: { app: 'nginx' } },
      loadBalancer: james(BandwidthChargeMode.TRAFFIC),
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
      // The Deployment selects its pods by `app: nginx`, so it can be the selector.
      selector: kplus.Pods.select(this, 'NginxPods', { labels: deployment.matchLabels }),
      ports: [{ name: 'service0', port: 80, protocol: PortProtocol.TCP, targetPort: 80 }],
    });
    service.acknowledgeWarning(ElbWarning.PASS_THROUGH_REWRITTEN, ONLY_LOCAL_REASON);
  }
}

/** CCE user guide, LoadBalancer: "Enabling HTTP for Services" (clusters of v1.21 and later). */
export class HttpsChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new HttpsElbService(this, 'Service', {
      metadata: { name: 'test', namespace: 'default', labels: { app: 'nginx', name: 'test' } },
      loadBalancer: AutoCreatedElb.dedicated({
        network: ElbNetwork.publicNetwork({
          bandwidthName: 'cce-bandwidth-1634816602057',
          chargeMode: BandwidthChargeMode.BANDWIDTH,
          bandwidthSizeMbps: 5,
          eipType: EipType.BGP,
        }),
        availabilityZones: ['cn-south-2b'],
        l7FlavorName: 'L7_flavor.elb.s2.small',
        l4FlavorName: 'L4_flavor.elb.s1.medium',
      }),
      listeners: [Listener.https(443), Listener.http(80)],
      certificateId: '17e3b4f4bc40471c86741dc3aa211379',
      selectorLabels: { app: 'nginx', version: 'v1' },
      serviceSessionAffinity: ServiceSessionAffinity.NONE,
      ports: [
        { name: 'cce-service-0', port: 443, protocol: PortProtocol.TCP, targetPort: 80 },
        { name: 'cce-service-1', port: 80, protocol: PortProtocol.TCP, targetPort: 80 },
      ],
    });
  }
}

/**
 * CCE user guide, "Why a Cluster Fails to Access Services by Using the ELB Address": the fix that
 * sets cluster-level Service affinity.
 */
export class ClusterAffinityChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ElbService(this, 'Service', {
      metadata: { name: 'nginx', labels: { app: 'nginx' } },
      loadBalancer: james(BandwidthChargeMode.BANDWIDTH),
      externalTrafficPolicy: ExternalTrafficPolicy.CLUSTER,
      selectorLabels: { app: 'nginx' },
      ports: [{ name: 'service0', port: 80, protocol: PortProtocol.TCP, targetPort: 80 }],
    });
  }
}

/**
 * CCE user guide, "Why a Cluster Fails to Access Services by Using the ELB Address": the fix that
 * keeps node-level affinity and enables passthrough networking.
 */
export class PassThroughLocalChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const service = new PassThroughService(this, 'Service', {
      metadata: { name: 'nginx', labels: { app: 'nginx' } },
      loadBalancer: james(BandwidthChargeMode.BANDWIDTH),
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
      selectorLabels: { app: 'nginx' },
      ports: [{ name: 'service0', port: 80, protocol: PortProtocol.TCP, targetPort: 80 }],
    });
    service.acknowledgeWarning(ElbWarning.PASS_THROUGH_REWRITTEN, ONLY_LOCAL_REASON);
  }
}

/** Why the pass-through examples acknowledge `ElbWarning.PASS_THROUGH_REWRITTEN`. */
const ONLY_LOCAL_REASON =
  'The CCE page documents pass-through with externalTrafficPolicy Local; CCE shows "onlyLocal" afterwards, which docs/gitops.md tells GitOps tools to ignore.';

/** Every example, by the name of the file it is synthesized to (`dist/<name>.k8s.yaml`). */
export const EXAMPLES: Record<string, new (scope: Construct, id: string) => Chart> = {
  'existing-elb': ExistingElbChart,
  'autocreate-shared': AutoCreateSharedChart,
  'autocreate-dedicated': AutoCreateDedicatedChart,
  'passthrough': PassThroughChart,
  'https': HttpsChart,
  'cluster-affinity': ClusterAffinityChart,
  'passthrough-local': PassThroughLocalChart,
};
