import { Findings } from './finding';
import { ServiceView } from './service-view';
import { UUID, UUID_BODY, checkInteger, checkOneOf, checkPattern, show } from './values';
import { subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';

/**
 * Autocreate `name`: the CCE page this library implements allows 1–64 lowercase letters, digits and
 * underscores, starting with a letter and ending with a letter or digit. Newer CCE pages also allow
 * upper case, `-` and `.`; every name this rule accepts is valid under both readings.
 */
export const AUTOCREATE_NAME = /^[a-z]([a-z0-9_]{0,62}[a-z0-9])?$/;
const AUTOCREATE_NAME_ALLOWED =
  '1 to 64 lowercase letters, digits and underscores, starting with a lowercase letter and ending with a lowercase letter or digit';

/**
 * Autocreate `bandwidth_name`: CCE's own examples use names such as `cce-bandwidth-1551163379627`,
 * so hyphens and dots are accepted here (1–64 characters).
 */
export const BANDWIDTH_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

const AUTOCREATE_FIELDS = [
  'type', 'bandwidth_name', 'bandwidth_chargemode', 'bandwidth_size', 'bandwidth_sharetype', 'eip_type', 'name',
  'vip_subnet_cidr_id', 'available_zone', 'l7_flavor_name', 'l4_flavor_name', 'elb_virsubnet_ids',
];
/** `"0"` (the default enterprise project) or an enterprise project ID. */
const ENTERPRISE_ID = new RegExp(`^(0|${UUID_BODY})$`);

const DEDICATED_ONLY_FIELDS = ['available_zone', 'l4_flavor_name', 'l7_flavor_name', 'elb_virsubnet_ids'];
const PUBLIC_FIELDS = ['bandwidth_name', 'bandwidth_chargemode', 'bandwidth_size', 'bandwidth_sharetype', 'eip_type'];

/** Class, and exactly one of an existing ELB or an auto-created one. */
export function checkLoadBalancerSource(view: ServiceView, findings: Findings): void {
  const a = view.annotations;
  const elbClass = a[K.CLASS];
  if (elbClass !== undefined) {
    const problem = checkOneOf(elbClass, ['union', 'performance']);
    if (problem) findings.add(subjectOf(K.CLASS), `${problem} ("union" is a shared, "performance" a dedicated load balancer)`);
  }
  const id = a[K.ID];
  const autoCreate = a[K.AUTOCREATE];
  if (id !== undefined && autoCreate !== undefined) {
    findings.add(
      `loadBalancer (${K.ID} and ${K.AUTOCREATE})`,
      'both are set; CCE would bind the existing load balancer and delete it together with the Service; allowed: exactly one of them',
    );
  } else if (id === undefined && autoCreate === undefined) {
    findings.add(`loadBalancer (${K.ID} or ${K.AUTOCREATE})`, 'neither is set; allowed: exactly one of them');
  }
  if (id !== undefined) {
    const problem = checkPattern(
      id,
      UUID,
      'the ID of an existing load balancer, a UUID such as "5083f225-9bf8-48fa-9c8b-67bd9693c4c0" (not its name); find it on the ELB console, Summary tab',
    );
    if (problem) findings.add(subjectOf(K.ID), problem);
  }
  if (autoCreate !== undefined && elbClass === undefined) {
    findings.add(subjectOf(K.CLASS), `is not set although ${K.AUTOCREATE} is; allowed: "union" or "performance", so that the created load balancer is of a known class`);
  }
}

/** The fields of `elb.autocreate`. */
export function checkAutoCreate(view: ServiceView, findings: Findings): void {
  const ac = view.autoCreate;
  if (!ac) return;
  const sub = (field: string) => subjectOf(K.AUTOCREATE, field);
  const add = (field: string, problem: string | undefined) => {
    if (problem) findings.add(sub(field), problem);
  };

  for (const field of Object.keys(ac)) {
    if (!AUTOCREATE_FIELDS.includes(field)) {
      findings.add(sub(field), `is not a field CCE knows; allowed: ${AUTOCREATE_FIELDS.join(', ')}`);
    }
  }
  if (ac.type !== undefined) add('type', checkOneOf(ac.type, ['public', 'inner']));
  if (ac.name !== undefined) add('name', checkPattern(ac.name, AUTOCREATE_NAME, AUTOCREATE_NAME_ALLOWED));
  if (ac.vip_subnet_cidr_id !== undefined) {
    add('vip_subnet_cidr_id', checkPattern(ac.vip_subnet_cidr_id, UUID, 'the ID of an IPv4 subnet in the cluster VPC (a UUID)'));
  }

  if (ac.type === 'public') {
    for (const field of PUBLIC_FIELDS) {
      if (ac[field] === undefined) findings.add(sub(field), 'is required for a public load balancer; allowed: see ElbNetwork.publicNetwork()');
    }
    if (ac.bandwidth_name !== undefined) {
      add('bandwidth_name', checkPattern(ac.bandwidth_name, BANDWIDTH_NAME, '1 to 64 letters, digits, "_", "-" or "."'));
    }
    if (ac.bandwidth_size !== undefined) add('bandwidth_size', checkInteger(ac.bandwidth_size, 1, 2000, 'Mbit/s (a JSON number)'));
    if (ac.bandwidth_chargemode !== undefined) add('bandwidth_chargemode', checkOneOf(ac.bandwidth_chargemode, ['bandwidth', 'traffic']));
    if (ac.bandwidth_sharetype !== undefined) add('bandwidth_sharetype', checkOneOf(ac.bandwidth_sharetype, ['PER']));
    if (ac.eip_type !== undefined) add('eip_type', checkPattern(ac.eip_type, /^[0-9A-Za-z_-]{1,64}$/, 'an EIP type of the region, such as "5_bgp"'));
  } else {
    for (const field of PUBLIC_FIELDS) {
      if (ac[field] !== undefined) {
        findings.add(sub(field), 'only applies to a public load balancer; allowed: leave it out, or use ElbNetwork.publicNetwork() ("type":"public")');
      }
    }
  }

  const dedicated = view.annotations[K.CLASS] === 'performance';
  if (!dedicated) {
    for (const field of DEDICATED_ONLY_FIELDS) {
      if (ac[field] !== undefined) {
        findings.add(sub(field), 'only applies to a dedicated load balancer (elb.class "performance"); allowed: leave it out, or use AutoCreatedElb.dedicated()');
      }
    }
    return;
  }
  const az = ac.available_zone;
  if (!Array.isArray(az) || az.length === 0 || az.some((z) => typeof z !== 'string' || z.trim() === '')) {
    findings.add(sub('available_zone'), `${show(az)} is not allowed; allowed: a non-empty list of availability zone codes, such as ["cn-south-2b"]`);
  }
  if (typeof ac.l4_flavor_name !== 'string' || ac.l4_flavor_name === '') {
    findings.add(sub('l4_flavor_name'), `${show(ac.l4_flavor_name)} is not allowed; allowed: the name of a layer-4 flavor, such as "L4_flavor.elb.s1.small"`);
  }
  if (ac.l7_flavor_name !== undefined && (typeof ac.l7_flavor_name !== 'string' || ac.l7_flavor_name === '')) {
    findings.add(sub('l7_flavor_name'), `${show(ac.l7_flavor_name)} is not allowed; allowed: the name of a layer-7 flavor, such as "L7_flavor.elb.s2.small"`);
  }
  if ((view.listeners ?? []).length > 0 && ac.l7_flavor_name === undefined) {
    findings.add(
      sub('l7_flavor_name'),
      `is required because ${K.PROTOCOL_PORT} creates HTTP/HTTPS listeners on this dedicated load balancer; allowed: a layer-7 flavor name, such as "L7_flavor.elb.s2.small"`,
    );
  }
  const subnets = ac.elb_virsubnet_ids;
  if (subnets !== undefined && (!Array.isArray(subnets) || subnets.some((s) => typeof s !== 'string' || !UUID.test(s)))) {
    findings.add(sub('elb_virsubnet_ids'), `${show(subnets)} is not allowed; allowed: a list of subnet network IDs (UUIDs)`);
  }
}

/** Simple string-valued annotations: algorithm, subnet, enterprise project, host network, pass-through. */
export function checkSimpleAnnotations(view: ServiceView, findings: Findings): void {
  const a = view.annotations;
  const check = (key: string, problem: (v: string) => string | undefined) => {
    const value = a[key];
    if (value === undefined) return;
    const p = problem(value);
    if (p) findings.add(subjectOf(key), p);
  };
  check(K.LB_ALGORITHM, (v) => checkOneOf(v, ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP']));
  check(K.SUBNET_ID, (v) => checkPattern(v, UUID, 'the ID of the cluster subnet (a UUID)'));
  check(K.ENTERPRISE_ID, (v) => checkPattern(v, ENTERPRISE_ID, '"0" (the default project) or an enterprise project ID (a UUID)'));
  check(K.HOST_NETWORK, (v) => checkOneOf(v, ['true', 'false']));
  check(K.PASS_THROUGH, (v) => checkOneOf(v, ['true', 'onlyLocal']));
}
