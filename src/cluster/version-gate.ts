import { CceVersion } from './cce-version';

/**
 * The minimum cluster version of a feature as CCE states it: one minimum release per version line
 * ("v1.23.13-r0, v1.25.8-r0, v1.27.5-r0, v1.28.3-r0"). A cluster qualifies when its line is listed
 * and it is at or above that line's minimum, or when its line is newer than every listed line.
 * A line older than the first listed one does not qualify; neither does an unlisted line between
 * two listed ones (the safer reading: CCE names every line that got the feature).
 */
export class VersionGate {
  /** Parses `"v1.23.13-r0, v1.25.8-r0"`; a single entry (`"v1.17"`) means "that line and later". */
  public static of(text: string): VersionGate {
    return new VersionGate(text.split(',').map((v) => CceVersion.parse(v)));
  }

  private constructor(private readonly minimums: CceVersion[]) {}

  /** True when a cluster of this version has the feature. */
  public allows(version: CceVersion): boolean {
    const sameLine = this.minimums.find((m) => m.major === version.major && m.minor === version.minor);
    if (sameLine) return version.compareTo(sameLine) >= 0;
    const newest = this.minimums[this.minimums.length - 1];
    return version.major > newest.major || (version.major === newest.major && version.minor > newest.minor);
  }

  /**
   * Why a version that `allows()` rejects is too old, when that is not obvious: its version line
   * lies between listed lines but is not listed itself.
   */
  public unlistedLine(version: CceVersion): boolean {
    const lines = this.minimums.filter((m) => m.major === version.major).map((m) => m.minor);
    return lines.length > 1 && !lines.includes(version.minor) && version.minor > Math.min(...lines) && version.minor < Math.max(...lines);
  }

  /** As CCE writes it: `v1.23.13-r0, v1.25.8-r0` (a single line without patch: `v1.17`). */
  public toString(): string {
    return this.minimums
      .map((m) => (m.patch === 0 && m.revision === 0 ? `v${m.major}.${m.minor}` : m.toString()))
      .join(', ');
  }
}
