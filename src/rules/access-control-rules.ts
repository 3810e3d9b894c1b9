import { checkVersion, warnClassNotStated } from './catalog-rules';
import { ElbObjectView } from './elb-view';
import { Findings } from './finding';
import { ServiceView } from './service-view';
import { ElbWarning } from './warnings';
import { V_ACL_MULTIPLE, subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';

/**
 * `elb.acl-id`, `elb.acl-status`, `elb.acl-type`: a non-empty list of IP address groups needs a
 * status and a type; more than one group only on dedicated load balancers of recent clusters.
 */
export function checkAccessControl(view: ElbObjectView, findings: Findings): void {
  const ids = view.values.get(K.ACL_ID) as string[] | undefined;
  const a = view.annotations;
  if (ids === undefined) {
    for (const key of [K.ACL_STATUS, K.ACL_TYPE]) {
      if (a[key] !== undefined) {
        findings.warn(ElbWarning.NO_EFFECT, subjectOf(key), `has no effect without ${K.ACL_ID}; allowed: AccessControl.trustlist() or AccessControl.blocklist(), or leave it out`);
      }
    }
    return;
  }
  if (ids.length > 0) {
    if (a[K.ACL_STATUS] === undefined) findings.add(subjectOf(K.ACL_STATUS), `is required because ${K.ACL_ID} lists IP address groups; allowed: "on" or "off"`);
    if (a[K.ACL_TYPE] === undefined) findings.add(subjectOf(K.ACL_TYPE), `is required because ${K.ACL_ID} lists IP address groups; allowed: "white" (trustlist) or "black" (blocklist)`);
  }
  if (ids.length > 1) {
    if (view.elbClass === undefined) {
      warnClassNotStated(subjectOf(K.ACL_ID), `lists ${ids.length} IP address groups, which only a dedicated load balancer takes`, findings);
    } else if (view.elbClass !== 'performance') {
      findings.add(subjectOf(K.ACL_ID), `lists ${ids.length} IP address groups, but only a dedicated load balancer (elb.class "performance") takes more than one; allowed: one group, or a dedicated load balancer`);
    }
    checkVersion(view, V_ACL_MULTIPLE, subjectOf(K.ACL_ID), findings, 'more than one IP address group needs');
  }
}

/**
 * `spec.loadBalancerSourceRanges`: CCE's controller does not apply it (its event says
 * `no access-controll (source ranges enabled)` when no `elb.acl-*` annotation is set), so the
 * restriction it describes does not exist. CCE restricts access with IP address groups.
 */
export function checkSourceRanges(view: ServiceView, findings: Findings): void {
  const ranges = view.loadBalancerSourceRanges;
  if (ranges === undefined || ranges === null || (Array.isArray(ranges) && ranges.length === 0)) return;
  const subject = 'spec.loadBalancerSourceRanges';
  if (view.annotations[K.ACL_ID] === undefined) {
    findings.add(
      subject,
      `is not applied by CCE, so every address can reach the load balancer; allowed: accessControl (AccessControl.trustlist() with ELB IP address groups: ${K.ACL_ID}, ${K.ACL_STATUS}, ${K.ACL_TYPE}), and leave loadBalancerSourceRanges out`,
    );
  } else {
    findings.warn(ElbWarning.NO_EFFECT, subject, `has no effect: CCE applies the access control of ${K.ACL_ID}, not loadBalancerSourceRanges; allowed: leave it out`);
  }
}
