/**
 * Advanced forwarding of one backend Service of a LoadBalancer Ingress: a header match
 * (`kubernetes.io/elb.headers.<service>`), conditions (`kubernetes.io/elb.conditions.<service>`)
 * and actions (`kubernetes.io/elb.actions.<service>`). Dedicated load balancers only.
 *
 * @see https://docs.otc.t-systems.com/cloud-container-engine/umn/networking/ingresses/loadbalancer_ingresses/configuring_an_advanced_forwarding_policy_for_a_loadbalancer_ingress.html
 */

import { requireInstances, requireList, requireNumber, requireObject, requireString, requireStrings } from './prop-checks';

/** One cookie of a cookie condition. */
export interface CookieMatch {
  /** The cookie name, 1–100 characters. */
  readonly key: string;
  /** The cookie value, 1–100 characters. */
  readonly value: string;
}

/**
 * A condition of `kubernetes.io/elb.conditions.<service>`: a request is forwarded to the Service
 * only when every condition holds (the values of one condition are alternatives). Clusters of
 * v1.23.18-r10, v1.25.16-r0, v1.27.16-r0, v1.28.13-r0, v1.29.8-r0, v1.30.4-r0 and later.
 */
export class ForwardingCondition {
  /** The HTTP method is one of `methods` (GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS); once per backend. */
  public static method(methods: string[]): ForwardingCondition {
    return new ForwardingCondition({ type: 'Method', methodConfig: { values: requireStrings(methods, 'ForwardingCondition.method', 'a list of HTTP methods, such as ["GET"]') } });
  }

  /** Header `key` has one of `values` (`*` and `?` are wildcards). */
  public static header(key: string, values: string[]): ForwardingCondition {
    const name = requireString(key, 'ForwardingCondition.header: key', 'a header name');
    return new ForwardingCondition({ type: 'Header', headerConfig: { key: name, values: requireStrings(values, 'ForwardingCondition.header: values', 'a list of header values') } });
  }

  /** One of the cookies is present with its value. */
  public static cookie(cookies: CookieMatch[]): ForwardingCondition {
    const values = requireList(cookies, 'ForwardingCondition.cookie', 'a list of { key, value }').map((c: any) => {
      requireObject(c, 'ForwardingCondition.cookie: a cookie');
      return { key: requireString(c.key, 'ForwardingCondition.cookie: key', 'a cookie name'), value: requireString(c.value, 'ForwardingCondition.cookie: value', 'a cookie value') };
    });
    return new ForwardingCondition({ type: 'Cookie', cookieConfig: { values } });
  }

  /** Query parameter `key` has one of `values` (`*` and `?` are wildcards). */
  public static queryString(key: string, values: string[]): ForwardingCondition {
    const name = requireString(key, 'ForwardingCondition.queryString: key', 'a query parameter name');
    return new ForwardingCondition({ type: 'QueryString', queryStringConfig: { key: name, values: requireStrings(values, 'ForwardingCondition.queryString: values', 'a list of values') } });
  }

  /** The client address is in one of the CIDR blocks (IPv4 or IPv6); once per backend. */
  public static sourceIp(cidrs: string[]): ForwardingCondition {
    return new ForwardingCondition({ type: 'SourceIp', sourceIpConfig: { values: requireStrings(cidrs, 'ForwardingCondition.sourceIp', 'a list of CIDR blocks') } });
  }

  private constructor(private readonly json: Record<string, unknown>) {}

  /** @internal */
  public _json(): Record<string, unknown> {
    return this.json;
  }
}

/** A fixed response. */
export interface FixedResponseOptions {
  /** text/plain, text/css, text/html, application/javascript or application/json. */
  readonly contentType: string;
  /** A 2xx, 4xx or 5xx status code, such as `503`. */
  readonly statusCode: number;
  /**
   * The body, 0–1024 characters.
   * @default ''
   */
  readonly messageBody?: string;
}

/** A request rate limit; requests over it get 503. */
export interface TrafficLimitOptions {
  /** Requests per second, 0–100000 (0: no limit). */
  readonly qps: number;
  /**
   * Requests per second from one client address, 0–100000, below `qps`.
   * @default - no per-address limit
   */
  readonly perSourceIpQps?: number;
  /**
   * Requests above the rate allowed in a burst, 0–100000.
   * @default - no burst
   */
  readonly burst?: number;
}

/** A target of a custom backend server group. */
export class ForwardTarget {
  /** A Service port; `weight` 0–100. */
  public static service(serviceName: string, servicePort: number, weight: number): ForwardTarget {
    const name = requireString(serviceName, 'ForwardTarget.service: serviceName', 'a Service name');
    const port = requireNumber(servicePort, 'ForwardTarget.service: servicePort', 'a port number');
    return new ForwardTarget({ serviceName: name, servicePort: port, weight: requireNumber(weight, 'ForwardTarget.service: weight', '0 to 100'), type: 'service' });
  }

  /** A backend server group of the load balancer, by ID; `weight` 0–100. */
  public static pool(poolId: string, weight: number): ForwardTarget {
    const id = requireString(poolId, 'ForwardTarget.pool: poolId', 'the ID of a backend server group');
    return new ForwardTarget({ poolID: id, weight: requireNumber(weight, 'ForwardTarget.pool: weight', '0 to 100'), type: 'pool' });
  }

  private constructor(private readonly json: Record<string, unknown>) {}

  /** @internal */
  public _json(): Record<string, unknown> {
    return this.json;
  }
}

/**
 * An action of `kubernetes.io/elb.actions.<service>`, applied to requests forwarded to the
 * Service. Each needs a recent cluster (see each factory).
 */
export class ForwardingAction {
  /** Answer with a fixed response (v1.25.16-r10, v1.27.16-r10, v1.28.15-r0, v1.29.10-r0, v1.30.6-r0 and later). */
  public static fixedResponse(options: FixedResponseOptions): ForwardingAction {
    requireObject(options, 'ForwardingAction.fixedResponse');
    requireString(options.contentType, 'ForwardingAction.fixedResponse: contentType', 'text/plain, text/css, text/html, application/javascript or application/json');
    requireNumber(options.statusCode, 'ForwardingAction.fixedResponse: statusCode', 'a 2xx, 4xx or 5xx status code');
    if (options.messageBody !== undefined) requireString(options.messageBody, 'ForwardingAction.fixedResponse: messageBody', 'a string of 0 to 1024 characters', true);
    return new ForwardingAction({
      type: 'FixedResponse',
      fixedResponseConfig: { contentType: options.contentType, statusCode: String(options.statusCode), messageBody: options.messageBody ?? '' },
    });
  }

  /** Limit the request rate (v1.27.16-r10, v1.28.15-r0, v1.29.10-r0, v1.30.6-r0 and later). */
  public static trafficLimit(options: TrafficLimitOptions): ForwardingAction {
    requireObject(options, 'ForwardingAction.trafficLimit');
    const allowed = 'a whole number from 0 to 100000';
    const config: Record<string, number> = { QPS: requireNumber(options.qps, 'ForwardingAction.trafficLimit: qps', allowed) };
    if (options.perSourceIpQps !== undefined) config.perSourceIpQps = requireNumber(options.perSourceIpQps, 'ForwardingAction.trafficLimit: perSourceIpQps', allowed);
    if (options.burst !== undefined) config.burst = requireNumber(options.burst, 'ForwardingAction.trafficLimit: burst', allowed);
    return new ForwardingAction({ type: 'TrafficLimit', trafficLimitConfig: config });
  }

  /**
   * Forward to a custom backend server group of 1–5 targets (v1.25.16-r20, v1.27.16-r20,
   * v1.28.15-r10, v1.29.10-r10, v1.30.6-r10, v1.31.4-r0 and later). The path's backend port is then
   * `use-annotation`, which `ElbIngress` writes.
   */
  public static forwardPool(targets: ForwardTarget[]): ForwardingAction {
    requireInstances(targets, ForwardTarget, 'ForwardingAction.forwardPool', 'ForwardTarget.service() or ForwardTarget.pool()');
    return new ForwardingAction({ type: 'ForwardPool', forwardConfig: targets.map((t) => t._json()) });
  }

  /** Add a request header with a fixed value (shown in an example of CCE's page only). */
  public static insertHeader(key: string, value: string): ForwardingAction {
    const name = requireString(key, 'ForwardingAction.insertHeader: key', 'a header name');
    return new ForwardingAction({ type: 'InsertHeader', InsertHeaderConfig: { key: name, value_type: 'USER_DEFINED', value: requireString(value, 'ForwardingAction.insertHeader: value', 'a header value', true) } });
  }

  /** Remove a request header (shown in an example of CCE's page only). */
  public static removeHeader(key: string): ForwardingAction {
    return new ForwardingAction({ type: 'RemoveHeader', RemoveHeaderConfig: { key: requireString(key, 'ForwardingAction.removeHeader: key', 'a header name') } });
  }

  private constructor(private readonly json: Record<string, unknown>) {}

  /** Whether it forwards to a custom backend server group. @internal */
  public get _isForwardPool(): boolean {
    return this.json.type === 'ForwardPool';
  }

  /** @internal */
  public _json(): Record<string, unknown> {
    return this.json;
  }
}

/** The forwarding policy of one backend Service of an Ingress. */
export interface BackendForwardingPolicy {
  /**
   * Forward only requests whose header matches (`kubernetes.io/elb.headers.<service>`; v1.23.16-r0,
   * v1.25.11-r0, v1.27.8-r0, v1.28.6-r0, v1.29.2-r0 and later).
   * @default - no header match
   */
  readonly header?: HeaderMatch;
  /**
   * Conditions, all of which must hold.
   * @default - none
   */
  readonly conditions?: ForwardingCondition[];
  /**
   * Actions on the forwarded requests.
   * @default - none
   */
  readonly actions?: ForwardingAction[];
}

/** A header and the values that match it. */
export interface HeaderMatch {
  /** The header name: 1–40 letters, digits, `_` or `-`. */
  readonly key: string;
  /** 1–9 values (8 for `host`) of 1–128 characters; `*` and `?` are wildcards. */
  readonly values: string[];
}
