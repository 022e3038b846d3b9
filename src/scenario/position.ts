/**
 * Where a value came from: its file with a 1-based line and column, or a
 * `--set` option (file `--set PATH=VALUE`, no line), so that a problem is
 * reported where the offending value was written, in whichever file of a
 * variant chain holds it.
 */
export interface Position {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}
