// The report's inline stylesheet: system fonts only (no downloads), and a print stylesheet that
// starts each scorecard on a new page and keeps figures and tables whole.

export const REPORT_CSS = `
:root { --ink: #222; --muted: #5f5f5f; --rule: #d9d9d9; --accent: #0072B2; --warn: #D55E00; --bg-soft: #f6f7f9; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; color: var(--ink); line-height: 1.45; }
body { margin: 0 auto; max-width: 980px; padding: 24px 28px 64px; }
h1 { font-size: 1.9rem; margin: 0 0 4px; }
h2 { font-size: 1.4rem; margin: 40px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 24px 0 6px; }
p, li { max-width: 72ch; }
.meta { color: var(--muted); margin: 0 0 16px; }
nav.toc ol { columns: 2; padding-left: 1.2em; }
nav.toc a { color: var(--accent); }
figure { margin: 12px 0 20px; }
figure svg { max-width: 100%; height: auto; }
h4.chart-title { margin: 0 0 4px; font-size: 0.98rem; }
figcaption { color: var(--muted); font-size: 0.9rem; max-width: 72ch; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92rem; }
th, td { text-align: left; padding: 4px 10px 4px 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.figure-box { background: var(--bg-soft); border-radius: 6px; padding: 10px 14px; min-width: 150px; }
.figure-box .value { font-size: 1.6rem; font-weight: 700; }
.figure-box .label { color: var(--muted); font-size: 0.85rem; }
.note { background: #fff8e6; border-left: 4px solid #E69F00; padding: 8px 12px; margin: 12px 0; }
.warn { color: var(--warn); font-weight: 600; }
.muted { color: var(--muted); }
.two-col { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; align-items: start; }
.two-col > * { min-width: 0; }
section.person { border-top: 1px solid var(--rule); margin-top: 32px; }
section.person h2 { border-bottom: none; margin-top: 16px; }
.tag { display: inline-block; background: var(--bg-soft); border-radius: 3px; padding: 0 6px; margin-right: 4px; font-size: 0.85rem; }
/* The methods table: give the two prose columns the room, keep the names narrow. */
.methods table { table-layout: fixed; width: 100%; }
.methods th:nth-child(1) { width: 14%; }
.methods th:nth-child(2) { width: 16%; }
.methods th:nth-child(3) { width: 32%; }
.methods code { word-break: break-all; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc { break-after: page; }
  h2, h3, h4 { break-after: avoid; }
  section.chapter { break-before: page; }
  section.person { break-before: page; border-top: none; margin-top: 0; }
  figure, table, .figures, .note { break-inside: avoid; }
  .methods table { break-inside: auto; font-size: 8.5pt; }
  .methods tr { break-inside: avoid; }
  /* Dense scorecards: two columns, smaller charts and type, so one person fits about a page. */
  section.person { font-size: 8pt; }
  section.person h2 { font-size: 15pt; margin: 0 0 2px; }
  section.person h3 { font-size: 10.5pt; margin: 8px 0 3px; }
  section.person h4.chart-title { font-size: 9pt; }
  section.person .figures { margin: 4px 0; gap: 6px; }
  section.person .figure-box { padding: 4px 8px; }
  section.person .figure-box .value { font-size: 13pt; }
  section.person figure { margin: 2px 0 6px; }
  section.person figure svg { max-height: 46mm; width: auto; }
  section.person figure svg.ct-radar { max-height: 56mm; }
  section.person figcaption { font-size: 7.5pt; }
  section.person th, section.person td { padding: 1px 6px 1px 0; }
  section.person table { margin: 2px 0 6px; font-size: 1em; }
  .two-col { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 8px; }
  a { color: inherit; text-decoration: none; }
}
`;
