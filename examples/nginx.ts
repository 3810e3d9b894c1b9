import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';

/** The Deployments of the CCE examples. */
export interface NginxDeploymentProps {
  readonly replicas: number;
  readonly image: string;
  readonly containerName: string;
  /** Requests and limits, when the documented Deployment has them. */
  readonly resources?: kplus.ContainerResources;
}

/**
 * The nginx Deployment the CCE pages create: pods labelled `app: nginx`, pulling with the
 * `default-secret` image pull secret CCE provides in every namespace.
 *
 * The official nginx image runs as root and writes to /var/cache/nginx, so the cdk8s-plus defaults
 * that would stop it (runAsNonRoot, readOnlyRootFilesystem) are turned off.
 */
export function nginxDeployment(scope: Construct, props: NginxDeploymentProps): kplus.Deployment {
  const deployment = new kplus.Deployment(scope, 'Deployment', {
    metadata: { name: 'nginx' },
    replicas: props.replicas,
    // Select by the documented label rather than cdk8s' generated one.
    select: false,
    podMetadata: { labels: { app: 'nginx' } },
    dockerRegistryAuth: kplus.Secret.fromSecretName(scope, 'DefaultSecret', 'default-secret'),
    securityContext: { ensureNonRoot: false },
    containers: [
      {
        name: props.containerName,
        image: props.image,
        resources: props.resources,
        securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
      },
    ],
  });
  deployment.select(kplus.LabelSelector.of({ labels: { app: 'nginx' } }));
  return deployment;
}
