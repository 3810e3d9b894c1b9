import { requireInstance, requireList, requireNumber, requireObject, requireString, requireStrings } from './prop-checks';
import { ElbAnnotations } from '../annotations/keys';
import { AnnotationSink } from '../annotations/sink';

/** A Kubernetes TLS Secret that serves one or more host names (an SNI certificate, `spec.tls[].hosts`). */
export interface IngressSniSecret {
  /** The host names the certificate serves; one per certificate in CCE's pages, wildcards allowed. */
  readonly hosts: string[];
  /** A Secret of type `kubernetes.io/tls` in the Ingress's namespace. */
  readonly secretName: string;
}

/**
 * The certificates of an Ingress's HTTPS listener: ELB certificates by ID
 * (`kubernetes.io/elb.tls-certificate-ids`; the first is the server certificate, the others SNI
 * certificates), or Kubernetes TLS Secrets (`spec.tls`, which CCE uploads to ELB). If an Ingress has
 * both, CCE uses the ELB certificates.
 *
 * @see https://docs.otc.t-systems.com/cloud-container-engine/umn/networking/ingresses/loadbalancer_ingresses/advanced_setting_examples_of_loadbalancer_ingresses/configuring_an_https_certificate_for_a_loadbalancer_ingress.html
 */
export class IngressCertificate {
  /**
   * ELB certificates, by their IDs in ELB certificate management (not the certificates
   * themselves): the server certificate, then SNI certificates, each with the domain names it
   * serves. Clusters of v1.19.16-r2, v1.21.5-r0, v1.23.3-r0 and later.
   * @param serverCertificateId returned when the client asks for a host no SNI certificate has
   * @param sniCertificateIds up to 50 more, chosen by the host the client asks for
   */
  public static fromElb(serverCertificateId: string, sniCertificateIds: string[] = []): IngressCertificate {
    const allowed = 'the ID of a certificate in ELB certificate management';
    const server = requireString(serverCertificateId, 'IngressCertificate.fromElb: serverCertificateId', allowed);
    const sni = requireStrings(sniCertificateIds, 'IngressCertificate.fromElb: sniCertificateIds', `a list of IDs, each ${allowed}`);
    return new IngressCertificate([server, ...sni], undefined);
  }

  /**
   * Kubernetes TLS Secrets (`spec.tls`): the server certificate (an entry without hosts), then SNI
   * certificates with the hosts they serve (clusters of v1.15.11 and later). CCE uploads them to
   * ELB, where they cannot be changed on the console.
   * @param secretName a Secret of type `kubernetes.io/tls` in the Ingress's namespace
   * @param sni SNI certificates
   */
  public static fromSecret(secretName: string, sni: IngressSniSecret[] = []): IngressCertificate {
    const allowed = 'the name of a Secret of type kubernetes.io/tls';
    if (typeof secretName !== 'string' || secretName === '') throw new Error(`IngressCertificate.fromSecret: secretName ${JSON.stringify(secretName)} is not allowed; allowed: ${allowed}`);
    const tls: Array<Record<string, unknown>> = [{ secretName }];
    for (const entry of requireList(sni, 'IngressCertificate.fromSecret: sni', 'a list of { hosts, secretName }') as IngressSniSecret[]) {
      requireObject(entry, 'IngressCertificate.fromSecret: an SNI entry');
      if (Array.isArray(entry.hosts) && entry.hosts.some((h) => typeof h !== 'string' || h === '')) {
        throw new Error(`IngressCertificate.fromSecret: the SNI certificate ${JSON.stringify(entry.secretName)} has hosts ${JSON.stringify(entry.hosts)}; allowed: host names`);
      }
      if (!Array.isArray(entry.hosts) || entry.hosts.length === 0) {
        throw new Error(`IngressCertificate.fromSecret: the SNI certificate ${JSON.stringify(entry.secretName)} has no hosts, which would make it a second server certificate; allowed: the host names it serves`);
      }
      if (typeof entry.secretName !== 'string' || entry.secretName === '') throw new Error(`IngressCertificate.fromSecret: an SNI secretName ${JSON.stringify(entry.secretName)} is not allowed; allowed: ${allowed}`);
      tls.push({ hosts: [...entry.hosts], secretName: entry.secretName });
    }
    return new IngressCertificate(undefined, tls);
  }

  private constructor(
    private readonly elbIds: string[] | undefined,
    private readonly tls: Array<Record<string, unknown>> | undefined,
  ) {}

  /** @internal */
  public _annotations(add: AnnotationSink): void {
    add(ElbAnnotations.TLS_CERTIFICATE_IDS, this.elbIds);
  }

  /**
   * `spec.tls`, when the certificates are Secrets.
   * @internal
   */
  public _specTls(): Array<Record<string, unknown>> | undefined {
    return this.tls;
  }
}

/** Options of an HTTPS listener. */
export interface HttpsIngressListenerOptions {
  /** The certificates of the listener. */
  readonly certificate: IngressCertificate;
  /**
   * The listener port (`kubernetes.io/elb.port`), 1–65535.
   * @default 443
   */
  readonly port?: number;
}

/** Options of an HTTP and an HTTPS listener together. */
export interface HttpAndHttpsIngressListenerOptions {
  /** The certificates of the HTTPS listener. */
  readonly certificate: IngressCertificate;
  /**
   * The HTTP port, 1–65535.
   * @default 80
   */
  readonly httpPort?: number;
  /**
   * The HTTPS port, 1–65535.
   * @default 443
   */
  readonly httpsPort?: number;
}

/**
 * The listener (or listeners) of an Ingress on its load balancer. Ingresses that use one port of
 * one load balancer share its listener, and CCE applies the listener settings (certificates,
 * security policy, HTTP/2, timeouts, access control) of the Ingress created first.
 *
 * @see https://docs.otc.t-systems.com/cloud-container-engine/umn/networking/ingresses/loadbalancer_ingresses/configuring_advanced_loadbalancer_ingress_functions_using_annotations.html
 */
export class IngressListener {
  /**
   * An HTTP listener (`kubernetes.io/elb.port`).
   * @param port 1–65535 (some ports of shared load balancers, such as 21, are blocked)
   */
  public static http(port: number = 80): IngressListener {
    return new IngressListener(false, [{ HTTP: requireNumber(port, 'IngressListener.http: port', 'a port from 1 to 65535') }], undefined);
  }

  /** An HTTPS listener (`kubernetes.io/elb.port` with certificates). */
  public static https(options: HttpsIngressListenerOptions): IngressListener {
    requireObject(options, 'IngressListener.https');
    const port = requireNumber(options.port ?? 443, 'IngressListener.https: port', 'a port from 1 to 65535');
    return new IngressListener(true, [{ HTTPS: port }], certificateOf(options.certificate, 'https'));
  }

  /**
   * An HTTP and an HTTPS listener for the same rules (`kubernetes.io/elb.listen-ports`, such as
   * `[{"HTTP":80},{"HTTPS":443}]`). Dedicated load balancers; clusters of v1.23.14-r0, v1.25.9-r0,
   * v1.27.6-r0, v1.28.4-r0 and later. On clusters before v1.23.18-r10, v1.25.16-r0, v1.27.16-r0,
   * v1.28.13-r0, v1.29.8-r0, v1.30.4-r0 it can be set only when the Ingress is created.
   */
  public static httpAndHttps(options: HttpAndHttpsIngressListenerOptions): IngressListener {
    requireObject(options, 'IngressListener.httpAndHttps');
    const allowed = 'a port from 1 to 65535';
    const ports: Array<Record<string, number>> = [{ HTTP: requireNumber(options.httpPort ?? 80, 'IngressListener.httpAndHttps: httpPort', allowed) }, { HTTPS: requireNumber(options.httpsPort ?? 443, 'IngressListener.httpAndHttps: httpsPort', allowed) }];
    return new IngressListener(true, ports, certificateOf(options.certificate, 'httpAndHttps'));
  }

  private constructor(
    /** Whether one of the listeners is HTTPS. */
    public readonly isHttps: boolean,
    private readonly ports: Array<Record<string, number>>,
    /** The certificates, for HTTPS. */
    public readonly certificate: IngressCertificate | undefined,
  ) {}

  /** @internal */
  public _annotations(add: AnnotationSink): void {
    if (this.ports.length === 1) add(ElbAnnotations.PORT, Object.values(this.ports[0])[0]);
    else add(ElbAnnotations.LISTEN_PORTS, this.ports);
    this.certificate?._annotations(add);
  }
}

function certificateOf(certificate: unknown, factory: string): IngressCertificate {
  return requireInstance(certificate, IngressCertificate, `IngressListener.${factory}: certificate`, 'IngressCertificate.fromElb() or IngressCertificate.fromSecret() (an HTTPS listener needs one)');
}

/**
 * The TLS security policy of an Ingress's HTTPS listener: a predefined one
 * (`kubernetes.io/elb.tls-ciphers-policy`) or a custom ELB security policy
 * (`kubernetes.io/elb.security_policy_id`). Takes effect only on HTTPS listeners.
 */
export class SecurityPolicy {
  /** TLS 1.0 to 1.2. */
  public static readonly TLS_1_0 = new SecurityPolicy('tls-1-0');
  /** TLS 1.1 and 1.2. */
  public static readonly TLS_1_1 = new SecurityPolicy('tls-1-1');
  /** TLS 1.2 (CCE's default). */
  public static readonly TLS_1_2 = new SecurityPolicy('tls-1-2');
  /** TLS 1.2 with the strict cipher suites. */
  public static readonly TLS_1_2_STRICT = new SecurityPolicy('tls-1-2-strict');
  /** TLS 1.0 to 1.3 (dedicated load balancers only). */
  public static readonly TLS_1_0_WITH_1_3 = new SecurityPolicy('tls-1-0-with-1-3');
  /** TLS 1.2 with forward secrecy (dedicated load balancers only). */
  public static readonly TLS_1_2_FS = new SecurityPolicy('tls-1-2-fs');
  /** TLS 1.2 and 1.3 with forward secrecy (dedicated load balancers only). */
  public static readonly TLS_1_2_FS_WITH_1_3 = new SecurityPolicy('tls-1-2-fs-with-1-3');

  /**
   * A predefined policy by name, such as `tls-1-2`: one of the seven CCE documents (a name it does
   * not document is an error at synth, so a policy CCE adds later needs a release of this library).
   */
  public static of(name: string): SecurityPolicy {
    return new SecurityPolicy(requireString(name, 'SecurityPolicy.of', 'a security policy name such as "tls-1-2"'));
  }

  /** A custom ELB security policy, by ID; it wins over the predefined ones. */
  public static custom(securityPolicyId: string): SecurityPolicy {
    return new SecurityPolicy(undefined, requireString(securityPolicyId, 'SecurityPolicy.custom', 'the ID of a custom ELB security policy'));
  }

  private constructor(
    /** The predefined policy's name, such as `tls-1-2`. */
    public readonly name?: string,
    /** The custom policy's ID. */
    public readonly customPolicyId?: string,
  ) {}

  /** @internal */
  public _annotations(add: AnnotationSink): void {
    add(ElbAnnotations.TLS_CIPHERS_POLICY, this.name);
    add(ElbAnnotations.SECURITY_POLICY_ID, this.customPolicyId);
  }
}

/** The status codes of a redirect (`kubernetes.io/elb.redirect-url-code`). */
export enum RedirectCode {
  /** 301 Moved Permanently (CCE's default). */
  MOVED_PERMANENTLY = '301',
  /** 302 Found. */
  FOUND = '302',
  /** 303 See Other. */
  SEE_OTHER = '303',
  /** 307 Temporary Redirect. */
  TEMPORARY_REDIRECT = '307',
  /** 308 Permanent Redirect. */
  PERMANENT_REDIRECT = '308',
}
