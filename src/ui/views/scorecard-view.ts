// A person's scorecard: the index with its 95% interval and the breakdown behind it, network
// figures with a plain-English sentence each, the 360 radar by rater group (only groups the
// anonymity rule lets through), satisfaction with intervals, change since baseline, and their ego network.
import { METRICS } from '../../core/metrics/registry';
import { radar } from '../../core/charts/radar';
import { intervalPlot } from '../../core/charts/interval-plot';
import { histogram } from '../../core/charts/histogram';
import {
  COMPONENT_KEYS,
  COMPONENT_LABELS,
  WEIGHTS_RATIONALE,
  type ComponentKey,
  type ComponentPart,
  type Scorecard,
} from '../../core/scorecard';
import type { PipelineResult } from '../../core/pipeline';
import { agreeRow } from '../../core/satisfaction';
import { clear, fmt, h, num, trustedSvg, tableWrap } from '../dom';
import { cardById, cardsOf, field, rankRange, text } from '../cards';
import { egoNetworkElement } from '../ego-network';
import { coverageBlock } from '../coverage';
import { typeLabel } from '../../core/export/privacy';
import type { View, ViewFactory } from './view';

const NETWORK_FIGURES = [
  'inDegree',
  'civilReach',
  'betweenness',
  'constraint',
  'effectiveSize',
  'pagerank',
  'eiIndex',
  'community',
];

interface ComponentView {
  key: ComponentKey;
  label: string;
  part: ComponentPart;
}

/** The index breakdown in the weights' display order. */
export function componentsOf(card: Scorecard): ComponentView[] {
  return COMPONENT_KEYS.filter((key) => card.components?.[key]).map((key) => ({
    key,
    label: COMPONENT_LABELS[key],
    part: card.components[key],
  }));
}

function svgBlock(svg: string, label: string): HTMLElement {
  return h('figure', { class: 'chart', 'aria-label': label }, trustedSvg(svg));
}

function changeOf(result: PipelineResult, id: string): Record<string, unknown> | null {
  const row = (result.change ?? []).find((r) => (r as unknown as { id: string }).id === id);
  return (row as unknown as Record<string, unknown>) ?? null;
}

export const mountScorecard: ViewFactory = (container, store): View => {
  const body = h('div', { 'data-testid': 'scorecard' });
  container.appendChild(body);
  let last: unknown = null;

  function render(): void {
    const { result, baseline, route } = store.getState();
    const id = route.id ?? '';
    clear(body);
    const back = h('button', { type: 'button', class: 'link', text: '← All people' });
    back.addEventListener('click', () => store.navigate({ view: 'people' }));
    const onMap = h('button', { type: 'button', class: 'link', text: 'Show on the map' });
    onMap.addEventListener('click', () => {
      // Keep the selection: the map focuses the selected person when it opens.
      store.navigate({ view: 'map' });
      store.highlight(id);
    });
    body.appendChild(h('p', { class: 'toolbar' }, back, onMap));
    const card = cardById(result, id);
    const actor = result?.actors.find((a) => a.id === id);
    if (result && !card && actor) {
      // Not a public servant (a group, volunteer or resident): no scorecard, but their place in the network.
      // Actor labels are already safe: respondents off the roster carry their type and a pseudonym.
      const label = actor.label;
      body.append(
        h('h2', { text: label }),
        h('p', {
          class: 'muted',
          text: `${typeLabel(actor.type)} · ${actor.sector} sector · no scorecard (only public servants on the roster have one)`,
        }),
      );
      const grid = h('div', { class: 'grid-2' });
      const m = result.metrics.nodes[id] as unknown as Record<string, unknown> | undefined;
      const list = h('ul', { class: 'metric-list' });
      for (const key of ['inDegree', 'outDegree', ...NETWORK_FIGURES.filter((k) => k !== 'inDegree')]) {
        const d = METRICS.find((x) => x.key === key && x.level === 'node');
        if (!d || !m) continue;
        const digits = ['inDegree', 'outDegree', 'community'].includes(key) ? 0 : 3;
        list.appendChild(
          h(
            'li',
            { title: d.convention },
            h('span', { class: 'value', text: fmt(num(m[key]), digits) }),
            ' ',
            h('strong', { text: d.label }),
            h('br'),
            h('span', { class: 'small muted', text: d.description }),
          ),
        );
      }
      grid.append(
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'actor-network' },
          h('h3', { id: 'actor-network', text: 'In the network' }),
          list,
        ),
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'actor-ego' },
          h('h3', { id: 'actor-ego', text: 'Who they are connected to' }),
          h('figure', { class: 'chart' }, egoNetworkElement(result, id, store.getState().includeNames)),
        ),
      );
      body.appendChild(grid);
      return;
    }
    if (!result || !card) {
      body.append(
        h('h2', { text: 'Scorecard' }),
        h('p', {
          class: 'muted',
          text: result ? `Nobody with id “${id}” is in this analysis.` : 'Analysing…',
        }),
      );
      return;
    }
    const name = text(card, 'name') || id;
    body.appendChild(h('h2', { text: name }));
    body.appendChild(
      h('p', {
        class: 'muted',
        text: [text(card, 'role'), text(card, 'service')].filter(Boolean).join(' · '),
      }),
    );

    // --- index ---------------------------------------------------------------------------------
    const all = cardsOf(result);
    const indexPanel = h('section', { class: 'panel', 'aria-labelledby': 'sc-index' });
    indexPanel.appendChild(h('h3', { id: 'sc-index', text: 'Relational-capital index' }));
    const index = field(card, 'index');
    indexPanel.appendChild(
      h(
        'div',
        { class: 'figure-row' },
        h('span', { class: 'big-figure', 'data-testid': 'scorecard-index', text: fmt(index) }),
        h('span', {
          text:
            field(card, 'indexLow') === null && !store.getState().intervals
              ? '95% interval: being computed…'
              : `95% interval ${fmt(field(card, 'indexLow'))}–${fmt(field(card, 'indexHigh'))}`,
        }),
        h('span', { text: `Rank ${rankRange(card)} of ${all.length}` }),
      ),
    );
    indexPanel.appendChild(
      h('p', {
        class: 'small muted',
        text: 'The interval comes from re-drawing the survey’s respondents 1,000 times. A rank is a range: people whose ranges overlap should not be told apart.',
      }),
    );
    const components = componentsOf(card as unknown as Scorecard);
    if (components.length) {
      const t = h('table', { class: 'data', 'data-testid': 'index-breakdown' });
      t.appendChild(
        h('caption', {
          text: 'What the index is made of: each component as a percentile within the area, times the share of the index it carries',
        }),
      );
      t.appendChild(
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              'Component',
              'Weight set',
              'Share used',
              'Measured value',
              'Percentile (0–100)',
              'Points',
            ].map((l, i) => h('th', { scope: 'col', class: i ? 'num' : null, text: l })),
          ),
        ),
      );
      const tb = h('tbody');
      for (const { key, label, part } of components) {
        tb.appendChild(
          h(
            'tr',
            { 'data-component': key, class: part.missing ? 'missing' : null },
            h(
              'th',
              { scope: 'row', title: WEIGHTS_RATIONALE[key] },
              label,
              part.missing ? h('span', { class: 'tag warn', text: 'missing — reweighted' }) : null,
            ),
            h('td', { class: 'num', text: `${fmt(part.weight * 100, 1)}%` }),
            h('td', { class: 'num', text: part.missing ? '0%' : `${fmt(part.weightUsed * 100, 1)}%` }),
            measuredCell(key, part.raw),
            h('td', { class: 'num', text: fmt(part.normalised) }),
            h('td', { class: 'num', text: fmt(part.contribution) }),
          ),
        );
      }
      t.appendChild(tb);
      indexPanel.appendChild(tableWrap(t));
      if (components.some((c) => c.part.missing)) {
        indexPanel.appendChild(
          h(
            'p',
            { class: 'small' },
            h('span', { class: 'tag warn', text: 'Reweighted' }),
            ' A component that cannot be computed for this person is left out and the other weights rescaled; it never counts as zero.',
          ),
        );
      }
      const editWeights = h('button', { type: 'button', class: 'link', text: 'Change the weights' });
      editWeights.addEventListener('click', () => {
        store.navigate({ view: 'people' });
        const details = document.querySelector<HTMLDetailsElement>('[data-testid="weights-editor"]');
        if (details) {
          details.open = true;
          details.querySelector('summary')?.focus();
        }
      });
      indexPanel.appendChild(editWeights);
    }
    indexPanel.appendChild(
      svgBlock(
        histogram(
          all.map((c) => field(c, 'index')),
          {
            marker: index,
            markerLabel: name,
            title: 'Where this person stands: the index across all public servants',
          },
        ),
        'Index distribution',
      ),
    );
    body.appendChild(indexPanel);

    // --- change since baseline -----------------------------------------------------------------
    if (baseline) {
      const changePanel = h('section', {
        class: 'panel',
        'aria-labelledby': 'sc-change',
        'data-testid': 'scorecard-change',
      });
      changePanel.appendChild(h('h3', { id: 'sc-change', text: 'Change since the baseline' }));
      const row = changeOf(result, id);
      const before = cardById(baseline, id);
      if (!before)
        changePanel.appendChild(
          h('p', { class: 'muted', text: 'This person was not in the baseline wave.' }),
        );
      else if (row?.status === 'id-reused')
        // The roster gave a leaver's id to this person: the baseline's figures are someone else's.
        changePanel.appendChild(
          h('p', {
            class: 'muted',
            text: `In the baseline this roster id (${id}) was ${text(before, 'name') || 'someone else'}, not this person, so no change is shown. If they are one person under a new name, give the roster both names (a "Previous surname" or "Known as" column).`,
          }),
        );
      else {
        const list = h('table', { class: 'data' });
        list.appendChild(
          h('caption', {
            text: 'Before, after, the change and its 95% interval; a change is real only when the interval leaves out zero',
          }),
        );
        list.appendChild(
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['Indicator', 'Before', 'After', 'Change', '95% interval', 'Real or noise'].map((l, i) =>
                h('th', { scope: 'col', class: i && i < 5 ? 'num' : null, text: l }),
              ),
            ),
          ),
        );
        const tb = h('tbody');
        for (const [key, label] of [
          ['index', 'Index'],
          ['civilInDegree', 'Civil in-degree'],
          ['trustInDegree', 'Trusted by'],
          ['civilReach', 'Civil reach'],
          ['appraisalOthers', '360 others’ mean'],
          ['satisfied', 'Satisfied (%)'],
        ] as const) {
          const b = num(row?.[`${key}Before`]) ?? field(before, key);
          const a = num(row?.[`${key}After`]) ?? field(card, key);
          const d = num(row?.[`${key}Change`]) ?? (a !== null && b !== null ? a - b : null);
          const lo = num(row?.[`${key}ChangeLow`]);
          const hi = num(row?.[`${key}ChangeHigh`]);
          const hasCi = lo !== null && hi !== null;
          const flag = row?.[`${key}RealChange`];
          const real = typeof flag === 'boolean' ? flag : hasCi && (lo > 0 || hi < 0);
          const verdict = !hasCi
            ? h('span', { class: 'muted small', text: 'no interval' })
            : real
              ? h('span', { class: 'tag real', text: 'real change' })
              : h('span', { class: 'tag noise', text: 'within the noise' });
          tb.appendChild(
            h(
              'tr',
              { 'data-indicator': key },
              h('th', { scope: 'row', text: label }),
              h('td', { class: 'num', text: fmt(b, 2) }),
              h('td', { class: 'num', text: fmt(a, 2) }),
              h('td', { class: 'num', text: d === null ? '—' : `${d > 0 ? '+' : ''}${fmt(d, 2)}` }),
              h('td', { class: 'num', text: hasCi ? `${fmt(lo, 2)} to ${fmt(hi, 2)}` : '—' }),
              h('td', {}, verdict),
            ),
          );
        }
        list.appendChild(tb);
        changePanel.appendChild(tableWrap(list));
        const gained = num(row?.civilTiesGained);
        const lost = num(row?.civilTiesLost);
        if (gained !== null || lost !== null) {
          changePanel.appendChild(
            h('p', {
              text: `Ties gained from the roster's groups and volunteers: ${fmt(gained, 0)}; lost: ${fmt(lost, 0)}. Respondents off the roster are new in each wave, so they count in the civil in-degree above but cannot be followed one by one.`,
            }),
          );
        }
      }
      body.appendChild(changePanel);
    }

    const grid = h('div', { class: 'grid-2' });
    body.appendChild(grid);

    // --- network figures -----------------------------------------------------------------------
    const netPanel = h('section', { class: 'panel', 'aria-labelledby': 'sc-network' });
    netPanel.appendChild(h('h3', { id: 'sc-network', text: 'In the network' }));
    const m = result.metrics.nodes[id] as unknown as Record<string, unknown> | undefined;
    const list = h('ul', { class: 'metric-list' });
    const scoreFigures: [string, string, string][] = [
      [
        'civilInDegree',
        'Named by civil society',
        'Distinct residents, volunteers and groups who named this person, any tie type.',
      ],
      [
        'needInDegree',
        'Turned to in times of need',
        'Distinct people who said they go to this person in times of need.',
      ],
      ['trustInDegree', 'Trusted by', 'Distinct people who said they trust this person.'],
      [
        'infoInDegree',
        'A source of information for',
        'Distinct people who get their information from this person.',
      ],
    ];
    for (const [key, label, sentence] of scoreFigures) {
      const v = field(card, key);
      const extra =
        key === 'civilInDegree' && field(card, 'civilInDegreeLow') !== null
          ? ` (95% interval ${fmt(field(card, 'civilInDegreeLow'), 0)}–${fmt(field(card, 'civilInDegreeHigh'), 0)})`
          : '';
      list.appendChild(
        h(
          'li',
          {},
          h('span', { class: 'value', text: `${fmt(v, 0)}${extra}` }),
          ' ',
          h('strong', { text: label }),
          h('br'),
          h('span', { class: 'small muted', text: sentence }),
        ),
      );
    }
    for (const key of NETWORK_FIGURES) {
      const d = METRICS.find((x) => x.key === key && x.level === 'node');
      if (!d || !m) continue;
      const v = num(m[key]);
      const digits = key === 'inDegree' || key === 'community' ? 0 : 3;
      list.appendChild(
        h(
          'li',
          { title: d.convention },
          h('span', { class: 'value', text: fmt(v, digits) }),
          ' ',
          h('strong', { text: d.label }),
          h('br'),
          h('span', { class: 'small muted', text: d.description }),
        ),
      );
    }
    netPanel.appendChild(list);
    netPanel.appendChild(coverageBlock(result));
    grid.appendChild(netPanel);

    // --- ego network ---------------------------------------------------------------------------
    const egoPanel = h('section', { class: 'panel', 'aria-labelledby': 'sc-ego' });
    egoPanel.appendChild(h('h3', { id: 'sc-ego', text: 'Who they are connected to' }));
    egoPanel.appendChild(
      h('figure', { class: 'chart' }, egoNetworkElement(result, id, store.getState().includeNames)),
    );
    egoPanel.appendChild(
      h('p', {
        class: 'small muted',
        text: 'Direct ties, one step. Residents are shown by type, never by name. Colours: sectors (Okabe–Ito).',
      }),
    );
    grid.appendChild(egoPanel);

    // --- 360 -----------------------------------------------------------------------------------
    const apPanel = h('section', { class: 'panel', 'aria-labelledby': 'sc-360' });
    apPanel.appendChild(h('h3', { id: 'sc-360', text: '360 appraisal' }));
    const person = result.appraisal.people[id];
    if (!person) apPanel.appendChild(h('p', { class: 'muted', text: 'No 360 appraisal for this person.' }));
    else {
      apPanel.appendChild(
        h(
          'p',
          {},
          `Others’ mean ${fmt(person.othersMean, 2)} (${person.othersScores} scores from ${person.raters} raters); self ${fmt(person.selfMean, 2)}.`,
        ),
      );
      const axes = result.appraisal.competencies.map((c) => ({ key: c.key, label: c.label }));
      // Only the groups this person's summary exposes: folded groups are never drawn on their own.
      const series = person.groups.map((g) => ({
        key: g.group,
        label: `${g.group === 'others' ? 'Others (small groups pooled)' : g.group.charAt(0).toUpperCase() + g.group.slice(1)} (${g.raters})`,
        values: person.competencies.map((c) =>
          g.group === 'self' ? c.self : (c.groups[g.group]?.mean ?? null),
        ),
      }));
      apPanel.appendChild(
        svgBlock(radar(axes, series, { title: `360 appraisal of ${name} by rater group` }), '360 radar'),
      );
      const flags = person.competencies.filter((c) => c.flag);
      if (flags.length) {
        const ul = h('ul', { class: 'small' });
        for (const c of flags)
          ul.appendChild(
            h('li', {
              text: `${c.label}: ${c.flag === 'hidden-strength' ? 'a hidden strength (others rate it higher than they do)' : 'a blind spot (they rate themself higher than others do)'}`,
            }),
          );
        apPanel.appendChild(ul);
      }
      for (const note of person.notes) apPanel.appendChild(h('p', { class: 'small muted', text: note }));
    }
    grid.appendChild(apPanel);

    // --- satisfaction --------------------------------------------------------------------------
    const satPanel = h('section', { class: 'panel', 'aria-labelledby': 'sc-sat' });
    satPanel.appendChild(h('h3', { id: 'sc-sat', text: 'What residents of their service say' }));
    const serviceName = result.satisfaction.byPerson[id];
    const service = result.satisfaction.services.find((s) => s.service === serviceName);
    if (!service)
      satPanel.appendChild(
        h('p', { class: 'muted', text: 'No satisfaction answers for this person’s service.' }),
      );
    else {
      const rows = result.satisfaction.items.map((it) => agreeRow(it.label, service.items[it.key]));
      satPanel.appendChild(
        svgBlock(
          intervalPlot(rows, { title: `${service.service}: residents who agree (95% intervals)` }),
          'Satisfaction',
        ),
      );
      satPanel.appendChild(
        h('p', {
          class: 'small muted',
          text: `${service.responses} residents answered; “don’t know” is left out of each percentage.`,
        }),
      );
    }
    grid.appendChild(satPanel);
  }

  return {
    update() {
      const { result, baseline, route, includeNames } = store.getState();
      const key = [result, baseline, route.id, includeNames];
      if (Array.isArray(last) && key.every((k, i) => k === (last as unknown[])[i])) return;
      last = key;
      render();
    },
    destroy() {},
  };
};

/**
 * A component's measured value in its own unit: satisfaction is the mean % agreeing over the four
 * items (a bare "12.410" read as a score), the 360 a mean rating of 1 to 5, the rest network figures.
 */
function measuredCell(key: ComponentKey, raw: number | null): HTMLElement {
  if (key === 'satisfaction')
    return h('td', {
      class: 'num',
      text: raw === null ? fmt(raw) : `${fmt(raw, 1)}% agree`,
      title: 'Mean share agreeing across satisfied, can influence decisions, involved and trust',
    });
  return h('td', { class: 'num', text: fmt(raw, key === 'appraisal' ? 2 : 3) });
}
