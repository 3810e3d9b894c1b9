import { CATALOG, catalogEntry } from './catalog';

/**
 * Annotation keys beyond the catalog: keys CCE documents that the catalog does not type yet (they
 * are known, so no unknown-key warning), and keys CCE does not read although people write them
 * (the open-source cloud-provider-huaweicloud controller's dialect and legacy keys), with the CCE
 * key or value to use instead. Sources: `shared/reference/cce-elb-2026-additions.md` (CCE and OTC
 * pages of 2024–2026) and `cce-elb-annotations.md` §1 and §6 (the two dialects).
 */

/**
 * CCE documents these LoadBalancer Ingress keys only partly (a page excerpt or a migration table,
 * no definition of the value), so the catalog does not type them: they are known, not checked.
 */
export const DOCUMENTED_UNTYPED_KEYS: ReadonlySet<string> = new Set([
  // HTTP-to-HTTPS redirect (HW-0771, shown only in part), canary and CORS (only the OTC NGINX migration table)
  'kubernetes.io/elb.ssl-redirect',
  'kubernetes.io/elb.canary',
  'kubernetes.io/elb.canary-weight',
  'kubernetes.io/elb.cors-allow-origin',
  'kubernetes.io/elb.cors-allow-headers',
  'kubernetes.io/elb.cors-expose-headers',
  'kubernetes.io/elb.cors-allow-methods',
  'kubernetes.io/elb.cors-allow-credentials',
  'kubernetes.io/elb.cors-max-age',
]);

/**
 * Keys of a backend server group that CCE reads on a LoadBalancer Ingress and on its backend
 * Services of any type (NodePort, ClusterIP), with layer-7 values there (`HTTP_COOKIE`,
 * `APP_COOKIE`; cce_bestpractice_00231, and CCE's configuration reference for Ingresses: the
 * Ingress's setting is overridden by the Service's). Known there, not typed or checked yet.
 */
export const BACKEND_GROUP_KEYS: ReadonlySet<string> = new Set([
  'kubernetes.io/elb.lb-algorithm',
  'kubernetes.io/elb.session-affinity-mode',
  'kubernetes.io/elb.session-affinity-option',
]);

/** Keys that CCE does not read, with what CCE reads instead. */
export const FOREIGN_KEYS: ReadonlyMap<string, string> = new Map([
  // cloud-provider-huaweicloud (kubernetes-sigs) dialect: cce-elb-annotations.md §1, §6
  ['kubernetes.io/elb.session-affinity-flag', 'is the cloud-provider-huaweicloud key; CCE ignores it, so sticky sessions stay off; allowed: kubernetes.io/elb.session-affinity-mode: SOURCE_IP (SessionAffinity.sourceIp())'],
  ['kubernetes.io/elb.enable-transparent-client-ip', 'is the cloud-provider-huaweicloud key; CCE ignores it; allowed: kubernetes.io/elb.transparent-client-ip (transparentClientIp)'],
  ['kubernetes.io/elb.idle-timeout', 'is the cloud-provider-huaweicloud key; CCE ignores it; allowed: kubernetes.io/elb.keepalive_timeout (keepaliveTimeout)'],
  ['kubernetes.io/elb.request-timeout', 'is the cloud-provider-huaweicloud key; CCE ignores it; allowed: kubernetes.io/elb.client_timeout (clientTimeout)'],
  ['kubernetes.io/elb.response-timeout', 'is the cloud-provider-huaweicloud key; CCE ignores it; allowed: kubernetes.io/elb.member_timeout (memberTimeout)'],
  ['kubernetes.io/elb.l4-flavor-id', 'is the cloud-provider-huaweicloud key; CCE ignores it; allowed: the l4_flavor_name field of kubernetes.io/elb.autocreate (AutoCreatedElb.dedicated({ l4FlavorName }))'],
  ['kubernetes.io/elb.l7-flavor-id', 'is the cloud-provider-huaweicloud key; CCE ignores it; allowed: the l7_flavor_name field of kubernetes.io/elb.autocreate (AutoCreatedElb.dedicated({ l7FlavorName }))'],
  ['kubernetes.io/elb.availability-zones', 'is the cloud-provider-huaweicloud key; CCE ignores it; allowed: the available_zone field of kubernetes.io/elb.autocreate (AutoCreatedElb.dedicated({ availabilityZones }))'],
  ['kubernetes.io/elb.eip-auto-create-option', 'is the cloud-provider-huaweicloud key; CCE ignores it, so no EIP is created; allowed: "type":"public" with the bandwidth fields in kubernetes.io/elb.autocreate (ElbNetwork.publicNetwork())'],
  ['kubernetes.io/elb.keep-eip', 'is the cloud-provider-huaweicloud key; CCE ignores it and has no such setting; allowed: leave it out'],
  ['kubernetes.io/elb.enable-cross-vpc', 'is the cloud-provider-huaweicloud key; CCE ignores it and has no such setting; allowed: leave it out'],
  ['kubernetes.io/elb.connection-limit', 'is the cloud-provider-huaweicloud key; CCE ignores it; allowed: kubernetes.io/elb.connection (concurrent-connection limit of dedicated load balancers on recent clusters)'],
  ['kubernetes.io/elb.default-tls-container-ref', 'is the cloud-provider-huaweicloud key; CCE ignores it, so no HTTPS listener is created; allowed: kubernetes.io/elb.protocol-port with kubernetes.io/elb.cert-id (HttpsElbService)'],
  ['kubernetes.io/elb.backend.subnet-id', 'is the cloud-provider-huaweicloud key; CCE ignores it; allowed: the elb_virsubnet_ids field of kubernetes.io/elb.autocreate (AutoCreatedElb.dedicated({ backendSubnetIds }))'],
  ['kubernetes.io/elb.backend.ip-version', 'is the cloud-provider-huaweicloud key; CCE ignores it and has no such setting; allowed: leave it out'],
  ['kubernetes.io/elb.x-forwarded-for', 'is the cloud-provider-huaweicloud key; CCE ignores it (dedicated HTTP/HTTPS listeners always add X-Forwarded-For); allowed: leave it out'],
  ['kubernetes.io/elb.eip-auto-create-options', 'is a cloud-provider-huaweicloud key; CCE ignores it, so no EIP is created; allowed: "type":"public" with the bandwidth fields in kubernetes.io/elb.autocreate (ElbNetwork.publicNetwork())'],
  ['kubernetes.io/elb.session-affinity-options', 'is a cloud-provider-huaweicloud key; CCE ignores it; allowed: kubernetes.io/elb.session-affinity-option (one option, singular)'],
  // Legacy keys
  ['kubernetes.io/session-affinity-mode', 'is a legacy key that CCE no longer reads; allowed: kubernetes.io/elb.session-affinity-mode: SOURCE_IP (SessionAffinity.sourceIp())'],
  ['kubernetes.io/elb.persist-autocreate', 'is a legacy key that current CCE pages do not list; CCE deletes an auto-created load balancer with its Service; allowed: leave it out, or use an existing load balancer (ExistingElb) to keep it'],
]);

/** Every key CCE reads or writes on a Service or an Ingress, as far as its pages show. */
export function isDocumentedKey(key: string): boolean {
  return catalogEntry(key) !== undefined || DOCUMENTED_UNTYPED_KEYS.has(key);
}

const CANDIDATES: readonly string[] = [...[...CATALOG.values()].filter((e) => !e.perService).map((e) => e.key), ...DOCUMENTED_UNTYPED_KEYS];

/** The most edits {@link nearestDocumentedKey} allows between a key and its suggestion. */
const MAX_SUGGESTION_DISTANCE = 4;

/**
 * The documented key nearest to `key` (edit distance with transpositions, ignoring case), when it
 * is close enough to be a typo: `kubernetes.io/elb.lb-algorithim` → `kubernetes.io/elb.lb-algorithm`.
 */
export function nearestDocumentedKey(key: string): string | undefined {
  const wanted = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(MAX_SUGGESTION_DISTANCE, Math.floor(wanted.length / 3)) + 1;
  for (const candidate of CANDIDATES) {
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const d = editDistance(wanted, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance, giving up (returning `limit`) once every path costs `limit` or more. */
function editDistance(a: string, b: string, limit: number): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, previous2[j - 2] + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin >= limit) return limit;
    previous2 = previous;
    previous = current;
  }
  return Math.min(previous[b.length], limit);
}

/** A Service feature that CCE documents without showing the annotation that sets it. */
export interface UnconfirmedFeature {
  readonly feature: string;
  /** The clusters that have it, as CCE states them. */
  readonly clusters: string;
  /** What is known, and why there is no prop. */
  readonly reason: string;
}

/**
 * Service features CCE documents (2024–2026) whose annotation key or format no page shows: the
 * library has no prop for them and does not guess a key (`shared/reference/cce-elb-2026-additions.md`, ◐ rows).
 */
export const UNCONFIRMED_FEATURES: readonly UnconfirmedFeature[] = [
  {
    feature: 'Security policy of HTTPS/TLS listeners (TLS versions and ciphers)',
    clusters: 'v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 (console)',
    reason: 'Ingresses use kubernetes.io/elb.tls-ciphers-policy and kubernetes.io/elb.security_policy_id; no page shows a Service key',
  },
  {
    feature: 'Backend protocol of HTTPS/TLS listeners (HTTPS or TLS to the pods)',
    clusters: 'not stated',
    reason: 'a console option for Services; the Ingress key kubernetes.io/elb.pool-protocol is not documented for Services',
  },
  {
    feature: 'Mutual TLS and SNI on TLS listeners',
    clusters: 'v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 (console)',
    reason: 'offered by the console; no page shows kubernetes.io/elb.client-ca-cert-id on a tls: port (SNI certificates are allowed on TLS listeners, the CA certificate is kept to HTTPS)',
  },
  {
    feature: 'X-Real-IP header',
    clusters: 'v1.25.16-r30, v1.27.16-r30, v1.28.15-r20, v1.29.13-r0, v1.30.10-r0, v1.31.6-r0, v1.32.1-r0',
    reason: 'the feature is documented, its key is not',
  },
  {
    feature: 'QUIC listeners, and UDP listeners with QUIC backends',
    clusters: 'v1.28.15-r80, v1.29.15-r40, v1.30.14-r40, v1.31.14-r0, v1.32.9-r0, v1.33.7-r0, v1.34.2-r0',
    reason: 'the kubernetes.io/elb.protocol-port syntax for them is not documented (a quic:<port> entry is not checked: warning unconfirmed-syntax)',
  },
  {
    feature: 'Disabled listener hosting (CCE creates only the backend server group; cannot be undone)',
    clusters: 'v1.29.15-r90, v1.30.14-r90, v1.31.14-r50, v1.32.13-r20, v1.33.12-r0, v1.34.8-r0, v1.35.5-r0, v1.36.1-r10',
    reason: 'its key is not documented',
  },
  {
    feature: 'Cascade deletion of the listener and backend server groups of a multi-cluster Service; backends in another VPC or on ECSs',
    clusters: 'not read',
    reason: 'named on the cross-cluster page, without their keys or versions',
  },
];
