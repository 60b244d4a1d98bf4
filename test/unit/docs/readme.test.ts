// The README's metric conventions and index weights are generated from the code: fail when stale.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReadme } from '../../../scripts/readme-sections';

const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('has its generated sections up to date (run `npm run docs` to refresh)', () => {
    expect(renderReadme(readme)).toBe(readme);
  });

  it('gives the two first commands: start with the demo, run every test', () => {
    const firstScreen = readme.split('\n').slice(0, 30).join('\n');
    expect(firstScreen).toContain('npm install && npm start');
    expect(firstScreen).toContain('npm test');
  });
});
