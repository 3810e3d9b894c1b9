import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ElbService, ElbServiceProps } from './elb-service';
import { ElbAnnotations } from '../annotations/keys';
import { seconds } from '../model/durations';
import { ForwardedHeaders } from '../model/forwarded-headers';
import { Listener } from '../model/listener';

/** Props of an `HttpsElbService`. */
export interface HttpsElbServiceProps extends ElbServiceProps {
  /**
   * HTTP, HTTPS and TLS listeners, one per Service port that serves them
   * (`kubernetes.io/elb.protocol-port`, such as `https:443,http:80`). Each port must be a TCP port
   * of `ports`; ports without such a listener stay TCP/UDP listeners.
   */
  readonly listeners: Listener[];
  /**
   * ID of the certificate in ELB certificate management that every HTTPS and TLS listener uses
   * (`kubernetes.io/elb.cert-id`). Required when any listener is HTTPS or TLS.
   * @default - no certificate: only HTTP listeners are allowed
   */
  readonly certificateId?: string;
  /**
   * More certificates for the HTTPS and TLS listeners, chosen by the domain name the client asks for (SNI:
   * `kubernetes.io/elb.tls-certificate-ids`). Each must contain a domain name; at most 50.
   * Clusters of v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0 and later.
   * @default - no SNI: every client gets `certificateId`
   */
  readonly sniCertificateIds?: string[];
  /**
   * HTTP/2 on the HTTPS listeners (`kubernetes.io/elb.http2-enable`). Clusters of v1.23.13-r0,
   * v1.25.8-r0, v1.27.5-r0, v1.28.3-r0 and later.
   * @default - not written (CCE's default: false)
   */
  readonly http2?: boolean;
  /**
   * ID of a CA certificate in ELB certificate management: HTTPS listeners then require client
   * certificates signed by it (mutual TLS, `kubernetes.io/elb.client-ca-cert-id`). Dedicated load
   * balancers; clusters of v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 and later.
   * @default - no client certificates
   */
  readonly clientCaCertificateId?: string;
  /**
   * How long the HTTP/HTTPS listeners wait for a client request (`kubernetes.io/elb.client_timeout`):
   * whole seconds from 1 to 300. Clusters of v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0 and later.
   * @default - not written (ELB's default: 60 seconds)
   */
  readonly clientTimeout?: Duration;
  /**
   * How long the HTTP/HTTPS listeners wait for a backend response (`kubernetes.io/elb.member_timeout`):
   * whole seconds from 1 to 300. Same cluster versions as `clientTimeout`.
   * @default - not written (ELB's default: 60 seconds)
   */
  readonly memberTimeout?: Duration;
  /**
   * `X-Forwarded-*` headers the load balancer adds (dedicated load balancers).
   * @default - none written
   */
  readonly forwardedHeaders?: ForwardedHeaders;
  /**
   * Compress responses of the HTTP/HTTPS listeners (`kubernetes.io/elb.gzip-enabled`): Brotli for
   * every content type, gzip for text/xml, text/plain, text/css, application/javascript,
   * application/x-javascript, application/rss+xml, application/atom+xml, application/xml and
   * application/json. Dedicated load balancers in regions that offer it; clusters of v1.23.14-r0,
   * v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 and later. CCE keeps the setting on the load balancer when
   * the annotation is removed: to turn compression off, set `false`.
   * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0866.html
   * @default - not written: the load balancer's current setting (off on a new listener)
   */
  readonly gzip?: boolean;
}

/**
 * An `ElbService` whose load balancer terminates HTTP, HTTPS and TLS (`kubernetes.io/elb.protocol-port`),
 * with SNI, HTTP/2, mutual TLS, compression, request/response timeouts and `X-Forwarded-*` headers.
 * HTTP/HTTPS listeners: clusters of v1.19.16 and later; a dedicated load balancer then needs an
 * application flavor (`l7FlavorName` of `AutoCreatedElb.dedicated()`). TLS listeners: dedicated
 * load balancers with a network flavor, clusters of v1.23.14-r0, v1.25.9-r0, v1.27.6-r0,
 * v1.28.4-r0 and later.
 *
 * Listener features (HTTP/2, compression, `X-Forwarded-*` headers, timeouts) stay on the load
 * balancer when their annotation is removed: to turn one off, set it to `false` (or its default).
 *
 * @see https://support.huaweicloud.com/intl/en-us/usermanual-cce/cce_10_0683.html
 */
export class HttpsElbService extends ElbService {
  /** The layer-7 listeners. */
  public readonly listeners: Listener[];

  public constructor(scope: Construct, id: string, props: HttpsElbServiceProps) {
    super(scope, id, props);
    this.listeners = [...props.listeners];
    this._addTypedAnnotation(ElbAnnotations.PROTOCOL_PORT, this.listeners.length > 0 ? this.listeners.map((l) => `${l.protocol}:${l.port}`) : undefined);
    this._addTypedAnnotation(ElbAnnotations.CERT_ID, props.certificateId);
    this._addTypedAnnotation(ElbAnnotations.TLS_CERTIFICATE_IDS, props.sniCertificateIds);
    this._addTypedAnnotation(ElbAnnotations.HTTP2_ENABLE, props.http2);
    this._addTypedAnnotation(ElbAnnotations.CLIENT_CA_CERT_ID, props.clientCaCertificateId);
    this._addTypedAnnotation(ElbAnnotations.CLIENT_TIMEOUT, seconds(props.clientTimeout));
    this._addTypedAnnotation(ElbAnnotations.MEMBER_TIMEOUT, seconds(props.memberTimeout));
    this._addTypedAnnotation(ElbAnnotations.X_FORWARDED_HOST, props.forwardedHeaders?.host);
    this._addTypedAnnotation(ElbAnnotations.X_FORWARDED_PORT, props.forwardedHeaders?.port);
    this._addTypedAnnotation(ElbAnnotations.X_FORWARDED_FOR_PORT, props.forwardedHeaders?.forPort);
    this._addTypedAnnotation(ElbAnnotations.GZIP_ENABLED, props.gzip);
  }

  /** @internal */
  protected _validateService(): string[] {
    const messages = super._validateService();
    if (this.listeners.length === 0) {
      messages.push(
        `listeners (${ElbAnnotations.PROTOCOL_PORT}): is empty; allowed: at least one Listener.http(port), Listener.https(port) or Listener.tls(port) (use ElbService for a TCP/UDP Service)`,
      );
    }
    return messages;
  }
}
