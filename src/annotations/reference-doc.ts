import { CATALOG, CatalogEntry, FieldEntry, ResourceKind, facetOf, readsOn } from './catalog';
import { DOCUMENTED_UNTYPED_KEYS, UNCONFIRMED_FEATURES } from './known-keys';

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

/** The catalog entries CCE reads on one kind, as a table, with that kind's facet. */
function table(kind: ResourceKind): string[] {
  const lines = [
    '| Annotation | What it does | Typed prop | Format | Allowed | Default | Class | Listeners | Minimum cluster version |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const found of CATALOG.values()) {
    if (!readsOn(found, kind)) continue;
    const entry = facetOf(found, kind);
    const listeners = entry.listeners ? entry.listeners.join(', ') : 'all';
    const prop = entry.writtenByCce ? `written by CCE${entry.writtenByCce.settable ? '' : ' (never set it)'}` : `\`${cell(entry.prop)}\``;
    const note = entry.autocreateOnly ? ' (auto-created load balancers only)' : '';
    const key = entry.perService ? `${entry.key}<service>` : entry.key;
    lines.push(
      `| \`${cell(key)}\` | ${cell(entry.summary)} | ${prop} | ${cell(entry.codec.format)} | ${cell(entry.range)}${note} | ${cell(entry.default)} | ${classes(entry.elbClasses)} | ${listeners} | ${version(entry)} |`,
    );
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
    'Every `kubernetes.io/*` annotation of Services and LoadBalancer Ingresses that cdk8s-cce-elb knows:',
    'the typed prop that sets it (an `ElbService` or `ElbIngress` prop unless another construct is named), how the value is written, what CCE',
    'allows, what CCE does when it is absent, the load balancer classes and listener protocols it',
    'applies to, and the oldest CCE clusters that read it. A version list such as',
    '"v1.23.13-r0, v1.25.8-r0" gives the first release of each version line; newer lines have the',
    'feature too. Version gates are checked only when a `ClusterProfile` gives the cluster version.',
    '',
    'Raw `metadata.annotations` with these keys are decoded and checked like the typed props.',
    'Annotations written by CCE itself are listed so that the linter recognises them; never set them.',
    '',
    '## Services',
    '',
    ...table('Service'),
  ];
  for (const entry of CATALOG.values()) {
    if (entry.fields) lines.push(...fieldTable(entry, entry.fields));
  }
  lines.push(
    '',
    '## LoadBalancer Ingresses',
    '',
    'The keys CCE reads on an Ingress of class `cce` (OTC cce_10_0695; redirect and rewrite from',
    "Huawei's pages cce_10_0690 and cce_10_0770), with the typed prop of `ElbIngress`. Keys shared with",
    'Services are the same catalog entry, with what differs on an Ingress (prop, listeners, versions).',
    'The `kubernetes.io/elb.autocreate` fields are those of the Service table above. See',
    '[ingress.md](ingress.md).',
    '',
    ...table('Ingress'),
    '',
    'Per path, the field `property.ingress.beta.kubernetes.io/url-match-mode` (not an annotation)',
    'takes `EQUAL_TO`, `STARTS_WITH` (the default) or `REGEX`, with `pathType: ImplementationSpecific`',
    '(`PathMatch.exact()`, `PathMatch.startsWith()`, `PathMatch.regex()`).',
    '',
    'Known but not typed, so not checked (the pages show them only in part, or only in a migration',
    `table): ${[...DOCUMENTED_UNTYPED_KEYS].map((k) => `\`${k}\``).join(', ')}.`,
  );
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
