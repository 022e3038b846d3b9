/**
 * Expected value (SPEC §3): over the monthly candidates d_1..d_M, notice falls
 * first on d_m with probability (1−p)^(m−1)·p, never with (1−p)^M (full term);
 * expected.total and expected.pv are the weighted sums, rounded to cents.
 */
import { toArray } from '../../src/model/sequence.js';
import { describe, expect, it } from 'vitest';
import { money } from '../../src/model/money.js';
import { expectedOfProbability as expectedValue, type SingleRisk } from '../../src/model/risk.js';
import { committedOutcome, terminationModel } from '../../src/model/termination.js';
import { terminateResults } from '../../src/cli/commands/terminate.js';
import type { Scenario } from '../../src/scenario/types.js';
import { dec, scenario } from './helpers.js';

const ev = (s: Scenario, by: 'customer' | 'provider', p: string): [string, string] => {
  const e = expectedValue(terminationModel(s), by, dec(p));
  return [money(e.total), money(e.pv)];
};

describe('a tiny contract: 2030-01-01 .. 2030-03-31, 1,000 a month, 30 days notice', () => {
  // Candidates 2030-01-01, 02-01, 03-01.
  //   N = 01-01: L = 01-30, round2(1000 × 30/31) = 967.74
  //   N = 02-01: L = 03-02, 1000 + 1000 + round2(1000 × 2/31) = 64.52 → 2,064.52
  //   N = 03-01: L = 03-30, 2000 + 967.74 = 2,967.74
  //   never: 3,000.00
  const tiny = (rate: string, p: string | null = null): Scenario =>
    scenario({
      start: '2030-01-01',
      end: '2030-03-31',
      monthlyFee: '1000',
      ramp: [],
      discountRate: rate,
      termination: { noticeDays: 30 },
      probability: p,
    });

  it('p = 50%, rate 0', () => {
    // 0.5 × 967.74 + 0.25 × 2,064.52 + 0.125 × 2,967.74 + 0.125 × 3,000
    // = 483.87 + 516.13 + 370.9675 + 375 = 1,745.9675 → 1,745.97 (pv the same at rate 0)
    expect(ev(tiny('0'), 'customer', '0.5')).toEqual(['1745.97', '1745.97']);
  });

  it('p = 30%, rate 10%', () => {
    // pvs (paid on the 1st, from 2030-01-01): Feb df 1.1^(−31/365), Mar 1.1^(−59/365)
    //   N = 01-01: 967.74 | N = 02-01: 1000 + 991.94 + 63.53 = 2,055.47 | N = 03-01: 1000 + 991.94 + 952.94 = 2,944.88
    //   full: 1000 + 991.94 + 984.71 = 2,976.65
    // total: 0.3 × 967.74 + 0.21 × 2,064.52 + 0.147 × 2,967.74 + 0.343 × 3,000
    //      = 290.322 + 433.5492 + 436.25778 + 1,029 = 2,189.12898 → 2,189.13
    // pv:    0.3 × 967.74 + 0.21 × 2,055.47 + 0.147 × 2,944.88 + 0.343 × 2,976.65
    //      = 290.322 + 431.6487 + 432.89736 + 1,020.99095 = 2,175.85901 → 2,175.86
    expect(ev(tiny('0.10'), 'customer', '0.3')).toEqual(['2189.13', '2175.86']);
  });

  it('terminateResults reports it with the probability', () => {
    const r = terminateResults(tiny('0.10', '0.3'), undefined, 'month');
    expect(r.expected).not.toBeNull();
    expect((r.expected as SingleRisk).probability.toString()).toBe('0.3');
    expect([money(r.expected!.total), money(r.expected!.pv)]).toEqual(['2189.13', '2175.86']);
  });
});

describe('a mid-month start with a provider fee: 2030-01-15 .. 2030-04-10, 3,100 a month, 20 days, fee 100, 10%', () => {
  // Periods: Jan 15..31 round2(3100 × 17/31) = 1,700.00; Feb 3,100; Mar 3,100; Apr 1..10 round2(3100 × 10/30) = 1,033.33.
  // Full term 8,933.33. Provider's notice: −100.
  //   N = 01-15: L = 02-03: 1,700 + round2(3100 × 3/28) = 332.14 − 100 → 1,932.14
  //   N = 02-01: L = 02-20: 1,700 + round2(3100 × 20/28) = 2,214.29 − 100 → 3,814.29
  //   N = 03-01: L = 03-20: 1,700 + 3,100 + round2(3100 × 20/31) = 2,000 − 100 → 6,700.00
  //   N = 04-01: L = 04-20 ≥ end: no effect, 8,933.33
  // total = 0.25 × 1,932.14 + 0.1875 × 3,814.29 + 0.140625 × 6,700 + (0.10546875 + 0.31640625) × 8,933.33
  //       = 483.035 + 715.179375 + 942.1875 + 3,768.74859375 = 5,909.15046875 → 5,909.15
  // pv (same weights over pvs 1,931.19, 3,805.44, 6,664.59 and 8,863.09 for no effect + never) = 5,872.6415625 → 5,872.64
  const s = scenario({
    start: '2030-01-15',
    end: '2030-04-10',
    monthlyFee: '3100',
    ramp: [],
    discountRate: '0.10',
    termination: { noticeDays: 20, fee: '100' },
    probability: '0.25',
  });

  it('provider, p = 25%', () => {
    expect(ev(s, 'provider', '0.25')).toEqual(['5909.15', '5872.64']);
    const r = terminateResults(s, 'provider', 'month');
    expect([money(r.expected!.total), money(r.expected!.pv)]).toEqual(['5909.15', '5872.64']);
  });

  it('the same with the daily sweep: expected always uses the monthly candidates', () => {
    const r = terminateResults(s, 'provider', 'day');
    expect(r.outcomes).toHaveLength(86);
    expect([money(r.expected!.total), money(r.expected!.pv)]).toEqual(['5909.15', '5872.64']);
  });
});

describe('the seed deal at p = 2%', () => {
  // Σ over the 36 monthly candidates of 0.98^(m−1) × 0.02 × total_m + 0.98^36 × 43.75B
  // = 32,276,661,431.347… → 32,276,661,431.35 (python3 decimal, 60 digits)
  it('rate 0: total = pv = 32,276,661,431.35', () => {
    expect(ev(scenario(), 'customer', '0.02')).toEqual(['32276661431.35', '32276661431.35']);
  });

  it('rate 10%, customer fee 100M: 32,326,347,694.55 / 28,564,269,374.89', () => {
    const s = scenario({ discountRate: '0.10', termination: { fee: '100000000' } });
    expect(ev(s, 'customer', '0.02')).toEqual(['32326347694.55', '28564269374.89']);
  });

  it('terminateResults: the same expected for --every month and --every day, and with --notice', () => {
    const s = scenario({ probability: '0.02' });
    const month = terminateResults(s, undefined, 'month');
    const dayly = terminateResults(s, undefined, 'day');
    const one = terminateResults(s, undefined, 'day', toArray(month.outcomes)[5]!.notice.date);
    expect(month.outcomes).toHaveLength(36);
    expect(dayly.outcomes).toHaveLength(1096);
    for (const r of [month, dayly, one]) {
      expect(r.expected).not.toBeNull();
      expect([money(r.expected!.total), money(r.expected!.pv)]).toEqual(['32276661431.35', '32276661431.35']);
    }
  });
});

describe('limits of p', () => {
  const cases: Scenario[] = [
    scenario(),
    scenario({ discountRate: '0.10', termination: { fee: '100000000', notBefore: '2026-09-15' } }),
    scenario({ start: '2030-01-15', end: '2030-04-10', monthlyFee: '3100', ramp: [], discountRate: '0.07', termination: { noticeDays: 20, fee: '100' } }),
  ];

  it.each(cases.map((s, i) => [i, s] as const))('p = 0 gives the full term (case %i)', (_, s) => {
    const m = terminationModel(s);
    for (const by of ['customer', 'provider'] as const) {
      const e = expectedValue(m, by, dec(0));
      expect(money(e.total)).toBe(money(m.projection.totals.fee));
      expect(money(e.pv)).toBe(money(m.projection.totals.pv));
    }
  });

  it.each(cases.map((s, i) => [i, s] as const))('p = 1 gives the committed outcome (case %i)', (_, s) => {
    const m = terminationModel(s);
    for (const by of ['customer', 'provider'] as const) {
      const e = expectedValue(m, by, dec(1));
      const c = committedOutcome(m, by);
      expect(money(e.total)).toBe(money(c.total));
      expect(money(e.pv)).toBe(money(c.pv));
    }
  });

  it('p = 1 on the seed: 2,419,354,838.71; p = 0: 43,750,000,000.00', () => {
    expect(ev(scenario(), 'customer', '1')).toEqual(['2419354838.71', '2419354838.71']);
    expect(ev(scenario(), 'customer', '0')).toEqual(['43750000000.00', '43750000000.00']);
  });
});
