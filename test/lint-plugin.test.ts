import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CceElbValidation, ICdk8sValidationContext } from '../src';
import { ELB_ID } from './support/check';
import { libraryVersion, npm, packedLibrary } from './support/packed';

const ROOT = path.join(__dirname, '..');

/** A fake of cdk8s-cli's context that records what the plugin reports. */
function context(manifests: string[]) {
  const violations: any[] = [];
  let submitted: { status: string; metadata?: Record<string, string> } | undefined;
  const ctx: ICdk8sValidationContext = {
    manifests,
    report: {
      addViolation: (v) => violations.push(v),
      submit: (status, metadata) => (submitted = { status, metadata: { ...metadata } }),
    },
  };
  return { ctx, violations, submitted: () => submitted };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-elb-plugin-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const manifest = (name: string, annotations: Record<string, string>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, annotations },
    spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ name: 'http', port: 80 }], ...extra },
  });

describe('CceElbValidation', () => {
  test('reports each problem once, listing every resource that has it, and fails on errors', async () => {
    // GIVEN two Services with the same bad class and one with a warning
    const file = path.join(dir, 'app.k8s.yaml');
    fs.writeFileSync(
      file,
      [
        manifest('a', { 'kubernetes.io/elb.id': ELB_ID, 'kubernetes.io/elb.class': 'fast' }),
        manifest('b', { 'kubernetes.io/elb.id': '3c4a8d3e-0c5f-4d8a-9d65-3b0f8a0f1c2d', 'kubernetes.io/elb.class': 'fast' }),
        manifest('c', { 'kubernetes.io/elb.id': '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d' }, { externalTrafficPolicy: 'Local' }),
      ].map((m) => `---\n${m}\n`).join(''),
    );
    const { ctx, violations, submitted } = context([file]);
    // WHEN the plugin validates
    await new CceElbValidation({}).validate(ctx);
    // THEN one violation per distinct problem, with the resources that have it
    expect(violations.map((v) => v.ruleName)).toEqual(['error [annotation-value]: kubernetes.io/elb.class', 'warning [local-in-cluster-access]: spec.externalTrafficPolicy']);
    expect(violations[0].recommendation).toBe('kubernetes.io/elb.class: "fast" is not allowed; allowed: "union", "performance" ("union" is a shared, "performance" a dedicated load balancer)');
    expect(violations[0].violatingResources).toEqual([
      { resourceName: 'a', locations: ['Service/-/a kubernetes.io/elb.class (line 2)'], manifestPath: file },
      { resourceName: 'b', locations: ['Service/-/b kubernetes.io/elb.class (line 4)'], manifestPath: file },
    ]);
    expect(submitted()).toEqual({ status: 'failure', metadata: { 'errors': '2', 'warnings': '1', 'acknowledged warnings': '0', 'LoadBalancer Services': '3', 'LoadBalancer Ingresses': '0' } });
  });

  test('LoadBalancer Ingresses (class cce) are checked and counted; Ingresses of other classes are not (their elb.* annotations get one no-effect warning)', async () => {
    // GIVEN a file with an Ingress of class cce whose redirect code is not one CCE takes, and the same Ingress of class nginx
    const ingress = (name: string, ingressClassName: string) =>
      JSON.stringify({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {
          name,
          annotations: {
            'kubernetes.io/elb.class': 'performance',
            'kubernetes.io/elb.id': ELB_ID,
            'kubernetes.io/elb.redirect-url': 'https://example.com/',
            'kubernetes.io/elb.redirect-url-code': '305',
          },
        },
        spec: { ingressClassName, rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
      });
    const file = path.join(dir, 'ingress.k8s.yaml');
    fs.writeFileSync(file, [ingress('shop', 'cce'), ingress('blog', 'nginx')].map((m) => `---\n${m}\n`).join(''));
    const { ctx, violations, submitted } = context([file]);
    // WHEN the plugin validates
    await new CceElbValidation({}).validate(ctx);
    // THEN the cce Ingress alone is checked and counted; the nginx one only hears that its elb.* keys do nothing
    expect(violations.map((v) => v.ruleName)).toEqual(['error [annotation-value]: kubernetes.io/elb.redirect-url-code', 'warning [no-effect]: kubernetes.io/elb.class']);
    expect(violations[0].violatingResources).toEqual([{ resourceName: 'shop', locations: ['Ingress/-/shop kubernetes.io/elb.redirect-url-code (line 2)'], manifestPath: file }]);
    expect(violations[1].violatingResources.map((r: { resourceName: string }) => r.resourceName)).toEqual(['blog']);
    expect(violations[1].recommendation).toContain('has no effect unless the Ingress is of class cce, and this one is of class "nginx"');
    expect(submitted()).toEqual({ status: 'failure', metadata: { 'errors': '1', 'warnings': '1', 'acknowledged warnings': '0', 'LoadBalancer Services': '0', 'LoadBalancer Ingresses': '1' } });
  });

  test('warnings pass unless strict', async () => {
    const file = path.join(dir, 'local.k8s.yaml');
    fs.writeFileSync(file, manifest('c', { 'kubernetes.io/elb.id': ELB_ID }, { externalTrafficPolicy: 'Local' }));
    const lenient = context([file]);
    await new CceElbValidation().validate(lenient.ctx);
    expect(lenient.submitted()?.status).toBe('success');
    const strict = context([file]);
    await new CceElbValidation({ strict: true }).validate(strict.ctx);
    expect(strict.submitted()?.status).toBe('failure');
    // acknowledged with a reason: left out of the report, counted in the summary
    const acknowledged = context([file]);
    await new CceElbValidation({ strict: true, acknowledgeWarnings: { 'local-in-cluster-access': 'reached from outside only' } }).validate(acknowledged.ctx);
    expect(acknowledged.violations).toEqual([]);
    expect(acknowledged.submitted()).toMatchObject({ status: 'success', metadata: { 'warnings': '0', 'acknowledged warnings': '1' } });
  });

  test('past the findings limit of a file, acknowledged warnings are still left out, and the counts stay true', async () => {
    // GIVEN one file with 1500 Services whose warning is acknowledged (more than the 1000 findings shown per file)
    const file = path.join(dir, 'many.k8s.yaml');
    fs.writeFileSync(file, Array.from({ length: 1500 }, (_, i) => manifest(`s${i}`, { 'kubernetes.io/elb.id': ELB_ID }, {
      externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 1000 + i }],
    })).join('\n')); // a stream of JSON objects, as kubectl reads one
    const acknowledged = context([file]);
    await new CceElbValidation({ strict: true, acknowledgeWarnings: { 'local-in-cluster-access': 'reached from outside only' } }).validate(acknowledged.ctx);
    expect(acknowledged.violations).toEqual([]);
    expect(acknowledged.submitted()).toEqual({ status: 'success', metadata: { 'errors': '0', 'warnings': '0', 'acknowledged warnings': '1500', 'LoadBalancer Services': '1500', 'LoadBalancer Ingresses': '0' } });
    // WHEN they are not acknowledged THEN all 1500 are counted, though only 1000 are listed
    const lenient = context([file]);
    await new CceElbValidation().validate(lenient.ctx);
    expect(lenient.submitted()).toEqual({ status: 'success', metadata: { 'errors': '0', 'warnings': '1500', 'acknowledged warnings': '0', 'LoadBalancer Services': '1500', 'LoadBalancer Ingresses': '0' } });
  }, 60_000);

  test('a manifest listed twice is read once, and one that cannot be read is reported, not a rejected validation', async () => {
    const file = path.join(dir, 'twice.k8s.yaml');
    fs.writeFileSync(file, manifest('t', { 'kubernetes.io/elb.id': ELB_ID, 'kubernetes.io/elb.class': 'union' }));
    const twice = context([file, file]);
    await new CceElbValidation({ clusterFlavor: undefined }).validate(twice.ctx);
    expect(twice.violations).toEqual([]);
    expect(twice.submitted()?.status).toBe('success');
    const missing = context([path.join(dir, 'no-such.k8s.yaml')]);
    await new CceElbValidation().validate(missing.ctx);
    expect(missing.violations.map((v) => v.ruleName)).toEqual(['warning [input]: document']);
  });

  test('the cluster properties reach the rules', async () => {
    const file = path.join(dir, 'turbo.k8s.yaml');
    fs.writeFileSync(file, manifest('t', { 'kubernetes.io/elb.id': ELB_ID }, { externalTrafficPolicy: 'Local' }));
    const { ctx, violations } = context([file]);
    await new CceElbValidation({ clusterFlavor: 'turbo' }).validate(ctx);
    expect(violations.map((v) => v.ruleName)).toEqual(['error [traffic-policy]: spec.externalTrafficPolicy']);
  });

  test.each([
    [{ proxyMode: 'nftables' }, 'CceElbValidation: proxyMode "nftables" is not allowed; allowed: iptables, ipvs'],
    [{ clusterFlavour: 'turbo' }, 'CceElbValidation: unknown property "clusterFlavour"; allowed: acknowledgeWarnings, strict, clusterVersion, clusterFlavor, proxyMode, networkModel'],
    [{ acknowledgeWarnings: { 'no-such': 'x' } }, 'CceElbValidation: acknowledgeWarnings: "no-such" is not a warning; allowed: no-effect,'],
    [{ acknowledgeWarnings: { 'no-effect': ' ' } }, 'CceElbValidation: acknowledgeWarnings: no-effect needs a reason; allowed: a non-empty string'],
    [{ strict: 'yes' }, 'CceElbValidation: strict "yes" is not allowed; allowed: true or false'],
    [{ clusterVersion: '1.x' }, 'CceElbValidation: clusterVersion "1.x" is not a CCE cluster version; allowed: "v<major>.<minor>[.<patch>][-r<revision>]", such as "v1.28.3-r0"'],
  ])('bad properties %j are refused by name', (properties, message) => {
    expect(() => new CceElbValidation(properties as any)).toThrow(message);
  });
});

describe('with a real `cdk8s synth`', () => {
  // cdk8s-cli loads the plugin from the compiled library (lib/), built before the tests.
  const cli = path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
  const lib = path.join(ROOT, 'lib');

  /**
   * Writes a cdk8s app (plain JS, using the compiled library) and runs `cdk8s synth` on it, with the
   * plugin named by a path to the compiled library, or by `package` from `pluginsDir`.
   */
  function synthApp(name: string, body: string, properties: Record<string, unknown> = {}, byName?: { pluginsDir: string; version: string }) {
    if (!fs.existsSync(path.join(lib, 'lint', 'cdk8s-plugin.js'))) {
      throw new Error('lib/ is not built: run `npx projen compile` first (`npx projen build` does)');
    }
    const app = path.join(dir, name);
    fs.mkdirSync(app, { recursive: true });
    fs.writeFileSync(
      path.join(app, 'main.js'),
      `const { App, Chart, ApiObject } = require(${JSON.stringify(require.resolve('cdk8s'))});
const elb = require(${JSON.stringify(lib)});
const app = new App();
const chart = new Chart(app, 'web');
${body}
app.synth();
`,
    );
    fs.writeFileSync(
      path.join(app, 'cdk8s.yaml'),
      `app: node main.js
output: dist
validations:
  - package: ${byName === undefined ? path.join(lib, 'lint', 'cdk8s-plugin.js') : 'cdk8s-cce-elb'}
    class: CceElbValidation
    version: ${byName?.version ?? '0.0.0'}
    properties: ${JSON.stringify(properties)}
`,
    );
    const plugins = byName === undefined ? [] : ['--plugins-dir', byName.pluginsDir];
    return spawnSync(process.execPath, [cli, 'synth', '--no-check-upgrade', ...plugins], { cwd: app, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  }

  test('a raw ApiObject with a bad annotation fails the synth, reported by construct path', () => {
    // GIVEN a Service written as a raw ApiObject, which the constructs never see
    const r = synthApp(
      'raw',
      `new ApiObject(chart, 'legacy', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'legacy', annotations: { 'kubernetes.io/elb.id': 'my-elb' } },
  spec: { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 80 }] } });`,
    );
    // THEN cdk8s reports the plugin's violation and exits 2
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('error [annotation-value]: kubernetes.io/elb.id');
    expect(r.stdout).toContain('Construct Path: web/legacy');
    expect(r.stdout).toMatch(/Status +│ failure/);
  }, 60_000);

  test('by package name (cdk8s.yaml `package: cdk8s-cce-elb`), installed from the packed tarball offline, the plugin loads and reports', () => {
    // GIVEN cdk8s-cli's plugins folder holding the packed library, as cdk8s-cli's own `npm install
    // cdk8s-cce-elb@<version> --prefix <plugins>/cdk8s-cce-elb/<version>` leaves it; offline, so the
    // peer dependencies (cdk8s, constructs) are linked from this repository instead of installed.
    const version = libraryVersion();
    const pluginsDir = path.join(dir, 'plugins');
    const prefix = path.join(pluginsDir, 'cdk8s-cce-elb', version);
    fs.mkdirSync(prefix, { recursive: true });
    npm(prefix, ['install', '--offline', '--legacy-peer-deps', '--ignore-scripts', '--prefix', prefix, packedLibrary()]);
    for (const peer of ['cdk8s', 'constructs']) {
      fs.symlinkSync(path.join(ROOT, 'node_modules', peer), path.join(prefix, 'node_modules', peer), 'dir');
    }
    // WHEN cdk8s synthesizes an app with a bad raw Service
    const r = synthApp(
      'by-name',
      `new ApiObject(chart, 'legacy', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'legacy', annotations: { 'kubernetes.io/elb.id': 'my-elb' } },
  spec: { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 80 }] } });`,
      { clusterVersion: 'v1.28.3-r0' },
      { pluginsDir, version },
    );
    // THEN the plugin came from the package's main module, not a path, and it failed the synth
    expect(r.stdout).not.toContain('Installing validation plugin');
    expect(r.stdout).toContain(`cdk8s-cce-elb@${version}`);
    expect(r.stdout).toContain('error [annotation-value]: kubernetes.io/elb.id');
    expect(r.status).toBe(2);
  }, 120_000);

  test('typed constructs that are valid pass', () => {
    const r = synthApp(
      'typed',
      `new elb.ElbService(chart, 'svc', { loadBalancer: elb.ExistingElb.fromId('${ELB_ID}'), selectorLabels: { app: 'web' }, ports: [{ port: 80 }] });`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Validations ended succesfully');
    expect(r.status).toBe(0);
  }, 60_000);
});
