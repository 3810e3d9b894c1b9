import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import '@microsoft/jest-sarif';
import * as library from '../src';
import { ELB_ID } from './support/check';
import { codeBlocks } from './support/snippets';
import { CceElbValidation } from '../src/lint/cdk8s-plugin';
import { HELP, main } from '../src/lint/cli';
import { MAX_DOCUMENT_BYTES } from '../src/lint/manifest-reader';
import { RULES } from '../src/rules/rule-ids';

const PACKAGE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));

/** Runs `cce-elb` in-process; returns the exit status and what it printed. */
function run(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-elb-lint-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a file into the test folder and returns its path. */
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

const service = (annotations: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  annotations:
${annotations}
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: 8080
${extra}`;

// Each on its own load balancer, so that they never collide when linted together.
const GOOD = service(`    kubernetes.io/elb.id: ${ELB_ID}\n    kubernetes.io/elb.class: union`);
const BAD_CLASS = service('    kubernetes.io/elb.id: 11111111-9bf8-48fa-9c8b-67bd9693c4c0\n    kubernetes.io/elb.class: fast');
const LOCAL = service('    kubernetes.io/elb.id: 22222222-9bf8-48fa-9c8b-67bd9693c4c0\n    kubernetes.io/elb.class: union', '  externalTrafficPolicy: Local\n');
const CLASS_MESSAGE = '"fast" is not allowed; allowed: "union", "performance" ("union" is a shared, "performance" a dedicated load balancer)';

describe('exit status', () => {
  test('0 for a clean manifest', () => {
    // GIVEN a valid LoadBalancer Service
    const f = file('good.yaml', GOOD);
    // WHEN linted
    const r = run('lint', f);
    // THEN no finding, exit 0, and the summary counts the Service
    expect(r.code).toBe(0);
    expect(r.out).toBe('0 errors, 0 warnings in 1 file (1 object, 1 LoadBalancer Service)\n');
  });

  test('1 for an error, with file:line, resource, key and message on one line', () => {
    const f = file('bad-class.yaml', BAD_CLASS);
    const r = run('lint', f);
    expect(r.code).toBe(1);
    // line 8 is the elb.class annotation
    expect(r.out.split('\n')[0]).toBe(`${f}:8  Service/shop/web  kubernetes.io/elb.class: ${CLASS_MESSAGE}`);
  });

  test('0 for warnings only, 1 with --strict', () => {
    const f = file('local.yaml', LOCAL);
    const lenient = run('lint', f);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toMatch(/spec\.externalTrafficPolicy: warning \[local-in-cluster-access\]: is "Local"/);
    expect(run('lint', '--strict', f).code).toBe(1);
  });

  test.each([
    [[], 'no command given; the command is "lint"'],
    [['lint'], 'no files given'],
    [['check', 'x.yaml'], 'unknown command "check"'],
    [['lint', '--format', 'xml', 'x.yaml'], '--format xml is not allowed; allowed: text, json, sarif, github'],
    [['lint', '--proxy-mode=nftables', 'x.yaml'], '--proxy-mode nftables is not allowed; allowed: iptables, ipvs'],
    [['lint', '--cluster-version', 'latest', 'x.yaml'], '--cluster-version:'],
    [['lint', '--colour', 'x.yaml'], 'unknown option --colour'],
    [['lint', '--format'], '--format needs a value'],
  ])('2 for the usage error %j', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  test('2 for a path that does not exist, naming it', () => {
    const r = run('lint', path.join(dir, 'missing.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`cce-elb: cannot read ${path.join(dir, 'missing.yaml')}: no such file or directory\n`);
  });

  test('--help explains the command, the formats and the exit status', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toBe(HELP);
    for (const words of ['cce-elb lint [options] <file or directory>...', '--format', 'sarif', '--strict', '--cluster-version', 'Exit status', '2  bad options']) {
      expect(HELP).toContain(words);
    }
    expect(run('lint', '--help').out).toBe(HELP);
  });
});

describe('formats', () => {
  let bad: string;
  beforeAll(() => {
    bad = file('formats/bad.yaml', BAD_CLASS + '---\n' + LOCAL.replace('name: web', 'name: local'));
  });

  test('json: the whole report', () => {
    const r = run('lint', '--format', 'json', bad);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ files: 1, objects: 2, services: 2, errors: 1, warnings: 1 });
    expect(report.findings[0]).toEqual({
      file: bad,
      line: 8,
      column: 5,
      resource: 'Service/shop/web',
      key: 'kubernetes.io/elb.class',
      severity: 'error',
      message: CLASS_MESSAGE,
      rule: 'annotation-value',
    });
    expect(report.findings[1]).toMatchObject({
      resource: 'Service/shop/local', key: 'spec.externalTrafficPolicy', severity: 'warning', warning: 'local-in-cluster-access', rule: 'local-in-cluster-access', line: 34,
    });
    expect(r.err).toBe('1 error, 1 warning in 1 file (2 objects, 2 LoadBalancer Services)\n');
  });

  test('sarif: valid SARIF 2.1.0 (its JSON schema), every rule once with a stable id and an absolute help address, a result per finding', () => {
    const sarif = JSON.parse(run('lint', '--format', 'sarif', bad).out);
    expect(sarif).toBeValidSarifLog();
    expect(sarif.version).toBe('2.1.0');
    const [only] = sarif.runs;
    const driver = only.tool.driver;
    expect(driver).toMatchObject({ name: 'cce-elb', version: PACKAGE.version });
    // Every rule of the registry, in its order, each once: the ruleIndex of a result is stable across runs.
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    const repository = PACKAGE.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    for (const url of [driver.informationUri, ...driver.rules.map((r: { helpUri: string }) => r.helpUri)]) {
      expect(url).toMatch(new RegExp(`^${repository.replace(/[.]/g, '\\.')}/blob/(main|v[0-9.]+)/docs/[a-z-]+\\.md(#[a-z-]+)?$`));
    }
    const classRule = RULES.findIndex((r) => r.id === 'annotation-value');
    expect(only.results[0]).toEqual({
      ruleId: 'annotation-value',
      ruleIndex: classRule,
      level: 'error',
      message: { text: `Service/shop/web: kubernetes.io/elb.class: ${CLASS_MESSAGE}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: `file://${bad.split(path.sep).join('/')}` }, region: { startLine: 8, startColumn: 5 } } }],
    });
    expect(only.results[1]).toMatchObject({ ruleId: 'local-in-cluster-access', ruleIndex: RULES.findIndex((r) => r.id === 'local-in-cluster-access'), level: 'warning' });
  });

  test('sarif: a file name with spaces and # is a valid relative URI', () => {
    const odd = file('odd/a b#1.yaml', BAD_CLASS);
    const sarif = JSON.parse(run('lint', '--format', 'sarif', odd).out);
    expect(sarif).toBeValidSarifLog();
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/\/.*\/a%20b%231\.yaml$/);
    // A relative path stays relative: code scanning resolves it against the repository.
    const relative = spawnSync(process.execPath, [path.join(__dirname, '..', 'bin', 'cce-elb'), 'lint', '--format', 'sarif', path.join('odd', 'a b#1.yaml')], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(relative.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('odd/a%20b%231.yaml');
  });

  test('a file name that looks like a PEM marker stays whole (it is the user\'s path, not a secret), and so does the message', () => {
    const pem = file('pem/-----BEGIN CERTIFICATE-----.yaml', BAD_CLASS);
    const sarif = JSON.parse(run('lint', '--format', 'sarif', pem).out);
    expect(sarif).toBeValidSarifLog();
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/\/-----BEGIN%20CERTIFICATE-----\.yaml$/);
    expect(JSON.parse(run('lint', '--format', 'json', pem).out).findings[0].file).toBe(pem);
    expect(run('lint', pem).out).toContain(`${pem}:8  Service/shop/web  kubernetes.io/elb.class: ${CLASS_MESSAGE}`);
    expect(run('lint', '--format', 'github', pem).out).toContain('-----BEGIN CERTIFICATE-----.yaml');
  });

  test('every rule id of the registry is in the table of docs/lint.md, and only those', () => {
    const markdown = fs.readFileSync(path.join(__dirname, '..', 'docs', 'lint.md'), 'utf8');
    const section = markdown.slice(markdown.indexOf('## Rule ids'));
    const documented = [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(RULES.map((r) => r.id));
  });

  test('the docs page and anchor of every rule exist (GitHub\'s heading anchors)', () => {
    const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
    for (const rule of RULES) {
      const [page, anchor] = rule.docs.split('#');
      const markdown = fs.readFileSync(path.join(__dirname, '..', 'docs', page), 'utf8');
      if (anchor !== undefined) {
        const anchors = [...markdown.matchAll(/^#+ (.*)$/gm)].map((m) => slug(m[1]));
        expect({ rule: rule.id, anchor: anchors.includes(anchor) ? anchor : `missing: ${anchor}` }).toEqual({ rule: rule.id, anchor });
      }
    }
  });

  test('github: workflow commands with escaped properties', () => {
    const lines = run('lint', '--format', 'github', bad).out.split('\n');
    const escaped = bad.replace(/:/g, '%3A').replace(/,/g, '%2C');
    expect(lines[0]).toBe(
      `::error file=${escaped},line=8,col=5,title=Service/shop/web [annotation-value]::kubernetes.io/elb.class: ${CLASS_MESSAGE}`,
    );
    expect(lines[1]).toMatch(/^::warning file=.*,line=34,col=3,title=Service\/shop\/local \[local-in-cluster-access\]::spec\.externalTrafficPolicy: is "Local"/);
    expect(lines[2]).toBe('1 error, 1 warning in 1 file (2 objects, 2 LoadBalancer Services)');
  });

  test('text: findings in file order, then line order', () => {
    const other = file('formats/z-other.yaml', BAD_CLASS.replace('11111111-', '33333333-'));
    const lines = run('lint', path.dirname(bad)).out.trim().split('\n');
    expect(lines.map((l) => l.split('  ')[0])).toEqual([`${bad}:8`, `${bad}:34`, `${other}:8`, '2 errors, 1 warning in 2 files (3 objects, 3 LoadBalancer Services)']);
  });
});

describe('what is read', () => {
  test('directories are searched for .yaml, .yml and .json; other files and hidden folders are not', () => {
    file('tree/a.yml', GOOD);
    file('tree/sub/b.json', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }));
    file('tree/readme.md', '# not a manifest');
    file('tree/.git/c.yaml', BAD_CLASS);
    file('tree/node_modules/d.yaml', BAD_CLASS);
    // What `cdk8s synth` writes beside the manifests when a validation plugin is configured.
    file('tree/construct-metadata.json', JSON.stringify({ version: '1.0.0', resources: {} }));
    const r = run('lint', '--strict', path.join(dir, 'tree'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('0 errors, 0 warnings in 2 files (2 objects, 1 LoadBalancer Service)\n');
  });

  test('a name that is not UTF-8 in a directory is skipped with a warning (a manifest or folder) or silently, and the run goes on', () => {
    const tree = path.join(dir, 'latin1');
    fs.mkdirSync(tree, { recursive: true });
    fs.writeFileSync(path.join(tree, 'web.yaml'), GOOD);
    const raw = (name: string) => Buffer.concat([Buffer.from(tree + path.sep), Buffer.from(name, 'latin1')]);
    fs.writeFileSync(raw('logo\xff.png'), '');
    fs.writeFileSync(raw('bad\xff.yaml'), GOOD);
    const r = run('lint', tree);
    expect(r.code).toBe(0);
    expect(r.out).toContain('bad\ufffd.yaml:1  -  document: warning: has a name that is not valid UTF-8, which cannot be read by name; it was skipped');
    expect(r.out).toContain('0 errors, 1 warning in 2 files (1 object, 1 LoadBalancer Service)');
  });

  test('a path with control characters is printed escaped on standard error', () => {
    const r = run('lint', path.join(dir, 'no-such-\u001b[2J\n::error file=x::forged'));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('\\u001b[2J\\n::error');
  });

  test('a JSON List: each item is checked, with its line', () => {
    const list = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'j', annotations: { 'kubernetes.io/elb.id': 'my-elb' } }, spec: { type: 'LoadBalancer', selector: { a: 'b' }, ports: [{ port: 80 }] } }],
      },
      null,
      2,
    );
    const f = file('list.json', list);
    const r = run('lint', f);
    expect(r.code).toBe(1);
    const idLine = list.split('\n').findIndex((l) => l.includes('"kubernetes.io/elb.id"')) + 1;
    expect(r.out).toContain(`${f}:${idLine}  Service/-/j  kubernetes.io/elb.id: `);
  });

  test('Services of other types: their elb.* annotations get one warning', () => {
    const f = file('clusterip.yaml', GOOD.replace('type: LoadBalancer', 'type: ClusterIP'));
    const r = run('lint', f);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      `${f}:7  Service/shop/web  kubernetes.io/elb.id: warning [no-effect]: (and 1 other annotation) has no effect: CCE reads kubernetes.io/elb.* annotations only on Services of type LoadBalancer, and this one is of type ClusterIP; allowed: type LoadBalancer, or remove them`,
    );
  });
});

describe('bad input never crashes it', () => {
  test.each([
    ['invalid YAML', 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n', 'yaml', 'error', /^is not valid YAML: .*; nothing in this document was checked$/],
    ['a plain string', 'just some text\n', 'document', 'warning', /^is a string, not a Kubernetes object; it was skipped$/],
    ['a list', '- a\n- b\n', 'document', 'warning', /^is a list, not a Kubernetes object; it was skipped$/],
    ['Helm values', 'replicaCount: 2\nimage: nginx\n', 'document', 'warning', /^is not a Kubernetes object \(it has no string "apiVersion" and "kind"\); it was skipped$/],
    [
      'an alias bomb',
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
      'yaml',
      'error',
      /^could not be read: .*aliases.*; nothing in this document was checked$/,
    ],
  ])('%s gives one finding', (name, text, key, severity, message) => {
    const f = file(`input-${name.replace(/ /g, '-')}.yaml`, text);
    const r = run('lint', '--format', 'json', f);
    const report = JSON.parse(r.out);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ key, severity });
    expect(report.findings[0].message).toMatch(message);
    expect(r.code).toBe(severity === 'error' ? 1 : 0);
  });

  test('empty files and empty documents are fine', () => {
    const f = file('empty.yaml', '');
    const g = file('only-separators.yaml', '---\n# comment\n---\n...\n');
    expect(run('lint', f, g)).toEqual({ code: 0, out: '0 errors, 0 warnings in 2 files (0 objects, 0 LoadBalancer Services)\n', err: '' });
  });

  test('an invalid document does not hide the valid ones around it, and lines count from the file start', () => {
    const f = file('mixed.yaml', `${GOOD}---\n: : :\n---\n${BAD_CLASS}`);
    // a Service is 16 lines: line 17 is "---", 18 the invalid document, 19 "---", 27 the class of the last Service
    const r = run('lint', f);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${escape(f)}:18  -  yaml: is not valid YAML`));
    expect(lines[1]).toBe(`${f}:27  Service/shop/web  kubernetes.io/elb.class: ${CLASS_MESSAGE}`);
  });

  test('a document larger than any Kubernetes object is skipped with a finding, the rest is read', () => {
    const huge = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: |\n${'    0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n'.repeat(Math.ceil(MAX_DOCUMENT_BYTES / 69) + 10)}`;
    const f = file('huge.yaml', `${huge}---\n${BAD_CLASS}`);
    const r = run('lint', '--format', 'json', f);
    const report = JSON.parse(r.out);
    expect(report.findings.map((x: { key: string }) => x.key)).toEqual(['document', 'kubernetes.io/elb.class']);
    expect(report.findings[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(report.findings[0].message).toMatch(/larger than any Kubernetes object can be/);
  });

  test('annotation values that are not strings are findings on their key', () => {
    const f = file('numbers.yaml', service(`    kubernetes.io/elb.id: ${ELB_ID}\n    kubernetes.io/elb.class: union\n    kubernetes.io/elb.lb-algorithm: 5`));
    const r = run('lint', f);
    expect(r.out.split('\n')[0]).toBe(`${f}:9  Service/shop/web  kubernetes.io/elb.lb-algorithm: 5 is a number; allowed: a string (annotation values are always strings: quote it)`);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('--version', () => {
  test.each([['--version'], ['-V']])('%s prints the version of the package, exit 0', (flag) => {
    const out: string[] = [];
    const status = main([flag], { write: (s: string) => out.push(s) }, { write: () => undefined });
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version;
    expect([status, out.join('')]).toEqual([0, `cce-elb ${version}\n`]);
  });
});

describe('the installed command', () => {
  // Runs bin/cce-elb as a user would: it loads the compiled library (lib/), built before the tests.
  const bin = path.join(__dirname, '..', 'bin', 'cce-elb');

  test('reads standard input for "-" and sets the exit status', () => {
    if (!fs.existsSync(path.join(__dirname, '..', 'lib', 'lint', 'cli.js'))) {
      throw new Error('lib/ is not built: run `npx projen compile` first (`npx projen build` does)');
    }
    const r = spawnSync(process.execPath, [bin, 'lint', '-'], { input: BAD_CLASS, encoding: 'utf8' });
    expect(r.stdout).toBe(
      `-:8  Service/shop/web  kubernetes.io/elb.class: ${CLASS_MESSAGE}\n1 error, 0 warnings in 1 file (1 object, 1 LoadBalancer Service)\n`,
    );
    expect(r.status).toBe(1);
  });
});

describe('docs/lint.md', () => {
  const markdown = fs.readFileSync(path.join(__dirname, '..', 'docs', 'lint.md'), 'utf8');
  const [manifest] = codeBlocks(markdown, 'yaml');
  const pluginConfig = codeBlocks(markdown, 'yaml').find((block) => block.startsWith('validations:'))!;
  const [output] = codeBlocks(markdown, 'text');

  test('the example output is what cce-elb prints for the example file', () => {
    // GIVEN the page's manifest saved as web.yaml, linted from its folder as the page shows
    const cwd = process.cwd();
    fs.mkdirSync(path.join(dir, 'docs-example'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'docs-example', 'web.yaml'), manifest);
    process.chdir(path.join(dir, 'docs-example'));
    try {
      const r = run('lint', 'web.yaml');
      // THEN the page shows exactly that output
      expect(r.out).toBe(output);
      expect(r.code).toBe(1);
    } finally {
      process.chdir(cwd);
    }
  });

  test('the plugin configuration shown is accepted by the plugin', () => {
    const [validation] = parseYaml(pluginConfig).validations;
    expect(validation.class).toBe('CceElbValidation');
    // By package name: cdk8s-cli then requires the package's main module, which exports the class.
    expect(validation.package).toBe('cdk8s-cce-elb');
    expect(Object.keys(library)).toContain(validation.class);
    expect(() => new CceElbValidation(validation.properties)).not.toThrow();
  });
});
