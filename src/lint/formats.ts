import { LintFinding, LintReport, keyOf } from './linter';
import { docsUrl, packageInfo } from './package-info';
import { PEM_MARKER } from '../annotations/values';
import { RULES } from '../rules/rule-ids';

/** The output formats of `cce-elb lint`. */
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Characters that must not reach a terminal or a CI log raw from the input: C0 controls (line
 * breaks included, which would start a forged line such as a GitHub workflow command), DEL, C1
 * controls (CSI, OSC), the Unicode line and paragraph separators, and the bidirectional marks and
 * overrides that reorder what a terminal shows ("Trojan Source").
 */
const UNSAFE_BEYOND_C0 = '\\u007f-\\u009f\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE = new RegExp(`[\\u0000-\\u001f${UNSAFE_BEYOND_C0}]`, 'g');

/** What JSON.stringify leaves raw of `UNSAFE` (it escapes C0 controls in strings; its own line breaks stay). */
const UNSAFE_IN_JSON = new RegExp(`[${UNSAFE_BEYOND_C0}]`, 'g');

/** `\u001b`: a character as a JSON-style escape. */
function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `s` with every unsafe character written as an escape (`\n`, `\u001b`): one line, nothing a
 * terminal acts on; and a PEM block in it (a key pasted as a name or key) cut off.
 */
export function printable(s: string): string {
  return printablePath(withoutPem(s));
}

/**
 * A file name with every unsafe character written as an escape, and nothing cut: the user's own
 * path, which holds no secret and must stay whole to be found.
 */
export function printablePath(s: string): string {
  return s.replace(UNSAFE, (c) => ESCAPES[c] ?? unicodeEscape(c));
}

/** `s` without anything from a PEM block's first line on. */
function withoutPem(s: string): string {
  const at = s.search(PEM_MARKER);
  return at < 0 ? s : `${s.slice(0, at)}<a PEM block, not shown>`;
}
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One finding as a text line: `file:line  Kind/namespace/name  <key>: <message>`, every part printable. */
export function textLine(f: LintFinding): string {
  const label = f.severity === 'warning' ? `warning${f.warning ? ` [${f.warning}]` : ''}: ` : '';
  // Each part on its own, so that a PEM marker in one cuts only that part.
  return `${printablePath(f.file)}:${f.line}  ${printable(f.resource || '-')}  ${printable(keyOf(f))}: ${printable(label)}${printable(f.message)}`;
}

/** `file:line  Kind/namespace/name  <key>: <message>`, one finding a line, then a summary line. */
export function formatText(report: LintReport): string {
  const lines = report.findings.map(textLine);
  lines.push(summaryOf(report));
  return lines.join('\n') + '\n';
}

/** `2 errors, 1 warning in 3 files (12 objects, 4 LoadBalancer Services)` */
export function summaryOf(report: LintReport): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(report.errors, 'error')}, ${n(report.warnings, 'warning')} in ${n(report.files, 'file')} (${n(report.objects, 'object')}, ${n(report.services, 'LoadBalancer Service')}${report.ingresses > 0 ? `, ${report.ingresses} LoadBalancer ${report.ingresses === 1 ? 'Ingress' : 'Ingresses'}` : ''})`;
}

/** The report as one JSON document, for tools. */
export function formatJson(report: LintReport): string {
  return safeJson(report);
}

/**
 * JSON whose strings carry no raw control character: JSON.stringify escapes C0 controls, and the
 * rest (DEL, C1, U+2028/2029) are escaped here, which keeps the JSON valid and equal.
 */
function safeJson(value: unknown): string {
  // File names (`file`, SARIF's `uri`) stay whole: they are the user's own paths.
  return JSON.stringify(value, (key, v) => (typeof v === 'string' && key !== 'file' && key !== 'uri' ? withoutPem(v) : v), 2).replace(UNSAFE_IN_JSON, unicodeEscape) + '\n';
}

/** Each rule's index in `RULES`, the SARIF `ruleIndex` of its results. */
const RULE_INDEX = new Map(RULES.map((rule, i) => [rule.id, i]));

/** `PascalCase` of a kebab-case rule id, SARIF's `name` of a rule. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m, _dash, c: string) => c.toUpperCase());
}

/**
 * A file name as a URI: a relative reference for a relative path (`k8s/web.yaml`, which code
 * scanning resolves against the repository), a `file:` URI for an absolute one; `/` between
 * folders, each part percent-encoded.
 */
function fileUri(file: string): string {
  // A backslash separates folders on Windows only; elsewhere it is a character of the name.
  const parts = file.split(process.platform === 'win32' ? /[\\/]/ : /\//).map((part) => encodeURIComponent(part));
  if (file.startsWith('/')) return `file://${parts.join('/')}`;
  if (/^[A-Za-z]:[\\/]/.test(file)) return `file:///${file[0]}:/${parts.slice(1).join('/')}`;
  return parts.join('/');
}

/**
 * SARIF 2.1.0, for code-scanning tools: every rule of `RULES` (a stable id each, with an absolute
 * help address), the tool's version, and each finding with its rule, level and location.
 */
export function formatSarif(report: LintReport): string {
  const { version } = packageInfo();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cce-elb',
            fullName: 'cdk8s-cce-elb lint',
            version,
            ...(/^\d+\.\d+\.\d+/.test(version) ? { semanticVersion: version } : {}),
            informationUri: docsUrl('lint.md'),
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: ruleName(rule.id),
              shortDescription: { text: rule.title },
              helpUri: docsUrl(rule.docs),
              defaultConfiguration: { level: rule.level },
            })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ...(RULE_INDEX.has(f.rule) ? { ruleIndex: RULE_INDEX.get(f.rule) } : {}),
          level: f.severity,
          message: { text: `${f.resource ? `${f.resource}: ` : ''}${keyOf(f)}: ${f.message}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(f.file) },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return safeJson(sarif);
}

/** One finding as a GitHub Actions workflow command (`::error file=…,line=…::…`). */
export function githubLine(f: LintFinding): string {
  // The title names the rule (docs/lint.md, "Rule ids"), as the text format names a warning's id.
  const title = f.resource ? escapeProperty(`${f.resource} [${f.rule}]`) : `${escapeProperty(f.file, printablePath)}${escapeProperty(` [${f.rule}]`)}`;
  const props = `file=${escapeProperty(f.file, printablePath)},line=${f.line},col=${f.column},title=${title}`;
  return `::${f.severity} ${props}::${escapeData(`${keyOf(f)}: ${f.message}`)}`;
}

/** GitHub Actions workflow commands, then the summary. */
export function formatGithub(report: LintReport): string {
  const lines = report.findings.map(githubLine);
  lines.push(summaryOf(report));
  return lines.join('\n') + '\n';
}

/**
 * Workflow command data: `%`, CR and LF are escaped as GitHub reads them, and other unsafe
 * characters made printable (by `printablePath` for a file name, which is never cut).
 */
function escapeData(s: string, made = printable): string {
  return made(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Workflow command properties: also `:` and `,`. */
function escapeProperty(s: string, made = printable): string {
  return escapeData(s, made).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The report in the given format. */
export function format(report: LintReport, as: Format): string {
  switch (as) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
    default:
      return formatText(report);
  }
}
