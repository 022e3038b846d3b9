/**
 * The data rows fed to Vega, made from the CLI's JSON. Each keeps the JSON
 * string beside the number: Number() is used only for plotting.
 */
import { percentText, plotNumber, shortAmount } from './format.js';
import type { ProjectJson, TerminateJson } from './json.js';
import { FONT, PLOT_HEIGHT } from './style.js';
import { isoDay, vegaTime } from './time.js';

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

/** One row per billing period, for the bars and the cumulative line of panel 1. */
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

/** One row per candidate notice date, for the outcome line of panel 2. */
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
      label: `Expected ${shortAmount(expected)} (${'probability' in e ? `${percentText(e.probability)} chance of a notice each month` : `${percentText(e.customer_monthly)} a month for the customer, ${percentText(e.provider_monthly)} for the provider`})`,
      side: 'left',
      above: !close || expected > full,
    });
  }
  return rules;
}
