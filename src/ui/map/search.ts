// Person search with autocomplete (ARIA 1.2 combobox + listbox): type a name or pseudonym,
// pick with arrows + Enter or a click, and the map flies to that person. The same combobox
// chooses a roster person in Import's "Names to review" (createCombobox), where the roster may
// hold hundreds: a list of them all would be too long to read or scroll.
import { h, clear } from '../dom';

export interface SearchItem {
  id: string;
  label: string;
  detail: string;
  /** Further text a query finds the item by (a person's role and service), besides the label. */
  terms?: string;
}

export interface SearchBox {
  element: HTMLElement;
  input: HTMLInputElement;
  setItems(items: SearchItem[]): void;
}

let uid = 0;

/** Prefix matches first, then word-start, then anywhere, then in `terms`; ties by label. */
export function rankMatches(items: SearchItem[], query: string, limit = 8): SearchItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { item: SearchItem; score: number }[] = [];
  for (const item of items) {
    const label = item.label.toLowerCase();
    const at = label.indexOf(q);
    if (at < 0 && !item.terms?.toLowerCase().includes(q)) continue;
    const score = at < 0 ? 3 : at === 0 ? 0 : /\s/.test(label.charAt(at - 1)) ? 1 : 2;
    scored.push({ item, score });
  }
  scored.sort((a, b) => a.score - b.score || a.item.label.localeCompare(b.item.label));
  return scored.slice(0, limit).map((s) => s.item);
}

export interface ComboboxOptions {
  /** The item picked (arrows + Enter, or a click). */
  onPick(item: SearchItem): void;
  /** The items offered for a query ('' when the box is empty); by default rankMatches of setItems'. */
  match?(query: string): SearchItem[];
  /** Offers match('') when the box is empty (opened by a click or ArrowDown), not only as one types. */
  listEmpty?: boolean;
  /** The text was edited: a pick made before no longer stands. */
  onEdit?(): void;
  id?: string;
  /** Class prefix: `${cls}`, `${cls}-input`, `${cls}-list`, `${cls}-option`, … */
  cls?: string;
  placeholder?: string;
  /** A visible label before the box; without it the caller labels the input. */
  label?: string;
  listLabel?: string;
}

export function createCombobox(options: ComboboxOptions): SearchBox {
  const cls = options.cls ?? 'ct-combobox';
  const id = options.id ?? `${cls}-${++uid}`;
  let items: SearchItem[] = [];
  let matches: SearchItem[] = [];
  let active = -1;
  const match = options.match ?? ((q: string) => rankMatches(items, q));

  const input = h('input', {
    id,
    type: 'search',
    class: `${cls}-input`,
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: options.placeholder ?? '',
  });
  const list = h('ul', {
    id: `${id}-list`,
    role: 'listbox',
    class: `${cls}-list`,
    'aria-label': options.listLabel ?? 'Matching people',
  });
  list.hidden = true;
  const element = h('div', { class: cls });
  if (options.label) element.appendChild(h('label', { for: id, class: 'ct-map-label' }, options.label));
  element.append(input, list);

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const render = (): void => {
    clear(list);
    matches.forEach((m, i) => {
      const li = h('li', {
        id: `${id}-opt-${i}`,
        role: 'option',
        class: `${cls}-option`,
        'aria-selected': i === active ? 'true' : 'false',
      });
      // The space keeps the name and detail apart when the option is read out as one.
      li.append(
        h('span', { class: `${cls}-name` }, m.label),
        ' ',
        h('span', { class: `${cls}-detail` }, m.detail),
      );
      // mousedown, not click: it fires before the input's blur closes the list.
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        pick(i);
      });
      list.appendChild(li);
    });
    if (matches.length === 0 && input.value.trim())
      list.appendChild(
        h('li', { class: `${cls}-empty`, role: 'option', 'aria-disabled': 'true' }, 'No match'),
      );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${id}-opt-${active}`);
      list.children[active]?.scrollIntoView?.({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (): void => {
    const query = input.value.trim();
    if (!query && !options.listEmpty) {
      matches = [];
      close();
      return;
    }
    matches = match(query);
    active = query && matches.length ? 0 : -1;
    render();
  };
  const pick = (i: number): void => {
    const m = matches[i];
    if (!m) return;
    input.value = m.label;
    close();
    options.onPick(m);
  };

  input.addEventListener('input', () => {
    options.onEdit?.();
    open();
  });
  input.addEventListener('click', () => {
    if (list.hidden && options.listEmpty) open();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (list.hidden) {
        open();
        if (list.hidden || !matches.length) return;
        active = ev.key === 'ArrowDown' ? Math.max(active, 0) : matches.length - 1;
      } else {
        if (!matches.length) return;
        active = (active + (ev.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
      }
      render();
    } else if (ev.key === 'Enter') {
      // Enter picks from the open list only: it never does more than choose.
      if (list.hidden) return;
      ev.preventDefault();
      if (matches.length && active < 0) active = 0;
      pick(active);
    } else if (ev.key === 'Escape') {
      // Escape closes the list, and with it closed empties the box (the ARIA pattern's keys).
      if (!list.hidden) close();
      else if (input.value) {
        input.value = '';
        options.onEdit?.();
      } else return;
      ev.preventDefault();
      ev.stopPropagation();
    }
  });
  input.addEventListener('blur', () => close());

  return {
    element,
    input,
    setItems(next) {
      items = next;
    },
  };
}

/** The map's search box. */
export function createSearch(onPick: (id: string) => void): SearchBox {
  return createCombobox({
    onPick: (m) => onPick(m.id),
    id: `ct-map-search-${++uid}`,
    cls: 'ct-map-search',
    label: 'Search',
    placeholder: 'Find a person…',
  });
}
