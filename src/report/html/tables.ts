/** A Report's figures and tables as HTML tables with header cells (the same cells as the table and Markdown formats). */
import { display, isNumeric } from '../format.js';
import { kindOf, type Cell, type CellKind, type Column, type Figure, type Report, type Row } from '../report.js';
import { html, raw, type Html } from './escape.js';

/** ` class="num"` for a numeric cell (right-aligned), nothing otherwise. */
const cellClass = (kind: CellKind): Html => raw(isNumeric(kind) ? ' class="num"' : '');

/** A table in a scrolling region a keyboard can reach (a wide table on a phone). */
export function scrolling(label: string, table: Html): Html {
  return html`<div class="scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}

/** The headline figures: a row per figure, its label the row header. */
export function figuresTable(caption: string, figures: readonly Figure[], currency: string): Html {
  return scrolling(
    `${caption} (table)`,
    html`<table class="figures"><caption class="visually-hidden">${caption}</caption><thead><tr><th scope="col">Figure</th><th scope="col" class="num">Value</th><th scope="col">Note</th></tr></thead><tbody>${figures.map(
      (f) => html`<tr><th scope="row">${f.label}</th><td class="num">${display(f.value as Cell, f.kind)}${f.kind === 'money' ? ` ${currency}` : ''}</td><td>${f.note ?? ''}</td></tr>`,
    )}</tbody></table>`,
  );
}

export function dataTable(caption: string, columns: readonly Column[], rows: readonly Row[], kindAt: (row: number, c: Column) => CellKind = (_, c) => c.kind, totals?: Row): Html {
  const head = html`<thead><tr>${columns.map((c) => html`<th scope="col"${cellClass(c.kind)}>${c.label}</th>`)}</tr></thead>`;
  const line = (row: Row, i: number): Html =>
    html`<tr>${columns.map((c, k) => {
      const kind = kindAt(i, c);
      const text = display(row[c.key] ?? null, kind);
      return k === 0 ? html`<th scope="row"${cellClass(kind)}>${text}</th>` : html`<td${cellClass(kind)}>${text}</td>`;
    })}</tr>`;
  const foot = totals ? html`<tfoot>${line(totals, -1)}</tfoot>` : '';
  return scrolling(`${caption} (table)`, html`<table><caption>${caption}</caption>${head}<tbody>${rows.map(line)}</tbody>${foot}</table>`);
}

/** A whole Report: its headline, its sections, its main table (unless only the sections are for people). */
export function reportBody(report: Report, caption: string, withHeadline = true): Html {
  const rows: Row[] = [];
  report.rows.forEach((row) => rows.push(row));
  return html`${withHeadline && report.headline.length > 0 ? figuresTable(`${caption}: headline figures`, report.headline, report.currency) : ''}
${(report.sections ?? []).map((s) => dataTable(s.title, s.columns, s.rows))}
${report.sectionsOnly ? '' : dataTable(caption, report.columns, rows, (i, c) => kindOf(report, i, c), report.totals)}
${(report.notes ?? []).map((n) => html`<p class="note">${n}</p>`)}`;
}
