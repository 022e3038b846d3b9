/** Report → GitHub-flavoured Markdown: a heading, the headline figures, the table with a totals row. */
import { display, isNumeric } from './format.js';
import type { Cell, Column, Report, Row } from './report.js';

const escape = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function line(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function rowCells(row: Row, columns: readonly Column[], bold: boolean): string[] {
  return columns.map((c) => {
    const text = escape(display(row[c.key] ?? null, c.kind));
    return bold && text !== '' ? `**${text}**` : text;
  });
}

export function renderMarkdown(report: Report): string {
  const out: string[] = [`## ${escape(report.title)}`, '', `Amounts in ${report.currency}.`, ''];
  out.push(line(['Figure', 'Value', 'Note']), line(['---', '---:', '---']));
  for (const f of report.headline) {
    out.push(line([escape(f.label), escape(display(f.value as Cell, f.kind)), escape(f.note ?? '')]));
  }
  out.push('', line(report.columns.map((c) => escape(c.label))));
  out.push(line(report.columns.map((c) => (isNumeric(c.kind) ? '---:' : '---'))));
  for (const row of report.rows) out.push(line(rowCells(row, report.columns, false)));
  if (report.totals) out.push(line(rowCells(report.totals, report.columns, true)));
  for (const note of report.notes ?? []) out.push('', escape(note));
  return `${out.join('\n')}\n`;
}
