import { ElbClass } from './elb-class';
import { LoadBalancer } from './load-balancer';
import { ElbAnnotations } from '../annotations/keys';

/**
 * A load balancer that already exists, given by its ID (`kubernetes.io/elb.id`). It must be in the
 * cluster's VPC. Find the ID on the ELB console, on the load balancer's Summary tab.
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0681.html
 */
export class ExistingElb extends LoadBalancer {
  /** An existing load balancer whose class is not stated (only `kubernetes.io/elb.id` is written). */
  public static fromId(id: string): ExistingElb {
    return new ExistingElb(id);
  }

  /** An existing shared load balancer (`kubernetes.io/elb.class: union`). */
  public static shared(id: string): ExistingElb {
    return new ExistingElb(id, ElbClass.SHARED);
  }

  /** An existing dedicated load balancer (`kubernetes.io/elb.class: performance`). */
  public static dedicated(id: string): ExistingElb {
    return new ExistingElb(id, ElbClass.DEDICATED);
  }

  private constructor(
    /** The load balancer ID. */
    public readonly id: string,
    elbClass?: ElbClass,
  ) {
    super(elbClass);
  }

  /** @internal */
  public _annotations(): Record<string, string> {
    const annotations: Record<string, string> = {};
    if (this.elbClass !== undefined) annotations[ElbAnnotations.CLASS] = this.elbClass;
    annotations[ElbAnnotations.ID] = this.id;
    return annotations;
  }
}
