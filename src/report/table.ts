/**
 * Report → a table for the terminal (cli-table3). Colour is decided by the
 * caller and passed in; cli-table3 would colour its borders and headers even
 * into a pipe, so its own styles are switched off.
 */
import Table from 'cli-table3';
import { printable } from '../errors.js';
import { display, isNumeric } from './format.js';
import { kindOf, type Report, type Row } from './report.js';
import { columnsToDrop, without } from './fit.js';

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
}

export const PLAIN: Paint = { bold: (t) => t, dim: (t) => t, red: (t) => t };

/** The widest line of the report's main table. */
function mainTableWidth(report: Report): number {
  return Math.max(0, ...mainTable(report, PLAIN).split('\n').map((l) => l.length));
}

/**
 * The table for a terminal of `width` columns (SPEC §7): columns left out in
 * DROP_ORDER until the main table fits, and named under it; without a width,
 * the whole table.
 */
export function renderTable(report: Report, paint: Paint = PLAIN, width?: number): string {
  if (width === undefined || report.sectionsOnly) return renderWhole(report, paint);
  const dropped = columnsToDrop(report, width, mainTableWidth);
  if (dropped.length === 0) return renderWhole(report, paint);
  const labels = dropped.map((k) => report.columns.find((c) => c.key === k)?.label ?? k);
  const fitted = without(report, dropped);
  return renderWhole({ ...fitted, notes: [...(report.notes ?? []), `Left out to fit ${width} columns: ${labels.join(', ')} (--wide shows every column).`] }, paint);
}

function renderWhole(report: Report, paint: Paint): string {
  const out: string[] = [paint.bold(printable(report.title)), ''];
  if (report.headline.length > 0) {
    const width = Math.max(...report.headline.map((f) => f.label.length));
    const values = report.headline.map((f) => {
      const v = display(f.value, f.kind);
      return f.kind === 'money' ? `${v} ${report.currency}` : v;
    });
    const valueWidth = Math.max(...values.map((v) => v.length));
    report.headline.forEach((f, i) => {
      const v = (values[i] ?? '').padStart(valueWidth);
      out.push(`  ${paint.bold(f.label.padEnd(width))}  ${v}${f.note ? `  ${paint.dim(printable(f.note))}` : ''}`);
    });
    out.push('');
  }

  for (const section of report.sections ?? []) {
    const t = new Table({
      head: section.columns.map((c) => paint.bold(c.label)),
      style: { head: [], border: [], compact: true },
      colAligns: section.columns.map((c) => (isNumeric(c.kind) ? 'right' : 'left')),
    });
    for (const row of section.rows) t.push(section.columns.map((c) => display(row[c.key] ?? null, c.kind)));
    out.push(paint.bold(printable(section.title)), t.toString(), '');
  }
  if (!report.sectionsOnly) out.push(mainTable(report, paint));
  out.push(paint.dim(`Amounts in ${report.currency}.`));
  for (const note of report.notes ?? []) out.push(printable(note));
  return `${out.join('\n')}\n`;
}

function mainTable(report: Report, paint: Paint): string {
  const table = new Table({
    head: report.columns.map((c) => paint.bold(c.label)),
    style: { head: [], border: [], compact: true },
    colAligns: report.columns.map((c) => (c.byRow || isNumeric(c.kind) ? 'right' : 'left')),
  });
  const cells = (row: Row, index: number, bold: boolean): string[] =>
    report.columns.map((c) => {
      const kind = kindOf(report, index, c);
      const text = display(row[c.key] ?? null, kind);
      const painted = text.startsWith('-') && kind === 'money' ? paint.red(text) : text;
      return bold ? paint.bold(painted) : painted;
    });
  report.rows.forEach((row, i) => table.push(cells(row, i, false)));
  if (report.totals) table.push(cells(report.totals, -1, true));
  return table.toString();
}
