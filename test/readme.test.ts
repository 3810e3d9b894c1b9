import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import { parse, parseAllDocuments } from 'yaml';
import * as library from '../src';
import { typecheck } from './support/typecheck';

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function blocks(lang: string): string[] {
  const re = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g');
  return [...README.matchAll(re)].map((m) => m[1]);
}

const snippets = blocks('ts');

test('the README has TypeScript snippets', () => {
  expect(snippets.length).toBeGreaterThanOrEqual(3);
});

test('every README snippet compiles against the library (imported as cdk8s-cce-elb)', () => {
  expect(typecheck(snippets)).toEqual(snippets.map(() => []));
});

test('the first README example synthesizes the Service the README shows', () => {
  // Run the snippet with `cdk8s-cce-elb` mapped to the sources and App.synth() captured.
  let yaml = '';
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
  const js = ts.transpileModule(snippets[0], { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  new Function('require', 'exports', js)((name: string) => modules[name], {});

  const shown = parse(blocks('yaml')[0]);
  const service = parseAllDocuments(yaml).map((d) => d.toJS()).find((o: any) => o.kind === 'Service');
  expect(service).toEqual(shown);
});

