import { Construct, IConstruct } from 'constructs';

const STRICT_ID = 'CceElbStrictValidation';

/**
 * How CCE Services below a scope are validated at synth. Errors always fail the synth; warnings
 * (`ElbWarning`) are printed, and fail it only under strict validation. Strict validation is on
 * for every Service below a scope passed to `ElbValidation.strict()`, and for every Service when
 * the environment variable `CCE_ELB_STRICT` is `true` (for pipelines).
 */
export class ElbValidation {
  /** The environment variable that makes warnings fatal for a whole `cdk8s synth` when `true`. */
  public static readonly STRICT_ENV = 'CCE_ELB_STRICT';

  /** Makes warnings fatal for every CCE Service below `scope` (an App or a Chart). */
  public static strict(scope: Construct): void {
    if (scope.node.tryFindChild(STRICT_ID) === undefined) new Construct(scope, STRICT_ID);
  }

  /** Whether warnings are fatal for this construct. */
  public static isStrict(construct: IConstruct): boolean {
    if (process.env[ElbValidation.STRICT_ENV] === 'true') return true;
    for (let scope: IConstruct | undefined = construct; scope !== undefined; scope = scope.node.scope) {
      if (scope.node.tryFindChild(STRICT_ID) !== undefined) return true;
    }
    return false;
  }

  private constructor() {}
}
