/** `deal-model project <scenario|->`: the month-by-month projection. */
import { project } from '../../model/projection.js';
import { projectReport } from '../../report/project.js';
import { render, type Format } from '../../report/render.js';
import { loadScenario } from '../../scenario/load.js';
import { paintFor, useColor } from '../color.js';
import type { Context } from '../context.js';
import { readScenario, writeOutput } from '../io.js';

export interface ProjectOptions {
  readonly format: Format;
  readonly output?: string;
}

export async function projectCommand(arg: string, options: ProjectOptions, ctx: Context): Promise<number> {
  const source = await readScenario(arg, ctx);
  const scenario = loadScenario(source.bytes, source.file);
  const report = projectReport(scenario, project(scenario));
  const toTerminal = options.output === undefined && ctx.stdoutIsTTY;
  const text = await render(report, options.format, () => paintFor(useColor(ctx.env, toTerminal)));
  await writeOutput(text, options.output, ctx);
  return 0;
}
