/**
 * cash-flows.ts (SPEC §2 "Fees", "Payment dates"; §6 rounding, ramp and
 * escalation rules): escalation, ramp, half-up proration, discount sign,
 * payment dates.
 */
import { describe, expect, it } from 'vitest';
import { cashFlow, fullBase, fullFee, paymentDate } from '../../src/model/cash-flows.js';
import { centsOfRatio, Decimal, money } from '../../src/model/money.js';
import type { Period } from '../../src/model/schedule.js';
import type { RampStep, Scenario } from '../../src/scenario/types.js';
import { day, dec, iso } from './helpers.js';

type Pricing = Scenario['pricing'];
type Billing = Scenario['billing'];

const pricing = (
  monthlyFee: string,
  ramp: RampStep[] = [],
  escalation: { rate: string; everyMonths: number } | null = null,
): Pricing => ({
  monthlyFee: dec(monthlyFee),
  ramp,
  escalation: escalation ? { rate: dec(escalation.rate), everyMonths: escalation.everyMonths } : null,
});

const discountStep = (months: number, discount: string): RampStep => ({ months, discount: dec(discount) });
const feeStep = (months: number, fee: string): RampStep => ({ months, fee: dec(fee) });

/** fullFee of period k with its own fullBase, printed exactly (no rounding). */
const feeOf = (p: Pricing, k: number): string => fullFee(p, k, fullBase(p, k)).toString();
const baseOf = (p: Pricing, k: number): string => fullBase(p, k).toString();

describe('fullBase: escalation', () => {
  it('without escalation every period is the monthly fee', () => {
    const p = pricing('1250000000');
    for (const k of [1, 2, 12, 13, 36, 120]) expect(baseOf(p, k)).toBe('1250000000');
  });

  it('a zero escalation rate is no escalation', () => {
    const p = pricing('1000', [], { rate: '0', everyMonths: 12 });
    expect(baseOf(p, 13)).toBe('1000');
    expect(baseOf(p, 120)).toBe('1000');
  });

  it('3% every 12 periods: 1..12 unescalated, 13..24 × 1.03, 25 × 1.0609 exactly', () => {
    const p = pricing('1250000000', [], { rate: '0.03', everyMonths: 12 });
    expect(baseOf(p, 1)).toBe('1250000000');
    expect(baseOf(p, 12)).toBe('1250000000');
    expect(baseOf(p, 13)).toBe('1287500000');
    expect(baseOf(p, 24)).toBe('1287500000');
    expect(baseOf(p, 25)).toBe('1326125000'); // 1.25e9 × 1.0609
    expect(baseOf(p, 37)).toBe('1365908750'); // 1.25e9 × 1.092727
    const q = pricing('1000.01', [], { rate: '0.03', everyMonths: 12 });
    expect(baseOf(q, 25)).toBe('1060.910609'); // exact decimal product, no rounding yet
  });

  it('a negative escalation lowers the base', () => {
    const p = pricing('1000', [], { rate: '-0.1', everyMonths: 12 });
    expect(baseOf(p, 12)).toBe('1000');
    expect(baseOf(p, 13)).toBe('900');
    expect(baseOf(p, 25)).toBe('810');
    expect(baseOf(p, 37)).toBe('729');
  });

  it('every_months 1 escalates every period', () => {
    const p = pricing('1000', [], { rate: '0.01', everyMonths: 1 });
    expect(baseOf(p, 1)).toBe('1000');
    expect(baseOf(p, 2)).toBe('1010');
    expect(baseOf(p, 3)).toBe('1020.1');
    expect(baseOf(p, 4)).toBe('1030.301');
  });

  it('every_months 3: steps at periods 4, 7, ...', () => {
    const p = pricing('1000', [], { rate: '0.5', everyMonths: 3 });
    expect([1, 2, 3, 4, 6, 7, 10].map((k) => baseOf(p, k))).toEqual(['1000', '1000', '1000', '1500', '1500', '2250', '3375']);
  });
});

describe('fullFee: ramp', () => {
  it('no ramp: the fee is the base', () => {
    const p = pricing('1000', [], { rate: '0.1', everyMonths: 1 });
    expect(feeOf(p, 1)).toBe('1000');
    expect(feeOf(p, 2)).toBe('1100');
  });

  it('steps are laid end to end from period 1; periods past the ramp pay the base', () => {
    const p = pricing('1000', [discountStep(2, '0.5'), feeStep(1, '900'), discountStep(3, '0.1')]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((k) => feeOf(p, k))).toEqual([
      '500', '500', // step 1: periods 1-2, 50% off
      '900', // step 2: period 3, fixed fee
      '900', '900', '900', // step 3: periods 4-6, 10% off
      '1000', '1000', // past the ramp
    ]);
  });

  it('discount steps apply to the escalated base', () => {
    // 10% escalation every 3 periods; 25% off for 6 periods
    const p = pricing('1000', [discountStep(6, '0.25')], { rate: '0.1', everyMonths: 3 });
    expect(feeOf(p, 3)).toBe('750'); // 1000 × 0.75
    expect(feeOf(p, 4)).toBe('825'); // 1100 × 0.75
    expect(feeOf(p, 6)).toBe('825');
    expect(feeOf(p, 7)).toBe('1210'); // past the ramp: 1000 × 1.1²
  });

  it('fixed fee steps are not escalated', () => {
    const p = pricing('1000', [discountStep(2, '0.5'), feeStep(4, '900')], { rate: '0.1', everyMonths: 3 });
    expect(baseOf(p, 4)).toBe('1100');
    expect(feeOf(p, 3)).toBe('900');
    expect(feeOf(p, 4)).toBe('900'); // not 990
    expect(feeOf(p, 6)).toBe('900');
    expect(feeOf(p, 7)).toBe('1210');
  });

  it('a 100% discount is a free period, a 0% discount is the base, a fee of 0 is free', () => {
    const p = pricing('1000', [discountStep(1, '1'), discountStep(1, '0'), feeStep(1, '0')]);
    expect(fullFee(p, 1, fullBase(p, 1)).isZero()).toBe(true);
    expect(feeOf(p, 2)).toBe('1000');
    expect(fullFee(p, 3, fullBase(p, 3)).isZero()).toBe(true);
    expect(feeOf(p, 4)).toBe('1000');
  });
});

describe('centsOfRatio (proration): half-up cents on exact decimals', () => {
  it('float premise: binary floating point gets these ties wrong', () => {
    expect((1.005).toFixed(2)).toBe('1.00');
    expect((2.675).toFixed(2)).toBe('2.67');
    expect((1.015).toFixed(2)).toBe('1.01');
  });

  it('rounds full-period ties half up: 1.005 → 1.01, 2.675 → 2.68, 1.015 → 1.02', () => {
    expect(money(centsOfRatio(dec('1.005'), 31, 31))).toBe('1.01');
    expect(money(centsOfRatio(dec('2.675'), 30, 30))).toBe('2.68');
    expect(money(centsOfRatio(dec('1.015'), 28, 28))).toBe('1.02');
    expect(money(centsOfRatio(dec('1.0049999'), 30, 30))).toBe('1.00');
  });

  it('rounds prorated ties half up', () => {
    expect(money(centsOfRatio(dec('2.01'), 15, 30))).toBe('1.01'); // 1.005
    expect(money(centsOfRatio(dec('5.35'), 14, 28))).toBe('2.68'); // 2.675
    expect(money(centsOfRatio(dec('0.25'), 14, 28))).toBe('0.13'); // 0.125
    expect(money(centsOfRatio(dec('1250000000.15'), 15, 30))).toBe('625000000.08'); // 625000000.075
  });

  it('rounds a negative tie away from zero', () => {
    expect(money(centsOfRatio(dec('-1.005'), 31, 31))).toBe('-1.01');
    expect(money(centsOfRatio(dec('-0.25'), 14, 28))).toBe('-0.13');
    expect(money(centsOfRatio(dec('-2.675'), 30, 30))).toBe('-2.68');
  });

  it('prorates exactly: days / length of the full amount', () => {
    expect(money(centsOfRatio(dec('1250000000'), 19, 28))).toBe('848214285.71');
    expect(money(centsOfRatio(dec('1250000000'), 10, 31))).toBe('403225806.45');
    expect(money(centsOfRatio(dec('1250000000'), 30, 30))).toBe('1250000000.00');
    // 17 significant digits would be lost in a double
    expect(money(centsOfRatio(dec('12345678901234567.89'), 17, 31))).toBe('6770211010354440.46');
  });

  it('a full period of 1/3 prorated over 3 of 3 days is round2 of the full amount', () => {
    const third = new Decimal(1).div(3);
    expect(money(centsOfRatio(third, 3, 3))).toBe('0.33');
    expect(money(centsOfRatio(third, 2, 3))).toBe('0.22');
  });
});

describe('cashFlow', () => {
  const period = (index: number, start: string, end: string, length: number): Period => ({
    index,
    start: day(start),
    end: day(end),
    days: day(end) - day(start) + 1,
    length,
  });
  const billing: Billing = { periods: 'calendar', timing: 'advance', paymentTermsDays: 0 };

  it('the seed deal period 1: 50% off a full June', () => {
    const p = pricing('1250000000', [discountStep(2, '0.5')]);
    const f = cashFlow(period(1, '2026-06-01', '2026-06-30', 30), day('2026-06-01'), p, billing);
    expect(money(f.base)).toBe('1250000000.00');
    expect(money(f.fee)).toBe('625000000.00');
    expect(money(f.discount)).toBe('625000000.00');
    expect(f.segments.map((s) => [s.month, s.days, s.fullBase.toString(), s.fullFee.toString()])).toEqual([[1, 30, '1250000000', '625000000']]);
    expect(iso(f.paymentDate)).toBe('2026-06-01');
    expect([f.index, iso(f.start), iso(f.end), f.days, f.length]).toEqual([1, '2026-06-01', '2026-06-30', 30, 30]);
  });

  it('a short first period is ramp month 1 and is prorated', () => {
    const p = pricing('1250000000', [discountStep(2, '0.5')]);
    const f = cashFlow(period(1, '2027-02-10', '2027-02-28', 28), day('2027-02-10'), p, billing);
    expect(money(f.base)).toBe('848214285.71'); // 1.25e9 × 19/28
    expect(money(f.fee)).toBe('424107142.86'); // 6.25e8 × 19/28 = 424107142.857...
    expect(money(f.discount)).toBe('424107142.85'); // base − fee of the rounded amounts
  });

  it('discount = base − fee is negative when a fixed ramp fee is above the base', () => {
    const p = pricing('1000', [feeStep(1, '1500')]);
    const full = cashFlow(period(1, '2026-06-01', '2026-06-30', 30), day('2026-06-01'), p, billing);
    expect(money(full.base)).toBe('1000.00');
    expect(money(full.fee)).toBe('1500.00');
    expect(money(full.discount)).toBe('-500.00');
    const half = cashFlow(period(1, '2026-06-16', '2026-06-30', 30), day('2026-06-16'), p, billing);
    expect([money(half.base), money(half.fee), money(half.discount)]).toEqual(['500.00', '750.00', '-250.00']);
  });

  it('base and fee are each rounded, and discount is their difference', () => {
    // full base 2.01, full fee 1.005 (50% off): 15 of 30 days
    const p = pricing('2.01', [discountStep(1, '0.5')]);
    const f = cashFlow(period(1, '2026-06-16', '2026-06-30', 30), day('2026-06-16'), p, billing);
    expect(money(f.base)).toBe('1.01'); // 1.005 → 1.01
    expect(money(f.fee)).toBe('0.50'); // 0.5025 → 0.50
    expect(money(f.discount)).toBe('0.51');
  });

  it('an escalated, prorated last period', () => {
    const p = pricing('1000000.123456', [], { rate: '0.03', everyMonths: 12 });
    // a contract from 2027-02-28: contract month 25 runs from 2029-02-28 to 2029-03-27
    const f = cashFlow(period(26, '2029-02-28', '2029-03-15', 31), day('2027-02-28'), p, billing);
    expect(f.segments.map((s) => [s.month, s.fullBase.toString()])).toEqual([[25, '1060900.1309744704']]); // 1000000.123456 × 1.0609
    expect(money(f.fee)).toBe('547561.36'); // × 16/31
  });
});

describe('paymentDate', () => {
  const june = { start: day('2026-06-01'), end: day('2026-06-30') };
  const date = (p: { start: number; end: number }, timing: Billing['timing'], terms: number): string =>
    iso(paymentDate(p, { periods: 'calendar', timing, paymentTermsDays: terms }));

  it('advance: the first day of the period, plus terms', () => {
    expect(date(june, 'advance', 0)).toBe('2026-06-01');
    expect(date(june, 'advance', 30)).toBe('2026-07-01');
    expect(date(june, 'advance', 90)).toBe('2026-08-30');
  });

  it('arrears: the day after the last day of the period, plus terms', () => {
    expect(date(june, 'arrears', 0)).toBe('2026-07-01');
    expect(date(june, 'arrears', 45)).toBe('2026-08-15');
    // across the year end
    expect(date({ start: day('2026-12-01'), end: day('2026-12-31') }, 'arrears', 0)).toBe('2027-01-01');
    // a leap February: Feb 29 is the last day, paid on Mar 1
    const feb = { start: day('2028-02-01'), end: day('2028-02-29') };
    expect(date(feb, 'arrears', 0)).toBe('2028-03-01');
    expect(date(feb, 'arrears', 90)).toBe('2028-05-30');
    // a period cut short mid-month is paid the day after its own last day
    expect(date({ start: day('2026-08-15'), end: day('2026-08-20') }, 'arrears', 0)).toBe('2026-08-21');
    // a single-day period
    expect(date({ start: day('2026-06-15'), end: day('2026-06-15') }, 'arrears', 1)).toBe('2026-06-17');
  });

  it('cashFlow uses the billing timing and terms', () => {
    const p = pricing('1000');
    const per: Period = { index: 1, start: day('2028-02-01'), end: day('2028-02-29'), days: 29, length: 29 };
    expect(iso(cashFlow(per, per.start, p, { periods: 'calendar', timing: 'arrears', paymentTermsDays: 30 }).paymentDate)).toBe('2028-03-31');
    expect(iso(cashFlow(per, per.start, p, { periods: 'calendar', timing: 'advance', paymentTermsDays: 30 }).paymentDate)).toBe('2028-03-02');
  });
});
