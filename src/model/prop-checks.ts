import { show } from '../annotations/values';

/**
 * Checks of values given to the constructs and value classes at run time. TypeScript (and the jsii
 * languages) enforce the declared types; JavaScript callers do not, and a wrong type must end in a
 * message naming what was given and what is allowed, not a TypeError or silently wrong YAML.
 */

/** `value` if it is an instance of `type`; throws `<what>: <value> is not allowed; allowed: <allowed>`. */
export function requireInstance<T>(value: unknown, type: { readonly prototype: T }, what: string, allowed: string): T {
  // Value classes have private constructors: matched by prototype.
  if (typeof value !== 'object' || value === null || !Object.prototype.isPrototypeOf.call(type.prototype, value)) throw new Error(`${what}: ${describe(value)} is not allowed; allowed: ${allowed}`);
  return value as T;
}

/** `value` if it is a string (non-empty unless `empty`). */
export function requireString(value: unknown, what: string, allowed: string, empty = false): string {
  if (typeof value !== 'string' || (!empty && value === '')) throw new Error(`${what}: ${describe(value)} is not allowed; allowed: ${allowed}`);
  return value;
}

/** `value` if it is a list (of anything: the caller checks the items). */
export function requireList(value: unknown, what: string, allowed: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what}: ${describe(value)} is not allowed; allowed: ${allowed}`);
  return value;
}

/** `value` (when given) if it is a list of instances of `type`. */
export function requireInstances(value: unknown, type: { readonly prototype: unknown }, what: string, allowed: string): void {
  if (value === undefined) return;
  for (const item of requireList(value, what, `a list of ${allowed}`)) requireInstance(item, type, `${what}: an item`, allowed);
}

/** A copy of `value` if it is a list of non-empty strings (a string is not spread into characters). */
export function requireStrings(value: unknown, what: string, allowed: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) {
    throw new Error(`${what}: ${describe(value)} is not allowed; allowed: ${allowed}`);
  }
  return [...value];
}

/** `value` if it is a finite number. */
export function requireNumber(value: unknown, what: string, allowed: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${what}: ${describe(value)} is not allowed; allowed: ${allowed}`);
  return value;
}

/** `value` if it is a boolean, or undefined. */
export function optionalBoolean(value: unknown, what: string): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') throw new Error(`${what}: ${describe(value)} is not allowed; allowed: true or false`);
  return value as boolean | undefined;
}

/** `value` if it is a plain object (props, options), or `{}` when undefined. */
export function requireObject<T extends object>(value: T | undefined, what: string, optional = false): T {
  if (value === undefined && optional) return {} as T;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what}: ${describe(value)} is not allowed; allowed: an object of options`);
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && value.constructor !== Object && value.constructor?.name) {
    return `a ${value.constructor.name}`;
  }
  return show(value);
}
