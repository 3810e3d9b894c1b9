import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { requireObject } from './prop-checks';
import { show } from '../annotations/values';

/**
 * How CCE matches a path of an Ingress rule: the path's
 * `property.ingress.beta.kubernetes.io/url-match-mode`, read with `pathType:
 * ImplementationSpecific` (written so, as CCE's examples do).
 *
 * @see https://docs.otc.t-systems.com/cloud-container-engine/umn/networking/ingresses/loadbalancer_ingresses/creating_a_loadbalancer_ingress_using_kubectl.html
 */
export class PathMatch {
  /** The request path starts with the path (`STARTS_WITH`, CCE's default). */
  public static startsWith(): PathMatch {
    return new PathMatch('STARTS_WITH');
  }

  /** The request path is the path (`EQUAL_TO`). */
  public static exact(): PathMatch {
    return new PathMatch('EQUAL_TO');
  }

  /**
   * The path is a regular expression (`REGEX`); its groups can be used by a rewrite
   * (`rewriteTarget`, such as `/$1`).
   */
  public static regex(): PathMatch {
    return new PathMatch('REGEX');
  }

  /**
   * No `property` is written, so CCE matches as it does by default (`STARTS_WITH`), as one of CCE's
   * advanced-forwarding examples does.
   */
  public static unset(): PathMatch {
    return new PathMatch(undefined);
  }

  private constructor(
    /** The `url-match-mode` value; undefined when it is not written. */
    public readonly mode: string | undefined,
  ) {}
}

/** A backend Service port given by number or by name. */
interface PortRef {
  readonly number?: number;
  readonly name?: string;
}

/**
 * Where an Ingress path forwards: a Service and one of its ports. A LoadBalancer Ingress reaches
 * NodePort (and LoadBalancer) Services on every cluster, and ClusterIP Services only on CCE Turbo
 * clusters with a dedicated load balancer (checked at synth against the App's Services).
 */
export class IngressBackend {
  /**
   * A Service of the App: an `ElbService`, a cdk8s-plus `Service` or a raw `ApiObject` of kind
   * Service. Its name is read at synth.
   * @param service the Service construct
   * @param options the port; without one, the Service's only port
   */
  public static fromService(service: IConstruct, options: IngressBackendServiceOptions = {}): IngressBackend {
    if (!Construct.isConstruct(service)) {
      throw new Error(`IngressBackend.fromService: ${JSON.stringify(service) ?? String(service)} is not a construct; allowed: an ElbService, a cdk8s-plus Service or an ApiObject of kind Service (or IngressBackend.fromServiceName for a name)`);
    }
    requireObject(options, 'IngressBackend.fromService: options', true);
    if (options.port !== undefined && options.portName !== undefined) {
      throw new Error('IngressBackend.fromService: port and portName are both set; allowed: one of them');
    }
    return new IngressBackend(service, undefined, { number: options.port, name: options.portName });
  }

  /**
   * A Service by name, with a port number (a Service created elsewhere).
   * @param serviceName the Service's `metadata.name`, in the Ingress's namespace
   * @param port its `spec.ports[].port`
   */
  public static fromServiceName(serviceName: string, port: number): IngressBackend {
    checkServiceName(serviceName, 'fromServiceName');
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`IngressBackend.fromServiceName(${JSON.stringify(serviceName)}): port ${show(port)} is not allowed; allowed: a Service port from 1 to 65535`);
    }
    return new IngressBackend(undefined, serviceName, { number: port });
  }

  /**
   * A Service by name, with a port name.
   * @param serviceName the Service's `metadata.name`, in the Ingress's namespace
   * @param portName its `spec.ports[].name`
   */
  public static fromServiceNameAndPortName(serviceName: string, portName: string): IngressBackend {
    checkServiceName(serviceName, 'fromServiceNameAndPortName');
    if (typeof portName !== 'string' || !PORT_NAME.test(portName)) {
      throw new Error(`IngressBackend.fromServiceNameAndPortName(${JSON.stringify(serviceName)}): port name ${JSON.stringify(portName)} is not allowed; allowed: the name of a Service port (1 to 15 lowercase letters, digits and "-")`);
    }
    return new IngressBackend(undefined, serviceName, { name: portName });
  }

  private constructor(
    private readonly service: IConstruct | undefined,
    private readonly serviceName: string | undefined,
    private readonly port: PortRef,
  ) {}

  /**
   * The Service's name and port, as the Ingress writes them; problems in `problems`.
   * @internal
   */
  public _resolve(problems: string[], namespace: unknown): { name: string; port: PortRef } {
    if (this.service === undefined) return { name: this.serviceName!, port: this.port };
    const object = apiObjectOf(this.service);
    if (object === undefined || object.kind !== 'Service') {
      problems.push(`IngressBackend.fromService(${this.service.node.path}) is not a Service; allowed: an ElbService, a cdk8s-plus Service or an ApiObject of kind Service`);
      return { name: '', port: this.port };
    }
    const theirs = object.metadata.namespace ?? 'default';
    const ours = typeof namespace === 'string' ? namespace : 'default';
    if (theirs !== ours) {
      problems.push(`IngressBackend.fromService(${object.node.path}): the Service is in namespace ${JSON.stringify(theirs)} and the Ingress in ${JSON.stringify(ours)}, and an Ingress forwards only to Services of its own namespace; allowed: a Service of namespace ${JSON.stringify(ours)}`);
    }
    if (this.port.number !== undefined || this.port.name !== undefined) return { name: object.name, port: this.port };
    const ports = (object.toJson()?.spec?.ports ?? []) as Array<{ port?: number }>;
    if (ports.length !== 1 || typeof ports[0].port !== 'number') {
      problems.push(`IngressBackend.fromService(${object.name}) names no port, and the Service has ${ports.length} ports; allowed: { port } or { portName }`);
      return { name: object.name, port: {} };
    }
    return { name: object.name, port: { number: ports[0].port } };
  }
}

/** The port of a backend Service. */
export interface IngressBackendServiceOptions {
  /**
   * The Service port (`spec.ports[].port`).
   * @default - the Service's only port
   */
  readonly port?: number;
  /**
   * The Service port's name (`spec.ports[].name`), instead of its number.
   * @default - the port number
   */
  readonly portName?: string;
}

/** A Service name: a DNS-1035 label. */
export const SERVICE_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** A Service port name: an IANA service name (1–15 characters). */
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$/;

function checkServiceName(name: string, factory: string): void {
  if (typeof name !== 'string' || !SERVICE_NAME.test(name)) {
    throw new Error(`IngressBackend.${factory}: Service name ${JSON.stringify(name)} is not allowed; allowed: a Service name (1 to 63 lowercase letters, digits and "-", starting with a letter)`);
  }
}

function apiObjectOf(construct: IConstruct): ApiObject | undefined {
  if (ApiObject.isApiObject(construct)) return construct;
  try {
    return ApiObject.of(construct);
  } catch {
    return undefined;
  }
}
