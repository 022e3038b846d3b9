/**
 * `deal-model report <scenario|portfolio> [-o FILE.html] [--set ...] [--tornado PCT]`
 * (SPEC §13): the same Report data as the other formats, and the charts of
 * `chart`, on one self-contained HTML page. Without -o the page goes to
 * standard output; with it, atomically to a .html file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PortfolioChartJson } from '../../chart/portfolio-spec.js';
import { economicsResult } from '../../model/economic-sweep.js';
import { money } from '../../model/money.js';
import { defaultParty } from '../../model/notice.js';
import { terminationModel } from '../../model/termination.js';
import { monthlyAnalysis } from '../../model/analysis.js';
import { economicsReport } from '../../report/economics.js';
import { html, type Html } from '../../report/html/escape.js';
import { chartFigure, renderPage, type InputFile, type PageSection } from '../../report/html/page.js';
import { figuresTable, reportBody } from '../../report/html/tables.js';
import { portfolioJson, portfolioReport } from '../../report/portfolio.js';
import { projectJson, projectReport } from '../../report/project.js';
import { terminateJson, terminateReport } from '../../report/terminate.js';
import { mergedTree, validated } from '../../scenario/load.js';
import { loadPortfolio, type Portfolio } from '../../scenario/portfolio-load.js';
import { provenance } from '../../scenario/resolve.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Scenario } from '../../scenario/types.js';
import type { Tree } from '../../scenario/tree.js';
import type { Context } from '../context.js';
import { readBase, readScenario, writeOutput } from '../io.js';
import { version } from '../options.js';
import { looksLikePortfolio } from './checkable.js';
import { printWarnings, requireExtension } from './common.js';
import { portfolioResult } from './portfolio.js';

export interface ReportOptions {
  readonly output?: string;
  readonly sets?: readonly SetOption[];
  readonly tornado?: string;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Each file once, in order, with its SHA-256 (the argument's own bytes for standard input). */
function hashes(files: readonly string[], first: { file: string; bytes: Uint8Array }): InputFile[] {
  return [...new Set(files)].map((file) => ({ file, sha256: sha256(file === first.file ? first.bytes : readFileSync(file)) }));
}

export async function reportCommand(arg: string, options: ReportOptions, ctx: Context): Promise<number> {
  if (options.output !== undefined && options.output !== '-') requireExtension(options.output, '.html', 'the report');
  if (options.tornado !== undefined) (await import('./sensitivity.js')).tornadoPct(options.tornado);
  const source = await readScenario(arg, ctx);
  const page = looksLikePortfolio(source.bytes) ? await portfolioPage(source, options, ctx) : await scenarioPage(source, options, ctx);
  await writeOutput(page, options.output, ctx);
  return 0;
}

async function scenarioPage(source: { file: string; bytes: Uint8Array }, options: ReportOptions, ctx: Context): Promise<string> {
  const { tree, files } = mergedTree(source.bytes, source.file, readBase, options.sets ?? []);
  const scenario = validated(tree, source.file, files);
  printWarnings(scenario, ctx);
  const model = terminationModel(scenario);
  const sweep = monthlyAnalysis(scenario, model);
  const project = projectReport(scenario, model.projection);
  const terminate = sweep ? terminateReport(scenario, sweep) : null;
  const economics = scenario.costs ? economicsResult(model, undefined, defaultParty(scenario)) : null;
  const { chartSvg } = await import('../../chart/render.js');
  const totals = sweep?.market?.totals.map((t) => ({ total: money(t.total), paths: t.paths }));
  const chart = await chartSvg(projectJson(scenario, model.projection), sweep ? terminateJson(scenario, sweep) : null, totals);

  const headline = [...project.headline, ...(terminate?.headline.filter((f) => f.label !== 'Full term') ?? [])];
  const sections: PageSection[] = [
    { id: 'headline', title: 'Headline figures', body: figuresTable('Headline figures', headline, scenario.currency) },
    { id: 'charts', title: 'Charts', body: chartFigure(chart, terminate ? 'Fees by billing period with their running total, and the contract total for a notice on each date.' : 'Fees by billing period with their running total.') },
  ];
  if (terminate) sections.push({ id: 'termination', title: 'Early termination', body: reportBody(terminate, 'Outcome of a notice on each date', false) });
  if (economics) {
    const e = economicsReport(scenario, economics.economics, economics.termination);
    sections.push({ id: 'economics', title: "The provider's economics", body: reportBody(e, "The provider's economics by period") });
  }
  if (options.tornado !== undefined) sections.push({ id: 'tornado', title: 'Tornado', body: await tornadoBody(scenario, tree, files, source.file, options.tornado) });
  sections.push({ id: 'periods', title: 'Cash flows by billing period', body: reportBody(project, 'Billing periods', false) });
  return renderPage({
    title: scenario.name,
    lede: `A deal-model report of ${files.join(', extending ')}: ${scenario.currency}, ${terminate ? terminate.title.replace(`${scenario.name}: `, '') : 'nobody may terminate early'}.`,
    sections,
    inputs: [{ title: files.join(' extends '), values: provenance(tree) }],
    files: hashes(files, source),
    version: version(),
  });
}

async function tornadoBody(scenario: Scenario, tree: Tree, files: readonly string[], file: string, pctText: string): Promise<Html> {
  const { tornadoPct } = await import('./sensitivity.js');
  const { tornadoOf } = await import('./tornado-chart.js');
  const { report, svg } = await tornadoOf(scenario, { tree, file, files }, 'npv', tornadoPct(pctText));
  return html`<p class="note">Each input moved by −${pctText} and +${pctText} of its value, one at a time; the NPV at each end and the swing, largest first.</p>${chartFigure(svg, 'Tornado of the NPV: the inputs that move it most on top.')}${reportBody(report, 'Tornado of the NPV')}`;
}

async function portfolioPage(source: { file: string; bytes: Uint8Array }, options: ReportOptions, ctx: Context): Promise<string> {
  const p: Portfolio = loadPortfolio(source.bytes, source.file, { readFile: readBase, sets: options.sets ?? [] });
  for (const c of p.contracts) printWarnings(c.scenario, ctx);
  const result = portfolioResult(p, undefined);
  const report = portfolioReport(p, result);
  const { portfolioChartSpec } = await import('../../chart/portfolio-spec.js');
  const { renderSpec } = await import('../../chart/render.js');
  const chart = await renderSpec(portfolioChartSpec(portfolioJson(p, result) as unknown as PortfolioChartJson));
  const files = [source.file, ...p.contracts.flatMap((c) => c.files)];
  return renderPage({
    title: p.name,
    lede: `A deal-model report of the portfolio ${source.file}: ${p.contracts.length} contracts on ${p.facilities.length} facilities, in ${p.currency}.`,
    sections: [
      { id: 'headline', title: 'Headline figures', body: figuresTable('Headline figures', report.headline, p.currency) },
      { id: 'charts', title: 'Charts', body: chartFigure(chart, 'Revenue by month stacked by contract, and the backlog at each month end, contracted and committed.') },
      { id: 'portfolio', title: 'Contracts and months', body: reportBody(report, 'Revenue by month', false) },
    ],
    inputs: [{ title: source.file, values: provenance(p.tree) }, ...p.contracts.map((c) => ({ title: `${c.id}: ${c.files.join(' extends ')}`, values: provenance(c.tree) }))],
    files: hashes(files, source),
    version: version(),
  });
}
