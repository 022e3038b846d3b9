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
 */
import type { TopLevelSpec } from 'vega-lite';
import { endOfMonth, fromYmd, parseIsoDate, toYmd, type Day } from '../model/calendar.js';

// ---------------------------------------------------------------------------
// The parts of the CLI's JSON that the chart reads (SPEC §4).

export interface ScenarioHeaderJson {
  readonly name: string;
  readonly currency: string;
}

export interface PeriodJson {
  readonly period: number;
  readonly start: string;
  readonly end: string;
  readonly days: number;
  readonly period_length: number;
  readonly fee: string;
  readonly cumulative: string;
}

/** The `termination` block of `project --notice`. */
export interface NoticeOutcomeJson {
  readonly notice_date: string;
  readonly by: string;
  readonly effective_date: string;
  readonly last_service_date: string;
  readonly effect: boolean;
  readonly fees: string;
  readonly termination_fee: string;
  readonly total: string;
  readonly foregone: string;
  readonly service_days: number;
}

/** `project --format json`; `termination` is set with `--notice`. */
export interface ProjectJson {
  readonly scenario: ScenarioHeaderJson;
  readonly periods: readonly PeriodJson[];
  readonly totals: { readonly periods: number; readonly days: number; readonly fee: string; readonly pv: string };
  readonly termination: NoticeOutcomeJson | null;
}

export interface OutcomeJson {
  readonly notice_date: string;
  readonly effective_date: string;
  readonly last_service_date: string;
  readonly effect: boolean;
  readonly service_days: number;
  readonly fees: string;
  readonly termination_fee: string;
  readonly total: string;
  readonly foregone: string;
  readonly pv: string;
}

/** The monthly `terminate --format json`. */
export interface TerminateJson {
  readonly scenario: ScenarioHeaderJson;
  readonly by: string;
  readonly full_term: { readonly total: string; readonly pv: string };
  readonly committed: { readonly notice_date: string; readonly total: string; readonly pv: string; readonly share: string | null };
  readonly expected: { readonly probability: string; readonly total: string; readonly pv: string } | null;
  readonly outcomes: readonly OutcomeJson[];
}

// ---------------------------------------------------------------------------
// Size and style.

export const CHART_WIDTH = 900;

/** The SVG's height: one panel, or two with the termination exposure. */
export function chartHeight(panels: 1 | 2): number {
  return panels === 1 ? 440 : 860;
}

const PADDING = { left: 14, right: 14, top: 14, bottom: 10 } as const;
/** First guesses of the plot size; render.ts adjusts them so the chart fills its box. */
const PLOT_WIDTH = 765;
const PLOT_HEIGHT = 300;
/** Between the plots: panel 1's x axis, a gap, panel 2's title block (plus its subtitle lines). */
const X_AXIS_ROOM = 40;
const PANEL_GAP = 26;
const TITLE_BLOCK = 30;
const SUBTITLE_LINE = 14;
/** Subtitle lines are wrapped at this many characters, and titles limited to this many pixels (Vega's estimate). */
const SUBTITLE_CHARS = 86;
const TITLE_LIMIT = 760;

const FONT = 11;
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
} as const;

// ---------------------------------------------------------------------------
// Small pure helpers.

/**
 * A calendar day as Vega's time: the UTC timestamp of its midnight (never
 * local time), in epoch milliseconds. The one place where days become
 * milliseconds: all date arithmetic is done on day numbers before.
 */
export function vegaTime(day: Day): number {
  return day * 86_400_000;
}

/** The day number of an ISO calendar date in the CLI's JSON. */
export function isoDay(iso: string): Day {
  const parsed = parseIsoDate(iso);
  if (!parsed.ok) throw new Error(`chart: not an ISO date: ${JSON.stringify(iso)}`);
  return parsed.day;
}

/** The first day of the month that contains `day`. */
function monthStart(day: Day): Day {
  return day - toYmd(day).day + 1;
}

/** Whole calendar months from the month of `from` to the month of `to`. */
function monthsBetween(from: Day, to: Day): number {
  const a = toYmd(from);
  const b = toYmd(to);
  return (b.year - a.year) * 12 + b.month - a.month;
}

/** A money string ("625000000.00") as a number, for plotting only. */
export function plotNumber(money: string): number {
  const n = Number(money);
  if (money.trim() === '' || !Number.isFinite(n)) throw new Error(`chart: not an amount: ${JSON.stringify(money)}`);
  return n;
}

const UNITS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** A short, locale-free amount: 1.25B, 625M, 2.42B, 12.5K, 0. */
export function shortAmount(value: number): string {
  const abs = Math.abs(value);
  for (const [size, suffix] of UNITS) {
    if (abs >= size) return `${trimZeros((value / size).toFixed(2))}${suffix}`;
  }
  return trimZeros(value.toFixed(2));
}

function trimZeros(text: string): string {
  const t = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return t === '-0' ? '0' : t;
}

/** A share ("0.0553") as a percentage ("5.53%"). */
function percentText(share: string): string {
  return `${trimZeros((Number(share) * 100).toFixed(2))}%`;
}

/** Vega expression for axis labels in the same short style. */
const SHORT_LABEL =
  "abs(datum.value) >= 1e12 ? format(datum.value / 1e12, '.3~f') + 'T'" +
  " : abs(datum.value) >= 1e9 ? format(datum.value / 1e9, '.3~f') + 'B'" +
  " : abs(datum.value) >= 1e6 ? format(datum.value / 1e6, '.3~f') + 'M'" +
  " : abs(datum.value) >= 1e3 ? format(datum.value / 1e3, '.3~f') + 'K'" +
  " : format(datum.value, '.2~f')";

/** Vega expression for time axis labels: the year in January, else the month ("2027", "Apr"), in UTC. */
const MONTH_LABEL = "utcFormat(datum.value, '%m') === '01' ? utcFormat(datum.value, '%Y') : utcFormat(datum.value, '%b')";

/** Words wrapped into lines of at most `width` characters (a longer word gets its own line). */
export function wrap(text: string, width = SUBTITLE_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

// ---------------------------------------------------------------------------
// Data rows fed to Vega. Each keeps the JSON string beside the number.

export interface PeriodDatum {
  readonly period: number;
  /** UTC timestamps of the period's first day, of the day after its last day, and of its middle. */
  readonly start: number;
  readonly end: number;
  readonly middle: number;
  readonly start_date: string;
  readonly end_date: string;
  readonly days: number;
  readonly fee: number;
  readonly fee_text: string;
  readonly cumulative: number;
  readonly cumulative_text: string;
  /** Accessible description of the bar. */
  readonly label: string;
}

export interface OutcomeDatum {
  /** UTC timestamp of the notice date. */
  readonly notice: number;
  readonly notice_date: string;
  readonly last_service_date: string;
  readonly effect: boolean;
  readonly total: number;
  readonly total_text: string;
  readonly label: string;
}

export type RuleKey = 'full_term' | 'committed' | 'expected';

export interface RuleDatum {
  readonly key: RuleKey;
  readonly value: number;
  readonly value_text: string;
  readonly label: string;
  /** Where the label sits: at the left or right end of the rule, above or below it. */
  readonly side: 'left' | 'right';
  readonly above: boolean;
}

export function periodData(project: ProjectJson): PeriodDatum[] {
  const currency = project.scenario.currency;
  return project.periods.map((p) => {
    const start = vegaTime(isoDay(p.start));
    const end = vegaTime(isoDay(p.end) + 1);
    return {
    period: p.period,
    start,
    end,
    middle: (start + end) / 2,
    start_date: p.start,
    end_date: p.end,
    days: p.days,
    fee: plotNumber(p.fee),
    fee_text: p.fee,
    cumulative: plotNumber(p.cumulative),
    cumulative_text: p.cumulative,
    label: `Period ${p.period}, ${p.start} to ${p.end} (${p.days} of ${p.period_length} days): fee ${p.fee} ${currency}, cumulative ${p.cumulative} ${currency}`,
    };
  });
}

export function outcomeData(terminate: TerminateJson): OutcomeDatum[] {
  const currency = terminate.scenario.currency;
  return terminate.outcomes.map((o) => ({
    notice: vegaTime(isoDay(o.notice_date)),
    notice_date: o.notice_date,
    last_service_date: o.last_service_date,
    effect: o.effect,
    total: plotNumber(o.total),
    total_text: o.total,
    label: o.effect
      ? `Notice on ${o.notice_date}: last service ${o.last_service_date}, contract total ${o.total} ${currency}`
      : `Notice on ${o.notice_date}: no effect, full term ${o.total} ${currency}`,
  }));
}

/**
 * The horizontal rules of panel 2 and where their labels go. The outcome
 * line rises from the committed value (left) towards the full term (right),
 * so the committed label sits at the right end, above its rule, and the
 * full-term and expected labels at the left end, where the line is low:
 * the full-term label under its rule, the expected label above its own,
 * or, when those two rules are too close for that, the other way round.
 */
export function ruleData(terminate: TerminateJson): RuleDatum[] {
  const c = terminate.committed;
  const full = plotNumber(terminate.full_term.total);
  const committed = plotNumber(c.total);
  const totals = terminate.outcomes.map((o) => plotNumber(o.total));
  const top = Math.max(full, committed, ...totals, 0);
  const bottom = Math.min(full, committed, ...totals, 0);
  /** Two label heights, in the units of the y axis. */
  const room = top > bottom ? ((2 * (FONT + 4)) / PLOT_HEIGHT) * (top - bottom) : Infinity;
  const expected = terminate.expected ? plotNumber(terminate.expected.total) : undefined;
  const close = expected !== undefined && Math.abs(full - expected) < room;
  const share = c.share === null ? '' : `, ${percentText(c.share)} of the full term`;
  const rules: RuleDatum[] = [
    { key: 'full_term', value: full, value_text: terminate.full_term.total, label: `Full term ${shortAmount(full)}`, side: 'left', above: close && full >= (expected ?? 0) },
    {
      key: 'committed',
      value: committed,
      value_text: c.total,
      label: `Committed ${shortAmount(committed)} (notice on ${c.notice_date}${share})`,
      side: 'right',
      above: true,
    },
  ];
  if (terminate.expected && expected !== undefined) {
    const e = terminate.expected;
    rules.push({
      key: 'expected',
      value: expected,
      value_text: e.total,
      label: `Expected ${shortAmount(expected)} (${percentText(e.probability)} chance of a notice each month)`,
      side: 'left',
      above: !close || expected > full,
    });
  }
  return rules;
}

// ---------------------------------------------------------------------------
// The spec.

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
} as const;

const PLACES: readonly (readonly ['left' | 'right', boolean])[] = [
  ['left', true],
  ['left', false],
  ['right', true],
  ['right', false],
];

/** The months both panels show: from the first day of the first to the first day after the last. */
interface Domain {
  readonly from: Day;
  readonly to: Day;
}

/**
 * The Vega-Lite spec of the chart; `terminate` is null when nobody may
 * terminate, and the chart then has one panel. `usermeta.size` is the SVG's
 * exact size.
 */
export function chartSpec(project: ProjectJson, terminate: TerminateJson | null): TopLevelSpec {
  const panels: 1 | 2 = terminate ? 2 : 1;
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
  }

  const description =
    `${name}: the fee of each billing period in ${currency} as bars and the cumulative fees as a line` +
    (terminate
      ? `; below, the contract total for an early-termination notice by the ${terminate.by} on each date, against the committed value and the full term.`
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
      title: `${name}: fees${terminate ? ' and early-termination exposure' : ''} (${currency})`,
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

/** One time domain for both panels, in whole months, so their x axes line up. */
function timeDomain(project: ProjectJson, terminate: TerminateJson | null): Domain {
  const notices = (terminate?.outcomes ?? []).map((o) => isoDay(o.notice_date));
  const starts = [...project.periods.map((p) => isoDay(p.start)), ...notices];
  const ends = [...project.periods.map((p) => isoDay(p.end)), ...notices];
  const n = project.termination;
  if (n) starts.push(isoDay(n.notice_date));
  if (n?.effect) ends.push(isoDay(n.last_service_date));
  if (starts.length === 0) return { from: fromYmd(2000, 1, 1), to: fromYmd(2000, 2, 1) };
  return { from: monthStart(Math.min(...starts)), to: endOfMonth(Math.max(...ends, ...starts)) + 1 };
}

/**
 * The shared time scale. The domain goes in as `domainRaw`, plain UTC
 * timestamps that Vega uses as they are: Vega-Lite's own `domain` is mangled
 * when a layer has an `x2` channel (part is converted to dates, part not),
 * which it reports as a conflict.
 */
function xScale(domain: Domain): Record<string, unknown> {
  return { type: 'utc', nice: false, domainRaw: { expr: `[${vegaTime(domain.from)}, ${vegaTime(domain.to)}]` } };
}

/** A time axis with a tick every 1, 2, 3, 6, 12… months: at most about 16 labels. */
function xAxis(title: string, domain: Domain): Record<string, unknown> {
  const months = monthsBetween(domain.from, domain.to);
  const step = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600].find((s) => months / s <= 16) ?? 1200;
  const tickCount = step >= 12 ? { interval: 'year', step: step / 12 } : { interval: 'month', step };
  return { title, tickCount, labelExpr: MONTH_LABEL, labelOverlap: true, grid: false, labelFlush: true };
}

function feePanel(project: ProjectJson, periods: readonly PeriodDatum[], domain: Domain): Record<string, unknown> {
  const { name, currency } = project.scenario;
  const t = project.totals;
  const first = project.periods[0];
  const last = project.periods[project.periods.length - 1];
  const span = first && last ? ` from ${first.start} to ${last.end}` : '';
  const n = project.termination;
  const totalLabel = n?.effect ? 'Fees until the last service day' : 'Total fees';
  const lines = [`${totalLabel}: ${shortAmount(plotNumber(t.fee))} ${currency} in ${t.periods} billing period${t.periods === 1 ? '' : 's'}${span}.`];
  if (n) lines.push(noticeText(n, currency));

  // Each bar spans its period, from its first day to the end of its last, less a small gap on each side.
  const x = { field: 'start', type: 'temporal', scale: xScale(domain), axis: xAxis('Billing period', domain) };
  const inset = barInset(periods, domain);
  const notice = n?.effect ? noticeLayers(n, domain) : undefined;
  // The bars and the line use the panel's data; the notice layers bring their own.
  const layers: unknown[] = [
    ...(notice ? [notice.band] : []),
        {
          name: MARK.bars,
          mark: { type: 'rect', color: COLOURS.bar, xOffset: inset, x2Offset: -inset },
          encoding: {
            x,
            x2: { field: 'end' },
            y2: { datum: 0 },
            y: {
              field: 'fee',
              type: 'quantitative',
              scale: { zero: true },
              axis: { title: `Fee per period (${currency})`, labelExpr: SHORT_LABEL, titleColor: COLOURS.bar, tickCount: 6 },
            },
            description: { field: 'label' },
          },
        },
        {
          name: MARK.cumulative,
          mark: { type: 'line', color: COLOURS.cumulative, strokeWidth: 2.5, point: { filled: true, size: 20, color: COLOURS.cumulative } },
          encoding: {
            x: { field: 'middle', type: 'temporal' },
            y: {
              field: 'cumulative',
              type: 'quantitative',
              scale: { zero: true },
              axis: { title: `Cumulative fees (${currency})`, labelExpr: SHORT_LABEL, titleColor: COLOURS.cumulative, orient: 'right', grid: false, tickCount: 6 },
            },
            description: { field: 'label' },
          },
        },
  ];
  if (notice) layers.push(...notice.marks);

  return {
    title: { text: `${name}: fees (${currency})`, subtitle: lines.flatMap((l) => wrap(l)) },
    data: { values: periods },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    layer: layers,
    resolve: { scale: { y: 'independent' } },
  };
}

function noticeText(n: NoticeOutcomeJson, currency: string): string {
  const when = `Notice on ${n.notice_date} by the ${n.by}`;
  if (!n.effect) return `${when} has no effect: service would end on ${n.last_service_date}, after the term.`;
  const fee = plotNumber(n.termination_fee);
  const feeText = fee === 0 ? '' : `; termination fee ${shortAmount(fee)}, contract total ${shortAmount(plotNumber(n.total))}`;
  return `${when}: last service day ${n.last_service_date}${feeText}; ${shortAmount(plotNumber(n.foregone))} ${currency} foregone.`;
}

/** The gap, in pixels, left on each side of a bar: about a tenth of a month, less for very short periods. */
function barInset(periods: readonly PeriodDatum[], domain: Domain): number {
  // in Vega's milliseconds, like the bars' ends; an average month is 30.44 days
  const pixelsPerMs = PLOT_WIDTH / (vegaTime(domain.to) - vegaTime(domain.from));
  const month = vegaTime(30.44) * pixelsPerMs;
  const shortest = Math.min(...periods.map((p) => (p.end - p.start) * pixelsPerMs));
  return Math.round(Math.max(0, Math.min(month * 0.1, shortest * 0.2, 4)) * 10) / 10;
}

/** The notice period shaded from the notice date to the effective date (drawn under the bars), and a rule where service stops. */
function noticeLayers(n: NoticeOutcomeJson, domain: Domain): { band: unknown; marks: unknown[] } {
  const stop = isoDay(n.effective_date); // the end of the last service day
  const row = {
    notice: vegaTime(Math.max(isoDay(n.notice_date), domain.from)),
    stop: vegaTime(stop),
    label: `Last service day ${n.last_service_date}`,
  };
  // The label goes right of the rule, where no bar is left after the notice: across the top of the
  // plot when there is room for it (by Vega's generous estimate of its width), else up along the rule.
  const room = ((domain.to - stop) / (domain.to - domain.from)) * PLOT_WIDTH;
  const across = room >= estimatedWidth(row.label) + 8;
  // No scale here: these layers share the bars' x scale, whose domain is set there.
  const x = { field: 'stop', type: 'temporal' };
  const band = {
      data: { values: [row] },
      name: MARK.noticeBand,
          mark: { type: 'rect', color: COLOURS.noticeBand, opacity: 0.7 },
      encoding: {
        x: { field: 'notice', type: 'temporal' },
        x2: { field: 'stop' },
        description: { value: `Notice period from ${n.notice_date} to ${n.last_service_date}` },
      },
    };
  const marks = [
    {
      data: { values: [row] },
      name: MARK.lastService,
          mark: { type: 'rule', color: COLOURS.notice, strokeWidth: 2, strokeDash: [6, 3] },
      encoding: { x, description: { value: `Last service day ${n.last_service_date}` } },
    },
    {
      data: { values: [row] },
      name: MARK.lastServiceLabel,
      mark: {
        type: 'text',
        // The rule or point beside it carries the same words for screen readers; Vega-Lite's default
        // description of this mark would format its date in local time.
        aria: false,
        color: COLOURS.notice,
        fontSize: FONT,
        fontWeight: 'bold',
        ...(across ? { align: 'left', baseline: 'top', dx: 5, y: 4 } : { angle: 270, align: 'right', baseline: 'top', dy: 4, y: 4 }),
      },
      encoding: { x, text: { field: 'label' } },
    },
  ];
  return { band, marks };
}

function exposurePanel(project: ProjectJson, terminate: TerminateJson, outcomes: readonly OutcomeDatum[], domain: Domain): Record<string, unknown> {
  const currency = terminate.scenario.currency;
  const rules = ruleData(terminate);
  const x = { field: 'notice', type: 'temporal', scale: xScale(domain), axis: xAxis(`Notice date (notice by the ${terminate.by})`, domain) };
  const y = { field: 'total', type: 'quantitative', axis: { title: `Contract total (${currency})`, labelExpr: SHORT_LABEL, tickCount: 6 } };
  const ruleColour = {
    field: 'key',
    type: 'nominal',
    scale: { domain: ['full_term', 'committed', 'expected'], range: [COLOURS.full, COLOURS.committed, COLOURS.expected] },
    legend: null,
  };
  const ruleY = { field: 'value', type: 'quantitative' };
  const labelLayer = (side: 'left' | 'right', above: boolean): unknown => ({
    transform: [{ filter: `datum.side === '${side}' && datum.above === ${above}` }],
    name: `${MARK.ruleLabels}_${side}_${above ? 'above' : 'below'}`,
    mark: {
      type: 'text',
      aria: false,
      align: side,
      baseline: above ? 'bottom' : 'top',
      x: side === 'left' ? 0 : 'width',
      dx: side === 'left' ? 4 : -4,
      dy: above ? -3 : 3,
      fontSize: FONT,
      fontWeight: 'bold',
    },
    encoding: { y: ruleY, text: { field: 'label' }, color: ruleColour },
  });
  const layers: unknown[] = [
    {
      data: { values: rules },
      layer: [
        {
          name: MARK.rules,
          mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [5, 4] },
          encoding: { y: ruleY, color: ruleColour, description: { field: 'label' } },
        },
        ...PLACES.filter(([side, above]) => rules.some((r) => r.side === side && r.above === above)).map(([side, above]) => labelLayer(side, above)),
      ],
    },
    {
      data: { values: outcomes },
      name: MARK.outcomes,
          mark: { type: 'line', color: COLOURS.outcome, strokeWidth: 2.5, point: { filled: true, size: 30, color: COLOURS.outcome } },
      encoding: { x, y, description: { field: 'label' } },
    },
  ];
  const n = project.termination;
  if (n) {
    const at = vegaTime(isoDay(n.notice_date));
    const total = plotNumber(n.total);
    const label = `Notice on ${n.notice_date}: ${shortAmount(total)}`;
    const place = noticeLabelPlace({ at, total, label }, outcomes, rules, domain);
    layers.push({
      data: { values: [{ notice: at, total, label }] },
      layer: [
        {
          name: MARK.yourNotice,
          mark: { type: 'point', filled: true, size: 110, shape: 'diamond', color: COLOURS.notice, opacity: 1 },
          encoding: { x, y, description: { field: 'label' } },
        },
        {
          name: MARK.yourNoticeLabel,
          mark: {
            type: 'text',
            aria: false,
            align: place.right ? 'left' : 'right',
            dx: place.right ? 9 : -9,
            dy: place.below ? 7 : -7,
            baseline: place.below ? 'top' : 'bottom',
            fontSize: FONT,
            fontWeight: 'bold',
            color: COLOURS.notice,
          },
          encoding: { x, y, text: { field: 'label' } },
        },
      ],
    });
  }
  const full = shortAmount(plotNumber(terminate.full_term.total));
  return {
    title: {
      text: `Early termination: contract total by notice date (${currency})`,
      subtitle: wrap(`Fees until the last service day plus any termination fee, for a notice by the ${terminate.by} on each date; the full term is ${full} ${currency}.`),
    },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    layer: layers,
  };
}

// ---------------------------------------------------------------------------
// Placing the label of the notice point in panel 2 where nothing else is,
// on an approximate pixel grid of the plot (the final plot size differs by a
// few pixels at most).

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A label's width in pixels as Vega estimates it (0.8 em a character), which bounds the real one. */
function estimatedWidth(text: string): number {
  return 0.8 * FONT * text.length;
}

/** The upper end of a zero-based linear domain after Vega's `nice` (d3's tick step for about 10 ticks). */
function niceTop(max: number): number {
  if (!(max > 0)) return 1;
  const step = max / 10;
  const power = 10 ** Math.floor(Math.log10(step));
  const error = step / power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  const tick = factor * power;
  return Math.ceil(max / tick) * tick;
}

function niceBottom(min: number): number {
  return min >= 0 ? 0 : -niceTop(-min);
}

/** Whether the segment from a to b passes through the box. */
function crosses(a: readonly [number, number], b: readonly [number, number], box: Box): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 2));
  for (let i = 0; i <= steps; i += 1) {
    const x = a[0] + ((b[0] - a[0]) * i) / steps;
    const y = a[1] + ((b[1] - a[1]) * i) / steps;
    if (x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1) return true;
  }
  return false;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Where the label of the notice point goes: right or left of the point,
 * below or above it, the first of the four that stays inside the plot and
 * clear of the outcome line, the rules and their labels (or else the one
 * inside the plot that hits the fewest of them).
 */
export function noticeLabelPlace(
  point: { at: number; total: number; label: string },
  outcomes: readonly OutcomeDatum[],
  rules: readonly RuleDatum[],
  domain: Domain,
): { right: boolean; below: boolean } {
  const values = [point.total, ...outcomes.map((o) => o.total), ...rules.map((r) => r.value), 0];
  const top = niceTop(Math.max(...values));
  const bottom = niceBottom(Math.min(...values));
  const from = vegaTime(domain.from);
  const span = vegaTime(domain.to) - from;
  const px = (t: number): number => ((t - from) / span) * PLOT_WIDTH;
  const py = (v: number): number => PLOT_HEIGHT - ((v - bottom) / (top - bottom || 1)) * PLOT_HEIGHT;
  const x = px(point.at);
  const y = py(point.total);
  const w = estimatedWidth(point.label);
  const h = FONT + 2;
  const line = outcomes.map((o) => [px(o.notice), py(o.total)] as const);
  const ruleBoxes = rules.map((r): Box => {
    const rw = estimatedWidth(r.label);
    const ry = py(r.value);
    const [y0, y1] = r.above ? [ry - 3 - h, ry - 3] : [ry + 3, ry + 3 + h];
    return r.side === 'left' ? { x0: 4, y0, x1: 4 + rw * 0.75, y1 } : { x0: PLOT_WIDTH - 4 - rw * 0.75, y0, x1: PLOT_WIDTH - 4, y1 };
  });
  const candidates = [
    { right: true, below: true },
    { right: false, below: false },
    { right: true, below: false },
    { right: false, below: true },
  ];
  let best = candidates[0] as { right: boolean; below: boolean };
  let fewest = Infinity;
  for (const c of candidates) {
    const x0 = c.right ? x + 9 : x - 9 - w;
    const y0 = c.below ? y + 7 : y - 7 - h;
    // Real glyphs are about three quarters of Vega's estimate: the line and the labels are tested against that.
    const box: Box = { x0: c.right ? x0 : x0 + w * 0.25, y0, x1: c.right ? x0 + w * 0.75 : x0 + w, y1: y0 + h };
    let hits = 0;
    // Outside the plot is worst: the label would widen the chart's bounds and squeeze the plots.
    if (x0 < 0 || x0 + w > PLOT_WIDTH || y0 < 0 || y0 + h > PLOT_HEIGHT) hits += 100;
    for (let i = 1; i < line.length; i += 1) if (crosses(line[i - 1] as [number, number], line[i] as [number, number], box)) hits += 1;
    for (const r of rules) if (py(r.value) >= box.y0 && py(r.value) <= box.y1) hits += 1;
    for (const rb of ruleBoxes) if (overlaps(rb, box)) hits += 1;
    if (hits === 0) return c;
    if (hits < fewest) {
      fewest = hits;
      best = c;
    }
  }
  return best;
}
