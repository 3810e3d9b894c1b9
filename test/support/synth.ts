import { Chart, Testing } from 'cdk8s';
import { validateAgainstSchema } from './schema';

/** A fresh chart in a fresh app. */
export function newChart(): Chart {
  return Testing.chart();
}

/**
 * Synthesizes the chart (running validations) and returns its objects, each checked against the
 * Kubernetes schema first.
 */
export function synth(chart: Chart): any[] {
  const objects = Testing.synth(chart);
  for (const obj of objects) {
    validateAgainstSchema(obj);
  }
  return objects;
}

/** The single Service a chart synthesizes. */
export function synthService(chart: Chart): any {
  const services = synth(chart).filter((o) => o.kind === 'Service');
  expect(services).toHaveLength(1);
  return services[0];
}

/** The validation messages of a chart that fails to synthesize, without the leading `[path] `. */
export function synthErrors(chart: Chart): string[] {
  let error: unknown;
  try {
    Testing.synth(chart);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message).toMatch(/^Validation failed with the following errors:/);
  return message
    .split('\n')
    .slice(1)
    .map((line) => line.trim().replace(/^\[[^\]]*\] /, ''))
    .filter((line) => line.length > 0);
}
