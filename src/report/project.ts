/** `project` results → Report (SPEC §4 JSON shape, in its key order). */
import { formatIsoDate } from '../model/calendar.js';
import { money } from '../model/money.js';
import type { Projection, ProjectedPeriod, Totals } from '../model/projection.js';
import type { Outcome } from '../model/termination.js';
import type { Scenario } from '../scenario/types.js';
import type { PeriodJson, ProjectJson, TotalsJson } from './documents.js';
import { record, type Field } from './fields.js';
import { group, percent } from './format.js';
import { scenarioHeader } from './header.js';
import { noticeOutcomeJson } from './outcome.js';
import type { Figure, Report, Row } from './report.js';

/** The fields of a billing period (SPEC §4 `periods`), declared once. */
export const PERIOD_FIELDS: readonly Field<ProjectedPeriod>[] = [
  { key: 'period', label: '#', kind: 'int', get: (p) => p.index },
  { key: 'start', label: 'Start', kind: 'date', get: (p) => p.start },
  { key: 'end', label: 'End', kind: 'date', get: (p) => p.end },
  { key: 'days', label: 'Days', kind: 'int', get: (p) => p.days },
  { key: 'period_length', label: 'Length', kind: 'int', get: (p) => p.length },
  { key: 'base', label: 'Base', kind: 'money', get: (p) => p.base },
  { key: 'discount', label: 'Discount', kind: 'money', get: (p) => p.discount },
  { key: 'fee', label: 'Fee', kind: 'money', get: (p) => p.fee },
  { key: 'payment_date', label: 'Paid on', kind: 'date', get: (p) => p.paymentDate },
  { key: 'discount_factor', label: 'DF', kind: 'factor', get: (p) => p.discountFactor },
  { key: 'pv', label: 'PV', kind: 'money', get: (p) => p.pv },
  { key: 'cumulative', label: 'Cumulative', kind: 'money', get: (p) => p.cumulative },
];

export function periodJson(p: ProjectedPeriod): PeriodJson {
  return record(PERIOD_FIELDS, p) as unknown as PeriodJson;
}

function totalsJson(t: Totals): TotalsJson {
  return { periods: t.periods, days: t.days, base: money(t.base), discount: money(t.discount), fee: money(t.fee), pv: money(t.pv) };
}

/** The `project` JSON; with a notice, `projection` is the terminated schedule and `termination` its outcome. */
export function projectJson(scenario: Scenario, projection: Projection, termination?: Outcome): ProjectJson {
  return {
    scenario: scenarioHeader(scenario),
    periods: projection.periods.map(periodJson),
    totals: totalsJson(projection.totals),
    termination: termination ? noticeOutcomeJson(termination) : null,
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
    columns: PERIOD_FIELDS,
    rows: json.periods as unknown as Row[],
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
