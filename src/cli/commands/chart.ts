/**
 * `deal-model chart <scenario|-> [-o chart.svg] [--notice DATE] [--by PARTY]`:
 * the SVG chart (src/chart) of the projection and the monthly termination
 * sweep, to standard output or atomically to a .svg file.
 */
import type { Day } from '../../model/calendar.js';
import { money } from '../../model/money.js';
import { outcomeOf, terminatedProjection, terminationModel } from '../../model/termination.js';
import { monthlyAnalysis } from '../../model/analysis.js';
import { projectJson } from '../../report/project.js';
import { terminateJson } from '../../report/terminate.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Party } from '../../scenario/types.js';
import type { Context } from '../context.js';
import { readBase, readScenario, writeOutput } from '../io.js';
import { mergedTree, validated } from '../../scenario/load.js';
import { printWarnings } from './common.js';
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
  /** Draw the tornado of `metric` (default npv) instead, each input moved by ±PCT (SPEC §12). */
  readonly tornado?: string;
  readonly metric?: string;
}

export async function chartCommand(arg: string, options: ChartOptions, ctx: Context): Promise<number> {
  if (options.output !== undefined && options.output !== '-') requireExtension(options.output, '.svg', 'the chart');
  if (options.tornado !== undefined) return tornadoChart(arg, options, ctx);
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
  const totals = sweep?.market?.totals.map((t) => ({ total: money(t.total), paths: t.paths }));
  const svg = await chartSvg(shown, sweep ? terminateJson(scenario, sweep) : null, totals);
  await writeOutput(svg, options.output, ctx);
  return 0;
}

/** `chart --tornado PCT [--metric M]`: the tornado as SVG. */
async function tornadoChart(arg: string, options: ChartOptions, ctx: Context): Promise<number> {
  if (options.notice !== undefined) throw usageError("error: option '--tornado <pct>' draws a tornado, not a notice: give one of them\n(run with --help for usage)");
  const { tornadoPct } = await import('./sensitivity.js');
  const pct = tornadoPct(options.tornado!);
  const metric = (options.metric ?? 'npv').toLowerCase();
  const { isMetric, METRICS, METRIC_NAMES } = await import('../../sensitivity/metrics.js');
  if (!isMetric(metric) || metric === 'payback_date') throw usageError(`error: option '--metric ${options.metric}': a tornado is of one numeric metric of ${METRIC_NAMES.filter((m) => m !== 'payback_date').join(', ')}\n(run with --help for usage)`);
  const source = await readScenario(arg, ctx);
  const { tree, files } = mergedTree(source.bytes, source.file, readBase, options.sets ?? []);
  const scenario = validated(tree, source.file, files);
  printWarnings(scenario, ctx);
  if (!METRICS[metric].supports(scenario)) throw usageError(`error: the scenario does not support the metric ${metric}\n(run with --help for usage)`);
  const { tornadoOf } = await import('./tornado-chart.js');
  const { svg } = await tornadoOf(scenario, { tree, file: source.file, files }, metric, pct);
  await writeOutput(svg, options.output, ctx);
  return 0;
}
