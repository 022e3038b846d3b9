/**
 * `deal-model chart <scenario|-> [-o chart.svg] [--notice DATE] [--by PARTY]`:
 * the SVG chart (src/chart) of the projection and the monthly termination
 * sweep, to standard output or atomically to a .svg file.
 */
import type { Day } from '../../model/calendar.js';
import { monthlyAnalysis, outcomeOf, terminatedProjection, terminationModel } from '../../model/termination.js';
import { projectJson } from '../../report/project.js';
import { terminateJson } from '../../report/terminate.js';
import type { ProjectJson, TerminateJson } from '../../chart/json.js';
import type { Party } from '../../scenario/types.js';
import type { Context } from '../context.js';
import { writeOutput } from '../io.js';
import { loadArg, requireExtension } from './common.js';
import { checkedNotice } from './notice.js';

export interface ChartOptions {
  readonly output?: string;
  readonly notice?: Day;
  readonly by?: Party;
}

export async function chartCommand(arg: string, options: ChartOptions, ctx: Context): Promise<number> {
  if (options.output !== undefined && options.output !== '-') requireExtension(options.output, '.svg', 'the chart');
  const scenario = await loadArg(arg, ctx);
  const model = terminationModel(scenario);
  const notice = options.notice === undefined ? undefined : checkedNotice(scenario, options.notice, options.by);
  const shown = notice === undefined ? projectJson(scenario, model.projection) : projectJson(scenario, terminatedProjection(model, notice), outcomeOf(model, notice));
  // the sweep by the party of the notice, so that the notice's outcome lies on its curve
  const sweep = monthlyAnalysis(scenario, model, notice?.by);
  const { chartSvg } = await import('../../chart/render.js');
  const svg = await chartSvg(shown as unknown as ProjectJson, sweep ? (terminateJson(sweep) as unknown as TerminateJson) : null);
  await writeOutput(svg, options.output, ctx);
  return 0;
}
