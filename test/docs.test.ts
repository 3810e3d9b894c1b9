import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import * as library from '../src';
import { typecheck } from './support/typecheck';

/**
 * The feature guides under docs/: every TypeScript snippet compiles against the library (imported
 * as `cdk8s-cce-elb`), and the first example of each page synthesizes the Service the page shows.
 */
const DOCS = path.join(__dirname, '..', 'docs');
/** Pages without runnable examples: the generated annotation reference and the performance notes. */
const NOT_GUIDES = ['annotations.md', 'performance.md'];
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

function blocks(markdown: string, lang: string): string[] {
  const re = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g');
  return [...markdown.matchAll(re)].map((m) => m[1]);
}

const pages: Page[] = fs
  .readdirSync(DOCS)
  .filter((file) => file.endsWith('.md') && !NOT_GUIDES.includes(file))
  .sort()
  .map((file) => {
    const markdown = fs.readFileSync(path.join(DOCS, file), 'utf8');
    return { file, snippets: blocks(markdown, 'ts'), yamlBlocks: blocks(markdown, 'yaml') };
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

/** Runs a snippet with `cdk8s-cce-elb` mapped to the sources; returns what App.synth() produced. */
function synthesize(snippet: string): string {
  let yaml: string | undefined;
  class CapturingApp extends cdk8s.App {
    public synth(): void {
      yaml = this.synthYaml();
    }
  }
  const modules: Record<string, unknown> = {
    'cdk8s': { ...cdk8s, App: CapturingApp },
    'cdk8s-plus-28': kplus,
    'cdk8s-cce-elb': library,
  };
  const load = (name: string) => {
    if (!(name in modules)) throw new Error(`the snippet imports ${name}, which the docs test does not provide`);
    return modules[name];
  };
  const js = ts.transpileModule(snippet, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  new Function('require', 'exports', js)(load, {});
  if (yaml === undefined) throw new Error('the snippet did not call app.synth()');
  return yaml;
}

function serviceOf(documents: unknown[]): unknown {
  return documents.find((d: any) => d?.kind === 'Service');
}

test('every feature guide is there', () => {
  expect(pages.map((p) => p.file)).toEqual(expect.arrayContaining(GUIDES));
});

describe.each(pages)('docs/$file', (page) => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('has a TypeScript example', () => {
    expect(page.snippets.length).toBeGreaterThanOrEqual(1);
  });

  test('every TypeScript snippet compiles against the library (imported as cdk8s-cce-elb)', () => {
    expect(diagnosticsOf(page)).toEqual(page.snippets.map(() => []));
  }, 120_000);

  test('the first example synthesizes, without warnings, the Service of the first YAML block', () => {
    expect(page.yamlBlocks.length).toBeGreaterThanOrEqual(1);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    const synthesized = parseAllDocuments(synthesize(page.snippets[0])).map((d) => d.toJS());

    expect(warn).not.toHaveBeenCalled();
    const shown = parseAllDocuments(page.yamlBlocks[0]).map((d) => d.toJS());
    const expected = serviceOf(shown) ?? shown[0];
    expect(expected).toBeDefined();
    expect(serviceOf(synthesized)).toEqual(expected);
  });
});
