import { printable } from './formats';
import { CLUSTER_CHOICES, LintFinding, Linter, keyOf } from './linter';
import { hasOwn, show } from '../annotations/values';
import { CceVersion } from '../cluster/cce-version';
import { ClusterInfo } from '../cluster/cluster-info';
import { ElbWarning } from '../rules/warnings';

/*
 * The shapes of cdk8s-cli's validation plugin API that this plugin uses (cdk8s-cli's
 * `plugins/validation`). They are written out here so that the library does not depend on
 * cdk8s-cli; cdk8s-cli passes objects of these shapes.
 */

interface ViolatingResource {
  readonly resourceName: string;
  readonly locations: readonly string[];
  readonly manifestPath: string;
}

interface Violation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingResources: readonly ViolatingResource[];
}

/** What cdk8s-cli gives a plugin's `validate()`. */
export interface PluginContext {
  readonly manifests: readonly string[];
  readonly report: {
    addViolation(violation: Violation): void;
    submit(status: 'success' | 'failure', metadata?: Readonly<Record<string, string>>): void;
  };
  readonly logger?: { log(message: string): void };
}

/** The `properties:` of the plugin's entry in `cdk8s.yaml`. All optional. */
export interface CceElbValidationProperties {
  /** Fail the synth on warnings too. Default: false. */
  readonly strict?: boolean;
  /** Like `--cluster-version`: enables the version checks. */
  readonly clusterVersion?: string;
  /** `standard` or `turbo`. */
  readonly clusterFlavor?: string;
  /** `iptables` or `ipvs`. */
  readonly proxyMode?: string;
  /** `overlay_l2`, `vpc-router` or `eni`. */
  readonly networkModel?: string;
  /**
   * Warnings to leave out of the report, each with the reason (as `acknowledgeWarning()` does on
   * a construct, whose acknowledgements are not in the YAML): `{ pass-through-rewritten: "…" }`.
   */
  readonly acknowledgeWarnings?: Readonly<Record<string, string>>;
}

const FIX = 'Change the prop or annotation named in the rule; docs/annotations.md lists every annotation with its format and range.';
const FIX_WARNING =
  'If it is intended, acknowledge it with a reason: acknowledgeWarning() on the construct, and acknowledgeWarnings in this plugin\'s properties (docs/lint.md).';
const PROPERTIES: Record<string, readonly string[] | undefined> = {
  acknowledgeWarnings: undefined,
  strict: undefined,
  clusterVersion: undefined,
  clusterFlavor: CLUSTER_CHOICES.flavor,
  proxyMode: CLUSTER_CHOICES.proxyMode,
  networkModel: CLUSTER_CHOICES.networkModel,
};

/**
 * A cdk8s synth validation plugin that runs `cce-elb lint` over the synthesized manifests, so
 * that `cdk8s synth` reports every Service (typed constructs, raw ApiObjects, imported Helm charts)
 * against the same rules, including the checks across Services that share a load balancer.
 *
 * In `cdk8s.yaml` (the package path is local, so `version` is only recorded in the report):
 *
 * ```yaml
 * validations:
 *   - package: ./node_modules/cdk8s-cce-elb/lib/lint/cdk8s-plugin.js
 *     class: CceElbValidation
 *     version: 1.0.0
 *     properties:
 *       clusterVersion: v1.28.3-r0
 *       proxyMode: ipvs
 * ```
 *
 * Errors fail the synth (cdk8s exits with status 2); warnings are listed and fail it only with
 * `strict: true`. Warnings acknowledged on a construct with `acknowledgeWarning()` are not in
 * the YAML, so the plugin reports them again: leave `strict` off when you rely on acknowledgements.
 */
export class CceElbValidation {
  private readonly strict: boolean;
  private readonly cluster: ClusterInfo;
  private readonly acknowledged: ReadonlySet<string>;

  constructor(properties: CceElbValidationProperties = {}) {
    for (const [name, value] of Object.entries(properties)) {
      // Own properties only: "constructor" or "__proto__" in cdk8s.yaml are unknown names, not Object's.
      if (!hasOwn(PROPERTIES, name)) {
        throw new Error(`CceElbValidation: unknown property ${show(name)}; allowed: ${Object.keys(PROPERTIES).join(', ')}`);
      }
      const allowed = PROPERTIES[name];
      if (allowed && !allowed.includes(value as string)) {
        throw new Error(`CceElbValidation: ${name} ${show(value)} is not allowed; allowed: ${allowed.join(', ')}`);
      }
    }
    if (properties.strict !== undefined && typeof properties.strict !== 'boolean') {
      throw new Error(`CceElbValidation: strict ${show(properties.strict)} is not allowed; allowed: true or false`);
    }
    this.strict = properties.strict ?? false;
    const known = Object.values(ElbWarning) as string[];
    for (const [id, reason] of Object.entries(properties.acknowledgeWarnings ?? {})) {
      if (!known.includes(id)) {
        throw new Error(`CceElbValidation: acknowledgeWarnings: ${show(id)} is not a warning; allowed: ${known.join(', ')}`);
      }
      if (typeof reason !== 'string' || reason.trim() === '') {
        throw new Error(`CceElbValidation: acknowledgeWarnings: ${id} needs a reason; allowed: a non-empty string saying why the warning does not apply`);
      }
    }
    this.acknowledged = new Set(Object.keys(properties.acknowledgeWarnings ?? {}));
    let version: CceVersion | undefined;
    try {
      version = properties.clusterVersion === undefined ? undefined : CceVersion.parse(properties.clusterVersion);
    } catch (e) {
      throw new Error(`CceElbValidation: clusterVersion ${(e as Error).message}`);
    }
    this.cluster = {
      version,
      flavor: properties.clusterFlavor,
      proxyMode: properties.proxyMode,
      networkModel: properties.networkModel,
    };
  }

  public async validate(context: PluginContext): Promise<void> {
    const linter = new Linter({ cluster: this.cluster });
    for (const manifest of context.manifests) linter.lintFile(manifest);
    const report = linter.report();
    const findings = report.findings.filter((f) => f.warning === undefined || !this.acknowledged.has(f.warning));
    for (const violation of violationsOf(findings)) context.report.addViolation(violation);
    const warnings = findings.length - report.errors;
    const failed = report.errors > 0 || (this.strict && warnings > 0);
    context.report.submit(failed ? 'failure' : 'success', {
      'errors': String(report.errors),
      'warnings': String(warnings),
      'acknowledged warnings': String(report.warnings - warnings),
      'LoadBalancer Services': String(report.services),
    });
  }
}

/** One violation per distinct problem, listing every resource that has it. */
function violationsOf(findings: readonly LintFinding[]): Violation[] {
  const groups = new Map<string, { finding: LintFinding; resources: ViolatingResource[] }>();
  for (const f of findings) {
    // cdk8s prints these as they are: every string from the manifests is made printable first.
    const key = printable(keyOf(f));
    const ruleName = `${f.severity}${f.warning ? ` [${f.warning}]` : ''}: ${key}`;
    const id = `${ruleName}\n${printable(f.message)}`;
    const group = groups.get(id) ?? { finding: f, resources: [] };
    groups.set(id, group);
    const name = printable(f.resource.split('/').pop() ?? '');
    group.resources.push({ resourceName: name, locations: [printable(`${f.resource} ${key} (line ${f.line})`)], manifestPath: f.file });
  }
  return [...groups.entries()].map(([id, { finding, resources }]) => ({
    ruleName: id.slice(0, id.indexOf('\n')),
    recommendation: printable(`${keyOf(finding)}: ${finding.message}`),
    fix: finding.severity === 'warning' ? FIX_WARNING : FIX,
    violatingResources: resources,
  }));
}
