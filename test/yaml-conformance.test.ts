import * as fs from 'fs';
import * as path from 'path';
import { lintPaths } from '../src/lint/linter';
import { ReadProblem, readManifestFile } from '../src/lint/manifest-reader';

/*
 * The linter reads YAML as kubectl reads it (test/yaml-conformance/README.md): every case of the
 * corpus is read by the linter and compared with kubectl's reading, recorded in
 * `<case>.kubectl.json` by scripts/record-yaml-conformance.js. Where kubectl is on the PATH, the
 * recordings are checked against a live kubectl too (a visible skip where it is not).
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const recorder = require('../scripts/record-yaml-conformance.js') as {
  recordCase(caseFile: string): Recording;
  kubectlAvailable(): boolean;
};

interface Recording {
  readonly accepted: boolean;
  readonly objects?: Record<string, unknown>[];
  readonly error?: string;
}

const CASES = path.join(__dirname, 'yaml-conformance', 'cases');
const caseFiles = fs.readdirSync(CASES).filter((f) => f.endsWith('.yaml')).sort();
const recordingOf = (file: string): Recording => JSON.parse(fs.readFileSync(path.join(CASES, file.replace(/\.yaml$/, '.kubectl.json')), 'utf8'));

/**
 * Cases whose recording shows a quirk of `kubectl annotate` v1.32, not of YAML: it drops every
 * annotation of an object with a null or (inside a List) non-string annotation value (v1.33
 * prints them). The rest of those objects is compared; the linter reports the values instead.
 */
const ANNOTATE_QUIRKS = new Set(['annotation-null-value.yaml', 'service-annotation-null-value.yaml', 'kind-list-non-string-annotation.yaml']);

function read(file: string): { objects: Record<string, unknown>[]; problems: ReadProblem[] } {
  const objects: Record<string, unknown>[] = [];
  const problems: ReadProblem[] = [];
  readManifestFile(path.join(CASES, file), { object: (o) => objects.push(o.value as Record<string, unknown>), problem: (p) => problems.push(p) });
  return { objects, problems };
}

/** kubectl prints no empty annotations map (README: `annotations: {}` reads as none). */
function normalise(object: Record<string, unknown>, dropAnnotations: boolean): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(object)) as Record<string, any>;
  const annotations = copy.metadata?.annotations;
  if (dropAnnotations || (annotations && typeof annotations === 'object' && Object.keys(annotations).length === 0)) delete copy.metadata.annotations;
  return copy;
}

test('the corpus covers what kubectl is known to read differently from YAML 1.2', () => {
  expect(caseFiles.length).toBeGreaterThanOrEqual(70);
  for (const needed of ['huawei-health-check-option', 'sq-multiline-close-column0', 'crlf-everywhere', 'bom-start', 'duplicate-key-annotation', 'yaml11-numbers', 'merge-key-single', 'reject-tab-indentation', 'reject-yaml11-inf']) {
    expect(caseFiles).toContain(`${needed}.yaml`);
  }
  // The byte-exact cases kept their bytes in git (test/yaml-conformance/cases/.gitattributes).
  expect(fs.readFileSync(path.join(CASES, 'crlf-everywhere.yaml'), 'latin1')).toContain('\r\n');
  expect([...fs.readFileSync(path.join(CASES, 'bom-start.yaml')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
});

describe.each(caseFiles)('%s', (file) => {
  const recording = recordingOf(file);
  if (recording.accepted) {
    test('kubectl accepts it: the linter reads the same objects and reports no invalid YAML', () => {
      const { objects, problems } = read(file);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      const quirk = ANNOTATE_QUIRKS.has(file);
      expect(objects.map((o) => normalise(o, quirk))).toEqual(recording.objects!.map((o) => normalise(o, quirk)));
    });
  } else {
    test(`kubectl rejects it (${recording.error}): the linter reports an error`, () => {
      const report = lintPaths([path.join(CASES, file)]);
      expect(report.errors).toBeGreaterThan(0);
    });
  }
});

const live = recorder.kubectlAvailable() ? describe : describe.skip;
if (!recorder.kubectlAvailable()) {
  // A visible skip: say why in the output.
  // eslint-disable-next-line no-console
  console.warn('yaml-conformance: kubectl is not on the PATH; the recordings are used without re-running kubectl');
}
live('a live kubectl still reads every case as recorded', () => {
  test.each(caseFiles)('%s', (file) => {
    expect(recorder.recordCase(path.join(CASES, file))).toEqual(recordingOf(file));
  });
});
