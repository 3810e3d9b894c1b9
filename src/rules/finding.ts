import { ElbWarning } from './warnings';

/**
 * One problem found in a Service. `subject` names the typed prop and the annotation (or Service
 * field) it concerns; `message` says what is wrong and what is allowed. An error can never work;
 * a warning (with its `warning` id) is legal but surprising.
 */
export interface Finding {
  readonly subject: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** For warnings: which one, so that it can be acknowledged. */
  readonly warning?: ElbWarning;
}

/** `<prop> (<annotation>): <what is wrong>; <what is allowed>` */
export function formatFinding(finding: Finding): string {
  return `${finding.subject}: ${finding.message}`;
}

/** Collects findings for one Service. */
export class Findings {
  public readonly items: Finding[] = [];

  /** An error: this can never work. */
  public add(subject: string, message: string): void {
    this.items.push({ subject, message, severity: 'error' });
  }

  /** A warning: legal, but probably not what the author meant. */
  public warn(warning: ElbWarning, subject: string, message: string): void {
    this.items.push({ subject, message, severity: 'warning', warning });
  }
}
