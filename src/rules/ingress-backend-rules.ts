import { warnClassNotStated } from './catalog-rules';
import { Finding, Findings } from './finding';
import { IngressView } from './ingress-view';
import { ElbWarning } from './warnings';
import { show } from '../annotations/values';

/** What the backend checks read of a Service: its type and ports. */
export interface BackendService {
  /** `metadata.namespace`; undefined is `default`. */
  readonly namespace?: unknown;
  readonly name: unknown;
  /** `spec.type`; undefined is `ClusterIP`. */
  readonly type?: unknown;
  /** `spec.ports`: each port's `name` and `port`. */
  readonly ports: ReadonlyArray<{ readonly name?: unknown; readonly port?: unknown }>;
}

/** A LoadBalancer Ingress for the backend checks. */
export interface BackendIngress<T> {
  readonly ref: T;
  /** The decoded Ingress: its paths, namespace, class and cluster. */
  readonly view: Pick<IngressView, 'paths' | 'namespace' | 'elbClass' | 'cluster'>;
  /**
   * Whether a backend Service that was not added is a warning (`ElbWarning.BACKEND_NOT_FOUND`):
   * at synth, where the App should hold it; not in the linter, whose files may be a part of what
   * is applied.
   */
  readonly warnMissing: boolean;
}

/** The port name CCE's custom backend server groups use instead of a port (cce_10_0949). */
export const USE_ANNOTATION_PORT = 'use-annotation';

/**
 * Checks each Ingress backend against the Services added: the Service has the port the backend
 * names (by number or name), and its type is one a LoadBalancer Ingress can target (OTC
 * cce_10_0094 Table 2: NodePort on every cluster and ELB type; ClusterIP only on a CCE Turbo
 * cluster with a dedicated load balancer, where the ELB reaches pods directly). A LoadBalancer
 * Service is a NodePort Service too. Services are indexed by namespace and name: adding is O(1)
 * and `findings()` linear in the paths.
 */
export class IngressBackendChecks<T> {
  private readonly services = new Map<string, BackendService>();
  private readonly ingresses: Array<BackendIngress<T>> = [];

  /** Adds a Service of any type (the first one of a namespace and name counts). */
  public addService(service: BackendService): void {
    const key = keyOf(service.namespace, service.name);
    if (!this.services.has(key)) this.services.set(key, service);
  }

  public addIngress(ingress: BackendIngress<T>): void {
    this.ingresses.push(ingress);
  }

  /** Every finding, in the order the Ingresses were added. */
  public findings(): Array<{ ref: T; finding: Finding }> {
    const out: Array<{ ref: T; finding: Finding }> = [];
    for (const ingress of this.ingresses) {
      const findings = new Findings();
      findings.rule = 'ingress-backends';
      checkBackends(ingress, (namespace, name) => this.services.get(keyOf(namespace, name)), findings);
      for (const finding of findings.items) out.push({ ref: ingress.ref, finding });
    }
    return out;
  }
}

function keyOf(namespace: unknown, name: unknown): string {
  return `${typeof namespace === 'string' && namespace !== '' ? namespace : 'default'}/${String(name)}`;
}

type ServiceLookup = (namespace: unknown, name: unknown) => BackendService | undefined;

function checkBackends<T>(ingress: BackendIngress<T>, lookup: ServiceLookup, findings: Findings): void {
  const { view } = ingress;
  const seen = new Set<string>();
  for (const path of view.paths) {
    if (typeof path.serviceName !== 'string' || path.serviceName === '') continue;
    const once = `${path.serviceName}\u0000${String(path.servicePort)}`;
    if (seen.has(once)) continue;
    seen.add(once);
    const service = lookup(view.namespace, path.serviceName);
    if (service === undefined) {
      if (ingress.warnMissing) {
        findings.warn(
          ElbWarning.BACKEND_NOT_FOUND,
          path.nameAt,
          `names Service ${show(path.serviceName)}, which this App does not hold in namespace ${show(view.namespace ?? 'default')}; if nothing else creates it, the load balancer forwards to nothing; allowed: a Service of the App (an ElbService, a cdk8s-plus Service or a raw one), or acknowledge this warning if it is created elsewhere`,
        );
      }
      continue;
    }
    checkPort(path.servicePort, service, path.portAt, findings);
    checkType(view, service, path.nameAt, findings);
  }
}

function checkPort(port: unknown, service: BackendService, subject: string, findings: Findings): void {
  if (port === undefined || port === USE_ANNOTATION_PORT) return;
  const byName = typeof port === 'string';
  if (service.ports.some((p) => (byName ? p.name === port : p.port === port))) return;
  const offered = service.ports.map((p) => (byName ? p.name : p.port)).filter((p) => p !== undefined).map((p) => (byName ? show(p) : String(p)));
  const allowed = offered.length > 0
    ? `${byName ? 'a port name' : 'a port'} of the Service (${offered.join(', ')})`
    : byName ? "a port number (the Service's ports have no names), or name the port" : 'a port of the Service (it has none)';
  findings.add(
    subject,
    `${show(port)} is not a ${byName ? 'port name' : 'port'} of Service ${show(service.name)}, so the load balancer has no backend for this path; allowed: ${allowed}`,
  );
}

function checkType<T>(view: BackendIngress<T>['view'], service: BackendService, subject: string, findings: Findings): void {
  const type = service.type ?? 'ClusterIP';
  if (type !== 'ClusterIP') return;
  const flavor = view.cluster.flavor;
  const what = `Service ${show(service.name)} is of type ClusterIP, which a LoadBalancer Ingress reaches only on a CCE Turbo cluster with a dedicated load balancer (ELB forwards to the pods directly)`;
  const allowed = 'a NodePort Service, or a dedicated load balancer on a CCE Turbo cluster';
  if (view.elbClass === 'union') {
    findings.add(subject, `${what}, and this Ingress's load balancer is shared (elb.class "union"); allowed: ${allowed}`);
  } else if (flavor === 'standard') {
    findings.add(subject, `${what}, and the cluster profile says a CCE standard cluster; allowed: ${allowed}`);
  } else if (view.elbClass === undefined) {
    warnClassNotStated(subject, what, findings, 'ExistingElb.dedicated() or AutoCreatedElb.dedicated()');
  }
}
