import { ElbWarning } from './warnings';

/**
 * Every rule of the checks, with the stable id that code-scanning tools (SARIF `ruleId`) and the
 * JSON output name it by, one line saying what it checks, and the docs page that explains it. A
 * warning's id is its `ElbWarning` value. docs/lint.md ("Rule ids") lists the same table; a test
 * keeps the two equal.
 */
export interface RuleInfo {
  /** Stable id, kebab-case. */
  readonly id: string;
  /** What the rule checks, one line. */
  readonly title: string;
  /** The page under docs/ that explains it, with an anchor where one helps. */
  readonly docs: string;
  /** The level of its findings (a warning rule can also be made fatal by strict mode). */
  readonly level: 'error' | 'warning';
}

/** The rules whose findings are errors (and a few reading notes), by id. */
export const ERROR_RULE_IDS = [
  'yaml',
  'document',
  'input',
  'too-many-findings',
  'annotation-string',
  'annotation-value',
  'load-balancer',
  'annotation-key',
  'annotation-class',
  'annotation-listener',
  'annotation-version',
  'auto-create',
  'ports',
  'service-fields',
  'listeners',
  'port-ranges',
  'pools-options',
  'multi-cluster',
  'session-affinity',
  'health-check',
  'access-control',
  'source-ranges',
  'timeouts',
  'traffic-policy',
  'custom-eip',
  'shared-elb',
  'ingress-class',
  'ingress-listeners',
  'ingress-paths',
  'forwarding-policies',
  'ingress-backends',
] as const;

/** The id of a rule whose findings are errors. */
export type ErrorRuleId = (typeof ERROR_RULE_IDS)[number];

const ERRORS: Record<ErrorRuleId, Omit<RuleInfo, 'id'>> = {
  'yaml': { title: 'The file is YAML that kubectl reads', docs: 'lint.md#yaml-as-kubectl-reads-it', level: 'error' },
  'document': { title: 'Each document is a Kubernetes object, and standard input holds at least one', docs: 'lint.md#what-it-reads-and-checks', level: 'error' },
  'input': { title: 'A path given is a readable YAML file or directory (a skipped one is a warning)', docs: 'lint.md#limits-and-what-happens-at-each', level: 'warning' },
  'too-many-findings': { title: 'How many more findings a file had past the 1000 shown', docs: 'lint.md#limits-and-what-happens-at-each', level: 'error' },
  'annotation-string': { title: 'Annotation values are strings', docs: 'annotations.md', level: 'error' },
  'annotation-value': { title: 'An annotation value has the format, range and form CCE accepts (an ID that is an ID, a number in range, valid JSON)', docs: 'annotations.md', level: 'error' },
  'load-balancer': { title: 'The Service names one load balancer: an existing one by ID or address, or one CCE creates', docs: 'annotations.md', level: 'error' },
  'annotation-key': { title: 'Annotation keys are ones CCE reads', docs: 'lint.md#errors-and-warnings-the-verdict-cce-gives', level: 'error' },
  'annotation-class': { title: 'An annotation suits the load balancer class (shared or dedicated)', docs: 'annotations.md', level: 'error' },
  'annotation-listener': { title: 'An annotation suits the listener protocols of the Service', docs: 'annotations.md', level: 'error' },
  'annotation-version': { title: 'The cluster version reads the annotation (with a cluster profile or --cluster-version)', docs: 'cluster-profile.md', level: 'error' },
  'auto-create': { title: 'An auto-created load balancer has what CCE needs to create it: fields, network, flavors, zones', docs: 'eip-and-bandwidth.md', level: 'error' },
  'ports': { title: 'Service ports are ones an ELB listener can take: numbers in range, protocols, names', docs: 'listeners-and-tls.md', level: 'error' },
  'service-fields': { title: 'The Service selects pods, and its traffic policy and session affinity fields are valid', docs: 'lint.md#what-it-reads-and-checks', level: 'error' },
  'listeners': { title: 'Listener protocols, certificates and HTTPS-only settings fit together', docs: 'listeners-and-tls.md', level: 'error' },
  'port-ranges': { title: 'Port ranges are valid, within their port, and do not overlap', docs: 'port-ranges-and-connection-limits.md', level: 'error' },
  'pools-options': { title: 'Backend server group options suit the cluster', docs: 'port-ranges-and-connection-limits.md', level: 'error' },
  'multi-cluster': { title: 'Multi-cluster backends go with an existing load balancer', docs: 'multi-cluster-backends.md', level: 'error' },
  'session-affinity': { title: 'Sticky sessions: option fields in range, and they fit the algorithm and listener protocol', docs: 'stickiness.md', level: 'error' },
  'health-check': { title: 'Health checks: option fields in range, one for all ports or one per port, each matching a port', docs: 'health-checks.md', level: 'error' },
  'access-control': { title: 'Access control lists are well formed and suit the load balancer class', docs: 'access-control.md', level: 'error' },
  'source-ranges': { title: 'spec.loadBalancerSourceRanges comes with an ELB access control list', docs: 'access-control.md', level: 'error' },
  'timeouts': { title: 'Timeouts fit every listener protocol', docs: 'listeners-and-tls.md', level: 'error' },
  'traffic-policy': { title: 'externalTrafficPolicy and pass-through networking fit together', docs: 'pass-through-and-traffic-policy.md', level: 'error' },
  'custom-eip': { title: 'A custom EIP goes with a load balancer that can bind it', docs: 'eip-and-bandwidth.md', level: 'error' },
  'ingress-class': { title: 'An Ingress of class cce is written as its cluster version and API version take it', docs: 'ingress.md#what-the-library-checks', level: 'error' },
  'ingress-listeners': { title: 'An Ingress\'s listeners, certificates, security policy and backend protocol fit together', docs: 'ingress.md#what-the-library-checks', level: 'error' },
  'ingress-paths': { title: 'Ingress paths: match modes, path types, and a rewrite that has a REGEX path', docs: 'ingress.md#what-the-library-checks', level: 'error' },
  'forwarding-policies': { title: 'Per-backend header, condition and action annotations name a backend of the Ingress', docs: 'ingress.md#what-the-library-checks', level: 'error' },
  'ingress-backends': { title: 'An Ingress backend is a Service with that port, of a type the cluster and load balancer can reach', docs: 'ingress.md#what-the-library-checks', level: 'error' },
  'shared-elb': { title: 'Services and Ingresses on one load balancer use their own listeners (Ingresses may share one, with distinct orders) and agree on its class and pass-through', docs: 'pass-through-and-traffic-policy.md#what-the-library-checks', level: 'error' },
};

const WARNINGS: Record<ElbWarning, string> = {
  [ElbWarning.NO_EFFECT]: 'A setting CCE ignores here',
  [ElbWarning.PASS_THROUGH_REWRITTEN]: 'CCE rewrites elb.pass-through to onlyLocal under externalTrafficPolicy Local',
  [ElbWarning.LOCAL_IN_CLUSTER_ACCESS]: 'externalTrafficPolicy Local can break access from inside the cluster',
  [ElbWarning.CUSTOM_EIP_ON_UPDATE]: 'A custom EIP applies only on an update after the load balancer has an EIP',
  [ElbWarning.TRANSPARENT_CLIENT_IP_NEEDS_LOCAL]: 'Transparent client IP needs externalTrafficPolicy Local on a standard cluster',
  [ElbWarning.INGRESS_SHARES_ELB]: 'A Service and an Ingress share a load balancer in an IPVS cluster',
  [ElbWarning.UNKNOWN_ANNOTATION]: 'A kubernetes.io/elb.* key CCE does not read',
  [ElbWarning.WRITTEN_BY_CCE]: 'An annotation CCE writes itself, in a manifest for kubectl apply',
  [ElbWarning.CLASS_NOT_STATED]: 'A class-specific setting without kubernetes.io/elb.class',
  [ElbWarning.LISTENER_RECREATED]: 'Changing a port range recreates the listener',
  [ElbWarning.UNCONFIRMED_SYNTAX]: 'A value in a form CCE documents without showing its syntax',
  [ElbWarning.GENERATED_NAME]: 'An auto-created load balancer on a Service named by cdk8s',
  [ElbWarning.TARGET_PORT_NOT_EXPOSED]: 'A targetPort no container of the selected workload exposes',
  [ElbWarning.NO_SELECTOR]: 'A Service without a selector: backends only through EndpointSlices managed by hand',
  [ElbWarning.LISTENER_SETTINGS_DIFFER]: 'Ingresses on one listener with different listener settings: only the first one\'s apply',
  [ElbWarning.INGRESS_CLASS_FORM]: 'The Ingress class in the form CCE does not document for the cluster version',
  [ElbWarning.BACKEND_NOT_FOUND]: 'At synth, an Ingress backend Service the App does not hold',
};

/** Every rule: the error rules, then the warnings, in a fixed order (SARIF's `ruleIndex`). */
export const RULES: readonly RuleInfo[] = [
  ...ERROR_RULE_IDS.map((id) => ({ id, ...ERRORS[id] })),
  ...Object.values(ElbWarning).map((id) => ({ id, title: WARNINGS[id], docs: 'lint.md#errors-and-warnings-the-verdict-cce-gives', level: 'warning' as const })),
];
