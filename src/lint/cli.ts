import { FORMATS, Format, format, githubLine, printablePath, summaryOf, textLine } from './formats';
import { LintFinding, lintPaths } from './linter';
import { InputError } from './manifest-reader';
import { packageInfo } from './package-info';
import { CceVersion } from '../cluster/cce-version';
import { CLUSTER_CHOICES, ClusterInfo } from '../cluster/cluster-info';

/** Exit codes of `cce-elb`. */
export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2 } as const;

export const HELP = `cce-elb lint: check Kubernetes manifests for Huawei Cloud CCE load balancer mistakes

Usage:
  cce-elb lint [options] <file or directory>...
  helm template my-chart | cce-elb lint -

Reads YAML (several documents per file) and JSON; directories are searched for .yaml, .yml and
.json files. Every Service of type LoadBalancer and every Ingress of class cce (a LoadBalancer
Ingress) is checked against the same rules that the cdk8s-cce-elb constructs apply at synth: each
kubernetes.io/elb.* annotation's format and range, the rules between annotations, the Ingress
paths and backends, and the Services and Ingresses that share one existing load balancer
(listener ports, listener settings, ELB class, pass-through). Other kinds and Ingresses of other
classes are skipped; elb.* annotations on a Service that is not a LoadBalancer get a warning (except
the backend server group keys CCE reads on an Ingress's backend Service).

Options:
  --format <f>            text (default): "file:line  Service/namespace/name  key: message"
                          json: the whole report, for tools
                          sarif: SARIF 2.1.0, for code scanning
                          github: GitHub Actions annotations
  --strict                fail on warnings too
  --cluster-version <v>   the cluster version, such as v1.28.3-r0: enables the version checks
  --cluster-flavor <f>    standard or turbo (CCE Turbo)
  --proxy-mode <m>        iptables or ipvs: enables the IPVS checks for shared load balancers
  --network-model <m>     overlay_l2 (tunnel), vpc-router (VPC) or eni (Cloud Native 2.0):
                          makes the externalTrafficPolicy: Local reachability advice precise
  -h, --help              show this help
  -V, --version           show the version of cdk8s-cce-elb

Without the cluster options, checks that need them do not run.

Exit status:
  0  no errors (warnings are allowed unless --strict)
  1  errors found (or warnings, with --strict)
  2  bad options, or a file that cannot be read

Examples:
  cce-elb lint k8s/
  cce-elb lint --cluster-version v1.27.5-r0 --proxy-mode ipvs dist/*.yaml
  kustomize build overlays/prod | cce-elb lint --format github -
`;

interface Writer {
  write(s: string): unknown;
}

class UsageError extends Error {}

interface Parsed {
  readonly format: Format;
  readonly strict: boolean;
  readonly cluster: ClusterInfo;
  readonly paths: string[];
}

const CHOICES: Record<string, readonly string[]> = {
  '--format': FORMATS,
  '--cluster-flavor': CLUSTER_CHOICES.flavor,
  '--proxy-mode': CLUSTER_CHOICES.proxyMode,
  '--network-model': CLUSTER_CHOICES.networkModel,
};

function parse(args: readonly string[]): Parsed | 'help' | 'version' {
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('no command given; the command is "lint": cce-elb lint <file or directory>...');
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === '-V' || command === '--version' || command === 'version') return 'version';
  if (command !== 'lint') throw new UsageError(`unknown command "${command}"; the command is "lint"`);
  const options: Record<string, string> = {};
  let strict = false;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--strict') {
      strict = true;
    } else if (arg === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!(name in CHOICES) && name !== '--cluster-version') throw new UsageError(`unknown option ${name}`);
      const value = eq < 0 ? rest[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      const choices = CHOICES[name];
      if (choices && !choices.includes(value)) throw new UsageError(`${name} ${value} is not allowed; allowed: ${choices.join(', ')}`);
      options[name] = value;
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('no files given; give files, directories, or - for standard input');
  let version: CceVersion | undefined;
  if (options['--cluster-version'] !== undefined) {
    try {
      version = CceVersion.parse(options['--cluster-version']);
    } catch (e) {
      throw new UsageError(`--cluster-version: ${(e as Error).message}`);
    }
  }
  return {
    format: (options['--format'] ?? 'text') as Format,
    strict,
    cluster: {
      version,
      flavor: options['--cluster-flavor'],
      proxyMode: options['--proxy-mode'],
      networkModel: options['--network-model'],
    },
    paths,
  };
}


/** Runs `cce-elb` with the given arguments; returns the exit status. */
export function main(args: readonly string[], stdout: Writer, stderr: Writer): number {
  let parsed: Parsed | 'help' | 'version';
  try {
    parsed = parse(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    stderr.write(`cce-elb: ${printablePath(e.message)}\nRun "cce-elb --help" for usage.\n`);
    return EXIT.USAGE;
  }
  if (parsed === 'help') {
    stdout.write(HELP);
    return EXIT.OK;
  }
  if (parsed === 'version') {
    stdout.write(`cce-elb ${packageInfo().version}\n`);
    return EXIT.OK;
  }
  // Text and GitHub output stream: each file's findings as soon as it is read, so that a long run
  // shows progress and a killed one has printed what it found. JSON and SARIF are one document.
  const line = parsed.format === 'text' ? textLine : parsed.format === 'github' ? githubLine : undefined;
  const onFile = line && ((findings: readonly LintFinding[]) => {
    if (findings.length > 0) stdout.write(findings.map(line).join('\n') + '\n');
  });
  let report;
  try {
    report = lintPaths(parsed.paths, { cluster: parsed.cluster }, onFile);
  } catch (e) {
    if (e instanceof InputError) {
      // The message names a path, which may hold any character: printed without raw control characters.
      stderr.write(`cce-elb: ${printablePath(e.message)}\n`);
    } else {
      // A bug in the linter, not in the input: say so plainly; the stack only when asked for.
      stderr.write(`cce-elb: internal error: ${printablePath(String((e as Error)?.message))}\nPlease report it with the input that caused it.${process.env.CCE_ELB_DEBUG ? `\n${(e as Error).stack}` : ' (CCE_ELB_DEBUG=1 shows the stack.)'}\n`);
    }
    return EXIT.USAGE;
  }
  if (onFile) {
    stdout.write(summaryOf(report) + '\n');
  } else {
    stdout.write(format(report, parsed.format));
    stderr.write(summaryOf(report) + '\n');
  }
  const failed = report.errors > 0 || (parsed.strict && report.warnings > 0);
  return failed ? EXIT.FINDINGS : EXIT.OK;
}
