/**
 * The seed deal (scenarios/colossus-1.yaml) under early termination, SPEC §3:
 * 2026-06-01 .. 2029-05-31, 1.25B a month, 2 ramp months at 50%, calendar,
 * advance, 90 days' notice by either, fee 0, rate 0.
 *
 * Full term: 36 periods × 1.25B − 2 × 625M ramp discount = 45B − 1.25B = 43,750,000,000.00.
 */
import { toArray } from '../../src/model/sequence.js';
import { describe, expect, it } from 'vitest';
import { fixed, money } from '../../src/model/money.js';
import { candidateDates } from '../../src/model/notice.js';
import { committedOutcome, committedShare, outcomeOf, terminationModel } from '../../src/model/termination.js';
import { terminateResults } from '../../src/cli/commands/terminate.js';
import { day, seed, view } from './helpers.js';

const FULL = '43750000000.00';

describe('the seed deal: full term', () => {
  it('is 43,750,000,000.00 over 1,096 days, pv = fee at rate 0', () => {
    const m = terminationModel(seed());
    expect(money(m.projection.totals.fee)).toBe(FULL);
    expect(money(m.projection.totals.pv)).toBe(FULL);
    expect(m.projection.totals.days).toBe(1096); // 2026-06-01 .. 2029-05-31: 365 + 366 + 365
  });
});

describe('the seed deal: committed outcome (customer notice on 2026-06-01)', () => {
  // E = 2026-06-01 + 90 days: June 1 + 30 = July 1, + 31 = Aug 1, + 29 = Aug 30.
  // Service 2026-06-01 .. 2026-08-29: 30 + 31 + 29 = 90 days.
  // Fees: June 625,000,000.00 + July 625,000,000.00 + Aug round2(1.25B × 29/31)
  //       = 1,169,354,838.709677… → 1,169,354,838.71; total 2,419,354,838.71.
  // Foregone: 43,750,000,000.00 − 2,419,354,838.71 = 41,330,645,161.29.
  const expected = {
    notice: '2026-06-01',
    by: 'customer' as const,
    effective: '2026-08-30',
    last: '2026-08-29',
    effect: true,
    serviceDays: 90,
    fees: '2419354838.71',
    terminationFee: '0.00',
    total: '2419354838.71',
    foregone: '41330645161.29',
    pv: '2419354838.71',
  };

  it('committedOutcome', () => {
    expect(view(committedOutcome(terminationModel(seed()), 'customer'))).toEqual(expected);
  });

  it('outcomeOf the same notice gives the same figures', () => {
    expect(view(outcomeOf(terminationModel(seed()), { date: day('2026-06-01'), by: 'customer' }))).toEqual(expected);
  });

  it('a provider notice on the same day gives the same figures (no fee)', () => {
    expect(view(committedOutcome(terminationModel(seed()), 'provider'))).toEqual({ ...expected, by: 'provider' });
  });

  it('share: 2,419,354,838.71 / 43,750,000,000 = 0.055299… → "0.0553"', () => {
    const m = terminationModel(seed());
    const share = committedShare(committedOutcome(m, 'customer'), m.projection.totals.fee);
    expect(share).not.toBeNull();
    expect(fixed(share!, 4)).toBe('0.0553');
  });

  it('terminateResults: customer by default, full term, committed, share, no expected', () => {
    const r = terminateResults(seed(), undefined, 'month');
    expect(r.by).toBe('customer');
    expect(money(r.full.fee)).toBe(FULL);
    expect(money(r.full.pv)).toBe(FULL);
    expect(view(r.committed)).toEqual(expected);
    expect(fixed(r.share!, 4)).toBe('0.0553');
    expect(r.expected).toBeNull();
    // 2026-06-01, then the 1st of Jul 2026 .. May 2029: 36 candidates
    expect(r.outcomes).toHaveLength(36);
    expect(view(toArray(r.outcomes)[0]!)).toEqual(expected);
  });

  it('terminateResults with --notice holds that one outcome, committed still from the sweep', () => {
    const r = terminateResults(seed(), 'provider', 'month', day('2027-01-15'));
    expect(r.outcomes).toHaveLength(1);
    expect(view(toArray(r.outcomes)[0]!).notice).toBe('2027-01-15');
    expect(view(toArray(r.outcomes)[0]!).by).toBe('provider');
    expect(view(r.committed).notice).toBe('2026-06-01');
    expect(money(r.committed.total)).toBe('2419354838.71');
  });

  it('the monthly sweep starts on 2026-06-01 and ends on 2029-05-01', () => {
    const dates = candidateDates(seed(), 'month');
    expect(dates).toHaveLength(36);
    expect(dates[0]).toBe(day('2026-06-01'));
    expect(dates[1]).toBe(day('2026-07-01'));
    expect(dates[35]).toBe(day('2029-05-01'));
  });
});
