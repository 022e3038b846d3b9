/** Report → GitHub-flavoured Markdown: a heading, the headline figures, the table with a totals row. */
import { printable } from '../errors.js';
import { display, isNumeric } from './format.js';
import { kindOf, type Cell, type Report, type Row } from './report.js';

const escape = (text: string): string => printable(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');

function line(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function rowCells(report: Report, row: Row, index: number, bold: boolean): string[] {
  return report.columns.map((c) => {
    const text = escape(display(row[c.key] ?? null, kindOf(report, index, c)));
    return bold && text !== '' ? `**${text}**` : text;
  });
}

export function renderMarkdown(report: Report): string {
  const out: string[] = [`## ${escape(report.title)}`, '', `Amounts in ${report.currency}.`, ''];
  if (report.headline.length > 0) {
    out.push(line(['Figure', 'Value', 'Note']), line(['---', '---:', '---']));
    for (const f of report.headline) {
      out.push(line([escape(f.label), escape(display(f.value as Cell, f.kind)), escape(f.note ?? '')]));
    }
    out.push('');
  }
  for (const section of report.sections ?? []) {
    out.push(`### ${escape(section.title)}`, '');
    out.push(line(section.columns.map((c) => escape(c.label))));
    out.push(line(section.columns.map((c) => (isNumeric(c.kind) ? '---:' : '---'))));
    for (const row of section.rows) out.push(line(section.columns.map((c) => escape(display(row[c.key] ?? null, c.kind)))));
    out.push('');
  }
  if (!report.sectionsOnly) {
    out.push(line(report.columns.map((c) => escape(c.label))));
    out.push(line(report.columns.map((c) => (c.byRow || isNumeric(c.kind) ? '---:' : '---'))));
    report.rows.forEach((row, i) => out.push(line(rowCells(report, row, i, false))));
    if (report.totals) out.push(line(rowCells(report, report.totals, -1, true)));
  }
  for (const note of report.notes ?? []) out.push('', escape(note));
  return `${out.join('\n')}\n`;
}
