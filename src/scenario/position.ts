/** Where a value is: 1-based line and column, and the file when it is not the scenario's own (a base, or a --set). */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly file?: string;
}
