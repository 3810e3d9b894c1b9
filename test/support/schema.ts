import { Deployment } from 'kubernetes-models/apps/v1';
import { Pod, Service } from 'kubernetes-models/v1';

const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/Service': Service as any,
  'v1/Pod': Pod as any,
  'apps/v1/Deployment': Deployment as any,
};

/**
 * Validates an object against the Kubernetes OpenAPI schema (kubernetes-models). Throws with the
 * schema's message when the object is invalid, or when its kind has no model here.
 */
export function validateAgainstSchema(obj: any): void {
  const Model = MODELS[`${obj.apiVersion}/${obj.kind}`];
  if (!Model) {
    throw new Error(`no schema model for ${obj.apiVersion}/${obj.kind}`);
  }
  new Model(obj).validate();
}
