import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { EXAMPLES } from '../examples/charts';
import { validateAgainstSchema } from './support/schema';
import { missingFields } from './support/subset';
import { capturingWarnings, synth } from './support/synth';

const FIXTURES = path.join(__dirname, 'fixtures', 'cce-docs');

function documented(name: string): any[] {
  const text = fs.readFileSync(path.join(FIXTURES, `${name}.yaml`), 'utf8');
  return parseAllDocuments(text).map((d) => d.toJS());
}

/** Annotations whose value is JSON, parsed, so that whitespace in the docs does not matter. */
function withParsedJson(service: any): any {
  const annotations: Record<string, unknown> = {};
  for (const [k, v] of Object.entries<string>(service.metadata.annotations ?? {})) {
    annotations[k] = /^\s*[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return { ...service, metadata: { ...service.metadata, annotations } };
}

const names = Object.keys(EXAMPLES);

test('every documented example has a chart and every chart a documented example', () => {
  const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  expect(names.sort()).toEqual(fixtures.sort());
  expect(names).toHaveLength(7);
});

describe.each(names)('example %s', (name) => {
  const app = new App();
  const chart = new EXAMPLES[name](app, name);
  const objects = synth(chart);
  const docs = documented(name);

  test('synthesizes the documented objects and nothing else', () => {
    const kinds = (list: any[]) => list.map((o) => `${o.kind}/${o.metadata.name}`).sort();
    expect(kinds(objects)).toEqual(kinds(docs));
  });

  test('the Service equals the documented Service (JSON annotations equal as JSON)', () => {
    const doc = docs.find((o) => o.kind === 'Service');
    const svc = objects.find((o) => o.kind === 'Service');
    expect(withParsedJson(svc)).toEqual(withParsedJson(doc));
  });

  test('JSON annotations are compact and keep the documented key order', () => {
    const doc = docs.find((o) => o.kind === 'Service');
    const svc = objects.find((o) => o.kind === 'Service');
    for (const [key, value] of Object.entries<string>(doc.metadata.annotations)) {
      if (/^\s*[[{]/.test(value)) {
        expect(svc.metadata.annotations[key]).toBe(JSON.stringify(JSON.parse(value)));
      }
    }
  });

  test('the Deployment contains every documented field', () => {
    const doc = docs.find((o) => o.kind === 'Deployment');
    const deployment = objects.find((o) => o.kind === 'Deployment');
    if (!doc) {
      expect(deployment).toBeUndefined();
      return;
    }
    expect(missingFields(doc, deployment)).toEqual([]);
  });

  test('the nginx container may run as root and write its cache', () => {
    for (const deployment of objects.filter((o) => o.kind === 'Deployment')) {
      const pod = deployment.spec.template.spec;
      expect(pod.securityContext?.runAsNonRoot).not.toBe(true);
      for (const container of pod.containers) {
        expect(container.securityContext?.runAsNonRoot).not.toBe(true);
        expect(container.securityContext?.readOnlyRootFilesystem).not.toBe(true);
        expect(container.securityContext?.runAsUser).toBeUndefined();
      }
    }
  });

  test('every object is valid against the Kubernetes schema', () => {
    for (const obj of objects) {
      expect(() => validateAgainstSchema(obj)).not.toThrow();
    }
  });

  test('prints no warning: each one that applies is acknowledged with a reason', () => {
    expect(capturingWarnings(() => app.synthYaml()).printed).toEqual([]);
  });

  test('synthesizes the YAML of the snapshot (what `npm run synth:examples` writes)', () => {
    expect(app.synthYaml()).toMatchSnapshot();
  });
});
