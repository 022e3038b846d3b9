/**
 * The market (SPEC §11) checked a second way: the generator against a
 * BigInt reference, the volatility-0 path against a hand computation, one
 * candidate date against the closed-form lognormal probability, several
 * dates against an independent simulation (another generator), the
 * percentiles against a brute force, and the portfolio's shared path
 * against independent ones. Seeds are fixed, so the suite is deterministic;
 * the bounds are 4 standard errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBase } from '../../src/cli/io.js';
import { candidateDates } from '../../src/model/notice.js';
import { allBlocks, distribution, marketCounts, marketResult, outcomeTable, simulateMarket } from '../../src/model/market.js';
import { BLOCK_PATHS, blockGenerator, Xoshiro128 } from '../../src/model/prng.js';
import { terminationModel } from '../../src/model/termination.js';
import { marketJson } from '../../src/report/market.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';

const scenario = (yaml: string): Scenario => loadScenario(new TextEncoder().encode(yaml), 'test.yaml', { readFile: readBase });

const SEED_DEAL = `name: Seed deal
capacity: { power_mw: 300 }
term: { start: 2026-06-01, end: 2029-05-31 }
pricing:
  monthly_fee: 1.25B
  ramp: [ { months: 2, discount: 50% } ]
termination: { notice_days: 90, by: either }
`;

const withMarket = (market: string, base = SEED_DEAL): Scenario => scenario(`${base}market: ${market}\n`);

// ---------------------------------------------------------------------------
// An independent generator and normal CDF.

/** xoshiro128** on BigInt, straight from the reference C code. */
function referenceXoshiro(state: bigint[]): () => bigint {
  const M = 0xffffffffn;
  const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M;
  return () => {
    const result = (rotl((state[1]! * 5n) & M, 7n) * 9n) & M;
    const t = (state[1]! << 9n) & M;
    state[2] = state[2]! ^ state[0]!;
    state[3] = state[3]! ^ state[1]!;
    state[1] = state[1]! ^ state[2]!;
    state[0] = state[0]! ^ state[3]!;
    state[2] = state[2]! ^ t;
    state[3] = rotl(state[3]!, 11n);
    return result;
  };
}

/** mulberry32 and Box–Muller: a different generator for the independent simulation. */
function mulberryNormals(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Φ by the complementary error function (Numerical Recipes erfcc, |error| < 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + z / 2);
  const erfc =
    t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

const within = (a: number, b: number, se: number): boolean => Math.abs(a - b) <= 4 * se;

// ---------------------------------------------------------------------------

describe('the generator', () => {
  it('is xoshiro128**: the same 10,000 outputs as a BigInt transcription of the reference code', () => {
    const ours = new Xoshiro128([1, 2, 3, 4]);
    const ref = referenceXoshiro([1n, 2n, 3n, 4n]);
    expect(ours.nextUint32()).toBe(11520); // rotl(2 × 5, 7) × 9, by hand
    expect(ref()).toBe(11520n);
    expect(ours.nextUint32()).toBe(0);
    expect(ref()).toBe(0n);
    for (let i = 0; i < 10_000; i++) expect(BigInt(ours.nextUint32())).toBe(ref());
  });

  it('gives each (seed, block) its own stream, and the same one every time', () => {
    const first = (seed: number, block: number): number => blockGenerator(seed, block).nextUint32();
    expect(first(1, 0)).toBe(first(1, 0));
    const seen = new Set([first(1, 0), first(1, 1), first(2, 0), first(0, 0), first(Number.MAX_SAFE_INTEGER, 0), first(1, 2)]);
    expect(seen.size).toBe(6);
  });

  it('draws standard normals: mean 0 and variance 1 within 4 standard errors over 200,000 draws', () => {
    const g = blockGenerator(7, 0);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const z = g.nextNormal();
      sum += z;
      squares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(squares / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
});

describe('one contract', () => {
  const market = withMarket('{ price_per_mw: 3.5M, drift: -20%, volatility: 40%, customer_exits_below: 25%, provider_exits_above: 25%, paths: 20000, seed: 3 }');
  const model = terminationModel(market);

  it('depends only on the scenario, paths and seed: blocks merge in any order, in any grouping', () => {
    const whole = marketCounts(model);
    const blocks = allBlocks(20_000);
    expect(blocks.length).toBe(Math.ceil(20_000 / BLOCK_PATHS));
    const reversed = marketCounts(model, [...blocks].reverse());
    const halves = [marketCounts(model, blocks.filter((b) => b % 2 === 0)), marketCounts(model, blocks.filter((b) => b % 2 === 1))];
    const merged = halves[0]!.map((c, i) => c + halves[1]![i]!);
    expect([...reversed]).toEqual([...whole]);
    expect([...merged]).toEqual([...whole]);
    expect(JSON.stringify(marketJson(simulateMarket(model)))).toBe(JSON.stringify(marketJson(marketResult(model, merged))));
  });

  it('a different seed gives a different sample of the same distribution', () => {
    const other = terminationModel(withMarket('{ price_per_mw: 3.5M, drift: -20%, volatility: 40%, customer_exits_below: 25%, provider_exits_above: 25%, paths: 20000, seed: 4 }'));
    const a = simulateMarket(model);
    const b = simulateMarket(other);
    expect(a.counts).not.toEqual(b.counts);
    const p = a.counts.customer / 20_000;
    expect(within(p, b.counts.customer / 20_000, Math.sqrt((2 * p * (1 - p)) / 20_000))).toBe(true);
  });

  it('counts every path once: first notices add up to the probabilities', () => {
    const r = simulateMarket(model);
    expect(r.counts.customer + r.counts.provider + r.counts.none).toBe(20_000);
    expect(r.firstNotice.reduce((s, f) => s + f.customer, 0)).toBe(r.counts.customer);
    expect(r.firstNotice.reduce((s, f) => s + f.provider, 0)).toBe(r.counts.provider);
    expect(r.firstNotice.map((f) => f.date)).toEqual(candidateDates(market, 'month'));
  });
});

describe('with volatility 0 every path is the deterministic one', () => {
  // P(t) = 1.05B × 0.8^t falls below 937.5M (25% under the 1.25B fee) when
  // t > ln(0.892857) / ln(0.8) = 0.5079 years, 185.4 days: the first monthly
  // candidate after 2026-12-03 is 2027-01-01. Notice then, effective
  // 2027-04-01: fees June to March, 2 × 625M + 8 × 1.25B = 11.25B.
  const r = marketJson(simulateMarket(terminationModel(withMarket('{ price_per_mw: 3.5M, drift: -20%, customer_exits_below: 25%, provider_exits_above: 25%, paths: 1000 }'))));

  it('the customer leaves on 2027-01-01 on every path', () => {
    expect(r.probability).toEqual({ customer: '1.0000', provider: '0.0000', none: '0.0000' });
    expect(r.first_notice.filter((f) => f.customer !== '0.0000')).toEqual([{ notice_date: '2027-01-01', customer: '1.0000', provider: '0.0000' }]);
    expect(r.total).toEqual({ mean: '11250000000.00', p5: '11250000000.00', p50: '11250000000.00', p95: '11250000000.00' });
  });

  it('a rising market sends the provider: 1.25B × 1.25 = 1.5625B is passed when 1.05B × 1.5^t does, t > 0.98 years', () => {
    const up = marketJson(simulateMarket(terminationModel(withMarket('{ price: 1.05B, drift: 50%, customer_exits_below: 25%, provider_exits_above: 25%, paths: 10 }'))));
    // 1.05 × 1.5^t > 1.5625 ⇔ t > ln(1.488095) / ln(1.5) = 0.98004 years = 357.7 days → 2027-06-01 (365 days)
    expect(up.first_notice.filter((f) => f.provider !== '0.0000')).toEqual([{ notice_date: '2027-06-01', customer: '0.0000', provider: '1.0000' }]);
    expect(up.probability.provider).toBe('1.0000');
  });

  it('no thresholds: nobody leaves, and the total is the full term', () => {
    const none = marketJson(simulateMarket(terminationModel(withMarket('{ price: 1B, volatility: 80%, paths: 500 }'))));
    expect(none.probability).toEqual({ customer: '0.0000', provider: '0.0000', none: '1.0000' });
    expect(none.total.p5).toBe('43750000000.00');
  });
});

describe('one candidate date: the closed-form lognormal probability', () => {
  // term June 1 to August 15, notices from August 1 only: one candidate, t = 61/365.
  const base = `name: One date
term: { start: 2026-06-01, end: 2026-08-15 }
pricing: { monthly_fee: 1M }
termination: { notice_days: 0, by: customer, not_before: 2026-08-01 }
`;
  const t = 61 / 365;
  const mu = Math.log(0.8) * t - (0.4 * 0.4 * t) / 2;
  const p = normalCdf((Math.log(0.9) - mu) / (0.4 * Math.sqrt(t)));
  const full = 2_483_870.97; // 2 × 1M + 1M × 15/31
  const left = 2_000_000; // June and July

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: P(exit) = Φ((ln 0.9 − μt) / σ√t) = ${p.toFixed(4)}, and the mean total, within 4 standard errors`, () => {
      const n = 100_000;
      const r = simulateMarket(terminationModel(scenario(`${base}market: { price: 1M, drift: -20%, volatility: 40%, customer_exits_below: 10%, paths: ${n}, seed: ${seed} }\n`)));
      const share = r.counts.customer / n;
      expect(within(share, p, Math.sqrt((p * (1 - p)) / n))).toBe(true);
      const mean = Number(r.total.mean) / 100;
      expect(within(mean, full - p * (full - left), (full - left) * Math.sqrt((p * (1 - p)) / n))).toBe(true);
    });
  }
});

describe('many dates: an independent simulation with another generator', () => {
  it('the seed deal: the probabilities and the mean total agree within 4 standard errors', () => {
    const n = 40_000;
    const s = withMarket(`{ price_per_mw: 3.5M, drift: -20%, volatility: 40%, customer_exits_below: 25%, provider_exits_above: 25%, paths: ${n}, seed: 11 }`);
    const model = terminationModel(s);
    const r = simulateMarket(model);
    // independently: dates, fees and outcomes from the sweep; the price path simulated directly
    const dates = candidateDates(s, 'month');
    const { total } = outcomeTable(model, dates);
    const normal = mulberryNormals(20261203);
    const counts = [0, 0, 0];
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      let w = 0;
      let previous = 0;
      let chosen = 2 * dates.length;
      for (let m = 0; m < dates.length; m++) {
        const ti = (dates[m]! - s.term.start) / 365;
        w += Math.sqrt(ti - previous) * normal();
        previous = ti;
        const price = 1.05e9 * Math.exp(Math.log(0.8) * ti - 0.08 * ti + 0.4 * w);
        if (price < 1.25e9 * 0.75) {
          chosen = m;
          break;
        }
        if (price > 1.25e9 * 1.25) {
          chosen = dates.length + m;
          break;
        }
      }
      counts[chosen < dates.length ? 0 : chosen < 2 * dates.length ? 1 : 2]!++;
      const value = Number(total[chosen]!) / 100;
      sum += value;
      squares += value * value;
    }
    const ours = [r.counts.customer, r.counts.provider, r.counts.none];
    ours.forEach((c, k) => {
      const a = c / n;
      const b = counts[k]! / n;
      expect(within(a, b, Math.sqrt((a * (1 - a) + b * (1 - b)) / n) + 1e-12)).toBe(true);
    });
    const mean = sum / n;
    const sd = Math.sqrt(squares / n - mean * mean);
    expect(within(Number(r.total.mean) / 100, mean, sd * Math.sqrt(2 / n))).toBe(true);
  });
});

describe('percentiles and mean from counts', () => {
  it('equal a brute force over the expanded, sorted paths (rank ceil(q·n))', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.nat(20)), { minLength: 1, maxLength: 12 }), (pairs) => {
        const n = pairs.reduce((s, [, c]) => s + c, 0);
        fc.pre(n > 0);
        const values = pairs.map(([v]) => v);
        const counts = Float64Array.from(pairs, ([, c]) => c);
        const expanded = pairs.flatMap(([v, c]) => Array<bigint>(c).fill(v)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const rank = (q: number): bigint => expanded[Math.ceil((q * n) / 100) - 1]!;
        const d = distribution(values, counts, n);
        expect([d.p5, d.p50, d.p95]).toEqual([rank(5), rank(50), rank(95)]);
        const sum = expanded.reduce((s, v) => s + v, 0n);
        // half up, ties away from zero: sign × floor((2|sum| + n) / 2n)
        const magnitude = (2n * (sum < 0n ? -sum : sum) + BigInt(n)) / (2n * BigInt(n));
        const nearest = sum < 0n ? -magnitude : magnitude;
        expect(d.mean).toBe(nearest);
      }),
    );
  });
});
