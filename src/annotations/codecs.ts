import { hasOwn, show } from './values';

/**
 * Codecs: how a typed value is written as an annotation string, and how an annotation string is
 * read back. Decoding never throws: a value that cannot be read is returned as a problem, which
 * the rules report under the annotation's key.
 */

/** The result of decoding an annotation string. */
export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export interface Codec<T> {
  /** How the value is written, for messages and docs: `"true" or "false"`. */
  readonly format: string;
  encode(value: T): string;
  decode(raw: string): Decoded<T>;
}

const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
const bad = <T>(problem: string): Decoded<T> => ({ ok: false, problem });

/** Any string, as is. */
export const STRING: Codec<string> = {
  format: 'string',
  encode: (v) => v,
  decode: (raw) => ok(raw),
};

/** `"true"` / `"false"`. */
export const BOOLEAN: Codec<boolean> = {
  format: '"true" or "false"',
  encode: (v) => String(v),
  decode: (raw) => (raw === 'true' ? ok(true) : raw === 'false' ? ok(false) : bad(`${show(raw)} is not allowed; allowed: "true" or "false"`)),
};

const WHOLE_NUMBER = /^[0-9]+$/;

/** A whole number written as a string: `"300"` (each key's rule then checks its range). */
export const INTEGER: Codec<number> = {
  format: 'whole number as a string, such as "60"',
  encode: (v) => String(v),
  decode: (raw) => {
    if (!WHOLE_NUMBER.test(raw)) {
      return bad(`${show(raw)} is not allowed; allowed: digits only (a whole number from 0, without sign or unit) written as a string, such as "60"`);
    }
    const value = Number(raw);
    return Number.isSafeInteger(value) ? ok(value) : bad(`${show(raw)} is too large; allowed: a whole number within the key's range, written as a string, such as "60"`);
  },
};

/**
 * A comma-separated list: `"a,b"`. An empty string is the empty list. Entries are not trimmed
 * (whether CCE trims them is not documented), so `"a, b"` reads as `"a"` and `" b"`.
 * Encoding throws for an entry that would not read back as itself.
 */
export const LIST: Codec<string[]> = {
  format: 'comma-separated list',
  encode: (v) => {
    for (const entry of v) {
      if (entry === '' || entry.includes(',')) throw new Error(`entry ${show(entry)} is not allowed; allowed: a non-empty value without ","`);
    }
    return v.join(',');
  },
  decode: (raw) => ok(raw === '' ? [] : raw.split(',')),
};

const SEPARATOR = /[,=]/;

/** `"k1=v1,k2=v2"`. */
export const KEY_VALUES: Codec<Record<string, string>> = {
  format: 'comma-separated key=value pairs, such as "team=web,env=prod"',
  encode: (v) => {
    const pairs: string[] = [];
    for (const key in v) {
      if (!hasOwn(v, key)) continue;
      const value = v[key];
      if (key === '' || SEPARATOR.test(key)) throw new Error(`key ${show(key)} is not allowed; allowed: a non-empty key without "," or "="`);
      if (value.includes(',')) throw new Error(`value ${show(value)} of ${show(key)} is not allowed; allowed: a value without ","`);
      pairs.push(`${key}=${value}`);
    }
    return pairs.join(',');
  },
  decode: (raw) => {
    const map = new Map<string, string>();
    for (const pair of raw.split(',')) {
      const at = pair.indexOf('=');
      if (at <= 0) return bad(`entry ${show(pair)} is not allowed; allowed: key=value pairs separated by commas, such as "team=web,env=prod"`);
      const key = pair.slice(0, at);
      if (map.has(key)) return bad(`key ${show(key)} is given more than once; allowed: each key once`);
      map.set(key, pair.slice(at + 1));
    }
    // Object.fromEntries defines own properties, so keys such as "__proto__" are kept as data.
    return ok(Object.fromEntries(map));
  },
};

/**
 * A compact JSON object whose keys are written in the documented order (`order`); undefined
 * values are left out. Fields not in `order` are written after the known ones.
 */
export function jsonObject(order: readonly string[]): Codec<Record<string, unknown>> {
  const rank = ranks(order);
  return {
    format: 'JSON object',
    encode: (v) => JSON.stringify(ordered(v, order, rank)),
    decode: (raw) => {
      const parsed = parseJson(raw, 'a JSON object');
      if (!parsed.ok) return parsed;
      const value = parsed.value;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return bad(`${show(raw)} is not a JSON object; allowed: a JSON object`);
      }
      return ok(value as Record<string, unknown>);
    },
  };
}

/** A compact JSON array of objects, each written in the documented key order. */
export function jsonObjectArray(order: readonly string[]): Codec<Record<string, unknown>[]> {
  const rank = ranks(order);
  return {
    format: 'JSON array of objects',
    encode: (v) => JSON.stringify(v.map((o) => ordered(o, order, rank))),
    decode: (raw) => {
      const parsed = parseJson(raw, 'a JSON array of objects');
      if (!parsed.ok) return parsed;
      const value = parsed.value;
      if (!Array.isArray(value) || value.some((e) => typeof e !== 'object' || e === null || Array.isArray(e))) {
        return bad(`${show(raw)} is not a JSON array of objects; allowed: a JSON array of objects, such as [{"target_service_port":"TCP:80"}]`);
      }
      return ok(value as Record<string, unknown>[]);
    },
  };
}

function parseJson(raw: string, allowed: string): Decoded<unknown> {
  try {
    return ok(JSON.parse(raw));
  } catch {
    return bad(`${show(raw)} is not valid JSON; allowed: ${allowed}`);
  }
}

/** The position of each documented field. */
function ranks(order: readonly string[]): ReadonlyMap<string, number> {
  return new Map(order.map((key, i) => [key, i]));
}

/**
 * The value with its known fields in documented order, then the unknown ones, without undefined
 * values. A value already in that form (as the typed model objects build theirs) is returned as
 * it is: one pass over its own fields, no copy.
 */
function ordered(value: Record<string, unknown>, order: readonly string[], rank: ReadonlyMap<string, number>): Record<string, unknown> {
  let last = -1;
  let inOrder = true;
  for (const key in value) {
    const position = rank.get(key) ?? order.length; // unknown fields go after the known ones
    if (!hasOwn(value, key) || value[key] === undefined || position < last) {
      inOrder = false;
      break;
    }
    last = position;
  }
  if (inOrder) return value;
  const out: Record<string, unknown> = {};
  for (const key of order) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  for (const key of Object.keys(value)) {
    if (!rank.has(key) && value[key] !== undefined) out[key] = value[key];
  }
  return out;
}
