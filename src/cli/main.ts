/**
 * The one place that catches errors, prints to standard error and sets the
 * exit code. It never calls process.exit(): that would cut short a large
 * write to a pipe. Errors the user caused are DealModelErrors with their
 * exit code; anything else is a bug, reported in one line (the stack only
 * with DEAL_MODEL_DEBUG=1).
 */
import { CommanderError } from 'commander';
import { DealModelError, EXIT_CODES } from '../errors.js';
import type { Context } from './context.js';
import { useImporter, type Importer } from '../packages.js';
import { buildProgram } from './program.js';

export async function main(argv: readonly string[], ctx: Context): Promise<number> {
  let exitCode: number = EXIT_CODES.ok;
  try {
    // lets the test suite prove that a bug is reported as one would be (exit 70, no stack)
    if (ctx.env.DEAL_MODEL_CRASH_TEST === '1') throw new TypeError('simulated bug (DEAL_MODEL_CRASH_TEST=1)');
    const program = buildProgram(ctx, (code) => {
      exitCode = code;
    });
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return report(error, ctx);
  }
}

function report(error: unknown, ctx: Context): number {
  if (error instanceof DealModelError) {
    for (const line of error.lines()) ctx.stderr.write(`${line}\n`);
    return error.exitCode;
  }
  if (error instanceof CommanderError) {
    // help and version exit 0; commander's own usage errors (exit 1) are ours to number: 2
    return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
  }
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  ctx.stderr.write(`deal-model: internal error (a bug in deal-model, please report it with the command and scenario that caused it): ${what}\n`);
  if (ctx.env.DEAL_MODEL_DEBUG === '1' && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
  return EXIT_CODES.internal;
}

/**
 * Entry point of the bin: real process streams, quiet on a closed pipe
 * (`| head`); `importer` is the bin's own import() (see packages.ts).
 */
export async function run(importer?: Importer): Promise<void> {
  if (importer) useImporter(importer);
  const quietOnEpipe = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') throw error;
  };
  process.stdout.on('error', quietOnEpipe);
  process.stderr.on('error', quietOnEpipe);
  const ctx: Context = {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stdout.isTTY === true && process.stdout.columns > 0 ? { stdoutColumns: process.stdout.columns } : {}),
  };
  process.exitCode = await main(process.argv.slice(2), ctx);
}

/** Entry point of a `check` worker thread (commands/check-parallel.ts), loaded only there. */
export async function checkWorker(): Promise<void> {
  const { workerMain } = await import('./commands/check-parallel.js');
  await workerMain();
}

/** Entry point of a market worker thread (commands/market-parallel.ts), loaded only there. */
export async function marketWorker(): Promise<void> {
  const { workerMain } = await import('./commands/market-parallel.js');
  workerMain();
}
