/**
 * The chart of a portfolio (SPEC §10): revenue by month stacked by
 * contract (cash basis, by payment date), and below it the backlog at each
 * month end, contracted against committed, on the same months. Built from
 * the `portfolio --format json` document, like the contract's chart from
 * its JSON; amounts are plotted as numbers and labelled from their strings.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SHORT_LABEL, plotNumber, shortAmount, wrap } from './format.js';
import { CHART_WIDTH, COLOURS, FONT, PADDING, PANEL_GAP, PLOT_HEIGHT, PLOT_WIDTH, SUBTITLE_LINE, TITLE_BLOCK, TITLE_LIMIT, X_AXIS_ROOM, chartHeight } from './style.js';

/** The parts of the portfolio JSON the chart reads. */
export interface PortfolioChartJson {
  readonly portfolio: { readonly name: string; readonly currency: string };
  readonly contracts: readonly { readonly id: string }[];
  readonly months: readonly {
    readonly month: string;
    readonly revenue: string;
    readonly by_contract: Readonly<Record<string, string>>;
    readonly backlog_contracted: string;
    readonly backlog_committed: string;
  }[];
  readonly totals: { readonly total: string; readonly committed: string };
}

/** Contract colours, in the order of the contracts (repeating after ten). */
const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

export const PORTFOLIO_MARK = { revenue: 'revenue_bars', contracted: 'backlog_contracted_line', committed: 'backlog_committed_line' } as const;

export function portfolioChartSpec(p: PortfolioChartJson): TopLevelSpec {
  const { name, currency } = p.portfolio;
  const ids = p.contracts.map((c) => c.id);
  const revenue = p.months.flatMap((m) =>
    ids.map((id, order) => ({ month: m.month, contract: id, order, amount: plotNumber(m.by_contract[id] ?? '0'), label: `${m.month}: ${id} ${shortAmount(plotNumber(m.by_contract[id] ?? '0'))} ${currency}` })),
  );
  const backlog = p.months.flatMap((m) => [
    { month: m.month, kind: 'contracted', amount: plotNumber(m.backlog_contracted), label: `${m.month}: backlog contracted ${shortAmount(plotNumber(m.backlog_contracted))} ${currency}` },
    { month: m.month, kind: 'committed', amount: plotNumber(m.backlog_committed), label: `${m.month}: backlog committed ${shortAmount(plotNumber(m.backlog_committed))} ${currency}` },
  ]);
  const x = { field: 'month', type: 'ordinal', sort: p.months.map((m) => m.month), axis: { title: 'Month (by payment date)', labelAngle: -45, labelExpr: "slice(datum.value, 5) === '01' ? slice(datum.value, 0, 4) : (slice(datum.value, 5) === '07' ? 'Jul' : '')" } };
  const revenueSubtitle = wrap(`Total ${shortAmount(plotNumber(p.totals.total))} ${currency} over ${ids.length} contract${ids.length === 1 ? '' : 's'} (${ids.join(', ')}); the notice clauses commit ${shortAmount(plotNumber(p.totals.committed))}.`);
  const revenuePanel = {
    title: { text: `${name}: revenue by month (${currency})`, subtitle: revenueSubtitle },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    data: { values: revenue },
    mark: { type: 'bar', name: PORTFOLIO_MARK.revenue },
    name: PORTFOLIO_MARK.revenue,
    encoding: {
      x,
      y: { field: 'amount', type: 'quantitative', stack: 'zero', axis: { title: `Revenue (${currency})`, labelExpr: SHORT_LABEL, tickCount: 6 } },
      color: { field: 'contract', type: 'nominal', sort: ids, scale: { domain: ids, range: ids.map((_, i) => PALETTE[i % PALETTE.length]) }, legend: { title: 'Contract', orient: 'top-right' } },
      order: { field: 'order', type: 'quantitative' },
      description: { field: 'label' },
    },
  };
  const backlogPanel = {
    title: { text: `Backlog at each month end (${currency})`, subtitle: wrap('Fees still to be paid over the full terms (contracted), and what the notice clauses guarantee of them (committed).') },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    data: { values: backlog },
    layer: [
      {
        name: PORTFOLIO_MARK.contracted,
        transform: [{ filter: "datum.kind === 'contracted'" }],
        mark: { type: 'line', color: COLOURS.full, strokeWidth: 2.5, point: { filled: true, size: 20, color: COLOURS.full } },
        encoding: { x, y: { field: 'amount', type: 'quantitative', axis: { title: `Backlog (${currency})`, labelExpr: SHORT_LABEL, tickCount: 6 } }, description: { field: 'label' } },
      },
      {
        name: PORTFOLIO_MARK.committed,
        transform: [{ filter: "datum.kind === 'committed'" }],
        mark: { type: 'line', color: COLOURS.committed, strokeWidth: 2.5, point: { filled: true, size: 20, color: COLOURS.committed } },
        encoding: { x, y: { field: 'amount', type: 'quantitative' }, description: { field: 'label' } },
      },
    ],
  };
  const subtitleLines = (backlogPanel.title.subtitle as string[]).length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${name}: revenue by month stacked by contract in ${currency}; below, the backlog at each month end, contracted (grey) and committed (orange).`,
    background: 'white',
    padding: PADDING,
    bounds: 'flush',
    spacing: X_AXIS_ROOM + PANEL_GAP + TITLE_BLOCK + SUBTITLE_LINE * subtitleLines + 20,
    usermeta: { size: { width: CHART_WIDTH, height: chartHeight(2) }, title: `${name}: revenue and backlog (${currency})` },
    config: {
      font: 'sans-serif',
      view: { stroke: null },
      axis: { labelFontSize: FONT, titleFontSize: FONT, titleFontWeight: 'normal', gridColor: '#e6e6e6' },
      legend: { labelFontSize: FONT, titleFontSize: FONT },
      title: { anchor: 'start', frame: 'group', fontSize: 14, subtitleFontSize: FONT, subtitleColor: COLOURS.subtitle, subtitlePadding: 4, offset: 12, limit: TITLE_LIMIT, color: '#111111' },
    },
    vconcat: [revenuePanel, backlogPanel],
  } as unknown as TopLevelSpec;
}
