import * as fs from 'fs';
import * as path from 'path';

/** What the linter says of the package it belongs to: its version and where its docs are. */
export interface PackageInfo {
  /** The version in package.json, or `unknown`. */
  readonly version: string;
  /** The repository's web address (package.json `repository.url`, without `git+` and `.git`). */
  readonly repository: string;
}

let info: PackageInfo | undefined;

/** The package's package.json, two folders up from src/lint or lib/lint; read once. */
export function packageInfo(): PackageInfo {
  if (info !== undefined) return info;
  let json: { version?: unknown; repository?: { url?: unknown } | string } = {};
  try {
    json = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  } catch {
    // A package without its package.json still lints; its version is then unknown.
  }
  const url = typeof json.repository === 'string' ? json.repository : json.repository?.url;
  info = {
    version: typeof json.version === 'string' ? json.version : 'unknown',
    repository: typeof url === 'string' ? url.replace(/^git\+/, '').replace(/\.git$/, '') : '',
  };
  return info;
}

/**
 * The absolute address of a docs page (`lint.md#anchor`) in the repository, at the tag of this
 * version (`v1.2.3`), or on `main` for an unreleased build (`0.0.0`), so that a link printed by an
 * installed package shows the docs of that version. The same pages ship in the package's docs/.
 */
export function docsUrl(page: string): string {
  const { version, repository } = packageInfo();
  const ref = version === '0.0.0' || version === 'unknown' ? 'main' : `v${version}`;
  return `${repository}/blob/${ref}/docs/${page}`;
}
