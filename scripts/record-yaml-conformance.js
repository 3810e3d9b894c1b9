#!/usr/bin/env node
/*
 * Records how kubectl reads every YAML case in test/yaml-conformance/cases/.
 *
 *   node scripts/record-yaml-conformance.js            # record all cases
 *   node scripts/record-yaml-conformance.js a b.yaml   # record only the named cases
 *
 * For each `<name>.yaml` it runs
 *   kubectl annotate --local -f <name>.yaml yaml-conformance/dummy=x -o json
 * (no cluster needed) and writes `<name>.kubectl.json`:
 *   {"accepted": true, "objects": [...]}   objects as kubectl read them, in document order
 *   {"accepted": false, "error": "..."}    kubectl's error line
 *
 * `recordCase(caseFile)` is exported so a test can re-run kubectl live and compare.
 * Plain Node, no dependencies.
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const CASES_DIR = path.resolve(__dirname, '..', 'test', 'yaml-conformance', 'cases');
const DUMMY_KEY = 'yaml-conformance/dummy';
const KUBECTL = process.env.KUBECTL || 'kubectl';

class KubectlNotFoundError extends Error {
  constructor(detail) {
    super(`kubectl not found on the PATH (${detail}); install kubectl (v1.32 was used to record) or set KUBECTL=/path/to/kubectl`);
    this.name = 'KubectlNotFoundError';
  }
}

/** Version string of the kubectl client, or undefined when kubectl cannot be run. */
function kubectlVersion() {
  const r = spawnSync(KUBECTL, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  try {
    return JSON.parse(r.stdout).clientVersion.gitVersion;
  } catch {
    return undefined;
  }
}

/** True when kubectl can be run. */
function kubectlAvailable() {
  return kubectlVersion() !== undefined;
}

/**
 * Splits a stream of concatenated JSON values (what kubectl prints for
 * several objects with -o json) into the parsed values.
 */
function parseJsonStream(text) {
  const values = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
    } else if (ch === '{' || ch === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) {
        values.push(JSON.parse(text.slice(start, i + 1)));
        start = -1;
      }
    } else if (depth === 0 && !/\s/.test(ch)) {
      throw new Error(`unexpected character ${JSON.stringify(ch)} at offset ${i} in kubectl output`);
    }
  }
  if (depth !== 0) throw new Error('truncated JSON in kubectl output');
  return values;
}

/** Removes the dummy annotation again (and the annotations map if it held only the dummy). */
function stripDummy(obj) {
  const ann = obj && obj.metadata && obj.metadata.annotations;
  if (ann && typeof ann === 'object' && Object.prototype.hasOwnProperty.call(ann, DUMMY_KEY)) {
    delete ann[DUMMY_KEY];
    if (Object.keys(ann).length === 0) delete obj.metadata.annotations;
  }
  return obj;
}

/** kubectl prints several objects as concatenated JSON; a List (if any) is flattened to its items. */
function flatten(values) {
  const out = [];
  for (const v of values) {
    if (v && v.kind === 'List' && Array.isArray(v.items)) out.push(...v.items);
    else out.push(v);
  }
  return out;
}

/** The error line of kubectl's stderr: the first line starting with "error:", else the first non-empty line. */
function errorLine(stderr) {
  const lines = String(stderr).split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  return lines.find((l) => l.startsWith('error:')) || lines[0] || '';
}

/**
 * Runs kubectl on one case file and returns its reading:
 * {accepted: true, objects} or {accepted: false, error}.
 * kubectl runs in the case's directory with the bare file name, so error
 * messages do not depend on where the repository is checked out.
 * Throws KubectlNotFoundError when kubectl cannot be started.
 */
function recordCase(caseFile) {
  const abs = path.resolve(caseFile);
  const r = spawnSync(
    KUBECTL,
    ['annotate', '--local', '-f', path.basename(abs), `${DUMMY_KEY}=x`, '-o', 'json'],
    { cwd: path.dirname(abs), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.error) {
    if (r.error.code === 'ENOENT') throw new KubectlNotFoundError(r.error.message);
    throw r.error;
  }
  if (r.status !== 0) {
    return { accepted: false, error: errorLine(r.stderr) };
  }
  const objects = flatten(parseJsonStream(r.stdout)).map(stripDummy);
  return { accepted: true, objects };
}

/** Path of the recording next to a case file. */
function recordingPath(caseFile) {
  return caseFile.replace(/\.ya?ml$/, '') + '.kubectl.json';
}

function serialize(result) {
  return JSON.stringify(result, null, 2) + '\n';
}

/** All case files, sorted. */
function listCases(dir = CASES_DIR) {
  return fs.readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

function resolveCaseArg(arg) {
  const candidates = [arg, path.join(CASES_DIR, arg), path.join(CASES_DIR, `${arg}.yaml`)];
  const found = candidates.find((c) => /\.ya?ml$/.test(c) && fs.existsSync(c) && fs.statSync(c).isFile());
  if (!found) throw new Error(`no such case: ${arg}`);
  return path.resolve(found);
}

function main(argv) {
  const version = kubectlVersion();
  if (version === undefined) {
    process.stderr.write(`record-yaml-conformance: kubectl not found or not runnable (${KUBECTL}). `
      + 'Install kubectl (the corpus was recorded with v1.32) or set KUBECTL=/path/to/kubectl.\n');
    return 2;
  }
  const files = argv.length > 0 ? argv.map(resolveCaseArg) : listCases();
  let accepted = 0;
  let rejected = 0;
  for (const file of files) {
    const result = recordCase(file);
    fs.writeFileSync(recordingPath(file), serialize(result));
    if (result.accepted) accepted++;
    else rejected++;
    const what = result.accepted ? `accepted (${result.objects.length} object(s))` : `rejected: ${result.error}`;
    process.stdout.write(`${path.basename(file)}: ${what}\n`);
  }
  process.stdout.write(`kubectl ${version}: ${files.length} case(s), ${accepted} accepted, ${rejected} rejected\n`);
  return 0;
}

module.exports = {
  recordCase,
  recordingPath,
  serialize,
  listCases,
  parseJsonStream,
  kubectlAvailable,
  kubectlVersion,
  KubectlNotFoundError,
  CASES_DIR,
  DUMMY_KEY,
};

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`record-yaml-conformance: ${e.message}\n`);
    process.exitCode = 1;
  }
}
