/** Where a value is in its file: 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}
