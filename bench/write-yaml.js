'use strict';
// Writes the YAML of N ElbServices of the benchmark mix to a file (input for the linter cost).
const fs = require('fs');
const { KINDS, App, Chart } = require('./mix');

const [nText, file] = process.argv.slice(2);
const app = new App();
const chart = new Chart(app, 'bench');
for (let i = 0; i < Number(nText); i++) KINDS[i % KINDS.length](chart, `s${i}`, i);
fs.writeFileSync(file, app.synthYaml());
