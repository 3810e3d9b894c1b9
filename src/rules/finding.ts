import { ErrorRuleId } from './rule-ids';
import { ElbWarning } from './warnings';

/**
 * One problem found in a Service. `subject` names the typed prop and the annotation (or Service
 * field) it concerns; `message` says what is wrong and what is allowed. An error can never work;
 * a warning (with its `warning` id) is legal but surprising.
 */
export interface Finding {
  readonly subject: string;
  /**
   * Where in the manifest: the annotation key (`kubernetes.io/elb.class`) or the Service field
   * (`spec.ports[0].port`) the finding concerns. The linter prints it and finds its line with it.
   */
  readonly target: string;
  /** For a JSON annotation: the field inside it (`delay`), when the finding concerns one field. */
  readonly field?: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** For warnings: which one, so that it can be acknowledged. */
  readonly warning?: ElbWarning;
  /** The rule that found it (`RULES` in rule-ids.ts): the warning id, or the error rule's id. */
  readonly rule: string;
}

/** `<prop> (<annotation>): <what is wrong>; <what is allowed>` */
export function formatFinding(finding: Finding): string {
  return `${finding.subject}: ${finding.message}`;
}

/** The member name of each warning, by value. */
const WARNING_NAMES = new Map<unknown, string>(Object.entries(ElbWarning).map(([name, value]) => [value, name]));

/** A warning as printed: the finding, then the `ElbWarning` member to acknowledge it by. */
export function formatWarning(finding: Finding): string {
  return `${formatFinding(finding)} [ElbWarning.${WARNING_NAMES.get(finding.warning)}]`;
}

/** Whether a value is a member of `ElbWarning`. */
export function isElbWarning(value: unknown): value is ElbWarning {
  return WARNING_NAMES.has(value);
}

const LAST_PARENTHESES = /\(([^()]*)\)$/;

/**
 * The annotation key or Service field a subject names, and the JSON field inside it:
 * `delay (kubernetes.io/elb.health-check-option: delay)` → key and `delay`;
 * `ports[0].port (spec.ports[0].port)` → `spec.ports[0].port`; a bare key is its own target.
 */
export function targetOf(subject: string): { target: string; field?: string } {
  const inner = LAST_PARENTHESES.exec(subject)?.[1] ?? subject;
  const colon = inner.indexOf(': ');
  return colon < 0 ? { target: inner } : { target: inner.slice(0, colon), field: inner.slice(colon + 2) };
}

/** Collects findings for one Service. */
export class Findings {
  public readonly items: Finding[] = [];
  /** The rule whose errors are being added: set by whoever runs the rules (see `runServiceRules`). */
  public rule: ErrorRuleId = 'annotation-value';

  /** An error: this can never work. */
  public add(subject: string, message: string): void {
    this.push(subject, message, 'error');
  }

  /** A warning: legal, but probably not what the author meant. */
  public warn(warning: ElbWarning, subject: string, message: string): void {
    this.push(subject, message, 'warning', warning);
  }

  /** One finding, with the target its subject names; built field by field (object spread is slow on this path). */
  private push(subject: string, message: string, severity: Finding['severity'], warning?: ElbWarning): void {
    const { target, field } = targetOf(subject);
    const finding: { -readonly [K in keyof Finding]: Finding[K] } = { subject, target, message, severity, rule: warning ?? this.rule };
    if (field !== undefined) finding.field = field;
    if (warning !== undefined) finding.warning = warning;
    this.items.push(finding);
  }
}

/**
 * Findings that pass what rules report on to `target`, with every error turned into a warning of
 * one kind and its message prefixed: for checks whose errors do not apply to a value, such as a
 * feature written "false" where the feature does not exist.
 */
export class ErrorsAsWarnings extends Findings {
  public constructor(private readonly target: Findings, private readonly warning: ElbWarning, private readonly prefix: string) {
    super();
  }

  public add(subject: string, message: string): void {
    this.target.warn(this.warning, subject, `${this.prefix}${message}`);
  }

  public warn(warning: ElbWarning, subject: string, message: string): void {
    this.target.warn(warning, subject, message);
  }
}
