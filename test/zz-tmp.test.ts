import { App, Chart, Testing, Duration } from 'cdk8s';
import { ElbIngress, ExistingElb, IngressBackend, IngressListener, IngressCertificate, PathMatch, ElbService, SecurityPolicy, ClusterProfile, CceVersion } from '../src';
test('smoke', () => {
  const app = new App();
  const chart = new Chart(app, 'c');
  const svc = new ElbService(chart, 'svc', { metadata: { name: 'web' }, loadBalancer: ExistingElb.dedicated('df76342f-e898-402a-bac8-bde5bf974da8'), ports: [{ port: 8080 }], selectorLabels: { app: 'web' } } as any);
  const ing = new ElbIngress(chart, 'ing', {
    metadata: { name: 'ing' },
    loadBalancer: ExistingElb.dedicated('df76342f-e898-402a-bac8-bde5bf974da8'),
    listener: IngressListener.https({ certificate: IngressCertificate.fromElb('17e3b4f4bc40471c86741dc3aa211379') }),
    securityPolicy: SecurityPolicy.TLS_1_2_FS,
    http2: true,
    keepaliveTimeout: Duration.seconds(100),
    rewriteTarget: '/$1',
  });
  ing.addRule('/(.*)', IngressBackend.fromService(svc), { host: 'example.com', match: PathMatch.regex() });
  ing.addRule('/x', IngressBackend.fromServiceName('other', 81));
  const out = Testing.synth(chart);
  console.log(JSON.stringify(out.find((o: any) => o.kind === 'Ingress'), null, 1));
  console.log(ing.warnings());
});
