import { Findings } from './finding';
import { ServiceView } from './service-view';
import { ElbWarning } from './warnings';
import { checkInteger, checkOneOf, show, text } from '../annotations/values';

/** DNS label (RFC 1123), as Kubernetes requires for port names. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** IANA service name, as Kubernetes requires for a named targetPort. */
const IANA_SVC_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?=[a-z0-9])){0,14}$/;

/** `spec.ports`: ports, protocols, names, target ports and node ports. */
export function checkPorts(view: ServiceView, findings: Findings): void {
  if (view.ports.length === 0) {
    findings.add('ports (spec.ports)', 'is empty; allowed: at least one port');
    return;
  }
  const keys = new Set<string>();
  const names = new Set<string>();
  for (const p of view.ports) {
    const at = `ports[${p.index}]`;
    const sub = (field: string) => `${at}.${field} (spec.ports[${p.index}].${field})`;
    const add = (field: string, problem: string | undefined) => {
      if (problem) findings.add(sub(field), problem);
    };
    add('port', checkInteger(p.port, 1, 65535));
    add('protocol', checkOneOf(p.protocol, ['TCP', 'UDP']));
    if (p.nodePort !== undefined) {
      add('nodePort', checkInteger(p.nodePort, 0, 65535, '(0 lets Kubernetes choose)'));
    }
    if (typeof p.targetPort === 'string') {
      if (!IANA_SVC_NAME.test(p.targetPort)) {
        add('targetPort', `${show(p.targetPort)} is not a valid port name; allowed: a container port name of 1 to 15 lowercase letters, digits and single hyphens, with at least one letter`);
      }
    } else if (p.targetPort !== undefined) {
      add('targetPort', checkInteger(p.targetPort, 1, 65535));
    }
    const key = `${text(p.protocol)}/${text(p.port)}`;
    if (keys.has(key)) add('port', `${text(p.protocol)} port ${text(p.port)} is defined more than once; allowed: each protocol and port once`);
    keys.add(key);
    if (p.name === undefined) {
      if (view.ports.length > 1) add('name', 'is required when a Service has more than one port; allowed: a DNS label such as "service0"');
    } else if (typeof p.name !== 'string' || !DNS_LABEL.test(p.name)) {
      add('name', `${show(p.name)} is not allowed; allowed: a DNS label (lowercase letters, digits and "-", at most 63 characters)`);
    } else if (names.has(p.name)) {
      add('name', `${show(p.name)} is used by another port; allowed: a unique name per port`);
    } else {
      names.add(p.name);
    }
  }
}

/** Traffic policy, Kubernetes session affinity and selector. */
export function checkServiceFields(view: ServiceView, findings: Findings): void {
  if (view.externalTrafficPolicy !== undefined) {
    const problem = checkOneOf(view.externalTrafficPolicy, ['Cluster', 'Local']);
    if (problem) findings.add('externalTrafficPolicy (spec.externalTrafficPolicy)', problem);
  }
  if (view.sessionAffinity !== undefined) {
    const problem = checkOneOf(view.sessionAffinity, ['None', 'ClientIP']);
    if (problem) findings.add('serviceSessionAffinity (spec.sessionAffinity)', problem);
  }
  const selector = view.selector;
  if (selector !== undefined && selector !== null && (typeof selector !== 'object' || Array.isArray(selector))) {
    findings.add('selector (spec.selector)', `${show(selector)} is not a map of labels; allowed: a map of label names to values`);
  } else if (selector === undefined || selector === null || Object.keys(selector).length === 0) {
    // Kubernetes accepts a Service without a selector: its endpoints are then managed by hand.
    findings.warn(
      ElbWarning.NO_SELECTOR,
      'selector (spec.selector)',
      'selects no pods: without a selector Kubernetes creates no endpoints, so the load balancer has backends only if EndpointSlices are managed for this Service by hand, which CCE does not document (the open-source cloud-provider-huaweicloud refuses it: "services custom endpoints are not supported"); allowed: a selector (a cdk8s-plus workload, selectorLabels, or spec.selector)',
    );
  }
}
