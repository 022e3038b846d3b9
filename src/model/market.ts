/**
 * The market and rational exits for one contract (SPEC §11), by Monte
 * Carlo. Each path chooses one of 2M + 1 outcomes (the customer's or the
 * provider's notice on a monthly candidate date, or none); the outcomes are
 * the sweep's, computed once, so a path costs one array lookup and no
 * money arithmetic. Counting paths per outcome gives the mean and the
 * percentiles exactly, and blocks of paths merge in any order.
 */
import type { Day } from './calendar.js';
import { fullBase } from './cash-flows.js';
import { contractMonthOf } from './contract-months.js';
import type { Contract, MarketTerms } from './contract.js';
import { Decimal, divHalfUp, ONE, type Cents } from './money.js';
import { candidateDates, mayTerminate } from './notice.js';
import { blockCount, simulateBlock, type MarketPath, type Watch } from './market-path.js';
import { outcomeOf, type TerminationModel } from './termination.js';
import { DAYS_PER_YEAR } from './valuation.js';

/** Mean and percentiles (P5, P50, P95) of an amount over the paths. */
export interface Distribution {
  readonly mean: Cents;
  readonly p5: Cents;
  readonly p50: Cents;
  readonly p95: Cents;
}

export interface FirstNotice {
  readonly date: Day;
  /** Paths whose first notice is the customer's, or the provider's, on this date. */
  readonly customer: number;
  readonly provider: number;
}

export interface MarketResult {
  readonly paths: number;
  readonly seed: number;
  /** Paths ending with the customer's notice, the provider's, none. */
  readonly counts: { readonly customer: number; readonly provider: number; readonly none: number };
  readonly total: Distribution;
  readonly pv: Distribution;
  readonly firstNotice: readonly FirstNotice[];
  /** Paths per contract total, ascending by total (the distribution a histogram draws). */
  readonly totals: readonly { readonly total: Cents; readonly paths: number }[];
}

/** The years from `origin` to `day` (SPEC §11: t = (d − start) / 365). */
export const yearsFrom = (origin: Day, day: Day): number => (day - origin) / DAYS_PER_YEAR;

/** The price dynamics as doubles. */
export function pathOf(terms: MarketTerms, times: Float64Array): MarketPath {
  return { times, drift: terms.drift.toNumber(), volatility: terms.volatility.toNumber() };
}

/**
 * What a contract watches on its dates: F_m = full_base(j) of the contract
 * month j holding d_m (escalated, no ramp), times (1 − below) and (1 + above);
 * a party that may not give notice, or has no threshold, never leaves.
 */
export function watchOf(contract: Contract, terms: MarketTerms, price: Decimal, dates: readonly Day[], at: Int32Array): Watch {
  const below = new Float64Array(dates.length).fill(-Infinity);
  const above = new Float64Array(dates.length).fill(Infinity);
  const customer = terms.customerExitsBelow !== null && mayTerminate(contract, 'customer');
  const provider = terms.providerExitsAbove !== null && mayTerminate(contract, 'provider');
  dates.forEach((date, m) => {
    const base = fullBase(contract.pricing, contractMonthOf(contract.term.start, date));
    if (customer) below[m] = base.times(ONE.minus(terms.customerExitsBelow!)).toNumber();
    if (provider) above[m] = base.times(ONE.plus(terms.providerExitsAbove!)).toNumber();
  });
  return { at, price: price.toNumber(), below, above };
}

/** The 2M + 1 outcomes a path may choose, as cents: customer on d_1..d_M, provider on d_1..d_M, the full term. */
export function outcomeTable(model: TerminationModel, dates: readonly Day[]): { total: Cents[]; pv: Cents[] } {
  const total: Cents[] = [];
  const pv: Cents[] = [];
  for (const by of ['customer', 'provider'] as const) {
    const allowed = mayTerminate(model.contract, by);
    for (const date of dates) {
      const o = allowed ? outcomeOf(model, { date, by }) : { total: model.projection.totals.fee, pv: model.projection.totals.pv };
      total.push(o.total);
      pv.push(o.pv);
    }
  }
  total.push(model.projection.totals.fee);
  pv.push(model.projection.totals.pv);
  return { total, pv };
}

/** Simulate the contract's market: `model.contract.market` must be set. */
export function simulateMarket(model: TerminationModel, blocks?: readonly number[]): MarketResult {
  return marketResult(model, marketCounts(model, blocks));
}

/** What a simulation needs, in plain data (it can be posted to a worker thread): the path, the watch, the stream. */
export interface MarketPlan {
  readonly path: MarketPath;
  readonly watch: Watch;
  readonly seed: number;
  readonly paths: number;
  /** 2M + 1. */
  readonly outcomes: number;
}

export function marketPlan(model: TerminationModel): MarketPlan {
  const contract = model.contract;
  const terms = contract.market!;
  const dates = candidateDates(contract, 'month');
  const times = Float64Array.from(dates, (d) => yearsFrom(contract.term.start, d));
  const watch = watchOf(contract, terms, terms.price, dates, Int32Array.from(dates, (_, i) => i));
  return { path: pathOf(terms, times), watch, seed: terms.seed, paths: terms.paths, outcomes: 2 * dates.length + 1 };
}

/** Paths per outcome (2M + 1 counts) over the given blocks: what workers compute and merge by adding. */
export function countBlocks(plan: MarketPlan, blocks: readonly number[]): Float64Array {
  const counts = new Float64Array(plan.outcomes);
  for (const block of blocks) {
    simulateBlock(plan.path, [plan.watch], plan.seed, plan.paths, block, (choices) => {
      counts[choices[0]!]!++;
    });
  }
  return counts;
}

/** Paths per outcome over the given blocks (default all). */
export function marketCounts(model: TerminationModel, blocks?: readonly number[]): Float64Array {
  const plan = marketPlan(model);
  return countBlocks(plan, blocks ?? allBlocks(plan.paths));
}

export const allBlocks = (paths: number): number[] => Array.from({ length: blockCount(paths) }, (_, b) => b);

/** The summary of merged counts. */
export function marketResult(model: TerminationModel, counts: Float64Array): MarketResult {
  const contract = model.contract;
  const terms = contract.market!;
  const dates = candidateDates(contract, 'month');
  const m = dates.length;
  const { total, pv } = outcomeTable(model, dates);
  let customer = 0;
  let provider = 0;
  for (let i = 0; i < m; i++) {
    customer += counts[i]!;
    provider += counts[m + i]!;
  }
  return {
    paths: terms.paths,
    seed: terms.seed,
    counts: { customer, provider, none: counts[2 * m]! },
    total: distribution(total, counts, terms.paths),
    pv: distribution(pv, counts, terms.paths),
    firstNotice: dates.map((date, i) => ({ date, customer: counts[i]!, provider: counts[m + i]! })),
    totals: byTotal(total, counts),
  };
}

/** Paths per distinct total, ascending. */
function byTotal(values: readonly Cents[], counts: Float64Array): { total: Cents; paths: number }[] {
  const sums = new Map<Cents, number>();
  values.forEach((v, i) => {
    if (counts[i]) sums.set(v, (sums.get(v) ?? 0) + counts[i]!);
  });
  return [...sums].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([total, paths]) => ({ total, paths }));
}

/** Mean (half up to cents) and percentiles (rank ceil(q·n) in ascending order) of values weighted by path counts. */
export function distribution(values: readonly Cents[], counts: Float64Array, n: number): Distribution {
  let sum = 0n;
  values.forEach((v, i) => {
    if (counts[i]) sum += v * BigInt(counts[i]!);
  });
  const order = values.map((_, i) => i).sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : a - b));
  const at = (percent: number): Cents => {
    const rank = Math.ceil((percent * n) / 100);
    let seen = 0;
    for (const i of order) {
      seen += counts[i]!;
      if (seen >= rank) return values[i]!;
    }
    return values[order[order.length - 1]!]!;
  };
  return { mean: divHalfUp(sum, BigInt(n)), p5: at(5), p50: at(50), p95: at(95) };
}

/** count / n half up to 4 decimals, exact. */
export function fraction(count: number, n: number): Decimal {
  return new Decimal(divHalfUp(BigInt(count) * 10000n, BigInt(n)).toString()).div(10000);
}
