import { Document, LineCounter, Scalar, ScalarTag, Tags, isScalar, parseAllDocuments, visit } from 'yaml';

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

const GO_SCALARS: ScalarTag[] = [
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
  const replaced = new Set([INT_TAG, FLOAT_TAG, TIMESTAMP_TAG]);
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
      customTags: goYamlTags,
    }) as Document.Parsed[];
    if (repairs === MAX_QUOTED_REPAIRS) return { docs, lineCounter };
    const repaired = reindentQuotedScalar(source, docs);
    if (repaired === undefined) return { docs, lineCounter };
    source = repaired;
  }
}

/** The first "Missing closing quote" of the documents, made readable; undefined when there is none. */
function reindentQuotedScalar(source: string, docs: readonly Document.Parsed[]): string | undefined {
  for (const doc of docs) {
    const error = doc.errors.find((e) => e.code === 'MISSING_CHAR' && /closing ['"]quote/.test(e.message));
    if (!error) continue;
    const scalar = quotedScalarEndingAt(doc, error.pos[0]);
    return scalar ? reindentContinuationLines(source, scalar.range![0]) : undefined;
  }
  return undefined;
}

function quotedScalarEndingAt(doc: Document.Parsed, end: number): Scalar | undefined {
  let found: Scalar | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') && node.range?.[1] === end) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The source with every continuation line of the quoted scalar that opens at `start` indented one
 * column deeper than its opening quote; undefined when the quote is never closed.
 */
function reindentContinuationLines(source: string, start: number): string | undefined {
  const quote = source[start];
  const breaks: number[] = [];
  let end = -1;
  for (let i = start + 1; i < source.length && end < 0; i++) {
    const c = source[i];
    if (c === '\n') {
      breaks.push(i);
    } else if (quote === '"' && c === '\\') {
      i++;
      if (source[i] === '\n') breaks.push(i);
    } else if (c === quote) {
      if (quote === "'" && source[i + 1] === "'") i++;
      else end = i;
    }
  }
  if (end < 0 || breaks.length === 0) return undefined;
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
