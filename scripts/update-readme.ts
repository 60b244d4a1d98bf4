// Rewrites README.md's generated sections in place (see readme-sections.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReadme } from './readme-sections';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, renderReadme(readFileSync(path, 'utf8')));
console.log('README.md sections updated.');
