import * as fs from 'fs';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { codeBlocks, runSnippet } from './support/snippets';
import { typecheck } from './support/typecheck';

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

const blocks = (lang: string) => codeBlocks(README, lang);

const snippets = blocks('ts');

test('the README has TypeScript snippets', () => {
  expect(snippets.length).toBeGreaterThanOrEqual(3);
});

test('every README snippet compiles against the library (imported as cdk8s-cce-elb)', () => {
  expect(typecheck(snippets)).toEqual(snippets.map(() => []));
});

test('the first README example synthesizes the Service the README shows', () => {
  const yaml = runSnippet(snippets[0]);

  const shown = parse(blocks('yaml')[0]);
  const service = parseAllDocuments(yaml).map((d) => d.toJS()).find((o: any) => o.kind === 'Service');
  expect(service).toEqual(shown);
});

