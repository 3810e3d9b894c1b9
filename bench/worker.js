'use strict';
// One measurement in a fresh process: build and synthesize N Services of one configuration.
// Usage: node bench/worker.js <elb|raw|kplus> <N>   → prints one JSON line.
const [config, nText] = process.argv.slice(2);
const n = Number(nText);

const { ApiObject } = require('cdk8s');
const kplus = require('cdk8s-plus-28');
const { KINDS, templates, instantiate, App, Chart } = require('./mix');

const builders = {
  elb: () => {
    // The same work before the clock as the other configurations (which synthesize the templates
    // to prepare their inputs), so that none starts with code of cdk8s already run.
    templates();
    return (chart, i) => KINDS[i % KINDS.length](chart, `s${i}`, i);
  },
  raw: () => {
    const t = templates();
    const build = (chart, i, { annotations, spec }) => {
      new ApiObject(chart, `s${i}`, { apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}`, annotations }, spec });
    };
    build.prepare = (i) => instantiate(t[i % KINDS.length], i, i % KINDS.length);
    return build;
  },
  kplus: () => {
    const t = templates();
    const build = (chart, i, { annotations, spec }) => {
      const svc = new kplus.Service(chart, `s${i}`, {
        metadata: { name: `svc-${i}`, annotations },
        type: kplus.ServiceType.LOAD_BALANCER,
        ports: spec.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort, protocol: p.protocol, nodePort: p.nodePort })),
      });
      for (const [key, value] of Object.entries(spec.selector)) svc.selectLabel(key, value);
    };
    build.prepare = (i) => instantiate(t[i % KINDS.length], i, i % KINDS.length);
    return build;
  },
};

if (!builders[config] || !(n > 0)) {
  console.error('usage: node bench/worker.js <elb|raw|kplus> <N>');
  process.exit(2);
}
const build = builders[config]();
// Inputs that do not depend on the library under test are prepared before the clock starts.
const inputs = build.prepare ? Array.from({ length: n }, (_, i) => build.prepare(i)) : [];
const start = process.hrtime.bigint();
const app = new App();
const chart = new Chart(app, 'bench');
for (let i = 0; i < n; i++) build(chart, i, inputs[i]);
const built = process.hrtime.bigint();
const yaml = app.synthYaml();
const end = process.hrtime.bigint();
const ms = Number(end - start) / 1e6;
// The two phases: building the constructs (for `elb`, also the typed props), and App.synthYaml().
const buildMs = Number(built - start) / 1e6;
const synthMs = Number(end - built) / 1e6;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ config, n, ms, buildMs, synthMs, peakRssMb, bytes: yaml.length }));
