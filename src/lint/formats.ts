import { LintFinding, LintReport, keyOf } from './linter';

/** The output formats of `cce-elb lint`. */
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Where the rules come from, for SARIF's `helpUri`. */
const DOCS = 'docs/annotations.md';

/** `file:line  Kind/namespace/name  <key>: <message>`, one finding a line, then a summary line. */
export function formatText(report: LintReport): string {
  const lines = report.findings.map((f) => {
    const where = `${f.file}:${f.line}`;
    const label = f.severity === 'warning' ? `warning${f.warning ? ` [${f.warning}]` : ''}: ` : '';
    return `${where}  ${f.resource || '-'}  ${keyOf(f)}: ${label}${f.message}`;
  });
  lines.push(summaryOf(report));
  return lines.join('\n') + '\n';
}

/** `2 errors, 1 warning in 3 files (12 objects, 4 LoadBalancer Services)` */
export function summaryOf(report: LintReport): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(report.errors, 'error')}, ${n(report.warnings, 'warning')} in ${n(report.files, 'file')} (${n(report.objects, 'object')}, ${n(report.services, 'LoadBalancer Service')})`;
}

/** The report as one JSON document, for tools. */
export function formatJson(report: LintReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** A rule id for code scanning: the warning id, else the annotation key or field (list indexes dropped). */
function ruleIdOf(f: LintFinding): string {
  return f.warning ?? f.key.replace(/\[\d+\]/g, '[]');
}

/** SARIF 2.1.0, for code-scanning tools. */
export function formatSarif(report: LintReport): string {
  const rules = new Map<string, { id: string; shortDescription: { text: string }; helpUri: string }>();
  for (const f of report.findings) {
    const id = ruleIdOf(f);
    if (!rules.has(id)) {
      rules.set(id, { id, shortDescription: { text: f.warning ? `CCE ELB warning: ${f.warning}` : `CCE ELB: ${id}` }, helpUri: DOCS });
    }
  }
  const ruleIndex = new Map([...rules.keys()].map((id, i) => [id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cce-elb', informationUri: DOCS, rules: [...rules.values()] } },
        results: report.findings.map((f) => ({
          ruleId: ruleIdOf(f),
          ruleIndex: ruleIndex.get(ruleIdOf(f)),
          level: f.severity,
          message: { text: `${f.resource ? `${f.resource}: ` : ''}${keyOf(f)}: ${f.message}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('\\').join('/') },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** GitHub Actions workflow commands (`::error file=…,line=…::…`), then the summary. */
export function formatGithub(report: LintReport): string {
  const lines = report.findings.map((f) => {
    const title = f.resource || f.file;
    const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(title)}`;
    return `::${f.severity} ${props}::${escapeData(`${keyOf(f)}: ${f.message}`)}`;
  });
  lines.push(summaryOf(report));
  return lines.join('\n') + '\n';
}

/** Workflow command data: `%`, CR and LF are escaped. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command properties: also `:` and `,`. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
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
