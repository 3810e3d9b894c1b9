/** Shared value checks used by the rules. Each returns undefined when the value is fine. */

/**
 * Renders a decoded value for a message: strings quoted, everything else as JSON. Never throws,
 * whatever a manifest holds (objects with odd keys, cycles from YAML aliases).
 */
export function show(value: unknown): string {
  let shown: string;
  // JSON would print NaN and Infinity as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    return '<a value that cannot be shown>';
  }
  // A pasted certificate or private key is never echoed, even in part: CI logs are read by many.
  if (PEM_MARKER.test(shown)) return `<${shown.length} characters with a PEM block (-----BEGIN …), not shown>`;
  // Long values (a huge JSON document) are cut short, so that messages stay readable.
  return shown.length <= MAX_SHOWN ? shown : `${shown.slice(0, 40)}…(${shown.length} characters)`;
}

/** The start of a PEM block (a certificate, a private key), in a value or in its JSON form. */
export const PEM_MARKER = /-----BEGIN [A-Z0-9][A-Z0-9 ]*-----/;

const MAX_SHOWN = 100;

/** What a non-string value is, for messages: `a number`, `a list`, `a mapping`, `empty (null)`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** The message for a field that a JSON annotation does not have, with the nearest known name. */
export function unknownField(field: string, known: readonly string[]): string {
  return `is not a field CCE knows${didYouMean(field, known)}; allowed: ${known.join(', ')}`;
}

/** ` (did you mean "x"?)` for the known name within two edits of `field`, else an empty string. */
export function didYouMean(field: string, known: readonly string[]): string {
  // Within two edits of a known name, a field is at most two characters longer than the longest.
  if (field.length > MAX_SUGGESTED_FIELD) return '';
  const near = known
    .map((k) => ({ k, d: editDistance(field, k) }))
    .filter((c) => c.d <= 2)
    .sort((a, b) => a.d - b.d)[0];
  return near ? ` (did you mean "${near.k}"?)` : '';
}

/** Longer names are no typo of a known field: not compared (the distance costs their length times the name's). */
const MAX_SUGGESTED_FIELD = 64;

/** Levenshtein distance, for "did you mean" hints on short names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** `"x" is not allowed`, or `is required` when the value is missing. */
function notAllowed(value: unknown): string {
  return value === undefined ? 'is required' : `${show(value)} is not allowed`;
}


/**
 * The first `max` items of a list for a message, each through `format`, joined with ", ", then
 * `… (<count> <noun>)` when there are more; `none` for an empty list. Messages stay short however
 * long the list a manifest gives.
 */
export function listed<T>(items: readonly T[], format: (item: T) => string, noun: string, none: string, max = 10): string {
  if (items.length === 0) return none;
  const shown = items.slice(0, max).map(format).join(', ');
  return items.length > max ? `${shown}, … (${items.length} ${noun})` : shown;
}

/** A decoded scalar as text (`80`, `TCP`); anything else as `show()` does. */
export function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : show(value);
}

/** A manifest field as a mapping: the field itself when it is one (or a list), else an empty one. */
export function fieldsOf(value: unknown): Record<string, unknown> {
  return (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
}

/** Whether `key` is an own property of `obj` (not one inherited from Object.prototype). */
export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/**
 * Copies the defined values of `source` into `target`, in `source`'s order, and returns `target`:
 * how model objects build the fields of a JSON annotation without undefined values (object spread
 * measured ten times slower here).
 */
export function definedFields(target: Record<string, unknown>, source: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  for (const key in source) {
    if (source[key] !== undefined) target[key] = source[key];
  }
  return target;
}

/** An integer within [min, max]. `what` names the unit for the message ("seconds"). */
export function checkInteger(value: unknown, min: number, max: number, unit = ''): string | undefined {
  const suffix = unit ? ` ${unit}` : '';
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return `${notAllowed(value)}; allowed: a whole number from ${min} to ${max}${suffix}`;
  }
  return undefined;
}

/**
 * An integer written as a JSON string (`"5"`), which is how CCE reads health-check and
 * sticky-session values; a JSON number is rejected by CCE's parser.
 */
export function checkIntegerString(value: unknown, min: number, max: number, unit = ''): string | undefined {
  if (typeof value !== 'string') {
    return `${show(value)} must be a JSON string such as "${min}", because CCE rejects JSON numbers here; allowed: "${min}" to "${max}"${unit ? ` ${unit}` : ''}`;
  }
  const n = DIGITS.test(value) ? Number(value) : NaN;
  return Number.isNaN(n) ? checkInteger(value, min, max, unit) : checkInteger(n, min, max, unit);
}

const DIGITS = /^[0-9]+$/;

/** A string from a closed set. */
export function checkOneOf(value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    return `${notAllowed(value)}; allowed: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
  }
  return undefined;
}

/** A string matching a pattern; `allowed` describes the pattern in words. */
export function checkPattern(value: unknown, pattern: RegExp, allowed: string): string | undefined {
  if (typeof value === 'string' && PEM_MARKER.test(value)) {
    return `is a PEM certificate or key pasted in (${value.length} characters, not shown); allowed: ${allowed}`;
  }
  if (typeof value !== 'string' || !pattern.test(value)) {
    return `${notAllowed(value)}; allowed: ${allowed}`;
  }
  return undefined;
}

/** The body of a UUID, for patterns that accept a UUID among other forms. */
export const UUID_BODY = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** ELB, subnet and enterprise project IDs are UUIDs. */
export const UUID = new RegExp(`^${UUID_BODY}$`);

/** A dotted-quad IPv4 address. */
export const IPV4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;
