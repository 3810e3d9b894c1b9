import { ApiObject, ApiObjectMetadata, Duration, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ElbAnnotations } from '../annotations/keys';
import { AnnotationSink } from '../annotations/sink';
import { hasOwn } from '../annotations/values';
import { ClusterProfile } from '../cluster/cluster-profile';
import { VersionGate } from '../cluster/version-gate';
import { AccessControl } from '../model/access-control';
import { seconds } from '../model/durations';
import { ExistingElb } from '../model/existing-elb';
import { BackendForwardingPolicy, ForwardingAction, ForwardingCondition } from '../model/forwarding-policy';
import { IngressListener, RedirectCode, SecurityPolicy } from '../model/ingress-listener';
import { IngressBackend, PathMatch, SERVICE_NAME } from '../model/ingress-path';
import { LoadBalancer } from '../model/load-balancer';
import { optionalBoolean, requireInstance, requireInstances, requireObject, requireString, requireStrings } from '../model/prop-checks';
import { Finding } from '../rules/finding';
import { runIngressRules } from '../rules/index';
import { USE_ANNOTATION_PORT } from '../rules/ingress-backend-rules';
import { CCE_INGRESS_CLASS, INGRESS_CLASS_ANNOTATION, IngressView, URL_MATCH_MODE, checkIngressHost, decodeIngress } from '../rules/ingress-view';
import { ElbWarning } from '../rules/warnings';
import { addTypedAnnotation } from '../service/annotation-map';
import { AppChecks } from '../service/app-checks';
import { WarningPolicy } from '../service/warning-policy';
import { resolveLazy } from '../service/workload-selector';

/** The protocol from the load balancer to the backends (`kubernetes.io/elb.pool-protocol`). */
export enum IngressBackendProtocol {
  /**
   * HTTPS to the backend pods. Only behind an HTTPS listener, on dedicated load balancers, in
   * clusters of v1.23.8, v1.25.3 and later; cannot be changed after the Ingress is created.
   */
  HTTPS = 'https',
  /**
   * gRPC to the backend pods. CCE's NGINX migration page maps NGINX's `backend-protocol: GRPC` to
   * it, and its slow-start page names gRPC backend server groups; no page defines it further.
   */
  GRPC = 'grpc',
}

/** Where a path matches and what it forwards to. */
export interface ElbIngressRuleOptions {
  /**
   * The host the rule matches (`spec.rules[].host`); an empty string is written as `host: ""`.
   * @default - any host (no `host` field)
   */
  readonly host?: string;
  /**
   * How the path is matched (the path's `property.ingress.beta.kubernetes.io/url-match-mode`).
   * @default PathMatch.startsWith()
   */
  readonly match?: PathMatch;
}

/** A forwarding rule of an `ElbIngress`, in the props form. */
export interface ElbIngressRule extends ElbIngressRuleOptions {
  /** The path, such as `/` or, with `PathMatch.regex()`, `/first/(.*)`. */
  readonly path: string;
  /** Where matching requests go. */
  readonly backend: IngressBackend;
}

/** Props of an `ElbIngress`. */
export interface ElbIngressProps {
  /** Name, namespace, labels and raw annotations (raw `kubernetes.io/elb.*` keys are checked like typed props). */
  readonly metadata?: ApiObjectMetadata;
  /** The load balancer: `ExistingElb` or `AutoCreatedElb` (a dedicated one needs an `l7FlavorName`). */
  readonly loadBalancer: LoadBalancer;
  /**
   * The address of the existing load balancer (`kubernetes.io/elb.ip`), written beside its ID as
   * CCE's Ingress pages do (cce_10_0252); CCE uses the ID when both are given.
   * @default - only the ID
   */
  readonly loadBalancerAddress?: string;
  /**
   * The listener: HTTP, HTTPS (with certificates), or both (dedicated load balancers).
   * @default IngressListener.http() (port 80)
   */
  readonly listener?: IngressListener;
  /**
   * The TLS security policy of the HTTPS listener (`kubernetes.io/elb.tls-ciphers-policy` or
   * `kubernetes.io/elb.security_policy_id`); clusters of v1.17.9 and later.
   * @default - CCE's default, tls-1-2
   */
  readonly securityPolicy?: SecurityPolicy;
  /**
   * HTTP/2 on the HTTPS listener (`kubernetes.io/elb.http2-enable`); clusters of v1.23.13-r0,
   * v1.25.8-r0, v1.27.5-r0, v1.28.3-r0 and later. Removing it turns HTTP/2 off.
   * @default - not written: off
   */
  readonly http2?: boolean;
  /**
   * The protocol to the backends (`kubernetes.io/elb.pool-protocol`).
   * @default - not written: HTTP
   */
  readonly backendProtocol?: IngressBackendProtocol;
  /**
   * Idle timeout of the listener (`kubernetes.io/elb.keepalive_timeout`), 0–4000 seconds.
   * @default - not written: 60 seconds
   */
  readonly keepaliveTimeout?: Duration;
  /**
   * How long the listener waits for a client request (`kubernetes.io/elb.client_timeout`), 1–300 seconds.
   * @default - not written: 60 seconds
   */
  readonly clientTimeout?: Duration;
  /**
   * How long the listener waits for a backend response (`kubernetes.io/elb.member_timeout`), 1–300 seconds.
   * @default - not written: 60 seconds
   */
  readonly memberTimeout?: Duration;
  /**
   * Slow start of new backends (`kubernetes.io/elb.slowstart`), 30–1200 seconds; dedicated load
   * balancers, clusters of v1.23 and later, backends with weighted round robin and no sticky sessions.
   * @default - off
   */
  readonly slowStart?: Duration;
  /**
   * Which client addresses may reach the listener (`kubernetes.io/elb.acl-*`).
   * @default - not written: CCE leaves the listener's access control as it is
   */
  readonly accessControl?: AccessControl;
  /**
   * Compression of responses (`kubernetes.io/elb.gzip-enabled`); dedicated load balancers.
   * @default - not written: off
   */
  readonly gzip?: boolean;
  /**
   * The priority of this Ingress's rules on its listener (`kubernetes.io/elb.ingress-order`),
   * 1–1000, smaller first, unique among the Ingresses of one listener; dedicated load balancers.
   * @default - after every Ingress that sets it
   */
  readonly order?: number;
  /**
   * Keep the rules in the order they are listed (`kubernetes.io/elb.rule-priority-enabled:
   * "true"`); it cannot be turned off once on. Dedicated load balancers.
   * @default false
   */
  readonly rulesInListedOrder?: boolean;
  /**
   * Redirect every request of this Ingress to a URL (`kubernetes.io/elb.redirect-url`), starting
   * with `http://` or `https://`; dedicated load balancers, clusters of v1.23.14-r0, v1.25.9-r0,
   * v1.27.6-r0, v1.28.4-r0 and later (cce_10_0690).
   * @default - no redirect
   */
  readonly redirectUrl?: string;
  /**
   * The status code of the redirect (`kubernetes.io/elb.redirect-url-code`).
   * @default - not written: 301
   */
  readonly redirectCode?: RedirectCode;
  /**
   * Rewrite of the paths matched by `PathMatch.regex()` (`kubernetes.io/elb.rewrite-target`), such
   * as `/$1/$2`; dedicated load balancers, same clusters as redirects (cce_10_0770).
   * @default - no rewrite
   */
  readonly rewriteTarget?: string;
  /**
   * Tags of an auto-created load balancer (`kubernetes.io/elb.tags`).
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
  /**
   * An EIP to bind instead of the one CCE created (`kubernetes.io/elb.custom-eip-id`); applied on
   * an update, once CCE has created the load balancer with an EIP.
   * @default - the EIP CCE created
   */
  readonly customEipId?: string;
  /**
   * The cluster subnet (`kubernetes.io/elb.subnet-id`), needed only to auto-create on clusters of
   * v1.11.7-r0 and earlier.
   * @default - the cluster subnet
   */
  readonly subnetId?: string;
  /**
   * Forwarding rules; more with `addRule()`.
   * @default - none
   */
  readonly rules?: ElbIngressRule[];
}

/** Props of the wrong type (from JavaScript): a message naming the prop, not a TypeError at synth. */
function checkProps(props: ElbIngressProps, at: string): void {
  requireObject(props, `${at} props`);
  requireInstance(props.loadBalancer, LoadBalancer, `${at} loadBalancer`, 'ExistingElb.fromId(), .shared(), .dedicated(), .fromIpAddress() or AutoCreatedElb.shared(), .dedicated()');
  const instances: Array<[unknown, { readonly prototype: unknown }, string, string]> = [
    [props.listener, IngressListener, 'listener', 'IngressListener.http(), .https() or .httpAndHttps()'],
    [props.securityPolicy, SecurityPolicy, 'securityPolicy', 'a SecurityPolicy constant, SecurityPolicy.of() or .custom()'],
    [props.accessControl, AccessControl, 'accessControl', 'AccessControl.trustlist(), .blocklist() or .allowAll()'],
    [props.keepaliveTimeout, Duration, 'keepaliveTimeout', 'a Duration, such as Duration.seconds(60)'],
    [props.clientTimeout, Duration, 'clientTimeout', 'a Duration, such as Duration.seconds(60)'],
    [props.memberTimeout, Duration, 'memberTimeout', 'a Duration, such as Duration.seconds(60)'],
    [props.slowStart, Duration, 'slowStart', 'a Duration, such as Duration.seconds(30)'],
  ];
  for (const [value, type, prop, allowed] of instances) if (value !== undefined) requireInstance(value, type, `${at} ${prop}`, allowed);
  for (const prop of ['http2', 'gzip', 'rulesInListedOrder'] as const) optionalBoolean(props[prop], `${at} ${prop}`);
  requireInstances(props.rules, Object, `${at} rules`, '{ path, backend, host?, match? }');
}

/**
 * Clusters from this version take `networking.k8s.io/v1` with `ingressClassName: cce` (CCE
 * documents v1.21 and older, and v1.23 and later; Kubernetes no longer serves v1beta1 from v1.22).
 */
const V1_CLASS_NAME = VersionGate.of('v1.22');

interface RuleEntry {
  readonly path: string;
  readonly backend: IngressBackend;
  readonly host?: string;
  readonly match: PathMatch;
}

/**
 * A CCE LoadBalancer Ingress (`ingressClassName: cce`): the ELB itself routes requests by host and
 * path to Services, configured with `kubernetes.io/elb.*` annotations. It is a raw `ApiObject` of
 * kind Ingress (`networking.k8s.io/v1`; `networking.k8s.io/v1beta1` with the
 * `kubernetes.io/ingress.class: cce` annotation when the cluster profile, present when the Ingress
 * is created, says v1.21 or older), so `ApiObject.of(ingress).addJsonPatch()` keeps any field.
 *
 * At synth, the same rules as `cce-elb lint` check it: every annotation's value, class, listener
 * and version gate, the Ingress rules (certificates, security policy, backend protocol, path match
 * modes, rewrite), and, across the App, that each backend Service exists and has the port, that
 * its type suits the cluster, that Ingresses sharing a listener agree on its settings and on
 * distinct `order`s, and that no Service uses the same listener.
 *
 * @see https://docs.otc.t-systems.com/cloud-container-engine/umn/networking/ingresses/loadbalancer_ingresses/index.html
 */
export class ElbIngress extends ApiObject {
  /** The load balancer the Ingress is bound to. */
  public readonly loadBalancer: LoadBalancer;

  private readonly rules: RuleEntry[] = [];
  private readonly listener: IngressListener;
  private readonly legacy: boolean;
  private readonly rawAnnotations: Readonly<Record<string, string>>;
  /** No `metadata.name` was given: cdk8s generates one from the construct path. */
  private readonly generatedName: boolean;
  /** Services whose backend port is `use-annotation` (they forward to a custom backend server group). */
  private readonly forwardPools = new Set<string>();
  /** Services that have a forwarding policy. */
  private readonly policies = new Set<string>();
  private readonly warningPolicy: WarningPolicy;
  /** What the last rendering of the spec could not resolve (a backend that is not a Service, …). */
  private specProblems: string[] = [];
  private readonly appChecks: AppChecks;

  public constructor(scope: Construct, id: string, props: ElbIngressProps) {
    checkProps(props, `[${scope.node.path ? `${scope.node.path}/` : ''}${id}]`);
    const version = ClusterProfile.of(scope)?._info().version;
    const legacy = version !== undefined && !V1_CLASS_NAME.allows(version);
    const render: { spec?: () => Record<string, unknown> } = {};
    super(scope, id, {
      apiVersion: legacy ? 'networking.k8s.io/v1beta1' : 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => render.spec!() }),
    });
    render.spec = () => {
      this.specProblems = [];
      return this.renderSpec(this.specProblems);
    };
    this.legacy = legacy;
    this.loadBalancer = props.loadBalancer;
    this.listener = props.listener ?? IngressListener.http();
    this.rawAnnotations = props.metadata?.annotations ?? {};
    this.generatedName = props.metadata?.name === undefined;
    this.warningPolicy = new WarningPolicy(this);
    if (legacy) this.addTyped(INGRESS_CLASS_ANNOTATION, CCE_INGRESS_CLASS, false);

    const add: AnnotationSink = (key, value) => this.addTyped(key, value);
    props.loadBalancer._annotations(add);
    if (props.loadBalancerAddress !== undefined) {
      const byId = props.loadBalancer instanceof ExistingElb && props.loadBalancer.id !== undefined && props.loadBalancer.ipAddress === undefined;
      if (!byId) {
        throw new Error(`[${this.node.path}] loadBalancerAddress (${ElbAnnotations.IP}): goes beside the ID of an existing load balancer; allowed: ExistingElb.fromId(), .shared() or .dedicated() with it, or leave it out`);
      }
      add(ElbAnnotations.IP, props.loadBalancerAddress);
    }
    // The default listener gives way to a port given in metadata.annotations (the raw form).
    const rawListener = hasOwn(this.rawAnnotations, ElbAnnotations.PORT) || hasOwn(this.rawAnnotations, ElbAnnotations.LISTEN_PORTS);
    if (props.listener !== undefined || !rawListener) this.listener._annotations(add);
    props.securityPolicy?._annotations(add);
    add(ElbAnnotations.HTTP2_ENABLE, props.http2);
    add(ElbAnnotations.POOL_PROTOCOL, props.backendProtocol);
    add(ElbAnnotations.KEEPALIVE_TIMEOUT, seconds(props.keepaliveTimeout));
    add(ElbAnnotations.CLIENT_TIMEOUT, seconds(props.clientTimeout));
    add(ElbAnnotations.MEMBER_TIMEOUT, seconds(props.memberTimeout));
    add(ElbAnnotations.SLOWSTART, seconds(props.slowStart));
    props.accessControl?._annotations(add);
    add(ElbAnnotations.GZIP_ENABLED, props.gzip);
    if (props.order !== undefined && !Number.isInteger(props.order)) {
      throw new Error(`[${this.node.path}] order (${ElbAnnotations.INGRESS_ORDER}): ${JSON.stringify(props.order)} is not allowed; allowed: a whole number from 1 to 1000`);
    }
    add(ElbAnnotations.INGRESS_ORDER, props.order);
    add(ElbAnnotations.RULE_PRIORITY_ENABLED, props.rulesInListedOrder ? 'true' : undefined);
    add(ElbAnnotations.REDIRECT_URL, props.redirectUrl);
    add(ElbAnnotations.REDIRECT_URL_CODE, props.redirectCode);
    add(ElbAnnotations.REWRITE_TARGET, props.rewriteTarget);
    add(ElbAnnotations.TAGS, props.tags);
    add(ElbAnnotations.CUSTOM_EIP_ID, props.customEipId);
    add(ElbAnnotations.SUBNET_ID, props.subnetId);
    for (const rule of props.rules ?? []) this.addRule(rule.path, rule.backend, rule);

    this.node.addValidation({ validate: () => this.collectProblems() });
    this.appChecks = AppChecks.of(this);
    this.appChecks.registerIngress(this);
  }

  /**
   * Adds a forwarding rule: requests for `path` (on `options.host`) go to `backend`. Rules of one
   * host are written under one `spec.rules` entry, in the order they are added.
   * @param path the path, such as `/api`; with `PathMatch.regex()`, a regular expression
   * @param backend the Service and port
   */
  public addRule(path: string, backend: IngressBackend, options: ElbIngressRuleOptions = {}): void {
    const at = `[${this.node.path}] addRule`;
    requireInstance(backend, IngressBackend, `${at}: backend`, 'IngressBackend.fromService(), fromServiceName() or fromServiceNameAndPortName()');
    requireObject(options, `${at}: options`, true);
    if (options.match !== undefined) requireInstance(options.match, PathMatch, `${at}: match`, 'PathMatch.startsWith(), exact(), regex() or unset()');
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new Error(`[${this.node.path}] addRule: path ${JSON.stringify(path)} is not allowed (the Kubernetes API server takes only absolute paths); allowed: a path starting with "/", such as "/" or "/api"`);
    }
    const hostProblem = options.host === undefined ? undefined : checkIngressHost(options.host);
    if (hostProblem !== undefined) throw new Error(`[${this.node.path}] addRule: host ${hostProblem}`);
    this.rules.push({ path, backend, host: options.host, match: options.match ?? PathMatch.startsWith() });
  }

  /**
   * Adds advanced forwarding for the paths whose backend is `serviceName`: a header match,
   * conditions and actions (`kubernetes.io/elb.headers.<service>`,
   * `kubernetes.io/elb.conditions.<service>`, `kubernetes.io/elb.actions.<service>`). Dedicated
   * load balancers. With a `ForwardingAction.forwardPool()`, the paths of that Service forward to
   * the custom backend server group (their port is written as `use-annotation`).
   * @param serviceName the `metadata.name` of a backend Service of this Ingress (at most 51 characters, 48 with conditions: Kubernetes takes 63 after `kubernetes.io/`)
   */
  public addForwardingPolicy(serviceName: string, policy: BackendForwardingPolicy): void {
    if (typeof serviceName !== 'string' || serviceName === '') {
      throw new Error(`[${this.node.path}] addForwardingPolicy: serviceName ${JSON.stringify(serviceName)} is not allowed; allowed: the name of a backend Service of this Ingress`);
    }
    if (!SERVICE_NAME.test(serviceName)) {
      throw new Error(`[${this.node.path}] addForwardingPolicy: serviceName ${JSON.stringify(serviceName)} is not allowed; allowed: the name of a backend Service of this Ingress (lowercase letters, digits and "-")`);
    }
    const at = `[${this.node.path}] addForwardingPolicy(${JSON.stringify(serviceName)})`;
    requireObject(policy, at);
    if (policy.header !== undefined) {
      requireObject(policy.header, `${at}: header`);
      requireString(policy.header.key, `${at}: header.key`, 'a header name');
      requireStrings(policy.header.values, `${at}: header.values`, 'a list of header values');
    }
    requireInstances(policy.conditions, ForwardingCondition, `${at}: conditions`, 'ForwardingCondition');
    requireInstances(policy.actions, ForwardingAction, `${at}: actions`, 'ForwardingAction');
    if (this.policies.has(serviceName)) {
      throw new Error(`[${this.node.path}] addForwardingPolicy(${JSON.stringify(serviceName)}): the Service already has a forwarding policy; allowed: one call per Service, with its header, conditions and actions together`);
    }
    this.policies.add(serviceName);
    const header = policy.header;
    if (header !== undefined) this.addTyped(ElbAnnotations.HEADERS_PREFIX + serviceName, { key: header.key, values: [...header.values] });
    if (policy.conditions !== undefined) this.addTyped(ElbAnnotations.CONDITIONS_PREFIX + serviceName, policy.conditions.map((c) => c._json()));
    if (policy.actions !== undefined) {
      this.addTyped(ElbAnnotations.ACTIONS_PREFIX + serviceName, policy.actions.map((a) => a._json()));
      if (policy.actions.some((a) => a._isForwardPool)) this.forwardPools.add(serviceName);
    }
  }

  /**
   * Silences a warning for this Ingress. A reason is required: it is the record, for the next
   * reader, of why the warning does not apply here.
   */
  public acknowledgeWarning(warning: ElbWarning, reason: string): void {
    this.warningPolicy.acknowledge(warning, reason);
  }

  /**
   * The warnings this Ingress would print at synth, as
   * `<prop> (<annotation>): <message> [ElbWarning.<member>]`; acknowledged warnings are left out.
   * Includes the warnings of the checks across the App, computed now.
   */
  public warnings(): string[] {
    return this.warningPolicy.unacknowledged([...this.evaluate().findings, ...this.appChecks.fresh(this)]);
  }

  /**
   * The Ingress as it will be emitted, decoded (for the checks across the App).
   * @internal
   */
  public _checkedIngressView(): IngressView {
    return this.evaluate().view;
  }

  /** Sets an annotation through the catalog's codec; one also in `metadata.annotations` is an error. */
  private addTyped(key: string, value: unknown, encode = true): void {
    addTypedAnnotation(this, this.rawAnnotations, 'Ingress', key, value, encode);
  }

  private collectProblems(): string[] {
    const { problems, findings } = this.evaluate();
    return this.warningPolicy.messages(problems, [...findings, ...this.appChecks.findingsOf(this)], []);
  }

  /**
   * Decodes the Ingress as it will be emitted (`toJson()`: raw annotations and JSON patches
   * included, so the rules see what `kubectl apply` gets) and runs the Ingress rules over it.
   */
  private evaluate(): { view: IngressView; findings: readonly Finding[]; problems: readonly string[] } {
    // The Ingress as it will be emitted, JSON patches (the escape hatch) included; rendering it
    // records what its spec could not resolve.
    const emitted = this.toJson();
    const problems = this.specProblems;
    const { view, findings } = decodeIngress(
      { apiVersion: emitted.apiVersion, metadata: emitted.metadata ?? {}, spec: emitted.spec ?? {} },
      ClusterProfile.of(this)?._info(),
    );
    runIngressRules(view, findings);
    if (this.generatedName && view.autoCreate !== undefined) {
      findings.warn(
        ElbWarning.GENERATED_NAME,
        'metadata.name',
        `is not set, so cdk8s names the Ingress after its construct path (${this.name}); renaming or moving the construct makes a new Ingress, and CCE then deletes this auto-created load balancer and creates another with a new address; allowed: metadata: { name: '…' }`,
      );
    }
    // A backend that could not be resolved is already a problem: the rule on its empty name would repeat it.
    const items = problems.length === 0 ? findings.items : findings.items.filter((f) => !/\.backend\.(service\.name|serviceName)$/.test(f.target));
    return { view, findings: items, problems };
  }

  /** The spec: class, rules grouped by host (in the order first added), TLS Secrets. */
  private renderSpec(problems: string[]): Record<string, unknown> {
    const spec: Record<string, unknown> = {};
    const tls = this.listener.certificate?._specTls();
    if (tls !== undefined) spec.tls = tls.map((t) => ({ ...t }));
    const byHost = new Map<string | undefined, Array<Record<string, unknown>>>();
    for (const rule of this.rules) {
      let paths = byHost.get(rule.host);
      if (paths === undefined) byHost.set(rule.host, (paths = []));
      paths.push(this.renderPath(rule, problems));
    }
    if (byHost.size > 0) {
      spec.rules = [...byHost].map(([host, paths]) => ({ ...(host !== undefined ? { host } : {}), http: { paths } }));
    }
    if (!this.legacy) spec.ingressClassName = CCE_INGRESS_CLASS;
    return spec;
  }

  private renderPath(rule: RuleEntry, problems: string[]): Record<string, unknown> {
    const { name, port } = rule.backend._resolve(problems, resolveLazy(this.metadata.namespace));
    const forwardPool = this.forwardPools.has(name);
    const property = rule.match.mode === undefined ? {} : { property: { [URL_MATCH_MODE]: rule.match.mode } };
    if (this.legacy) {
      const servicePort = forwardPool ? USE_ANNOTATION_PORT : port.number ?? port.name;
      return { path: rule.path, backend: { serviceName: name, servicePort }, ...property };
    }
    const portJson = forwardPool ? { name: USE_ANNOTATION_PORT } : port.number !== undefined ? { number: port.number } : { name: port.name };
    return { path: rule.path, backend: { service: { name, port: portJson } }, ...property, pathType: 'ImplementationSpecific' };
  }
}
