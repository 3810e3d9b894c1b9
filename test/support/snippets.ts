import * as cdk8s from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import * as library from '../../src';

/** The bodies of the fenced code blocks of one language in a Markdown text. */
export function codeBlocks(markdown: string, lang: string): string[] {
  const re = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g');
  return [...markdown.matchAll(re)].map((m) => m[1]);
}

/**
 * Runs a documentation snippet, with `cdk8s-cce-elb` mapped to the sources, and returns the YAML
 * that its `app.synth()` would have written.
 */
export function runSnippet(snippet: string): string {
  let yaml: string | undefined;
  class CapturingApp extends cdk8s.App {
    public synth(): void {
      yaml = this.synthYaml();
    }
  }
  const modules: Record<string, unknown> = {
    'cdk8s': { ...cdk8s, App: CapturingApp },
    'cdk8s-plus-28': kplus,
    'cdk8s-cce-elb': library,
  };
  const load = (name: string) => {
    if (!(name in modules)) throw new Error(`the snippet imports ${name}, which the test does not provide`);
    return modules[name];
  };
  const js = ts.transpileModule(snippet, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  new Function('require', 'exports', js)(load, {});
  if (yaml === undefined) throw new Error('the snippet did not call app.synth()');
  return yaml;
}
