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
