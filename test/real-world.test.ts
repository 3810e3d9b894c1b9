import * as fs from 'fs';
import * as path from 'path';
import { Duration } from 'cdk8s';
import { AccessControl, ElbAnnotations, ElbService, ExistingElb, HealthCheck, LbAlgorithm, SessionAffinity } from '../src';
import { newChart, synthService } from './support/synth';
import { keyOf, lintText } from '../src/lint/linter';
import { readManifestText } from '../src/lint/manifest-reader';

/*
 * Real-style manifests people publish for CCE and OTC (test/real-world/SOURCES.md): doc examples
 * as printed, Helm, Terraform and operator output, Services read back from live clusters. Each
 * file names its source and the verdict real CCE gives in its header; the linter's findings are
 * asserted exactly (`# expect:` / `# expect-warning:` lines) and must agree with that verdict.
 */

const DIR = path.join(__dirname, 'real-world');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

interface Header {
  readonly source: string;
  readonly style: string;
  readonly verdict: 'accepted' | 'rejected' | 'accepted-with-effect-missing';
  readonly expected: string[];
}

function headerOf(text: string): Header {
  const field = (name: string) => new RegExp(`^# ${name}: (.+)$`, 'm').exec(text)?.[1];
  const expected = text.split('\n').filter((l) => /^# expect(-warning)?: /.test(l)).map((l) => l.replace(/^# expect(-warning)?: /, (_m, w) => (w ? 'warning ' : 'error ')));
  return { source: field('source') ?? '', style: field('style') ?? '', verdict: field('verdict') as Header['verdict'], expected };
}

test('the corpus holds at least 25 manifests in the styles people publish', () => {
  expect(files.length).toBeGreaterThanOrEqual(25);
  const styles = new Set(files.map((f) => headerOf(fs.readFileSync(path.join(DIR, f), 'utf8')).style));
  for (const style of ['doc-example', 'operator', 'terraform', 'live-readback']) expect(styles).toContain(style);
});

describe.each(files)('%s', (file) => {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  const header = headerOf(text);
  const report = lintText(text, file);
  const findings = report.findings.map((f) => `${f.severity} ${keyOf(f)}: ${f.message}`);

  test('names its source and the verdict CCE gives', () => {
    expect(header.source).not.toBe('');
    expect(['accepted', 'rejected', 'accepted-with-effect-missing']).toContain(header.verdict);
  });

  test('lints with exactly the findings in its header', () => {
    expect(findings).toEqual(header.expected);
  });

  test('the findings agree with the verdict', () => {
    if (header.verdict === 'accepted') {
      // CCE takes it and it works: no error (warnings may advise).
      expect(report.errors).toBe(0);
    } else if (header.verdict === 'rejected') {
      expect(report.errors).toBeGreaterThan(0);
    } else {
      // Accepted, but what it meant to set does not happen: the linter says so.
      expect(report.findings.length).toBeGreaterThan(0);
    }
  });
});

/** The annotations of the first LoadBalancer Service in a corpus file, as written there. */
function annotationsIn(file: string): Record<string, string> {
  let found: Record<string, string> | undefined;
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  // The linter's reader, so that multi-line annotations read as kubectl reads them.
  readManifestText(text, file, {
    object: (o) => {
      const spec = (o.value.spec ?? {}) as Record<string, unknown>;
      if (!found && o.value.kind === 'Service' && spec.type === 'LoadBalancer') found = ((o.value.metadata as any).annotations ?? {}) as Record<string, string>;
    },
    problem: () => undefined,
  });
  if (!found) throw new Error(`${file} has no LoadBalancer Service`);
  return found;
}

/** What a Service synthesized by the constructs writes, for the keys the corpus file writes. */
function rebuilt(build: (chart: ReturnType<typeof newChart>) => void): Record<string, string> {
  const chart = newChart();
  build(chart);
  return synthService(chart).metadata.annotations;
}

/** JSON annotations compare as JSON (the docs write them across lines and with spaces). */
function canonical(annotations: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(annotations)) {
    try {
      out[key] = value.trim().startsWith('{') || value.trim().startsWith('[') ? JSON.parse(value) : value;
    } catch {
      out[key] = value;
    }
  }
  return out;
}

describe('the typed API expresses the configurations that work on CCE', () => {
  test('otc-docs-existing-elb-sticky-healthcheck.yaml: existing shared ELB, sticky sessions, TCP health check', () => {
    const written = annotationsIn('otc-docs-existing-elb-sticky-healthcheck.yaml');
    const option = (key: string) => JSON.parse(written[key]);
    const check = option(ElbAnnotations.HEALTH_CHECK_OPTION);
    const ours = rebuilt((chart) => new ElbService(chart, 'svc', {
      loadBalancer: ExistingElb.shared(written[ElbAnnotations.ID]),
      ports: [{ port: 80 }],
      selectorLabels: { app: 'nginx' },
      lbAlgorithm: LbAlgorithm.ROUND_ROBIN,
      sessionAffinity: SessionAffinity.sourceIp(Duration.minutes(Number(option(ElbAnnotations.SESSION_AFFINITY_OPTION).persistence_timeout))),
      healthCheck: HealthCheck.tcp({
        delay: Duration.seconds(Number(check.delay)),
        timeout: Duration.seconds(Number(check.timeout)),
        maxRetries: Number(check.max_retries),
      }),
    }));
    expect(canonical(ours)).toEqual(canonical(written));
  });

  test('otc-docs-acl-trustlist-dedicated.yaml: existing dedicated ELB with a trustlist', () => {
    const written = annotationsIn('otc-docs-acl-trustlist-dedicated.yaml');
    const ours = rebuilt((chart) => new ElbService(chart, 'svc', {
      loadBalancer: ExistingElb.dedicated(written[ElbAnnotations.ID]),
      ports: [{ port: 80 }],
      selectorLabels: { app: 'nginx' },
      accessControl: AccessControl.trustlist(written[ElbAnnotations.ACL_ID].split(',')),
    }));
    expect(canonical(ours)).toEqual(canonical(written));
  });

  test('seed-huawei-lb-existing-elb-id-only.yaml: an existing ELB by ID alone (no class: CCE\'s default applies)', () => {
    const written = annotationsIn('seed-huawei-lb-existing-elb-id-only.yaml');
    const ours = rebuilt((chart) => new ElbService(chart, 'svc', {
      loadBalancer: ExistingElb.fromId(written[ElbAnnotations.ID]),
      ports: [{ port: 80 }],
      selectorLabels: { app: 'nginx' },
    }));
    expect(canonical(ours)).toEqual(canonical(written));
  });
});
