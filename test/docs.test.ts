import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { codeBlocks, runSnippet } from './support/snippets';
import { capturingWarnings } from './support/synth';
import { typecheck } from './support/typecheck';

/**
 * The feature guides under docs/: every TypeScript snippet compiles against the library (imported
 * as `cdk8s-cce-elb`), the first example of each page synthesizes the Service the page shows, and so
 * does every other example followed by "The Service it synthesizes:" and a YAML block.
 */
const DOCS = path.join(__dirname, '..', 'docs');
/**
 * Pages without TypeScript examples: the generated annotation reference, the performance notes, the
 * list of sources and the linter page (whose examples test/lint-cli.test.ts runs).
 */
const NOT_GUIDES = ['annotations.md', 'performance.md', 'lint.md', 'sources.md'];
const GUIDES = [
  'access-control.md',
  'cluster-profile.md',
  'eip-and-bandwidth.md',
  'gitops.md',
  'health-checks.md',
  'ingress.md',
  'listeners-and-tls.md',
  'multi-cluster-backends.md',
  'pass-through-and-traffic-policy.md',
  'port-ranges-and-connection-limits.md',
  'stickiness.md',
];

interface Page {
  readonly file: string;
  readonly snippets: string[];
  readonly yamlBlocks: string[];
  /** Examples that the page follows with "The Service it synthesizes:" and its YAML. */
  readonly shown: Array<{ readonly snippet: string; readonly yaml: string }>;
}

/** Pages with more than one example whose Service they show: at least that many are found. */
const SHOWN_AT_LEAST: Record<string, number> = {
  'listeners-and-tls.md': 3,
  'eip-and-bandwidth.md': 2,
  'port-ranges-and-connection-limits.md': 1,
  'multi-cluster-backends.md': 1,
};

/** A `ts` block, the sentence, and a `yaml` block (neither block may span a fence). */
const SHOWN = /```ts\n((?:(?!```)[\s\S])*)```\s*\nThe Service it synthesizes:\s*\n```yaml\n((?:(?!```)[\s\S])*)```/g;

const pages: Page[] = fs
  .readdirSync(DOCS)
  .filter((file) => file.endsWith('.md') && !NOT_GUIDES.includes(file))
  .sort()
  .map((file) => {
    const markdown = fs.readFileSync(path.join(DOCS, file), 'utf8');
    const shown = [...markdown.matchAll(SHOWN)].map((m) => ({ snippet: m[1], yaml: m[2] }));
    return { file, snippets: codeBlocks(markdown, 'ts'), yamlBlocks: codeBlocks(markdown, 'yaml'), shown };
  });

/** Diagnostics of every snippet of every page, from one TypeScript program (built once). */
let diagnostics: Map<string, string[][]> | undefined;
function diagnosticsOf(page: Page): string[][] {
  if (diagnostics === undefined) {
    const all = typecheck(pages.flatMap((p) => p.snippets));
    diagnostics = new Map();
    let offset = 0;
    for (const p of pages) {
      diagnostics.set(p.file, all.slice(offset, offset + p.snippets.length));
      offset += p.snippets.length;
    }
  }
  return diagnostics.get(page.file)!;
}

function serviceOf(documents: unknown[]): unknown {
  return documents.find((d: any) => d?.kind === 'Service');
}

function ingressOf(documents: unknown[]): unknown {
  return documents.find((d: any) => d?.kind === 'Ingress');
}

test('every feature guide is there', () => {
  expect(pages.map((p) => p.file)).toEqual(expect.arrayContaining(GUIDES));
});

describe.each(pages)('docs/$file', (page) => {
  test('has a TypeScript example', () => {
    expect(page.snippets.length).toBeGreaterThanOrEqual(1);
  });

  test('every TypeScript snippet compiles against the library (imported as cdk8s-cce-elb)', () => {
    expect(diagnosticsOf(page)).toEqual(page.snippets.map(() => []));
  }, 120_000);

  test('the first example synthesizes, without warnings, the Service of the first YAML block', () => {
    expect(page.yamlBlocks.length).toBeGreaterThanOrEqual(1);
    const { result, printed } = capturingWarnings(() => runSnippet(page.snippets[0]));
    const synthesized = parseAllDocuments(result).map((d) => d.toJS());

    expect(printed).toEqual([]);
    const shown = parseAllDocuments(page.yamlBlocks[0]).map((d) => d.toJS());
    // A page about Ingresses shows the Ingress; the others show the Service.
    if (ingressOf(shown) !== undefined) {
      expect(ingressOf(synthesized)).toEqual(ingressOf(shown));
      return;
    }
    const expected = serviceOf(shown) ?? shown[0];
    expect(expected).toBeDefined();
    expect(serviceOf(synthesized)).toEqual(expected);
  });

  test('every example followed by "The Service it synthesizes:" synthesizes that Service, without warnings', () => {
    expect(page.shown.length).toBeGreaterThanOrEqual(SHOWN_AT_LEAST[page.file] ?? 0);
    for (const { snippet, yaml } of page.shown) {
      const { result, printed } = capturingWarnings(() => runSnippet(snippet));
      expect(printed).toEqual([]);
      const synthesized = parseAllDocuments(result).map((d) => d.toJS());
      expect(serviceOf(synthesized)).toEqual(serviceOf(parseAllDocuments(yaml).map((d) => d.toJS())));
    }
  });
});
