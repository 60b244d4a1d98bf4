// The Services view: service-level averages of the scorecards (index, civil-society ties, 360) and
// each service's satisfaction indicators with their 95% intervals and number of answers.
import { agreeRow, matrixPoints, type ItemStat, type ServiceSatisfaction } from '../../core/satisfaction';
import { chartFigure, clear, fmt, h, tableWrap } from '../dom';
import { importanceMatrix, intervalPlot, slopeChart } from '../../core/charts';
import { cardsOf, field, text, type CardRow } from '../cards';
import type { View, ViewFactory } from './view';

const mean = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

function pctCell(stat: ItemStat | undefined): string {
  if (!stat || stat.pctAgree === null) return '—';
  const ci =
    stat.pctAgreeLow !== null && stat.pctAgreeHigh !== null
      ? ` (${fmt(stat.pctAgreeLow, 0)}–${fmt(stat.pctAgreeHigh, 0)})`
      : '';
  return `${fmt(stat.pctAgree, 0)}%${ci}, n=${stat.n}`;
}

export const mountServices: ViewFactory = (container, store): View => {
  container.append(
    h('h2', { text: 'Services' }),
    h('p', {
      class: 'muted',
      text: 'Averages over each service’s public servants, and what residents who use the service say. Percentages agree carry a 95% interval and the number of answers (“don’t know” left out).',
    }),
  );
  const body = h('div');
  container.appendChild(body);
  let last: unknown = null;

  function render(): void {
    const { result, baseline } = store.getState();
    clear(body);
    if (!result) {
      body.appendChild(h('p', { class: 'muted', text: 'No analysis yet.' }));
      return;
    }
    const cards = cardsOf(result);
    // A roster id the baseline knew as someone else (change.csv's "id-reused") has no before.
    const reused = new Set(
      (result?.change ?? []).filter((row) => row.status === 'id-reused').map((row) => String(row.id)),
    );
    const before = new Map(
      cardsOf(baseline)
        .filter((c) => !reused.has(c.id))
        .map((c) => [c.id, c]),
    );
    const byService = new Map<string, CardRow[]>();
    for (const c of cards) {
      const s = text(c, 'service') || '(no service)';
      byService.set(s, [...(byService.get(s) ?? []), c]);
    }
    const table = h('table', { class: 'data', 'data-testid': 'services-table' });
    table.appendChild(h('caption', { text: 'Service-level averages of the scorecards' }));
    const heads = [
      'Service',
      'People',
      'Mean index',
      'Change since baseline',
      'Mean civil in-degree',
      'Mean 360 (others)',
    ];
    table.appendChild(
      h(
        'thead',
        {},
        h('tr', {}, ...heads.map((t, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : null, text: t }))),
      ),
    );
    const tbody = h('tbody');
    for (const [service, people] of [...byService].sort((a, b) => a[0].localeCompare(b[0]))) {
      const idx = mean(people.map((c) => field(c, 'index')));
      const prior = mean(people.map((c) => (before.has(c.id) ? field(before.get(c.id), 'index') : null)));
      const change = idx !== null && prior !== null ? idx - prior : null;
      tbody.appendChild(
        h(
          'tr',
          {},
          h('th', { scope: 'row', text: service }),
          h('td', { class: 'num', text: String(people.length) }),
          h('td', { class: 'num', text: fmt(idx) }),
          h('td', { class: 'num', text: change === null ? '—' : `${change > 0 ? '+' : ''}${fmt(change)}` }),
          h('td', { class: 'num', text: fmt(mean(people.map((c) => field(c, 'civilInDegree')))) }),
          h('td', { class: 'num', text: fmt(mean(people.map((c) => field(c, 'appraisalOthers'))), 2) }),
        ),
      );
    }
    table.appendChild(tbody);
    body.appendChild(
      h('section', { class: 'panel' }, h('h3', { text: 'Relational capital by service' }), tableWrap(table)),
    );

    if (baseline && result.change) {
      const changes = new Map(
        (result.change as unknown as Record<string, unknown>[]).map((r) => [String(r.id), r]),
      );
      const rows = cards.map((c) => {
        const row = changes.get(c.id);
        const flag = row?.indexRealChange;
        return {
          label: text(c, 'name') || c.id,
          before: before.has(c.id) ? field(before.get(c.id), 'index') : null,
          after: field(c, 'index'),
          real: typeof flag === 'boolean' ? flag : null,
        };
      });
      body.appendChild(
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'services-change' },
          h('h3', { id: 'services-change', text: 'Change in the index since the baseline' }),
          chartFigure(
            slopeChart(rows, {
              title: 'Relational-capital index, baseline to follow-up',
              height: Math.max(360, rows.length * 18),
            }),
            'Coloured lines: a real change (its 95% interval leaves out zero). Grey dashed: within the noise of resampling respondents.',
          ),
        ),
      );
    }

    if (result.serviceChange && result.serviceChange.length > 0) {
      const t = h('table', { class: 'data', 'data-testid': 'service-change-table' });
      t.appendChild(
        h('caption', {
          text: 'Change per service: mean index and civil in-degree of its people; residents’ % satisfied with the 95% interval of the change',
        }),
      );
      const heads = [
        'Service',
        'Index before',
        'Index after',
        'Change',
        'Civil in-degree change',
        'Satisfied change (95% interval)',
        // Named, not blank: a screen reader reads it before each "real change" tag.
        'Real or noise',
      ];
      t.appendChild(
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...heads.map((l, i) => h('th', { scope: 'col', class: i > 0 && i < 6 ? 'num' : null, text: l })),
          ),
        ),
      );
      const tb = h('tbody');
      const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
      const signed = (v: number | null, d = 1): string =>
        v === null ? '—' : `${v > 0 ? '+' : ''}${fmt(v, d)}`;
      for (const row of result.serviceChange) {
        const lo = n(row.satisfiedChangeLow);
        const hi = n(row.satisfiedChangeHigh);
        const real = row.satisfiedRealChange;
        tb.appendChild(
          h(
            'tr',
            {},
            h('th', { scope: 'row', text: row.service }),
            h('td', { class: 'num', text: fmt(n(row.indexBefore)) }),
            h('td', { class: 'num', text: fmt(n(row.indexAfter)) }),
            h('td', { class: 'num', text: signed(n(row.indexChange)) }),
            h('td', { class: 'num', text: signed(n(row.civilInDegreeChange)) }),
            h('td', {
              class: 'num',
              text: `${signed(n(row.satisfiedChange), 0)}${lo !== null && hi !== null ? ` (${fmt(lo, 0)} to ${fmt(hi, 0)})` : ''}`,
            }),
            h(
              'td',
              {},
              real === true
                ? h('span', { class: 'tag real', text: 'real change' })
                : real === false
                  ? h('span', { class: 'tag noise', text: 'within the noise' })
                  : null,
            ),
          ),
        );
      }
      t.appendChild(tb);
      body.appendChild(
        h(
          'section',
          { class: 'panel' },
          h('h3', { text: 'Service-level change since the baseline' }),
          tableWrap(t),
        ),
      );
    }

    const sat = result.satisfaction;
    if (sat && sat.services.length > 0) {
      const first = sat.items[0];
      const charts = h('div', { class: 'grid-2' });
      if (first) {
        charts.appendChild(
          chartFigure(
            intervalPlot(
              sat.services.map((s) => agreeRow(s.service, s.items[first.key])),
              {
                title: `${first.label}: % agree by service (95% intervals)`,
                reference:
                  sat.area.items[first.key]?.pctAgree != null
                    ? { value: sat.area.items[first.key]!.pctAgree!, label: 'Whole area' }
                    : null,
              },
            ),
          ),
        );
      }
      if (sat.matrix.length > 0) {
        charts.appendChild(
          chartFigure(
            importanceMatrix(matrixPoints(sat.matrix)),
            'Services important to residents but with low satisfaction (lower right) are where to concentrate.',
          ),
        );
      }
      body.appendChild(h('section', { class: 'panel', 'aria-label': 'Satisfaction charts' }, charts));
      const t = h('table', { class: 'data', 'data-testid': 'satisfaction-table' });
      t.appendChild(h('caption', { text: '% agree (95% interval), number of answers' }));
      t.appendChild(
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col', text: 'Service' }),
            h('th', { scope: 'col', class: 'num', text: 'Responses' }),
            ...sat.items.map((it) => h('th', { scope: 'col', class: 'num', text: it.label })),
          ),
        ),
      );
      const tb = h('tbody');
      const rows: ServiceSatisfaction[] = [...sat.services, sat.area];
      for (const s of rows) {
        tb.appendChild(
          h(
            'tr',
            {},
            h('th', { scope: 'row', text: s === sat.area ? 'Whole area' : s.service }),
            h('td', { class: 'num', text: String(s.responses) }),
            ...sat.items.map((it) => h('td', { class: 'num', text: pctCell(s.items[it.key]) })),
          ),
        );
      }
      t.appendChild(tb);
      body.appendChild(
        h('section', { class: 'panel' }, h('h3', { text: 'Satisfaction by service' }), tableWrap(t)),
      );
    }
  }

  return {
    update() {
      const { result } = store.getState();
      if (result === last) return;
      last = result;
      render();
    },
    destroy() {},
  };
};
