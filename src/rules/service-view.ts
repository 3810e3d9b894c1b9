import { Findings } from './finding';
import { show } from './values';
import { isCatalogKey, subjectOf } from '../annotations/catalog';
import { ElbAnnotations } from '../annotations/keys';

/** One entry of `spec.ports`, as decoded. Values keep their decoded types so rules can check them. */
export interface PortView {
  readonly index: number;
  readonly name?: unknown;
  readonly port: unknown;
  /** `TCP` when the manifest leaves it out (the Kubernetes default). */
  readonly protocol: unknown;
  readonly targetPort?: unknown;
  readonly nodePort?: unknown;
}

/** One `protocol:port` entry of `kubernetes.io/elb.protocol-port`. */
export interface ListenerView {
  readonly protocol: string;
  readonly port: number;
}

/**
 * A LoadBalancer Service normalised for the rules: the annotations this library knows, decoded
 * (JSON parsed, lists split), plus the Service fields the rules need. Built from a manifest, so
 * that typed constructs (at synth) and existing YAML are checked by the same functions.
 */
export interface ServiceView {
  /** Every annotation of the Service, raw. */
  readonly annotations: Readonly<Record<string, string>>;
  /** Parsed JSON annotations; absent when the annotation is absent or not a JSON object. */
  readonly autoCreate?: Readonly<Record<string, unknown>>;
  readonly healthCheckOption?: Readonly<Record<string, unknown>>;
  readonly sessionAffinityOption?: Readonly<Record<string, unknown>>;
  /** Parsed `protocol-port` entries; absent when the annotation is absent. */
  readonly listeners?: readonly ListenerView[];
  readonly ports: readonly PortView[];
  readonly externalTrafficPolicy?: unknown;
  readonly sessionAffinity?: unknown;
  readonly selector?: unknown;
}

/** The part of a Service manifest that the view is built from. */
export interface ServiceManifest {
  readonly metadata?: { readonly annotations?: Readonly<Record<string, unknown>> };
  readonly spec?: Readonly<Record<string, unknown>>;
}

const PROTOCOL_PORT_ENTRY = /^(http|https):([0-9]{1,5})$/;

function parseJsonObject(key: string, raw: string | undefined, findings: Findings): Record<string, unknown> | undefined {
  if (raw === undefined) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    findings.add(subjectOf(key), `${show(raw)} is not valid JSON; allowed: a JSON object`);
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    findings.add(subjectOf(key), `${show(raw)} is not a JSON object; allowed: a JSON object`);
    return undefined;
  }
  return parsed as Record<string, unknown>;
}

function parseListeners(raw: string | undefined, findings: Findings): ListenerView[] | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const listeners: ListenerView[] = [];
  for (const entry of raw.split(',')) {
    const match = PROTOCOL_PORT_ENTRY.exec(entry.trim());
    if (!match) {
      findings.add(
        subjectOf(ElbAnnotations.PROTOCOL_PORT),
        `entry ${show(entry)} is not allowed; allowed: comma-separated "http:<port>" or "https:<port>" entries, such as "https:443,http:80"`,
      );
      continue;
    }
    listeners.push({ protocol: match[1], port: Number(match[2]) });
  }
  return listeners;
}

/**
 * Builds the view of a Service manifest. Annotation values that are not strings, and JSON that
 * does not parse, are reported as findings (the rest of the view is still built).
 */
export function decodeService(manifest: ServiceManifest): { view: ServiceView; findings: Findings } {
  const findings = new Findings();
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(manifest.metadata?.annotations ?? {})) {
    if (typeof value === 'string') {
      annotations[key] = value;
    } else if (isCatalogKey(key)) {
      findings.add(subjectOf(key), `${show(value)} is a ${typeof value}; allowed: a string (annotation values are always strings)`);
    }
  }
  const spec = manifest.spec ?? {};
  const rawPorts = Array.isArray(spec.ports) ? (spec.ports as unknown[]) : [];
  const ports: PortView[] = rawPorts.map((p, index) => {
    const port = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
    return {
      index,
      name: port.name,
      port: port.port,
      protocol: port.protocol ?? 'TCP',
      targetPort: port.targetPort,
      nodePort: port.nodePort,
    };
  });
  const view: ServiceView = {
    annotations,
    autoCreate: parseJsonObject(ElbAnnotations.AUTOCREATE, annotations[ElbAnnotations.AUTOCREATE], findings),
    healthCheckOption: parseJsonObject(ElbAnnotations.HEALTH_CHECK_OPTION, annotations[ElbAnnotations.HEALTH_CHECK_OPTION], findings),
    sessionAffinityOption: parseJsonObject(
      ElbAnnotations.SESSION_AFFINITY_OPTION,
      annotations[ElbAnnotations.SESSION_AFFINITY_OPTION],
      findings,
    ),
    listeners: parseListeners(annotations[ElbAnnotations.PROTOCOL_PORT], findings),
    ports,
    externalTrafficPolicy: spec.externalTrafficPolicy,
    sessionAffinity: spec.sessionAffinity,
    selector: spec.selector,
  };
  return { view, findings };
}
