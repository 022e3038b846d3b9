/**
 * The chart's size, plot sizes, font, colours and mark names. The sizes are
 * Vega's pixels; the colours and mark names are what the tests look for in
 * the SVG and the PNG.
 */

/** The SVG's width. */
export const CHART_WIDTH = 900;

/** The SVG's height: one panel, two with the termination exposure, three with the market's first notices. */
export function chartHeight(panels: 1 | 2 | 3 | 4): number {
  return [440, 860, 1280, 1700][panels - 1]!;
}

/** Around the whole chart, inside the SVG. */
export const PADDING = { left: 14, right: 14, top: 14, bottom: 10 } as const;
/** First guesses of the plot size; render.ts adjusts them so the chart fills its box. */
export const PLOT_WIDTH = 765;
export const PLOT_HEIGHT = 300;
/** Between the plots: panel 1's x axis, a gap, panel 2's title block (plus its subtitle lines). */
export const X_AXIS_ROOM = 40;
export const PANEL_GAP = 26;
export const TITLE_BLOCK = 30;
export const SUBTITLE_LINE = 14;
/** Subtitle lines are wrapped at this many characters, and titles limited to this many pixels (Vega's estimate). */
export const SUBTITLE_CHARS = 86;
export const TITLE_LIMIT = 760;

/** The font size of labels, axes and subtitles. */
export const FONT = 11;
/** The chart's colours (the tests look for them in the rendered PNG). */
export const COLOURS = {
  bar: '#4c78a8',
  cumulative: '#e45756',
  outcome: '#54a24b',
  full: '#555555',
  committed: '#e07b00',
  expected: '#8c5ba6',
  notice: '#d62728',
  noticeBand: '#f7cfcb',
  text: '#333333',
  subtitle: '#555555',
  customerExit: '#4c78a8',
  providerExit: '#f58518',
} as const;

/** Names of the layers; Vega-Lite names their marks `<name>_marks`, a class of the mark's <g> in the SVG. */
export const MARK = {
  bars: 'fee_bars',
  cumulative: 'cumulative_line',
  noticeBand: 'notice_band',
  lastService: 'last_service_rule',
  lastServiceLabel: 'last_service_label',
  outcomes: 'outcome_line',
  rules: 'value_rules',
  ruleLabels: 'value_rule_labels',
  yourNotice: 'notice_point',
  yourNoticeLabel: 'notice_point_label',
  firstNotice: 'first_notice_bars',
  firstNoticeProvider: 'first_notice_provider_bars',
  distribution: 'total_distribution_bars',
} as const;
