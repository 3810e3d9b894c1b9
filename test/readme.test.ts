import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import { parse } from 'yaml';
import * as library from '../src';

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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  const files = snippets.map((code, i) => {
    const file = path.join(dir, `snippet${i}.ts`);
    fs.writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    types: ['node'],
    skipLibCheck: true,
    paths: {
      'cdk8s-cce-elb': [path.join(ROOT, 'src', 'index.ts')],
      '*': [path.join(ROOT, 'node_modules', '*')],
    },
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  expect(diagnostics).toEqual([]);
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
  const service = cdk8s.Yaml.load(writeTemp(yaml)).find((o: any) => o.kind === 'Service');
  expect(service).toEqual(shown);
});

function writeTemp(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'readme-yaml-')), 'out.yaml');
  fs.writeFileSync(file, text);
  return file;
}
