/** The tornado as SVG (chart --tornado, and the report's tornado section): one chart code path. */
import { terminationModel } from '../../model/termination.js';
import { tornadoReport } from '../../report/sensitivity.js';
import type { Tree } from '../../scenario/tree.js';
import type { Scenario } from '../../scenario/types.js';
import { CellFigures, METRICS, type MetricName } from '../../sensitivity/metrics.js';
import { tornado } from '../../sensitivity/tornado.js';
import type { Decimal } from '../../model/money.js';
import type { Report } from '../../report/report.js';
import type { TornadoJson } from '../../chart/tornado.js';

/** The tornado of `metric` as a Report (for tables) and as the SVG of the chart. */
export async function tornadoOf(scenario: Scenario, base: { tree: Tree; file: string; files: readonly string[] }, metric: MetricName, pct: Decimal): Promise<{ report: Report; svg: string }> {
  const own = METRICS[metric].value(new CellFigures(terminationModel(scenario)));
  const report = tornadoReport(scenario.name, scenario.currency, tornado(base, scenario, own, metric, pct));
  const { tornadoSpec } = await import('../../chart/tornado.js');
  const { renderSpec } = await import('../../chart/render.js');
  const svg = await renderSpec(tornadoSpec(report.json as TornadoJson, scenario.currency));
  return { report, svg };
}
