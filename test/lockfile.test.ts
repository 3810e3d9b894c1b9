/**
 * The lockfile must let `npm ci` install on a fresh machine. npm crashes (`Invalid Version:`) on an
 * entry with no version, which is what an npm that recorded optional platform packages as
 * placeholders left behind; the lockfile is written by a plain `npm install` of the machine's npm.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

interface LockEntry {
  readonly version?: string;
  readonly integrity?: string;
  readonly link?: boolean;
  readonly inBundle?: boolean;
}

const root = join(__dirname, '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const installed = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.link);

test('the lockfile is npm 7+ format with installed packages', () => {
  expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
  expect(installed.length).toBeGreaterThan(100);
});

test('every installed package has a version', () => {
  const missing = installed.filter(([, entry]) => !entry.version).map(([path]) => path);
  expect(missing).toEqual([]);
});

test('every package fetched on its own has an integrity hash (bundled ones come inside their parent)', () => {
  const missing = installed.filter(([, entry]) => !entry.inBundle && !entry.integrity).map(([path]) => path);
  expect(missing).toEqual([]);
});

test('no task pins an npm version: the machine npm writes the lockfile', () => {
  const tasks = readFileSync(join(root, '.projen', 'tasks.json'), 'utf8');
  const projenrc = readFileSync(join(root, '.projenrc.ts'), 'utf8');
  expect(tasks).not.toMatch(/npm@\d/);
  expect(projenrc).not.toMatch(/npm@\d/);
});
