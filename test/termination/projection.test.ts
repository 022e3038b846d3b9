/**
 * terminatedProjection (the schedule of `project --notice`), SPEC §3, §4, §6:
 * periods after L dropped, the cut period prorated over its unchanged period
 * length, totals.fee = outcome.fees, totals.pv without the termination fee.
 */
import { describe, expect, it } from 'vitest';
import { money } from '../../src/model/money.js';
import { project } from '../../src/model/projection.js';
import { outcomeOf, terminatedProjection, terminationModel } from '../../src/model/termination.js';
import type { Notice } from '../../src/model/notice.js';
import type { Projection } from '../../src/model/projection.js';
import { formatFactor } from '../../src/model/valuation.js';
import { day, iso, scenario } from './helpers.js';

/** Every field of every period and of the totals, as strings. */
const flat = (p: Projection) => ({
  periods: p.periods.map((q) => [
    q.index, iso(q.start), iso(q.end), q.days, q.length, money(q.base), money(q.discount), money(q.fee),
    iso(q.paymentDate), formatFactor(q.discountFactor, 12), money(q.pv), money(q.cumulative),
  ]),
  totals: [p.totals.periods, p.totals.days, money(p.totals.base), money(p.totals.discount), money(p.totals.fee), money(p.totals.pv)],
});

describe('seed deal at 10% with a 100M fee, customer notice 2027-01-15 (L = 2027-04-14)', () => {
  const s = scenario({ discountRate: '0.10', termination: { fee: '100000000' } });
  const m = terminationModel(s);
  const notice: Notice = { date: day('2027-01-15'), by: 'customer' };
  const t = terminatedProjection(m, notice);
  const o = outcomeOf(m, notice);

  it('keeps 11 periods, Jun 2026 .. Apr 2027; periods after L are dropped', () => {
    expect(t.periods).toHaveLength(11);
    expect(t.totals.periods).toBe(11);
    expect(iso(t.periods[0]!.start)).toBe('2026-06-01');
    const last = t.periods[10]!;
    expect(t.periods.every((p) => p.start <= day('2027-04-14'))).toBe(true);
    expect([last.index, iso(last.start), iso(last.end), last.days, last.length]).toEqual([11, '2027-04-01', '2027-04-14', 14, 30]);
  });

  it('the cut period is prorated: base = fee = round2(1.25B × 14/30) = 583,333,333.33, discount 0', () => {
    const last = t.periods[10]!;
    expect([money(last.base), money(last.fee), money(last.discount), iso(last.paymentDate)]).toEqual([
      '583333333.33', '583333333.33', '0.00', '2027-04-01',
    ]);
    // pv: round2(583,333,333.33 × 1.1^(−304/365)) = 538,817,621.47
    expect(money(last.pv)).toBe('538817621.47');
    expect(money(last.cumulative)).toBe('11833333333.33');
  });

  it('totals.fee = outcome.fees; totals.pv excludes the fee, outcome.pv includes it', () => {
    expect(money(t.totals.fee)).toBe('11833333333.33');
    expect(money(o.fees)).toBe('11833333333.33');
    // Σ kept pvs 11,356,633,574.78; fee pv round2(100M × 1.1^(−318/365)) = 92,031,676.16
    expect(money(t.totals.pv)).toBe('11356633574.78');
    expect(money(o.pv)).toBe('11448665250.94');
    expect(money(o.pv - t.totals.pv)).toBe('92031676.16');
    expect(t.totals.days).toBe(318);
    // base: 10 whole periods × 1.25B + 583,333,333.33 (cut) = 13,083,333,333.33
    expect(money(t.totals.base)).toBe('13083333333.33');
    // discount: the two ramp months at 625M each
    expect(money(t.totals.discount)).toBe('1250000000.00');
  });

  it('the kept whole periods are identical to the full projection\'s', () => {
    const full = flat(project(s));
    expect(flat(t).periods.slice(0, 10)).toEqual(full.periods.slice(0, 10));
  });
});

describe('a period cut at its own end is not prorated', () => {
  it('seed notice 2027-01-01 (L = 2027-03-31): 10 whole periods', () => {
    const m = terminationModel(scenario());
    const t = terminatedProjection(m, { date: day('2027-01-01'), by: 'customer' });
    expect(t.periods).toHaveLength(10);
    const last = t.periods[9]!;
    expect([iso(last.start), iso(last.end), last.days, last.length, money(last.fee)]).toEqual([
      '2027-03-01', '2027-03-31', 31, 31, '1250000000.00',
    ]);
    expect(money(t.totals.fee)).toBe('11250000000.00');
  });
});

describe('a mid-month calendar start with the notice in the first period', () => {
  it('the short first period, cut again, keeps the month length', () => {
    // 2030-01-15 .. 2030-04-10, 3,100 a month, 10 days notice on 2030-01-15: E = 01-25, L = 01-24.
    // Period 1: 01-15 .. 01-24, 10 of 31 days: round2(3100 × 10/31) = 1,000.00.
    const s = scenario({ start: '2030-01-15', end: '2030-04-10', monthlyFee: '3100', ramp: [], termination: { noticeDays: 10 } });
    const m = terminationModel(s);
    const notice: Notice = { date: day('2030-01-15'), by: 'customer' };
    const t = terminatedProjection(m, notice);
    expect(t.periods.map((p) => [iso(p.start), iso(p.end), p.days, p.length, money(p.fee)])).toEqual([
      ['2030-01-15', '2030-01-24', 10, 31, '1000.00'],
    ]);
    expect(money(outcomeOf(m, notice).fees)).toBe('1000.00');
  });
});

describe('with no effect the terminated projection is the full projection', () => {
  it.each(['2029-03-03', '2029-04-01', '2029-05-31'])('seed at 10%% with a fee, notice %s', (n) => {
    const s = scenario({ discountRate: '0.10', termination: { fee: '100000000' } });
    const m = terminationModel(s);
    const notice: Notice = { date: day(n), by: 'provider' };
    expect(outcomeOf(m, notice).effect).toBe(false);
    const t = terminatedProjection(m, notice);
    expect(flat(t)).toEqual(flat(project(s)));
    expect(t.periods).toHaveLength(36);
    expect(money(t.totals.pv)).toBe('38041880566.11');
    expect(money(outcomeOf(m, notice).pv)).toBe('38041880566.11');
  });

  it('one day before no effect, the last period loses one day', () => {
    const s = scenario({ discountRate: '0.10' });
    const t = terminatedProjection(terminationModel(s), { date: day('2029-03-02'), by: 'customer' });
    expect(t.periods).toHaveLength(36);
    const last = t.periods[35]!;
    expect([iso(last.end), last.days, last.length, money(last.fee)]).toEqual(['2029-05-30', 30, 31, '1209677419.35']);
  });
});
