import { CATALOG, CatalogEntry, FieldEntry } from './catalog';
import { UNCONFIRMED_FEATURES } from './known-keys';

const CLASS_LABEL: Record<string, string> = { union: 'shared', performance: 'dedicated' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function classes(list: readonly string[] | undefined): string {
  return list ? list.map((c) => CLASS_LABEL[c]).join(', ') : 'both';
}

function version(entry: CatalogEntry): string {
  if (entry.minVersionByClass) {
    return `shared: ${entry.minVersionByClass.union}; dedicated: ${entry.minVersionByClass.performance}`;
  }
  return entry.minVersion ? String(entry.minVersion) : '—';
}

function fieldTable(entry: CatalogEntry, fields: Readonly<Record<string, FieldEntry>>): string[] {
  const lines = [
    '',
    `### \`${entry.key}\` fields`,
    '',
    '| Field | Typed prop | Format | Allowed | Default | Class | Minimum cluster version |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [name, f] of Object.entries(fields)) {
    lines.push(`| \`${name}\` | \`${cell(f.prop)}\` | ${cell(f.format)} | ${cell(f.range)} | ${cell(f.default)} | ${classes(f.elbClasses)} | ${f.minVersion ? String(f.minVersion) : '—'} |`);
  }
  return lines;
}

/**
 * `docs/annotations.md`: the catalog as a reference table. Generated (`npx projen docs:annotations`);
 * a test fails when the checked-in file differs.
 */
export function renderAnnotationReference(): string {
  const lines = [
    '# Annotation reference',
    '',
    '<!-- Generated from src/annotations/catalog.ts by `npx projen docs:annotations`. Do not edit. -->',
    '',
    'Every `kubernetes.io/*` Service annotation that cdk8s-cce-elb knows: the typed prop that sets it',
    '(an `ElbService` prop unless another construct is named), how the value is written, what CCE',
    'allows, what CCE does when it is absent, the load balancer classes and listener protocols it',
    'applies to, and the oldest CCE clusters that read it. A version list such as',
    '"v1.23.13-r0, v1.25.8-r0" gives the first release of each version line; newer lines have the',
    'feature too. Version gates are checked only when a `ClusterProfile` gives the cluster version.',
    '',
    'Raw `metadata.annotations` with these keys are decoded and checked like the typed props.',
    'Annotations written by CCE itself are listed so that the linter recognises them; never set them.',
    '',
    '| Annotation | What it does | Typed prop | Format | Allowed | Default | Class | Listeners | Minimum cluster version |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const entry of CATALOG.values()) {
    const listeners = entry.listeners ? entry.listeners.join(', ') : 'all';
    const prop = entry.writtenByCce ? `written by CCE${entry.writtenByCce.settable ? '' : ' (never set it)'}` : `\`${cell(entry.prop)}\``;
    const note = entry.autocreateOnly ? ' (auto-created load balancers only)' : '';
    lines.push(
      `| \`${entry.key}\` | ${cell(entry.summary)} | ${prop} | ${cell(entry.codec.format)} | ${cell(entry.range)}${note} | ${cell(entry.default)} | ${classes(entry.elbClasses)} | ${listeners} | ${version(entry)} |`,
    );
  }
  for (const entry of CATALOG.values()) {
    if (entry.fields) lines.push(...fieldTable(entry, entry.fields));
  }
  lines.push(
    '',
    '## Not supported yet',
    '',
    'CCE documents these Service features, but no page this library could read shows the annotation',
    'that sets them, so they have no typed prop and the library does not guess a key. If you know the',
    'key from your cluster, set it through `metadata.annotations`; it is then reported as an unknown',
    'key (`ElbWarning.UNKNOWN_ANNOTATION`), which you can acknowledge.',
    '',
    '| Feature | Clusters | Why not yet |',
    '|---|---|---|',
  );
  for (const f of UNCONFIRMED_FEATURES) lines.push(`| ${cell(f.feature)} | ${cell(f.clusters)} | ${cell(f.reason)} |`);
  return lines.join('\n') + '\n';
}
