import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CceElbValidation } from '../src/lint/cdk8s-plugin';
import { formatGithub, formatJson, formatSarif, formatText } from '../src/lint/formats';
import { lintPaths, lintText } from '../src/lint/linter';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_ENTRIES, MAX_NESTING } from '../src/lint/manifest-reader';

/*
 * Hostile input for `cce-elb lint` (issue 16): no silent bypass, no secret echoed, no forged
 * output, bounded memory and linear time, and no crash at the edges. The limits are checked by
 * running the command itself under a small heap (`--max-old-space-size`) with a deadline.
 */

const BIN = path.join(__dirname, '..', 'bin', 'cce-elb');
/** Heap of the command in the limit tests: the documented bound on one document, with room for Node itself. */
const SMALL_HEAP_MB = 384;
/** Deadline of one command in the limit tests (generous: shared CI machines are slow). */
const DEADLINE_MS = 120_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-elb-hostile-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** Runs the command under a small heap; the result, with its duration. */
function run(args: string[], input?: string | Buffer) {
  if (!fs.existsSync(path.join(__dirname, '..', 'lib', 'lint', 'cli.js'))) {
    throw new Error('lib/ is not built: run `npx projen compile` first (`npx projen build` does)');
  }
  const started = Date.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${SMALL_HEAP_MB}`, BIN, ...args], {
    input, encoding: 'utf8', timeout: DEADLINE_MS, maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

const SERVICE = (name: string, annotations = 'kubernetes.io/elb.class: bogus') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  annotations:
    ${annotations}
    kubernetes.io/elb.id: 5083f225-9bf8-48fa-9c8b-67bd9693c4c0
spec:
  type: LoadBalancer
  selector: {app: web}
  ports:
  - port: 80
`;

/** C0 and C1 controls, DEL, the Unicode line separators and bidi overrides, but not the line breaks between lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('1. no silent bypass', () => {
  test('a document written on its "---" line is an error, not skipped', () => {
    const report = lintText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n--- {apiVersion: v1, kind: Service, metadata: {name: x}, spec: {type: LoadBalancer}}\n', 'a.yaml');
    expect(report.errors).toBeGreaterThan(0);
    expect(report.findings[0].message).toContain('the document starts on its "---" line');
  });

  test.each([['utf-16le', Buffer.from([0xff, 0xfe])], ['utf-16be', Buffer.from([0xfe, 0xff])]])('a %s file with a byte-order mark is read as kubectl reads it', (encoding, bom) => {
    const body = Buffer.from(SERVICE('web'), 'utf16le');
    if (encoding === 'utf-16be') body.swap16();
    const report = lintPaths([write(`${encoding}.yaml`, Buffer.concat([bom, body]))]);
    expect(report.services).toBe(1);
    expect(report.findings.map((f) => f.key)).toContain('kubernetes.io/elb.class');
  });

  test('a UTF-8 byte-order mark at a later document (files joined with cat) does not hide it', () => {
    const report = lintText(`${SERVICE('a', 'kubernetes.io/elb.class: union')}---\n\uFEFF${SERVICE('b')}`, 'joined.yaml');
    expect(report.services).toBe(2);
    expect(report.findings.some((f) => f.resource === 'Service/-/b' && f.key === 'kubernetes.io/elb.class')).toBe(true);
  });

  test('empty standard input (the command before the pipe failed) is an error', () => {
    const r = run(['lint', '-'], '');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('standard input holds no Kubernetes object');
  });
});

describe('1b. line breaks and marks go-yaml reads that the YAML library does not (found by the second attack)', () => {
  test.each([['LINE SEPARATOR', '\u2028'], ['PARAGRAPH SEPARATOR', '\u2029'], ['NEL', '\u0085']])('%s ends a comment line, as in kubectl: what follows is checked', (_name, br) => {
    const hidden = SERVICE('web').replace('    kubernetes.io/elb.class: bogus\n', `    # note${br}    kubernetes.io/elb.class: bogus\n`);
    expect(lintText(hidden, 'ls.yaml').findings.map((f) => f.key)).toContain('kubernetes.io/elb.class');
    const whole = `# generated${br}${SERVICE('web').split('\n').join(br)}`;
    expect(lintText(whole, 'whole.yaml').services).toBe(1);
  });

  test('a byte-order mark inside a document is part of the key, as for kubectl (no spec: not a LoadBalancer)', () => {
    // kubectl reads "\uFEFFspec" as a key of its own (test/yaml-conformance/cases/bom-before-a-key.yaml),
    // so this Service has no spec and is a ClusterIP Service: its elb.* annotations have no effect.
    const report = lintText(SERVICE('web').replace('spec:', '\uFEFFspec:'), 'bom.yaml');
    expect(report.services).toBe(0);
    expect(report.findings.map((f) => f.warning)).toEqual(['no-effect']);
  });

  test('a separator line of "---" and unicode spaces (kubectl trims them) starts the next document', () => {
    const report = lintText(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\u00a0\n${SERVICE('web')}`, 'nbsp.yaml');
    expect(report.services).toBe(1);
    expect(report.findings.map((f) => f.key)).toContain('kubernetes.io/elb.class');
  });

  test('a comment longer than any document, then "---", does not swallow the next document', () => {
    const report = lintText(`# ${'x'.repeat(MAX_DOCUMENT_BYTES + 10)}\n---\n${SERVICE('web')}`, 'comment.yaml');
    expect(report.findings.map((f) => f.key)).toEqual(expect.arrayContaining(['kubernetes.io/elb.class']));
  });

  test('"lint - -" reads standard input once, and a byte-order mark split across reads is still found', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SERVICE('web'), 'utf16le')]);
    const r = run(['lint', '-', '-'], utf16);
    expect(r.stdout).toContain('Service/-/web  kubernetes.io/elb.class');
    expect(r.stdout).not.toContain('standard input holds no Kubernetes object');
  });
});

describe('2 and 3. linear time and bounded memory, whatever the shape', () => {
  test('a 100,000-key mapping is read (within the limit) under the small heap', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `  k${i}: v${i}\n`).join('');
    const r = run(['lint', write('keys.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${keys}`)]);
    expect([r.status, r.signal]).toEqual([0, null]);
    expect(r.stdout).toContain('in 1 file (1 object, 0 LoadBalancer Services)');
  }, DEADLINE_MS + 10_000);

  test.each([
    ['an 8 MiB flow sequence', () => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: f}\nitems: [${'1,'.repeat(4 * 1024 * 1024)}1]\n`, 'larger than any Kubernetes object'],
    ['a flow sequence of 300,000 items in 600 KB', () => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: f}\nitems: [${'1,'.repeat(300_000)}1]\n`, `more than the ${MAX_DOCUMENT_ENTRIES} the linter reads`],
    ['flow collections nested 20,000 deep', () => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, `more than the ${MAX_NESTING} the linter reads`],
    ['block sequences nested 2,000 deep', () => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\nx:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}- \n`).join('')}`, 'is nested too deeply to read'],
    ['a 40 MiB line', () => `a: ${'x'.repeat(40 * 1024 * 1024)}\n`, 'larger than any Kubernetes object'],
  ])('%s gives a finding that names the limit, under the small heap, and the rest of the file is read', (_name, make, message) => {
    const file = write('limit.yaml', `${make()}---\n${SERVICE('after')}`);
    const r = run(['lint', file]);
    expect(r.signal).toBeNull();
    expect(r.stdout).toContain(message);
    expect(r.stdout).toContain('Service/-/after  kubernetes.io/elb.class');
    expect(r.status).toBe(1);
  }, DEADLINE_MS + 10_000);

  test.each([
    ['500,000 lines of "%" (a problem a line)', () => '%\n'.repeat(500_000), 'more errors and'],
    ['merge keys copying an 80,000-key anchor 99 times', () => `a: &a\n${Array.from({ length: 80_000 }, (_, i) => `  k${i}: v\n`).join('')}${Array.from({ length: 99 }, (_, i) => `m${i}: {<<: *a}\n`).join('')}`, 'merge keys (<<) copy more than'],
    ['600,000 block sequences nested on one line', () => `x: ${'- '.repeat(600_000)}x\n`, 'more than the 150000 the linter reads'],
  ])('%s stays within the small heap and says which limit it hit', (_name, make, message) => {
    const r = run(['lint', write('shape.yaml', make())]);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(message);
  }, DEADLINE_MS + 10_000);

  test('findings on many annotations of one object are placed without scanning the mapping each time', () => {
    // 40,000 annotations that are not strings: a finding each, each placed at its key's line.
    const annotations = Array.from({ length: 40_000 }, (_, i) => `    k${i}: ${i}\n`).join('');
    const r = run(['lint', write('annotations.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n${annotations}`)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('annotations.yaml:6  ConfigMap/-/a  k0: 0 is a number');
    // Within the deadline at all is the check: scanning the mapping per finding took minutes at this size.
  }, DEADLINE_MS + 10_000);

  test('/dev/zero ends at once with a finding, not after minutes at gigabytes', () => {
    if (!fs.existsSync('/dev/zero')) return;
    const r = run(['lint', '/dev/zero']);
    expect([r.status, r.signal]).toEqual([1, null]);
    expect(r.stdout).toContain('it contains a NUL character');
  });

  test('the limits are what the docs say', () => {
    expect([MAX_DOCUMENT_BYTES, MAX_DOCUMENT_ENTRIES, MAX_NESTING]).toEqual([3 * 1024 * 1024, 150_000, 1000]);
    const docs = fs.readFileSync(path.join(__dirname, '..', 'docs', 'lint.md'), 'utf8');
    for (const limit of ['3 MiB', '150,000', '1,000']) expect(docs).toContain(limit);
  });
});

describe('4. no secret echoed', () => {
  const KEY = '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----';
  test.each([
    ['invalid JSON in elb.autocreate', `kubernetes.io/elb.autocreate: '{"name": "${KEY}",}'`],
    ['a PEM block in elb.health-check-option', `kubernetes.io/elb.health-check-option: '{"path": "${KEY}"}'`],
    ['a PEM block in elb.x-forwarded-host', `kubernetes.io/elb.x-forwarded-host: "${KEY}"`],
    ['a PEM block in an integer annotation', `kubernetes.io/elb.keepalive_timeout: "${KEY}"`],
  ])('%s is not shown', (_name, annotation) => {
    const report = lintText(SERVICE('web', annotation), 'secret.yaml');
    expect(report.findings.length).toBeGreaterThan(0);
    const text = formatText(report);
    expect(text).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7');
    expect(text).not.toContain('BEGIN PRIVATE KEY');
  });

  test('a YAML syntax error does not quote the source line (which may hold the secret)', () => {
    const report = lintText(`apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {key: ${KEY}}\n  broken: -----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n`, 'broken.yaml');
    expect(report.errors).toBeGreaterThan(0);
    expect(formatText(report)).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7');
  });

  test('a syntax error in a block scalar header does not quote the key material after it', () => {
    const report = lintText('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  tls.key: >MIIEowIBAAKCAQEAtLXmWlN2dVxY0kZ8Q\n', 'header.yaml');
    expect(report.errors).toBeGreaterThan(0);
    expect(formatText(report)).not.toContain('MIIEowIBAAKCAQEAtLXmWlN2dVxY0kZ8Q');
  });

  test('a 1 MB tag value comes back as a short line', () => {
    const report = lintText(SERVICE('web', `kubernetes.io/elb.tags: "team=${'x'.repeat(1024 * 1024)}"`), 'tags.yaml');
    const lines = formatText(report).split('\n');
    expect(report.findings.some((f) => f.key === 'kubernetes.io/elb.tags')).toBe(true);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(1000);
  });
});

describe('5. no forged output', () => {
  const FORGED = 'x\\n::error file=README.md,line=1::forged\\u001b]8;;https://evil.example\\u0007\\u009b31m\\u202eevil';
  const report = lintText(
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: "${FORGED}"\n  namespace: "ns\\r\\n::warning::x"\n  annotations:\n    "kubernetes.io/elb.cla\\u001bss": x\n    kubernetes.io/elb.class: "\\u001b[2J"\n    kubernetes.io/elb.id: 5083f225-9bf8-48fa-9c8b-67bd9693c4c0\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports:\n  - port: 80\n`,
    'forged\n::error::name\u001b.yaml',
  );

  test.each([
    ['text', formatText],
    ['github', formatGithub],
    ['json', formatJson],
    ['sarif', formatSarif],
  ])('%s output has no raw control character and no line that starts a workflow command', (_name, formatter) => {
    expect(report.findings.length).toBeGreaterThan(0);
    const out = formatter(report);
    expect(out).not.toMatch(RAW_CONTROL);
    const lines = out.split('\n');
    // GitHub's own commands start lines in the github format; nothing from the input starts one.
    expect(lines.filter((l) => /^::(error|warning)\b/.test(l) && !/^::(error|warning) file=/.test(l))).toEqual([]);
    if (_name === 'json' || _name === 'sarif') expect(() => JSON.parse(out)).not.toThrow();
  });
});

describe('6. edges', () => {
  test('the same file named twice is read once and does not conflict with itself', () => {
    const dir = path.join(tmp, 'twice');
    const file = write('twice/a.yaml', SERVICE('web', 'kubernetes.io/elb.class: union'));
    const report = lintPaths([dir, file]);
    expect(report.files).toBe(1);
    expect(report.errors).toBe(0);
  });

  test('a dangling symbolic link in a scanned directory is skipped with a warning; the rest is read', () => {
    write('links/a.yaml', SERVICE('web'));
    fs.symlinkSync(path.join(tmp, 'links', 'missing.yaml'), path.join(tmp, 'links', 'b.yaml'));
    const report = lintPaths([path.join(tmp, 'links')]);
    expect(report.findings.map((f) => `${f.severity} ${path.basename(f.file)}`)).toEqual(
      expect.arrayContaining(['warning b.yaml', 'error a.yaml']),
    );
    expect(report.findings.find((f) => f.file.endsWith('b.yaml'))!.message).toContain('symbolic link to a file that does not exist');
  });

  test('a FIFO named *.yaml in a scanned directory is skipped, not read forever', () => {
    const dir = path.join(tmp, 'fifo');
    write('fifo/a.yaml', SERVICE('web'));
    if (spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]).status !== 0) return; // no mkfifo here
    const r = run(['lint', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('pipe.yaml:1  -  document: warning: is not a regular file');
  });

  test('an unreadable directory is named, with the reason, as a usage problem (exit 2)', () => {
    const dir = path.join(tmp, 'locked');
    write('locked/inner/a.yaml', SERVICE('web'));
    fs.chmodSync(path.join(dir, 'inner'), 0);
    try {
      let readable = true;
      try {
        fs.readdirSync(path.join(dir, 'inner'));
      } catch {
        readable = false;
      }
      if (readable) return; // root reads it anyway: nothing to check here
      const r = run(['lint', dir]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`cce-elb: cannot read the directory ${path.join(dir, 'inner')}: permission denied\n`);
    } finally {
      fs.chmodSync(path.join(dir, 'inner'), 0o755);
    }
  });

  test('output into a pipe that closes early (| head) ends quietly', async () => {
    const file = write('many.yaml', Array.from({ length: 3000 }, (_, i) => SERVICE(`s${i}`)).join('---\n'));
    const child = spawn(process.execPath, [BIN, 'lint', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).not.toBe(2);
  }, 60_000); // a process start and 3000 Services: seconds on a loaded machine

  test('output onto a full disk is one line on stderr and exit 2, not a stack trace', () => {
    if (!fs.existsSync('/dev/full')) return;
    const file = write('one.yaml', SERVICE('web'));
    const fd = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'lint', file], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(r.stderr).toBe('cce-elb: cannot write the output: ENOSPC\n');
      expect(r.status).toBe(2);
    } finally {
      fs.closeSync(fd);
    }
  });

  test('an alias to an anchor of another document is called that, not a billion-laughs attack', () => {
    const report = lintText('a: &x 1\n---\nb: *x\n', 'alias.yaml');
    const message = report.findings.find((f) => f.severity === 'error')!.message;
    expect(message).toContain('anchors do not carry over from other documents');
    expect(message).not.toContain('billion laughs');
  });

  test('the validation plugin makes what it reports printable too', async () => {
    const file = write('plugin.yaml', SERVICE('x\\u001b[2Jy\\n::warning::z').replace('name: x', 'name: "x').replace('::z\n', '::z"\n'));
    const violations: any[] = [];
    const report = { addViolation: (v: any) => violations.push(v), submit: () => undefined };
    await new CceElbValidation().validate({ manifests: [file], report } as any);
    const text = JSON.stringify(violations.map((v) => [v.ruleName, v.recommendation, v.violatingResources]));
    expect(violations.length).toBeGreaterThan(0);
    expect(JSON.parse(text).flat(3).join('\n')).not.toMatch(RAW_CONTROL);
  });

  test('a plugin property named like an Object member is an unknown property, not a TypeError', () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect(() => new CceElbValidation(JSON.parse(`{"${name}": "x"}`))).toThrow(`CceElbValidation: unknown property "${name}"`);
    }
  });

  test('findings are printed per file as they are found (a killed run has printed them)', async () => {
    const first = write('stream/a.yaml', SERVICE('first'));
    const child = spawn(process.execPath, [BIN, 'lint', first, '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    const printedFirst = new Promise<void>((resolve) => child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('Service/-/first')) resolve();
    }));
    // Standard input stays open: the first file's finding must come before the run can end.
    await printedFirst;
    expect(stdout).not.toContain('errors');
    child.stdin.end(SERVICE('second'));
    await new Promise((resolve) => child.on('close', resolve));
    expect(stdout).toContain('Service/-/second');
  }, 30_000);
});
