import { Duration } from 'cdk8s';

/**
 * A duration as a number of seconds, fractions kept. The annotation rules then reject a fraction
 * with a message that names the prop and annotation, instead of cdk8s throwing a bare error here.
 */
export function seconds(duration: Duration | undefined): number | undefined {
  return duration?.toSeconds({ integral: false });
}

/** A duration as a number of minutes, fractions kept (see `seconds`). */
export function minutes(duration: Duration | undefined): number | undefined {
  return duration?.toMinutes({ integral: false });
}
