import { ApiObject } from 'cdk8s';

/**
 * The annotations of an object as cdk8s keeps them, read without rendering its metadata
 * (`metadata.toJson()` resolves all of it, a tenth of synth time in the benchmark); undefined when
 * the map is not there or holds something other than strings (a token), so that the caller renders
 * the metadata instead. cdk8s does not expose the map: this is the one place that reads it.
 */
export function annotationMapOf(obj: ApiObject): Readonly<Record<string, string>> | undefined {
  const map: unknown = (obj.metadata as unknown as { annotations?: unknown }).annotations;
  if (typeof map !== 'object' || map === null) return undefined;
  // A loop, not Object.values(): this runs for every object at every validation.
  for (const key in map) {
    if (typeof (map as Record<string, unknown>)[key] !== 'string') return undefined;
  }
  return map as Record<string, string>;
}
