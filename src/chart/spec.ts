/**
 * The chart of `deal-model chart`: a Vega-Lite spec built from the JSON the
 * CLI prints (`project --format json` and the monthly `terminate --format
 * json`). Pure: no vega here, only plain data; render.ts compiles and
 * renders it.
 *
 * Panel 1: the fee of each billing period as a bar (x = the month the
 * period starts in) and the cumulative fees as a line on a second y axis;
 * with a notice, the notice period shaded and a rule at the end of the last
 * service day. Panel 2, when someone may terminate: the contract total for
 * a notice on each candidate date (line with points), with rules for the
 * full-term total, the committed value and, with `risk`, the expected value.
 * Both panels share one time axis, so a notice date lines up with the
 * billing periods it cuts.
 *
 * Determinism: dates are the day numbers of src/model/calendar (no Date, no
 * time zone) and go to Vega as UTC timestamps (vegaTime), on `utc` scales,
 * with labels from `utcFormat`; numbers are formatted by Vega's `format` (d3-format's
 * own en-US locale) or by Number#toFixed here, never by the system locale.
 * Money arrives as exact decimal strings: Number() is used only for plotting,
 * and every data row keeps the JSON string beside the number.
 *
 * Layout: the SVG is exactly CHART_WIDTH × chartHeight(panels) pixels
 * (`usermeta.size`, applied by render.ts, which adjusts the plot sizes until
 * the whole chart fills that box). Vega measures text headless with a crude
 * estimate (0.8 em a character, wider than real glyphs), so titles are
 * wrapped and limited, and in-plot labels are placed from the data so that
 * none of them pushes out the chart's bounds.
 *
 * The parts: json.ts (the input), data.ts (the rows plotted), time.ts (the
 * shared time axis), fee-panel.ts and exposure-panel.ts (the two panels),
 * labels.ts (where the notice point's label goes), format.ts (text of
 * amounts) and style.ts (sizes, colours, mark names); this module puts the
 * panels together.
 */
import type { TopLevelSpec } from 'vega-lite';
import { outcomeData, periodData } from './data.js';
import { exposurePanel } from './exposure-panel.js';
import { feePanel } from './fee-panel.js';
import { distributionPanel, marketPanel, type TotalShare } from './market-panel.js';
import type { ProjectJson, TerminateJson } from './json.js';
import { CHART_WIDTH, COLOURS, FONT, PADDING, PANEL_GAP, SUBTITLE_LINE, TITLE_BLOCK, TITLE_LIMIT, X_AXIS_ROOM, chartHeight } from './style.js';
import { timeDomain } from './time.js';

/**
 * The Vega-Lite spec of the chart; `terminate` is null when nobody may
 * terminate, and the chart then has one panel. `usermeta.size` is the SVG's
 * exact size.
 */
export function chartSpec(project: ProjectJson, terminate: TerminateJson | null, totals?: readonly TotalShare[]): TopLevelSpec {
  const market = terminate?.market;
  const histogram = market && totals && totals.length > 0 ? totals : undefined;
  const panels: 1 | 2 | 3 | 4 = terminate ? (market ? (histogram ? 4 : 3) : 2) : 1;
  const periods = periodData(project);
  const outcomes = terminate ? outcomeData(terminate) : [];
  const domain = timeDomain(project, terminate);
  const { name, currency } = project.scenario;

  const vconcat: Record<string, unknown>[] = [feePanel(project, periods, domain)];
  let spacing = 0;
  if (terminate) {
    const exposure = exposurePanel(project, terminate, outcomes, domain);
    vconcat.push(exposure);
    const subtitle = (exposure['title'] as { subtitle: string[] }).subtitle;
    spacing = X_AXIS_ROOM + PANEL_GAP + TITLE_BLOCK + SUBTITLE_LINE * subtitle.length;
    if (market) {
      const panel = marketPanel(market, currency, domain);
      vconcat.push(panel);
      const lines = (panel['title'] as { subtitle: string[] }).subtitle.length;
      spacing = Math.max(spacing, X_AXIS_ROOM + PANEL_GAP + TITLE_BLOCK + SUBTITLE_LINE * lines);
      if (histogram) vconcat.push(distributionPanel(histogram, market.paths, currency));
    }
  }

  const description =
    `${name}: the fee of each billing period in ${currency} as bars and the cumulative fees as a line` +
    (terminate
      ? `; below, the contract total for an early-termination notice by the ${terminate.by} on each date, against the committed value and the full term` +
        (market ? `; then the share of ${market.paths} simulated market paths whose first notice falls on each date, by party${histogram ? ', and the distribution of the contract total over them' : ''}.` : '.')
      : '.');

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    background: 'white',
    padding: PADDING,
    // The panels are laid out by their plot areas (flush), so the plots and their time axes line up.
    bounds: 'flush',
    spacing,
    // Read by render.ts: the SVG's exact size, and its <title> (the description becomes its <desc>).
    usermeta: {
      size: { width: CHART_WIDTH, height: chartHeight(panels) },
      title: `${name}: fees${terminate ? ' and early-termination exposure' : ''}${market ? ' against the market' : ''} (${currency})`,
    },
    config: {
      font: 'sans-serif',
      view: { stroke: null },
      axis: {
        labelFontSize: FONT,
        titleFontSize: FONT,
        labelColor: COLOURS.text,
        titleColor: COLOURS.text,
        titleFontWeight: 'normal',
        tickColor: '#888888',
        domainColor: '#888888',
        gridColor: '#e6e6e6',
      },
      title: {
        anchor: 'start',
        frame: 'group',
        fontSize: 14,
        subtitleFontSize: FONT,
        subtitleColor: COLOURS.subtitle,
        subtitlePadding: 4,
        offset: 12,
        limit: TITLE_LIMIT,
        color: '#111111',
      },
    },
    vconcat,
  } as unknown as TopLevelSpec;
}
