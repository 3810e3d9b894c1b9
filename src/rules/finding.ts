/**
 * One problem found in a Service. `subject` names the typed prop and the annotation (or Service
 * field) it concerns; `message` says what is wrong and what is allowed.
 */
export interface Finding {
  readonly subject: string;
  readonly message: string;
}

/** `<prop> (<annotation>): <what is wrong>; <what is allowed>` */
export function formatFinding(finding: Finding): string {
  return `${finding.subject}: ${finding.message}`;
}

/** Collects findings for one Service. */
export class Findings {
  public readonly items: Finding[] = [];

  public add(subject: string, message: string): void {
    this.items.push({ subject, message });
  }
}
