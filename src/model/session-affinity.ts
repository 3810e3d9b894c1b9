import { Duration } from 'cdk8s';
import { minutes } from './durations';
import { numberString } from '../annotations/json';
import { ElbAnnotations } from '../annotations/keys';
import { AnnotationSink } from '../annotations/sink';

/**
 * ELB sticky sessions: requests from one client go to the same backend
 * (`kubernetes.io/elb.session-affinity-mode` and `kubernetes.io/elb.session-affinity-option`).
 * Needs TCP/UDP listeners, and cannot be combined with `LbAlgorithm.SOURCE_IP`. For requests to
 * reach the same pod, also spread the pods over different nodes and consider
 * `externalTrafficPolicy: Local`.
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0681.html
 */
export class SessionAffinity {
  /**
   * Sticky sessions by source IP address (`SOURCE_IP`).
   * @param timeout how long a client stays on its backend: whole minutes from 1 to 60.
   * Default: CCE's default, 60 minutes (no option is written).
   */
  public static sourceIp(timeout?: Duration): SessionAffinity {
    return new SessionAffinity('SOURCE_IP', timeout);
  }

  private constructor(
    private readonly mode: string,
    private readonly timeout?: Duration,
  ) {}

  /** @internal */
  public _annotations(add: AnnotationSink): void {
    add(ElbAnnotations.SESSION_AFFINITY_MODE, this.mode);
    const timeout = this.timeout === undefined ? undefined : numberString(minutes(this.timeout));
    add(ElbAnnotations.SESSION_AFFINITY_OPTION, timeout === undefined ? undefined : { persistence_timeout: timeout });
  }
}
