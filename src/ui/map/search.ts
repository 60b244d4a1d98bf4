// Person search with autocomplete (ARIA 1.2 combobox + listbox): type a name or pseudonym,
// pick with arrows + Enter or a click, and the map flies to that person.
import { h, clear } from '../dom';

export interface SearchItem {
  id: string;
  label: string;
  detail: string;
}

export interface SearchBox {
  element: HTMLElement;
  input: HTMLInputElement;
  setItems(items: SearchItem[]): void;
}

let uid = 0;

/** Prefix matches first, then word-start, then anywhere; ties by label. */
export function rankMatches(items: SearchItem[], query: string, limit = 8): SearchItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { item: SearchItem; score: number }[] = [];
  for (const item of items) {
    const label = item.label.toLowerCase();
    const at = label.indexOf(q);
    if (at < 0) continue;
    const score = at === 0 ? 0 : /\s/.test(label.charAt(at - 1)) ? 1 : 2;
    scored.push({ item, score });
  }
  scored.sort((a, b) => a.score - b.score || a.item.label.localeCompare(b.item.label));
  return scored.slice(0, limit).map((s) => s.item);
}

export function createSearch(onPick: (id: string) => void): SearchBox {
  const id = `ct-map-search-${++uid}`;
  let items: SearchItem[] = [];
  let matches: SearchItem[] = [];
  let active = -1;

  const input = h('input', {
    id,
    type: 'search',
    class: 'ct-map-search-input',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Find a person…',
  });
  const list = h('ul', {
    id: `${id}-list`,
    role: 'listbox',
    class: 'ct-map-search-list',
    'aria-label': 'Matching people',
  });
  list.hidden = true;
  const label = h('label', { for: id, class: 'ct-map-label' }, 'Search');
  const element = h('div', { class: 'ct-map-search' }, label, input, list);

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
        class: 'ct-map-search-option',
        'aria-selected': i === active ? 'true' : 'false',
      });
      li.appendChild(h('span', { class: 'ct-map-search-name' }, m.label));
      li.appendChild(h('span', { class: 'ct-map-search-detail' }, m.detail));
      // mousedown, not click: it fires before the input's blur closes the list.
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        pick(i);
      });
      list.appendChild(li);
    });
    if (matches.length === 0 && input.value.trim())
      list.appendChild(
        h('li', { class: 'ct-map-search-empty', role: 'option', 'aria-disabled': 'true' }, 'No match'),
      );
    const open = input.value.trim().length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${id}-opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i: number): void => {
    const m = matches[i];
    if (!m) return;
    input.value = m.label;
    close();
    onPick(m.id);
  };

  input.addEventListener('input', () => {
    matches = rankMatches(items, input.value);
    active = matches.length ? 0 : -1;
    render();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!matches.length) return;
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
      render();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (matches.length && active < 0) active = 0;
      pick(active);
    } else if (ev.key === 'Escape') {
      close();
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
