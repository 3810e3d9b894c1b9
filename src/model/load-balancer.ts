import { ElbClass } from './elb-class';
import { AnnotationSink } from '../annotations/sink';

/**
 * The load balancer an `ElbService` is bound to: an existing one (`ExistingElb`) or one that CCE
 * creates for the Service (`AutoCreatedElb`).
 */
export abstract class LoadBalancer {
  /**
   * The class of the load balancer, when known.
   * @default - not known (an existing load balancer given only by ID)
   */
  public readonly elbClass?: ElbClass;

  protected constructor(elbClass?: ElbClass) {
    this.elbClass = elbClass;
  }

  /**
   * Gives `add` the annotations that bind a Service to this load balancer, as typed values that
   * the catalog encodes.
   * @internal
   */
  public abstract _annotations(add: AnnotationSink): void;
}
