'use strict';
// How long requiring modules takes in a fresh process. Usage: node bench/import-worker.js <base|elb>
const which = process.argv[2];
const start = process.hrtime.bigint();
require('cdk8s');
require('cdk8s-plus-28');
if (which === 'elb') require('../lib');
console.log(JSON.stringify({ which, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
