import { Findings } from './finding';
import { ServiceView, listenerKindOf } from './service-view';
import { ElbWarning } from './warnings';
import { parsePortRange, subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';
import { show } from '../annotations/values';

/**
 * `elb.port-ranges` against `spec.ports` (the value rule in the catalog checks each port's own
 * ranges): every name is the name of a Service port whose listener is TCP, UDP or TLS, and ranges
 * of ports with the same listener protocol do not overlap (they would be one port of two
 * listeners). Changing a range makes CCE delete and recreate the listener: a warning in a manifest
 * meant for `kubectl apply` (HW-0929).
 */
export function checkPortRanges(view: ServiceView, findings: Findings): void {
  const value = view.values.get(K.PORT_RANGES) as Record<string, unknown> | undefined;
  if (value === undefined) return;
  const subject = subjectOf(K.PORT_RANGES);
  /** Ranges seen so far, per listener protocol, with the port name that has them. */
  const taken = new Map<string, Array<{ name: string; start: number; end: number }>>();
  for (const name of Object.keys(value)) {
    const port = view.ports.find((p) => p.name === name);
    if (port === undefined) {
      const names = view.ports.map((p) => p.name).filter((n) => typeof n === 'string').map(show).join(', ') || 'none: name the ports';
      findings.add(subject, `names port ${show(name)}, which is not a name in spec.ports; allowed: the name of a Service port (${names})`);
      continue;
    }
    const kind = listenerKindOf(port, view.listeners);
    if (kind === 'HTTP' || kind === 'HTTPS') {
      findings.add(subject, `names port ${show(name)}, which has an ${kind} listener; allowed: ports with TCP, UDP or TLS listeners`);
      continue;
    }
    const ranges = value[name];
    if (kind === undefined || !Array.isArray(ranges)) continue;
    const same = taken.get(kind) ?? [];
    taken.set(kind, same);
    for (const entry of ranges) {
      const range = parsePortRange(entry);
      if (typeof range === 'string') break; // the value rule reports it
      const other = same.find((r) => r.name !== name && range[0] <= r.end && r.start <= range[1]);
      if (other !== undefined) {
        findings.add(subject, `range ${show(entry)} of port ${show(name)} overlaps "${other.start},${other.end}" of port ${show(other.name)}, both ${kind} listeners of the load balancer; allowed: ranges that do not overlap`);
      }
      same.push({ name, start: range[0], end: range[1] });
    }
  }
  if (!view.readBack) {
    findings.warn(
      ElbWarning.LISTENER_RECREATED,
      subject,
      'changing a range later makes CCE delete and recreate the listener, which interrupts traffic for a few seconds; allowed: plan range changes for a maintenance window (acknowledge this warning once you have)',
    );
  }
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
      findings.warn(ElbWarning.NO_EFFECT, subjectOf(K.POOLS_OPTIONS, field), 'is not a field CCE documents, so it probably has no effect; allowed: any_port_enabled');
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
