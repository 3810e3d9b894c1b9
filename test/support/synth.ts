import { Chart, Testing } from 'cdk8s';
import { validateAgainstSchema } from './schema';

/** A fresh chart in a fresh app. */
export function newChart(): Chart {
  return Testing.chart();
}

/** Runs `fn` with console.warn captured; returns what `fn` returned and the printed lines. */
export function capturingWarnings<T>(fn: () => T): { result: T; printed: string[] } {
  const printed: string[] = [];
  const spy = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    printed.push(args.map(String).join(' '));
  });
  try {
    return { result: fn(), printed };
  } finally {
    spy.mockRestore();
  }
}

/**
 * Synthesizes the chart (running validations) and returns its objects, each checked against the
 * Kubernetes schema first. Warnings printed at synth are captured (see `synthWarnings`).
 */
export function synth(chart: Chart): any[] {
  const objects = capturingWarnings(() => Testing.synth(chart)).result;
  for (const obj of objects) {
    validateAgainstSchema(obj);
  }
  return objects;
}

/** The warning lines a successful synth prints. */
export function synthWarnings(chart: Chart): string[] {
  return capturingWarnings(() => Testing.synth(chart)).printed;
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
    capturingWarnings(() => Testing.synth(chart));
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
