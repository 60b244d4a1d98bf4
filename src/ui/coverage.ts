// Who was asked and who answered, per sector: shown beside every network figure, because a
// person's in-degree means little where most of a sector never answered.
import type { PipelineResult } from '../core/pipeline';
import { h } from './dom';

/** `onImport`: shown under the fields where the numbers asked are entered (so "above", not "in Import"). */
export function coverageBlock(result: PipelineResult, onImport = false): HTMLElement {
  const cov = result.coverage;
  const box = h('div', { class: 'coverage', 'data-testid': 'coverage' });
  if (!cov || cov.sectors.length === 0) return box;
  const parts = cov.sectors.map((s) => {
    const asked = s.invited === null ? 'unknown' : String(s.invited);
    const rate = s.rate === null ? '' : ` (${Math.round(s.rate * 100)}%)`;
    return `${s.sector}: ${s.responded} answered of ${asked} asked${rate}`;
  });
  box.appendChild(
    h('p', { class: 'small' }, h('strong', { text: 'Who answered the survey — ' }), parts.join('; '), '.'),
  );
  for (const w of cov.warnings)
    box.appendChild(
      h('p', { class: 'small' }, h('span', { class: 'tag warn', text: 'Low response' }), ' ', w),
    );
  if (cov.sectors.some((s) => s.invited === null)) {
    box.appendChild(
      h('p', {
        class: 'small muted',
        text: onImport
          ? 'Where the number asked is unknown, enter it in that sector’s box above to see response rates.'
          : 'Where the number asked is unknown, add it in Import (“How many were asked”) to see response rates.',
      }),
    );
  }
  return box;
}
