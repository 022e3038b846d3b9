/** The steps every reporting command shares: load the scenario argument, render a report, write it. */
import { render, type Format } from '../../report/render.js';
import type { Report } from '../../report/report.js';
import { loadScenario } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/types.js';
import { paintFor, useColor } from '../color.js';
import type { Context } from '../context.js';
import { readScenario, writeOutput } from '../io.js';

export interface OutputOptions {
  readonly format: Format;
  readonly output?: string;
}

export async function loadArg(arg: string, ctx: Context): Promise<Scenario> {
  const source = await readScenario(arg, ctx);
  return loadScenario(source.bytes, source.file);
}

export async function emit(report: Report, options: OutputOptions, ctx: Context): Promise<void> {
  const toTerminal = options.output === undefined && ctx.stdoutIsTTY;
  const text = await render(report, options.format, () => paintFor(useColor(ctx.env, toTerminal)));
  await writeOutput(text, options.output, ctx);
}
