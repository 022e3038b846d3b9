/**
 * The projection of a scenario: every billing period's cash flow, its
 * discount factor and present value, the running cumulative fee, and totals
 * that are sums of the rounded period amounts (so a spreadsheet's SUM of the
 * CSV gives the same figure to the cent).
 */
import type { Scenario } from '../scenario/types.js';
import { cashFlow, type CashFlow } from './cash-flows.js';
import { type Decimal, ZERO } from './money.js';
import { billingPeriods } from './schedule.js';
import { discounter, type Discounter } from './valuation.js';

export interface ProjectedPeriod extends CashFlow {
  readonly discountFactor: Decimal;
  readonly pv: Decimal;
  readonly cumulative: Decimal;
}

export interface Totals {
  readonly periods: number;
  readonly days: number;
  readonly base: Decimal;
  readonly discount: Decimal;
  readonly fee: Decimal;
  readonly pv: Decimal;
}

export interface Projection {
  readonly periods: readonly ProjectedPeriod[];
  readonly totals: Totals;
}

export function scenarioDiscounter(scenario: Scenario): Discounter {
  return discounter(scenario.valuation.discountRate, scenario.valuation.date);
}

/** Discount factor, PV and running cumulative for a list of cash flows. */
export function value(flows: readonly CashFlow[], d: Discounter): Projection {
  let cumulative = ZERO;
  let days = 0;
  let base = ZERO;
  let discount = ZERO;
  let pv = ZERO;
  const periods = flows.map((flow): ProjectedPeriod => {
    const discountFactor = d.factor(flow.paymentDate);
    const periodPv = d.presentValue(flow.fee, flow.paymentDate);
    cumulative = cumulative.plus(flow.fee);
    days += flow.days;
    base = base.plus(flow.base);
    discount = discount.plus(flow.discount);
    pv = pv.plus(periodPv);
    return { ...flow, discountFactor, pv: periodPv, cumulative };
  });
  return { periods, totals: { periods: periods.length, days, base, discount, fee: cumulative, pv } };
}

export function cashFlows(scenario: Scenario): CashFlow[] {
  const { term, pricing, billing } = scenario;
  return billingPeriods(term.start, term.end, billing.periods).map((p) => cashFlow(p, pricing, billing));
}

export function project(scenario: Scenario): Projection {
  return value(cashFlows(scenario), scenarioDiscounter(scenario));
}

