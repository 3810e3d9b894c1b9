import { Findings } from './finding';
import { ServiceView } from './service-view';
import { ElbWarning } from './warnings';
import { CATALOG, CatalogEntry, ElbClassName, subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { VersionGate } from '../cluster/version-gate';

/** The position of each key in the catalog. */
const CATALOG_ORDER = new Map([...CATALOG.keys()].map((key, i) => [key, i]));

const CLASS_NAMES: Record<ElbClassName, string> = { union: 'a shared load balancer (elb.class "union")', performance: 'a dedicated load balancer (elb.class "performance")' };
const CLASS_HINTS: Record<ElbClassName, string> = { union: 'ExistingElb.shared() or AutoCreatedElb.shared()', performance: 'ExistingElb.dedicated() or AutoCreatedElb.dedicated()' };

/**
 * What every catalog entry declares, applied to every catalog annotation present: its value rule,
 * the classes and listener protocols it applies to, whether it needs an auto-created load
 * balancer, whether CCE writes it itself, and its minimum cluster version. A new annotation needs
 * no new rule for any of these.
 */
export function checkCatalogEntries(view: ServiceView, findings: Findings): void {
  // The annotations present, in catalog order (so findings come in a stable order whatever the
  // order in the manifest): a Service has a handful, the catalog many entries.
  const keys = [...view.values.keys()].sort((a, b) => CATALOG_ORDER.get(a)! - CATALOG_ORDER.get(b)!);
  for (const key of keys) {
    const entry = CATALOG.get(key)!;
    const value = view.values.get(key);
    const subject = subjectOf(key);
    if (entry.writtenByCce && !entry.writtenByCce.settable) {
      findings.add(subject, 'is written by CCE itself; allowed: leave it out of the manifest (and ignore it in GitOps diffs, see docs/gitops.md)');
      continue;
    }
    const problem = entry.check?.(value);
    if (problem) findings.add(subject, problem);
    checkClass(view, entry, subject, findings);
    checkListeners(view, entry, subject, findings);
    if (entry.autocreateOnly && view.annotations[K.AUTOCREATE] === undefined) {
      findings.warn(ElbWarning.NO_EFFECT, subject, `has no effect because CCE reads it only when it creates the load balancer (${K.AUTOCREATE}); allowed: use AutoCreatedElb, or leave it out`);
    }
    checkVersion(view, gateOf(view, entry), subject, findings);
    // Field gates fire only with a cluster version (see checkVersion): skip the walk without one.
    if (entry.fields && view.cluster.version !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [field, fieldEntry] of Object.entries(entry.fields)) {
        if ((value as Record<string, unknown>)[field] !== undefined) checkVersion(view, fieldEntry.minVersion, subjectOf(key, field), findings);
      }
    }
  }
}

function gateOf(view: ServiceView, entry: CatalogEntry): VersionGate | undefined {
  if (entry.minVersionByClass) {
    return view.elbClass === 'performance' ? entry.minVersionByClass.performance : entry.minVersionByClass.union;
  }
  return entry.minVersion;
}

/**
 * A class-restricted annotation needs the class stated: CCE's default class differs by region
 * (union per the annotation pages, performance in ELB v3 regions per the configuration reference).
 */
function checkClass(view: ServiceView, entry: CatalogEntry, subject: string, findings: Findings): void {
  const classes = entry.elbClasses;
  if (!classes || (view.elbClass !== undefined && classes.includes(view.elbClass as ElbClassName))) return;
  const needed = classes.map((c) => CLASS_NAMES[c]).join(' or ');
  const hint = classes.map((c) => CLASS_HINTS[c]).join(' or ');
  if (view.elbClass === undefined) {
    findings.add(subject, `applies only to ${needed}, and ${K.CLASS} is not set (CCE's default class differs by region); allowed: state the class with ${hint}`);
  } else {
    findings.add(subject, `applies only to ${needed}, not to elb.class ${JSON.stringify(view.elbClass)}; allowed: ${hint}, or leave it out`);
  }
}

function checkListeners(view: ServiceView, entry: CatalogEntry, subject: string, findings: Findings): void {
  const kinds = entry.listeners;
  if (!kinds || view.ports.length === 0 || kinds.some((k) => view.listenerKinds.has(k))) return;
  const has = [...view.listenerKinds].join('/') || 'no';
  findings.warn(
    ElbWarning.NO_EFFECT,
    subject,
    `has no effect because it applies only to ${kinds.join('/')} listeners and this Service has ${has} listeners; allowed: add such a listener, or leave it out`,
  );
}

/** A version gate fires only when the cluster profile gives a version. */
export function checkVersion(view: ServiceView, gate: VersionGate | undefined, subject: string, findings: Findings, what = 'needs'): void {
  const version = view.cluster.version;
  if (gate === undefined || version === undefined || gate.allows(version)) return;
  const unlisted = gate.unlistedLine(version) ? ` (CCE lists the first release of each version line that has it; v${version.major}.${version.minor} is not among them)` : '';
  findings.add(subject, `${what} a cluster of ${gate} or later, but the cluster profile says ${version}${unlisted}; allowed: upgrade the cluster, or leave it out`);
}
