/** `project` results → Report (SPEC §4 JSON shape, in its key order). */
import { formatIsoDate } from '../model/calendar.js';
import { money } from '../model/money.js';
import { formatFactor } from '../model/valuation.js';
import type { Projection, ProjectedPeriod } from '../model/projection.js';
import type { Outcome } from '../model/termination.js';
import { percent } from '../scenario/values.js';
import type { Scenario } from '../scenario/types.js';
import { group } from './format.js';
import type { Column, Figure, Report, Row } from './report.js';
import { terminationJson } from './terminate.js';

export const PERIOD_COLUMNS: readonly Column[] = [
  { key: 'period', label: '#', kind: 'int' },
  { key: 'start', label: 'Start', kind: 'date' },
  { key: 'end', label: 'End', kind: 'date' },
  { key: 'days', label: 'Days', kind: 'int' },
  { key: 'period_length', label: 'Of', kind: 'int' },
  { key: 'base', label: 'Base', kind: 'money' },
  { key: 'discount', label: 'Discount', kind: 'money' },
  { key: 'fee', label: 'Fee', kind: 'money' },
  { key: 'payment_date', label: 'Paid on', kind: 'date' },
  { key: 'discount_factor', label: 'Disc. factor', kind: 'factor' },
  { key: 'pv', label: 'PV', kind: 'money' },
  { key: 'cumulative', label: 'Cumulative', kind: 'money' },
];

export function periodRow(p: ProjectedPeriod): Row {
  return {
    period: p.index,
    start: formatIsoDate(p.start),
    end: formatIsoDate(p.end),
    days: p.days,
    period_length: p.length,
    base: money(p.base),
    discount: money(p.discount),
    fee: money(p.fee),
    payment_date: formatIsoDate(p.paymentDate),
    discount_factor: formatFactor(p.discountFactor, 10),
    pv: money(p.pv),
    cumulative: money(p.cumulative),
  };
}

export function scenarioHeader(scenario: Scenario): { name: string; currency: string } {
  return { name: scenario.name, currency: scenario.currency };
}

/** The `project` JSON; with a notice, `projection` is the terminated schedule and `termination` its outcome. */
export function projectJson(scenario: Scenario, projection: Projection, termination?: Outcome): Record<string, unknown> {
  const t = projection.totals;
  return {
    scenario: scenarioHeader(scenario),
    periods: projection.periods.map(periodRow),
    totals: {
      periods: t.periods,
      days: t.days,
      base: money(t.base),
      discount: money(t.discount),
      fee: money(t.fee),
      pv: money(t.pv),
    },
    termination: termination ? terminationJson(termination) : null,
  };
}

export function projectReport(scenario: Scenario, projection: Projection, termination?: Outcome): Report {
  const json = projectJson(scenario, projection, termination);
  const t = projection.totals;
  const rate = scenario.valuation.discountRate;
  return {
    title: scenario.name,
    currency: scenario.currency,
    headline: [
      { label: termination?.effect ? 'Schedule total' : 'Full-term total', value: money(t.fee), kind: 'money' },
      {
        label: 'NPV',
        value: money(t.pv),
        kind: 'money',
        note: `at ${percent(rate)} a year, valued on ${formatIsoDate(scenario.valuation.date)}`,
      },
      { label: 'Periods', value: t.periods, kind: 'int' },
      {
        label: 'Service days',
        value: t.days,
        kind: 'int',
        note: `${formatIsoDate(scenario.term.start)} to ${formatIsoDate(termination?.effect ? termination.lastServiceDate : scenario.term.end)}`,
      },
      ...(termination ? terminationFigures(termination) : []),
    ],
    columns: PERIOD_COLUMNS,
    rows: json.periods as Row[],
    totals: {
      period: 'Total',
      days: t.days,
      base: money(t.base),
      discount: money(t.discount),
      fee: money(t.fee),
      pv: money(t.pv),
    },
    json,
  };
}

function terminationFigures(o: Outcome): Figure[] {
  const when = `notice on ${formatIsoDate(o.notice.date)} by the ${o.notice.by}`;
  if (!o.effect) {
    return [{ label: 'Notice', value: 'no effect', kind: 'text', note: `${when}: service would end ${formatIsoDate(o.lastServiceDate)}, after the term` }];
  }
  return [
    { label: 'Notice', value: formatIsoDate(o.notice.date), kind: 'date', note: `by the ${o.notice.by}; effective ${formatIsoDate(o.effectiveDate)}, last service ${formatIsoDate(o.lastServiceDate)}` },
    { label: 'Termination fee', value: money(o.terminationFee), kind: 'money', note: 'provider\'s point of view' },
    { label: 'Total', value: money(o.total), kind: 'money', note: `fees plus termination fee; NPV ${group(money(o.pv))}` },
    { label: 'Foregone', value: money(o.foregone), kind: 'money', note: 'against the full term' },
  ];
}
