import { App } from 'cdk8s';
import { EXAMPLES } from './charts';
import { INGRESS_EXAMPLES } from './ingress-charts';
import { ElbValidation } from 'cdk8s-cce-elb';

// One chart per documented CCE example; `cdk8s synth` writes dist/<name>.k8s.yaml for each.
// Strict: a warning that is not acknowledged with a reason fails the synth.
const app = new App();
ElbValidation.strict(app);
for (const [name, ExampleChart] of Object.entries(EXAMPLES)) {
  new ExampleChart(app, name);
}
app.synth();

// The Ingress examples: each in an App of its own (checked by the same rules at synth, strictly),
// written to dist-ingress/, which the validation plugin does not read: many pages use the same
// placeholder load balancer, so together they would clash as one deployment (one page even shows
// the same Ingress before and after an update). test/ingress-examples.test.ts lints each one.
for (const [name, IngressChart] of Object.entries(INGRESS_EXAMPLES)) {
  const own = new App({ outdir: `${app.outdir}/../dist-ingress` });
  ElbValidation.strict(own);
  new IngressChart(own, `ingress-${name}`);
  own.synth();
}
