import { App } from 'cdk8s';
import { EXAMPLES } from './charts';
import { ElbValidation } from 'cdk8s-cce-elb';

// One chart per documented CCE example; `cdk8s synth` writes dist/<name>.k8s.yaml for each.
// Strict: a warning that is not acknowledged with a reason fails the synth.
const app = new App();
ElbValidation.strict(app);
for (const [name, ExampleChart] of Object.entries(EXAMPLES)) {
  new ExampleChart(app, name);
}
app.synth();
