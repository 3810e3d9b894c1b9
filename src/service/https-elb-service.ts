import { Construct } from 'constructs';
import { ElbService, ElbServiceProps } from './elb-service';
import { ElbAnnotations } from '../annotations/keys';
import { Listener } from '../model/listener';

/** Props of an `HttpsElbService`. */
export interface HttpsElbServiceProps extends ElbServiceProps {
  /**
   * Layer-7 listeners, one per Service port that serves HTTP or HTTPS
   * (`kubernetes.io/elb.protocol-port`, such as `https:443,http:80`). Each port must be a TCP port
   * of `ports`; ports without a listener stay layer-4.
   */
  readonly listeners: Listener[];
  /**
   * ID of the certificate in ELB certificate management that every HTTPS listener uses
   * (`kubernetes.io/elb.cert-id`). Required when any listener is HTTPS.
   * @default - no certificate: only HTTP listeners are allowed
   */
  readonly certificateId?: string;
}

/**
 * An `ElbService` whose load balancer terminates HTTP and HTTPS (layer-7 listeners). Clusters of
 * v1.21 and later (v1.19.16 per newer CCE pages). A dedicated load balancer needs a flavor that
 * supports layer 7: give `l7FlavorName` to `AutoCreatedElb.dedicated()`.
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0681.html
 */
export class HttpsElbService extends ElbService {
  /** The layer-7 listeners. */
  public readonly listeners: Listener[];

  public constructor(scope: Construct, id: string, props: HttpsElbServiceProps) {
    super(scope, id, props);
    this.listeners = [...props.listeners];
    this._addTypedAnnotations({
      [ElbAnnotations.PROTOCOL_PORT]:
        this.listeners.length > 0 ? this.listeners.map((l) => `${l.protocol}:${l.port}`).join(',') : undefined,
      [ElbAnnotations.CERT_ID]: props.certificateId,
    });
  }

  /** @internal */
  protected _validateService(): string[] {
    const messages = super._validateService();
    if (this.listeners.length === 0) {
      messages.push(
        `listeners (${ElbAnnotations.PROTOCOL_PORT}): is empty; allowed: at least one Listener.http(port) or Listener.https(port) (use ElbService for a layer-4 Service)`,
      );
    }
    return messages;
  }
}
