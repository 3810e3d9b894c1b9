import { CceVersion } from './cce-version';

/**
 * What the rules know about the target cluster. Every field is optional: a rule that needs a field
 * that is not known does not fire (version gates) or gives its general advice (reachability).
 * Pure data, so that synth and the linter can both build it.
 */
export interface ClusterInfo {
  readonly version?: CceVersion;
  /** `standard` or `turbo`. */
  readonly flavor?: string;
  /** `iptables` or `ipvs`. */
  readonly proxyMode?: string;
  /** `overlay_l2` (tunnel), `vpc-router` (VPC) or `eni` (Cloud Native 2.0, CCE Turbo). */
  readonly networkModel?: string;
}

/** The values of the cluster options, for the CLI flags and the plugin's properties alike. */
export const CLUSTER_CHOICES = {
  flavor: ['standard', 'turbo'],
  proxyMode: ['iptables', 'ipvs'],
  networkModel: ['overlay_l2', 'vpc-router', 'eni'],
} as const;
