import { Chart, Testing } from 'cdk8s';
import { CceVersion, ClusterFlavor, ClusterProfile, NetworkModel, ProxyMode } from '../src';
import { VersionGate } from '../src/cluster/version-gate';

describe('CceVersion', () => {
  test.each([
    ['v1.28.3-r0', 'v1.28.3-r0'],
    ['1.25.8-r10', 'v1.25.8-r10'],
    ['v1.28.3', 'v1.28.3-r0'],
    ['v1.17', 'v1.17.0-r0'],
  ])('GIVEN %s THEN it parses as %s', (text, expected) => {
    expect(CceVersion.parse(text).toString()).toBe(expected);
  });

  test('GIVEN text that is not a version THEN the error says what is allowed', () => {
    expect(() => CceVersion.parse('1.28-latest')).toThrow(
      '"1.28-latest" is not a CCE cluster version; allowed: "v<major>.<minor>[.<patch>][-r<revision>]", such as "v1.28.3-r0"',
    );
  });

  test('versions compare by minor, patch, then revision', () => {
    const v = (t: string) => CceVersion.parse(t);
    expect(v('v1.25.8-r0').compareTo(v('v1.25.8-r1'))).toBeLessThan(0);
    expect(v('v1.25.9-r0').compareTo(v('v1.25.8-r9'))).toBeGreaterThan(0);
    expect(v('v1.27.0').compareTo(v('v1.25.99-r9'))).toBeGreaterThan(0);
    expect(v('v1.25.8').compareTo(v('v1.25.8-r0'))).toBe(0);
  });
});

describe('VersionGate (minimum release per version line)', () => {
  const gate = VersionGate.of('v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0');
  test.each([
    ['v1.23.13-r0', true],
    ['v1.23.12-r9', false],
    ['v1.25.8-r1', true],
    ['v1.25.7-r0', false],
    ['v1.28.3-r0', true],
    ['v1.28.2-r5', false],
    ['v1.29.0-r0', true],
    ['v1.21.99-r0', false],
    // A line between two listed lines that CCE does not name does not qualify (the safer reading).
    ['v1.24.99-r0', false],
  ])('GIVEN a cluster of %s THEN allowed is %s', (version, allowed) => {
    expect(gate.allows(CceVersion.parse(version))).toBe(allowed);
  });

  test('a single line means that line and later', () => {
    const v117 = VersionGate.of('v1.17');
    expect(v117.allows(CceVersion.parse('v1.15.11-r1'))).toBe(false);
    expect(v117.allows(CceVersion.parse('v1.17.0'))).toBe(true);
    expect(v117.allows(CceVersion.parse('v1.19.16-r4'))).toBe(true);
    expect(String(v117)).toBe('v1.17');
    expect(String(gate)).toBe('v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0');
  });
});

describe('ClusterProfile', () => {
  test('GIVEN a profile on the app THEN every construct below finds it; a chart profile overrides it', () => {
    const app = Testing.app();
    const appProfile = new ClusterProfile(app, 'cluster', { version: 'v1.25.8-r0' });
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    const bProfile = new ClusterProfile(b, 'cluster', { version: 'v1.28.3-r0', flavor: ClusterFlavor.TURBO });
    expect(ClusterProfile.of(a)).toBe(appProfile);
    expect(ClusterProfile.of(b)).toBe(bProfile);
    expect(bProfile.networkModel).toBe(NetworkModel.CLOUD_NATIVE_2);
    expect(ClusterProfile.of(new Chart(Testing.app(), 'c'))).toBeUndefined();
  });

  test('GIVEN a chart profile removed from the tree THEN the app profile applies again', () => {
    const app = Testing.app();
    const appProfile = new ClusterProfile(app, 'cluster', { version: 'v1.25.8-r0' });
    const chart = new Chart(app, 'a');
    const chartProfile = new ClusterProfile(chart, 'cluster', { version: 'v1.28.3-r0' });
    expect(ClusterProfile.of(chart)).toBe(chartProfile);
    expect(chart.node.tryRemoveChild(chartProfile.node.id)).toBe(true);
    expect(ClusterProfile.of(chart)).toBe(appProfile);
  });

  test('GIVEN two profiles in one scope THEN construction fails', () => {
    const chart = Testing.chart();
    new ClusterProfile(chart, 'cluster', { proxyMode: ProxyMode.IPVS });
    expect(() => new ClusterProfile(chart, 'other')).toThrow('[test] ClusterProfile: this scope already has a cluster profile (cluster); allowed: one profile per App or Chart');
  });

  test('GIVEN a refused profile THEN it leaves no trace: a corrected one can be created in the same scope', () => {
    const chart = Testing.chart();
    expect(() => new ClusterProfile(chart, 'bad', { version: 'bogus' })).toThrow('[test/bad] version:');
    expect(() => new ClusterProfile(chart, 'bad2', { flavor: 'bogus' as ClusterFlavor })).toThrow(
      '[test/bad2] flavor: "bogus" is not allowed; allowed: ClusterFlavor.STANDARD, ClusterFlavor.TURBO',
    );
    expect(() => new ClusterProfile(chart, 'bad3', { proxyMode: 'nftables' as ProxyMode })).toThrow('[test/bad3] proxyMode: "nftables" is not allowed; allowed: ProxyMode.IPTABLES, ProxyMode.IPVS');
    expect(ClusterProfile.of(chart)).toBeUndefined();
    const good = new ClusterProfile(chart, 'cluster', null as any);
    expect(ClusterProfile.of(chart)).toBe(good);
  });

  test('GIVEN a bad version or a network model that the flavor cannot have THEN construction names the prop', () => {
    expect(() => new ClusterProfile(Testing.chart(), 'cluster', { version: 'latest' })).toThrow(
      '[test/cluster] version: "latest" is not a CCE cluster version; allowed: "v<major>.<minor>[.<patch>][-r<revision>]", such as "v1.28.3-r0"',
    );
    expect(() => new ClusterProfile(Testing.chart(), 'cluster', { flavor: ClusterFlavor.TURBO, networkModel: NetworkModel.VPC })).toThrow(
      'networkModel: a CCE Turbo cluster uses the Cloud Native 2.0 network; allowed: NetworkModel.CLOUD_NATIVE_2 or leave it out',
    );
    expect(() => new ClusterProfile(Testing.chart(), 'cluster', { flavor: ClusterFlavor.STANDARD, networkModel: NetworkModel.CLOUD_NATIVE_2 })).toThrow(
      'networkModel: the Cloud Native 2.0 network is used only by CCE Turbo clusters; allowed: NetworkModel.TUNNEL or NetworkModel.VPC',
    );
  });
});
