import { ElbClass } from './elb-class';
import { LoadBalancer } from './load-balancer';
import { ElbNetwork } from './network';
import { ElbAnnotations } from '../annotations/keys';
import { AnnotationSink } from '../annotations/sink';
import { definedFields } from '../annotations/values';

/** What CCE does with a load balancer it created when the Service is deleted (`kubernetes.io/elb.instance-reclaim-policy`). */
export enum ElbReclaimPolicy {
  /** Keep the load balancer (delete it yourself when no longer needed). */
  RETAIN = 'retain',
  /** Delete the load balancer with the Service. */
  ALWAYS_DELETE = 'alwaysDelete',
}

/** Settings shared by auto-created shared and dedicated load balancers. */
export interface AutoCreatedElbProps {
  /**
   * Name of the load balancer (`name`): 1 to 64 characters, such as `shop-web` or
   * `A-location-d-test` (the only limit in CCE's 2026 annotation table; a longer name is an error at
   * synth).
   * @default - CCE names it `cce-lb-<Service UID>`
   */
  readonly name?: string;
  /**
   * Public (with an elastic IP and bandwidth) or private.
   * @default - private: `type` is not written and CCE creates a private (`inner`) load balancer
   */
  readonly network?: ElbNetwork;
  /**
   * ID of the IPv4 subnet the load balancer is placed in (`vip_subnet_cidr_id`); must be in the
   * cluster VPC. Clusters of v1.21 and later.
   * @default - the cluster's subnet
   */
  readonly vipSubnetId?: string;
  /**
   * Private IPv4 address of the load balancer (`vip_address`), a free address of its subnet.
   * Clusters of v1.23.11-r0, v1.25.6-r0, v1.27.3-r0 and later.
   * @default - an address assigned by the subnet
   */
  readonly vipAddress?: string;
  /**
   * Whether CCE keeps or deletes the load balancer when the Service is deleted
   * (`kubernetes.io/elb.instance-reclaim-policy`). Clusters of v1.28.15-r60 and later. Source: CCE's
   * 2026 annotation table as transcribed by a public CCE controller project that sets it on real
   * clusters; the key is not on a Huawei page this library could read.
   * @default - not written: CCE deletes the load balancer with the Service
   */
  readonly reclaimPolicy?: ElbReclaimPolicy;
}

/** A dedicated load balancer that CCE creates for the Service. */
export interface DedicatedAutoCreatedElbProps extends AutoCreatedElbProps {
  /** Availability zones of the load balancer (`available_zone`), such as `cn-south-2b`. At least one. */
  readonly availabilityZones: string[];
  /**
   * Network (layer-4: TCP, UDP, TLS) flavor (`l4_flavor_name`), such as `L4_flavor.elb.s1.small`.
   * Required, except for a Service with only HTTP/HTTPS listeners on a cluster of v1.19.16-r50,
   * v1.21.11-r10, v1.23.9-r10, v1.25.4-r10, v1.27.1-r10 or later, where `l7FlavorName` alone is
   * enough (CCE's HTTP/HTTPS page, cce_10_0683).
   * @default - no network flavor
   */
  readonly l4FlavorName?: string;
  /**
   * Application (layer-7: HTTP/HTTPS) flavor (`l7_flavor_name`), such as `L7_flavor.elb.s2.small`.
   * Required when the Service has HTTP or HTTPS listeners (`HttpsElbService`).
   * @default - no layer-7 flavor: the load balancer can serve only TCP/UDP listeners
   */
  readonly l7FlavorName?: string;
  /**
   * Subnets (network IDs) the load balancer uses to reach its backends (`elb_virsubnet_ids`).
   * Do not reuse the cluster's or nodes' subnets.
   * @default - the subnet of `vipSubnetId`
   */
  readonly backendSubnetIds?: string[];
  /**
   * Network ID of an IPv6-enabled subnet that gives the load balancer an IPv6 address
   * (`ipv6_vip_virsubnet_id`).
   * @default - no IPv6 address
   */
  readonly ipv6VipSubnetId?: string;
}

/**
 * A load balancer that CCE creates together with the Service and deletes with it, unless
 * `reclaimPolicy` says `RETAIN` (`kubernetes.io/elb.autocreate`). Use `shared()` or `dedicated()`: fields that only apply to
 * dedicated load balancers exist only on `dedicated()`, and the ones it requires must be given.
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0681.html
 */
export class AutoCreatedElb extends LoadBalancer {
  /** A shared load balancer (`kubernetes.io/elb.class: union`). */
  public static shared(props: AutoCreatedElbProps = {}): AutoCreatedElb {
    return new AutoCreatedElb(ElbClass.SHARED, props, {});
  }

  /**
   * A dedicated load balancer (`kubernetes.io/elb.class: performance`); clusters of v1.17 and
   * later.
   */
  public static dedicated(props: DedicatedAutoCreatedElbProps): AutoCreatedElb {
    return new AutoCreatedElb(ElbClass.DEDICATED, props, {
      ipv6_vip_virsubnet_id: props.ipv6VipSubnetId,
      available_zone: props.availabilityZones,
      l7_flavor_name: props.l7FlavorName,
      l4_flavor_name: props.l4FlavorName,
      elb_virsubnet_ids: props.backendSubnetIds,
    });
  }

  /** The fields of `elb.autocreate`: defined values only, in the catalog's (documented) order, so encoding copies nothing. */
  private readonly fields: Record<string, unknown>;
  private readonly reclaimPolicy?: ElbReclaimPolicy;

  private constructor(elbClass: ElbClass, props: AutoCreatedElbProps, dedicatedFields: Readonly<Record<string, unknown>>) {
    super(elbClass);
    const fields = definedFields({}, props.network?._fields());
    definedFields(fields, { name: props.name, vip_subnet_cidr_id: props.vipSubnetId, vip_address: props.vipAddress });
    this.fields = definedFields(fields, dedicatedFields);
    this.reclaimPolicy = props.reclaimPolicy;
  }

  /** @internal */
  public _annotations(add: AnnotationSink): void {
    add(ElbAnnotations.CLASS, this.elbClass!);
    add(ElbAnnotations.AUTOCREATE, this.fields);
    add(ElbAnnotations.INSTANCE_RECLAIM_POLICY, this.reclaimPolicy);
  }
}
