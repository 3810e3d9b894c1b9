import { Findings } from './finding';
import { ONE_LISTENER_A_PORT, overlappingSpans, portSpansOf } from './port-spans';
import { ServiceView, listenerKindOf } from './service-view';
import { ElbWarning } from './warnings';
import { subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { didYouMean, listed, show } from '../annotations/values';

const POOLS_OPTIONS_FIELDS = ['any_port_enabled'];

/**
 * `elb.port-ranges` against `spec.ports` (the value rule in the catalog checks each port's own
 * ranges): every name is the name of a Service port whose listener is TCP, UDP or TLS, and no range
 * overlaps another port's listener port or ranges on the same transport (a load balancer port
 * belongs to one listener; TCP, HTTP, HTTPS and TLS listeners share the TCP ports). Changing a
 * range makes CCE delete and recreate the listener: a warning in a manifest meant for
 * `kubectl apply` (HW-0929).
 */
export function checkPortRanges(view: ServiceView, findings: Findings): void {
  const value = view.values.get(K.PORT_RANGES) as Record<string, unknown> | undefined;
  if (value === undefined) return;
  const subject = subjectOf(K.PORT_RANGES);
  const portsByName = new Map<unknown, (typeof view.ports)[number]>();
  for (const port of view.ports) if (!portsByName.has(port.name)) portsByName.set(port.name, port);
  let names: string | undefined;
  for (const name of Object.keys(value)) {
    const port = portsByName.get(name);
    if (port === undefined) {
      names ??= namesOf(view);
      findings.add(subject, `names port ${show(name)}, which is not a name in spec.ports; allowed: the name of a Service port (${names})`);
      continue;
    }
    const kind = listenerKindOf(port, view.listeners);
    if (kind === 'HTTP' || kind === 'HTTPS') {
      findings.add(subject, `names port ${show(name)}, which has an ${kind} listener; allowed: ports with TCP, UDP or TLS listeners`);
    }
  }
  const spans = portSpansOf((index) => index, view.ports, view.listeners, value);
  for (const [earlier, later] of overlappingSpans(spans, (a, b) => a.isRange || b.isRange)) {
    findings.add(subject, `${later.label} overlaps ${earlier.label}: ${ONE_LISTENER_A_PORT[later.transport]}; allowed: ranges that overlap no other port or range of the Service`);
  }
  if (!view.readBack) {
    findings.warn(
      ElbWarning.LISTENER_RECREATED,
      subject,
      'changing a range later makes CCE delete and recreate the listener, which interrupts traffic for a few seconds; allowed: plan range changes for a maintenance window (acknowledge this warning once you have)',
    );
  }
}

/** The port names of a Service for a message: the first few, quoted. */
function namesOf(view: ServiceView): string {
  return listed(view.ports.map((p) => p.name).filter((n) => typeof n === 'string'), show, 'names', 'none: name the ports');
}

/**
 * `elb.pools-options`: full-port forwarding is for CCE Turbo clusters (a standard cluster cannot use
 * it) and is read only when CCE creates the backend server group (HW-1180).
 */
export function checkPoolsOptions(view: ServiceView, findings: Findings): void {
  const options = view.values.get(K.POOLS_OPTIONS) as Record<string, unknown> | undefined;
  if (options === undefined) return;
  for (const field of Object.keys(options)) {
    if (field !== 'any_port_enabled') {
      // CCE documents only any_port_enabled, but may read more: a warning, not an error.
      findings.warn(ElbWarning.NO_EFFECT, subjectOf(K.POOLS_OPTIONS, field), `is not a field CCE documents${didYouMean(field, POOLS_OPTIONS_FIELDS)}, so it probably has no effect; allowed: ${POOLS_OPTIONS_FIELDS.join(', ')}`);
    }
  }
  const anyPort = options.any_port_enabled;
  if (anyPort !== undefined && typeof anyPort !== 'boolean') {
    findings.add(subjectOf(K.POOLS_OPTIONS, 'any_port_enabled'), `${show(anyPort)} is not allowed; allowed: true or false (JSON booleans, not strings)`);
  }
  if (anyPort === true && view.cluster.flavor === 'standard') {
    findings.add(
      subjectOf(K.POOLS_OPTIONS, 'any_port_enabled'),
      'full-port forwarding needs a CCE Turbo cluster (ELB sends traffic straight to the pods), and the cluster profile says standard; allowed: a CCE Turbo cluster, or leave it out',
    );
  }
}

/**
 * `elb.multicluster`: backends of several clusters on the listeners of an existing load balancer
 * (HW-0682). The check that every Service on one listener sets it runs across Services
 * (`SharedElbChecks`).
 */
export function checkMultiCluster(view: ServiceView, findings: Findings): void {
  if (view.values.get(K.MULTICLUSTER) !== true) return;
  if (view.annotations[K.AUTOCREATE] !== undefined && view.annotations[K.ID] === undefined) {
    findings.add(
      subjectOf(K.MULTICLUSTER),
      `needs an existing load balancer (${K.ID}), and this Service has CCE create one (${K.AUTOCREATE}); allowed: ExistingElb with multiCluster, or leave it out`,
    );
  }
}
