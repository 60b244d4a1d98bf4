// The map as a table, for screen readers and anyone who prefers rows: every person the current
// view shows, their type, sector and service, ties in and out under the filters, and who with.
import { h, clear } from '../dom';
import type { MapView } from './view-state';
import { typeLabel } from '../../core/export/privacy';

/** Rows rendered at most; filters narrow the list (a 20k-row table helps nobody). */
export const TABLE_LIMIT = 300;

export function renderTable(target: HTMLElement, view: MapView, onOpen: (id: string) => void): void {
  clear(target);
  const graph = view.graph;
  const ids = view.visibleNodeIds();
  ids.sort(
    (a, b) =>
      view.degree(b) - view.degree(a) ||
      graph.getNodeAttribute(a, 'label').localeCompare(graph.getNodeAttribute(b, 'label')),
  );
  const shown = ids.slice(0, TABLE_LIMIT);
  target.appendChild(
    h(
      'p',
      { class: 'ct-map-table-note' },
      ids.length > shown.length
        ? `Showing the ${shown.length} most connected of ${ids.length} people in this view. Use the filters to narrow it.`
        : `${ids.length} people in this view.`,
    ),
  );
  const table = h('table', { class: 'ct-map-table' });
  table.appendChild(h('caption', {}, 'People on the map and their ties under the current filters'));
  const head = h('tr', {});
  for (const col of ['Person', 'Type', 'Sector', 'Service', 'Ties', 'Names (out)', 'Named by (in)'])
    head.appendChild(h('th', { scope: 'col' }, col));
  table.appendChild(h('thead', {}, head));
  const body = h('tbody', {});
  const list = (names: string[]): string =>
    names.length > 8
      ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more`
      : names.join(', ') || '—';
  for (const id of shown) {
    const a = graph.getNodeAttributes(id);
    const outs: string[] = [];
    const ins: string[] = [];
    graph.forEachOutEdge(id, (edge, _e, _s, t) => {
      if (view.isEdgeVisible(edge))
        outs.push(`${graph.getNodeAttribute(t, 'label')} (${view.visibleRelations(edge).join('/')})`);
    });
    graph.forEachInEdge(id, (edge, _e, s) => {
      if (view.isEdgeVisible(edge))
        ins.push(`${graph.getNodeAttribute(s, 'label')} (${view.visibleRelations(edge).join('/')})`);
    });
    const open = h('button', { type: 'button', class: 'ct-map-linklike' }, a.label);
    open.addEventListener('click', () => onOpen(id));
    const tr = h('tr', {});
    tr.appendChild(h('th', { scope: 'row' }, open));
    tr.appendChild(h('td', {}, typeLabel(a.type)));
    tr.appendChild(h('td', {}, a.sector || '—'));
    tr.appendChild(h('td', {}, a.service || '—'));
    tr.appendChild(h('td', {}, String(view.degree(id))));
    tr.appendChild(h('td', {}, list(outs)));
    tr.appendChild(h('td', {}, list(ins)));
    body.appendChild(tr);
  }
  table.appendChild(body);
  target.appendChild(table);
}
