import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/*
 * The library as users get it: the tarball `npm pack` makes of the compiled library (lib/, built
 * before the tests by `npx projen build`), the same file `npx projen package` puts in dist/js.
 */

const ROOT = path.join(__dirname, '..', '..');

let packed: string | undefined;

/** The packed library (made once per test file), as an absolute path to the .tgz. */
export function packedLibrary(): string {
  if (packed !== undefined) return packed;
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/ is not built: run `npx projen compile` first (`npx projen build` does)');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-elb-pack-'));
  const r = spawnSync('npm', ['pack', '--pack-destination', dir, '--ignore-scripts', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr}`);
  packed = path.join(dir, r.stdout.trim().split('\n').pop()!);
  return packed;
}

/** The version in package.json, which the tarball carries. */
export function libraryVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
}

/** Runs npm in `cwd`; throws with npm's output when it fails. */
export function npm(cwd: string, args: string[], timeoutMs = 300_000): string {
  const r = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', timeout: timeoutMs });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
