import { Findings } from './finding';
import { ServiceView } from './service-view';
import { ElbWarning } from './warnings';
import { subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';

const POLICY = 'externalTrafficPolicy (spec.externalTrafficPolicy)';
const FIXES =
  'fixes: inside the cluster, use the ClusterIP Service or its DNS name (recommended); or set externalTrafficPolicy to Cluster (the client source IP is then not kept); or use PassThroughService';

/**
 * Service affinity (`externalTrafficPolicy`) and what depends on it: CCE Turbo supports only
 * cluster-level affinity; `Local` breaks in-cluster access through the ELB address unless
 * passthrough networking is on, and with passthrough CCE rewrites the annotation to `onlyLocal`;
 * transparent client IP needs `Local` on standard clusters and does nothing on Turbo; passthrough
 * and adaptive weights are ignored with Turbo + dedicated (passthrough networking).
 */
export function checkTrafficPolicy(view: ServiceView, findings: Findings): void {
  const local = view.externalTrafficPolicy === 'Local';
  const turbo = view.cluster.flavor === 'turbo';
  const dedicated = view.elbClass === 'performance';
  const passThrough = view.annotations[K.PASS_THROUGH];

  if (local && turbo) {
    findings.add(POLICY, 'is "Local", but CCE Turbo clusters support only cluster-level Service affinity; allowed: "Cluster" (or leave it out)');
  }
  if (local && passThrough === 'true') {
    findings.warn(
      ElbWarning.PASS_THROUGH_REWRITTEN,
      subjectOf(K.PASS_THROUGH),
      'will be rewritten by CCE to "onlyLocal" because externalTrafficPolicy is "Local"; GitOps tools will report it as drift (ignore it there, see docs/gitops.md)',
    );
  }
  if (local && passThrough === undefined && !turbo) {
    findings.warn(ElbWarning.LOCAL_IN_CLUSTER_ACCESS, POLICY, `is "Local": ${localAccessAdvice(view)}; ${FIXES}`);
  }
  if (turbo && dedicated) {
    for (const key of [K.PASS_THROUGH, K.ADAPTIVE_WEIGHT]) {
      if (view.annotations[key] !== undefined) {
        findings.warn(
          ElbWarning.NO_EFFECT,
          subjectOf(key),
          'has no effect on a dedicated load balancer in a CCE Turbo cluster, which forwards straight to the pods (passthrough networking); allowed: leave it out',
        );
      }
    }
  }
  if (view.values.get(K.TRANSPARENT_CLIENT_IP) === true && !local) {
    const subject = subjectOf(K.TRANSPARENT_CLIENT_IP);
    if (turbo) {
      findings.warn(ElbWarning.NO_EFFECT, subject, 'has no effect in a CCE Turbo cluster, where the pods see the client IP anyway; allowed: leave it out');
    } else if (view.cluster.flavor === 'standard') {
      findings.add(subject, 'needs externalTrafficPolicy "Local" in a CCE standard cluster; allowed: set externalTrafficPolicy to ExternalTrafficPolicy.LOCAL, or leave it out');
    } else {
      findings.warn(
        ElbWarning.TRANSPARENT_CLIENT_IP_NEEDS_LOCAL,
        subject,
        'needs externalTrafficPolicy "Local" in a CCE standard cluster (the cluster profile does not say which flavor this is); allowed: set externalTrafficPolicy to ExternalTrafficPolicy.LOCAL, or state the flavor in a ClusterProfile',
      );
    }
  }
}

/**
 * What the CCE LoadBalancer page's table says about reaching the ELB address from inside the
 * cluster under `Local`, for what is known of this Service and cluster.
 */
function localAccessAdvice(view: ServiceView): string {
  const kubeProxy = `kube-proxy answers the load balancer address inside the cluster${view.cluster.proxyMode ? ` (${view.cluster.proxyMode} mode)` : ''}`;
  if (view.elbClass === 'performance') {
    return `${kubeProxy}, so from the node running a backend pod, and from containers on that node, the load balancer's private address is not reachable (its public address is)`;
  }
  return `${kubeProxy}, so nodes and containers may fail to reach the Service through the load balancer's address, depending on the network model and forwarding mode`;
}
