import { warnClassNotStated } from './catalog-rules';
import { ElbObjectView, thisObject } from './elb-view';
import { Findings } from './finding';
import { ElbWarning } from './warnings';
import { ListenerKind, subjectOf } from '../annotations/catalog';
import { ElbAnnotations as K } from '../annotations/keys';

/** Idle-timeout range per listener protocol (ELB API). */
const KEEPALIVE_RANGES: Record<ListenerKind, readonly [number, number]> = {
  TCP: [10, 4000],
  UDP: [10, 4000],
  HTTP: [0, 4000],
  HTTPS: [0, 4000],
  // ELB documents TCP/UDP and HTTP/HTTPS ranges only; TLS takes the wider one, so nothing legal is refused.
  TLS: [0, 4000],
};

/**
 * `elb.keepalive_timeout` must fit every listener of the Service (TCP and UDP 10–4000, HTTP,
 * HTTPS and TLS 0–4000), and shared load balancers have no UDP idle timeout. `elb.connection-drain-enable`
 * needs `elb.connection-drain-timeout` (ELB rejects it otherwise: ELB.8902).
 */
export function checkTimeouts(view: ElbObjectView, findings: Findings): void {
  const keepalive = view.values.get(K.KEEPALIVE_TIMEOUT) as number | undefined;
  // Outside 0–4000 the catalog's value rule already reports it.
  if (keepalive !== undefined && keepalive <= 4000) {
    for (const kind of view.listenerKinds) {
      const [min, max] = KEEPALIVE_RANGES[kind];
      if (keepalive < min || keepalive > max) {
        findings.add(subjectOf(K.KEEPALIVE_TIMEOUT), `${keepalive} seconds is out of range for the ${kind} listeners of ${thisObject(view)}; allowed: ${min} to ${max} seconds`);
      }
    }
    if (view.listenerKinds.has('UDP') && view.elbClass === undefined) {
      warnClassNotStated(subjectOf(K.KEEPALIVE_TIMEOUT), 'applies to UDP listeners only on a dedicated load balancer, and this Service has UDP ports', findings);
    } else if (view.listenerKinds.has('UDP') && view.elbClass !== 'performance') {
      findings.add(
        subjectOf(K.KEEPALIVE_TIMEOUT),
        'applies to UDP listeners only on a dedicated load balancer (elb.class "performance"), and this Service has UDP ports; allowed: a dedicated load balancer, or leave it out',
      );
    }
  }
  const drain = view.values.get(K.CONNECTION_DRAIN_ENABLE);
  const drainTimeout = view.annotations[K.CONNECTION_DRAIN_TIMEOUT];
  if (drain === true && drainTimeout === undefined) {
    findings.add(
      subjectOf(K.CONNECTION_DRAIN_TIMEOUT),
      `is required because ${K.CONNECTION_DRAIN_ENABLE} is "true" (ELB rejects the listener: "Connection drain timeout must be explict defined."); allowed: 10 to 4000 seconds`,
    );
  }
  if (drain !== true && drainTimeout !== undefined) {
    findings.warn(
      ElbWarning.NO_EFFECT,
      subjectOf(K.CONNECTION_DRAIN_TIMEOUT),
      `has no effect unless ${K.CONNECTION_DRAIN_ENABLE} is "true"; allowed: connectionDrainTimeout (which writes both), or leave it out`,
    );
  }
}
