import * as path from 'path';
import type * as formatsModule from './formats';
import type * as linterModule from './linter';
import type * as readerModule from './manifest-reader';
import { hasOwn, show } from '../annotations/values';
import { CceVersion } from '../cluster/cce-version';
import { CLUSTER_CHOICES, ClusterInfo } from '../cluster/cluster-info';
import { ElbWarning } from '../rules/warnings';

/*
 * The parts of cdk8s-cli's validation plugin API (`cdk8s-cli/lib/plugins/validation`) that this
 * plugin uses, written out as jsii types so that the library depends on no cdk8s-cli and the plugin
 * can be exported from the package's main module (cdk8s-cli loads a plugin named by package with
 * `require(package)[class]`). cdk8s-cli passes objects of these shapes.
 */

/** A resource that violates a rule (cdk8s-cli's `ValidationViolatingResource`). */
export interface Cdk8sViolatingResource {
  /** The resource's name. */
  readonly resourceName: string;
  /** Where in the resource the problem is: `<resource> <annotation or field> (line N)`. */
  readonly locations: string[];
  /** The manifest file the resource is in. */
  readonly manifestPath: string;
}

/** One problem and the resources that have it (cdk8s-cli's `ValidationViolation`). */
export interface Cdk8sViolation {
  /** `error [<rule id>]` or `warning [<rule id>]` (docs/lint.md, "Rule ids"; a warning's is its `ElbWarning` value), then the annotation or field. */
  readonly ruleName: string;
  /** The problem and what is allowed. */
  readonly recommendation: string;
  /** How to fix or acknowledge it. */
  readonly fix: string;
  /** The resources that have the problem. */
  readonly violatingResources: Cdk8sViolatingResource[];
}

/** The report of a validation (cdk8s-cli's `ValidationReport`, the part this plugin uses). */
export interface ICdk8sValidationReport {
  /** Adds a violation to the report. */
  addViolation(violation: Cdk8sViolation): void;
  /**
   * Ends the report.
   * @param status `success` or `failure`
   * @param metadata counts shown under the report
   */
  submit(status: string, metadata?: { [key: string]: string }): void;
}

/** What cdk8s-cli gives a plugin's `validate()` (cdk8s-cli's `ValidationContext`, the part this plugin uses). */
export interface ICdk8sValidationContext {
  /** Paths of the synthesized manifests. */
  readonly manifests: string[];
  /** The report to fill. */
  readonly report: ICdk8sValidationReport;
}

/** The `properties:` of the plugin's entry in `cdk8s.yaml`. All optional. */
export interface CceElbValidationProperties {
  /**
   * Fail the synth on warnings too.
   * @default false
   */
  readonly strict?: boolean;
  /**
   * CCE version of the cluster (`v1.28.3-r0`), like `cce-elb lint --cluster-version`: enables the
   * version checks.
   * @default - not known: no version gate fires
   */
  readonly clusterVersion?: string;
  /**
   * `standard` or `turbo`.
   * @default - not known
   */
  readonly clusterFlavor?: string;
  /**
   * `iptables` or `ipvs`.
   * @default - not known
   */
  readonly proxyMode?: string;
  /**
   * `overlay_l2`, `vpc-router` or `eni`.
   * @default - not known
   */
  readonly networkModel?: string;
  /**
   * Warnings to leave out of the report, each with the reason (as `acknowledgeWarning()` does on
   * a construct, whose acknowledgements are not in the YAML): `{ pass-through-rewritten: "…" }`.
   * @default - none
   */
  readonly acknowledgeWarnings?: { [warning: string]: string };
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
 * In `cdk8s.yaml`, by package name (cdk8s-cli installs that exact version of the package into its
 * plugins folder, `~/.cdk8s/plugins`, on the first synth):
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-cce-elb
 *     class: CceElbValidation
 *     version: 1.0.0
 *     properties:
 *       clusterVersion: v1.28.3-r0
 *       proxyMode: ipvs
 * ```
 *
 * or, to use the copy the app installed, by a local path, which must start with `./` (`version` is
 * then only recorded in the report): `package: ./node_modules/cdk8s-cce-elb`.
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
      // A property given as undefined is left out, as cdk8s.yaml cannot say otherwise.
      if (allowed && value !== undefined && !allowed.includes(value as string)) {
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

  /** Lints the synthesized manifests and fills the report; cdk8s-cli calls it after synth. */
  public async validate(context: ICdk8sValidationContext): Promise<void> {
    // The linter (and its YAML reader) is loaded only here, when cdk8s-cli validates, not by every
    // app that imports the library's constructs (it would double their import time).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Linter, keyOf } = require('./linter') as typeof linterModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { printable } = require('./formats') as typeof formatsModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { InputError } = require('./manifest-reader') as typeof readerModule;
    const linter = new Linter({ cluster: this.cluster, acknowledged: this.acknowledged });
    // Each manifest once (a path listed twice would conflict with itself across Services); one that
    // cannot be read is a finding, not a rejected validation.
    for (const manifest of new Set(context.manifests)) {
      try {
        // "-" would be standard input for the linter: here it is a file of that name.
        linter.lintFile(manifest === '-' ? `.${path.sep}-` : manifest);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        linter.skipped(manifest, e.message);
      }
    }
    const report = linter.report();
    for (const violation of violationsOf(report.findings, keyOf, printable)) context.report.addViolation(violation);
    const failed = report.errors > 0 || (this.strict && report.warnings > 0);
    context.report.submit(failed ? 'failure' : 'success', {
      'errors': String(report.errors),
      'warnings': String(report.warnings),
      'acknowledged warnings': String(report.acknowledged),
      'LoadBalancer Services': String(report.services),
      'LoadBalancer Ingresses': String(report.ingresses),
    });
  }
}

/**
 * One violation per distinct problem, listing every resource that has it; `keyOf` and `printable`
 * are the linter's and the output formats' (loaded with the linter).
 */
function violationsOf(
  findings: readonly linterModule.LintFinding[],
  keyOf: (finding: linterModule.LintFinding) => string,
  printable: (s: string) => string,
): Cdk8sViolation[] {
  const groups = new Map<string, { finding: linterModule.LintFinding; resources: Cdk8sViolatingResource[] }>();
  for (const f of findings) {
    // cdk8s prints these as they are: every string from the manifests is made printable first.
    const key = printable(keyOf(f));
    // The rule's id (docs/lint.md, "Rule ids"); for a warning, the id to acknowledge it by.
    const ruleName = `${f.severity} [${printable(f.rule)}]: ${key}`;
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
