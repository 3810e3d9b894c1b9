import { ApiObject } from 'cdk8s';
import { ResourceKind, encodeAnnotation, subjectOf } from '../annotations/catalog';
import { hasOwn } from '../annotations/values';

/**
 * The annotations of an object as cdk8s keeps them, read without rendering its metadata
 * (`metadata.toJson()` resolves all of it, a tenth of synth time in the benchmark); undefined when
 * the map is not there or holds something other than strings (a token), so that the caller renders
 * the metadata instead. cdk8s does not expose the map: this is the one place that reads it.
 */
export function annotationMapOf(obj: ApiObject): Readonly<Record<string, string>> | undefined {
  const map = mapOf(obj);
  if (map === undefined) return undefined;
  // A loop, not Object.values(): this runs for every object at every validation.
  for (const key in map) {
    if (typeof map[key] !== 'string') return undefined;
  }
  return map as Record<string, string>;
}

/**
 * Whether the annotation map of an object holds exactly the `count` strings of `annotations`
 * (compared string by string, in one pass over the map, without copying it); false also when the
 * map cannot be read cheaply.
 */
export function hasAnnotations(obj: ApiObject, annotations: Readonly<Record<string, string>>, count: number): boolean {
  const map = mapOf(obj);
  if (map === undefined) return false;
  let seen = 0;
  for (const key in map) {
    const value = map[key];
    // A key `annotations` lacks reads as undefined or as an inherited member, never as this string.
    if (typeof value !== 'string' || annotations[key] !== value) return false;
    seen++;
  }
  return seen === count;
}

/** cdk8s's own annotation map of an object, unchecked. */
function mapOf(obj: ApiObject): Record<string, unknown> | undefined {
  const map: unknown = (obj.metadata as unknown as { annotations?: unknown }).annotations;
  return typeof map === 'object' && map !== null ? (map as Record<string, unknown>) : undefined;
}

/**
 * Sets an annotation that a typed prop owns, written through the catalog's codec (or as the string
 * itself with `encode: false`, for a key the catalog does not have); an undefined value is
 * skipped. The same key in the raw `metadata.annotations` is an error, as is a value the codec
 * cannot write; both name the construct, the prop and the annotation.
 */
export function addTypedAnnotation(
  obj: ApiObject, raw: Readonly<Record<string, string>>, kind: ResourceKind, key: string, value: unknown, encode = true,
): void {
  if (value === undefined) return;
  if (hasOwn(raw, key)) {
    throw new Error(
      `[${obj.node.path}] metadata.annotations (${key}): is also set by a typed prop; allowed: set it one way only (remove it from metadata.annotations)`,
    );
  }
  let encoded: string;
  try {
    encoded = encode ? encodeAnnotation(key, value) : String(value);
  } catch (e) {
    throw new Error(`[${obj.node.path}] ${subjectOf(key, undefined, kind)}: ${(e as Error).message}`);
  }
  obj.metadata.addAnnotation(key, encoded);
}
