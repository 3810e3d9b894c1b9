'use strict';
// Input files for the linter's cost. Usage: node bench/write-yaml.js <mix|shared|keys> <N> <file>
//   mix:    the YAML of N ElbServices of the benchmark mix
//   shared: N Services on N/100 existing load balancers, 100 per load balancer on distinct ports,
//           so that the checks across Services have real work (and nothing to report)
//   keys:   one ConfigMap whose data mapping has N keys (a line each)
const fs = require('fs');

const [kind, nText, file] = process.argv.slice(2);
const n = Number(nText);
if (kind === 'keys') {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n');
  for (let i = 0; i < n; i++) fs.writeSync(out, `  key-${i}: value-${i}\n`);
  fs.closeSync(out);
} else if (kind === 'shared') {
  const out = fs.openSync(file, 'w');
  for (let i = 0; i < n; i++) {
    const elb = `5083f225-9bf8-48fa-9c8b-${String(Math.floor(i / 100)).padStart(12, '0')}`;
    fs.writeSync(out, `---
apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  annotations:
    kubernetes.io/elb.class: performance
    kubernetes.io/elb.id: ${elb}
spec:
  type: LoadBalancer
  selector:
    app: app-${i}
  ports:
  - name: tcp
    port: ${10000 + (i % 100)}
    targetPort: 8080
`);
  }
  fs.closeSync(out);
} else {
  const { KINDS, App, Chart } = require('./mix');
  const app = new App();
  const chart = new Chart(app, 'bench');
  for (let i = 0; i < n; i++) KINDS[i % KINDS.length](chart, `s${i}`, i);
  fs.writeFileSync(file, app.synthYaml());
}
