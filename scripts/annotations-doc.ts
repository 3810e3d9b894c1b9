// Writes docs/annotations.md from the annotation catalog (`npx projen docs:annotations`).
import * as fs from 'fs';
import * as path from 'path';
import { renderAnnotationReference } from '../src/annotations/reference-doc';

const file = path.join(__dirname, '..', 'docs', 'annotations.md');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, renderAnnotationReference());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
