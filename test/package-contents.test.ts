import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/*
 * What the npm package holds (issue 15, "a package users can follow"): the docs that the README
 * and the warnings link to, and no build-only files.
 */

const ROOT = path.join(__dirname, '..');

/** The files `npm pack` would put in the package. */
function packedFiles(): string[] {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm pack --dry-run failed: ${r.stderr}`);
  return (JSON.parse(r.stdout)[0].files as Array<{ path: string }>).map((f) => f.path);
}

test('the package ships every docs page and no build-only folder', () => {
  const files = packedFiles();
  const docs = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  expect(files).toEqual(expect.arrayContaining([...docs, 'README.md', 'bin/cce-elb', 'lib/index.js']));
  for (const buildOnly of ['scripts/', 'bench/', 'examples/', 'test/', 'src/', '.ci/']) {
    expect(files.filter((f) => f.startsWith(buildOnly))).toEqual([]);
  }
}, 60_000);

test('every docs/ page the README links to is in the package', () => {
  const files = new Set(packedFiles());
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const linked = [...readme.matchAll(/\]\(\.\/(docs\/[^)#]+\.md)/g)].map((m) => m[1]);
  expect(linked.length).toBeGreaterThan(5);
  expect(linked.filter((f) => !files.has(f))).toEqual([]);
}, 60_000);

test('the jsii assembly lists Python, Java, .NET and Go targets, each named from the one repository URL', () => {
  // GIVEN package.json (written by projen from .projenrc.ts) and the assembly jsii compiled from it
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const assembly = JSON.parse(fs.readFileSync(path.join(ROOT, '.jsii'), 'utf8'));
  const [, owner, repo] = /^https:\/\/github\.com\/([^/]+)\/([^/]+?)\.git$/.exec(pkg.repository.url)!;
  // THEN both carry the same four targets, with conventional names derived from the repository
  for (const targets of [pkg.jsii.targets, assembly.targets]) {
    // The assembly adds the npm target itself.
    expect({ ...targets, js: undefined }).toEqual({
      js: undefined,
      python: { distName: pkg.name, module: pkg.name.replace(/-/g, '_') },
      java: { package: `io.github.${owner.replace(/-/g, '_')}`, maven: { groupId: `io.github.${owner}`, artifactId: pkg.name } },
      dotnet: { namespace: 'Cdk8sCceElb', packageId: 'Cdk8sCceElb' },
      go: { moduleName: `github.com/${owner}/${repo}-go` },
    });
  }
  expect(pkg.homepage).toBe(`https://github.com/${owner}/${repo}`);
});

test('every link of the shipped Markdown (README, CHANGELOG, docs/) reaches a shipped file, a file of the repository by its absolute address, or the web', () => {
  // GIVEN the Markdown files of the package, as an installed package holds them
  const files = new Set(packedFiles());
  const repository = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).homepage as string;
  const pages = [...files].filter((f) => f.endsWith('.md') && !f.startsWith('node_modules/'));
  expect(pages).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'docs/sources.md']));
  const broken: string[] = [];
  for (const page of pages) {
    const markdown = fs.readFileSync(path.join(ROOT, page), 'utf8');
    for (const [, target] of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (target.startsWith(`${repository}/`)) {
        // A file of the repository that is not shipped (examples/, bench/): it must exist.
        const inRepo = target.slice(repository.length).replace(/^\/(blob|tree)\/main\//, '').replace(/#.*$/, '');
        if (!fs.existsSync(path.join(ROOT, inRepo))) broken.push(`${page}: ${target}`);
      } else if (!/^(https?:|mailto:|#)/.test(target)) {
        // THEN a relative link names a file the package holds
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(page), target.replace(/#.*$/, '')));
        if (!files.has(file)) broken.push(`${page}: ${target}`);
      }
    }
  }
  expect(broken).toEqual([]);
}, 60_000);
