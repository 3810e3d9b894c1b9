import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, Testing, Yaml } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { INGRESS_EXAMPLES } from '../examples/ingress-charts';
import { capturingWarnings } from './support/synth';
import { CceVersion } from '../src/cluster/cce-version';
import { ClusterInfo } from '../src/cluster/cluster-info';
import { LintReport, lintText } from '../src/lint/linter';

/*
 * CCE's LoadBalancer Ingress examples (test/fixtures/cce-ingress-docs/<name>.yaml, copied from the
 * documentation; each file's header names its page, lines and any repair) against
 * examples/ingress-charts.ts (one chart per example, typed API only) and against the linter.
 *
 * SUBSTITUTIONS: the pages' placeholders, replaced in memory (never in the fixtures) before a fixture
 * is compared with its chart or linted. They are not real IDs, so the ID checks refuse them, as CCE
 * would; the charts use the same realistic values.
 *
 *   placeholder on the page                          value used
 *   kubernetes.io/elb.id: '*****' (quoted, a repair)  3f1e2d4c-5b6a-4789-8abc-def012345678
 *   <your_elb_id>                                    aa0c2e8f-6b1d-4f3a-9c57-2d8e41b7f0a3
 *   <your_elb_ip>                                    192.168.0.10
 *   <your_acl_id>                                    c1a4f2b9-3e7d-4a68-b0c5-9d2e6f81a7b4
 *   <your_service_port>                              80 (a port number; the page's text is a string)
 *   "poolID": "*****"                                9e4b7c1d-2a3f-4e5b-8c6d-7f8091a2b3c4
 *   "vip_subnet_cidr_id": "*****"                    5c8d2e1f-7a4b-4c3d-9e6f-0a1b2c3d4e5f
 *   "vip_address": "**.**.**.**"                     192.168.0.100
 *   "elb_virsubnet_ids":["*****"]                    ["6d9e3f2a-8b5c-4d4e-a07f-1b2c3d4e5f60"]
 *   cce-bandwidth-****** (a bandwidth name)          cce-bandwidth-1551163379627
 *   ab53c3b2-xxxx-xxxx-xxxx-5ac3eb2887be             ab53c3b2-0d6e-4c1f-9a8b-5ac3eb2887be
 *   <your_service_name>                              nginx
 */
const SUBSTITUTIONS: ReadonlyArray<readonly [string, string]> = [
  ["kubernetes.io/elb.id: '*****'", 'kubernetes.io/elb.id: 3f1e2d4c-5b6a-4789-8abc-def012345678'],
  ['<your_elb_id>', 'aa0c2e8f-6b1d-4f3a-9c57-2d8e41b7f0a3'],
  ['<your_elb_ip>', '192.168.0.10'],
  ['<your_acl_id>', 'c1a4f2b9-3e7d-4a68-b0c5-9d2e6f81a7b4'],
  ['<your_service_port>', '80'],
  ['"poolID": "*****"', '"poolID": "9e4b7c1d-2a3f-4e5b-8c6d-7f8091a2b3c4"'],
  ['"vip_subnet_cidr_id": "*****"', '"vip_subnet_cidr_id": "5c8d2e1f-7a4b-4c3d-9e6f-0a1b2c3d4e5f"'],
  ['"vip_address": "**.**.**.**"', '"vip_address": "192.168.0.100"'],
  ['"elb_virsubnet_ids":["*****"]', '"elb_virsubnet_ids":["6d9e3f2a-8b5c-4d4e-a07f-1b2c3d4e5f60"]'],
  ['cce-bandwidth-******', 'cce-bandwidth-1551163379627'],
  ['ab53c3b2-xxxx-xxxx-xxxx-5ac3eb2887be', 'ab53c3b2-0d6e-4c1f-9a8b-5ac3eb2887be'],
  ['<your_service_name>', 'nginx'],
];

/**
 * The clusters the fixtures are linted for. The networking.k8s.io/v1beta1 examples are CCE's
 * examples "for clusters of v1.21 or earlier"; the others are linted for a recent CCE Turbo cluster,
 * v1.31.10-r0: recent enough for every documented feature (the custom backend server group of
 * forward-pool needs v1.31.4-r0 on the v1.31 line), and Turbo so that no backend type is excluded.
 */
const LEGACY_CLUSTER: ClusterInfo = { version: CceVersion.parse('v1.21.7-r0') };
const RECENT_CLUSTER: ClusterInfo = { version: CceVersion.parse('v1.31.10-r0'), flavor: 'turbo' };

/**
 * Fields that CCE writes onto an Ingress, in examples that show an Ingress as CCE returns it: the
 * charts write what a user writes, so these are left out of the comparison.
 */
const WRITTEN_BY_CCE: Record<string, { annotations: string[]; status?: boolean }> = {
  // cce_10_0925 shows the Ingress read back after CCE created its load balancer.
  'custom-eip-before': { annotations: ['kubernetes.io/elb.id', 'kubernetes.io/elb.ip', 'kubernetes.io/elb.eip-id'], status: true },
  'custom-eip-set': { annotations: ['kubernetes.io/elb.id', 'kubernetes.io/elb.ip', 'kubernetes.io/elb.eip-id'], status: true },
  'custom-eip-status': {
    annotations: ['kubernetes.io/elb.id', 'kubernetes.io/elb.ip', 'kubernetes.io/elb.eip-id', 'kubernetes.io/elb.custom-eip-status'],
    status: true,
  },
  // CCE writes the first Ingress of a listener there (cce_10_0687, faq 460); the page copied it in.
  'forwarding-combined': { annotations: ['kubernetes.io/elb.listener-master-ingress'] },
};

/**
 * Where the typed API writes something other than the page, each with the reason; the documented
 * object is patched so, and the test checks that the patch was needed (that the difference is still
 * there). Each is reported to the lead.
 */
const KNOWN_DIFFERENCES: Record<string, { reason: string; patch: (ingress: any) => void }> = {
  'forwarding-combined': {
    reason:
      'the page writes the rate limits as "TrafficLimItConfig" with "qps", while its tables (cce_10_0949 Tables 2 and 8) write "trafficLimitConfig" with "QPS", which ForwardingAction.trafficLimit() writes',
    patch: (ingress) => {
      for (const key of ['kubernetes.io/elb.actions.test2', 'kubernetes.io/elb.actions.test3']) {
        const actions = JSON.parse(ingress.metadata.annotations[key]);
        for (const action of actions) {
          if (action.type !== 'TrafficLimit') continue;
          const { qps, ...rest } = action.TrafficLimItConfig;
          delete action.TrafficLimItConfig;
          action.trafficLimitConfig = { QPS: qps, ...rest };
        }
        ingress.metadata.annotations[key] = JSON.stringify(actions);
      }
    },
  },
};

/**
 * The warnings of `cce-elb lint` on each fixture, as `<rule> <key>`; a fixture not listed has
 * none. Each is justified: it is true of the page's YAML and not an error.
 */
const EXPECTED_LINT_WARNINGS: Record<string, string[]> = {
  // CCE writes this annotation itself; the page's example carries it in a manifest to apply.
  'forwarding-combined': ['written-by-cce kubernetes.io/elb.listener-master-ingress'],
};

/**
 * Errors that the linter, and the same rules at synth, give on a documented example: false errors by
 * this suite's standard, reported to the lead. Each example's tests state exactly these errors (as
 * `<rule> <key>` for the linter, a fragment of the message at synth), so that any other error still
 * fails; and its "no error" tests are `test.failing`, so that the suite says when the rule changes.
 */
const KNOWN_FALSE_ERRORS: Record<string, { reason: string; lint: string[]; synth: string }> = {
  // None: the three the first run found (a repeated certificate ID in cce_10_0937; tags on the v1.21
  // examples of cce_10_0252, whose own table gates them at v1.23.11-r0) no longer give an error.
};

const FIXTURES = path.join(__dirname, 'fixtures', 'cce-ingress-docs');
const names = Object.keys(INGRESS_EXAMPLES);

function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, `${name}.yaml`), 'utf8');
}

/** The fixture's text with the placeholders replaced (SUBSTITUTIONS). */
function substituted(name: string): string {
  let text = fixtureText(name);
  for (const [placeholder, value] of SUBSTITUTIONS) text = text.split(placeholder).join(value);
  return text;
}

/** The documented objects, parsed (after SUBSTITUTIONS); every document must parse. */
function documented(name: string): any[] {
  return parseAllDocuments(substituted(name)).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS();
  });
}

function isLegacy(name: string): boolean {
  return /^apiVersion: networking\.k8s\.io\/v1beta1$/m.test(fixtureText(name));
}

function clusterOf(name: string): ClusterInfo {
  return isLegacy(name) ? LEGACY_CLUSTER : RECENT_CLUSTER;
}

const JSON_VALUE = /^\s*[[{]/;

/** Annotations whose value is JSON, parsed, so that whitespace in the docs does not matter. */
function withParsedJson(ingress: any): any {
  const annotations: Record<string, unknown> = {};
  for (const [k, v] of Object.entries<string>(ingress.metadata.annotations ?? {})) {
    annotations[k] = JSON_VALUE.test(v) ? JSON.parse(v) : v;
  }
  return { ...ingress, metadata: { ...ingress.metadata, annotations } };
}

/** What a user writes of the documented Ingress: without WRITTEN_BY_CCE, with KNOWN_DIFFERENCES applied. */
function userWritten(name: string, documentedIngress: any, applyDifferences = true): any {
  const ingress = JSON.parse(JSON.stringify(documentedIngress));
  const cce = WRITTEN_BY_CCE[name];
  if (cce !== undefined) {
    for (const key of cce.annotations) {
      expect(ingress.metadata.annotations).toHaveProperty([key]);
      delete ingress.metadata.annotations[key];
    }
    if (cce.status) {
      expect(ingress).toHaveProperty('status');
      delete ingress.status;
    }
  }
  if (applyDifferences) KNOWN_DIFFERENCES[name]?.patch(ingress);
  return ingress;
}

/**
 * The example's Ingress as its chart renders it, before the checks of synth (so that an example with
 * a known false error is still compared with its page).
 */
function rendered(name: string): any {
  const chart: Chart = new INGRESS_EXAMPLES[name](new App(), name);
  const objects = chart.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
  expect(objects).toHaveLength(1);
  return objects[0].toJson();
}

/** Synthesizes the example's chart in a fresh App (running its checks): its objects and the warnings printed. */
function synthExample(name: string): { objects: any[]; printed: string[] } {
  const chart: Chart = new INGRESS_EXAMPLES[name](new App(), name);
  const { result: objects, printed } = capturingWarnings(() => Testing.synth(chart));
  return { objects, printed };
}

/** The errors of a lint report, as `<rule> <key>`. */
function lintErrors(report: LintReport): string[] {
  return report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.key}`);
}

/** `test`, or `test.failing` for an example with a known false error. */
function testUnlessFalseError(name: string): jest.It {
  return KNOWN_FALSE_ERRORS[name] !== undefined ? test.failing : test;
}

test('every documented Ingress example has a chart and every chart a documented example', () => {
  const fixtures = fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));
  expect([...names].sort()).toEqual(fixtures.sort());
  expect(names).toHaveLength(40);
});

test('every fixture names its source and says whether it was repaired', () => {
  for (const name of names) {
    const header = fixtureText(name).split('\n').filter((line) => line.startsWith('#')).join('\n');
    expect(header).toMatch(/# Source: /);
    expect(header).toMatch(/(opentelekomcloud-docs\/cloud-container-engine at commit 4863737383aaa71bc85eb44da133b4563415b518|support\.huaweicloud\.com)/);
    expect(header).toMatch(/# (Repaired|Not repaired): /);
  }
});

test('the tables of this test name only fixtures', () => {
  for (const table of [WRITTEN_BY_CCE, KNOWN_DIFFERENCES, EXPECTED_LINT_WARNINGS, KNOWN_FALSE_ERRORS]) {
    for (const name of Object.keys(table)) expect(names).toContain(name);
  }
});

describe.each(names)('Ingress example %s', (name) => {
  test('the fixture is one Ingress of class cce', () => {
    const docs = documented(name);
    expect(docs).toHaveLength(1);
    expect(docs[0].kind).toBe('Ingress');
    const legacy = isLegacy(name);
    expect(docs[0].spec.ingressClassName).toBe(legacy ? undefined : 'cce');
    expect(docs[0].metadata.annotations['kubernetes.io/ingress.class']).toBe(legacy ? 'cce' : undefined);
  });

  test('the chart renders the documented Ingress (JSON annotations equal as JSON)', () => {
    expect(withParsedJson(rendered(name))).toEqual(withParsedJson(userWritten(name, documented(name)[0])));
  });

  if (KNOWN_DIFFERENCES[name] !== undefined) {
    test(`the known difference is still there: ${KNOWN_DIFFERENCES[name].reason}`, () => {
      expect(withParsedJson(rendered(name))).not.toEqual(withParsedJson(userWritten(name, documented(name)[0], false)));
    });
  }

  test('JSON annotations are compact', () => {
    const annotations = Object.values<string>(rendered(name).metadata.annotations ?? {}).filter((v) => JSON_VALUE.test(v));
    for (const value of annotations) {
      expect(value).toBe(JSON.stringify(JSON.parse(value)));
    }
  });

  testUnlessFalseError(name)('the chart synthesizes (its checks pass) that Ingress alone, printing no warning', () => {
    const { objects, printed } = synthExample(name);
    expect(objects).toEqual([rendered(name)]);
    expect(printed).toEqual([]);
  });

  testUnlessFalseError(name)('the linter gives no error on the documented YAML', () => {
    expect(lintErrors(lintText(substituted(name), `${name}.yaml`, { cluster: clusterOf(name) }))).toEqual([]);
  });

  test('the linter gives only the expected warnings on the documented YAML (and no other error than a known false one)', () => {
    const report = lintText(substituted(name), `${name}.yaml`, { cluster: clusterOf(name) });
    expect(report.ingresses).toBe(1);
    expect(lintErrors(report)).toEqual(KNOWN_FALSE_ERRORS[name]?.lint ?? []);
    const warnings = report.findings.filter((f) => f.severity === 'warning').map((f) => `${f.rule} ${f.key}`);
    expect(warnings).toEqual(EXPECTED_LINT_WARNINGS[name] ?? []);
  });

  test("the linter gives no error on the chart's YAML (but a known false one)", () => {
    const report = lintText(Yaml.stringify(rendered(name)), `${name}.k8s.yaml`, { cluster: clusterOf(name) });
    expect(report.ingresses).toBe(1);
    expect(lintErrors(report)).toEqual(KNOWN_FALSE_ERRORS[name]?.lint ?? []);
  });

  const falseError = KNOWN_FALSE_ERRORS[name];
  if (falseError !== undefined) {
    test(`synth fails only with the known false error: ${falseError.reason}`, () => {
      let message = '';
      try {
        synthExample(name);
      } catch (e) {
        message = (e as Error).message;
      }
      const lines = message.split('\n').slice(1).map((line) => line.trim()).filter((line) => line !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(falseError.synth);
    });
  }
});
