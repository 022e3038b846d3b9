/**
 * A Report is plain data that every format renders: the JSON contract
 * object (SPEC §4), and for people the headline figures and a table whose
 * cells are the same canonical strings as the JSON. Renderers only lay it
 * out; all figures are computed before.
 */

import type { Sequence } from '../model/sequence.js';

/** `ratio`: a fraction such as "-0.1305", shown to people as "-13.05%"; `decimal`: an exact number such as MWh or a price, grouped for people. */
export type CellKind = 'int' | 'date' | 'money' | 'factor' | 'share' | 'ratio' | 'bool' | 'text' | 'decimal';
export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

export interface Column {
  /** The JSON field name, also the CSV header. */
  readonly key: string;
  /** Header for people (table, Markdown). */
  readonly label: string;
  readonly kind: CellKind;
  /** The kind of this column's cells is the row's (`Report.rowKinds`): a table with one figure per row. */
  readonly byRow?: boolean;
}

export interface Figure {
  readonly label: string;
  readonly value: Cell;
  readonly kind: CellKind;
  /** A short explanation shown after the value for people. */
  readonly note?: string;
}

/** A titled table of its own, for people. */
export interface Section {
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

export interface Report {
  readonly title: string;
  readonly currency: string;
  readonly headline: readonly Figure[];
  readonly columns: readonly Column[];
  /** In order; an array, or rows made as a renderer reaches them (a daily sweep's). */
  readonly rows: Sequence<Row>;
  /** Kind of each row's cells in `byRow` columns. */
  readonly rowKinds?: readonly CellKind[];
  /** A totals row for people (table, Markdown); CSV has no totals row. */
  readonly totals?: Row;
  /** Lines of text for people after the table. */
  readonly notes?: readonly string[];
  /** Tables for people before the main one (a portfolio's contracts); CSV and JSON leave them out. */
  readonly sections?: readonly Section[];
  /** For people, only the sections (a sensitivity grid per metric): the main table is CSV's and JSON's. */
  readonly sectionsOnly?: boolean;
  /** The JSON document, keys in contract order. */
  readonly json: unknown;
}

/** The kind of one cell: the column's, or the row's in a `byRow` column. */
export function kindOf(report: Report, row: number, column: Column): CellKind {
  return column.byRow ? (report.rowKinds?.[row] ?? column.kind) : column.kind;
}
