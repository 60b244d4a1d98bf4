// The README sections generated from the code (metric conventions, index weights), so the docs
// cannot drift from what runs. `npm run docs` rewrites them; a unit test fails when they are stale.
import { metricsMarkdown } from '../src/core/metrics/registry';
import {
  COMPONENT_KEYS,
  COMPONENT_LABELS,
  DEFAULT_WEIGHTS,
  WEIGHTS_OVERVIEW,
  WEIGHTS_RATIONALE,
} from '../src/core/scorecard/weights';

export function weightsMarkdown(): string {
  const rows = COMPONENT_KEYS.map(
    (k) => `| ${COMPONENT_LABELS[k]} (\`${k}\`) | ${DEFAULT_WEIGHTS[k]} | ${WEIGHTS_RATIONALE[k]} |`,
  );
  return [WEIGHTS_OVERVIEW, '', '| component | default weight | why |', '| --- | --- | --- |', ...rows].join(
    '\n',
  );
}

export const SECTIONS: Record<string, () => string> = {
  metrics: () => metricsMarkdown().trim(),
  weights: weightsMarkdown,
};

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` for every section. */
export function renderReadme(readme: string): string {
  let out = readme;
  for (const [name, render] of Object.entries(SECTIONS)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block.`);
    out = `${out.slice(0, from + start.length)}\n${render()}\n${out.slice(to)}`;
  }
  return out;
}
