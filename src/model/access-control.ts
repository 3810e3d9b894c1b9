import { ElbAnnotations } from '../annotations/keys';
import { AnnotationSink } from '../annotations/sink';

/**
 * Which client addresses may reach the Service's listeners: a trustlist or a blocklist of ELB IP
 * address groups (`kubernetes.io/elb.acl-id`, `kubernetes.io/elb.acl-status`,
 * `kubernetes.io/elb.acl-type`). Clusters of v1.23.12-r0, v1.25.7-r0, v1.27.4-r0, v1.28.2-r0 and
 * later. More than one group (up to 5) only on dedicated load balancers in clusters of
 * v1.25.16-r10, v1.27.16-r10, v1.28.15-r0, v1.29.10-r0, v1.30.6-r0, v1.31.1-r0 and later.
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0385.html
 */
export class AccessControl {
  /** Only addresses in the IP address groups may connect (`acl-type: white`). */
  public static trustlist(ipAddressGroupIds: string[]): AccessControl {
    return new AccessControl(AccessControl.groups('trustlist', ipAddressGroupIds), 'white');
  }

  /** Addresses in the IP address groups may not connect (`acl-type: black`). */
  public static blocklist(ipAddressGroupIds: string[]): AccessControl {
    return new AccessControl(AccessControl.groups('blocklist', ipAddressGroupIds), 'black');
  }

  /** Every address may connect: the access control is cleared (`acl-id: ""`). */
  public static allowAll(): AccessControl {
    return new AccessControl([], undefined);
  }

  /** CCE reads an empty `acl-id` as "allow every address", the opposite of an empty trustlist. */
  private static groups(factory: string, ids: string[]): string[] {
    if (ids.length === 0) {
      throw new Error(
        `accessControl (AccessControl.${factory}): the list of IP address groups is empty, which CCE reads as "allow every address"; allowed: 1 to 5 group IDs, or AccessControl.allowAll()`,
      );
    }
    return [...ids];
  }

  private constructor(
    /** The IP address group IDs (empty for `allowAll()`). */
    public readonly ipAddressGroupIds: string[],
    private readonly type: string | undefined,
  ) {}

  /** @internal */
  public _annotations(add: AnnotationSink): void {
    add(ElbAnnotations.ACL_ID, this.ipAddressGroupIds);
    add(ElbAnnotations.ACL_STATUS, this.type === undefined ? undefined : 'on');
    add(ElbAnnotations.ACL_TYPE, this.type);
  }
}
