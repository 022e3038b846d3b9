/** The steps every reporting command shares: load the scenario argument, render a report, write it. */
import { extname } from 'node:path';
import { formatWarning, usageError } from '../../errors.js';
import { render, type Format } from '../../report/render.js';
import type { Report } from '../../report/report.js';
import { loadScenario } from '../../scenario/load.js';
import { scenarioWarnings } from '../../scenario/warnings.js';
import type { Scenario } from '../../scenario/types.js';
import { paintFor, useColor } from '../color.js';
import type { Context } from '../context.js';
import { readScenario, writeOutput } from '../io.js';

export interface OutputOptions {
  readonly format: Format;
  readonly output?: string;
}

/** The scenario argument, loaded and validated; its warnings are the caller's to print. */
export async function readArg(arg: string, ctx: Context): Promise<Scenario> {
  const source = await readScenario(arg, ctx);
  return loadScenario(source.bytes, source.file);
}

/** The scenario argument, with its warnings printed on standard error (SPEC §7). */
export async function loadArg(arg: string, ctx: Context): Promise<Scenario> {
  const scenario = await readArg(arg, ctx);
  for (const warning of scenarioWarnings(scenario)) ctx.stderr.write(`${formatWarning(warning)}\n`);
  return scenario;
}

export async function emit(report: Report, options: OutputOptions, ctx: Context): Promise<void> {
  const toTerminal = options.output === undefined && ctx.stdoutIsTTY;
  const text = await render(report, options.format, () => paintFor(useColor(ctx.env, toTerminal)));
  await writeOutput(text, options.output, ctx);
}

/** `-o` of a file format (export, chart): checked before the scenario is read, a wrong target is the command line's mistake (exit 2). */
export function requireExtension(target: string, extension: string, what: string): void {
  if (target === '-' || extname(target).toLowerCase() !== extension) {
    throw usageError(`error: ${target === '-' ? 'standard output' : target}: ${what} is written to a ${extension} file: give -o FILE${extension}\n(run with --help for usage)`);
  }
}
