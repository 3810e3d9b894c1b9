import { Testing } from 'cdk8s';
import { ClusterProfile, ElbService, ExistingElb, ExternalTrafficPolicy, NetworkModel, ProxyMode } from '../src';
import { ELB_ID, check, cluster, dedicated, shared } from './support/check';
import { synthWarnings } from './support/synth';
import { LOCAL_ACCESS_COLUMNS, LOCAL_ACCESS_TABLE } from '../src/rules/reachability';

const PREFIX = 'warning: externalTrafficPolicy (spec.externalTrafficPolicy): is "Local": kube-proxy, not the load balancer, answers connections from inside the cluster to the load balancer\'s address';
const FIXES = 'fixes: inside the cluster, use the ClusterIP Service or its DNS name (recommended); or set externalTrafficPolicy to Cluster (the client source IP is then not kept); or use PassThroughService';
const DEDICATED_FIXES = `${FIXES} (CCE notes that a dedicated load balancer is still not reachable from a backend node or from containers on it)`;
const LOCAL = { externalTrafficPolicy: 'Local' };

/** The LOCAL_IN_CLUSTER_ACCESS advice for a shared ELB in this cluster, without prefix and fixes. */
function sharedAdvice(networkModel?: string, proxyMode?: string): string {
  const [finding] = check(shared(), LOCAL, cluster({ networkModel, proxyMode }));
  expect(finding.startsWith(PREFIX)).toBe(true);
  expect(finding.endsWith(`; ${FIXES}`)).toBe(true);
  return finding.slice(PREFIX.length, finding.length - FIXES.length - 2);
}

const nodePorts = (column: string) => `; CCE's table has no row for a shared load balancer's address, and for the Service's node ports in ${column} it says (a backend node runs a backend pod): `;

describe('the table (seed 004, "Why a Cluster Fails to Access Services by Using the ELB Address")', () => {
  test('has four columns, four NodePort rows and two dedicated-ELB rows, one cell per column', () => {
    expect(LOCAL_ACCESS_COLUMNS).toHaveLength(4);
    expect(LOCAL_ACCESS_TABLE.map((r) => `${r.server}/${r.client}`)).toEqual([
      'nodePort/node', 'nodePort/otherNode', 'nodePort/podOnNode', 'nodePort/podOnOtherNode',
      'dedicatedElb/node', 'dedicatedElb/podOnNode',
    ]);
    for (const row of LOCAL_ACCESS_TABLE) expect(row.cells).toHaveLength(4);
  });

  test('keeps CCE\'s cell texts, shifted back into their columns', () => {
    const cce = (server: string, client: string) =>
      LOCAL_ACCESS_TABLE.find((r) => r.server === server && r.client === client)!.cells.map((c) => c.cce);
    expect(cce('nodePort', 'otherNode')).toEqual([
      'OK. The node where the pod runs is accessible, not any other nodes.',
      'OK. The node where the pod runs is accessible.',
      'OK. The node where the pod runs is accessible by visiting the node IP + port, not by any other ways.',
      'OK. The node where the pod runs is accessible by visiting the node IP + port, not by any other ways.',
    ]);
    expect(cce('nodePort', 'podOnNode')).toEqual([
      'OK. The node where the pod runs is accessible, not any other nodes.',
      'OK. The node where the pod runs is not accessible.',
      'OK. The node where the pod runs is accessible.',
      'OK. The node where the pod runs is not accessible.',
    ]);
    expect(new Set(LOCAL_ACCESS_TABLE.filter((r) => r.server === 'dedicatedElb').flatMap((r) => r.cells.map((c) => c.cce)))).toEqual(
      new Set(['Accessible for public networks, not private networks.']),
    );
  });
});

describe('advice for a shared ELB, per column', () => {
  test('GIVEN a tunnel network with IPVS THEN only backend nodes answer, for every client', () => {
    expect(sharedAdvice('overlay_l2', 'ipvs')).toBe(
      `${nodePorts('a tunnel-network cluster with IPVS')}from a backend node, from other nodes, from containers on a backend node and from containers on other nodes, reachable at a backend node's address only, not at other nodes'`,
    );
  });

  test('GIVEN a VPC network with IPVS THEN containers on a backend node cannot reach it', () => {
    expect(sharedAdvice('vpc-router', 'ipvs')).toBe(
      `${nodePorts('a VPC-network cluster with IPVS')}from a backend node, from other nodes and from containers on other nodes, reachable at a backend node's address; from containers on a backend node, not reachable at a backend node's address`,
    );
  });

  test('GIVEN a tunnel network with iptables THEN other nodes reach it only at a backend node\'s IP and node port', () => {
    expect(sharedAdvice('overlay_l2', 'iptables')).toBe(
      `${nodePorts('a tunnel-network cluster with iptables')}from a backend node, from containers on a backend node and from containers on other nodes, reachable at a backend node's address; from other nodes, reachable only at a backend node's IP and node port, in no other way`,
    );
  });

  test('GIVEN a VPC network with iptables THEN other nodes need the IP and node port, and containers on a backend node cannot reach it', () => {
    expect(sharedAdvice('vpc-router', 'iptables')).toBe(
      `${nodePorts('a VPC-network cluster with iptables')}from a backend node and from containers on other nodes, reachable at a backend node's address; from other nodes, reachable only at a backend node's IP and node port, in no other way; from containers on a backend node, not reachable at a backend node's address`,
    );
  });
});

describe('advice when the profile does not give the column', () => {
  const general = ', so nodes and containers may fail to reach the Service through the load balancer\'s address or its node ports; which ones depends on the container network model (tunnel or VPC) and the kube-proxy mode (iptables or IPVS)';

  test('GIVEN no profile THEN both ClusterProfile props are named', () => {
    expect(sharedAdvice()).toBe(`${general}; give networkModel (NetworkModel.TUNNEL or NetworkModel.VPC) and proxyMode (ProxyMode.IPTABLES or ProxyMode.IPVS) in the ClusterProfile for CCE's exact table cells`);
  });

  test('GIVEN only one of them THEN the other is named', () => {
    expect(sharedAdvice(undefined, 'ipvs')).toBe(`${general}; give networkModel (NetworkModel.TUNNEL or NetworkModel.VPC) in the ClusterProfile for CCE's exact table cells`);
    expect(sharedAdvice('vpc-router')).toBe(`${general}; give proxyMode (ProxyMode.IPTABLES or ProxyMode.IPVS) in the ClusterProfile for CCE's exact table cells`);
  });

  test('GIVEN a network the table does not cover THEN that is said', () => {
    expect(sharedAdvice('eni', 'ipvs')).toBe(`${general}, and CCE's table covers only tunnel and VPC networks, not "eni"`);
  });
});

describe('advice for a dedicated ELB', () => {
  const advice = (where: string) =>
    `${PREFIX}; for a dedicated load balancer${where}, CCE's table says (a backend node runs a backend pod): from a backend node and from containers on a backend node, the load balancer's public address is reachable, its private address is not (the same in every network model and proxy mode); ${DEDICATED_FIXES}`;

  test.each(LOCAL_ACCESS_COLUMNS.map((c) => [c.networkModel, c.proxyMode]))('GIVEN %s with %s THEN the column is named and the rows are the same', (networkModel, proxyMode) => {
    const network = networkModel === 'overlay_l2' ? 'a tunnel-network cluster' : 'a VPC-network cluster';
    const proxy = proxyMode === 'ipvs' ? 'IPVS' : 'iptables';
    expect(check(dedicated(), LOCAL, cluster({ networkModel, proxyMode }))).toEqual([advice(` in ${network} with ${proxy}`)]);
  });

  test('GIVEN no profile THEN the same rows, without a column and without asking for the profile', () => {
    expect(check(dedicated(), LOCAL)).toEqual([advice('')]);
  });
});

test('GIVEN an ElbService in a profiled App THEN synth prints the advice of its column', () => {
  const chart = Testing.chart();
  new ClusterProfile(chart, 'cluster', { networkModel: NetworkModel.VPC, proxyMode: ProxyMode.IPVS });
  new ElbService(chart, 'svc', {
    loadBalancer: ExistingElb.shared(ELB_ID),
    ports: [{ port: 80 }],
    selectorLabels: { app: 'x' },
    externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
  });
  const printed = synthWarnings(chart);
  expect(printed).toHaveLength(1);
  expect(printed[0]).toContain(`${nodePorts('a VPC-network cluster with IPVS')}from a backend node,`);
  expect(printed[0].endsWith(`; ${FIXES} [ElbWarning.LOCAL_IN_CLUSTER_ACCESS]`)).toBe(true);
});
