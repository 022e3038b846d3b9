/**
 * A Report is plain data that every format renders: the JSON contract
 * object (SPEC §4), and for people the headline figures and a table whose
 * cells are the same canonical strings as the JSON. Renderers only lay it
 * out; all figures are computed before.
 */

export type CellKind = 'int' | 'date' | 'money' | 'factor' | 'share' | 'bool' | 'text';
export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

export interface Column {
  /** The JSON field name, also the CSV header. */
  readonly key: string;
  /** Header for people (table, Markdown). */
  readonly label: string;
  readonly kind: CellKind;
}

export interface Figure {
  readonly label: string;
  readonly value: Cell;
  readonly kind: CellKind;
  /** A short explanation shown after the value for people. */
  readonly note?: string;
}

export interface Report {
  readonly title: string;
  readonly currency: string;
  readonly headline: readonly Figure[];
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** A totals row for people (table, Markdown); CSV has no totals row. */
  readonly totals?: Row;
  /** Lines of text for people after the table. */
  readonly notes?: readonly string[];
  /** The JSON document, keys in contract order. */
  readonly json: unknown;
}
