import { App } from 'cdk8s';
import { EXAMPLES } from './charts';

// One chart per documented CCE example; `cdk8s synth` writes dist/<name>.k8s.yaml for each.
const app = new App();
for (const [name, ExampleChart] of Object.entries(EXAMPLES)) {
  new ExampleChart(app, name);
}
app.synth();
