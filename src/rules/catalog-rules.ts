import { ElbObjectView, thisObject } from './elb-view';
import { ErrorsAsWarnings, Findings } from './finding';
import { ElbWarning } from './warnings';
import { CATALOG, CatalogEntry, ElbClassName, catalogEntry, facetOf, subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { show } from '../annotations/values';
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
export function checkCatalogEntries(view: ElbObjectView, findings: Findings): void {
  // The annotations present, in catalog order (so findings come in a stable order whatever the
  // order in the manifest; per-Service keys by name): an object has a handful, the catalog many entries.
  const entries = new Map<string, CatalogEntry>();
  for (const key of view.values.keys()) entries.set(key, facetOf(catalogEntry(key)!, view.kind));
  const rank = (key: string) => CATALOG_ORDER.get(entries.get(key)!.key)!;
  const keys = [...entries.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const entry = entries.get(key)!;
    const value = view.values.get(key);
    const subject = subjectOf(key, undefined, view.kind);
    if (entry.writtenByCce) {
      // Expected on an object read back from a cluster; in a manifest for kubectl apply, a copy.
      if (!view.readBack) warnWrittenByCce(subject, findings, undefined, view.kind);
      continue;
    }
    findings.rule = 'annotation-value';
    const problem = entry.check?.(value);
    if (problem) findings.add(subject, problem);
    // "false" turns a feature off: where the feature does not exist (another class, an older
    // cluster), that is what happens anyway, so it is no error (unless CCE's webhook refuses the key).
    const asOff = value === false && !entry.classRequired ? new ErrorsAsWarnings(findings, ElbWarning.NO_EFFECT, 'is "false", which has no effect here: ') : findings;
    findings.rule = 'annotation-class';
    checkClass(view, entry, subject, asOff);
    findings.rule = 'annotation-listener';
    checkListeners(view, entry, subject, findings);
    if (entry.autocreateOnly && view.annotations[K.AUTOCREATE] === undefined) {
      findings.warn(ElbWarning.NO_EFFECT, subject, `has no effect because CCE reads it only when it creates the load balancer (${K.AUTOCREATE}); allowed: use AutoCreatedElb, or leave it out`);
    }
    findings.rule = 'annotation-version';
    checkVersion(view, gateOf(view, entry), subject, asOff);
    // Field gates fire only with a cluster version (see checkVersion): skip the walk without one.
    if (entry.fields && view.cluster.version !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [field, fieldEntry] of Object.entries(entry.fields)) {
        if ((value as Record<string, unknown>)[field] === undefined) continue;
        checkVersion(view, fieldEntry.minVersion, subjectOf(key, field, view.kind), findings);
      }
    }
  }
}

function gateOf(view: ElbObjectView, entry: CatalogEntry): VersionGate | undefined {
  if (entry.minVersionByClass) {
    return view.elbClass === 'performance' ? entry.minVersionByClass.performance : entry.minVersionByClass.union;
  }
  return entry.minVersion;
}

/** A manifest for `kubectl apply` that carries an annotation CCE writes itself. */
export function warnWrittenByCce(subject: string, findings: Findings, value?: string, kind = 'Service'): void {
  findings.warn(
    ElbWarning.WRITTEN_BY_CCE,
    subject,
    `${value !== undefined ? `${value} ` : ''}is written by CCE itself onto the ${kind} (this object has no uid, resourceVersion or status, so it is not read back from a cluster); allowed: leave it out of the manifest (and ignore it in GitOps diffs, see docs/gitops.md)`,
  );
}

/**
 * A class-restricted annotation. Without `elb.class`, CCE's documented default `union` applies:
 * a union-only setting is fine, and a dedicated-only one is a warning, since some ELB v3 regions
 * default to `performance` (the configuration reference).
 */
function checkClass(view: ElbObjectView, entry: CatalogEntry, subject: string, findings: Findings): void {
  const classes = entry.elbClasses;
  if (!classes || (view.elbClass !== undefined && classes.includes(view.elbClass as ElbClassName))) return;
  const needed = classes.map((c) => CLASS_NAMES[c]).join(' or ');
  const hint = classes.map((c) => CLASS_HINTS[c]).join(' or ');
  if (view.elbClass === undefined && entry.classRequired) {
    findings.add(subject, `applies only to ${needed}, and ${K.CLASS} is not set (CCE's webhook refuses the annotation unless the class is stated); allowed: state the class with ${hint}`);
  } else if (view.elbClass === undefined) {
    if (!classes.includes(DEFAULT_CLASS)) warnClassNotStated(subject, `applies only to ${needed}`, findings, hint);
  } else {
    findings.add(subject, `applies only to ${needed}, not to elb.class ${show(view.elbClass)}; allowed: ${hint}, or leave it out`);
  }
}

/** CCE's documented default class (cce_10_0385, OTC): a shared load balancer. */
export const DEFAULT_CLASS: ElbClassName = 'union';

/**
 * A setting that needs a dedicated load balancer on a Service that does not state its class: a
 * warning, since the documented default (union) does not take it but some regions default to
 * performance.
 */
export function warnClassNotStated(subject: string, what: string, findings: Findings, hint: string = CLASS_HINTS.performance): void {
  findings.warn(
    ElbWarning.CLASS_NOT_STATED,
    subject,
    `${what}, and ${K.CLASS} is not set: CCE's documented default is "union" (shared), where this does not apply, though regions with ELB v3 default to "performance"; allowed: state the class with ${hint}`,
  );
}

function checkListeners(view: ElbObjectView, entry: CatalogEntry, subject: string, findings: Findings): void {
  const kinds = entry.listeners;
  if (!kinds || !view.listenersKnown || kinds.some((k) => view.listenerKinds.has(k))) return;
  const has = [...view.listenerKinds].join('/') || 'no';
  findings.warn(
    ElbWarning.NO_EFFECT,
    subject,
    `has no effect because it applies only to ${kinds.join('/')} listeners and ${thisObject(view)} has ${has} listeners; allowed: add such a listener, or leave it out`,
  );
}

/** A version gate fires only when the cluster profile gives a version. */
export function checkVersion(
  view: Pick<ElbObjectView, 'cluster'>, gate: VersionGate | undefined, subject: string, findings: Findings, what = 'needs', allowed = 'upgrade the cluster, or leave it out',
): void {
  const version = view.cluster.version;
  if (gate === undefined || version === undefined || gate.allows(version)) return;
  const unlisted = gate.unlistedLine(version) ? ` (CCE lists the first release of each version line that has it; v${version.major}.${version.minor} is not among them)` : '';
  findings.add(subject, `${what} a cluster of ${gate} or later, but the cluster profile says ${version}${unlisted}; allowed: ${allowed}`);
}
