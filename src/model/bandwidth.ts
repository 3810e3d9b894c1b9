/** How the bandwidth of a public auto-created load balancer is billed (`bandwidth_chargemode`). */
export enum BandwidthChargeMode {
  /** Billed by bandwidth. */
  BANDWIDTH = 'bandwidth',
  /** Billed by traffic. */
  TRAFFIC = 'traffic',
}

/** How the bandwidth of a public auto-created load balancer is shared (`bandwidth_sharetype`). */
export enum BandwidthShareType {
  /** Dedicated bandwidth (`PER`), the only type CCE accepts here. */
  PER = 'PER',
}
