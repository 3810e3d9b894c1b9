import { cdk8s, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

/**
 * The canonical repository, set once: package.json's `repository` and `homepage`, the absolute docs
 * links that SARIF output and warnings print (src/lint/package-info.ts reads them from package.json),
 * and the names of the Python, Java, .NET and Go packages all derive from it.
 */
const REPOSITORY = 'https://github.com/cdk8s-cce-elb/cdk8s-cce-elb';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-cce-elb',
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

  // No GitHub, release or upgrade machinery: nothing here would run it.
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

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
      testPathIgnorePatterns: ['/node_modules/', '/examples/dist/'],
      coveragePathIgnorePatterns: ['/node_modules/', '/test/', '/examples/'],
    },
  },
  gitignore: ['examples/dist/', '.jest-results.json'],
  // docs/ ships: the README and the warnings link to its pages. Build-only files do not.
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/.ci/', '/bench/', '/scripts/', '/.jest-results.json'] },
});


const synthExamples = project.addTask('synth:examples', {
  description: 'Synthesize the documented CCE examples to examples/dist/<name>.k8s.yaml, then lint them (cdk8s validation plugin)',
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
