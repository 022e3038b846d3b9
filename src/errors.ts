/**
 * The one error type of deal-model. Every failure the user can cause is a
 * DealModelError of some kind; the kind decides the exit code (SPEC §4).
 * Anything else that escapes is a bug and is reported as an internal error.
 */

export type ErrorKind = 'usage' | 'input' | 'io' | 'internal';

export const EXIT_CODES: Readonly<Record<ErrorKind | 'ok' | 'difference', number>> = {
  ok: 0,
  difference: 1,
  usage: 2,
  input: 3,
  io: 4,
  internal: 70,
};

/** Where a problem is: file, 1-based line and column, key path (`pricing.ramp[0].discount`). */
export interface Location {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
}

/** One problem found in an input, with its position. */
export interface Issue {
  readonly location: Location;
  readonly message: string;
}

/**
 * Control characters (line breaks included) shown as \u000a: a key or value
 * echoed in a message must keep each problem on one line of its own and never
 * send escape codes to the terminal.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `file:line:col: key.path: message`, leaving out the parts that are unknown; always one printable line. */
export function formatIssue(issue: Issue): string {
  const { file, line, column, path } = issue.location;
  let head = printable(file);
  if (line !== undefined) head += `:${line}`;
  if (line !== undefined && column !== undefined) head += `:${column}`;
  const message = printable(issue.message);
  return path ? `${head}: ${printable(path)}: ${message}` : `${head}: ${message}`;
}

/** `file:line:col: warning: key.path: message` (SPEC §7), one printable line. */
export function formatWarning(issue: Issue): string {
  const { file, line, column, path } = issue.location;
  return formatIssue({ location: { file, line, column }, message: `warning: ${path ? `${printable(path)}: ` : ''}${issue.message}` });
}

export class DealModelError extends Error {
  readonly kind: ErrorKind;
  readonly issues: readonly Issue[];

  constructor(kind: ErrorKind, message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = 'DealModelError';
    this.kind = kind;
    this.issues = issues;
  }

  get exitCode(): number {
    return EXIT_CODES[this.kind];
  }

  /** The lines to print on standard error: one per issue, or the message. */
  lines(): string[] {
    return this.issues.length > 0 ? this.issues.map(formatIssue) : [this.message];
  }
}

export const usageError = (message: string): DealModelError => new DealModelError('usage', message);
export const ioError = (message: string): DealModelError => new DealModelError('io', message);
export const inputError = (issues: readonly Issue[]): DealModelError =>
  new DealModelError('input', issues.map(formatIssue).join('\n'), issues);
