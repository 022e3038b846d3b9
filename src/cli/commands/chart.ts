/**
 * `deal-model chart <scenario|-> [-o chart.svg] [--notice DATE] [--by PARTY]`:
 * the SVG chart (src/chart) of the projection and the monthly termination
 * sweep, to standard output or atomically to a .svg file.
 */
import type { Day } from '../../model/calendar.js';
import { outcomeOf, terminatedProjection, terminationModel } from '../../model/termination.js';
import { monthlyAnalysis } from '../../model/analysis.js';
import { projectJson } from '../../report/project.js';
import { terminateJson } from '../../report/terminate.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Party } from '../../scenario/types.js';
import type { Context } from '../context.js';
import { writeOutput } from '../io.js';
import { usageError } from '../../errors.js';
import type { PortfolioChartJson } from '../../chart/portfolio-spec.js';
import { portfolioJson } from '../../report/portfolio.js';
import { readEither } from './either.js';
import { portfolioResult } from './portfolio.js';
import { requireExtension } from './common.js';
import { checkedNotice } from './notice.js';

export interface ChartOptions {
  readonly output?: string;
  readonly notice?: Day;
  readonly by?: Party;
  readonly sets?: readonly SetOption[];
}

export async function chartCommand(arg: string, options: ChartOptions, ctx: Context): Promise<number> {
  if (options.output !== undefined && options.output !== '-') requireExtension(options.output, '.svg', 'the chart');
  const loaded = await readEither(arg, ctx, options.sets);
  if ('portfolio' in loaded) {
    if (options.notice !== undefined) throw usageError("error: option '--notice <date>' draws one contract's notice: chart a portfolio without it\n(run with --help for usage)");
    const { portfolioChartSpec } = await import('../../chart/portfolio-spec.js');
    const { renderSpec } = await import('../../chart/render.js');
    const json = portfolioJson(loaded.portfolio, portfolioResult(loaded.portfolio, undefined)) as unknown as PortfolioChartJson;
    await writeOutput(await renderSpec(portfolioChartSpec(json)), options.output, ctx);
    return 0;
  }
  const scenario = loaded.scenario;
  const model = terminationModel(scenario);
  const notice = options.notice === undefined ? undefined : checkedNotice(scenario, options.notice, options.by);
  const shown = notice === undefined ? projectJson(scenario, model.projection) : projectJson(scenario, terminatedProjection(model, notice), outcomeOf(model, notice));
  // the sweep by the party of the notice, so that the notice's outcome lies on its curve
  const sweep = monthlyAnalysis(scenario, model, notice?.by);
  const { chartSvg } = await import('../../chart/render.js');
  const svg = await chartSvg(shown, sweep ? terminateJson(scenario, sweep) : null);
  await writeOutput(svg, options.output, ctx);
  return 0;
}
