import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { formatGithub, formatJson, formatSarif, formatText } from '../src/lint/formats';
import { LintReport, lintPaths, lintText } from '../src/lint/linter';

/*
 * Fuzzing the linter (issue 16): mutated real manifests and random bytes go through the reader, the
 * rules and every output format. Whatever the input: no exception escapes, and every format's output
 * parses and carries no raw control character. The runtime is bounded (fast-check stops after its
 * time limit), so the test fits in CI.
 */

const CORPUS = ['lint-corpus/good', 'lint-corpus/bad', 'real-world'].flatMap((dir) =>
  fs.readdirSync(path.join(__dirname, dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => fs.readFileSync(path.join(__dirname, dir, f), 'utf8')),
);
const TIME_LIMIT_MS = 20_000;
/** C0 and C1 controls, DEL, the Unicode line separators and bidi overrides, but not the line breaks between lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Characters that break YAML, JSON, terminals and logs. */
const NASTY = fc.constantFrom('\n', '\r', '\t', '\u0000', '\u001b[2J', '\u009b', '\u2028', '\u202e', '"', "'", ':', '- ', '{', '}', '[', ']', ',', '&a', '*a', '<<: *a', '!!binary', '---\n', '...\n', '#', '%', '|', '>', '\uFEFF', '\\', 'kubernetes.io/elb.', '-----BEGIN PRIVATE KEY-----');

/** One edit of a text: insert, delete, duplicate or replace at a position given as a fraction. */
const EDIT = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(NASTY, fc.string({ maxLength: 20 }), fc.fullUnicodeString({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }) }),
);
type Edit = typeof EDIT extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of edits) {
    const at = Math.floor(edit.at * out.length);
    if (edit.kind === 'insert') out = out.slice(0, at) + edit.text + out.slice(at);
    else if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + edit.length);
    else out = out.slice(0, at + edit.length) + out.slice(at, at + edit.length) + out.slice(at + edit.length);
  }
  return out;
}

/** Every format of the report parses and carries no raw control character. */
function expectSafeOutput(report: LintReport): void {
  for (const formatter of [formatText, formatGithub, formatJson, formatSarif]) {
    const out = formatter(report);
    expect(out).not.toMatch(RAW_CONTROL);
    if (formatter === formatJson || formatter === formatSarif) JSON.parse(out);
    else for (const line of out.trimEnd().split('\n')) expect(line.length).toBeGreaterThan(0);
  }
}

test('mutated manifests: no exception escapes, and every format is well formed', () => {
  fc.assert(
    fc.property(fc.constantFrom(...CORPUS), fc.array(EDIT, { minLength: 1, maxLength: 6 }), (text, edits) => {
      const report = lintText(applyEdits(text, edits), 'fuzz.yaml');
      expect(report.errors + report.warnings).toBe(report.findings.length);
      expectSafeOutput(report);
    }),
    { numRuns: 2000, interruptAfterTimeLimit: TIME_LIMIT_MS },
  );
});

test('random bytes as a file (any encoding, any byte-order mark): no exception escapes, and every format is well formed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-elb-fuzz-'));
  try {
    const file = path.join(dir, 'random.yaml');
    const prefix = fc.constantFrom(Buffer.alloc(0), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0xef, 0xbb, 0xbf]));
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 4096 }), (bom, bytes) => {
        fs.writeFileSync(file, Buffer.concat([bom, Buffer.from(bytes)]));
        expectSafeOutput(lintPaths([file]));
      }),
      { numRuns: 1000, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
