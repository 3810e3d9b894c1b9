import { Document, LineCounter, Scalar, ScalarTag, Tags, YAMLParseError, isAlias, isScalar, parseAllDocuments, visit } from 'yaml';

/**
 * YAML as kubectl reads it. kubectl decodes manifests with go-yaml v2 (through sigs.k8s.io/yaml) and
 * converts the result to JSON; the `yaml` package reads YAML 1.2 by the letter. Where the two differ
 * on real manifests, this module makes the `yaml` package read what kubectl reads:
 *
 * - **Plain scalars** resolve as go-yaml v2 resolves them (YAML 1.1 booleans `on`/`yes`/`y`, octal
 *   `0755` and `0o755`, `1_000`), but `1:20` and `2001-12-14` stay strings (go-yaml v2 has no
 *   sexagesimal numbers and hands timestamps to JSON as strings), and `.inf`/`.nan` are errors
 *   (kubectl cannot convert them to JSON).
 * - **Multi-line quoted scalars** may continue on lines indented no deeper than their key, or not at
 *   all: Huawei's and OTC's pages write JSON annotations that way and kubectl accepts them. Such a
 *   document is parsed again with those continuation lines indented (the leading white space of a
 *   continuation line is not part of a quoted value, so the value does not change; nor do the lines).
 * - **Duplicate keys** are not an error: kubectl keeps the last value. They are reported as
 *   {@link DuplicateKey}s for a warning.
 *
 * What is left: integers beyond 2^53 lose precision (JavaScript numbers), and a `_` right after a
 * sign (`-_1`) stays a string where go-yaml reads a number.
 * The corpus in `test/yaml-conformance/` records kubectl's own reading of each case.
 */

/** How many multi-line quoted values of one document are re-indented before the document is refused. */
export const MAX_QUOTED_REPAIRS = 64;
/**
 * Each repair parses the document again: the characters parsed for repairs are bounded too, so a
 * large document gets fewer repairs (a real manifest with such values is a few kilobytes).
 */
export const MAX_REPAIR_PARSE_CHARS = 4 * 1024 * 1024;

/** A key written twice in one mapping. */
export interface DuplicateKey {
  readonly key: string;
  /** Source offsets of the first and the repeated key. */
  readonly first: number;
  readonly repeated: number;
}

const INT_TAG = 'tag:yaml.org,2002:int';
const FLOAT_TAG = 'tag:yaml.org,2002:float';
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';

/** go-yaml v2: `_` removed, then Go's `strconv.ParseInt(s, 0, 64)`: 0x, 0o, 0b, a leading 0 for octal. */
const GO_INT = /^[-+]?(?:0[xX]_*[0-9a-fA-F][0-9a-fA-F_]*|0[oO]_*[0-7][0-7_]*|0[bB]_*[01][01_]*|0[0-7_]*|[1-9][0-9_]*)$/;
/** go-yaml v2's `yamlStyleFloat` (after removing `_`), and `.5`-style floats. */
const GO_FLOAT = /^[-+]?(?:\.[0-9_]*[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?_*[0-9][0-9_]*)?$/;
/** Non-finite floats: go-yaml reads them, but kubectl's conversion to JSON fails. */
const GO_NON_FINITE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function goInt(source: string): number {
  const text = source.replace(/_/g, '');
  const sign = text.startsWith('-') ? -1 : 1;
  const body = /^[-+]/.test(text) ? text.slice(1) : text;
  const prefix = body.slice(0, 2).toLowerCase();
  if (prefix === '0x') return sign * parseInt(body.slice(2), 16);
  if (prefix === '0o') return sign * parseInt(body.slice(2), 8);
  if (prefix === '0b') return sign * parseInt(body.slice(2), 2);
  if (body.length > 1 && body.startsWith('0')) return sign * parseInt(body.slice(1), 8);
  return sign * parseInt(body, 10);
}

const isNumber = (value: unknown): boolean => typeof value === 'number';

/** `!!binary`: go-yaml decodes the base64 to a string, which kubectl keeps (test/yaml-conformance: binary-annotation). */
const BINARY_TAG = 'tag:yaml.org,2002:binary';

const GO_SCALARS: ScalarTag[] = [
  { tag: BINARY_TAG, identify: () => false, resolve: (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'base64').toString('utf8') },
  { tag: INT_TAG, default: true, identify: isNumber, test: GO_INT, resolve: goInt },
  { tag: FLOAT_TAG, default: true, identify: isNumber, test: GO_FLOAT, resolve: (s: string) => Number(s.replace(/_/g, '')) },
  {
    tag: FLOAT_TAG,
    default: true,
    identify: () => false,
    test: GO_NON_FINITE,
    resolve: (s: string, onError: (message: string) => void) => {
      onError(`${s} is not a number kubectl can convert to JSON (kubectl refuses the file); allowed: a finite number, or quote it to make it a string`);
      return s;
    },
  },
];

/** The YAML 1.1 tags without its numbers and timestamps, then go-yaml v2's numbers. */
function goYamlTags(tags: Tags): Tags {
  // Merge keys are applied by mergeKeys() in go-yaml's order: no merge tag here.
  const replaced = new Set([INT_TAG, FLOAT_TAG, TIMESTAMP_TAG, BINARY_TAG, 'tag:yaml.org,2002:merge']);
  const kept = tags.filter((t) => typeof t === 'string' || !replaced.has(t.tag));
  return [...kept, ...GO_SCALARS];
}

/** Parses one chunk of YAML text as kubectl reads it. */
export function parseAsKubectl(text: string): { docs: Document.Parsed[]; lineCounter: LineCounter } {
  let source = text;
  for (let repairs = 0; ; repairs++) {
    const lineCounter = new LineCounter();
    const docs = parseAllDocuments(source, {
      lineCounter,
      prettyErrors: false,
      version: '1.1',
      uniqueKeys: false,
      // Merge keys are applied by mergeKeys(), in go-yaml v2's order.
      merge: false,
      customTags: goYamlTags,
    }) as Document.Parsed[];
    const affordable = repairs < MAX_QUOTED_REPAIRS && (repairs + 1) * source.length <= MAX_REPAIR_PARSE_CHARS;
    const repaired = affordable ? reindentQuotedScalar(source, docs) : undefined;
    if (repaired === undefined) {
      for (const doc of docs) if (doc.errors.length === 0) refuseWhatGoYamlRefuses(source, doc);
      return { docs, lineCounter };
    }
    source = repaired;
  }
}

/**
 * The source with the first quoted scalar that the `yaml` package cut short at an unindented
 * continuation line made readable; undefined when there is none (or the quote is never closed).
 */
function reindentQuotedScalar(source: string, docs: readonly Document.Parsed[]): string | undefined {
  for (const doc of docs) {
    if (doc.errors.length === 0) continue;
    let repaired: string | undefined;
    visit(doc, {
      Scalar(_key, node) {
        if ((node.type !== 'QUOTE_SINGLE' && node.type !== 'QUOTE_DOUBLE') || !node.range) return undefined;
        const scanned = scanQuoted(source, node.range[0]);
        // Closed where the yaml package ended it: read as written. Further on: it was cut short.
        if (scanned === undefined || scanned.end < node.range[1]) return undefined;
        repaired = reindent(source, node.range[0], scanned.breaks);
        return visit.BREAK;
      },
    });
    if (repaired !== undefined) return repaired;
  }
  return undefined;
}

/** The closing quote of the quoted scalar opening at `start` and its line breaks; undefined when it is never closed. */
function scanQuoted(source: string, start: number): { end: number; breaks: number[] } | undefined {
  const quote = source[start];
  const breaks: number[] = [];
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\n') {
      breaks.push(i);
    } else if (quote === '"' && c === '\\') {
      i++;
      if (source[i] === '\n') breaks.push(i);
    } else if (c === quote) {
      if (quote === "'" && source[i + 1] === "'") i++;
      else return { end: i, breaks };
    }
  }
  return undefined;
}

/** The source with each continuation line after `breaks` indented one column deeper than the opening quote at `start`. */
function reindent(source: string, start: number, breaks: readonly number[]): string | undefined {
  if (breaks.length === 0) return undefined;
  const indent = ' '.repeat(start - (source.lastIndexOf('\n', start - 1) + 1) + 1);
  const parts: string[] = [];
  let from = 0;
  for (const at of breaks) {
    let text = at + 1;
    while (source[text] === ' ' || source[text] === '\t') text++;
    parts.push(source.slice(from, at + 1), indent);
    from = text;
  }
  parts.push(source.slice(from));
  return parts.join('');
}

/** Keys written twice in one mapping (merge keys `<<` aside), in source order. */
export function duplicateKeys(doc: Document.Parsed): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  visit(doc, {
    Map(_key, map) {
      if (map.items.length < 2) return;
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined || key === '<<') continue;
        const offset = (pair.key as Scalar).range?.[0] ?? 0;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, offset);
        else found.push({ key, first, repeated: offset });
      }
    },
  });
  return found;
}

/** Escapes go-yaml v2 knows in double-quoted scalars (YAML 1.1: no `\\/`). */
const GO_ESCAPE = /\\(?:[0abt\tnvfre "'\\N_LPxuU\n])/g;

/**
 * What go-yaml v2 refuses although the `yaml` package reads it, as errors of the document: escapes
 * it does not know (`"\\/"`), and null keys (`~: x`) and mapping or list keys (`? {a: 1}`), which
 * kubectl cannot convert to JSON.
 */
function refuseWhatGoYamlRefuses(source: string, doc: Document.Parsed): void {
  visit(doc, {
    Scalar(_key, node) {
      if (node.type !== 'QUOTE_DOUBLE' || !node.range) return;
      const raw = source.slice(node.range[0], node.range[1]);
      const unknown = raw.replace(GO_ESCAPE, '').indexOf('\\');
      if (unknown >= 0) {
        doc.errors.push(new KubectlRefusal([node.range[0], node.range[1]], 'BAD_SCALAR_START', 'a double-quoted value uses an escape kubectl does not know (kubectl refuses the file: "found unknown escape character"); allowed: the YAML 1.1 escapes, such as \\\\ and \\", or a single-quoted value'));
      }
    },
    Pair(_key, pair) {
      const key = pair.key;
      if (key === null || (isScalar(key) && key.value === null)) {
        const at = isScalar(key) && key.range ? key.range[0] : (isScalar(pair.value) && pair.value.range ? pair.value.range[0] : 0);
        doc.errors.push(new KubectlRefusal([at, at + 1], 'TAG_RESOLVE_FAILED', 'a key is null (~ or empty), which kubectl cannot convert to JSON (kubectl refuses the file); allowed: a string key'));
      } else if (key !== null && typeof key === 'object' && !isScalar(key) && !isAlias(key)) {
        // `? {a: 1}`: kubectl refuses it ("invalid map key"); the yaml package would stringify it.
        const at = (key as { range?: [number, number] }).range?.[0] ?? 0;
        doc.errors.push(new KubectlRefusal([at, at + 1], 'TAG_RESOLVE_FAILED', 'a key is a mapping or a list, which kubectl cannot convert to JSON (kubectl refuses the file as an invalid map key); allowed: a string key'));
      }
    },
  });
}

/**
 * An error of a document that this reader adds for what go-yaml v2 refuses: its message is the
 * reader's own (it quotes no source), so it is shown whole.
 */
export class KubectlRefusal extends YAMLParseError {}

/** The most keys that merge keys (`<<`) may copy in one document. */
export const MAX_MERGED_KEYS = 150_000;

/** Merge keys would copy more than `MAX_MERGED_KEYS` keys. */
export class MergeLimitError extends Error {
  constructor() {
    super(`merge keys (<<) copy more than ${MAX_MERGED_KEYS} keys in this document (the limit that bounds the reader's memory)`);
    this.name = 'MergeLimitError';
  }
}

/**
 * Applies merge keys (`<<`) to a value read with `merge: false`, as go-yaml v2 does: in the order
 * the keys are written (a key after `<<` overrides the merged one, a key before it is overridden),
 * and for a list of aliases the earlier alias wins.
 * Throws a `MergeLimitError` when the merges would copy more than `MAX_MERGED_KEYS` keys.
 */
export function mergeKeys(value: unknown, done: WeakSet<object> = new WeakSet(), budget: { copies: number } = { copies: MAX_MERGED_KEYS }): unknown {
  if (typeof value !== 'object' || value === null || done.has(value)) return value;
  done.add(value);
  if (Array.isArray(value)) {
    for (const item of value) mergeKeys(item, done, budget);
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) mergeKeys(object[key], done, budget);
  if (!Object.prototype.hasOwnProperty.call(object, '<<')) return object;
  const entries = Object.entries(object);
  for (const key of Object.keys(object)) delete object[key];
  for (const [key, child] of entries) {
    if (key !== '<<') {
      object[key] = child;
      continue;
    }
    const sources = Array.isArray(child) ? [...child].reverse() : [child];
    for (const source of sources) {
      if (typeof source !== 'object' || source === null || Array.isArray(source)) continue;
      // Each "<<" copies every key of what it merges: many merges of a large anchor would take
      // memory far beyond the document's size, so the copies are counted.
      budget.copies -= Object.keys(source).length;
      if (budget.copies < 0) throw new MergeLimitError();
      Object.assign(object, source);
    }
  }
  return object;
}
