import { IConstruct } from 'constructs';
import { ElbValidation } from './validation';
import { Finding, formatFinding, formatWarning, isElbWarning } from '../rules/finding';
import { ElbWarning } from '../rules/warnings';

/**
 * What a construct does with the findings of the rules at synth, the same for Services and
 * Ingresses: errors are messages that fail the synth; warnings are printed once per construct
 * (cdk8s validates an App more than once per synth), or are messages under strict validation
 * (`ElbValidation`); a warning acknowledged with a reason is left out.
 */
export class WarningPolicy {
  private acknowledged?: Map<ElbWarning, string>;
  /** Warnings already printed (created on the first). */
  private printed?: Set<string>;

  public constructor(private readonly construct: IConstruct) {}

  /** Silences a warning for the construct; the reason is required. */
  public acknowledge(warning: ElbWarning, reason: string): void {
    const path = this.construct.node.path;
    if (!isElbWarning(warning)) {
      throw new Error(`[${path}] acknowledgeWarning: ${JSON.stringify(warning)} is not a warning; allowed: a member of ElbWarning`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(`[${path}] acknowledgeWarning(${warning}): the reason is empty; allowed: a sentence saying why the warning does not apply here`);
    }
    (this.acknowledged ??= new Map()).set(warning, reason.trim());
  }

  /** Warnings not acknowledged, each ending with the `ElbWarning` member to acknowledge it by. */
  public unacknowledged(findings: readonly Finding[]): string[] {
    return findings
      .filter((f) => f.severity === 'warning' && !this.acknowledged?.has(f.warning!))
      .map(formatWarning);
  }

  /**
   * The validation messages: `first` (messages found before the rules), the errors among the
   * findings, `last`, then the warnings under strict validation (otherwise printed once).
   */
  public messages(first: readonly string[], findings: readonly Finding[], last: readonly string[]): string[] {
    const messages = [...first];
    for (const finding of findings) {
      if (finding.severity === 'error') messages.push(formatFinding(finding));
    }
    messages.push(...last);
    const warnings = this.unacknowledged(findings);
    const strict = warnings.length > 0 && ElbValidation.isStrict(this.construct);
    for (const warning of warnings) {
      if (strict) {
        messages.push(`${warning} (a warning, fatal under strict validation; acknowledge it with acknowledgeWarning() and a reason if it does not apply)`);
      } else if (!this.printed?.has(warning)) {
        (this.printed ??= new Set()).add(warning);
        console.warn(`[warning] [${this.construct.node.path}] ${warning}`);
      }
    }
    return messages;
  }
}
