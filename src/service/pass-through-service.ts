import { Construct } from 'constructs';
import { ElbService, ElbServiceProps } from './elb-service';
import { ElbAnnotations } from '../annotations/keys';

/**
 * An `ElbService` with passthrough networking (`kubernetes.io/elb.pass-through: "true"`): traffic
 * from inside the cluster to the load balancer's address goes through the load balancer instead
 * of being short-circuited by kube-proxy. This keeps the ELB address reachable from pods when
 * `externalTrafficPolicy` is `Local`.
 *
 * Not supported on clusters of v1.15 and earlier. With `externalTrafficPolicy: Local`, CCE rewrites
 * the annotation to `onlyLocal` (expect that diff in GitOps tools). In IPVS mode, every Service on
 * one load balancer must agree on pass-through.
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0355.html
 */
export class PassThroughService extends ElbService {
  public constructor(scope: Construct, id: string, props: ElbServiceProps) {
    super(scope, id, props);
    this._addTypedAnnotation(ElbAnnotations.PASS_THROUGH, 'true');
  }
}
