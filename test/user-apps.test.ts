import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { ELB_ID } from './support/check';
import { npm, packedLibrary } from './support/packed';

/*
 * The library as a new user meets it (issue 15): an app laid out as `cdk8s init typescript-app`
 * makes one today (its strict tsconfig.json and its TypeScript, taken from cdk8s-cli's own
 * template), with the newest cdk8s-plus the template names and with cdk8s-plus-28, the oldest CCE's
 * pages still cover. The packed library is installed from its tarball and the app selects a
 * cdk8s-plus Deployment; the app must compile, synthesize the Service that selects the Deployment's
 * pods, and hold one cdk8s-plus only (the library brings none). Installs from the npm registry.
 */

const TEMPLATE = path.join(__dirname, '..', 'node_modules', 'cdk8s-cli', 'templates', 'typescript-app');
const template = JSON.parse(fs.readFileSync(path.join(TEMPLATE, 'package.json'), 'utf8'));
/** The cdk8s-plus package `cdk8s init typescript-app` puts in an app today, such as cdk8s-plus-33. */
const NEWEST_PLUS = Object.keys(template.dependencies).find((name) => /^cdk8s-plus-\d+$/.test(name))!;

const MAIN = (plus: string) => `import { App, Chart } from 'cdk8s';
import * as kplus from '${plus}';
import { ElbService, ExistingElb } from 'cdk8s-cce-elb';

const app = new App();
const chart = new Chart(app, 'shop');
const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx', portNumber: 8080 }] });
new ElbService(chart, 'web-elb', {
  metadata: { name: 'web' },
  loadBalancer: ExistingElb.fromId('${ELB_ID}'),
  ports: [{ port: 80, targetPort: 8080 }],
  selector: web,
});
app.synth();
`;

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-elb-user-app-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Lays out, installs, compiles and synthesizes a user app; returns its objects and installed cdk8s-plus packages. */
function buildApp(name: string, dependencies: string[]) {
  const app = path.join(root, name);
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, main: 'main.js' }, undefined, 2));
  fs.copyFileSync(path.join(TEMPLATE, 'tsconfig.json'), path.join(app, 'tsconfig.json'));
  const plus = dependencies.map((d) => d.replace(/@[^@]*$/, '')).find((d) => d.startsWith('cdk8s-plus-'))!;
  fs.writeFileSync(path.join(app, 'main.ts'), MAIN(plus));
  npm(app, ['install', packedLibrary(), ...dependencies, `typescript@${template.devDependencies.typescript}`]);
  const tsc = spawnSync(process.execPath, [path.join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`the app does not compile:\n${tsc.stdout}${tsc.stderr}`);
  const run = spawnSync(process.execPath, ['main.js'], { cwd: app, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the app does not synthesize:\n${run.stdout}${run.stderr}`);
  const objects = parseAllDocuments(fs.readFileSync(path.join(app, 'dist', 'shop.k8s.yaml'), 'utf8')).map((d) => d.toJS());
  const installed = fs.readdirSync(path.join(app, 'node_modules')).filter((n) => n.startsWith('cdk8s-plus-'));
  const nested = fs.existsSync(path.join(app, 'node_modules', 'cdk8s-cce-elb', 'node_modules'))
    ? fs.readdirSync(path.join(app, 'node_modules', 'cdk8s-cce-elb', 'node_modules')).filter((n) => !n.startsWith('.')) : [];
  return { objects, installed, nested, output: run.stdout + run.stderr };
}

/** What every user app must show. */
function expectWorkingApp(built: ReturnType<typeof buildApp>, plus: string) {
  const deployment = built.objects.find((o) => o.kind === 'Deployment');
  const service = built.objects.find((o) => o.kind === 'Service');
  // The Service selects the Deployment's pods, with the load balancer's annotation.
  expect(Object.keys(service.spec.selector).length).toBeGreaterThan(0);
  expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
  expect(service.metadata.annotations['kubernetes.io/elb.id']).toBe(ELB_ID);
  // The app's own cdk8s-plus only, and the library's tarball brings nothing but its bundled YAML reader.
  expect(built.installed).toEqual([plus]);
  expect(built.nested).toEqual(['yaml']);
  // No warning: targetPort 8080 is the container's port.
  expect(built.output).toBe('');
}

test(`an app as \`cdk8s init typescript-app\` makes it today (${NEWEST_PLUS}, strict tsconfig) compiles and synthesizes with a Deployment selector`, () => {
  const built = buildApp('newest', [`${NEWEST_PLUS}@^2`, 'cdk8s@^2', 'constructs@^10']);
  expectWorkingApp(built, NEWEST_PLUS);
}, 600_000);

test('the same app on cdk8s-plus-28 compiles and synthesizes with a Deployment selector', () => {
  const built = buildApp('plus-28', ['cdk8s-plus-28@^2.5.6', 'cdk8s@^2.68.11', 'constructs@^10']);
  expectWorkingApp(built, 'cdk8s-plus-28');
}, 600_000);
