/**
 * Serializes an object as compact JSON, keeping the key order of the `fields` list (the order the
 * CCE documentation uses) and leaving out fields whose value is `undefined`.
 */
export function orderedJson(fields: ReadonlyArray<readonly [string, unknown]>): string {
  const obj: Record<string, unknown> = {};
  for (const [key, value] of fields) {
    if (value !== undefined) {
      obj[key] = value;
    }
  }
  return JSON.stringify(obj);
}

/** A number as the string CCE expects inside JSON annotations (`"5"`), or undefined. */
export function numberString(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
