/** Display formatting shared by the human renderers (table, Markdown). Pure string work. */
import type { Cell, CellKind } from './report.js';

/** `1234567.50` → `1,234,567.50`, independent of the locale (`LANG=de_DE` would print 1.234.567,50). */
export function group(numeric: string): string {
  const negative = numeric.startsWith('-');
  const body = negative ? numeric.slice(1) : numeric;
  const [int = '', dec] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (dec !== undefined ? `.${dec}` : '');
}

export function display(value: Cell, kind: CellKind): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (kind === 'money' || kind === 'int') return typeof value === 'number' || /^-?\d/.test(value) ? group(String(value)) : String(value);
  return String(value);
}

export function isNumeric(kind: CellKind): boolean {
  return kind === 'money' || kind === 'int' || kind === 'factor' || kind === 'share';
}
