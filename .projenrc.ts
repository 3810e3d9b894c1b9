import { cdk8s, javascript, release } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

/**
 * The canonical repository, set once: package.json's `repository` and `homepage`, the absolute docs
 * links that SARIF output and warnings print (src/lint/package-info.ts reads them from package.json),
 * and the names of the Python, Java, .NET and Go packages all derive from it.
 */
const REPOSITORY = 'https://github.com/cdk8s-cce-elb/cdk8s-cce-elb';
const PACKAGE_NAME = 'cdk8s-cce-elb';
const repository = /^https:\/\/(github\.com)\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(REPOSITORY);
if (!repository) throw new Error(`REPOSITORY must be https://github.com/<owner>/<repo>: ${REPOSITORY}`);
const [, repositoryHost, repositoryOwner, repositoryName] = repository;
/** cdk8s-cce-elb → Cdk8sCceElb */
const pascalCase = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
/** A Java package segment, where a hyphen is not allowed: cdk8s-cce-elb → cdk8s_cce_elb. */
const javaSegment = (s: string) => s.toLowerCase().replace(/[^a-z0-9_]/g, '_');

const project = new cdk8s.ConstructLibraryCdk8s({
  name: PACKAGE_NAME,
  description:
    'Typed cdk8s constructs for Huawei Cloud CCE LoadBalancer Services: every kubernetes.io/elb.* annotation as a checked prop.',
  author: 'cdk8s-cce-elb maintainers',
  authorAddress: 'maintainers@users.noreply.cdk8s-cce-elb.example',
  repositoryUrl: `${REPOSITORY}.git`,
  homepage: REPOSITORY,
  keywords: ['cdk8s', 'cce', 'huawei-cloud', 'elb', 'loadbalancer', 'kubernetes'],
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  // package-lock.json is written by a plain `npm install` of the machine's own npm (projen's default
  // `install` task); test/lockfile.test.ts fails on an entry without a version, which npm ci cannot install.
  packageManager: javascript.NodePackageManager.NPM,
  // What the tests run on (README, "Install"); package.json `engines`.
  minNodeVersion: '20.0.0',

  jsiiVersion: '~6.0.0',
  // Lowest cdk8s that cdk8s-plus-28 (the oldest cdk8s-plus the tests use) accepts (^2.68.11); tests run
  // against the lowest supported versions.
  cdk8sVersion: '2.68.12',
  constructsVersion: '10.3.0',
  // The linter (src/lint) reads YAML with line numbers; jsii packages ship non-jsii dependencies bundled.
  bundledDeps: ['yaml@^2.4.0'],
  bin: { 'cce-elb': 'bin/cce-elb' },
  devDeps: [
    // Only the tests and examples use cdk8s-plus: a Service's `selector` is read at synth, so an app
    // keeps its own cdk8s-plus major (test/user-apps.test.ts builds apps with the oldest and newest).
    'cdk8s-plus-28@2.5.6',
    'cdk8s-cli@^2.207.0',
    'kubernetes-models@4.5.1',
    'fast-check@^3.23.0',
    // The examples import `cdk8s-cce-elb` as a user's app does; examples/tsconfig.json maps it to src/.
    'tsconfig-paths@^4.2.0',
    // Validates `cce-elb lint --format sarif` against the SARIF 2.1.0 schema (test/lint-cli.test.ts).
    '@microsoft/jest-sarif@1.0.0-beta.0',
  ],

  // No GitHub or upgrade machinery: nothing here would run it.
  github: false,
  // Versions and CHANGELOG.md through projen's own tasks, run by hand (`npx projen release`: bump
  // from the Conventional Commits since the last tag, build, then add the notes to CHANGELOG.md and
  // tag). No workflow is generated: github is off.
  release: true,
  releaseTrigger: release.ReleaseTrigger.manual({ changelog: true, changelogPath: 'CHANGELOG.md' }),
  // projen's default, commit-and-tag-version 13, needs Node 22; 12 runs on the Node 20 of `engines`.
  bumpPackage: 'commit-and-tag-version@^12',
  depsUpgrade: false,
  pullRequestTemplate: false,

  // jsii targets of the other languages (package.json jsii.targets; no publishing is configured).
  // CI generates their code and builds and checks the Python wheel (.ci/run).
  publishToPypi: {
    distName: PACKAGE_NAME, // cdk8s-cce-elb
    module: PACKAGE_NAME.replace(/-/g, '_'), // cdk8s_cce_elb
  },
  publishToMaven: {
    mavenGroupId: `io.github.${repositoryOwner}`, // io.github.cdk8s-cce-elb
    mavenArtifactId: PACKAGE_NAME, // cdk8s-cce-elb
    javaPackage: `io.github.${javaSegment(repositoryOwner)}`, // io.github.cdk8s_cce_elb
  },
  publishToNuget: {
    dotNetNamespace: pascalCase(PACKAGE_NAME), // Cdk8sCceElb
    packageId: pascalCase(PACKAGE_NAME), // Cdk8sCceElb
  },
  publishToGo: {
    moduleName: `${repositoryHost}/${repositoryOwner}/${repositoryName}-go`, // github.com/cdk8s-cce-elb/cdk8s-cce-elb-go
  },

  docgen: true,
  eslintOptions: { dirs: ['src', 'test', 'examples'], devdirs: ['test', 'examples'] },
  jestOptions: {
    // projen's default (--updateSnapshot) rewrites changed snapshots and passes; snapshots must be able to fail.
    updateSnapshot: UpdateSnapshot.NEVER,
    // A run that executed no test must be visible: .ci/run reads the counts from this file.
    passWithNoTests: false,
    extraCliOptions: ['--json', '--outputFile=.jest-results.json'],
    jestConfig: {
      // The examples import the library by its package name, as a user's app does.
      moduleNameMapper: { '^cdk8s-cce-elb$': '<rootDir>/src' },
      testPathIgnorePatterns: ['/node_modules/', '/examples/dist/', '/examples/dist-ingress/'],
      coveragePathIgnorePatterns: ['/node_modules/', '/test/', '/examples/'],
    },
  },
  gitignore: ['examples/dist/', 'examples/dist-ingress/', '.jest-results.json'],
  // docs/ ships: the README and the warnings link to its pages. Build-only files do not.
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/.ci/', '/bench/', '/scripts/', '/rosetta/', '/.jest-results.json'] },
});

// package-all's Java, Python, .NET and Go steps run Maven, pip, dotnet and go against registries
// these machines do not reach: `projen package` (and so `projen build`) packages npm only, CI or not.
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);

// README, doc-comment and docs/ examples must compile and translate: `jsii-rosetta extract` fails on
// any snippet of the assembly (README and doc comments) that does not, and writes .jsii.tabl.json,
// which jsii-pacmak then uses, so the Python README shows Python; scripts/rosetta-docs.js does the
// same for the TypeScript snippets of docs/*.md, which are not in the assembly.
// The README's example selects a cdk8s-plus Deployment; cdk8s-plus is no dependency of the library,
// so rosetta installs it for the examples (as `cdk8s init` gives an app its cdk8s-plus).
project.package.addField('jsiiRosetta', { strict: true, exampleDependencies: { 'cdk8s-plus-28': '^2.5.6' } });
project.gitignore.exclude('.jsii.tabl.json');
const rosetta = project.addTask('rosetta', {
  description: 'Compile and translate every README, doc-comment and docs/ example (strict); writes .jsii.tabl.json',
});
rosetta.exec('jsii-rosetta extract --strict');
rosetta.exec('node scripts/rosetta-docs.js');

// The other languages' bindings as generated code (no toolchain needed), into dist/<language>/.
// Go also re-emits the doc examples of members inherited from cdk8s, which no tablet holds (cdk8s
// ships none), so only Python, Java and .NET fail on a snippet missing from .jsii.tabl.json.
const bindings = project.addTask('package:bindings', {
  description: 'Generate the Python, Java, .NET and Go bindings as code only (dist/<language>/), examples translated from .jsii.tabl.json',
});
bindings.spawn(rosetta);
bindings.exec('jsii-pacmak --code-only --targets python java dotnet --rosetta-unknown-snippets fail');
bindings.exec('jsii-pacmak --code-only --targets go');


const synthExamples = project.addTask('synth:examples', {
  description: 'Synthesize the documented CCE examples to examples/dist/<name>.k8s.yaml (then lint them: cdk8s validation plugin) and examples/dist-ingress/<name>.k8s.yaml',
});
// The validation plugin in examples/cdk8s.yaml is loaded from the compiled library.
synthExamples.spawn(project.compileTask);
synthExamples.exec('cdk8s synth --no-check-upgrade', { cwd: 'examples' });

project.addTask('docs:annotations', {
  description: 'Regenerate docs/annotations.md from the annotation catalog (a test fails when it is stale)',
  exec: 'ts-node --transpile-only scripts/annotations-doc.ts',
});

const bench = project.addTask('bench', {
  description: 'Benchmark synthesis, the rules and the import against raw ApiObjects and cdk8s-plus (docs/performance.md); --json for one line of ratios',
});
bench.spawn(project.compileTask);
bench.exec('node bench/run.js', { receiveArgs: true });

// The import resolver of ESLint also reads the examples' tsconfig, which maps `cdk8s-cce-elb` to src/.
project.tryFindObjectFile('.eslintrc.json')?.addOverride('settings.import/resolver.typescript', {
  project: ['./tsconfig.json', './examples/tsconfig.json'],
  alwaysTryTypes: true,
  noWarnOnMultipleProjects: true,
});

project.synth();
