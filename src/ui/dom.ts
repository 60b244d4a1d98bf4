// Small DOM helpers for the app: elements are built with createElement/textContent only, so user
// text can never become markup. The one exception, trusted chart SVG, goes through `trustedSvg`.

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | number | null | undefined | false;

/** `h('button', { class: 'x', type: 'button' }, 'Label')`: attributes set, text as text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') el.textContent = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/**
 * Parses an SVG string produced by src/core/charts (which escape every piece of text they
 * write) into a node. The only place in the app that turns a string into markup; anything that
 * is not a single well-formed <svg> element, or carries scripts or event handlers, is refused.
 */
export function trustedSvg(svg: string): Element {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) {
    return h('p', { class: 'muted', text: 'This chart could not be drawn.' });
  }
  for (const el of Array.from(root.querySelectorAll('*')).concat(root)) {
    if (el.localName === 'script' || el.localName === 'foreignObject') el.remove();
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  }
  return document.importNode(root, true);
}

/** Formats a number for display; missing values show as an em dash, never 0. */
export function fmt(value: unknown, digits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  // Counts read as counts ("20", not "20.000"); other values keep a steady number of decimals.
  const shown = Number.isInteger(value) ? 0 : digits;
  return numberFormat(shown).format(value);
}

// One formatter per number of decimals: toLocaleString with options builds a new one per call,
// which made a table of a few thousand numbers a long task.
const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format;
}

export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Offers a file download without any network request (object URL, revoked afterwards). */
export function download(
  filename: string,
  content: string | Uint8Array<ArrayBuffer> | Blob,
  type = 'text/plain;charset=utf-8',
): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename });
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

let liveRegion: HTMLElement | null = null;
/** Announces a short message to screen readers (and shows it in the status line). */
export function announce(message: string): void {
  liveRegion ??= document.getElementById('announcer');
  if (liveRegion) liveRegion.textContent = message;
}

/** A scrollable box around a table: focusable and named, so keyboard users can scroll it too. */
export function tableWrap(table: HTMLTableElement, label?: string): HTMLDivElement {
  const name = label ?? table.caption?.textContent ?? 'Table';
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': name }, table);
}

/** A chart from src/core/charts in a <figure>, with an optional caption under it. */
export function chartFigure(svg: string, caption?: string): HTMLElement {
  return h(
    'figure',
    { class: 'chart' },
    trustedSvg(svg),
    caption ? h('figcaption', { class: 'small muted', text: caption }) : null,
  );
}
