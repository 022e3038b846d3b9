/**
 * A record's fields declared once: each with its JSON key, its label for
 * people, its kind, and an accessor that returns the domain value (a day
 * number, cents, a factor, a count). The JSON document, the CSV and table
 * rows, and the workbook's cells are all made from one such list, so a
 * field cannot be named or printed differently in two places.
 */
import { formatIsoDate, type Day } from '../model/calendar.js';
import { money, type Cents } from '../model/money.js';
import { formatFactor, type Factor } from '../model/valuation.js';
import type { Cell, CellKind, Column } from './report.js';

export type FieldValue = Day | Cents | Factor | number | boolean | string;

export interface Field<T> extends Column {
  readonly get: (item: T) => FieldValue;
}

/** The canonical text of a domain value, as JSON and CSV print it. */
export function canonicalValue(kind: CellKind, value: FieldValue): Cell {
  switch (kind) {
    case 'date':
      return formatIsoDate(value as Day);
    case 'money':
      return money(value as Cents);
    case 'factor':
      return formatFactor(value as Factor, 10);
    default:
      return value as Cell;
  }
}

/** The item as a row (and JSON object) of these fields, keys in the fields' order. */
export function record<T>(fields: readonly Field<T>[], item: T): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const f of fields) out[f.key] = canonicalValue(f.kind, f.get(item));
  return out;
}

/** The fields named by `keys`, in that order (a document that lists the same fields in another order). */
export function pick<T>(fields: readonly Field<T>[], keys: readonly string[]): Field<T>[] {
  return keys.map((key) => {
    const field = fields.find((f) => f.key === key);
    if (!field) throw new Error(`no field ${key}`);
    return field;
  });
}
