'use strict';
// The cost of checking every Service of a large YAML file with the library's rules, against the
// cost of parsing that file with the `yaml` package alone. Usage: node bench/lint-worker.js <parse|check> <file>
const fs = require('fs');
const { parseAllDocuments } = require('yaml');
const { checkServiceManifest } = require('../lib/rules');

const [mode, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const start = process.hrtime.bigint();
const docs = parseAllDocuments(text).map((d) => d.toJS());
let findings = 0;
if (mode === 'check') {
  for (const doc of docs) {
    if (doc && doc.kind === 'Service' && doc.spec && doc.spec.type === 'LoadBalancer') findings += checkServiceManifest(doc).length;
  }
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ mode, ms, documents: docs.length, findings }));
