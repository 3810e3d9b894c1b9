import { Duration } from 'cdk8s';
import { numberString, orderedJson } from '../annotations/json';
import { ElbAnnotations } from '../annotations/keys';

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
}

/** Options of an HTTP health check. */
export interface HttpHealthCheckOptions extends HealthCheckOptions {
  /**
   * URL path that is requested (`path`): starts with `/`, at most 80 characters.
   * @default - CCE's default, `/`
   */
  readonly path?: string;
}

/**
 * The ELB health check of the Service's backends (`kubernetes.io/elb.health-check-flag` and
 * `kubernetes.io/elb.health-check-option`). Values are written as JSON strings, the form CCE reads.
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0681.html
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
    return new HealthCheck('HTTP', options, options.path);
  }

  /**
   * A health check with the protocol of the Service port (no `protocol` field is written): for
   * Services whose ports are all TCP or all UDP.
   */
  public static portProtocol(options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck(undefined, options);
  }

  /** No health check (`kubernetes.io/elb.health-check-flag: "off"`). */
  public static disabled(): HealthCheck {
    return new HealthCheck(undefined, undefined);
  }

  private constructor(
    private readonly protocol: string | undefined,
    private readonly options: HealthCheckOptions | undefined,
    private readonly path?: string,
  ) {}

  /** @internal */
  public _annotations(): Record<string, string> {
    if (this.options === undefined) {
      return { [ElbAnnotations.HEALTH_CHECK_FLAG]: 'off' };
    }
    const seconds = (d: Duration | undefined) => (d === undefined ? undefined : d.toSeconds({ integral: false }));
    const option = orderedJson([
      ['protocol', this.protocol],
      ['delay', numberString(seconds(this.options.delay))],
      ['timeout', numberString(seconds(this.options.timeout))],
      ['max_retries', numberString(this.options.maxRetries)],
      ['path', this.path],
    ]);
    const annotations: Record<string, string> = { [ElbAnnotations.HEALTH_CHECK_FLAG]: 'on' };
    if (option !== '{}') annotations[ElbAnnotations.HEALTH_CHECK_OPTION] = option;
    return annotations;
  }
}
