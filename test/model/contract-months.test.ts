/**
 * Contract months (SPEC §2, version 2): ramp steps and escalation count
 * months from term.start, c_j = start + j months (never chained), and a
 * calendar billing period that straddles a boundary is prorated piecewise
 * and rounded once. Explicit date tables first, each commented, then the
 * figures of the issue, then a brute force: every service day priced on
 * its own, its contract month found by date-fns's addMonths.
 */
import { addMonths as dfAddMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractMonthOf, segmentsOf } from '../../src/model/contract-months.js';
import { Decimal, money } from '../../src/model/money.js';
import { project } from '../../src/model/projection.js';
import { outcomeOf, terminationModel } from '../../src/model/termination.js';
import type { RampStep } from '../../src/scenario/types.js';
import { scenarioArb } from '../support/arbitraries.js';
import { dec, day, iso, scenario } from './helpers.js';
import { scenario as withTermination } from '../termination/helpers.js';

/** Segments of a period as [first day, contract month, days]. */
function table(start: string, from: string, to: string): [string, number, number][] {
  let d = day(from);
  return segmentsOf(day(start), day(from), day(to)).map((s) => {
    const row: [string, number, number] = [iso(d), s.month, s.days];
    d += s.days;
    return row;
  });
}

describe('segments of calendar periods', () => {
  it('a start on the 1st: every calendar month is one contract month', () => {
    expect(table('2026-06-01', '2026-06-01', '2026-06-30')).toEqual([['2026-06-01', 1, 30]]);
    expect(table('2026-06-01', '2027-05-01', '2027-05-31')).toEqual([['2027-05-01', 12, 31]]);
  });

  it('a start on the 15th: months run from the 15th to the 14th', () => {
    expect(table('2025-11-15', '2025-11-15', '2025-11-30')).toEqual([['2025-11-15', 1, 16]]);
    expect(table('2025-11-15', '2025-12-01', '2025-12-31')).toEqual([['2025-12-01', 1, 14], ['2025-12-15', 2, 17]]);
    // the last stub of a five-year term (to 2030-11-14) lies in month 60, never in a 61st
    expect(table('2025-11-15', '2030-11-01', '2030-11-14')).toEqual([['2030-11-01', 60, 14]]);
  });

  it('a start on the 28th: the boundary is the 28th of every month', () => {
    expect(table('2026-06-28', '2026-07-01', '2026-07-31')).toEqual([['2026-07-01', 1, 27], ['2026-07-28', 2, 4]]);
    expect(table('2026-06-28', '2027-02-01', '2027-02-28')).toEqual([['2027-02-01', 8, 27], ['2027-02-28', 9, 1]]);
  });

  it('a start on the 29th and 30th: February clamps the boundary to its last day, March is back on the day', () => {
    expect(table('2026-01-29', '2026-02-01', '2026-02-28')).toEqual([['2026-02-01', 1, 27], ['2026-02-28', 2, 1]]);
    expect(table('2026-01-29', '2026-03-01', '2026-03-31')).toEqual([['2026-03-01', 2, 28], ['2026-03-29', 3, 3]]);
    expect(table('2026-01-30', '2026-03-01', '2026-03-31')).toEqual([['2026-03-01', 2, 29], ['2026-03-30', 3, 2]]);
  });

  it('a start on Jan 31: Feb 28, Mar 31, Apr 30, from the start, never drifting to the 28th', () => {
    expect(table('2026-01-31', '2026-02-01', '2026-02-28')).toEqual([['2026-02-01', 1, 27], ['2026-02-28', 2, 1]]);
    expect(table('2026-01-31', '2026-03-01', '2026-03-31')).toEqual([['2026-03-01', 2, 30], ['2026-03-31', 3, 1]]);
    expect(table('2026-01-31', '2026-04-01', '2026-04-30')).toEqual([['2026-04-01', 3, 29], ['2026-04-30', 4, 1]]);
  });

  it('a leap year: a Jan 31 start crosses into month 2 on Feb 29', () => {
    expect(table('2028-01-31', '2028-02-01', '2028-02-29')).toEqual([['2028-02-01', 1, 28], ['2028-02-29', 2, 1]]);
    // and a Feb 29 start steps on the 28th or 29th, whichever each February has
    expect(contractMonthOf(day('2028-02-29'), day('2029-02-28'))).toBe(13);
    expect(contractMonthOf(day('2028-02-29'), day('2029-02-27'))).toBe(12);
  });

  it('anniversary periods are contract months: one segment each', () => {
    const s = scenario({ start: '2026-01-31', end: '2027-01-30', monthlyFee: '1000', periods: 'anniversary' });
    const periods = project(s).periods;
    expect(periods.map((p) => p.segments.map((seg) => [seg.month, seg.days]))).toEqual(periods.map((p) => [[p.index, p.days]]));
  });
});

const fees = (s: ReturnType<typeof scenario>): [string, string][] => project(s).periods.map((p) => [iso(p.start), money(p.fee)]);
const discount = (months: number, rate: string): RampStep => ({ months, discount: dec(rate) });

describe('ramp and escalation by contract month, prorated piecewise', () => {
  it('a ramp of one month from the 15th covers Jun 15 to Jul 14: half of July is still free', () => {
    const s = scenario({ start: '2026-06-15', end: '2026-08-31', monthlyFee: '3100', ramp: [discount(1, '1')] });
    // July: 14 free days, 17 days at 3100 → 3100 × 17/31 = 1700.00
    expect(fees(s)).toEqual([['2026-06-15', '0.00'], ['2026-07-01', '1700.00'], ['2026-08-01', '3100.00']]);
  });

  it('a ramp of three months from the 15th ends on Jun 14', () => {
    const s = scenario({ start: '2026-03-15', end: '2026-07-31', monthlyFee: '3100', ramp: [discount(3, '1')] });
    // June: Jun 1–14 free (month 3), Jun 15–30 paid (month 4): 3100 × 16/30 = 1653.333… → 1653.33
    expect(fees(s)).toEqual([['2026-03-15', '0.00'], ['2026-04-01', '0.00'], ['2026-05-01', '0.00'], ['2026-06-01', '1653.33'], ['2026-07-01', '3100.00']]);
  });

  it('escalation every month: February is half at 1000 and half at 1100, rounded once', () => {
    const s = scenario({ start: '2026-01-15', end: '2026-03-31', monthlyFee: '1000', escalation: { rate: dec('0.1'), everyMonths: 1 } });
    // Jan 15–31: 1000 × 17/31 = 548.387… → 548.39
    // Feb: (1000 × 14 + 1100 × 14) / 28 = 1050.00
    // Mar: (1100 × 14 + 1210 × 17) / 31 = 35970/31 = 1160.322… → 1160.32
    expect(fees(s)).toEqual([['2026-01-15', '548.39'], ['2026-02-01', '1050.00'], ['2026-03-01', '1160.32']]);
  });

  it('escalation every six months steps up on Jul 15, inside the July period', () => {
    const s = scenario({ start: '2026-01-15', end: '2026-08-31', monthlyFee: '1000', escalation: { rate: dec('0.1'), everyMonths: 6 } });
    // Jul: (1000 × 14 + 1100 × 17) / 31 = 32700/31 = 1054.838… → 1054.84; Aug: 1100
    expect(fees(s).slice(-2)).toEqual([['2026-07-01', '1054.84'], ['2026-08-01', '1100.00']]);
  });

  it('escalation every twelve months: the five-year contract from 2025-11-15 totals 17,400,000,000.10', () => {
    const s = scenario({ start: '2025-11-15', end: '2030-11-14', monthlyFee: '273114128.53', escalation: { rate: dec('0.03'), everyMonths: 12 } });
    const p = project(s);
    expect(p.totals.periods).toBe(61);
    expect(money(p.totals.fee)).toBe('17400000000.10');
    // the last stub at 1.03^4 (month 60), not 1.03^5: 273,114,128.53 × 1.03^4 × 14/30
    expect(money(p.periods[60]!.fee)).toBe('143449766.97');
  });

  it('the seed deal started on 2026-06-28: June, July and August as contracts word "two ramp months"', () => {
    const s = scenario({ start: '2026-06-28', end: '2029-05-31', monthlyFee: '1250000000', ramp: [discount(2, '0.5')] });
    const p = project(s);
    // Jun 28–30: 3 ramp days of 30; July: 31 ramp days; August: 27 ramp days (to Aug 27) and 4 full days
    expect(fees(s).slice(0, 3)).toEqual([['2026-06-28', '62500000.00'], ['2026-07-01', '625000000.00'], ['2026-08-01', '705645161.29']]);
    expect(money(p.totals.fee)).toBe('42643145161.29');
  });
});

describe('a notice whose last service day falls inside a straddling period', () => {
  const seed28 = withTermination({ start: '2026-06-28', end: '2029-05-31', termination: { noticeDays: 62, by: 'either' } });
  const model = terminationModel(seed28);

  it('cuts the August period after its first segment and one day of the second', () => {
    // notice on Jun 28 + 62 days: effective Aug 29, last service Aug 28: 27 ramp days (month 2) and Aug 28 (month 3)
    const o = outcomeOf(model, { date: day('2026-06-28'), by: 'customer' });
    expect(iso(o.lastServiceDate)).toBe('2026-08-28');
    // (625,000,000 × 27 + 1,250,000,000 × 1) / 31 = 584,677,419.354… → 584,677,419.35
    expect(money(o.fees)).toBe('1272177419.35'); // 62,500,000.00 + 625,000,000.00 + 584,677,419.35
  });

  it('cuts inside the first segment when the last day comes before the boundary', () => {
    const o = outcomeOf(terminationModel(withTermination({ start: '2026-06-28', end: '2029-05-31', termination: { noticeDays: 40, by: 'either' } })), { date: day('2026-06-28'), by: 'customer' });
    // last service Aug 6: 6 ramp days of August, 625,000,000 × 6/31 = 120,967,741.935… → .94
    expect(iso(o.lastServiceDate)).toBe('2026-08-06');
    expect(money(o.fees)).toBe('808467741.94'); // with June's 62,500,000.00 and July's 625,000,000.00
  });
});

/** The contract month of a day found by walking date-fns's addMonths from the start (UTC midnight dates). */
function bruteMonth(start: number, d: number): number {
  const base = new Date(start * 86_400_000);
  let j = 1;
  while (Math.floor(dfAddMonths(base, j).getTime() / 86_400_000) <= d) j++;
  return j;
}

describe('brute force: every service day priced on its own', () => {
  it('fees and bases equal round2(Σ over days of full fee of the day\'s month / period length)', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { pricing } = s;
        const esc = pricing.escalation;
        const baseOf = (j: number): Decimal => (esc ? pricing.monthlyFee.times(new Decimal(1).plus(esc.rate).pow(Math.floor((j - 1) / esc.everyMonths))) : pricing.monthlyFee);
        const feeOf = (j: number): Decimal => {
          let last = 0;
          for (const step of pricing.ramp) {
            last += step.months;
            if (j <= last) return 'fee' in step ? step.fee : baseOf(j).times(new Decimal(1).minus(step.discount));
          }
          return baseOf(j);
        };
        const W = Decimal.clone({ precision: 80 });
        const r2 = (x: InstanceType<typeof W>): string => money(new Decimal(x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)));
        for (const p of project(s).periods) {
          let fee = new W(0);
          let base = new W(0);
          for (let d = p.start; d <= p.end; d++) {
            const j = bruteMonth(s.term.start, d);
            fee = fee.plus(feeOf(j).toString());
            base = base.plus(baseOf(j).toString());
          }
          expect([money(p.fee), money(p.base)]).toEqual([r2(fee.div(p.length)), r2(base.div(p.length))]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
