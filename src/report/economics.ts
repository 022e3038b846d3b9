/** `economics` results → Report (SPEC §9 JSON, in its key order), and the headline for people. */
import { formatIsoDate, type Day } from '../model/calendar.js';
import type { Economics, EconomicsPeriod } from '../model/economics.js';
import type { EconomicTermination } from '../model/economic-sweep.js';
import { Decimal, fixed, money, type Cents } from '../model/money.js';
import { formatIrr } from '../model/irr.js';
import type { Scenario } from '../scenario/types.js';
import { record, type Field } from './fields.js';
import { group, percent } from './format.js';
import { scenarioHeader } from './header.js';
import type { Figure, Report, Row } from './report.js';

/** MWh half up to 3 decimals. */
const mwh = (value: Decimal | null): string | null => (value === null ? null : fixed(value, 3));

/** A price exactly, with at least 2 decimals: "66.3" → "66.30", "66.123" stays. */
export function exactPrice(value: Decimal | null): string | null {
  if (value === null) return null;
  const text = value.toFixed();
  const dot = text.indexOf('.');
  if (dot < 0) return `${text}.00`;
  return text.length - dot - 1 < 2 ? text.padEnd(dot + 3, '0') : text;
}

export const ECONOMICS_FIELDS: readonly Field<EconomicsPeriod>[] = [
  { key: 'period', label: '#', kind: 'int', get: (p) => p.flow.index },
  { key: 'start', label: 'Start', kind: 'date', get: (p) => p.flow.start },
  { key: 'end', label: 'End', kind: 'date', get: (p) => p.flow.end },
  { key: 'days', label: 'Days', kind: 'int', get: (p) => p.flow.days },
  { key: 'fee', label: 'Fee', kind: 'money', get: (p) => p.flow.fee },
  { key: 'energy_mwh', label: 'Energy MWh', kind: 'decimal', get: (p) => mwh(p.energy) as string },
  { key: 'power_price', label: 'Power price', kind: 'decimal', get: (p) => exactPrice(p.powerPrice) as string },
  { key: 'power_cost', label: 'Power cost', kind: 'money', get: (p) => p.powerCost },
  { key: 'operating_cost', label: 'Operating', kind: 'money', get: (p) => p.operating },
  { key: 'cost', label: 'Cost', kind: 'money', get: (p) => p.cost },
  { key: 'margin', label: 'Margin', kind: 'money', get: (p) => p.margin },
  { key: 'payment_date', label: 'Paid on', kind: 'date', get: (p) => p.flow.paymentDate },
  { key: 'cost_date', label: 'Costs on', kind: 'date', get: (p) => p.costDate },
];

const dateOrNull = (day: Day | null): string | null => (day === null ? null : formatIsoDate(day));
const moneyOrNull = (cents: Cents | null): string | null => (cents === null ? null : money(cents));

function terminationJson(t: EconomicTermination | null): unknown {
  if (!t) return null;
  if (t.kind === 'notice') {
    return {
      notice_date: formatIsoDate(t.noticeDate),
      by: t.by,
      effective_date: formatIsoDate(t.effectiveDate),
      termination_fee: money(t.terminationFee),
      net: money(t.net),
      net_pv: money(t.netPv),
    };
  }
  return {
    by: t.by,
    committed_net: money(t.committed.net),
    committed_net_pv: money(t.committed.netPv),
    break_even_notice_date: dateOrNull(t.breakEven),
    outcomes: t.outcomes.map((o) => ({ notice_date: formatIsoDate(o.noticeDate), net: money(o.net), net_pv: money(o.netPv) })),
  };
}

export function economicsJson(scenario: Scenario, e: Economics, termination: EconomicTermination | null): Record<string, unknown> {
  let cumulative = 0n;
  const t = e.totals;
  return {
    scenario: scenarioHeader(scenario),
    periods: e.periods.map((p) => record(ECONOMICS_FIELDS, p)),
    capital: e.capital.map((c) => ({ date: formatIsoDate(c.date), amount: money(c.amount) })),
    cash: e.cash.map((c) => {
      cumulative += c.net;
      return { date: formatIsoDate(c.date), net: money(c.net), cumulative: money(cumulative) };
    }),
    totals: {
      fee: money(t.fee),
      energy_mwh: mwh(t.energy),
      power_cost: money(t.powerCost),
      operating_cost: money(t.operating),
      cost: money(t.cost),
      margin: money(t.margin),
      capital: money(t.capital),
      net: money(t.net),
    },
    margin_share: e.marginShare === null ? null : fixed(e.marginShare, 4),
    npv: money(e.npv),
    irr: e.irr === null ? null : formatIrr(e.irr),
    payback_date: dateOrNull(e.paybackDate),
    price_per_mw_month: moneyOrNull(e.pricePerMwMonth),
    revenue_per_mwh: moneyOrNull(e.revenuePerMwh),
    termination: terminationJson(termination),
  };
}

const amount = (cents: Cents): string => group(money(cents));

export function economicsReport(scenario: Scenario, e: Economics, termination: EconomicTermination | null): Report {
  const json = economicsJson(scenario, e, termination);
  const t = e.totals;
  const share = e.marginShare === null ? 'no fees' : `${fixed(e.marginShare.times(100), 2)}% of fees`;
  const headline: Figure[] = [
    { label: 'Revenue', value: money(t.fee), kind: 'money', note: termination?.kind === 'notice' ? 'fees of the schedule cut by the notice' : 'fees over the term' },
    { label: 'Costs', value: money(t.cost), kind: 'money', note: `power ${amount(t.powerCost)}, operating ${amount(t.operating)}` },
    { label: 'Margin', value: money(t.margin), kind: 'money', note: share },
    { label: 'Capital', value: money(t.capital), kind: 'money' },
    { label: 'Net cash', value: money(t.net), kind: 'money', note: 'fees − costs − capital' + (termination?.kind === 'notice' ? ' + termination fee' : '') },
    { label: 'NPV', value: money(e.npv), kind: 'money', note: `at ${percent(scenario.valuation.discountRate)} a year, valued on ${formatIsoDate(scenario.valuation.date)}` },
    { label: 'IRR', value: e.irr === null ? 'none' : `${new Decimal(formatIrr(e.irr)).times(100).toFixed(4)}%`, kind: 'text', note: e.irr === null ? 'the net cash never changes sign, or no rate above -99.99% balances it' : 'a year, over the dated net cash (XIRR)' },
    { label: 'Payback', value: e.paybackDate === null ? 'never' : formatIsoDate(e.paybackDate), kind: 'text', note: 'the cumulative net cash is ≥ 0 from then on' },
  ];
  if (termination?.kind === 'sweep') {
    headline.push(
      { label: 'Committed net', value: money(termination.committed.net), kind: 'money', note: `a notice on ${formatIsoDate(termination.committed.noticeDate)} by the ${termination.by}, NPV ${amount(termination.committed.netPv)}` },
      { label: 'Break-even notice', value: termination.breakEven === null ? 'none' : formatIsoDate(termination.breakEven), kind: 'text', note: 'the earliest notice date from which every later notice leaves the provider net ≥ 0' },
    );
  }
  if (termination?.kind === 'notice') {
    headline.push({ label: 'Notice', value: formatIsoDate(termination.noticeDate), kind: 'date', note: `by the ${termination.by}, effective ${formatIsoDate(termination.effectiveDate)}; termination fee ${amount(termination.terminationFee)} (provider's view)` });
  }
  return {
    title: `${scenario.name}: the provider's economics`,
    currency: scenario.currency,
    headline,
    columns: ECONOMICS_FIELDS,
    rows: e.periods.map((p): Row => record(ECONOMICS_FIELDS, p)),
    totals: {
      period: 'Total',
      days: e.periods.reduce((n, p) => n + p.flow.days, 0),
      fee: money(t.fee),
      energy_mwh: mwh(t.energy),
      power_cost: money(t.powerCost),
      operating_cost: money(t.operating),
      cost: money(t.cost),
      margin: money(t.margin),
    },
    json,
  };
}
