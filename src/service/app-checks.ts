import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { annotationMapOf } from './annotation-map';
import { ElbValidation } from './validation';
import { ClusterProfile } from '../cluster/cluster-profile';
import { Finding, formatFinding, formatWarning } from '../rules/finding';
import { BackendService, IngressBackendChecks } from '../rules/ingress-backend-rules';
import { IngressView, decodeIngress, isCceIngress } from '../rules/ingress-view';
import { decodeService } from '../rules/service-view';
import { SHARED_ELB_ANNOTATIONS, SharedElbChecks, SharedElbView, existingElbOf } from '../rules/shared-elb-rules';

/** What the App-wide checks need from an `ElbService` (the Service itself; registered when it is created). */
export interface AppCheckedService extends ApiObject {
  /**
   * The parts of the Service, decoded as it will be emitted, that the checks read (the Service
   * keeps them with its evaluation while it does not change); undefined when it names no existing load balancer.
   */
  _checkedView(): SharedElbView | undefined;
  /** What an Ingress backend check reads of the Service: its name, namespace, type and ports. */
  _backendService(): BackendService;
}

/** What the App-wide checks need from an `ElbIngress` (registered when it is created). */
export interface AppCheckedIngress extends ApiObject {
  /** The Ingress, decoded as it will be emitted (rendered and decoded at each call). */
  _checkedIngressView(): IngressView;
}

/** The App-wide checks of each construct tree, by root. */
const BY_ROOT = new WeakMap<IConstruct, AppChecks>();

/**
 * The checks across all Services of an App (`SharedElbChecks`: listeners, class and pass-through
 * on one existing load balancer, an Ingress on the load balancer of a Service), run when the App
 * is validated at synth.
 *
 * The first `ElbService` of a construct tree adds one validation to the tree's root (the `App`).
 * cdk8s validates the whole App, root first, whenever it synthesizes (`app.synth()`,
 * `app.synthYaml()`, and also `chart.toJson()`/`Testing.synth(chart)` in cdk8s 2.x, which validate
 * the whole App the chart is in). That validation indexes every Service of the App that names an
 * existing load balancer (`kubernetes.io/elb.id` or `kubernetes.io/elb.ip`): each `ElbService`,
 * and raw `ApiObject`s of kind `Service` (type LoadBalancer) such as cdk8s-plus Services, and
 * `Ingress` objects for the Ingress warning. An `ElbService` gives its evaluation by the rules,
 * which it keeps for its own validation while it does not change (so nothing is decoded twice); a
 * raw object is rendered and decoded only in the few annotations the checks read, and only when it
 * may name an existing load balancer. The findings are kept until the next App validation: each
 * `ElbService` reports its own with its other problems (so `acknowledgeWarning` and strict validation apply),
 * and a raw object that has findings gets a validation that reports them at its own path. A
 * construct validated on its own before any App validation gets its findings computed then.
 */
export class AppChecks {
  /** The checks of the tree `construct` is in (created, with the root validation, on first use). */
  public static of(construct: IConstruct): AppChecks {
    let root = construct;
    while (root.node.scope !== undefined) root = root.node.scope; // node.root allocates the path
    let checks = BY_ROOT.get(root);
    if (checks === undefined) {
      checks = new AppChecks(root);
      BY_ROOT.set(root, checks);
    }
    return checks;
  }

  /** Registered `ElbService`s, by construct (the walk over raw `ApiObject`s skips them). */
  private readonly services = new Map<IConstruct, AppCheckedService>();
  /** Registered `ElbIngress`es, by construct. */
  private readonly ingresses = new Map<IConstruct, AppCheckedIngress>();
  /** Raw objects that already have the validation reporting their findings. */
  private readonly rawValidated = new WeakSet<IConstruct>();
  /** Raw objects whose warnings were printed (cdk8s validates an App more than once per synth). */
  private readonly printed = new WeakMap<IConstruct, Set<string>>();
  /** How messages name each `ElbService` (its name, namespace and path do not change). */
  private readonly resources = new WeakMap<IConstruct, string>();
  /** Findings of the last App validation, by construct (only constructs with findings). */
  private results?: Map<IConstruct, Finding[]>;

  private constructor(private readonly root: IConstruct) {
    root.node.addValidation({ validate: () => this.validateApp() });
  }

  /** Registers an `ElbService` (once, when it is created). */
  public register(service: AppCheckedService): void {
    this.services.set(service, service);
  }

  /** Registers an `ElbIngress` (once, when it is created). */
  public registerIngress(ingress: AppCheckedIngress): void {
    this.ingresses.set(ingress, ingress);
  }

  /**
   * The cross-Service findings of a construct for this validation pass: those of the last App
   * validation (which cdk8s runs first in every pass); before any, computed now.
   */
  public findingsOf(construct: IConstruct): Finding[] {
    if (this.results === undefined) return this.fresh(construct);
    return this.results.get(construct) ?? [];
  }

  /** The cross-Service findings of a construct, computed now over the whole App. */
  public fresh(construct: IConstruct): Finding[] {
    return this.compute().get(construct) ?? [];
  }

  /** The root validation: computes the findings of every Service for this pass; reports nothing itself. */
  private validateApp(): string[] {
    this.results = this.compute();
    for (const construct of this.results.keys()) {
      if (this.services.has(construct) || this.ingresses.has(construct)) continue;
      if (!this.rawValidated.has(construct)) {
        this.rawValidated.add(construct);
        construct.node.addValidation({ validate: () => this.validateRaw(construct) });
      }
    }
    return [];
  }

  /** Errors of a raw object; its warnings are printed once, or are errors under strict validation. */
  private validateRaw(construct: IConstruct): string[] {
    const messages: string[] = [];
    const strict = ElbValidation.isStrict(construct);
    let printed = this.printed.get(construct);
    for (const finding of this.findingsOf(construct)) {
      if (finding.severity === 'error') {
        messages.push(formatFinding(finding));
        continue;
      }
      const warning = formatWarning(finding);
      if (strict) {
        messages.push(`${warning} (a warning, fatal under strict validation)`);
      } else if (!printed?.has(warning)) {
        if (printed === undefined) this.printed.set(construct, (printed = new Set()));
        printed.add(warning);
        console.warn(`[warning] [${construct.node.path}] ${warning}`);
      }
    }
    return messages;
  }

  /**
   * Every cross-Service finding of the App, by construct, in construct-tree order. Only Services
   * that name an existing load balancer are indexed.
   */
  private compute(): Map<IConstruct, Finding[]> {
    const checks = new SharedElbChecks<IConstruct>();
    const backends = new IngressBackendChecks<IConstruct>();
    // Raw Services, each rendered at most once: now if it may name an existing load balancer, else
    // for the backend checks, and only when the App has a LoadBalancer Ingress.
    const rawServices: Array<{ readonly obj: ApiObject; readonly json: any }> = [];
    let ingresses = 0;
    for (const construct of this.root.node.findAll()) {
      const service = this.services.get(construct);
      const ingress = this.ingresses.get(construct);
      if (service !== undefined) {
        // Its own validation, later in the same pass, reuses this evaluation.
        const view = service._checkedView();
        if (view !== undefined) checks.addService({ ref: construct, resource: this.resourceOf(service), view });
        backends.addService(service._backendService());
      } else if (ingress !== undefined) {
        const view = ingress._checkedIngressView();
        checks.addIngress({ ref: construct, resource: this.resourceOf(ingress), view });
        backends.addIngress({ ref: construct, view, warnMissing: true });
        ingresses++;
      } else if (ApiObject.isApiObject(construct) && construct.kind === 'Ingress') {
        if (addRawIngress(checks, backends, construct)) ingresses++;
      } else if (ApiObject.isApiObject(construct) && construct.kind === 'Service') {
        const json = mayNameExistingElb(construct) ? renderOf(construct) : undefined;
        if (json !== undefined) addRawService(checks, construct, json);
        rawServices.push({ obj: construct, json });
      }
    }
    if (ingresses > 0) for (const { obj, json } of rawServices) addRawBackend(backends, json ?? renderOf(obj));
    const byConstruct = new Map<IConstruct, Finding[]>();
    for (const { ref, finding } of [...checks.findings(), ...backends.findings()]) {
      const list = byConstruct.get(ref);
      if (list === undefined) byConstruct.set(ref, [finding]);
      else list.push(finding);
    }
    return byConstruct;
  }

  /** `resourceOf()` of a registered `ElbService` or `ElbIngress`, computed once. */
  private resourceOf(obj: ApiObject): string {
    let resource = this.resources.get(obj);
    if (resource === undefined) {
      resource = resourceOf(obj);
      this.resources.set(obj, resource);
    }
    return resource;
  }
}

/** The annotations the checks read. */
function pick(annotations: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of SHARED_ELB_ANNOTATIONS) {
    if (annotations[key] !== undefined) picked[key] = annotations[key];
  }
  return picked;
}

/** A raw Service (rendered), for the backend checks of the App's Ingresses. */
function addRawBackend(backends: IngressBackendChecks<IConstruct>, json: any): void {
  if (json === undefined) return;
  const ports = Array.isArray(json.spec?.ports) ? json.spec.ports : [];
  backends.addService({ namespace: json.metadata?.namespace, name: json.metadata?.name, type: json.spec?.type, ports });
}

function renderOf(obj: ApiObject): any {
  try {
    return obj.toJson();
  } catch {
    return undefined; // cdk8s reports it when it synthesizes the object
  }
}

/** A raw Ingress of class cce, for the checks across the App; true for one. */
function addRawIngress(checks: SharedElbChecks<IConstruct>, backends: IngressBackendChecks<IConstruct>, obj: ApiObject): boolean {
  const json = renderOf(obj);
  if (json === undefined || !isCceIngress(json)) return false;
  const view = decodeIngress(json, ClusterProfile.of(obj)?._info()).view;
  checks.addIngress({ ref: obj, resource: resourceOf(obj), view });
  backends.addIngress({ ref: obj, view, warnMissing: true });
  return true;
}

/** A raw Service (rendered) of type LoadBalancer that names an existing load balancer. */
function addRawService(checks: SharedElbChecks<IConstruct>, obj: ApiObject, json: any): void {
  const annotations = json.metadata?.annotations;
  if (typeof annotations !== 'object' || annotations === null) return;
  if (json.spec?.type === 'LoadBalancer' && existingElbOf(annotations) !== undefined) {
    // Only the annotations the checks read are decoded.
    const manifest = { metadata: { annotations: pick(annotations) }, spec: { ports: json.spec.ports } };
    checks.addService({ ref: obj, resource: resourceOf(obj), view: decodeService(manifest, ClusterProfile.of(obj)?._info()).view });
  }
}

/**
 * Whether an object may name an existing load balancer, without rendering it: its annotation map
 * names one, or cannot be read cheaply (tokens), or JSON patches may add one.
 */
function mayNameExistingElb(obj: ApiObject): boolean {
  const map = annotationMapOf(obj);
  const patches: unknown = (obj as unknown as { patches?: unknown }).patches;
  if (map === undefined || !Array.isArray(patches) || patches.length > 0) return true;
  return existingElbOf(map) !== undefined;
}

/** `Service/<namespace>/<name> (<construct path>)`, as messages name the other Service. */
function resourceOf(obj: ApiObject): string {
  const namespace = obj.metadata.namespace;
  return `${obj.kind}/${namespace ? `${namespace}/` : ''}${obj.name} (${obj.node.path})`;
}
