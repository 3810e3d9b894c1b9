'use strict';
// The linter's cost on a large YAML file against parsing that file with the `yaml` package alone.
// Usage: node bench/lint-worker.js <parse|lint> <file>
//   parse: yaml's parseAllDocuments + toJS over the whole file (the floor)
//   lint:  cce-elb lint over the file (read a document at a time, every rule, the checks across Services)
const fs = require('fs');
const { parseAllDocuments } = require('yaml');
const { Linter } = require('../lib/lint/linter');

const [mode, file] = process.argv.slice(2);
const start = process.hrtime.bigint();
let documents = 0;
let findings = 0;
if (mode === 'parse') {
  documents = parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).length;
} else {
  const linter = new Linter();
  linter.lintFile(file);
  const report = linter.report();
  documents = report.objects;
  findings = report.findings.length;
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ mode, ms, documents, findings }));
