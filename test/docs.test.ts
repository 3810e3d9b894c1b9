import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { codeBlocks, runSnippet } from './support/snippets';
import { capturingWarnings } from './support/synth';
import { typecheck } from './support/typecheck';

/**
 * The feature guides under docs/: every TypeScript snippet compiles against the library (imported
 * as `cdk8s-cce-elb`), and the first example of each page synthesizes the Service the page shows.
 */
const DOCS = path.join(__dirname, '..', 'docs');
/**
 * Pages without TypeScript examples: the generated annotation reference, the performance notes and
 * the linter page (whose examples test/lint-cli.test.ts runs).
 */
const NOT_GUIDES = ['annotations.md', 'performance.md', 'lint.md'];
const GUIDES = [
  'access-control.md',
  'cluster-profile.md',
  'eip-and-bandwidth.md',
  'gitops.md',
  'health-checks.md',
  'listeners-and-tls.md',
  'pass-through-and-traffic-policy.md',
  'stickiness.md',
];

interface Page {
  readonly file: string;
  readonly snippets: string[];
  readonly yamlBlocks: string[];
}

const pages: Page[] = fs
  .readdirSync(DOCS)
  .filter((file) => file.endsWith('.md') && !NOT_GUIDES.includes(file))
  .sort()
  .map((file) => {
    const markdown = fs.readFileSync(path.join(DOCS, file), 'utf8');
    return { file, snippets: codeBlocks(markdown, 'ts'), yamlBlocks: codeBlocks(markdown, 'yaml') };
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
    const expected = serviceOf(shown) ?? shown[0];
    expect(expected).toBeDefined();
    expect(serviceOf(synthesized)).toEqual(expected);
  });
});
