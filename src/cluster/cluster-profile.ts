import { Construct, IConstruct } from 'constructs';
import { CceVersion } from './cce-version';
import { ClusterInfo } from './cluster-info';
import { show } from '../annotations/values';

/** The kind of CCE cluster. */
export enum ClusterFlavor {
  /** A CCE standard cluster (container tunnel or VPC network). */
  STANDARD = 'standard',
  /** A CCE Turbo cluster (Cloud Native 2.0 network: pods have their own ENIs). */
  TURBO = 'turbo',
}

/** How kube-proxy forwards Service traffic in the cluster. */
export enum ProxyMode {
  /** iptables. */
  IPTABLES = 'iptables',
  /** IPVS. */
  IPVS = 'ipvs',
}

/** The container network model of the cluster. */
export enum NetworkModel {
  /** Container tunnel network (standard clusters). */
  TUNNEL = 'overlay_l2',
  /** VPC network (standard clusters). */
  VPC = 'vpc-router',
  /** Cloud Native 2.0 network (CCE Turbo clusters). */
  CLOUD_NATIVE_2 = 'eni',
}

/** Props of a `ClusterProfile`. */
export interface ClusterProfileProps {
  /**
   * CCE version of the cluster, as the console shows it: `v1.28.3-r0` (`v1.28` counts as
   * `v1.28.0-r0`). Version gates fire only when it is given.
   * @default - not known: no version gate fires
   */
  readonly version?: string;
  /**
   * Standard or Turbo cluster.
   * @default - not known: rules that depend on it give their general advice
   */
  readonly flavor?: ClusterFlavor;
  /**
   * kube-proxy forwarding mode.
   * @default - not known
   */
  readonly proxyMode?: ProxyMode;
  /**
   * Container network model. A Turbo cluster always uses `NetworkModel.CLOUD_NATIVE_2`.
   * @default - `CLOUD_NATIVE_2` for a Turbo cluster, otherwise not known
   */
  readonly networkModel?: NetworkModel;
}

/**
 * The CCE cluster that an app or chart targets. Create it once, in the `App` or a `Chart`; every
 * CCE Service below that scope is checked against it: minimum cluster versions of annotations,
 * what CCE Turbo does not support, and which in-cluster access breaks under
 * `externalTrafficPolicy: Local`. Without a profile, version gates do not fire.
 *
 * ```ts fixture=cluster-profile
 * new ClusterProfile(app, 'cluster', { version: 'v1.28.3-r0', flavor: ClusterFlavor.STANDARD, proxyMode: ProxyMode.IPVS });
 * ```
 */
export class ClusterProfile extends Construct {
  /**
   * The profile that applies to a construct: the one created in its nearest enclosing scope.
   * @returns undefined when no scope above the construct has a profile
   */
  public static of(construct: IConstruct): ClusterProfile | undefined {
    // Up the tree from the construct, asked for every Service at every validation: a lookup per
    // scope, no allocation. A profile found is checked to be still in the tree (tryRemoveChild).
    for (let scope: IConstruct | undefined = construct; scope !== undefined; scope = scope.node.scope) {
      const found = BY_SCOPE.get(scope);
      if (found !== undefined && scope.node.tryFindChild(found.node.id) === found) return found;
    }
    return undefined;
  }

  /** The parsed cluster version, when given. */
  public readonly version?: CceVersion;
  /** Standard or Turbo, when given. */
  public readonly flavor?: ClusterFlavor;
  /** kube-proxy mode, when given. */
  public readonly proxyMode?: ProxyMode;
  /** Network model, when given or implied by a Turbo flavor. */
  public readonly networkModel?: NetworkModel;

  /**
   * @param scope the `App` or `Chart` whose Services the profile applies to
   * @param id the construct id (any; the profile writes nothing to the manifests)
   * @param props what is known of the cluster
   * @throws when the scope already has a profile, or a prop is not allowed
   */
  public constructor(scope: Construct, id: string, props: ClusterProfileProps = {}) {
    // Everything is checked before the profile joins the tree: a refused profile leaves no trace,
    // and a corrected one can then be created in the same scope.
    const where = `${scope.node.path ? `${scope.node.path}/` : ''}${id}`;
    const given: ClusterProfileProps = props ?? {};
    const existing = BY_SCOPE.get(scope);
    if (existing !== undefined && scope.node.tryFindChild(existing.node.id) === existing) {
      throw new Error(`[${scope.node.path || '<app>'}] ClusterProfile: this scope already has a cluster profile (${existing.node.id}); allowed: one profile per App or Chart`);
    }
    let version: CceVersion | undefined;
    try {
      version = given.version === undefined ? undefined : CceVersion.parse(given.version);
    } catch (e) {
      throw new Error(`[${where}] version: ${(e as Error).message}`);
    }
    checkMember(where, 'flavor', given.flavor, ClusterFlavor, 'ClusterFlavor');
    checkMember(where, 'proxyMode', given.proxyMode, ProxyMode, 'ProxyMode');
    checkMember(where, 'networkModel', given.networkModel, NetworkModel, 'NetworkModel');
    const turbo = given.flavor === ClusterFlavor.TURBO;
    if (turbo && given.networkModel !== undefined && given.networkModel !== NetworkModel.CLOUD_NATIVE_2) {
      throw new Error(`[${where}] networkModel: a CCE Turbo cluster uses the Cloud Native 2.0 network; allowed: NetworkModel.CLOUD_NATIVE_2 or leave it out`);
    }
    if (given.networkModel === NetworkModel.CLOUD_NATIVE_2 && given.flavor === ClusterFlavor.STANDARD) {
      throw new Error(`[${where}] networkModel: the Cloud Native 2.0 network is used only by CCE Turbo clusters; allowed: NetworkModel.TUNNEL or NetworkModel.VPC`);
    }
    super(scope, id);
    BY_SCOPE.set(scope, this);
    this.version = version;
    this.flavor = given.flavor;
    this.proxyMode = given.proxyMode;
    this.networkModel = given.networkModel ?? (turbo ? NetworkModel.CLOUD_NATIVE_2 : undefined);
  }

  /**
   * The profile as the rules see it.
   * @internal
   */
  public _info(): ClusterInfo {
    return { version: this.version, flavor: this.flavor, proxyMode: this.proxyMode, networkModel: this.networkModel };
  }
}

/** The profile created in each scope (at most one a scope). */
const BY_SCOPE = new WeakMap<IConstruct, ClusterProfile>();

/** A prop that must be a member of an enum (JavaScript and the other jsii languages can pass anything). */
function checkMember(where: string, prop: string, value: unknown, members: Record<string, string>, name: string): void {
  if (value === undefined || Object.values(members).includes(value as string)) return;
  const allowed = Object.keys(members).map((member) => `${name}.${member}`).join(', ');
  throw new Error(`[${where}] ${prop}: ${show(value)} is not allowed; allowed: ${allowed}`);
}
