import { Duration } from 'cdk8s';
import { seconds } from './durations';
import { numberString } from '../annotations/json';
import { definedFields } from '../annotations/values';

/** Timing of a health check. Every field is optional; CCE's default applies to what is left out. */
export interface HealthCheckOptions {
  /**
   * Wait between two checks (`delay`): whole seconds from 1 to 50.
   * @default - CCE's default, 5 seconds
   */
  readonly delay?: Duration;
  /**
   * How long one check may take (`timeout`): whole seconds from 1 to 50. ELB recommends a timeout
   * shorter than the delay.
   * @default - CCE's default, 10 seconds
   */
  readonly timeout?: Duration;
  /**
   * Failed checks before a backend is marked unhealthy (`max_retries`): 1 to 10.
   * @default - CCE's default, 3
   */
  readonly maxRetries?: number;
  /**
   * Port the check probes on the backend (`monitor_port`), when it differs from the traffic port.
   * Only for per-port health checks (`ElbServicePort.healthCheck`); clusters of v1.19.16-r5,
   * v1.21.8-r0, v1.23.6-r0, v1.25.2-r0 and later.
   * @default - the port that receives the traffic
   */
  readonly monitorPort?: number;
}

/** Options of an HTTP health check. */
export interface HttpHealthCheckOptions extends HealthCheckOptions {
  /**
   * URL path that is requested (`path`): starts with `/`, at most 80 characters.
   * @default - CCE's default, `/`
   */
  readonly path?: string;
  /**
   * HTTP status codes that count as healthy (`expected_codes`): `200`, `200,202` or `200-299`.
   * Only for per-port health checks (`ElbServicePort.healthCheck`).
   * @default - CCE's default, `200`
   */
  readonly expectedCodes?: string;
}

/**
 * The ELB health check of the Service's backends. Given as `healthCheck` of an `ElbService`, it
 * applies to every port (`kubernetes.io/elb.health-check-flag` and
 * `kubernetes.io/elb.health-check-option`); given as `healthCheck` of one port, it applies to that
 * port (`kubernetes.io/elb.health-check-options`). Values are written as JSON strings, the form CCE
 * reads.
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0684.html
 */
export class HealthCheck {
  /** A TCP health check: for TCP ports. */
  public static tcp(options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck('TCP', options);
  }

  /** A UDP health check (`UDP_CONNECT`): for UDP ports. */
  public static udp(options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck('UDP_CONNECT', options);
  }

  /** An HTTP health check: for TCP ports that serve HTTP. */
  public static http(options: HttpHealthCheckOptions = {}): HealthCheck {
    return new HealthCheck('HTTP', options, options.path, options.expectedCodes);
  }

  /**
   * A health check with the protocol of the Service port (no `protocol` field is written): for
   * Services whose ports are all TCP or all UDP.
   */
  public static portProtocol(options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck(undefined, options);
  }

  /** No health check (`kubernetes.io/elb.health-check-flag: "off"`). Only for a whole Service. */
  public static disabled(): HealthCheck {
    return new HealthCheck(undefined, undefined);
  }

  /** The fields, read from the options once (a health check is often shared by many Services). */
  private readonly fields: Readonly<Record<string, unknown>>;

  private constructor(
    protocol: string | undefined,
    private readonly options: HealthCheckOptions | undefined,
    path?: string,
    expectedCodes?: string,
  ) {
    const o = options ?? {};
    // Defined values only, in the documented order of a per-port check (monitor_port, which only
    // per-port checks take, comes first there), so that encoding copies nothing.
    this.fields = definedFields({}, {
      monitor_port: numberString(o.monitorPort),
      protocol,
      delay: numberString(seconds(o.delay)),
      timeout: numberString(seconds(o.timeout)),
      max_retries: numberString(o.maxRetries),
      path,
      expected_codes: expectedCodes,
    });
  }

  /** Whether this is `HealthCheck.disabled()`. */
  public get isDisabled(): boolean {
    return this.options === undefined;
  }

  /**
   * The health-check fields, as the JSON strings CCE reads (`monitor_port` and `expected_codes`
   * included, which only per-port checks take). Shared: not to be modified.
   * @internal
   */
  public _fields(): Readonly<Record<string, unknown>> {
    return this.fields;
  }
}
