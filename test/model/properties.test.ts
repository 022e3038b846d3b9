/**
 * Property tests of the projection over random scenarios (SPEC §2, §6):
 * totals are sums of the rounded period amounts, rate 0 means pv = fee,
 * proration never exceeds a full period, periods tile the term exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, monthLength, toYmd } from '../../src/model/calendar.js';
import { Decimal, money, toCents, type Cents } from '../../src/model/money.js';
import { project } from '../../src/model/projection.js';
import type { Scenario } from '../../src/scenario/types.js';
import { CENTS, describeScenario, scenarioArb as scenarios } from '../support/arbitraries.js';
import { absCents, DF_ONE } from './helpers.js';

const scenarioArb = scenarios({ maxDays: 3653 });

const RUNS = 300;

/** Σ of amounts in cents. */
const sum = (amounts: readonly Cents[]): Cents => amounts.reduce((a, b) => a + b, 0n);
const atRateZero = (s: Scenario): Scenario => ({ ...s, valuation: { ...s.valuation, discountRate: new Decimal(0) } });

describe('projection properties', () => {
  it('(a) totals.fee = Σ period fees = last cumulative; other totals are sums too', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { periods, totals } = project(s);
        const last = periods[periods.length - 1];
        expect(last).toBeDefined();
        expect(totals.fee === sum(periods.map((p) => p.fee)), describeScenario(s)).toBe(true);
        expect(totals.fee === last!.cumulative).toBe(true);
        expect(totals.base === sum(periods.map((p) => p.base))).toBe(true);
        expect(totals.discount === sum(periods.map((p) => p.discount))).toBe(true);
        expect(totals.pv === sum(periods.map((p) => p.pv))).toBe(true);
        expect(totals.periods).toBe(periods.length);
        // cumulative is the running sum; every amount is whole cents; discount = base − fee
        let running = 0n;
        for (const p of periods) {
          running += p.fee;
          expect(p.cumulative === running).toBe(true);
          for (const amount of [p.base, p.fee, p.discount, p.pv]) {
            expect(typeof amount).toBe('bigint');
            expect(money(amount)).toMatch(CENTS);
          }
          expect(p.discount === p.base - p.fee).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(b) at discount rate 0, totals.pv = totals.fee and every df is 1', () => {
    fc.assert(
      fc.property(scenarioArb.map(atRateZero), (s) => {
        const { periods, totals } = project(s);
        expect(totals.pv === totals.fee, describeScenario(s)).toBe(true);
        for (const p of periods) {
          expect(p.discountFactor === DF_ONE).toBe(true);
          expect(p.pv === p.fee).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(c) proration never exceeds a full period', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const p of project(s).periods) {
          expect(p.days).toBeGreaterThanOrEqual(1);
          expect(p.days).toBeLessThanOrEqual(p.length);
          // segments tile the period's days, in consecutive contract months
          expect(p.segments.reduce((n, seg) => n + seg.days, 0)).toBe(p.days);
          p.segments.forEach((seg, i) => i > 0 && expect(seg.month).toBe(p.segments[i - 1]!.month + 1));
          const most = (f: (seg: (typeof p.segments)[number]) => bigint): bigint => p.segments.reduce((m, seg) => (absCents(f(seg)) > m ? absCents(f(seg)) : m), 0n);
          expect(absCents(p.fee) <= most((seg) => toCents(seg.fullFee)), describeScenario(s)).toBe(true);
          expect(absCents(p.base) <= most((seg) => toCents(seg.fullBase))).toBe(true);
          // a full period in one contract month is exactly the rounded full amount
          const only = p.segments.length === 1 ? p.segments[0]! : undefined;
          if (p.days === p.length && only) {
            expect(p.fee === toCents(only.fullFee)).toBe(true);
            expect(p.base === toCents(only.fullBase)).toBe(true);
          }
          // fee and base are never negative (fee > 0, discount ≤ 100%, escalation > −100%)
          expect(p.fee < 0n).toBe(false);
          const exactBase = p.segments.reduce((sum, seg) => sum.plus(seg.fullBase.times(seg.days)), new Decimal(0)).div(p.length);
          expect(p.base > 0n).toBe(exactBase.gte('0.005'));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(d) periods are contiguous and tile the term exactly', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { periods } = project(s);
        const { start, end } = s.term;
        expect(periods.length).toBeGreaterThan(0);
        expect(periods[0]!.start).toBe(start);
        expect(periods[periods.length - 1]!.end).toBe(end);
        periods.forEach((p, i) => {
          expect(p.index).toBe(i + 1);
          expect(p.days).toBe(p.end - p.start + 1);
          const next = periods[i + 1];
          if (next) expect(next.start).toBe(p.end + 1);
        });
        expect(periods.reduce((n, p) => n + p.days, 0)).toBe(end - start + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('(e) totals.days equals the number of days in the term', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(project(s).totals.days).toBe(s.term.end - s.term.start + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('period boundaries follow the billing kind', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { periods } = project(s);
        periods.forEach((p, i) => {
          if (s.billing.periods === 'calendar') {
            // the length is the calendar month of the period; only the first period may start mid-month
            expect(p.length).toBe(monthLength(p.start));
            expect(toYmd(p.end).month).toBe(toYmd(p.start).month);
            if (i > 0) expect(toYmd(p.start).day).toBe(1);
            if (i < periods.length - 1) expect(p.end + 1).toBe(addMonths(p.start - toYmd(p.start).day + 1, 1));
          } else {
            // b_(k-1) .. b_k − 1 with b_k = start + k months, computed from the start
            expect(p.start).toBe(addMonths(s.term.start, i));
            expect(p.length).toBe(addMonths(s.term.start, i + 1) - p.start);
            expect(p.length).toBeGreaterThanOrEqual(28);
            expect(p.length).toBeLessThanOrEqual(31);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('payment dates: advance = first day, arrears = day after last day, plus terms', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const p of project(s).periods) {
          const due = s.billing.timing === 'advance' ? p.start : p.end + 1;
          expect(p.paymentDate).toBe(due + s.billing.paymentTermsDays);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('discount factors: 1 on the valuation date, above 1 before it and below after it for a positive rate', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const rate = s.valuation.discountRate;
        for (const p of project(s).periods) {
          const offset = p.paymentDate - s.valuation.date;
          if (rate.isZero() || offset === 0) expect(p.discountFactor === DF_ONE).toBe(true);
          else if (rate.gt(0)) expect(p.discountFactor > DF_ONE).toBe(offset < 0);
          else expect(p.discountFactor < DF_ONE).toBe(offset < 0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
