// The Quality view: every problem found in the input (file, row, column, message), rows read and
// rejected, and the names that could not be matched — so nothing is ever dropped silently.
import type { QualityIssue, QualityReport } from '../../core/quality';
import { plainWording } from '../../core/ingest/wording';
import { clear, h, tableWrap } from '../dom';
import { resultIsStale } from '../store';
import type { View, ViewFactory } from './view';

/** Rows drawn per wave; the full list is always in the quality download. */
const MAX_ROWS = 1000;

const SEVERITY_LABEL: Record<string, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/**
 * Notes about the network metrics (eigenvector centrality left empty, isolates...), which the
 * metrics step files under "network" with no row or column: about the shape of the network, not
 * about a problem in the user's files, so they are counted and listed apart.
 */
export function isMetricNote(issue: QualityIssue): boolean {
  return issue.file === 'network' && issue.row === null && issue.column === null;
}

export function issueTable(issues: QualityIssue[], caption: string): HTMLTableElement {
  const table = h('table', { class: 'data', 'data-testid': 'quality-table' });
  table.appendChild(h('caption', { text: caption }));
  table.appendChild(
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['Severity', 'File', 'Row', 'Column', 'Problem', 'Code'].map((label) =>
          h('th', { scope: 'col', class: label === 'Row' ? 'num' : null, text: label }),
        ),
      ),
    ),
  );
  const tbody = h('tbody');
  for (const issue of issues) {
    tbody.appendChild(
      h(
        'tr',
        { 'data-code': issue.code },
        h(
          'td',
          {},
          h('span', {
            class: `tag ${issue.severity === 'error' ? 'error' : issue.severity === 'warning' ? 'warn' : 'noise'}`,
            text: SEVERITY_LABEL[issue.severity] ?? issue.severity,
          }),
        ),
        h('td', { text: issue.file }),
        h('td', { class: 'num', text: issue.row == null ? '—' : String(issue.row) }),
        h('td', { text: issue.column == null ? '—' : plainWording(issue.column) || issue.column }),
        h('td', { text: issue.message }),
        h('td', {}, h('code', { text: issue.code })),
      ),
    );
  }
  table.appendChild(tbody);
  return table;
}

function summary(report: QualityReport): HTMLElement {
  const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  let metricNotes = 0;
  for (const i of report.issues) {
    if (isMetricNote(i)) metricNotes++;
    else counts[i.severity] = (counts[i.severity] ?? 0) + 1;
  }
  return h(
    'dl',
    { class: 'facts' },
    h('dt', { text: 'Rows read' }),
    h('dd', { text: String(report.rows.read) }),
    h('dt', { text: 'Accepted' }),
    h('dd', { text: String(report.rows.accepted) }),
    h('dt', { text: 'Rejected' }),
    h('dd', { text: String(report.rows.rejected) }),
    h('dt', { text: 'Data issues' }),
    h('dd', {
      text: `${counts.error ?? 0} errors, ${counts.warning ?? 0} warnings, ${counts.info ?? 0} notes`,
    }),
    h('dt', { text: 'Notes on the network metrics' }),
    h('dd', { text: String(metricNotes) }),
    h('dt', { text: 'Unmatched names' }),
    h('dd', { text: String(report.unmatched.length) }),
  );
}

/** A table of issues, errors and warnings first, cut at MAX_ROWS so the page stays responsive. */
function issueList(section: HTMLElement, issues: QualityIssue[], caption: string): void {
  const order = { error: 0, warning: 1, info: 2 } as Record<string, number>;
  const sorted = [...issues].sort((a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3));
  const shown = sorted.slice(0, MAX_ROWS);
  section.appendChild(tableWrap(issueTable(shown, caption)));
  if (issues.length > shown.length)
    section.appendChild(
      h('p', {
        class: 'small',
        text: `The first ${MAX_ROWS} of ${issues.length} are shown. Every one is in the quality file (Report → Data quality).`,
      }),
    );
}

export const mountQuality: ViewFactory = (container, store): View => {
  const heading = h('h2', { text: 'Data quality' });
  const intro = h('p', {
    class: 'muted',
    text: 'Every row that was skipped and every name that could not be matched is listed here with its file, row and column. Fix the file, or decide unmatched names in Import → Review.',
  });
  const filter = h('select', { id: 'quality-filter' });
  for (const [value, label] of [
    ['', 'All severities'],
    ['error', 'Errors'],
    ['warning', 'Warnings'],
    ['info', 'Notes'],
  ] as const)
    filter.appendChild(h('option', { value, text: label }));
  const body = h('div');
  container.append(
    heading,
    intro,
    h('div', { class: 'toolbar' }, h('label', { for: 'quality-filter' }, 'Show', filter)),
    body,
  );
  let last: unknown = null;
  let lastBaseline: unknown = null;
  let old = false;

  function render(): void {
    const { result, baseline } = store.getState();
    clear(body);
    if (!result) {
      body.appendChild(h('p', { class: 'muted', text: 'No analysis yet.' }));
      return;
    }
    if (old)
      body.appendChild(
        h('p', {
          class: 'banner warn',
          text: 'From an earlier run: the files or the mapping have changed since, and no run of them has succeeded yet.',
        }),
      );
    const waves: [string, QualityReport][] = [
      [baseline ? 'Current (follow-up) wave' : 'Current wave', result.quality],
    ];
    if (baseline) waves.push(['Baseline wave', baseline.quality]);
    for (const [label, report] of waves) {
      const issues = report.issues.filter((i) => !filter.value || i.severity === filter.value);
      const section = h('section', { class: 'panel', 'aria-label': label });
      section.append(h('h3', { text: label }), summary(report));
      // Problems in the files first (rejected rows, unmatched names, input notes), then the notes
      // about the network metrics under their own heading: both listed, neither counted as the other.
      const data = issues.filter((i) => !isMetricNote(i));
      const metrics = issues.filter(isMetricNote);
      const wave = label.toLowerCase();
      if (data.length === 0)
        section.appendChild(h('p', { class: 'muted', text: 'No data issues of this kind.' }));
      else
        issueList(section, data, `${data.length} data issue${data.length === 1 ? '' : 's'} in the ${wave}`);
      if (report.unmatched.length > 0) {
        const list = h('ul');
        for (const u of report.unmatched.slice(0, 200)) {
          const best = u.suggestions[0];
          const pct = (c: { confidence: number }): number => Math.round(c.confidence * 100);
          // Equally close suggestions are all named: naming one would read as a recommendation.
          const closest = best
            ? u.suggestions
                .filter((c) => pct(c) === pct(best))
                .map((c) => c.name)
                .join(' or ')
            : '';
          list.appendChild(
            h('li', {
              text: `“${u.text}” × ${u.count}${best ? ` — closest: ${closest} (${pct(best)}%)` : ''}`,
            }),
          );
        }
        section.append(h('h4', { text: 'Names not matched to anyone' }), list);
        const go = h('button', { type: 'button', text: 'Review unmatched names' });
        go.addEventListener('click', () => store.navigate({ view: 'import' }));
        section.appendChild(go);
      }
      if (metrics.length > 0) {
        section.append(
          h('h4', { text: 'Notes on the network metrics' }),
          h('p', {
            class: 'small muted',
            text: 'Not problems in your files: how the shape of the network limits some measures.',
          }),
        );
        issueList(
          section,
          metrics,
          `${metrics.length} note${metrics.length === 1 ? '' : 's'} on the network metrics in the ${wave}`,
        );
      }
      body.appendChild(section);
    }
  }
  filter.addEventListener('change', render);

  return {
    update() {
      const state = store.getState();
      const { result, baseline } = state;
      const isOld = resultIsStale(state) && state.run.status !== 'running';
      if (last === result && lastBaseline === baseline && old === isOld) return;
      last = result;
      lastBaseline = baseline;
      old = isOld;
      render();
    },
    destroy() {},
  };
};
