// The People view: every public servant with their index (and its interval), rank as a range,
// civil-society in-degree, 360 and satisfaction; sortable, filterable by service and role, searchable.
import { clear, fmt, h, tableWrap } from '../dom';
import { asPercent, cardsOf, field, indexWithInterval, rankRange, text, type CardRow } from '../cards';
import type { View, ViewFactory } from './view';
import { weightsEditor } from './weights-editor';
import { coverageBlock } from '../coverage';

interface Column {
  key: string;
  label: string;
  numeric: boolean;
  title?: string;
  render: (card: CardRow) => string;
  sortValue: (card: CardRow) => number | string | null;
}

const COLUMNS: Column[] = [
  {
    key: 'name',
    label: 'Name',
    numeric: false,
    render: (c) => text(c, 'name') || c.id,
    sortValue: (c) => text(c, 'name').toLowerCase(),
  },
  {
    key: 'role',
    label: 'Role',
    numeric: false,
    render: (c) => text(c, 'role'),
    sortValue: (c) => text(c, 'role').toLowerCase(),
  },
  {
    key: 'service',
    label: 'Service',
    numeric: false,
    render: (c) => text(c, 'service'),
    sortValue: (c) => text(c, 'service').toLowerCase(),
  },
  {
    key: 'index',
    label: 'Index (95% interval)',
    numeric: true,
    title: 'Relational-capital index, 0–100, with its 95% bootstrap interval',
    render: indexWithInterval,
    sortValue: (c) => field(c, 'index'),
  },
  {
    key: 'rank',
    label: 'Rank',
    numeric: true,
    title: 'Rank as a range: people whose ranges overlap cannot be told apart',
    render: rankRange,
    sortValue: (c) => field(c, 'rank'),
  },
  {
    key: 'civilInDegree',
    label: 'Civil in-degree',
    numeric: true,
    title: 'Distinct civil-society actors who named them, any tie type',
    render: (c) => fmt(field(c, 'civilInDegree'), 0),
    sortValue: (c) => field(c, 'civilInDegree'),
  },
  {
    key: 'appraisalOthers',
    label: '360 others’ mean',
    numeric: true,
    title: 'Mean of every 360 score from others (1–5)',
    render: (c) => fmt(field(c, 'appraisalOthers'), 2),
    sortValue: (c) => field(c, 'appraisalOthers'),
  },
  {
    key: 'satisfied',
    label: 'Satisfied',
    numeric: true,
    title: '% of residents satisfied with their service',
    render: (c) => {
      const v = asPercent(field(c, 'satisfied'));
      return v === null ? '—' : `${fmt(v, 0)}%`;
    },
    sortValue: (c) => field(c, 'satisfied'),
  },
];

interface Filters {
  search: string;
  service: string;
  role: string;
  sort: string;
  dir: 'asc' | 'desc';
}

/** Rows drawn at a time: a roster of thousands would otherwise freeze the page on every keystroke. */
const PEOPLE_PAGE = 100;

const collator = new Intl.Collator();

function compare(a: number | string | null, b: number | string | null): number {
  // Missing values always sink to the bottom, whichever way the column is sorted.
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export const mountPeople: ViewFactory = (container, store): View => {
  const saved = (store.getState().project.ui.people ?? {}) as Partial<Filters>;
  const filters: Filters = { search: '', service: '', role: '', sort: 'rank', dir: 'asc', ...saved };

  const heading = h('h2', { text: 'People' });
  const intro = h('p', {
    class: 'muted',
    text: 'Public servants on the roster. Ranks are ranges: two people whose ranges overlap are not shown to differ. Select a row (click, or Enter) to open the scorecard.',
  });
  const search = h('input', {
    type: 'search',
    id: 'people-search',
    value: filters.search,
    placeholder: 'Name, role or service',
    autocomplete: 'off',
  });
  const service = h('select', { id: 'people-service' });
  const role = h('select', { id: 'people-role' });
  const count = h('p', { class: 'muted small', 'aria-live': 'polite', id: 'people-count' });
  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'search' },
    h('label', { for: 'people-search' }, 'Search', search),
    h('label', { for: 'people-service' }, 'Service', service),
    h('label', { for: 'people-role' }, 'Role', role),
    count,
  );
  const table = h('table', { class: 'data', 'data-testid': 'people-table' });
  table.appendChild(
    h('caption', { class: 'visually-hidden', text: 'Public servants and their relational capital' }),
  );
  const headRow = h('tr');
  table.appendChild(h('thead', {}, headRow));
  const tbody = h('tbody');
  table.appendChild(tbody);
  const more = h('button', {
    type: 'button',
    class: 'show-more',
    'data-testid': 'people-more',
    hidden: true,
  });
  const empty = h('p', { class: 'muted' });
  const coverage = h('div');
  const weights = weightsEditor(store);
  container.append(heading, intro, weights.element, toolbar, tableWrap(table), more, empty, coverage);

  const sortButtons = new Map<string, { th: HTMLTableCellElement; button: HTMLButtonElement }>();
  for (const col of COLUMNS) {
    const button = h('button', { type: 'button', class: 'sort', title: col.title ?? null, text: col.label });
    const th = h('th', { scope: 'col', class: col.numeric ? 'num' : null }, button);
    button.addEventListener('click', () => {
      if (filters.sort === col.key) filters.dir = filters.dir === 'asc' ? 'desc' : 'asc';
      else {
        filters.sort = col.key;
        // Ranks read best-first ascending; other numbers best-first descending.
        filters.dir = col.numeric && col.key !== 'rank' ? 'desc' : 'asc';
      }
      changed();
    });
    sortButtons.set(col.key, { th, button });
    headRow.appendChild(th);
  }

  function persist(): void {
    store.setUi({ people: { ...filters } });
  }

  /** A filter or the sort changed: saved, and the list starts again from its first page. */
  function changed(): void {
    shown = PEOPLE_PAGE;
    persist();
    renderRows();
  }

  let optionsKey = '';
  function renderOptions(cards: CardRow[]): void {
    const services = [...new Set(cards.map((c) => text(c, 'service')).filter(Boolean))].sort();
    const roles = [...new Set(cards.map((c) => text(c, 'role')).filter(Boolean))].sort();
    const key = JSON.stringify([services, roles]);
    if (key === optionsKey) return;
    optionsKey = key;
    for (const [select, values, all, current] of [
      [service, services, 'All services', filters.service],
      [role, roles, 'All roles', filters.role],
    ] as const) {
      clear(select);
      select.appendChild(h('option', { value: '', text: all }));
      for (const v of values) select.appendChild(h('option', { value: v, text: v }));
      select.value = values.includes(current) ? current : '';
    }
  }

  function open(card: CardRow): void {
    store.selectPerson(card.id);
  }

  let lastResult: unknown = null;
  let lastSelected: string | null = null;
  let lastStatus = '';
  let shown = PEOPLE_PAGE;
  /** The cards drawn, by id, for the one click and key listener on the table body. */
  let drawn = new Map<string, CardRow>();

  function renderRows(): void {
    const { result, selectedId } = store.getState();
    const cards = cardsOf(result);
    renderOptions(cards);
    coverage.replaceChildren(result ? coverageBlock(result) : '');
    const q = filters.search.trim().toLowerCase();
    const col = COLUMNS.find((c) => c.key === filters.sort) ?? COLUMNS[3]!;
    // Sort keys worked out once per card, not twice per comparison.
    const rows = cards
      .filter((c) => !filters.service || text(c, 'service') === filters.service)
      .filter((c) => !filters.role || text(c, 'role') === filters.role)
      .filter((c) => !q || ['name', 'role', 'service'].some((k) => text(c, k).toLowerCase().includes(q)))
      .map((card) => ({ card, value: col.sortValue(card), name: text(card, 'name') }))
      .sort((a, b) => {
        const byName = collator.compare(a.name, b.name);
        // Missing values stay at the bottom whichever way the column is sorted.
        if (a.value === null || b.value === null) return compare(a.value, b.value) || byName;
        const d = compare(a.value, b.value);
        return (filters.dir === 'asc' ? d : -d) || byName;
      })
      .map((r) => r.card);
    for (const [key, { th }] of sortButtons) {
      th.setAttribute(
        'aria-sort',
        key === filters.sort ? (filters.dir === 'asc' ? 'ascending' : 'descending') : 'none',
      );
    }
    const page = rows.slice(0, shown);
    drawn = new Map(page.map((card) => [card.id, card]));
    const fragment = document.createDocumentFragment();
    for (const card of page) {
      const tr = h('tr', {
        class: 'clickable',
        tabindex: 0,
        'data-id': card.id,
        'aria-selected': card.id === selectedId ? 'true' : null,
        'aria-label': `${text(card, 'name') || card.id}, rank ${rankRange(card)}; press Enter to open the scorecard`,
      });
      for (const c of COLUMNS) {
        tr.appendChild(
          c.key === 'name'
            ? h('th', { scope: 'row', text: c.render(card) })
            : h('td', { class: c.numeric ? 'num' : null, 'data-col': c.key, text: c.render(card) }),
        );
      }
      fragment.appendChild(tr);
    }
    tbody.replaceChildren(fragment);
    const hidden = rows.length - page.length;
    more.hidden = hidden === 0;
    more.textContent = `Show ${Math.min(PEOPLE_PAGE, hidden)} more (${hidden} not shown)`;
    const pending = !store.getState().intervals && store.getState().run.status === 'running';
    count.textContent =
      `${rows.length} of ${cards.length} public servants` +
      (hidden > 0 ? `, the first ${page.length} shown` : '') +
      (pending ? ' — computing uncertainty intervals…' : '');
    empty.textContent =
      cards.length === 0
        ? store.getState().run.status === 'running'
          ? 'Analysing…'
          : result
            ? 'The analysis ran, but the roster lists no public servants. Scorecards are made for roster rows whose type says public servant (or whose sector is “public”): check the roster’s type and sector columns in Import → How your files were read.'
            : 'No results yet: add a roster and survey in Import, or load the demo.'
        : rows.length === 0
          ? 'Nobody matches these filters.'
          : '';
  }

  function showMore(): void {
    shown += PEOPLE_PAGE;
    renderRows();
  }
  more.addEventListener('click', showMore);

  const rowOf = (event: Event): HTMLTableRowElement | null =>
    (event.target as Element | null)?.closest<HTMLTableRowElement>('tr[data-id]') ?? null;
  tbody.addEventListener('click', (event) => {
    const card = drawn.get(rowOf(event)?.dataset.id ?? '');
    if (card) open(card);
  });
  tbody.addEventListener('keydown', (event) => {
    const tr = rowOf(event);
    const card = drawn.get(tr?.dataset.id ?? '');
    if (!tr || !card) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(card);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      // Down from the last row drawn draws the next page first.
      if (event.key === 'ArrowDown' && !tr.nextElementSibling && !more.hidden) {
        const id = card.id;
        showMore();
        const again = tbody.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
        (again?.nextElementSibling as HTMLElement | null)?.focus();
        return;
      }
      const next = (
        event.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling
      ) as HTMLElement | null;
      next?.focus();
    }
  });

  search.addEventListener('input', () => {
    filters.search = search.value;
    changed();
  });
  service.addEventListener('change', () => {
    filters.service = service.value;
    changed();
  });
  role.addEventListener('change', () => {
    filters.role = role.value;
    changed();
  });

  return {
    update() {
      weights.update();
      const { result, selectedId, run } = store.getState();
      if (result === lastResult && selectedId === lastSelected && run.status === lastStatus) return;
      lastStatus = run.status;
      lastResult = result;
      lastSelected = selectedId;
      renderRows();
    },
    destroy() {},
  };
};
