/** The steps every reporting command shares: load the scenario argument, render a report, write it. */
import { extname } from 'node:path';
import { formatWarning, usageError } from '../../errors.js';
import { render, type Format } from '../../report/render.js';
import type { Report } from '../../report/report.js';
import { loadVariant, type Loaded } from '../../scenario/load.js';
import type { SetOption } from '../../scenario/set-option.js';
import { scenarioWarnings } from '../../scenario/warnings.js';
import type { Scenario } from '../../scenario/types.js';
import { paintFor, useColor } from '../color.js';
import type { Context } from '../context.js';
import { readBase, readScenario, writeOutput } from '../io.js';

export interface OutputOptions {
  readonly format: Format;
  readonly output?: string;
  /** Every column of a table, also on a narrow terminal. */
  readonly wide?: boolean;
}

/** The scenario argument (and its chain of bases), with the `--set` options applied, loaded and validated; its warnings are the caller's to print. */
export async function readVariant(arg: string, ctx: Context, sets: readonly SetOption[] = []): Promise<Loaded> {
  const source = await readScenario(arg, ctx);
  return loadVariant(source.bytes, source.file, { readFile: readBase, sets });
}

export async function readArg(arg: string, ctx: Context, sets: readonly SetOption[] = []): Promise<Scenario> {
  return (await readVariant(arg, ctx, sets)).scenario;
}

/** The scenario argument, with its warnings printed on standard error (SPEC §7). */
export async function loadArg(arg: string, ctx: Context, sets: readonly SetOption[] = []): Promise<Scenario> {
  const scenario = await readArg(arg, ctx, sets);
  printWarnings(scenario, ctx);
  return scenario;
}

export function printWarnings(scenario: Scenario, ctx: Context): void {
  for (const warning of scenarioWarnings(scenario)) ctx.stderr.write(`${formatWarning(warning)}\n`);
}

export async function emit(report: Report, options: OutputOptions, ctx: Context): Promise<void> {
  const toTerminal = options.output === undefined && ctx.stdoutIsTTY;
  const width = toTerminal && !options.wide ? ctx.stdoutColumns : undefined;
  const text = await render(report, options.format, () => paintFor(useColor(ctx.env, toTerminal)), width);
  await writeOutput(text, options.output, ctx);
}

/** `-o` of a file format (export, chart): checked before the scenario is read, a wrong target is the command line's mistake (exit 2). */
export function requireExtension(target: string, extension: string, what: string): void {
  if (target === '-' || extname(target).toLowerCase() !== extension) {
    throw usageError(`error: ${target === '-' ? 'standard output' : target}: ${what} is written to a ${extension} file: give -o FILE${extension}\n(run with --help for usage)`);
  }
}
