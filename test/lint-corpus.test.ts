import * as fs from 'fs';
import * as path from 'path';
import { Document, LineCounter, Node, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { CATALOG, catalogEntry } from '../src/annotations/catalog';
import { CceVersion } from '../src/cluster/cce-version';
import { ClusterInfo } from '../src/cluster/cluster-info';
import { main } from '../src/lint/cli';
import { Linter, lintText } from '../src/lint/linter';
import { INGRESS_RULES, SERVICE_RULES, decodeIngress, decodeService, isCceIngress } from '../src/rules';

/*
 * The lint corpus (test/lint-corpus/README.md): manifests that `cce-elb lint` must accept (good/) and
 * manifests that each break exactly one rule (bad/), with the expected finding in a header comment.
 */

const CORPUS = path.join(__dirname, 'lint-corpus');
const GOOD = path.join(CORPUS, 'good');
const BAD = path.join(CORPUS, 'bad');

const filesIn = (dir: string) => fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const goodFiles = filesIn(GOOD);
const badFiles = filesIn(BAD);

/** A recent standard cluster: every documented feature is available on it. */
const RECENT_STANDARD: ClusterInfo = {
  version: CceVersion.parse('v1.31.1-r0'),
  flavor: 'standard',
  proxyMode: 'iptables',
  networkModel: 'vpc-router',
};

/**
 * Keys of the annotation catalog that no bad file can produce a finding for, with the reason.
 * Empty: every key has at least its codec (a value that is not a string is an error under the key),
 * and `kubernetes.io/elb.eip-id`, which has no value rule, is covered that way (eip-id-empty.yaml).
 */
const UNCOVERABLE_KEYS: Record<string, string> = {};

interface Expectation {
  readonly severity: 'error' | 'warning';
  readonly key: string;
  readonly message: string;
  readonly field?: string;
}

interface BadFile {
  readonly text: string;
  readonly breaks: string;
  readonly cluster: ClusterInfo;
  readonly expected: Expectation[];
}

/** `# cluster: version=v1.19.10-r0 flavor=turbo proxyMode=ipvs networkModel=vpc-router` */
function parseCluster(spec: string): ClusterInfo {
  const fields: Record<string, string> = {};
  for (const pair of spec.trim().split(/\s+/)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`cluster header: "${pair}" is not key=value`);
    fields[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const known = ['version', 'flavor', 'proxyMode', 'networkModel'];
  const unknown = Object.keys(fields).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`cluster header: unknown field(s) ${unknown.join(', ')}; allowed: ${known.join(', ')}`);
  return {
    version: fields.version === undefined ? undefined : CceVersion.parse(fields.version),
    flavor: fields.flavor,
    proxyMode: fields.proxyMode,
    networkModel: fields.networkModel,
  };
}

/** Reads the header comments of a bad file (see test/lint-corpus/README.md). */
function readBad(file: string): BadFile {
  const text = fs.readFileSync(path.join(BAD, file), 'utf8');
  let breaks = '';
  let cluster: ClusterInfo = {};
  const expected: Expectation[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    const header = /^# (breaks|cluster|expect|expect-warning|field): (.*)$/.exec(line);
    if (!header) continue;
    const [, name, value] = header;
    if (name === 'breaks') {
      breaks = value;
    } else if (name === 'cluster') {
      cluster = parseCluster(value);
    } else if (name === 'field') {
      const last = expected.pop();
      if (!last) throw new Error(`${file}: "# field:" must follow an expectation`);
      expected.push({ ...last, field: value });
    } else {
      // The key never contains ": " (Finding.target is split at the first one), the message may.
      const colon = value.indexOf(': ');
      if (colon < 0) throw new Error(`${file}: expectation "${value}" is not "<key>: <message>"`);
      expected.push({ severity: name === 'expect' ? 'error' : 'warning', key: value.slice(0, colon), message: value.slice(colon + 2) });
    }
  }
  return { text, breaks, cluster, expected };
}

/** The YAML documents of a file, with a line counter for their positions. */
function parse(text: string): { docs: Document[]; lines: LineCounter } {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines }) as Document[];
  return { docs, lines };
}

/** The node at `keys` below `node` (map keys and sequence indexes), or undefined. */
function nodeAt(node: unknown, keys: ReadonlyArray<string | number>): { key?: Node; value: unknown } | undefined {
  let current: unknown = node;
  let keyNode: Node | undefined;
  for (const key of keys) {
    if (isMap(current)) {
      const pair = current.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) return undefined;
      keyNode = pair.key as Node;
      current = pair.value;
    } else if (isSeq(current) && typeof key === 'number') {
      keyNode = current.items[key] as Node | undefined;
      current = keyNode;
      if (current === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  return { key: keyNode, value: current };
}

/** `spec.ports[1].name` → `['spec', 'ports', 1, 'name']`. */
function fieldPath(target: string): Array<string | number> {
  return target.split(/\.|\[|\]/).filter((s) => s !== '').map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
}

/** One Kubernetes object of a file: a document, or an item of a `kind: List`. */
interface SourceObject {
  readonly value: any;
  /** `Service/<namespace or ->/<name or ->`, as the linter names it. */
  readonly resource: string;
  readonly first: number;
  readonly last: number;
  /** The line of the key at `keys` below the object, or undefined when it is not written. */
  lineOf(keys: ReadonlyArray<string | number>): number | undefined;
}

/** Every object of a file, with its lines. */
function objectsOf(text: string): SourceObject[] {
  const { docs, lines } = parse(text);
  const line = (offset: number) => lines.linePos(offset).line;
  const objects: SourceObject[] = [];
  const add = (value: any, node: unknown) => {
    const range = (node as Node).range!;
    const part = (v: unknown) => (typeof v === 'string' && v !== '' ? v : '-');
    objects.push({
      value,
      resource: `${value?.kind}/${part(value?.metadata?.namespace)}/${part(value?.metadata?.name)}`,
      first: line(range[0]),
      last: line(Math.max(range[0], range[1] - 1)),
      lineOf: (keys) => {
        const found = nodeAt(node, keys);
        const at = (found?.key ?? (found?.value as Node | undefined))?.range;
        return at ? line(at[0]) : undefined;
      },
    });
  };
  for (const doc of docs) {
    if (doc.errors.length > 0 || !doc.contents) continue;
    const value = doc.toJS() as any;
    if (value?.kind === 'List' && Array.isArray(value.items)) {
      value.items.forEach((item: any, i: number) => add(item, nodeAt(doc.contents, ['items', i])!.value));
    } else {
      add(value, doc.contents);
    }
  }
  return objects;
}

/** `metadata.annotations.<key>` for an annotation key, the field path for `spec.…`. */
function targetPath(target: string): Array<string | number> {
  return target.startsWith('spec.') || target === 'spec' ? fieldPath(target) : ['metadata', 'annotations', target];
}

/** Findings about a document that could not be read as an object carry no resource. */
const READ_PROBLEM_KEYS = ['yaml', 'document'];

/** The LoadBalancer Services of a file, as plain objects (documents and `kind: List` items). */
function loadBalancerServices(text: string): any[] {
  return objectsOf(text)
    .map((o) => o.value)
    .filter((o) => o?.kind === 'Service' && o?.spec?.type === 'LoadBalancer');
}

/** The LoadBalancer Ingresses (class cce) of a file, as plain objects. */
function loadBalancerIngresses(text: string): any[] {
  return objectsOf(text)
    .map((o) => o.value)
    .filter((o) => o !== null && typeof o === 'object' && isCceIngress(o));
}

const format = (f: { key: string; message: string }) => `${f.key}: ${f.message}`;

describe('good manifests', () => {
  test('the corpus has the documented examples and the realistic ones', () => {
    // GIVEN the good directory
    // THEN every CCE documentation fixture is in it, copied verbatim after its header comments
    const fixtures = path.join(__dirname, 'fixtures', 'cce-docs');
    for (const f of fs.readdirSync(fixtures).filter((n) => n.endsWith('.yaml'))) {
      const copy = fs.readFileSync(path.join(GOOD, `cce-docs-${f}`), 'utf8');
      expect(copy.endsWith(fs.readFileSync(path.join(fixtures, f), 'utf8'))).toBe(true);
    }
    expect(goodFiles.some((f) => f.endsWith('.json'))).toBe(true);
    expect(goodFiles.length).toBeGreaterThanOrEqual(12);
  });

  describe.each(goodFiles)('%s', (file) => {
    const text = fs.readFileSync(path.join(GOOD, file), 'utf8');
    // A file for a newer or Turbo cluster names it (`# cluster: …`); the others are valid on a recent standard cluster.
    const header = /^# cluster: (.*)$/m.exec(text);
    const recent = header ? parseCluster(header[1]) : RECENT_STANDARD;

    test('holds LoadBalancer Services or Ingresses, and the linter checks each of them', () => {
      // GIVEN a good file
      const services = loadBalancerServices(text).length;
      const ingresses = loadBalancerIngresses(text).length;

      // WHEN it is linted
      const report = lintText(text, file);

      // THEN it gives the linter something to check, and the linter reads all of it
      expect(services + ingresses).toBeGreaterThan(0);
      expect(report.services).toBe(services);
      expect(report.ingresses).toBe(ingresses);
    });

    test.each([
      ['no cluster profile', undefined],
      [header ? 'the cluster its header names' : 'a recent standard cluster', recent],
    ])('lints without errors with %s', (_name, cluster) => {
      // GIVEN a valid manifest
      // WHEN it is linted
      const report = lintText(text, file, cluster ? { cluster } : {});

      // THEN nothing is an error (warnings, such as the pass-through rewrite to onlyLocal, may remain)
      expect(report.findings.filter((f) => f.severity === 'error').map(format)).toEqual([]);
    });
  });

  test('linted together, as one run, the good files give no error either (no two use one load balancer\'s port)', () => {
    // GIVEN every good file, in one linter run without a cluster profile (the checks across Services see them all)
    const linter = new Linter({});
    for (const file of goodFiles) linter.lintText(fs.readFileSync(path.join(GOOD, file), 'utf8'), file);
    // WHEN the run ends
    const report = linter.report();
    // THEN nothing is an error
    expect(report.findings.filter((f) => f.severity === 'error').map(format)).toEqual([]);
    expect(report.services).toBeGreaterThan(20);
  });

  test('the linter reads Services inside a kind: List and in a JSON file', () => {
    // GIVEN a cluster too old for features that the List and JSON files use
    const old: ClusterInfo = { version: CceVersion.parse('v1.15.11-r1') };

    // WHEN they are linted
    const list = lintText(fs.readFileSync(path.join(GOOD, 'kind-list.yaml'), 'utf8'), 'kind-list.yaml', { cluster: old });
    const json = lintText(fs.readFileSync(path.join(GOOD, 'dedicated-autocreate.json'), 'utf8'), 'dedicated-autocreate.json', { cluster: old });

    // THEN the version gates fire on the Services they hold, so those Services were read
    expect(list.findings.map((f) => f.resource)).toContain('Service/default/api-public');
    expect(json.findings.map((f) => `${f.resource} ${f.key}`)).toContain('Service/shop/checkout kubernetes.io/elb.class');
  });
});

describe('bad manifests', () => {
  describe.each(badFiles)('%s', (file) => {
    const bad = readBad(file);

    test('has a header that names the broken rule and exactly one expected finding', () => {
      expect(bad.breaks).not.toBe('');
      expect(bad.expected).toHaveLength(1);
    });

    test('gives exactly the expected finding', () => {
      // GIVEN a manifest that breaks one rule, and the cluster profile its header names
      // WHEN it is linted
      const report = lintText(bad.text, file, { cluster: bad.cluster });

      // THEN the errors (and the warnings) are exactly the expected ones
      const expectedErrors = bad.expected.filter((e) => e.severity === 'error').map(format);
      const expectedWarnings = bad.expected.filter((e) => e.severity === 'warning').map(format);
      expect(report.findings.filter((f) => f.severity === 'error').map(format)).toEqual(expectedErrors);
      expect(report.findings.filter((f) => f.severity === 'warning').map(format)).toEqual(expectedWarnings);
    });

    test('the cce-elb command reports it, with the exit status for its severity', () => {
      // GIVEN the file on disk and the header's cluster profile as command-line options
      const flags: Record<string, string> = { version: '--cluster-version', flavor: '--cluster-flavor', proxyMode: '--proxy-mode', networkModel: '--network-model' };
      const clusterLine = /^# cluster: (.*)$/m.exec(bad.text)?.[1] ?? '';
      const args = clusterLine.split(/\s+/).filter(Boolean).flatMap((pair) => {
        const [name, value] = pair.split('=');
        return [flags[name], value];
      });
      // WHEN `cce-elb lint` runs on it
      // (from the corpus folder, so that the file names in messages are as in the expectations)
      let out = '';
      const cwd = process.cwd();
      process.chdir(BAD);
      let code: number;
      try {
        code = main(['lint', ...args, file], { write: (t: string) => (out += t) }, { write: () => true });
      } finally {
        process.chdir(cwd);
      }
      // THEN every expected finding is printed, and the status is 1 for errors, 0 for warnings only
      for (const e of bad.expected) {
        expect(out).toContain(`  ${e.key}${e.field !== undefined ? `: ${e.field}` : ''}: ${e.severity === 'warning' ? 'warning' : ''}`);
        expect(out).toContain(e.message);
      }
      expect(code).toBe(bad.expected.some((e) => e.severity === 'error') ? 1 : 0);
    });

    test('places the finding on the line of its annotation or Service field', () => {
      // GIVEN the objects of the file
      const objects = objectsOf(bad.text);

      // WHEN it is linted
      const findings = lintText(bad.text, file, { cluster: bad.cluster }).findings;

      // THEN each finding names the file, its object and the JSON field, and points at the line of its
      // target where the target is written in the object, otherwise somewhere inside the object (a
      // document that cannot be read has no object: somewhere inside the file)
      expect(findings).toHaveLength(bad.expected.length);
      findings.forEach((finding, i) => {
        expect(finding.file).toBe(file);
        expect(finding.field).toBe(bad.expected[i].field);
        if (READ_PROBLEM_KEYS.includes(finding.key)) {
          expect(finding.resource).toBe('');
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.line).toBeLessThanOrEqual(bad.text.split('\n').length);
          return;
        }
        const object = objects.find((o) => o.resource === finding.resource);
        expect(object).toBeDefined();
        const line = object!.lineOf(targetPath(finding.key));
        if (line !== undefined) {
          expect({ key: finding.key, line: finding.line }).toEqual({ key: finding.key, line });
        } else {
          expect(finding.line).toBeGreaterThanOrEqual(object!.first);
          expect(finding.line).toBeLessThanOrEqual(object!.last);
        }
      });
    });
  });

  test('only findings about something the file leaves out are placed by the Service range', () => {
    // GIVEN the expectations of every bad file
    // WHEN their targets are looked up in the files
    const written = (text: string, key: string) => objectsOf(text).some((o) => o.lineOf(targetPath(key)) !== undefined);
    const notWritten = badFiles
      .flatMap((f) => readBad(f).expected.map((e) => ({ f, e, text: readBad(f).text })))
      .filter(({ e, text }) => !written(text, e.key))
      .map(({ f, e }) => `${f} ${e.key}`);

    // THEN every other finding is compared with its exact line; these are a document that cannot be read,
    // a required annotation or Service or Ingress field that is missing, or a target that names two annotations
    expect(notWritten).toEqual([
      'acl-id-without-status.yaml kubernetes.io/elb.acl-status',
      'connection-drain-without-timeout.yaml kubernetes.io/elb.connection-drain-timeout',
      'health-check-option-and-options.yaml kubernetes.io/elb.health-check-option and kubernetes.io/elb.health-check-options',
      'https-without-cert-id.yaml kubernetes.io/elb.cert-id',
      'ingress-path-type-missing.yaml spec.rules[0].http.paths[0].pathType',
      'port-name-missing.yaml spec.ports[1].name',
      'read-invalid-yaml.yaml yaml',
      'read-missing-api-version.yaml document',
      'selector-missing.yaml spec.selector',
      'source-autocreate-without-class.yaml kubernetes.io/elb.class',
      'source-id-and-autocreate.yaml kubernetes.io/elb.id and kubernetes.io/elb.autocreate',
      'source-id-and-ip.yaml kubernetes.io/elb.id and kubernetes.io/elb.ip',
      'source-neither-id-nor-autocreate.yaml kubernetes.io/elb.id or kubernetes.io/elb.autocreate',
      'tls-listener-without-cert-id.yaml kubernetes.io/elb.cert-id',
    ]);
  });
});

describe('coverage of the corpus', () => {
  const expectations = badFiles.map((f) => ({ file: f, bad: readBad(f) }));
  // A per-backend key (`kubernetes.io/elb.headers.web`) counts for its catalog entry (the prefix `kubernetes.io/elb.headers.`).
  const expectedKeys = new Set(expectations.flatMap(({ bad }) => bad.expected.map((e) => catalogEntry(e.key)?.key ?? e.key)));

  test.each([...CATALOG.keys()])('catalog key %s is the key of a bad file', (key) => {
    // GIVEN a key of the annotation catalog
    // THEN some bad file expects a finding under it, or the key is listed as one that cannot have one
    if (UNCOVERABLE_KEYS[key] !== undefined) {
      expect(expectedKeys.has(key)).toBe(false);
    } else {
      expect(expectedKeys.has(key)).toBe(true);
    }
  });

  test('the exception list names only catalog keys', () => {
    for (const key of Object.keys(UNCOVERABLE_KEYS)) expect(CATALOG.has(key)).toBe(true);
  });

  test.each(SERVICE_RULES.map((rule) => [rule.id, rule.check] as const))('rule %s is broken by a bad file', (_id, rule) => {
    // GIVEN one rule function of SERVICE_RULES
    // WHEN it alone runs over the LoadBalancer Services of every bad file
    const broken = expectations.filter(({ bad }) =>
      loadBalancerServices(bad.text).some((service) => {
        const { view, findings } = decodeService(service, bad.cluster);
        const before = findings.items.length;
        rule(view, findings);
        const own = findings.items.slice(before).map((f) => `${f.target}: ${f.message}`);
        return bad.expected.some((e) => own.includes(format(e)));
      }),
    );

    // THEN at least one bad file expects a finding that this rule reports
    expect(broken.map(({ file }) => file)).not.toEqual([]);
  });

  // The rules of INGRESS_RULES that Services do not share (the shared ones are covered above).
  const INGRESS_ONLY_RULES = INGRESS_RULES.filter((rule) => !SERVICE_RULES.some((s) => (s.check as unknown) === rule.check));

  test('the Ingress-only rules are the ones Services do not have', () => {
    expect(INGRESS_ONLY_RULES.map((rule) => rule.id)).toEqual(['ingress-class', 'ingress-listeners', 'ingress-paths', 'forwarding-policies']);
  });

  test.each(INGRESS_ONLY_RULES.map((rule) => [rule.id, rule.check] as const))('Ingress rule %s is broken by a bad file', (_id, rule) => {
    // GIVEN one rule function of INGRESS_RULES that Services do not have
    // WHEN it alone runs over the LoadBalancer Ingresses of every bad file
    const broken = expectations.filter(({ bad }) =>
      loadBalancerIngresses(bad.text).some((ingress) => {
        const { view, findings } = decodeIngress(ingress, bad.cluster);
        const before = findings.items.length;
        rule(view, findings);
        const own = findings.items.slice(before).map((f) => `${f.target}: ${f.message}`);
        return bad.expected.some((e) => own.includes(format(e)));
      }),
    );

    // THEN at least one bad file expects a finding that this rule reports
    expect(broken.map(({ file }) => file)).not.toEqual([]);
  });

  test.each(['shared-elb', 'ingress-backends', 'listener-settings-differ'])('the checks across objects: %s is the rule of a bad file with an Ingress', (rule) => {
    // GIVEN the bad files with a LoadBalancer Ingress
    // WHEN they are linted
    const rules = expectations
      .filter(({ bad }) => loadBalancerIngresses(bad.text).length > 0)
      .flatMap(({ file, bad }) => lintText(bad.text, file, { cluster: bad.cluster }).findings.map((f) => f.rule));
    // THEN some expected finding comes from the rule
    expect(rules).toContain(rule);
  });

  test('codec findings: values that are not strings, and strings that do not decode', () => {
    // GIVEN every bad file
    // WHEN only the decoding runs (no rule)
    const decodeOnly = expectations.filter(({ bad }) =>
      loadBalancerServices(bad.text).some((service) => decodeService(service, bad.cluster).findings.items.length > 0),
    );

    // THEN some files break the codecs: a YAML boolean, number, mapping or null, and a value that is not
    // "true"/"false", not a number, not JSON, or not a key=value list
    const messages = decodeOnly.map(({ bad }) => bad.expected[0].message);
    for (const kind of ['a boolean', 'a number', 'a mapping', 'empty (null)']) expect(messages.some((m) => m.includes(`is ${kind}; allowed: a string`))).toBe(true);
    expect(messages.some((m) => m.includes('is not valid JSON'))).toBe(true);
    expect(messages.some((m) => m.includes('allowed: "true" or "false"'))).toBe(true);
    expect(messages.some((m) => m.includes('allowed: digits only (a whole number from 0, without sign or unit)'))).toBe(true);
  });
});
