/**
 * A portfolio's market (SPEC §11): one price path per simulation, shared by
 * every contract, each comparing it per MW with its own fees. The time
 * origin is the earliest contract start; the path is sampled at the union
 * of the contracts' monthly candidate dates. That common market is what
 * makes exits cluster: a fall in price sends every customer to the door at
 * once.
 */
import type { Day } from './calendar.js';
import type { MarketTerms } from './contract.js';
import { divHalfUp, type Cents, type Decimal } from './money.js';
import { candidateDates } from './notice.js';
import { allBlocks, outcomeTable, pathOf, watchOf, yearsFrom, type Distribution } from './market.js';
import { simulateBlock, type Watch } from './market-path.js';
import type { TerminationModel } from './termination.js';

export interface PortfolioMarketResult {
  readonly paths: number;
  readonly seed: number;
  /** Paths on which at least one contract receives a notice. */
  readonly any: number;
  readonly total: Distribution;
  readonly pv: Distribution;
}

export interface MarketContract {
  readonly model: TerminationModel;
  readonly powerMw: Decimal;
}

/** Simulate the shared market over the contracts; `terms.pricePerMw` prices each contract's capacity. */
export function portfolioMarket(contracts: readonly MarketContract[], terms: MarketTerms, blocks?: readonly number[]): PortfolioMarketResult {
  const origin = Math.min(...contracts.map((c) => c.model.contract.term.start));
  const datesOf = contracts.map((c) => candidateDates(c.model.contract, 'month'));
  const union = [...new Set(datesOf.flat())].sort((a, b) => a - b);
  const index = new Map<Day, number>(union.map((d, i) => [d, i]));
  const times = Float64Array.from(union, (d) => yearsFrom(origin, d));
  const watches: Watch[] = contracts.map((c, i) => {
    const dates = datesOf[i]!;
    const price = terms.pricePerMw!.times(c.powerMw);
    return watchOf(c.model.contract, terms, price, dates, Int32Array.from(dates, (d) => index.get(d)!));
  });
  const tables = contracts.map((c, i) => outcomeTable(c.model, datesOf[i]!));
  // cents as doubles are exact below 2^53; bigints beyond (totals over 90 trillion)
  const bound = tables.reduce((s, t) => s + Math.max(...t.total.map((v) => Math.abs(Number(v)))) + Math.max(...t.pv.map((v) => Math.abs(Number(v)))), 0);
  const exact = bound < Number.MAX_SAFE_INTEGER;
  const totalsN = tables.map((t) => Float64Array.from(t.total, Number));
  const pvsN = tables.map((t) => Float64Array.from(t.pv, Number));
  const total: (number | bigint)[] = [];
  const pv: (number | bigint)[] = [];
  let any = 0;
  const path = pathOf(terms, times);
  for (const block of blocks ?? allBlocks(terms.paths)) {
    simulateBlock(path, watches, terms.seed, terms.paths, block, (choices) => {
      let t: number | bigint = exact ? 0 : 0n;
      let v: number | bigint = exact ? 0 : 0n;
      let noticed = false;
      for (let c = 0; c < choices.length; c++) {
        const k = choices[c]!;
        if (k !== 2 * datesOf[c]!.length) noticed = true;
        if (exact) {
          t = (t as number) + totalsN[c]![k]!;
          v = (v as number) + pvsN[c]![k]!;
        } else {
          t = (t as bigint) + tables[c]!.total[k]!;
          v = (v as bigint) + tables[c]!.pv[k]!;
        }
      }
      if (noticed) any++;
      total.push(t);
      pv.push(v);
    });
  }
  return { paths: terms.paths, seed: terms.seed, any, total: pathDistribution(total), pv: pathDistribution(pv) };
}

/** Mean (half up to cents) and percentiles (rank ceil(q·n) ascending) of per-path amounts in cents. */
export function pathDistribution(values: (number | bigint)[]): Distribution {
  const n = values.length;
  const sorted = values.map((v) => BigInt(v)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sum = sorted.reduce((s, v) => s + v, 0n);
  const at = (percent: number): Cents => sorted[Math.max(0, Math.ceil((percent * n) / 100) - 1)]!;
  return { mean: divHalfUp(sum, BigInt(n)), p5: at(5), p50: at(50), p95: at(95) };
}
