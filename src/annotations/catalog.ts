import { ElbAnnotations } from './keys';

/**
 * One entry per annotation key this library types: which typed prop sets it, and for JSON-valued
 * annotations which prop sets each JSON field. Messages at synth (and, later, the linter) name
 * both, so that a user of either the constructs or raw YAML recognises the problem.
 */
export interface CatalogEntry {
  /** The annotation key. */
  readonly key: string;
  /** The typed prop that sets it, as a user writes it in the props. */
  readonly prop: string;
  /** For JSON-object annotations: JSON field → typed prop. */
  readonly fields?: Readonly<Record<string, string>>;
}

const AUTOCREATE_FIELDS: Record<string, string> = {
  type: 'loadBalancer.network',
  bandwidth_name: 'loadBalancer.network.bandwidthName',
  bandwidth_chargemode: 'loadBalancer.network.chargeMode',
  bandwidth_size: 'loadBalancer.network.bandwidthSizeMbps',
  bandwidth_sharetype: 'loadBalancer.network.shareType',
  eip_type: 'loadBalancer.network.eipType',
  name: 'loadBalancer.name',
  vip_subnet_cidr_id: 'loadBalancer.vipSubnetId',
  available_zone: 'loadBalancer.availabilityZones',
  l7_flavor_name: 'loadBalancer.l7FlavorName',
  l4_flavor_name: 'loadBalancer.l4FlavorName',
  elb_virsubnet_ids: 'loadBalancer.backendSubnetIds',
};

const HEALTH_CHECK_FIELDS: Record<string, string> = {
  protocol: 'healthCheck',
  delay: 'healthCheck.delay',
  timeout: 'healthCheck.timeout',
  max_retries: 'healthCheck.maxRetries',
  path: 'healthCheck.path',
};

/** The catalog of annotations typed by this library, keyed by annotation key. */
export const CATALOG: ReadonlyMap<string, CatalogEntry> = new Map(
  [
    { key: ElbAnnotations.CLASS, prop: 'loadBalancer' },
    { key: ElbAnnotations.ID, prop: 'loadBalancer.id' },
    { key: ElbAnnotations.AUTOCREATE, prop: 'loadBalancer', fields: AUTOCREATE_FIELDS },
    { key: ElbAnnotations.SUBNET_ID, prop: 'subnetId' },
    { key: ElbAnnotations.ENTERPRISE_ID, prop: 'enterpriseProjectId' },
    { key: ElbAnnotations.LB_ALGORITHM, prop: 'lbAlgorithm' },
    { key: ElbAnnotations.SESSION_AFFINITY_MODE, prop: 'sessionAffinity' },
    {
      key: ElbAnnotations.SESSION_AFFINITY_OPTION,
      prop: 'sessionAffinity',
      fields: { persistence_timeout: 'sessionAffinity.timeout' },
    },
    { key: ElbAnnotations.HEALTH_CHECK_FLAG, prop: 'healthCheck' },
    { key: ElbAnnotations.HEALTH_CHECK_OPTION, prop: 'healthCheck', fields: HEALTH_CHECK_FIELDS },
    { key: ElbAnnotations.PROTOCOL_PORT, prop: 'listeners' },
    { key: ElbAnnotations.CERT_ID, prop: 'certificateId' },
    { key: ElbAnnotations.PASS_THROUGH, prop: 'PassThroughService' },
    { key: ElbAnnotations.HOST_NETWORK, prop: 'hostNetwork' },
  ].map((e) => [e.key, e as CatalogEntry]),
);

/** True when the key is one that a typed prop of this library sets. */
export function isCatalogKey(key: string): boolean {
  return CATALOG.has(key);
}

/**
 * The label a message uses for an annotation, or for one field of a JSON annotation:
 * `lbAlgorithm (kubernetes.io/elb.lb-algorithm)`,
 * `loadBalancer.network.bandwidthSizeMbps (kubernetes.io/elb.autocreate: bandwidth_size)`.
 */
export function subjectOf(key: string, field?: string): string {
  const entry = CATALOG.get(key);
  const prop = (field !== undefined ? entry?.fields?.[field] : undefined) ?? entry?.prop;
  const where = field !== undefined ? `${key}: ${field}` : key;
  return prop !== undefined ? `${prop} (${where})` : where;
}
