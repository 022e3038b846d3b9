/**
 * Report → CSV (SPEC §4): RFC 4180 quoting, `\n` line ends, no BOM, a header
 * row of JSON field names, plain numbers, no totals row. Text cells that a
 * spreadsheet would run as a formula are neutralised; numbers and dates are
 * never altered (csv-stringify's escape_formulas would turn -50000000.00
 * into '-50000000.00).
 */
import { kindOf, type Cell, type CellKind, type Report } from './report.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(value: Cell, kind: CellKind): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  return quote(kind === 'text' ? neutralise(text) : text);
}

/** Header cells are field names, or, for a table of scenarios, file names: text, so neutralised too. */
export function renderCsv(report: Report): string {
  const lines = [report.columns.map((c) => quote(neutralise(c.key))).join(',')];
  report.rows.forEach((row, i) => lines.push(report.columns.map((c) => cell(row[c.key] ?? null, kindOf(report, i, c))).join(',')));
  return `${lines.join('\n')}\n`;
}
