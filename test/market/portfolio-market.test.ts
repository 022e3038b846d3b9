/**
 * A portfolio's market (SPEC §11): one price path shared by every contract
 * makes their exits cluster. Checked against the same contracts simulated
 * on independent paths (each its own seed): the shared market's P5 of the
 * book's total lies below the P5 of the sum of independent ones.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBase } from '../../src/cli/io.js';
import { portfolioResult } from '../../src/cli/commands/portfolio.js';
import { allBlocks, outcomeTable, pathOf, watchOf, yearsFrom } from '../../src/model/market.js';
import { simulateBlock } from '../../src/model/market-path.js';
import { candidateDates } from '../../src/model/notice.js';
import { pathDistribution } from '../../src/model/portfolio-market.js';
import { terminationModel } from '../../src/model/termination.js';
import { loadPortfolio, type Portfolio } from '../../src/scenario/portfolio-load.js';

const ROOT = join(__dirname, '..', '..');
const FILE = 'scenarios/neocloud-portfolio-market.yaml';

function load(extra: (text: string) => string = (t) => t): Portfolio {
  const text = extra(readFileSync(join(ROOT, FILE), 'utf8'));
  return loadPortfolio(new TextEncoder().encode(text), FILE, { readFile: (f) => readBase(join(ROOT, f)) });
}

/** Per-path totals (cents) of each contract simulated alone on its own path, its time origin the portfolio's. */
function independentTotals(p: Portfolio): number[] {
  const terms = p.market!;
  const origin = Math.min(...p.contracts.map((c) => c.contract.term.start));
  const sums = new Array<number>(terms.paths).fill(0);
  p.contracts.forEach((c, k) => {
    const model = terminationModel(c.contract);
    const dates = candidateDates(c.contract, 'month');
    const { total } = outcomeTable(model, dates);
    const watch = watchOf(c.contract, terms, terms.pricePerMw!.times(c.powerMw), dates, Int32Array.from(dates, (_, i) => i));
    const path = pathOf(terms, Float64Array.from(dates, (d) => yearsFrom(origin, d)));
    let i = 0;
    for (const block of allBlocks(terms.paths)) {
      simulateBlock(path, [watch], terms.seed + 1000 * (k + 1), terms.paths, block, (choices) => {
        sums[i++]! += Number(total[choices[0]!]!);
      });
    }
  });
  return sums;
}

describe('a portfolio on one market', () => {
  const p = load();
  const r = portfolioResult(p, undefined);

  it('clusters exits: P5 of the book on a shared path is below P5 of independent paths', () => {
    const independent = pathDistribution(independentTotals(p));
    expect(r.market!.total.p5 < independent.p5).toBe(true);
    // and the spread is wider: P95 − P5
    expect(r.market!.total.p95 - r.market!.total.p5 > independent.p95 - independent.p5).toBe(true);
  });

  it('the mean of the shared market is the sum of the contracts\' own means (exits cluster, the mean does not move) within 4 SE', () => {
    const independent = independentTotals(p);
    const n = independent.length;
    const mean = independent.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(independent.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
    expect(Math.abs(Number(r.market!.total.mean) - mean)).toBeLessThan(4 * sd * Math.sqrt(2 / n) * 2);
  });

  it('counts a path in `any` when one contract or more gets a notice; volatility 0 makes every path the same', () => {
    expect(r.market!.any).toBeLessThanOrEqual(r.market!.paths);
    const flat = portfolioResult(load((t) => t.replace('volatility: 30%', 'volatility: 0%')), undefined).market!;
    expect(flat.total.p5).toBe(flat.total.p95);
    expect(flat.total.mean).toBe(flat.total.p50);
    expect([0, flat.paths]).toContain(flat.any);
  });

  it('replaces the contracts\' own markets, and is the same bytes for the same seed', () => {
    expect(p.contracts.every((c) => c.contract.market === null)).toBe(true);
    const again = portfolioResult(load(), undefined);
    expect(again.market).toEqual(r.market);
    const other = portfolioResult(load((t) => t.replace('seed: 1', 'seed: 2')), undefined);
    expect(other.market!.total.mean).not.toBe(r.market!.total.mean);
  });
});
