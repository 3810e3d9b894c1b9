import { checkVersion, warnClassNotStated } from './catalog-rules';
import { ElbObjectView } from './elb-view';
import { Findings } from './finding';
import { ServiceView } from './service-view';
import { ElbWarning } from './warnings';
import { V_DEDICATED, V_LAYER7_FLAVOR_ALONE, entryOf, subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { IPV4, UUID, checkInteger, checkOneOf, checkPattern, show, unknownField } from '../annotations/values';

/**
 * Autocreate `name`: CCE's 2026 annotation table gives only "1–64 characters"; its default name is
 * `cce-lb-<Service UID>`, its examples use names such as `A-location-d-test`, and names such as
 * `shop-web` work on real clusters. So the only limit is the length (ELB itself takes up to 255).
 */
export const AUTOCREATE_NAME = /^[^]{1,64}$/u;
const AUTOCREATE_NAME_ALLOWED = '1 to 64 characters (CCE\'s annotation table)';

/**
 * Autocreate `bandwidth_name`: 1–64 characters of letters (Chinese ones included), digits, `_`,
 * `-` and `.` (the EIP API's bandwidth name rule; CCE's examples use `cce-bandwidth-1551163379627`).
 */
export const BANDWIDTH_NAME = /^[\p{L}\p{N}_.-]{1,64}$/u;

const AUTOCREATE = entryOf(K.AUTOCREATE);
const AUTOCREATE_FIELDS = Object.keys(AUTOCREATE.fields!);
const DEDICATED_ONLY_FIELDS = AUTOCREATE_FIELDS.filter((f) => AUTOCREATE.fields![f].elbClasses?.includes('union') === false);
const PUBLIC_FIELDS = ['bandwidth_name', 'bandwidth_chargemode', 'bandwidth_size', 'bandwidth_sharetype', 'eip_type'];
/** Elastic flavors (`L4_flavor.elb.pro.max`) are billed by use; the others are fixed sizes. */
const ELASTIC_FLAVOR = /\.pro\.max$/;

/** Class, and exactly one of an existing ELB or an auto-created one. */
export function checkLoadBalancerSource(view: ElbObjectView, findings: Findings): void {
  const a = view.annotations;
  const existing = [K.ID, K.IP].filter((k) => a[k] !== undefined);
  const autoCreate = a[K.AUTOCREATE];
  if (existing.length > 0 && autoCreate !== undefined && !(view.readBack && a[K.ID] !== undefined)) {
    // Read back from a cluster, elb.id beside elb.autocreate is the ID CCE wrote after creating it.
    findings.add(
      `loadBalancer (${existing.join(', ')} and ${K.AUTOCREATE})`,
      `both are set; CCE would bind the existing load balancer and delete it together with the ${view.kind}; allowed: exactly one of them`,
    );
  } else if (existing.length === 0 && autoCreate === undefined) {
    findings.add(`loadBalancer (${K.ID} or ${K.AUTOCREATE})`, 'neither is set; allowed: exactly one of them');
  } else if (existing.length === 2 && view.kind === 'Service') {
    // (On an Ingress both are documented: CCE's pages write them together, and the ID wins, cce_10_0695.)
    findings.add(
      `loadBalancer (${K.ID} and ${K.IP})`,
      'both are set, and CCE uses the ID and ignores the address; allowed: one of them (ExistingElb.fromId() or ExistingElb.fromIpAddress())',
    );
  }
  if (autoCreate !== undefined && view.elbClass === undefined) {
    findings.warn(
      ElbWarning.CLASS_NOT_STATED,
      subjectOf(K.CLASS),
      'is not set, so CCE creates a load balancer of its documented default class "union" (shared), though regions with ELB v3 default to "performance" (dedicated, which needs available_zone and l4_flavor_name); allowed: state the class with AutoCreatedElb.shared() or AutoCreatedElb.dedicated()',
    );
  }
  if (view.elbClass === 'performance') checkVersion(view, V_DEDICATED, subjectOf(K.CLASS), findings, 'a dedicated load balancer ("performance") needs');
}

/** The fields of `elb.autocreate`. */
export function checkAutoCreate(view: ElbObjectView, findings: Findings): void {
  const ac = view.autoCreate;
  if (!ac) return;
  const sub = (field: string) => subjectOf(K.AUTOCREATE, field);
  const add = (field: string, problem: string | undefined) => {
    if (problem) findings.add(sub(field), problem);
  };

  for (const field of Object.keys(ac)) {
    if (!AUTOCREATE_FIELDS.includes(field)) {
      findings.add(sub(field), unknownField(field, AUTOCREATE_FIELDS));
    }
  }
  if (ac.type !== undefined) add('type', checkOneOf(ac.type, ['public', 'inner']));
  if (ac.name !== undefined) add('name', checkPattern(ac.name, AUTOCREATE_NAME, AUTOCREATE_NAME_ALLOWED));
  if (ac.vip_subnet_cidr_id !== undefined) {
    add('vip_subnet_cidr_id', checkPattern(ac.vip_subnet_cidr_id, UUID, 'the ID of an IPv4 subnet in the cluster VPC (a UUID)'));
  }

  if (ac.type === 'public') {
    for (const field of PUBLIC_FIELDS) {
      if (ac[field] !== undefined) continue;
      if (field === 'bandwidth_chargemode') {
        // Huawei's page gives it a default (bandwidth) and Services without it work on Huawei CCE; OTC's page marks it mandatory.
        findings.warn(ElbWarning.NO_EFFECT, sub(field), 'is not set: Huawei Cloud CCE bills by bandwidth then, but Open Telekom Cloud\'s page marks the field mandatory; allowed: "bandwidth" or "traffic" (ElbNetwork.publicNetwork({ chargeMode }))');
      } else {
        findings.add(sub(field), 'is required for a public load balancer; allowed: see ElbNetwork.publicNetwork()');
      }
    }
    if (ac.bandwidth_name !== undefined) {
      add('bandwidth_name', checkPattern(ac.bandwidth_name, BANDWIDTH_NAME, '1 to 64 letters (Chinese ones included), digits, "_", "-" or "." (the EIP API\'s bandwidth name rule)'));
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

  if (ac.vip_address !== undefined) add('vip_address', checkPattern(ac.vip_address, IPV4, 'a free IPv4 address of the load balancer subnet (IPv6 is not allowed)'));
  if (ac.ipv6_vip_virsubnet_id !== undefined) add('ipv6_vip_virsubnet_id', checkPattern(ac.ipv6_vip_virsubnet_id, UUID, 'the network ID of an IPv6-enabled subnet (a UUID)'));

  const dedicated = view.elbClass === 'performance';
  if (!dedicated) {
    for (const field of DEDICATED_ONLY_FIELDS) {
      if (ac[field] === undefined) continue;
      if (view.elbClass === undefined) warnClassNotStated(sub(field), 'only applies to a dedicated load balancer', findings, 'AutoCreatedElb.dedicated()');
      else findings.add(sub(field), 'only applies to a dedicated load balancer (elb.class "performance"); allowed: leave it out, or use AutoCreatedElb.dedicated()');
    }
    return;
  }
  const az = ac.available_zone;
  if (!Array.isArray(az) || az.length === 0 || az.some((z) => typeof z !== 'string' || z.trim() === '')) {
    const what = az === undefined ? 'is required for a dedicated load balancer' : `${show(az)} is not allowed`;
    findings.add(sub('available_zone'), `${what}; allowed: a non-empty list of availability zone codes, such as ["cn-south-2b"]`);
  }
  const ingress = view.kind === 'Ingress';
  const layer7 = ingress || ((view as ServiceView).listeners ?? []).some((l) => l.protocol === 'http' || l.protocol === 'https');
  // An Ingress's dedicated load balancer is an application (layer-7) one (cce_10_0252): no network flavor needed.
  if (!ingress || (ac.l4_flavor_name !== undefined && ac.l4_flavor_name !== '')) checkLayer4Flavor(view, ac.l4_flavor_name, layer7, findings);
  // "" means no layer-7 flavor: CCE's own read-back Services carry "l7_flavor_name":"" (OTC custom EIP page).
  if (ac.l7_flavor_name !== undefined && typeof ac.l7_flavor_name !== 'string') {
    findings.add(sub('l7_flavor_name'), `${show(ac.l7_flavor_name)} is not allowed; allowed: the name of a layer-7 flavor, such as "L7_flavor.elb.s2.small"`);
  }
  if (layer7 && (ac.l7_flavor_name === undefined || ac.l7_flavor_name === '')) {
    findings.add(
      sub('l7_flavor_name'),
      `is required because ${ingress ? 'an Ingress has HTTP/HTTPS listeners' : `${K.PROTOCOL_PORT} creates HTTP/HTTPS listeners`} on this dedicated load balancer; allowed: a layer-7 flavor name, such as "L7_flavor.elb.s2.small"`,
    );
  }
  const subnets = ac.elb_virsubnet_ids;
  if (subnets !== undefined && (!Array.isArray(subnets) || subnets.some((s) => typeof s !== 'string' || !UUID.test(s)))) {
    findings.add(sub('elb_virsubnet_ids'), `${show(subnets)} is not allowed; allowed: a list of subnet network IDs (UUIDs)`);
  }
  const l4 = ac.l4_flavor_name;
  const l7 = ac.l7_flavor_name;
  if (typeof l4 === 'string' && typeof l7 === 'string' && l4 !== '' && l7 !== '' && ELASTIC_FLAVOR.test(l4) !== ELASTIC_FLAVOR.test(l7)) {
    findings.add(
      sub('l7_flavor_name'),
      `${show(l7)} and l4_flavor_name ${show(l4)} mix an elastic and a fixed flavor; allowed: both elastic (L4_flavor.elb.pro.max with L7_flavor.elb.pro.max) or both fixed`,
    );
  }
}

/**
 * A dedicated load balancer that CCE creates needs a network (layer-4) flavor, except one with
 * HTTP/HTTPS listeners on a cluster of v1.19.16-r50, v1.21.11-r10, v1.23.9-r10, v1.25.4-r10,
 * v1.27.1-r10 or later, where an application (layer-7) flavor alone is enough (HW-0683). Without a
 * cluster version, such a Service gets the benefit of the doubt, as version gates do.
 */
function checkLayer4Flavor(view: ElbObjectView, l4: unknown, layer7: boolean, findings: Findings): void {
  const subject = subjectOf(K.AUTOCREATE, 'l4_flavor_name');
  if (typeof l4 === 'string' && l4 !== '') return;
  const allowed = 'the name of a layer-4 flavor, such as "L4_flavor.elb.s1.small"';
  if (l4 !== undefined && l4 !== '') {
    findings.add(subject, `${show(l4)} is not allowed; allowed: ${allowed}`);
  } else if (!layer7) {
    findings.add(subject, `is ${l4 === undefined ? 'not set' : 'empty'}, and a dedicated load balancer without HTTP/HTTPS listeners needs a network flavor; allowed: ${allowed}`);
  } else {
    checkVersion(
      view, V_LAYER7_FLAVOR_ALONE, subject, findings,
      'is left out, so the load balancer has only an application flavor, and HTTP/HTTPS listeners with only an application flavor need',
      `${allowed} (older clusters need both flavors), or upgrade the cluster`,
    );
  }
}

/** `elb.custom-eip-id` takes effect on an update, once CCE has created the load balancer with an EIP. */
export function checkCustomEip(view: ElbObjectView, findings: Findings): void {
  if (view.annotations[K.CUSTOM_EIP_ID] === undefined || view.annotations[K.EIP_ID] !== undefined) return;
  if (view.autoCreate?.type !== 'public') {
    findings.add(
      subjectOf(K.CUSTOM_EIP_ID),
      `replaces the EIP that CCE created with a public load balancer (${K.EIP_ID}), and this ${view.kind} has none: its load balancer is ${view.autoCreate ? 'private' : 'an existing one'}; allowed: AutoCreatedElb with ElbNetwork.publicNetwork(), or leave it out`,
    );
    return;
  }
  findings.warn(
    ElbWarning.CUSTOM_EIP_ON_UPDATE,
    subjectOf(K.CUSTOM_EIP_ID),
    `takes effect only when the ${view.kind} is updated after CCE has created its load balancer with an EIP (${K.EIP_ID} is then present); on the first apply it is ignored; allowed: apply the ${view.kind} first, then add the custom EIP`,
  );
}
