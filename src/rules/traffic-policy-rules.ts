import { warnWrittenByCce } from './catalog-rules';
import { Findings } from './finding';
import { localAccessAdvice, localAccessFixes } from './reachability';
import { ServiceView } from './service-view';
import { ElbWarning } from './warnings';
import { subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';

const POLICY = 'externalTrafficPolicy (spec.externalTrafficPolicy)';

/**
 * The `LOCAL_IN_CLUSTER_ACCESS` message, built once per load balancer class, network model and
 * proxy mode (all it depends on): it quotes CCE's table, and acknowledged warnings are still
 * found at every synth. Bounded, since a profile read from the command line can name anything.
 */
const LOCAL_MESSAGES = new Map<string, string>();
const MAX_LOCAL_MESSAGES = 100;

function localAccessMessage(view: ServiceView): string {
  const key = `${view.elbClass === 'performance'} ${view.cluster.networkModel} ${view.cluster.proxyMode}`;
  let message = LOCAL_MESSAGES.get(key);
  if (message === undefined) {
    message = `is "Local": ${localAccessAdvice(view)}; ${localAccessFixes(view)}`;
    if (LOCAL_MESSAGES.size < MAX_LOCAL_MESSAGES) LOCAL_MESSAGES.set(key, message);
  }
  return message;
}

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
  if (passThrough === 'onlyLocal' && !view.readBack) {
    warnWrittenByCce(subjectOf(K.PASS_THROUGH), findings, '"onlyLocal" (CCE\'s rewrite of "true" under externalTrafficPolicy: Local)');
  }
  if (local && passThrough === undefined && !turbo) {
    findings.warn(ElbWarning.LOCAL_IN_CLUSTER_ACCESS, POLICY, localAccessMessage(view));
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
