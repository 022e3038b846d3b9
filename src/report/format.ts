/** Display formatting shared by the human renderers (table, Markdown). Pure string work. */
import { printable } from '../errors.js';
import type { Decimal } from '../model/money.js';
import type { Cell, CellKind } from './report.js';

/** A rate as the user would write it: 0.035 → "3.5%". */
export function percent(value: Decimal): string {
  return `${value.times(100).toString()}%`;
}

/** `1234567.50` → `1,234,567.50`, independent of the locale (`LANG=de_DE` would print 1.234.567,50). */
export function group(numeric: string): string {
  const negative = numeric.startsWith('-');
  const body = negative ? numeric.slice(1) : numeric;
  const [int = '', dec] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (dec !== undefined ? `.${dec}` : '');
}

/** A 4-decimal fraction as a percentage with 2 decimals: "-0.1305" → "-13.05%". */
export function percentOf(fraction: string): string {
  const negative = fraction.startsWith('-');
  const [int = '0', dec = ''] = fraction.replace(/^[-+]/, '').split('.');
  const digits = `${int}${dec.padEnd(4, '0')}`.replace(/^0+(?=\d{3})/, '');
  return `${negative ? '-' : ''}${group(digits.slice(0, -2) || '0')}.${digits.slice(-2)}%`;
}

export function display(value: Cell, kind: CellKind): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (kind === 'ratio') return percentOf(String(value));
  if (kind === 'money' || kind === 'int' || kind === 'decimal') return typeof value === 'number' || /^-?\d/.test(value) ? group(String(value)) : printable(String(value));
  // control characters shown as \\u001b: a name written "\\e[31m" in YAML must not recolour the terminal
  return printable(String(value));
}

export function isNumeric(kind: CellKind): boolean {
  return kind === 'money' || kind === 'int' || kind === 'factor' || kind === 'share' || kind === 'ratio' || kind === 'decimal';
}
