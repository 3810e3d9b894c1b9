import * as fs from 'fs';
import * as path from 'path';
import { Document, Node as YamlNode, isMap, isScalar, isSeq } from 'yaml';
import { duplicateKeys, mergeKeys, parseAsKubectl } from './kubectl-yaml';

/**
 * The largest document the reader parses. The API server refuses objects larger than about
 * 1.5 MiB (etcd's request limit), so a bigger document cannot be a real object; skipping it keeps
 * memory bounded however large the file is.
 */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

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

/**
 * The files to read for the given paths: files as given, directories searched recursively for
 * `.yaml`, `.yml` and `.json` files (skipping `node_modules` and hidden folders), in name order.
 * `-` stands for standard input. Throws an `InputError` for a path that does not exist.
 */
export function expandPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (p: string, top: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw new InputError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(path.join(p, name), false);
      }
    } else if (top || MANIFEST_EXTENSIONS.has(path.extname(p).toLowerCase())) {
      files.push(p);
    }
  };
  for (const p of paths) {
    if (p === '-') files.push(p);
    else visit(p, true);
  }
  return files;
}

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
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const splitter = new DocumentSplitter(file, visitor);
  const buffer = Buffer.alloc(1024 * 1024);
  const decoder = new Utf8Chunks();
  try {
    for (;;) {
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
        throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
      }
      if (bytes === 0) break;
      splitter.push(decoder.decode(buffer.subarray(0, bytes)));
    }
    splitter.push(decoder.end());
    splitter.end();
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}

/** Reads manifests from a string (`file` names it in positions). */
export function readManifestText(text: string, file: string, visitor: ManifestVisitor): void {
  const splitter = new DocumentSplitter(file, visitor);
  splitter.push(text);
  splitter.end();
}

/** UTF-8 decoding across chunk boundaries (a character may be split between two reads). */
class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8');
  public decode(bytes: Uint8Array): string {
    return this.decoder.decode(bytes, { stream: true });
  }
  public end(): string {
    return this.decoder.decode();
  }
}

/** A line break: LF, CRLF, or a CR that no LF follows (a CR at the very end may still meet its LF). */
const LINE_BREAK = /\r\n|\n|\r(?!$)/;

/** `---` or `...` at the start of a line: YAML's document markers (never content at column 0). */
const DOCUMENT_START = /^---(?:[ \t\r]|$)/;
const DOCUMENT_END = /^\.\.\.(?:[ \t\r]|$)/;
const NOT_CONTENT = /^(?:[ \t]*(?:#.*)?\r?|%.*)$/;

/**
 * Splits a stream of text into YAML documents at the document markers, so that each document is
 * parsed and dropped on its own: memory is bounded by the largest document, not the file.
 */
class DocumentSplitter {
  private pendingLine = '';
  /** The last line of the text had no line break. */
  private unterminated = false;
  private lines: string[] = [];
  private bytes = 0;
  private hasContent = false;
  private startLine = 1;
  private lineNumber = 0;

  constructor(private readonly file: string, private readonly visitor: ManifestVisitor) {}

  public push(chunk: string): void {
    // Line breaks as kubectl reads them: LF, CRLF (Windows editors) and a lone CR. A CR at the end
    // of a chunk waits for the next one, which may start with its LF.
    const parts = (this.pendingLine + chunk).split(LINE_BREAK);
    this.pendingLine = parts.pop() ?? '';
    for (const line of parts) this.line(line);
  }

  public end(): void {
    if (this.pendingLine.endsWith('\r')) {
      this.line(this.pendingLine.slice(0, -1));
    } else if (this.pendingLine !== '') {
      this.line(this.pendingLine);
      this.unterminated = true;
    }
    this.pendingLine = '';
    this.flush();
  }

  private line(raw: string): void {
    this.lineNumber++;
    // A byte-order mark where a document starts (files joined with `cat`): kubectl skips it.
    const line = !this.hasContent && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    const start = DOCUMENT_START.test(line);
    if (start && !NOT_CONTENT.test(line.slice(3))) {
      this.refuse('the document starts on its "---" line, which kubectl refuses ("invalid Yaml document separator"); allowed: start the document on the line after "---"');
    } else if (line.startsWith('%')) {
      this.refuse('a %YAML or %TAG directive: kubectl splits the file at "---" before YAML reads it, so it refuses the directive ("did not find expected <document start>"); allowed: leave directives out');
    }
    if (start && this.hasContent) {
      this.flush();
      this.startLine = this.lineNumber;
    }
    if (this.bytes <= MAX_DOCUMENT_BYTES) this.lines.push(line);
    this.bytes += line.length + 1;
    if (!start && !NOT_CONTENT.test(line)) this.hasContent = true;
    if (DOCUMENT_END.test(line)) {
      this.flush();
      this.startLine = this.lineNumber + 1;
    }
  }

  /** kubectl refuses the file because of this line. */
  private refuse(message: string): void {
    this.visitor.problem({ file: this.file, position: { line: this.lineNumber, column: 1 }, key: 'yaml', severity: 'error', message: `is not valid YAML for kubectl: ${message}` });
  }

  private flush(): void {
    const lines = this.lines;
    const bytes = this.bytes;
    const hasContent = this.hasContent;
    this.lines = [];
    this.bytes = 0;
    this.hasContent = false;
    if (!hasContent) return;
    const at: Position = { line: this.startLine, column: 1 };
    if (bytes > MAX_DOCUMENT_BYTES) {
      this.visitor.problem({
        file: this.file,
        position: at,
        key: 'document',
        severity: 'error',
        message: `is ${Math.round(bytes / 1024 / 1024)} MiB, larger than any Kubernetes object can be (the API server accepts about 1.5 MiB); it was not read. allowed: documents up to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`,
      });
      return;
    }
    const text = lines.join('\n') + (this.unterminated ? '' : '\n');
    this.unterminated = false;
    parseDocuments(text, this.file, this.startLine, this.visitor);
  }
}

function parseDocuments(text: string, file: string, startLine: number, visitor: ManifestVisitor): void {
  const { docs, lineCounter } = parseAsKubectl(text);
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + startLine - 1, column: col };
  };
  for (const doc of docs) {
    const docStart = position(doc.range[0]);
    if (doc.errors.length > 0) {
      const error = doc.errors[0];
      visitor.problem({ file, position: position(error.pos[0]), key: 'yaml', severity: 'error', message: `is not valid YAML: ${error.message}; nothing in this document was checked` });
      continue;
    }
    for (const duplicate of duplicateKeys(doc)) {
      visitor.problem({
        file,
        position: position(duplicate.repeated),
        key: 'yaml',
        severity: 'warning',
        message: `the key "${duplicate.key}" is written twice in one mapping (first at line ${position(duplicate.first).line}); kubectl keeps this last value, which is the one checked; allowed: each key once`,
      });
    }
    let value: unknown;
    try {
      value = mergeKeys(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    } catch (e) {
      visitor.problem({
        file,
        position: docStart,
        key: 'yaml',
        severity: 'error',
        message: `could not be read: ${(e as Error).message} (more than ${MAX_ALIAS_COUNT} aliases, as in a "billion laughs" document); nothing in this document was checked`,
      });
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
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
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

function rangeStart(node: unknown): number | undefined {
  return (node as YamlNode | null)?.range?.[0];
}
