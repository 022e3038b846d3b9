/**
 * Progress of a command over many files (`check`, `validate`), on standard
 * error when it is a terminal and nothing otherwise: a CI log or a file
 * gets the same bytes with or without it. One line, `[ 37/1000] verb file`,
 * redrawn in place at most every REDRAW_MS, and taken away before anything
 * else is written to either stream, so it never mixes with real output.
 */
import { printable } from '../errors.js';
import type { Context, Output } from './context.js';

export const REDRAW_MS = 80;

export interface Progress {
  /** The context to write through: each write first takes the progress line away. */
  readonly ctx: Context;
  /** Starting on file `index` (0-based). */
  step(index: number, file: string): void;
  /** Take the line away for good. */
  end(): void;
}

/** Shown for two files or more, on a terminal, unless TERM=dumb (no cursor control). */
export function progress(ctx: Context, verb: string, files: readonly string[], now: () => number = () => performance.now()): Progress {
  if (!ctx.stderrIsTTY || files.length < 2 || ctx.env.TERM === 'dumb') return { ctx, step: () => undefined, end: () => undefined };
  const width = String(files.length).length;
  const columns = Math.max(Number(ctx.env.COLUMNS) || 80, 20);
  let shown = false;
  let last = -Infinity;
  const clear = (): void => {
    if (shown) ctx.stderr.write('\r\x1b[K');
    shown = false;
  };
  const through = (stream: Output): Output => ({
    write: (text: string) => {
      clear();
      return stream.write(text);
    },
  });
  return {
    ctx: { ...ctx, stdout: through(ctx.stdout), stderr: through(ctx.stderr) },
    step(index, file) {
      const t = now();
      if (t - last < REDRAW_MS) return;
      last = t;
      const line = `[${String(index + 1).padStart(width)}/${files.length}] ${verb} ${printable(file)}`;
      // one terminal row, never wrapped (a wrapped line cannot be taken back with \r)
      ctx.stderr.write(`\r\x1b[K${line.length < columns ? line : `${line.slice(0, columns - 2)}…`}`);
      shown = true;
    },
    end: clear,
  };
}
