import { ManifestObject, ObjectPath, Position, ReadProblem, expandPaths, readManifestFile, readManifestText } from './manifest-reader';
import { catalogEntry, readsOn } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { BACKEND_GROUP_KEYS } from '../annotations/known-keys';
import { fieldsOf, kindOf, show } from '../annotations/values';
import { ClusterInfo } from '../cluster/cluster-info';
import { Finding } from '../rules/finding';
import { runIngressRules, runServiceRules } from '../rules/index';
import { IngressBackendChecks } from '../rules/ingress-backend-rules';
import { INGRESS_CLASS_ANNOTATION, decodeIngress, isCceIngress } from '../rules/ingress-view';
import { decodeService, isReadBack } from '../rules/service-view';
import { SharedElbChecks } from '../rules/shared-elb-rules';
import { ElbWarning } from '../rules/warnings';

/** What the linter knows about the target cluster (from `--cluster-*` flags). */
export interface LintOptions {
  readonly cluster?: ClusterInfo;
  /**
   * Warnings left out of the report (the validation plugin's `acknowledgeWarnings`): neither shown
   * nor counted as warnings, only as `acknowledged`, past the findings limit too.
   */
  readonly acknowledged?: ReadonlySet<string>;
}

/** One finding, located in a file. */
export interface LintFinding {
  readonly file: string;
  /** 1-based line of the annotation key or Service field concerned (the object's first line when neither is in the source). */
  readonly line: number;
  readonly column: number;
  /** `Service/<namespace>/<name>`; `-` for a namespace or name the manifest does not give; empty for a document that is not an object. */
  readonly resource: string;
  /** The annotation key (`kubernetes.io/elb.class`) or Service field (`spec.ports[0].port`); `yaml` or `document` for unreadable documents. */
  readonly key: string;
  /** The field inside a JSON annotation, when the finding concerns one field. */
  readonly field?: string;
  readonly severity: 'error' | 'warning';
  /** For warnings that come from the rules: which one (an `ElbWarning` value). */
  readonly warning?: ElbWarning;
  /** What is wrong and what is allowed. */
  readonly message: string;
  /** The rule that found it: a stable id from `RULES` (src/rules/rule-ids.ts; docs/lint.md lists them). */
  readonly rule: string;
}

/** The key a finding concerns, with its JSON field: `kubernetes.io/elb.autocreate: bandwidth_size`. */
export function keyOf(finding: LintFinding): string {
  return finding.field !== undefined ? `${finding.key}: ${finding.field}` : finding.key;
}

/** Where a finding of the checks across objects goes: positions taken while the object was read. */
interface ObjectRef {
  readonly file: string;
  readonly resource: string;
  readonly positions: Map<string, Position>;
  readonly fallback: Position;
}

/** Everything one lint run found. */
export interface LintReport {
  readonly findings: readonly LintFinding[];
  readonly files: number;
  readonly objects: number;
  /** LoadBalancer Services checked. */
  readonly services: number;
  /** LoadBalancer Ingresses (class cce) checked. */
  readonly ingresses: number;
  readonly errors: number;
  readonly warnings: number;
  /** Warnings left out because they were acknowledged (`LintOptions.acknowledged`). */
  readonly acknowledged: number;
}

const ELB_ANNOTATION = /^kubernetes\.io\/elb\./;


/** Where a finding's target is in the object: an annotation key or a `spec.…` field path. */
function pathOf(target: string): ObjectPath {
  const property = target.indexOf('.property.');
  if (target.startsWith('spec.') && property > 0) {
    // `….property.ingress.beta.kubernetes.io/url-match-mode`: the last key has dots of its own.
    return [...pathOf(target.slice(0, property)), 'property', target.slice(property + '.property.'.length)];
  }
  if (target.startsWith('spec.') || target === 'spec') {
    return target.split(/\.|\[(\d+)\]\.?/).filter((s) => s !== undefined && s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  }
  if (target.includes('/')) {
    // "kubernetes.io/elb.id or kubernetes.io/elb.autocreate": the first one named.
    return ['metadata', 'annotations', target.split(' or ')[0]];
  }
  return ['metadata', 'name'];
}

function resourceOf(object: Readonly<Record<string, unknown>>): string {
  const metadata = fieldsOf(object.metadata);
  const part = (v: unknown) => (typeof v === 'string' && v !== '' ? v : '-');
  return `${String(object.kind)}/${part(metadata.namespace)}/${part(metadata.name)}`;
}

interface Located {
  readonly order: number;
  readonly finding: LintFinding;
}

/**
 * Checks Kubernetes manifests against the library's rules: every Service of type LoadBalancer is
 * decoded through the annotation catalog and checked by the same rule functions that run at
 * `cdk8s synth`, then all Services of the run are checked against each other (shared ELBs).
 * Feed it files or text, then ask for the report.
 */
export class Linter {
  private readonly cluster: ClusterInfo;
  private readonly located: Located[] = [];
  private readonly fileOrder = new Map<string, number>();
  private readonly shared = new SharedElbChecks<ObjectRef>();
  private readonly backends = new IngressBackendChecks<ObjectRef>();
  private objects = 0;
  private services = 0;
  private ingresses = 0;
  /** Findings kept per file, and those past `MAX_FINDINGS_PER_FILE`, only counted. */
  private readonly keptPerFile = new Map<string, number>();
  private readonly hidden = new Map<string, { errors: number; warnings: number; at: LintFinding }>();
  private hiddenErrors = 0;
  private hiddenWarnings = 0;
  private readonly acknowledgedIds: ReadonlySet<string>;
  private acknowledged = 0;
  /** How many of `located` `takeNew()` has handed out. */
  private taken = 0;
  private sharedDone = false;

  constructor(options: LintOptions = {}) {
    this.cluster = options.cluster ?? {};
    this.acknowledgedIds = options.acknowledged ?? new Set();
  }

  /** Reads one file (or `-` for standard input), a document at a time. */
  public lintFile(file: string): void {
    this.noteFile(file);
    const objects = this.objects;
    const found = this.located.length;
    readManifestFile(file, this.visitor());
    this.reportHidden(file);
    if (file === '-' && this.objects === objects && this.located.length === found) {
      // `helm template … | cce-elb lint -` after helm failed: nothing came, which must not pass.
      this.push(file, {
        file,
        line: 1,
        column: 1,
        resource: '',
        key: 'document',
        severity: 'error',
        rule: 'document',
        message: 'standard input holds no Kubernetes object (kubectl apply refuses that too: "no objects passed to apply"); did the command before the pipe fail? allowed: manifests on standard input',
      });
    }
  }

  /** Checks manifests given as text; `file` names them in findings. */
  public lintText(text: string, file: string): void {
    this.noteFile(file);
    readManifestText(text, file, this.visitor());
    this.reportHidden(file);
  }

  /** A path that was not read (see `expandPaths`): a warning, so that it is not missed silently. */
  public skipped(file: string, reason: string): void {
    this.noteFile(file);
    this.push(file, { file, line: 1, column: 1, resource: '', key: 'document', severity: 'warning', rule: 'input', message: reason });
  }

  /** The findings added since the last call, by file and line: what a file gave, for output that streams. */
  public takeNew(): LintFinding[] {
    const fresh = this.located.slice(this.taken);
    this.taken = this.located.length;
    return sortLocated(fresh);
  }

  /** Runs the checks across Services (once) and returns every finding, by file and line. */
  public report(): LintReport {
    if (!this.sharedDone) {
      this.sharedDone = true;
      for (const { ref, finding } of [...this.shared.findings(), ...this.backends.findings()]) {
        const position = ref.positions.get(positionKey(pathOf(finding.target))) ?? ref.fallback;
        this.add(ref.file, position, ref.resource, finding);
      }
    }
    for (const file of [...this.hidden.keys()]) this.reportHidden(file);
    const findings = sortLocated(this.located);
    const errors = findings.filter((f) => f.severity === 'error').length;
    return {
      findings,
      files: this.fileOrder.size,
      objects: this.objects,
      services: this.services,
      ingresses: this.ingresses,
      errors: errors + this.hiddenErrors,
      warnings: findings.length - errors + this.hiddenWarnings,
      acknowledged: this.acknowledged,
    };
  }

  private noteFile(file: string): void {
    if (!this.fileOrder.has(file)) this.fileOrder.set(file, this.fileOrder.size);
  }

  private visitor() {
    return {
      object: (object: ManifestObject) => this.checkObject(object),
      problem: (problem: ReadProblem) =>
        this.push(problem.file, {
          file: problem.file,
          line: problem.position.line,
          column: problem.position.column,
          resource: '',
          key: problem.key,
          severity: problem.severity,
          rule: problem.key,
          message: problem.message,
        }),
    };
  }

  private checkObject(object: ManifestObject): void {
    this.objects++;
    const value = object.value;
    const resource = resourceOf(value);
    const annotations = fieldsOf(fieldsOf(value.metadata).annotations);
    this.checkAnnotationValues(object, resource, annotations);
    if (value.kind === 'Ingress') {
      // Only Ingresses of class cce are CCE's LoadBalancer Ingresses: others (nginx, …) are not read.
      if (!isCceIngress(value)) {
        this.noteIngressWithoutClass(object, resource, annotations);
        return;
      }
      this.ingresses++;
      const { view, findings } = decodeIngress(
        {
          apiVersion: value.apiVersion,
          metadata: { ...fieldsOf(value.metadata), annotations },
          spec: fieldsOf(value.spec),
          readBack: isReadBack(value),
        },
        this.cluster,
      );
      runIngressRules(view, findings);
      for (const finding of findings.items) {
        this.add(object.file, object.locate(pathOf(finding.target)), resource, finding);
      }
      const ref = this.refOf(object, resource, annotations, {}, view.paths.flatMap((p) => [p.nameAt, p.portAt]));
      this.shared.addIngress({ ref, resource: `${resource} (${at(object)})`, view });
      this.backends.addIngress({ ref, view, warnMissing: false });
      return;
    }
    if (value.kind !== 'Service') return;
    const spec = fieldsOf(value.spec);
    const metadata = fieldsOf(value.metadata);
    const ports = Array.isArray(spec.ports) ? spec.ports.map(fieldsOf) : [];
    this.backends.addService({ namespace: metadata.namespace, name: metadata.name, type: spec.type, ports });
    if (spec.type !== 'LoadBalancer') {
      this.noteIgnoredAnnotations(object, resource, spec.type, annotations);
      return;
    }
    this.services++;
    const { view, findings } = decodeService({ metadata: { annotations }, spec, readBack: isReadBack(value) }, this.cluster);
    runServiceRules(view, findings);
    for (const finding of findings.items) {
      this.add(object.file, object.locate(pathOf(finding.target)), resource, finding);
    }
    if (annotations[K.ID] !== undefined || annotations[K.IP] !== undefined) {
      this.shared.addService({ ref: this.refOf(object, resource, annotations, spec), resource: `${resource} (${at(object)})`, view });
    }
  }

  /**
   * kubectl refuses an object whose annotation value is not a string (a number, a boolean, a map):
   * for any kind. On a LoadBalancer Service the catalog's keys are reported by the rules instead.
   */
  private checkAnnotationValues(object: ManifestObject, resource: string, annotations: Record<string, unknown>): void {
    const spec = fieldsOf(object.value.spec);
    const kind = object.value.kind === 'Service' && spec.type === 'LoadBalancer' ? 'Service' : isCceIngress(object.value) ? 'Ingress' : undefined;
    for (const key of Object.keys(annotations)) {
      const value = annotations[key];
      if (typeof value === 'string' || value === null) continue;
      const entry = kind === undefined ? undefined : catalogEntry(key);
      if (entry !== undefined && readsOn(entry, kind!)) continue;
      this.push(object.file, {
        file: object.file,
        ...lineAndColumn(object.locate(['metadata', 'annotations', key])),
        resource,
        key,
        severity: 'error',
        rule: 'annotation-string',
        message: `${show(value)} is ${kindOf(value)}, and kubectl refuses an annotation that is not a string; allowed: a string (quote it)`,
      });
    }
  }

  /** Positions a cross-Service finding may need, taken now: the parsed document is not kept. */
  private refOf(
    object: ManifestObject,
    resource: string,
    annotations: Record<string, unknown>,
    spec: Record<string, unknown> = {},
    backends: readonly string[] = [],
  ): ObjectRef {
    const positions = new Map<string, Position>();
    for (const target of backends) {
      const p = pathOf(target);
      positions.set(positionKey(p), object.locate(p));
    }
    for (const key of Object.keys(annotations)) {
      const p = ['metadata', 'annotations', key];
      positions.set(positionKey(p), object.locate(p));
    }
    const ports = Array.isArray(spec.ports) ? spec.ports : [];
    for (let i = 0; i < ports.length; i++) {
      const p = ['spec', 'ports', i, 'port'];
      positions.set(positionKey(p), object.locate(p));
    }
    return { file: object.file, resource, positions, fallback: object.locate(['metadata', 'name']) };
  }

  /**
   * An Ingress not of class cce that has `kubernetes.io/elb.*` annotations: CCE's ELB controller
   * reads them only on Ingresses of class cce, so they have no effect (a typo such as `CCE` or
   * `cce-elb` turns every check off). Without any class, a default IngressClass of the cluster may
   * still make it one: a warning either way. The Ingress itself is not checked.
   */
  private noteIngressWithoutClass(object: ManifestObject, resource: string, annotations: Record<string, unknown>): void {
    const named = fieldsOf(object.value.spec).ingressClassName ?? annotations[INGRESS_CLASS_ANNOTATION];
    const which = named === undefined
      ? 'this one names no class (a default IngressClass of the cluster may give it one)'
      : `this one is of class ${show(named)}`;
    this.noteNoEffect(
      object, resource, Object.keys(annotations).filter((k) => ELB_ANNOTATION.test(k)),
      `has no effect unless the Ingress is of class cce, and ${which}; allowed: spec.ingressClassName: cce (kubernetes.io/ingress.class: cce on clusters of v1.21 and earlier), or leave the kubernetes.io/elb.* annotations out`,
    );
  }

  /** CCE reads `kubernetes.io/elb.*` only on LoadBalancer Services: say so once per Service. */
  private noteIgnoredAnnotations(object: ManifestObject, resource: string, type: unknown, annotations: Record<string, unknown>): void {
    this.noteNoEffect(
      object, resource, Object.keys(annotations).filter((k) => ELB_ANNOTATION.test(k) && !BACKEND_GROUP_KEYS.has(k)),
      `has no effect: CCE reads kubernetes.io/elb.* annotations only on Services of type LoadBalancer, and this one is of type ${typeof type === 'string' ? type : 'ClusterIP'}; allowed: type LoadBalancer, or remove them`,
    );
  }

  /** One `no-effect` warning for annotations an object carries in vain, at the first of them. */
  private noteNoEffect(object: ManifestObject, resource: string, keys: readonly string[], message: string): void {
    if (keys.length === 0) return;
    this.push(object.file, {
      file: object.file,
      ...lineAndColumn(object.locate(['metadata', 'annotations', keys[0]])),
      resource,
      key: keys[0],
      severity: 'warning',
      warning: ElbWarning.NO_EFFECT,
      rule: ElbWarning.NO_EFFECT,
      message: `${others(keys.length - 1)}${message}`,
    });
  }

  private add(file: string, position: Position, resource: string, finding: Finding): void {
    this.push(file, {
      file,
      ...lineAndColumn(position),
      resource,
      key: finding.target,
      ...(finding.field !== undefined ? { field: finding.field } : {}),
      severity: finding.severity,
      ...(finding.warning !== undefined ? { warning: finding.warning } : {}),
      message: finding.message,
      rule: finding.rule,
    });
  }

  private push(file: string, finding: LintFinding): void {
    if (finding.warning !== undefined && this.acknowledgedIds.has(finding.warning)) {
      this.acknowledged++;
      return;
    }
    // A file can hold millions of problems (a megabyte of "%" lines): past a bound only their
    // number is kept, so memory stays bounded; the counts and the summary still include them.
    const kept = this.keptPerFile.get(file) ?? 0;
    if (kept >= MAX_FINDINGS_PER_FILE) {
      const hidden = this.hidden.get(file) ?? { errors: 0, warnings: 0, at: finding };
      if (finding.severity === 'error') hidden.errors++;
      else hidden.warnings++;
      this.hidden.set(file, hidden);
      return;
    }
    this.keptPerFile.set(file, kept + 1);
    this.located.push({ order: this.fileOrder.get(file) ?? 0, finding });
  }

  /** One finding that says how many more a file had, once the file is read. */
  private reportHidden(file: string): void {
    const hidden = this.hidden.get(file);
    if (hidden === undefined) return;
    this.hidden.delete(file);
    // The note is not itself a finding: the counts are of the hidden ones (`report()`).
    const severity = hidden.errors > 0 ? 'error' : 'warning';
    this.hiddenErrors += hidden.errors - (severity === 'error' ? 1 : 0);
    this.hiddenWarnings += hidden.warnings - (severity === 'warning' ? 1 : 0);
    this.located.push({
      order: this.fileOrder.get(file) ?? 0,
      finding: {
        file,
        line: hidden.at.line,
        column: hidden.at.column,
        resource: '',
        key: 'document',
        severity,
        rule: 'too-many-findings',
        message: `and ${hidden.errors} more errors and ${hidden.warnings} more warnings in this file from here on, not shown (at most ${MAX_FINDINGS_PER_FILE} findings are shown for a file); allowed: fix the ones shown first`,
      },
    });
  }
}

/** The most findings shown for one file; more are counted (see `Linter.push`). */
export const MAX_FINDINGS_PER_FILE = 1000;

/** Findings by file (in the order files were read), then line and column. */
function sortLocated(located: readonly Located[]): LintFinding[] {
  return [...located]
    .sort((a, b) => a.order - b.order || a.finding.line - b.finding.line || a.finding.column - b.finding.column)
    .map((l) => l.finding);
}

/** `(and 2 other annotations) ` */
function others(n: number): string {
  return n === 0 ? '' : `(and ${n} other annotation${n === 1 ? '' : 's'}) `;
}

function at(object: ManifestObject): string {
  return `${object.file}:${object.position.line}`;
}

function lineAndColumn(p: Position): { line: number; column: number } {
  return { line: p.line, column: p.column };
}

function positionKey(p: ObjectPath): string {
  return JSON.stringify(p);
}

/** Lints manifests given as text (one file's worth), checks across its Services included. */
export function lintText(text: string, file: string, options: LintOptions = {}): LintReport {
  const linter = new Linter(options);
  linter.lintText(text, file);
  return linter.report();
}

/**
 * Lints files and directories (searched for `.yaml`, `.yml` and `.json`); `-` reads standard
 * input. Throws an `InputError` for a path that cannot be read. `onFile` is called after each file
 * with its findings (for output that streams); the report has all of them, and the findings across
 * Services, which come only at the end.
 */
export function lintPaths(paths: readonly string[], options: LintOptions = {}, onFile?: (findings: readonly LintFinding[]) => void): LintReport {
  const linter = new Linter(options);
  const { files, skipped } = expandPaths(paths);
  for (const { file, reason } of skipped) linter.skipped(file, reason);
  for (const file of files) {
    linter.lintFile(file);
    onFile?.(linter.takeNew());
  }
  const report = linter.report();
  onFile?.(linter.takeNew()); // the findings across Services, which need every file
  return report;
}
