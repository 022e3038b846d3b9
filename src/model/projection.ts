/**
 * The projection of a scenario: every billing period's cash flow, its
 * discount factor and present value, the running cumulative fee, and totals
 * that are sums of the rounded period amounts (so a spreadsheet's SUM of the
 * CSV gives the same figure to the cent).
 */
import { cashFlow, type CashFlow } from './cash-flows.js';
import type { Contract } from './contract.js';
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

/** The discounter of the contract's valuation (rate and date). */
export function contractDiscounter(contract: Contract): Discounter {
  return discounter(contract.valuation.discountRate, contract.valuation.date);
}

/** Cash flows with their discount factor, PV and running cumulative, and their totals. */
export function discounted(flows: readonly CashFlow[], d: Discounter): Projection {
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
      segments: flow.segments,
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

export function cashFlows(contract: Contract): CashFlow[] {
  const { term, pricing, billing } = contract;
  return billingPeriods(term.start, term.end, billing.periods).map((p) => cashFlow(p, term.start, pricing, billing));
}

export function project(contract: Contract): Projection {
  return discounted(cashFlows(contract), contractDiscounter(contract));
}
