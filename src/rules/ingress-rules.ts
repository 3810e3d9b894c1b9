import { checkVersion, warnClassNotStated } from './catalog-rules';
import { Findings } from './finding';
import { USE_ANNOTATION_PORT } from './ingress-backend-rules';
import { CCE_INGRESS_CLASS, INGRESS_CLASS_ANNOTATION, IngressView, URL_MATCH_MODE, URL_MATCH_MODES, checkIngressHost } from './ingress-view';
import { ElbWarning } from './warnings';
import { DEDICATED_TLS_POLICIES, V_FIXED_RESPONSE, V_FORWARD_POOL, V_TRAFFIC_LIMIT, catalogEntry, subjectOf } from '../annotations/catalog';
import { maxPolicyServiceName } from '../annotations/forwarding-policies';
import { ElbAnnotations as K } from '../annotations/keys';
import { show } from '../annotations/values';
import { VersionGate } from '../cluster/version-gate';

/**
 * The rules that only LoadBalancer Ingresses have. Sources: OTC cce_10_0252 (creating an Ingress
 * with kubectl), cce_10_0695 (annotations), cce_10_0687/0688 (certificates), cce_10_0691 (HTTPS
 * backends), cce_10_0937 (listening ports), cce_10_0949 (advanced forwarding); Huawei's
 * cce_10_0690 and cce_10_0770 (redirect, rewrite); the Kubernetes API server's Ingress validation.
 */

const sub = (key: string, field?: string) => subjectOf(key, field, 'Ingress');

/** The Ingress API version that clusters of v1.22 and later no longer serve (Kubernetes removed it). */
const REMOVED_INGRESS_APIS = ['networking.k8s.io/v1beta1', 'extensions/v1beta1'];
const V_1_22 = VersionGate.of('v1.22');
const V_1_23 = VersionGate.of('v1.23');
/** The path types of the Ingress API. */
const PATH_TYPES = ['ImplementationSpecific', 'Exact', 'Prefix'];

/**
 * The class and API version: `ingressClassName: cce` on clusters of v1.23 and later,
 * `kubernetes.io/ingress.class: cce` on v1.21 and earlier (cce_10_0252, cce_10_0695 Table 1); both
 * at once is refused by the Kubernetes API server; `v1beta1` is not served from v1.22.
 */
export function checkIngressClass(view: IngressView, findings: Findings): void {
  const annotation = view.classAnnotation;
  if (view.ingressClassName !== undefined && annotation !== undefined) {
    findings.add(
      `metadata.annotations (${INGRESS_CLASS_ANNOTATION})`,
      'is set beside spec.ingressClassName, and the Kubernetes API server refuses an Ingress with both ("can not be set when the class field is also set"); allowed: spec.ingressClassName: cce on clusters of v1.23 and later, the annotation alone on v1.21 and earlier',
    );
  }
  const version = view.cluster.version;
  if (version === undefined) return;
  if (typeof view.apiVersion === 'string' && REMOVED_INGRESS_APIS.includes(view.apiVersion) && V_1_22.allows(version)) {
    findings.add('apiVersion', `${show(view.apiVersion)} is not served by clusters of v1.22 and later (the cluster profile says ${version}); allowed: networking.k8s.io/v1, with spec.ingressClassName: cce and a pathType on each path`);
  }
  if (V_1_23.allows(version) && annotation === CCE_INGRESS_CLASS && view.ingressClassName === undefined) {
    findings.warn(
      ElbWarning.INGRESS_CLASS_FORM,
      `metadata.annotations (${INGRESS_CLASS_ANNOTATION})`,
      `is how clusters of v1.21 and earlier take the class; CCE documents spec.ingressClassName: cce for v1.23 and later (the cluster profile says ${version}); allowed: spec.ingressClassName: cce`,
    );
  } else if (!V_1_22.allows(version) && view.ingressClassName === CCE_INGRESS_CLASS && annotation === undefined) {
    findings.warn(
      ElbWarning.INGRESS_CLASS_FORM,
      'spec.ingressClassName',
      `is documented for clusters of v1.23 and later; on v1.21 and earlier CCE documents the annotation ${INGRESS_CLASS_ANNOTATION}: cce (the cluster profile says ${version}); allowed: the annotation, with networking.k8s.io/v1beta1 (ElbIngress writes that form when the ClusterProfile is created before it)`,
    );
  }
}

/** The listener settings that apply to every port of the Ingress's listeners. */
export function checkIngressListeners(view: IngressView, findings: Findings): void {
  const a = view.annotations;
  const https = view.listenerKinds.has('HTTPS');
  if (a[K.LISTEN_PORTS] !== undefined && a[K.PORT] !== undefined) {
    findings.warn(ElbWarning.NO_EFFECT, sub(K.PORT), `has no effect beside ${K.LISTEN_PORTS}, which wins (cce_10_0937); allowed: leave it out`);
  }
  const certificates = a[K.TLS_CERTIFICATE_IDS] !== undefined;
  if (https && !certificates && view.tls === undefined) {
    findings.add(
      sub(K.LISTEN_PORTS),
      `has an HTTPS listener, and the Ingress has no certificate; allowed: ELB certificates (${K.TLS_CERTIFICATE_IDS}: IngressCertificate.fromElb()) or a TLS Secret (spec.tls: IngressCertificate.fromSecret())`,
    );
  }
  if (certificates && view.tls !== undefined) {
    findings.warn(ElbWarning.NO_EFFECT, 'spec.tls', `has no effect: with ${K.TLS_CERTIFICATE_IDS} set, CCE uses the ELB certificates (cce_10_0687); allowed: one of them`);
  }
  const policy = view.values.get(K.TLS_CIPHERS_POLICY);
  if (typeof policy === 'string' && DEDICATED_TLS_POLICIES.includes(policy)) {
    const what = `${show(policy)} is a security policy of dedicated load balancers only`;
    if (view.elbClass === undefined) warnClassNotStated(sub(K.TLS_CIPHERS_POLICY), what, findings, 'ExistingElb.dedicated() or AutoCreatedElb.dedicated()');
    else if (view.elbClass !== 'performance') findings.add(sub(K.TLS_CIPHERS_POLICY), `${what}, not of elb.class ${show(view.elbClass)}; allowed: tls-1-0, tls-1-1, tls-1-2 or tls-1-2-strict`);
  }
  if (policy !== undefined && a[K.SECURITY_POLICY_ID] !== undefined) {
    findings.warn(ElbWarning.NO_EFFECT, sub(K.TLS_CIPHERS_POLICY), `has no effect beside ${K.SECURITY_POLICY_ID}, which has the higher priority (cce_10_0695); allowed: one of them`);
  }
  if (a[K.POOL_PROTOCOL] === 'https' && !https) {
    findings.add(sub(K.POOL_PROTOCOL), 'needs an HTTPS listener ("the ingress protocol must be HTTPS", cce_10_0691), and this Ingress has only HTTP listeners; allowed: add a certificate (an HTTPS listener), or leave it out');
  }
  const redirect = a[K.REDIRECT_URL];
  if (a[K.REDIRECT_URL_CODE] !== undefined && redirect === undefined) {
    findings.warn(ElbWarning.NO_EFFECT, sub(K.REDIRECT_URL_CODE), `has no effect without ${K.REDIRECT_URL}; allowed: redirectUrl with redirectCode, or leave it out`);
  }
  if (typeof redirect === 'string' && redirect.startsWith('http://') && https && !view.listenerKinds.has('HTTP')) {
    findings.add(sub(K.REDIRECT_URL), `${show(redirect)} redirects an HTTPS listener to HTTP, and CCE redirects HTTPS routes only to HTTPS (cce_10_0690); allowed: an https:// URL`);
  }
}

/**
 * Each path: `url-match-mode` is one of CCE's modes and takes effect with `pathType:
 * ImplementationSpecific`; `networking.k8s.io/v1` needs a pathType; a rewrite needs a REGEX path.
 */
export function checkIngressPaths(view: IngressView, findings: Findings): void {
  const v1 = view.apiVersion === 'networking.k8s.io/v1';
  const v1beta1 = typeof view.apiVersion === 'string' && REMOVED_INGRESS_APIS.includes(view.apiVersion);
  for (const rule of view.emptyPathLists) {
    findings.add(`${rule}.http.paths`, 'is empty, and the Kubernetes API server refuses a rule without paths ("paths: Required value"); allowed: at least one path, or leave the http block out');
  }
  let regex = 0;
  const hosts = new Set<string>();
  for (const path of view.paths) {
    const rule = /^spec\.rules\[\d+\]/.exec(path.at)?.[0];
    if (rule !== undefined && !hosts.has(rule)) {
      hosts.add(rule);
      const problem = checkIngressHost(path.host);
      if (problem !== undefined) findings.add(`${rule}.host`, problem);
    }
    if (path.at.startsWith('spec.rules')) {
      if (v1 && path.pathType === undefined) {
        findings.add(`${path.at}.pathType`, 'is required in networking.k8s.io/v1 (the Kubernetes API server refuses a path without it); allowed: ImplementationSpecific (CCE then matches as url-match-mode says), Exact or Prefix');
      }
      if (path.matchMode !== undefined && !URL_MATCH_MODES.includes(path.matchMode as string)) {
        findings.add(`${path.at}.property.${URL_MATCH_MODE}`, `${show(path.matchMode)} is not allowed; allowed: ${URL_MATCH_MODES.join(', ')} (STARTS_WITH when left out)`);
      } else if (path.matchMode !== undefined && path.pathType !== 'ImplementationSpecific' && PATH_TYPES.includes(path.pathType as string)) {
        findings.warn(ElbWarning.NO_EFFECT, `${path.at}.property.${URL_MATCH_MODE}`, `has no effect with pathType ${show(path.pathType)}: CCE reads it only with pathType ImplementationSpecific (cce_10_0252); allowed: pathType ImplementationSpecific, or leave the property out`);
      }
      if (path.matchMode === 'REGEX') regex++;
      if (path.pathType !== undefined && !PATH_TYPES.includes(path.pathType as string)) {
        findings.add(`${path.at}.pathType`, `${show(path.pathType)} is not allowed (the Kubernetes API server refuses it); allowed: ${PATH_TYPES.join(', ')}`);
      }
      const unknown = path.propertyKeys.filter((k) => k !== URL_MATCH_MODE);
      if (unknown.length > 0) {
        findings.warn(ElbWarning.UNKNOWN_ANNOTATION, `${path.at}.property`, `has ${show(unknown[0])}, which CCE does not read, so the path is matched as STARTS_WITH; allowed: ${URL_MATCH_MODE}`);
      }
    }
    // A manifest written in one Ingress API version with the backend of the other (a migration half done).
    if (v1 && (path.legacyBackend || path.at === 'spec.backend')) {
      findings.add(
        path.at === 'spec.backend' ? 'spec.backend' : path.nameAt,
        'is the networking.k8s.io/v1beta1 form, which networking.k8s.io/v1 does not have (kubectl refuses the unknown field); allowed: spec.defaultBackend and backend.service.name with backend.service.port.number or .name',
      );
    } else if (v1beta1 && path.serviceBackend) {
      findings.add(`${path.at}.backend.service`, 'is the networking.k8s.io/v1 form, which networking.k8s.io/v1beta1 does not have; allowed: backend.serviceName and backend.servicePort');
    }
    const port = path.servicePort;
    if (typeof port === 'number' ? !Number.isInteger(port) || port < 1 || port > 65535 : port !== undefined && typeof port !== 'string') {
      findings.add(path.portAt, `${show(port)} is not allowed (the Kubernetes API server refuses it); allowed: a port number from 1 to 65535, or a port name`);
    }
    if (path.serviceName !== undefined && typeof path.serviceName !== 'string') {
      findings.add(path.nameAt, `${show(path.serviceName)} is not allowed; allowed: the name of a Service`);
    }
    if (typeof path.path === 'string' && path.path !== '' && !path.path.startsWith('/')) {
      findings.add(`${path.at}.path`, `${show(path.path)} is not an absolute path, and the Kubernetes API server refuses it ("must be an absolute path"); allowed: a path starting with "/"`);
    }
    if (path.serviceName === undefined || path.serviceName === '') {
      findings.add(path.nameAt, 'names no Service; allowed: the name of a Service and its port (a LoadBalancer Ingress forwards only to Services)');
    }
  }
  if (!view.routes) {
    findings.add('spec.rules', 'is empty and there is no default backend, and the Kubernetes API server refuses such an Ingress ("either `defaultBackend` or `rules` must be specified"); allowed: at least one rule (addRule)');
  }
  const rewrite = view.annotations[K.REWRITE_TARGET];
  if (rewrite !== undefined && regex === 0) {
    findings.add(sub(K.REWRITE_TARGET), `needs a path with ${URL_MATCH_MODE}: REGEX, whose groups it rewrites ($1, $2…), and this Ingress has none (cce_10_0770); allowed: PathMatch.regex() on the rewritten paths, or leave it out`);
  }
}

/** Actions that need later releases than `elb.actions.<service>` itself (cce_10_0949 Tables 2, 6, 8, 10). */
const ACTION_GATES: ReadonlyArray<[string, VersionGate]> = [['FixedResponse', V_FIXED_RESPONSE], ['TrafficLimit', V_TRAFFIC_LIMIT], ['ForwardPool', V_FORWARD_POOL]];

/**
 * The per-backend annotations (`elb.headers.<service>`, `elb.conditions.<service>`,
 * `elb.actions.<service>`): the Service name is at most 51 characters and names a backend of this
 * Ingress ("The Service name must be the same as that in the backend field", cce_10_0949).
 */
export function checkForwardingPolicies(view: IngressView, findings: Findings): void {
  let backends: Set<unknown> | undefined;
  for (const key in view.annotations) {
    const entry = catalogEntry(key);
    if (entry === undefined || !entry.perService) continue;
    const service = key.slice(entry.key.length);
    const max = maxPolicyServiceName(entry.key);
    if (service.length > max) {
      findings.add(
        sub(key),
        `names Service ${show(service)} of ${service.length} characters, and the Kubernetes API server refuses an annotation key whose name (after kubernetes.io/) is over 63 characters; allowed: a Service name of at most ${max} characters`,
      );
      continue;
    }
    backends ??= new Set(view.paths.map((p) => p.serviceName));
    if (!backends.has(service)) {
      findings.warn(
        ElbWarning.NO_EFFECT,
        sub(key),
        `has no effect: CCE applies it to the paths whose backend is Service ${show(service)}, and no path of this Ingress has it; allowed: the name of a backend Service of this Ingress`,
      );
    }
  }
  const pools = new Set<string>();
  for (const key in view.annotations) {
    if (!key.startsWith(K.ACTIONS_PREFIX)) continue;
    const types = new Set(((view.values.get(key) as Array<Record<string, unknown>> | undefined) ?? []).map((a) => a.type));
    if (types.has('ForwardPool')) pools.add(key.slice(K.ACTIONS_PREFIX.length));
    for (const [type, gate] of ACTION_GATES) {
      if (types.has(type)) checkVersion(view, gate, sub(key), findings, `a ${type} action needs`, 'upgrade the cluster, or leave the action out');
    }
  }
  // A custom backend server group replaces the path's port: written as port.name use-annotation (cce_10_0949).
  for (const path of view.paths) {
    if (typeof path.serviceName !== 'string') continue;
    const pool = pools.has(path.serviceName);
    if (path.servicePort === USE_ANNOTATION_PORT && !pool) {
      findings.add(path.portAt, `is "${USE_ANNOTATION_PORT}", which takes the custom backend server group of ${K.ACTIONS_PREFIX}${path.serviceName}, and that annotation has no ForwardPool action; allowed: a ForwardPool action for the Service, or its port`);
    } else if (pool && path.servicePort !== USE_ANNOTATION_PORT) {
      findings.add(path.portAt, `is ${show(path.servicePort)}, but ${K.ACTIONS_PREFIX}${path.serviceName} forwards to a custom backend server group, which needs the port written as name "${USE_ANNOTATION_PORT}" (cce_10_0949: "the original port.number field becomes invalid"); allowed: port.name: ${USE_ANNOTATION_PORT}`);
    }
  }
  if (view.annotations[K.REDIRECT_URL] !== undefined) {
    for (const service of pools) {
      findings.add(sub(K.ACTIONS_PREFIX + service), `forwards to a custom backend server group, which cannot be combined with ${K.REDIRECT_URL} (cce_10_0949); allowed: one of them`);
    }
  }
}
