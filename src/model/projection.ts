/**
 * The projection of a scenario: every billing period's cash flow, its
 * discount factor and present value, the running cumulative fee, and totals
 * that are sums of the rounded period amounts (so a spreadsheet's SUM of the
 * CSV gives the same figure to the cent).
 */
import type { Scenario } from '../scenario/types.js';
import { cashFlow, type CashFlow } from './cash-flows.js';
import type { Cents } from './money.js';
import { billingPeriods } from './schedule.js';
import { discounter, type Discounter, type Factor } from './valuation.js';

export interface ProjectedPeriod extends CashFlow {
  readonly discountFactor: Factor;
  readonly pv: Cents;
  readonly cumulative: Cents;
}

export interface Totals {
  readonly periods: number;
  readonly days: number;
  readonly base: Cents;
  readonly discount: Cents;
  readonly fee: Cents;
  readonly pv: Cents;
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
  let cumulative = 0n;
  let days = 0;
  let base = 0n;
  let discount = 0n;
  let pv = 0n;
  const periods = flows.map((flow): ProjectedPeriod => {
    const periodPv = d.presentValue(flow.fee, flow.paymentDate);
    cumulative += flow.fee;
    days += flow.days;
    base += flow.base;
    discount += flow.discount;
    pv += periodPv;
    return {
      index: flow.index,
      start: flow.start,
      end: flow.end,
      days: flow.days,
      length: flow.length,
      fullBase: flow.fullBase,
      fullFee: flow.fullFee,
      base: flow.base,
      fee: flow.fee,
      discount: flow.discount,
      paymentDate: flow.paymentDate,
      discountFactor: d.factor(flow.paymentDate),
      pv: periodPv,
      cumulative,
    };
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
