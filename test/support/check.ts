import { CceVersion } from '../../src';
import { ClusterInfo } from '../../src/cluster/cluster-info';
import { checkServiceManifest, formatFinding } from '../../src/rules';

/** An existing ELB ID. */
export const ELB_ID = '5083f225-9bf8-48fa-9c8b-67bd9693c4c0';

/** A cluster as the rules see it; `version` is parsed. */
export function cluster(props: { version?: string; flavor?: string; proxyMode?: string; networkModel?: string }): ClusterInfo {
  return { ...props, version: props.version === undefined ? undefined : CceVersion.parse(props.version) };
}

/**
 * The findings for a LoadBalancer Service with the given annotations and spec (defaults: one TCP
 * port 80, a selector), each as `<message>` for errors and `warning: <message>` for warnings.
 */
export function check(annotations: Record<string, unknown>, spec: Record<string, unknown> = {}, info: ClusterInfo = {}): string[] {
  return checkServiceManifest(
    { metadata: { annotations }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }], selector: { app: 'x' }, ...spec } },
    info,
  ).map((f) => (f.severity === 'warning' ? `warning: ${formatFinding(f)}` : formatFinding(f)));
}

/** Annotations of a shared / dedicated existing ELB plus `extra`. */
export const shared = (extra: Record<string, string> = {}) => ({ 'kubernetes.io/elb.class': 'union', 'kubernetes.io/elb.id': ELB_ID, ...extra });
export const dedicated = (extra: Record<string, string> = {}) => ({ 'kubernetes.io/elb.class': 'performance', 'kubernetes.io/elb.id': ELB_ID, ...extra });
