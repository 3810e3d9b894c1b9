import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Type-checks TypeScript snippets the way a user's project would see the library (imported as
 * `cdk8s-cce-elb`, strict mode) and returns the diagnostics of each snippet.
 */
export function typecheck(snippets: string[]): string[][] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snippets-'));
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
  return files.map((file) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
      const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
      return `line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    }),
  );
}
