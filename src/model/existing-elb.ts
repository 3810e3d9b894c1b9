import { ElbClass } from './elb-class';
import { LoadBalancer } from './load-balancer';
import { ElbAnnotations } from '../annotations/keys';
import { AnnotationSink } from '../annotations/sink';

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

  /**
   * An existing load balancer given by its private IPv4 address (`kubernetes.io/elb.ip`) instead
   * of its ID. CCE looks the load balancer up and writes its ID into `kubernetes.io/elb.id` (expect
   * that diff in GitOps tools).
   * @param ipAddress the load balancer's private IPv4 address
   * @param elbClass the class of the load balancer, when known
   */
  public static fromIpAddress(ipAddress: string, elbClass?: ElbClass): ExistingElb {
    return new ExistingElb(undefined, elbClass, ipAddress);
  }

  private constructor(
    /**
     * The load balancer ID.
     * @default - given by address (`ipAddress`)
     */
    public readonly id?: string,
    elbClass?: ElbClass,
    /**
     * The load balancer's private IPv4 address.
     * @default - given by ID
     */
    public readonly ipAddress?: string,
  ) {
    super(elbClass);
  }

  /** @internal */
  public _annotations(add: AnnotationSink): void {
    add(ElbAnnotations.CLASS, this.elbClass);
    add(ElbAnnotations.ID, this.id);
    add(ElbAnnotations.IP, this.ipAddress);
  }
}
