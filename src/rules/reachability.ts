import { ServiceView } from './service-view';

/**
 * Who connects, from inside the cluster, to a Service under `externalTrafficPolicy: Local`: a node
 * or a container, on the node that runs a backend pod or on another node.
 */
export type LocalAccessClient = 'node' | 'otherNode' | 'podOnNode' | 'podOnOtherNode';

/** What the client reaches: CCE's words, and how the advice says it. */
export interface LocalAccessCell {
  readonly cce: string;
  readonly advice: string;
}

/** One row of the table: a server (node ports, or a dedicated load balancer's address) and a client. */
export interface LocalAccessRow {
  readonly server: 'nodePort' | 'dedicatedElb';
  readonly client: LocalAccessClient;
  /** In the order of `LOCAL_ACCESS_COLUMNS`. */
  readonly cells: readonly LocalAccessCell[];
}

/** The table's columns: container network model (`ClusterInfo.networkModel`) and kube-proxy mode. */
export const LOCAL_ACCESS_COLUMNS = [
  { networkModel: 'overlay_l2', proxyMode: 'ipvs' },
  { networkModel: 'vpc-router', proxyMode: 'ipvs' },
  { networkModel: 'overlay_l2', proxyMode: 'iptables' },
  { networkModel: 'vpc-router', proxyMode: 'iptables' },
] as const;

const POD_NODE_ONLY: LocalAccessCell = {
  cce: 'OK. The node where the pod runs is accessible, not any other nodes.',
  advice: "reachable at a backend node's address only, not at other nodes'",
};
const POD_NODE: LocalAccessCell = {
  cce: 'OK. The node where the pod runs is accessible.',
  advice: "reachable at a backend node's address",
};
const POD_NODE_IP_PORT_ONLY: LocalAccessCell = {
  cce: 'OK. The node where the pod runs is accessible by visiting the node IP + port, not by any other ways.',
  advice: "reachable only at a backend node's IP and node port, in no other way",
};
const NOT_POD_NODE: LocalAccessCell = {
  cce: 'OK. The node where the pod runs is not accessible.',
  advice: "not reachable at a backend node's address",
};
const PUBLIC_ONLY: LocalAccessCell = {
  cce: 'Accessible for public networks, not private networks.',
  advice: "the load balancer's public address is reachable, its private address is not",
};

/**
 * Which in-cluster clients reach a Service whose `externalTrafficPolicy` is `Local`: the table
 * "Why a Cluster Fails to Access Services by Using the ELB Address" of CCE's LoadBalancer page
 * (`../shared/seeds/004_406e01f826ad155b.txt`, lines ~436-455), rebuilt as data.
 *
 * Columns: tunnel network + IPVS, VPC network + IPVS, tunnel network + iptables, VPC network +
 * iptables. In the extracted text the rows after the first of each server have lost their first
 * cell (the server, which spans those rows), so their cells sit one column to the left; they are
 * shifted back here. Rebuilt:
 *
 * | server | client | tunnel, IPVS | VPC, IPVS | tunnel, iptables | VPC, iptables |
 * |---|---|---|---|---|---|
 * | NodePort | same node | pod node only | pod node | pod node | pod node |
 * | NodePort | other nodes | pod node only | pod node | pod node IP + port only | pod node IP + port only |
 * | NodePort | containers on the same node | pod node only | not the pod node | pod node | not the pod node |
 * | NodePort | containers on other nodes | pod node only | pod node | pod node | pod node |
 * | dedicated ELB | same node | public only | public only | public only | public only |
 * | dedicated ELB | containers on the same node | public only | public only | public only | public only |
 *
 * The table has no row for a shared load balancer's address, nor rows for other nodes with a
 * dedicated one. Its rows for the nginx-ingress add-on's `Local` Service on a dedicated load
 * balancer repeat the dedicated rows and are left out.
 */
export const LOCAL_ACCESS_TABLE: readonly LocalAccessRow[] = [
  { server: 'nodePort', client: 'node', cells: [POD_NODE_ONLY, POD_NODE, POD_NODE, POD_NODE] },
  { server: 'nodePort', client: 'otherNode', cells: [POD_NODE_ONLY, POD_NODE, POD_NODE_IP_PORT_ONLY, POD_NODE_IP_PORT_ONLY] },
  { server: 'nodePort', client: 'podOnNode', cells: [POD_NODE_ONLY, NOT_POD_NODE, POD_NODE, NOT_POD_NODE] },
  { server: 'nodePort', client: 'podOnOtherNode', cells: [POD_NODE_ONLY, POD_NODE, POD_NODE, POD_NODE] },
  { server: 'dedicatedElb', client: 'node', cells: [PUBLIC_ONLY, PUBLIC_ONLY, PUBLIC_ONLY, PUBLIC_ONLY] },
  { server: 'dedicatedElb', client: 'podOnNode', cells: [PUBLIC_ONLY, PUBLIC_ONLY, PUBLIC_ONLY, PUBLIC_ONLY] },
];

/** How the advice names the clients; a backend node is a node that runs a backend pod. */
const CLIENTS: Record<LocalAccessClient, string> = {
  node: 'from a backend node',
  otherNode: 'from other nodes',
  podOnNode: 'from containers on a backend node',
  podOnOtherNode: 'from containers on other nodes',
};
const NETWORKS = new Map([['overlay_l2', 'a tunnel-network cluster'], ['vpc-router', 'a VPC-network cluster']]);
const PROXIES = new Map([['ipvs', 'IPVS'], ['iptables', 'iptables']]);

const WHY = "kube-proxy, not the load balancer, answers connections from inside the cluster to the load balancer's address";

/** `a, b and c`. */
function joined(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The rows of a server in one column, clients with the same cell grouped: `from X and from Y, <cell>`. */
function cellsOf(server: LocalAccessRow['server'], column: number): string {
  const groups = new Map<LocalAccessCell, string[]>();
  for (const row of LOCAL_ACCESS_TABLE.filter((r) => r.server === server)) {
    const cell = row.cells[column];
    groups.set(cell, [...(groups.get(cell) ?? []), CLIENTS[row.client]]);
  }
  return [...groups].map(([cell, clients]) => `${joined(clients)}, ${cell.advice}`).join('; ');
}

/** Index of the column for the cluster, or -1 when the profile does not give both. */
function columnOf(view: ServiceView): number {
  const { networkModel, proxyMode } = view.cluster;
  return LOCAL_ACCESS_COLUMNS.findIndex((c) => c.networkModel === networkModel && c.proxyMode === proxyMode);
}

/**
 * What CCE's table says about reaching this Service from inside the cluster under `Local`: the
 * exact cells when the cluster profile gives the network model and the proxy mode, otherwise what
 * the answer depends on and which `ClusterProfile` props would make it exact. A dedicated load
 * balancer's rows are the same in every column.
 */
export function localAccessAdvice(view: ServiceView): string {
  const column = columnOf(view);
  const where = column < 0 ? '' : ` in ${NETWORKS.get(view.cluster.networkModel!)} with ${PROXIES.get(view.cluster.proxyMode!)}`;
  if (view.elbClass === 'performance') {
    return `${WHY}; for a dedicated load balancer${where}, CCE's table says (a backend node runs a backend pod): ${cellsOf('dedicatedElb', Math.max(column, 0))} (the same in every network model and proxy mode)`;
  }
  if (column >= 0) {
    return `${WHY}; CCE's table has no row for a shared load balancer's address, and for the Service's node ports${where} it says (a backend node runs a backend pod): ${cellsOf('nodePort', column)}`;
  }
  return `${WHY}, so nodes and containers may fail to reach the Service through the load balancer's address or its node ports; which ones depends on ${dependsOn(view)}`;
}

/** What the general advice depends on, and the `ClusterProfile` props that would make it exact. */
function dependsOn(view: ServiceView): string {
  const { networkModel, proxyMode } = view.cluster;
  const variables = 'the container network model (tunnel or VPC) and the kube-proxy mode (iptables or IPVS)';
  if (networkModel !== undefined && !NETWORKS.has(networkModel)) {
    return `${variables}, and CCE's table covers only tunnel and VPC networks, not ${JSON.stringify(networkModel)}`;
  }
  const missing = [
    networkModel === undefined ? 'networkModel (NetworkModel.TUNNEL or NetworkModel.VPC)' : undefined,
    proxyMode === undefined || !PROXIES.has(proxyMode) ? 'proxyMode (ProxyMode.IPTABLES or ProxyMode.IPVS)' : undefined,
  ].filter((m): m is string => m !== undefined);
  return `${variables}; give ${joined(missing)} in the ClusterProfile for CCE's exact table cells`;
}

/** CCE's remedies, with the caveat it gives for pass-through on a dedicated load balancer. */
export function localAccessFixes(view: ServiceView): string {
  const passThrough =
    view.elbClass === 'performance'
      ? 'or use PassThroughService (CCE notes that a dedicated load balancer is still not reachable from a backend node or from containers on it)'
      : 'or use PassThroughService';
  return `fixes: inside the cluster, use the ClusterIP Service or its DNS name (recommended); or set externalTrafficPolicy to Cluster (the client source IP is then not kept); ${passThrough}`;
}
