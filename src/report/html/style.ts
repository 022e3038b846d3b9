/** The report's one stylesheet: readable at 375 px, printable on A4, no web fonts. */
export const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --band: #f4f6f8; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 16px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 16px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 28px 0 8px; color: var(--accent); }
h3 { font-size: 1.05rem; margin: 18px 0 6px; }
p.lede, p.note { color: var(--muted); margin: 4px 0 12px; }
.scroll { overflow-x: auto; max-width: 100%; margin: 8px 0 16px; }
.scroll:focus { outline: 2px solid var(--accent); }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { background: var(--band); position: sticky; top: 0; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.figures th { font-weight: 600; white-space: nowrap; }
table.figures td.num { font-size: 1.05rem; }
figure { margin: 12px 0 20px; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: 4px; }
footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; }
footer code { word-break: break-all; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
@media (max-width: 600px) { body { padding: 10px; font-size: 14px; } h1 { font-size: 1.3rem; } th, td { padding: 3px 6px; } }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  section { break-before: page; }
  section.headline { break-before: auto; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  .scroll { overflow: visible; }
  thead th { position: static; }
}
`;
export const VISUALLY_HIDDEN = '.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }';
