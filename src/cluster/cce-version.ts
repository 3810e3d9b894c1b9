/**
 * A CCE cluster version such as `v1.28.3-r0`: Kubernetes major, minor and patch, plus CCE's
 * revision (`-rN`). A version without patch or revision (`v1.28`) counts as the first release of
 * that line (`v1.28.0-r0`).
 */
export class CceVersion {
  /**
   * Parses a CCE version: `v1.28.3-r0`, `1.28.3-r0`, `v1.28.3` or `v1.28`.
   * @throws when the text is not a CCE version; the message says what is allowed
   */
  public static parse(text: string): CceVersion {
    const match = VERSION.exec(String(text).trim());
    if (!match) {
      throw new Error(
        `${JSON.stringify(text)} is not a CCE cluster version; allowed: "v<major>.<minor>[.<patch>][-r<revision>]", such as "v1.28.3-r0"`,
      );
    }
    return new CceVersion(Number(match[1]), Number(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0));
  }

  private constructor(
    /** Kubernetes major version (1). */
    public readonly major: number,
    /** Kubernetes minor version (28 in v1.28.3-r0): CCE's version line. */
    public readonly minor: number,
    /** Patch version (3 in v1.28.3-r0). */
    public readonly patch: number,
    /** CCE revision (0 in v1.28.3-r0). */
    public readonly revision: number,
  ) {}

  /** Negative when this version is older than `other`, 0 when equal, positive when newer. */
  public compareTo(other: CceVersion): number {
    return this.major - other.major || this.minor - other.minor || this.patch - other.patch || this.revision - other.revision;
  }

  /** `v1.28.3-r0`. */
  public toString(): string {
    return `v${this.major}.${this.minor}.${this.patch}-r${this.revision}`;
  }
}

const VERSION = /^v?([0-9]+)\.([0-9]+)(?:\.([0-9]+))?(?:-r([0-9]+))?$/;
