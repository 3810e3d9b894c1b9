'use strict';
// `npm run bench`: synthesis time and peak memory of N ElbServices against N raw ApiObjects and N
// cdk8s-plus-28 Services with the same annotations and spec; the rules' cost on a large YAML file
// against parsing it, and its per-Service cost with shared load balancers at N and N/10; and the import cost of the library. Every measurement runs in its own
// process; configurations are interleaved; medians of --runs runs (default 5) are reported.
//
// Options: --json (one line with the ratios at the largest N), --runs K, --sizes 100,1000,10000
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const json = args.includes('--json');
const runs = Number(option('--runs', '5'));
const sizes = option('--sizes', '100,1000,10000').split(',').map(Number);
const CONFIGS = ['elb', 'raw', 'kplus'];
const log = json ? () => undefined : (line) => process.stderr.write(line + '\n');

const node = (script, ...rest) => JSON.parse(execFileSync(process.execPath, [path.join(__dirname, script), ...rest], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Synthesis: for each N, `runs` rounds; each round runs every configuration once, in turn.
const synth = {};
for (const n of sizes) {
  for (let r = 0; r < runs; r++) {
    for (const config of CONFIGS) {
      const m = node('worker.js', config, String(n));
      (synth[`${config}@${n}`] ??= []).push(m);
    }
    log(`synth N=${n}: round ${r + 1}/${runs}`);
  }
}
const med = (config, n, field) => median(synth[`${config}@${n}`].map((m) => m[field]));

// Linter cost: `cce-elb lint` over every Service of the largest synthesized file, against parsing it.
const largest = Math.max(...sizes);
const tmp = (name) => path.join(os.tmpdir(), `cce-elb-bench-${process.pid}-${name}.yaml`);
const file = tmp(`mix-${largest}`);
execFileSync(process.execPath, [path.join(__dirname, 'write-yaml.js'), 'mix', String(largest), file]);
const lint = { parse: [], lint: [] };
for (let r = 0; r < runs; r++) {
  for (const mode of ['parse', 'lint']) lint[mode].push(node('lint-worker.js', mode, file).ms);
}
log(`lint: ${runs} rounds`);

// The checks across Services scale linearly: per-Service lint cost of Services sharing load
// balancers (100 per ELB) at the largest N against a tenth of it.
const smaller = Math.max(1, Math.round(largest / 10));
const shared = {};
for (const n of [smaller, largest]) {
  shared[n] = { file: tmp(`shared-${n}`), ms: [] };
  execFileSync(process.execPath, [path.join(__dirname, 'write-yaml.js'), 'shared', String(n), shared[n].file]);
}
for (let r = 0; r < runs; r++) {
  for (const n of [smaller, largest]) {
    const m = node('lint-worker.js', 'lint', shared[n].file);
    if (m.findings !== 0) throw new Error(`the shared-ELB file of ${n} Services should lint clean, got ${m.findings} findings`);
    shared[n].ms.push(m.ms);
  }
}
log(`shared-ELB lint: ${runs} rounds`);

// One mapping with 100,000 keys lints in about the time of a file of ordinary Services with as many
// lines (the shared-ELB file: 16 lines a Service): no part of reading is quadratic in a mapping's size.
const KEYS = 100000;
const wide = { keys: { file: tmp('keys'), ms: [] }, lines: { file: tmp('lines'), ms: [] } };
execFileSync(process.execPath, [path.join(__dirname, 'write-yaml.js'), 'keys', String(KEYS), wide.keys.file]);
execFileSync(process.execPath, [path.join(__dirname, 'write-yaml.js'), 'shared', String(Math.round(KEYS / 16)), wide.lines.file]);
for (let r = 0; r < runs; r++) {
  for (const w of Object.values(wide)) w.ms.push(node('lint-worker.js', 'lint', w.file).ms);
}
log(`wide-mapping lint: ${runs} rounds`);

// Import cost.
const imports = { base: [], elb: [] };
for (let r = 0; r < Math.max(runs, 9); r++) {
  for (const which of ['base', 'elb']) imports[which].push(node('import-worker.js', which).ms);
}

const rows = sizes.map((n) => ({
  n,
  elbMs: med('elb', n, 'ms'),
  rawMs: med('raw', n, 'ms'),
  kplusMs: med('kplus', n, 'ms'),
  elbMb: med('elb', n, 'peakRssMb'),
  rawMb: med('raw', n, 'peakRssMb'),
  kplusMb: med('kplus', n, 'peakRssMb'),
  phases: Object.fromEntries(CONFIGS.map((config) => [config, { buildMs: med(config, n, 'buildMs'), synthMs: med(config, n, 'synthMs') }])),
}));
const at = (n) => rows.find((row) => row.n === n);
const big = at(largest);
const perService = (row) => row.elbMs / row.n;
const previous = rows.length > 1 ? rows[rows.length - 2] : undefined;
const result = {
  n: largest,
  ratioVsRaw: big.elbMs / big.rawMs,
  ratioVsKplus: big.elbMs / big.kplusMs,
  kplusVsRaw: big.kplusMs / big.rawMs,
  perServiceScaling: previous ? perService(big) / perService(previous) : null,
  memoryVsRaw: big.elbMb / big.rawMb,
  lintVsParse: median(lint.lint) / median(lint.parse),
  sharedLintScaling: median(shared[largest].ms) / largest / (median(shared[smaller].ms) / smaller),
  importMs: median(imports.elb) - median(imports.base),
  wideMappingVsLines: median(wide.keys.ms) / median(wide.lines.ms),
  runs,
};

if (json) {
  console.log(JSON.stringify(result));
} else {
  const f = (x, d = 0) => x.toFixed(d);
  console.log(`Synthesis (App.synthYaml), median of ${runs} runs, each in its own process`);
  console.log('| N | ElbService ms | raw ApiObject ms | cdk8s-plus Service ms | vs raw | vs cdk8s-plus | peak RSS MB (elb / raw / kplus) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) {
    console.log(`| ${row.n} | ${f(row.elbMs)} | ${f(row.rawMs)} | ${f(row.kplusMs)} | ${f(row.elbMs / row.rawMs, 2)} | ${f(row.elbMs / row.kplusMs, 2)} | ${f(row.elbMb)} / ${f(row.rawMb)} / ${f(row.kplusMb)} |`);
  }
  console.log('');
  console.log(`Where the time goes at N=${largest}: building the constructs (for ElbService, also its typed props) / App.synthYaml()`);
  console.log(`| phase | ElbService ms | raw ApiObject ms | cdk8s-plus Service ms |`);
  console.log('|---|---|---|---|');
  for (const phase of ['buildMs', 'synthMs']) {
    console.log(`| ${phase === 'buildMs' ? 'build' : 'synthYaml'} | ${CONFIGS.map((config) => f(big.phases[config][phase])).join(' | ')} |`);
  }
  console.log('');
  if (previous) console.log(`Per-Service cost at N=${largest} / at N=${previous.n}: ${f(result.perServiceScaling, 2)}`);
  console.log(`cce-elb lint of ${largest} Services / YAML parse alone: ${f(result.lintVsParse, 2)} (parse ${f(median(lint.parse))} ms, lint ${f(median(lint.lint))} ms)`);
  console.log(`Per-Service lint cost with shared load balancers, N=${largest} / N=${smaller}: ${f(result.sharedLintScaling, 2)} (${f(median(shared[largest].ms))} ms / ${f(median(shared[smaller].ms))} ms)`);
  console.log(`cce-elb lint of one ${KEYS}-key mapping / of ${KEYS} lines of Services: ${f(result.wideMappingVsLines, 2)} (${f(median(wide.keys.ms))} ms / ${f(median(wide.lines.ms))} ms)`);
  console.log(`Import cost over cdk8s + cdk8s-plus-28: ${f(result.importMs, 1)} ms (median of ${imports.elb.length})`);
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${f(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
}
for (const f of [file, ...Object.values(shared).map((s) => s.file), ...Object.values(wide).map((w) => w.file)]) fs.rmSync(f, { force: true });
