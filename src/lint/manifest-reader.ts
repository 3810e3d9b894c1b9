import * as fs from 'fs';
import * as path from 'path';
import { TextDecoder } from 'util';
import { Document, Pair, YAMLMap, Node as YamlNode, isMap, isScalar, isSeq } from 'yaml';
import { KubectlRefusal, duplicateKeys, mergeKeys, parseAsKubectl } from './kubectl-yaml';
import { show } from '../annotations/values';

/**
 * The largest document the reader parses, in characters. The API server refuses request bodies
 * larger than 3 MiB (and etcd objects larger than about 1.5 MiB), so a bigger document cannot be a
 * real object; it is reported and skipped, and the reader keeps no more than this of it.
 */
export const MAX_DOCUMENT_BYTES = 3 * 1024 * 1024;

/**
 * The most YAML entries the reader parses in one document: lines, plus the `,`, `[` and `{` of
 * flow collections. The YAML library needs about 1.5 KB of memory per entry, so this bounds the
 * memory one document can take (about 250 MB) whatever its shape; a 100,000-key mapping is
 * within it. A document with more is reported and skipped.
 */
export const MAX_DOCUMENT_ENTRIES = 150_000;

/** The deepest nesting of flow collections (`[`, `{`) the reader parses in one document. */
export const MAX_NESTING = 1000;

/** YAML aliases one document may resolve; more is how "billion laughs" documents look. */
export const MAX_ALIAS_COUNT = 100;

/** Where something is in a file. Lines and columns start at 1. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A path into an object: keys and list indexes (`['spec', 'ports', 0, 'port']`). */
export type ObjectPath = ReadonlyArray<string | number>;

/** One Kubernetes object read from a file, with a way to find the line of any of its fields. */
export interface ManifestObject {
  readonly file: string;
  readonly value: Readonly<Record<string, unknown>>;
  /** The object's own position (its first key). */
  readonly position: Position;
  /**
   * The position of the deepest part of `path` that exists in the source: the key of a mapping
   * entry, or the start of a list item. Valid only while the visitor runs (the parsed document is
   * not kept, so that memory stays bounded).
   */
  locate(path: ObjectPath): Position;
}

/** A document that could not be read as a Kubernetes object. */
export interface ReadProblem {
  readonly file: string;
  readonly position: Position;
  /** `yaml` for documents that do not parse, `document` for ones that are not Kubernetes objects. */
  readonly key: 'yaml' | 'document';
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Receives what the reader finds, one document at a time. */
export interface ManifestVisitor {
  object(object: ManifestObject): void;
  problem(problem: ReadProblem): void;
}

/** A path that cannot be read at all (missing, unreadable): a usage problem, not a finding. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** A path met in a directory that is not read, and why. */
export interface SkippedPath {
  readonly file: string;
  readonly reason: string;
}

/**
 * The files to read for the given paths: files as given, directories searched recursively for
 * `.yaml`, `.yml` and `.json` files (skipping `node_modules`, hidden folders and the
 * `construct-metadata.json` that `cdk8s synth` writes beside the manifests), in name order,
 * each file once however often it is named (`lint dir dir/a.yaml`). `-` stands for standard input.
 * Inside a directory, a symbolic link to nothing and a file that is not a regular file (a FIFO, a
 * socket) are skipped and listed in `skipped`, so that one cannot stop or block the run. Throws an
 * `InputError` for a path that does not exist or cannot be read.
 */
export function expandPaths(paths: readonly string[]): { files: string[]; skipped: SkippedPath[] } {
  const files: string[] = [];
  const skipped: SkippedPath[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    let real = p;
    try {
      real = fs.realpathSync(p);
    } catch {
      // keep the path as given
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push(p);
  };
  const visit = (p: string, top: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      if (!top && fs.lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink()) {
        skipped.push({ file: p, reason: 'is a symbolic link to a file that does not exist; it was skipped' });
        return;
      }
      throw new InputError(`cannot read ${p}: ${messageOf(e)}`);
    }
    if (stat.isDirectory()) {
      let entries: Buffer[];
      try {
        entries = fs.readdirSync(p, { encoding: 'buffer' });
      } catch (e) {
        throw new InputError(`cannot read the directory ${p}: ${messageOf(e)}`);
      }
      const names: string[] = [];
      for (const entry of entries) {
        const name = entry.toString('utf8');
        if (Buffer.from(name, 'utf8').equals(entry)) {
          names.push(name);
          continue;
        }
        // A name that is not UTF-8 has no string path to open it by: a folder or a manifest is
        // skipped with a warning, anything else (an image, say) silently, and the run goes on.
        const kind = fs.lstatSync(Buffer.concat([Buffer.from(p + path.sep), entry]), { throwIfNoEntry: false });
        if (kind?.isDirectory() || MANIFEST_EXTENSIONS.has(path.extname(name).toLowerCase())) {
          skipped.push({ file: path.join(p, name), reason: 'has a name that is not valid UTF-8, which cannot be read by name; it was skipped' });
        }
      }
      for (const name of names.sort()) {
        if (name === 'node_modules' || name.startsWith('.') || name === CDK8S_METADATA) continue;
        visit(path.join(p, name), false);
      }
    } else if (top) {
      add(p);
    } else if (MANIFEST_EXTENSIONS.has(path.extname(p).toLowerCase())) {
      if (stat.isFile()) add(p);
      else skipped.push({ file: p, reason: 'is not a regular file (a FIFO, a socket or a device); it was skipped, since reading it could block the run' });
    }
  };
  for (const p of paths) {
    if (p !== '-') {
      visit(p, true);
    } else if (!seen.has('-')) {
      // Standard input can be read once: a second "-" would read nothing.
      seen.add('-');
      files.push(p);
    }
  }
  return { files, skipped };
}

/**
 * What `cdk8s synth` writes into its output folder beside the manifests when validation plugins are
 * configured: construct paths, not Kubernetes objects. Named on its own, it is read like any file.
 */
const CDK8S_METADATA = 'construct-metadata.json';

/** How long to wait before reading standard input again when it has no data yet. */
export const INPUT_WAIT_MS = 10;
/** What `Atomics.wait` blocks on: a synchronous sleep (nothing ever wakes it). */
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/** Reads a file (or standard input for `-`) in chunks, one document at a time. */
export function readManifestFile(file: string, visitor: ManifestVisitor): void {
  let fd: number;
  try {
    fd = file === '-' ? 0 : fs.openSync(file, 'r');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${messageOf(e)}`);
  }
  const splitter = new DocumentSplitter(file, visitor);
  const buffer = Buffer.alloc(1024 * 1024);
  let decoder: TextDecoder | undefined;
  /** The first bytes, until there are enough to tell the encoding. */
  let head: Buffer | undefined;
  try {
    while (!splitter.stopped) {
      let bytes: number;
      try {
        bytes = fs.readSync(fd, buffer, 0, buffer.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          // Standard input with no data yet (a non-blocking pipe or a terminal): wait a little
          // instead of asking again at once, which kept a CPU busy while a slow producer wrote.
          Atomics.wait(SLEEPER, 0, 0, INPUT_WAIT_MS);
          continue;
        }
        if ((e as NodeJS.ErrnoException).code === 'EOF') break;
        throw new InputError(`cannot read ${file}: ${messageOf(e)}`);
      }
      if (bytes === 0) break;
      let chunk: Uint8Array = buffer.subarray(0, bytes);
      if (decoder === undefined) {
        // UTF-16 with a byte-order mark (what Windows PowerShell 5 writes with ">"): kubectl decodes
        // it too. The mark is two bytes, which a pipe may deliver one at a time.
        head = head === undefined ? Buffer.from(chunk) : Buffer.concat([head, chunk]);
        if (head.length < 2) continue;
        decoder = new TextDecoder(encodingOf(head));
        chunk = head;
      }
      splitter.push(decoder.decode(chunk, { stream: true }));
    }
    if (!splitter.stopped) splitter.push(decoder?.decode() ?? (head ? new TextDecoder().decode(head) : ''));
    splitter.end();
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}

/** The encoding a file's first bytes announce: UTF-16 with a byte-order mark, else UTF-8. */
function encodingOf(first: Uint8Array): string {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** The message of an error from the file system, without Node's details. */
export function messageOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error).message;
}

/** Reads manifests from a string (`file` names it in positions). */
export function readManifestText(text: string, file: string, visitor: ManifestVisitor): void {
  const splitter = new DocumentSplitter(file, visitor);
  splitter.push(text);
  splitter.end();
}

/**
 * A line break as go-yaml reads one: LF, CRLF, a CR that no LF follows (a CR at the very end may
 * still meet its LF), and NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (U+0085, U+2028, U+2029),
 * which the YAML library used after the split would read as ordinary characters.
 */
const LINE_BREAK = /\r\n|\n|\r(?!$)|[\u0085\u2028\u2029]/;
/** Anything that may end a line: a chunk without it continues the current line. */
const MAY_BREAK = /[\r\n\u0085\u2028\u2029]/;

/** `---` or `...` at the start of a line: YAML's document markers (never content at column 0). */
const DOCUMENT_START = /^---(?:[\s\u0085]|$)/;
/** What may follow `---` on a separator line: Go's unicode spaces (kubectl's splitter trims them), or a comment. */
const SEPARATOR_REST = /^[\s\u0085]*(?:#.*)?$/;
const DOCUMENT_END = /^\.\.\.(?:[ \t\r]|$)/;
const NOT_CONTENT = /^(?:[ \t]*(?:#.*)?\r?|%.*)$/;
/** A backslash escape of a JSON string (to find `\/` without touching `\\/`). */
const JSON_ESCAPE = /\\./g;
/** What starts a flow entry: each is at least one node for the YAML library. */
const FLOW_ENTRY = /[,[{]/g;
/** Block sequence and complex-key indicators: more than one on a line nests within that line. */
const BLOCK_INDICATOR = /(?:^|[ \t])[-?](?=[ \t]|$)/g;
const FLOW_OPEN = /[[{]/g;
const FLOW_CLOSE = /[\]}]/g;

/**
 * Splits a stream of text into YAML documents at the document markers, so that each document is
 * parsed and dropped on its own: memory is bounded by the limits on one document, not by the file
 * (`MAX_DOCUMENT_BYTES`, `MAX_DOCUMENT_ENTRIES`); time is linear in the input.
 */
class DocumentSplitter {
  /** The reader met something that is not text (a NUL character) and stopped. */
  public stopped = false;
  /** The current line so far, in parts (a line may span many chunks): `pendingLength` characters. */
  private pending: string[] = [];
  private pendingLength = 0;
  /** The last line of the text had no line break. */
  private unterminated = false;
  private lines: string[] = [];
  private bytes = 0;
  private entries = 0;
  /** Flow collections open at the end of the last line, and the most open at once (quotes not told apart: an upper bound). */
  private depth = 0;
  private maxDepth = 0;
  private hasContent = false;
  private startLine = 1;
  private lineNumber = 0;
  /**
   * How the source is read, from its first content: a JSON stream when it starts with `{` (as
   * kubectl's decoder decides: JSON objects one after another, `\/` escapes allowed), else YAML.
   */
  private mode: 'unknown' | 'yaml' | 'json' = 'unknown';
  /** In a JSON stream: the depth of the current value, and whether the scan is inside a string (after a backslash). */
  private json = { depth: 0, inString: false, escaped: false };

  constructor(private readonly file: string, private readonly visitor: ManifestVisitor) {}

  public push(chunk: string): void {
    if (this.stopped || chunk === '') return;
    if (chunk.includes('\u0000')) {
      // YAML has no NUL characters: a binary file, or a device such as /dev/zero. Reading stops
      // here, so that such a source cannot run forever.
      this.visitor.problem({
        file: this.file,
        position: { line: this.lineNumber + 1, column: 1 },
        key: 'yaml',
        severity: 'error',
        message: 'is not YAML text: it contains a NUL character (a binary file?); reading stopped here, and nothing after it was checked',
      });
      this.stopped = true;
      return;
    }
    const last = this.pending[this.pending.length - 1];
    if (!MAY_BREAK.test(chunk) && !last?.endsWith('\r')) {
      // The current line goes on: keep the part (up to the document limit), without joining.
      this.addToPending(chunk);
      return;
    }
    // Line breaks as kubectl reads them: LF, CRLF (Windows editors) and a lone CR. A CR at the end
    // of a chunk waits for the next one, which may start with its LF.
    const parts = (this.takePending() + chunk).split(LINE_BREAK);
    this.addToPending(parts.pop() ?? '');
    for (const line of parts) this.line(line);
  }

  public end(): void {
    if (this.stopped) return;
    const last = this.takePending();
    if (last.endsWith('\r')) {
      this.line(last.slice(0, -1));
    } else if (last !== '') {
      this.line(last);
      this.unterminated = true;
    }
    this.flush();
  }

  /** Keeps a part of the current line; past the document limit only its length is counted. */
  private addToPending(part: string): void {
    if (part === '') return;
    if (this.pendingLength <= MAX_DOCUMENT_BYTES) this.pending.push(part);
    this.pendingLength += part.length;
  }

  /**
   * The current line so far. A line longer than any document may be is cut, and its length is
   * counted into the document, which is then reported as too large.
   */
  private takePending(): string {
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    const overlong = this.pendingLength > MAX_DOCUMENT_BYTES;
    if (overlong) this.bytes += this.pendingLength;
    this.pending = [];
    this.pendingLength = 0;
    return overlong ? text.slice(0, 16) : text;
  }

  private line(raw: string): void {
    this.lineNumber++;
    // A byte-order mark where a document starts (files joined with `cat`): kubectl skips it. On
    // other lines it is part of the text, for kubectl too (test/yaml-conformance: bom-before-a-key).
    const line = !this.hasContent && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    // kubectl's decoder looks at the first character that is not a space: "{" is a JSON stream.
    if (this.mode === 'unknown' && line.trim() !== '') this.mode = /^\s*\{/.test(line) ? 'json' : 'yaml';
    if (this.mode === 'json') {
      this.jsonLine(line);
      return;
    }
    const start = DOCUMENT_START.test(line);
    if (start && !SEPARATOR_REST.test(line.slice(3))) {
      this.refuse('the document starts on its "---" line, which kubectl refuses ("invalid Yaml document separator"); allowed: start the document on the line after "---"');
    } else if (line.startsWith('%')) {
      this.refuse('a %YAML or %TAG directive: kubectl splits the file at "---" before YAML reads it, so it refuses the directive ("did not find expected <document start>"); allowed: leave directives out');
    }
    if (start) {
      // A document of comments only (however long) is dropped, not counted into the next one.
      this.flush();
      this.startLine = this.lineNumber;
    }
    // A separator is given to the YAML library as a plain "---" (it takes only ASCII spaces after it).
    const flow = this.keep(line, start ? '---' : line);
    if (flow !== undefined) {
      const blocks = line.match(BLOCK_INDICATOR)?.length ?? 0;
      this.entries += Math.max(0, blocks - 1);
      if (flow > 0 || this.depth > 0) {
        this.depth += (line.match(FLOW_OPEN)?.length ?? 0);
        if (this.depth > this.maxDepth) this.maxDepth = this.depth;
        this.depth = Math.max(0, this.depth - (line.match(FLOW_CLOSE)?.length ?? 0));
      }
    }
    if (!start && !NOT_CONTENT.test(line)) this.hasContent = true;
    if (DOCUMENT_END.test(line)) {
      this.flush();
      this.startLine = this.lineNumber + 1;
    }
  }

  /**
   * One line of a JSON stream: kept, and scanned for where the current value ends (the depth of
   * `{`/`[` back to 0 outside strings); a value that ends is read as its own document, and the rest
   * of the line starts the next one.
   */
  private jsonLine(line: string): void {
    let from = 0;
    const state = this.json;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (state.inString) {
        if (state.escaped) state.escaped = false;
        else if (c === '\\') state.escaped = true;
        else if (c === '"') state.inString = false;
      } else if (c === '"') {
        state.inString = true;
      } else if (c === '{' || c === '[') {
        if (state.depth === 0 && line.slice(from, i).trim() === '' && !this.hasContent) {
          this.startLine = this.lineNumber;
          from = i;
        }
        state.depth++;
      } else if ((c === '}' || c === ']') && state.depth > 0 && --state.depth === 0) {
        this.keep(line.slice(from, i + 1));
        this.hasContent = true;
        this.flush();
        from = i + 1;
      }
    }
    const rest = line.slice(from);
    if (state.depth > 0) {
      this.keep(rest);
      this.hasContent = true;
    } else if (rest.trim() !== '') {
      this.visitor.problem({
        file: this.file,
        position: { line: this.lineNumber, column: from + 1 + rest.search(/\S/) },
        key: 'yaml',
        severity: 'error',
        message: `is not valid JSON: ${show(rest.trim())} stands between objects; kubectl reads a file that starts with "{" as a stream of JSON objects and refuses anything else (a "---" line included); allowed: JSON objects only, or YAML throughout`,
      });
    }
  }

  /**
   * Keeps a line of the current document (as `stored`), counting its size and entries: the number
   * of flow entries on it, or undefined past the size limit (the line is then only counted).
   */
  private keep(line: string, stored = line): number | undefined {
    this.bytes += line.length + 1;
    if (this.bytes > MAX_DOCUMENT_BYTES) return undefined;
    this.lines.push(stored);
    const flow = line.match(FLOW_ENTRY)?.length ?? 0;
    this.entries += 1 + flow;
    return flow;
  }

  /** kubectl refuses the file because of this line. */
  private refuse(message: string): void {
    this.visitor.problem({ file: this.file, position: { line: this.lineNumber, column: 1 }, key: 'yaml', severity: 'error', message: `is not valid YAML for kubectl: ${message}` });
  }

  private flush(): void {
    const lines = this.lines;
    const bytes = this.bytes;
    const entries = this.entries;
    const maxDepth = this.maxDepth;
    const hasContent = this.hasContent;
    this.lines = [];
    this.bytes = 0;
    this.entries = 0;
    this.depth = 0;
    this.maxDepth = 0;
    this.hasContent = false;
    if (!hasContent) return;
    const at: Position = { line: this.startLine, column: 1 };
    const tooLarge = (message: string) => this.visitor.problem({ file: this.file, position: at, key: 'document', severity: 'error', message });
    if (bytes > MAX_DOCUMENT_BYTES) {
      tooLarge(`is ${(bytes / 1024 / 1024).toFixed(1)} MiB, larger than any Kubernetes object can be (the API server refuses request bodies over 3 MiB); it was not read. allowed: documents up to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`);
      return;
    }
    if (entries > MAX_DOCUMENT_ENTRIES) {
      tooLarge(`has about ${entries} YAML entries (lines and flow items), more than the ${MAX_DOCUMENT_ENTRIES} the linter reads in one document (the limit that bounds its memory); it was not read. allowed: smaller documents (a Kubernetes object is at most about 1.5 MiB)`);
      return;
    }
    if (maxDepth > MAX_NESTING) {
      tooLarge(`nests flow collections ([ and {) ${maxDepth} levels deep, more than the ${MAX_NESTING} the linter reads (the limit that keeps its stack from overflowing); it was not read. allowed: shallower documents`);
      return;
    }
    let text = lines.join('\n') + (this.unterminated ? '' : '\n');
    this.unterminated = false;
    // JSON allows "\/" (PHP writes it); YAML, which reads the JSON here, does not: it is "/".
    if (this.mode === 'json') text = text.replace(JSON_ESCAPE, (escape) => (escape === '\\/' ? '/' : escape));
    parseDocuments(text, this.file, this.startLine, this.visitor);
  }
}

function parseDocuments(text: string, file: string, startLine: number, visitor: ManifestVisitor): void {
  try {
    parseChecked(text, file, startLine, visitor);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // Deep block nesting exhausts the call stack of the YAML library (or of the rules): say so.
    visitor.problem({
      file,
      position: { line: startLine, column: 1 },
      key: 'document',
      severity: 'error',
      message: `is nested too deeply to read: ${e.message} (the reader's call stack); nothing in this document was checked. allowed: shallower documents`,
    });
  }
}

/**
 * A YAML library message without the source it quotes (the lines after its first, and what follows
 * ": " in it): the finding has the line number, and the source may hold a secret.
 */
function withoutSource(message: string): string {
  // "Block scalar header includes extra characters: >MIIEow…": what follows ": " is source text.
  const first = message.split('\n', 1)[0].replace(/:$/, '').split(': ', 1)[0];
  return first.length <= 100 ? first : `${first.slice(0, 100)}…`;
}

/** How V8 reports an exhausted call stack. */
const STACK_OVERFLOW = /Maximum call stack size exceeded/;

function parseChecked(text: string, file: string, startLine: number, visitor: ManifestVisitor): void {
  const { docs, lineCounter } = parseAsKubectl(text);
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + startLine - 1, column: col };
  };
  for (const doc of docs) {
    const docStart = position(doc.range[0]);
    if (doc.errors.length > 0) {
      const error = doc.errors[0];
      const message = STACK_OVERFLOW.test(error.message)
        ? 'is nested too deeply to read (the YAML reader\'s call stack ran out here); nothing in this document was checked. allowed: shallower documents'
        : `is not valid YAML: ${error instanceof KubectlRefusal ? error.message : withoutSource(error.message)}; nothing in this document was checked`;
      visitor.problem({ file, position: position(error.pos[0]), key: STACK_OVERFLOW.test(error.message) ? 'document' : 'yaml', severity: 'error', message });
      continue;
    }
    for (const duplicate of duplicateKeys(doc)) {
      visitor.problem({
        file,
        position: position(duplicate.repeated),
        key: 'yaml',
        severity: 'warning',
        message: `the key ${show(duplicate.key)} is written twice in one mapping (first at line ${position(duplicate.first).line}); kubectl keeps this last value, which is the one checked; allowed: each key once`,
      });
    }
    let value: unknown;
    try {
      value = mergeKeys(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    } catch (e) {
      if (e instanceof RangeError) throw e;
      const message = (e as Error).message;
      const why = /alias count/i.test(message)
        ? `more than ${MAX_ALIAS_COUNT} aliases, as in a "billion laughs" document`
        : /unresolved alias/i.test(message)
          ? 'an alias (*name) refers to an anchor (&name) that this document does not set before it; anchors do not carry over from other documents'
          : message;
      visitor.problem({ file, position: docStart, key: 'yaml', severity: 'error', message: `could not be read: ${why}; nothing in this document was checked` });
      continue;
    }
    if (value === null || value === undefined) continue;
    visitObject(doc, value, [], file, position, visitor);
  }
}

function visitObject(
  doc: Document.Parsed,
  value: unknown,
  at: ObjectPath,
  file: string,
  position: (offset: number) => Position,
  visitor: ManifestVisitor,
): void {
  const locate = (p: ObjectPath): Position => position(offsetOf(doc, [...at, ...p]));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    visitor.problem({ file, position: locate([]), key: 'document', severity: 'warning', message: `is ${what}, not a Kubernetes object; it was skipped` });
    return;
  }
  const object = value as Record<string, unknown>;
  if (typeof object.kind !== 'string' || typeof object.apiVersion !== 'string') {
    visitor.problem({
      file,
      position: locate([]),
      key: 'document',
      severity: 'warning',
      message: 'is not a Kubernetes object (it has no string "apiVersion" and "kind"); it was skipped',
    });
    return;
  }
  if (object.kind.endsWith('List') && Array.isArray(object.items)) {
    object.items.forEach((item, i) => visitObject(doc, item, [...at, 'items', i], file, position, visitor));
    return;
  }
  visitor.object({ file, value: object, position: locate([]), locate });
}

/** The source offset of the deepest existing node along `path` (a mapping key where there is one). */
function offsetOf(doc: Document.Parsed, objectPath: ObjectPath): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? doc.range[0];
  for (const segment of objectPath) {
    if (isMap(node)) {
      const pair = pairsOf(node).get(segment);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

/** The pairs of a mapping by key (the last of a repeated key, as kubectl keeps it), indexed once: a lookup per finding must not scan the mapping. */
function pairsOf(map: YAMLMap): Map<unknown, Pair> {
  let index = PAIRS.get(map);
  if (index === undefined) {
    index = new Map();
    for (const p of map.items) index.set(isScalar(p.key) ? p.key.value : p.key, p as Pair);
    PAIRS.set(map, index);
  }
  return index;
}
const PAIRS = new WeakMap<YAMLMap, Map<unknown, Pair>>();

function rangeStart(node: unknown): number | undefined {
  return (node as YamlNode | null)?.range?.[0];
}
