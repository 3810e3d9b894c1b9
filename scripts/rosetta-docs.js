// Strict jsii-rosetta check of the TypeScript snippets in docs/*.md: each must compile against the
// library (imported as its package name) and translate to Python, Java, C# and Go without error.
// `jsii-rosetta extract` only reads the assembly (README + doc comments), so this drives its API.
const fs = require('fs');
const path = require('path');
const {
  RosettaTranslator, SnippetParameters, typeScriptSnippetFromVisibleSource, updateParameters,
} = require('jsii-rosetta');

async function main() {
  const root = path.resolve(__dirname, '..');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const assembly = JSON.parse(fs.readFileSync(path.join(root, '.jsii'), 'utf8'));
  // The package itself and its dependencies and peer dependencies, as `jsii-rosetta extract` links them.
  const deps = { [pkg.name]: { type: 'concrete', resolvedDirectory: root } };
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
    deps[name] = { type: 'concrete', resolvedDirectory: fs.realpathSync(path.join(root, 'node_modules', name)) };
  }
  const files = process.argv.slice(2).length > 0 ? process.argv.slice(2)
    : fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f));
  const snippets = [];
  for (const file of files) {
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = /^```(ts|typescript)\b(.*)$/.exec(lines[i]);
      if (!open) continue;
      const start = i + 1;
      while (i + 1 < lines.length && lines[i + 1] !== '```') i++;
      const source = lines.slice(start, i + 1).join('\n');
      i++;
      const snippet = typeScriptSnippetFromVisibleSource(source, { api: { api: 'file', fileName: file }, field: { field: 'markdown', line: start } }, true,
        { [SnippetParameters.$PROJECT_DIRECTORY]: root });
      snippets.push({ ...updateParameters(snippet, {}), compilationDependencies: deps });
    }
  }
  const translator = new RosettaTranslator({ assemblies: [assembly], includeCompilerDiagnostics: true });
  const result = await translator.translateAll(snippets, false);
  for (const d of result.diagnostics) console.error(d.formattedMessage);
  console.log(`${snippets.length} snippets in ${files.length} files, ${result.diagnostics.length} diagnostics`);
  if (result.diagnostics.length > 0) process.exitCode = 1;
}
main().catch((e) => { console.error(e); process.exitCode = 1; });
