/**
 * valuation.ts (SPEC §2 "Valuation", §6): df = (1 + r)^(−days/365), XNPV
 * convention, pv rounded half up to cents.
 *
 * Expected factors were computed independently with Python's decimal module:
 *   python3 -c 'from decimal import *; getcontext().prec=50; print(Decimal("1.1")**(Decimal(-30)/365))'
 *
 * A factor is a fixed-point bigint (df × 10^60, DF_ONE is exactly 1), printed
 * with formatFactor (half up); amounts are Cents (bigint), printed with money.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, divHalfUp, money, toCents } from '../../src/model/money.js';
import { discounter, factorToDecimal, formatFactor, type Factor } from '../../src/model/valuation.js';
import { cents, day, dec, DF_ONE } from './helpers.js';

const VAL = day('2026-06-01');

describe('discount factor', () => {
  it('is exactly 1 at rate 0, for any payment date', () => {
    const d = discounter(dec('0'), VAL);
    for (const offset of [-1000, -1, 0, 1, 30, 365, 10_000]) {
      const f = d.factor(VAL + offset);
      expect(f).toBe(DF_ONE);
      expect(factorToDecimal(f).eq(1)).toBe(true);
    }
  });

  it('is exactly 1 on the valuation date, at any rate', () => {
    for (const rate of ['0.1', '-0.5', '0.0725', '3']) {
      expect(discounter(dec(rate), VAL).factor(VAL)).toBe(DF_ONE);
    }
  });

  it('one year at 10% is 1/1.1', () => {
    const f = discounter(dec('0.1'), VAL).factor(day('2027-06-01')); // 365 days later
    expect(formatFactor(f, 10)).toBe('0.9090909091');
    // Python: 0.90909090909090909090909090909090909090909090909091
    expect(formatFactor(f, 20)).toBe('0.90909090909090909091');
  });

  it('30 days at 10%: (1.1)^(-30/365)', () => {
    const f = discounter(dec('0.1'), VAL).factor(day('2026-07-01'));
    // Python: 0.99219689015897587992448417495565478898368793549454
    expect(formatFactor(f, 10)).toBe('0.9921968902');
    expect(formatFactor(f, 20)).toBe('0.99219689015897587992');
  });

  it('61 days at 10%', () => {
    const f = discounter(dec('0.1'), VAL).factor(day('2026-08-01'));
    // Python: 0.98419763787640408790598002893162004735149673799759
    expect(formatFactor(f, 20)).toBe('0.98419763787640408791');
  });

  it('is above 1 for a payment before the valuation date', () => {
    const d = discounter(dec('0.1'), day('2026-07-01'));
    const f = d.factor(VAL); // 30 days before
    expect(f > DF_ONE).toBe(true);
    // Python: (1.1)^(30/365) = 1.0078644772206188409734099077269581091140411390973
    expect(formatFactor(f, 20)).toBe('1.00786447722061884097');
    // and is the reciprocal of the factor 30 days after (the product, back in fixed point)
    expect(formatFactor(divHalfUp(f * d.factor(day('2026-07-31')), DF_ONE), 30)).toBe('1.' + '0'.repeat(30));
  });

  it('whole years at rates with terminating factors: 2, 0.5, 0.25 (exact)', () => {
    const at30 = (f: Factor): string => formatFactor(f, 30);
    const neg = discounter(dec('-0.5'), VAL);
    expect(at30(neg.factor(day('2027-06-01')))).toBe('2.' + '0'.repeat(30)); // 0.5^(-1), 365 days after
    // a factor that terminates within 50 decimals is exact: a half-cent tie against it stays a tie
    expect(neg.factor(day('2027-06-01'))).toBe(2n * DF_ONE);
    expect(at30(neg.factor(day('2025-06-01')))).toBe('0.5' + '0'.repeat(29)); // 0.5^1, 365 days before
    const pos = discounter(dec('1'), VAL);
    expect(at30(pos.factor(day('2027-06-01')))).toBe('0.5' + '0'.repeat(29)); // 2^(-1)
    expect(at30(pos.factor(day('2028-05-31')))).toBe('0.25' + '0'.repeat(28)); // 730 days: 2^(-2)
    expect(pos.factor(day('2027-06-01')) < DF_ONE).toBe(true);
    expect(neg.factor(day('2027-06-01')) > DF_ONE).toBe(true); // a negative rate grows later payments
  });

  it('counts calendar days over a leap year: 366 days is more than one year', () => {
    const d = discounter(dec('0.1'), day('2028-01-01'));
    const f = d.factor(day('2029-01-01')); // 366 days
    expect(factorToDecimal(f).lt(dec(1).div(dec('1.1')))).toBe(true);
  });

  it('returns the same value on repeated calls (cache)', () => {
    const d = discounter(dec('0.1'), VAL);
    const a = d.factor(VAL + 30).toString();
    const b = d.factor(VAL + 30).toString();
    expect(b).toBe(a);
    expect(d.factor(VAL - 30).toString()).not.toBe(a);
  });
});

describe('presentValue', () => {
  it('is the amount itself at rate 0, rounded to cents', () => {
    const d = discounter(dec('0'), VAL);
    expect(money(d.presentValue(cents('625000000'), VAL + 400))).toBe('625000000.00');
    // the half-cent tie is rounded half up when the amount becomes cents; df 1 keeps it
    expect(money(toCents(new Decimal('1.005')))).toBe('1.01');
    expect(money(d.presentValue(toCents(new Decimal('1.005')), VAL + 10))).toBe('1.01');
  });

  it('rounds half up to cents (exact-tie factors)', () => {
    const d = discounter(dec('1'), VAL); // df = 0.5 exactly one year later
    const year = day('2027-06-01');
    expect(money(d.presentValue(cents('0.25'), year))).toBe('0.13'); // 0.125
    expect(money(d.presentValue(cents('2.01'), year))).toBe('1.01'); // 1.005
    expect(money(d.presentValue(cents('-0.25'), year))).toBe('-0.13'); // away from zero
    expect(money(d.presentValue(cents('0.24'), year))).toBe('0.12');
  });

  it('a known value: 625,000,000 paid 30 days later at 10%', () => {
    const d = discounter(dec('0.1'), VAL);
    // 625000000 × 0.99219689015897587992... = 620123056.3493599...
    expect(money(d.presentValue(cents('625000000'), day('2026-07-01')))).toBe('620123056.35');
    expect(money(d.presentValue(cents('1000'), day('2027-06-01')))).toBe('909.09');
  });

  it('rounds ties half up with other terminating factors (1.25, 0.625)', () => {
    // rate −20%, one year after: df = 0.8^(−1) = 1.25; 0.02 × 1.25 = 0.025
    expect(money(discounter(dec('-0.2'), VAL).presentValue(cents('0.02'), day('2027-06-01')))).toBe('0.03');
    // rate 25%, one year before: df = 1.25
    expect(money(discounter(dec('0.25'), VAL).presentValue(cents('0.02'), day('2025-06-01')))).toBe('0.03');
    // rate 60%, one year after: df = 0.625; 0.2 × 0.625 = 0.125
    expect(money(discounter(dec('0.6'), VAL).presentValue(cents('0.2'), day('2027-06-01')))).toBe('0.13');
    expect(money(discounter(dec('0.6'), VAL).presentValue(cents('-0.2'), day('2027-06-01')))).toBe('-0.13');
  });

  it('a payment before the valuation date is worth more', () => {
    const d = discounter(dec('0.1'), day('2027-06-01'));
    expect(money(d.presentValue(cents('1000'), VAL))).toBe('1100.00'); // 365 days before: × 1.1
  });
});

describe('discount factor properties', () => {
  // An independent evaluation of the formula: decimal.js's own power at 80 digits.
  const Wide = Decimal.clone({ precision: 80 });
  const rateArb = fc.integer({ min: -5000, max: 5000 }).filter((n) => n !== 0).map((n) => n / 10_000);
  const offsetArb = fc.integer({ min: -4000, max: 20_000 });

  it('is (1 + r)^(−days/365) correctly rounded to 50 decimals (property)', () => {
    // half a unit of the 50th decimal, plus a hair for the tables' own error (about 1e-67 relative)
    const bound = new Wide('0.5e-50').plus('1e-60');
    fc.assert(
      fc.property(rateArb, offsetArb, (r, offset) => {
        const rate = String(r);
        const expected = new Wide(1).plus(rate).pow(new Wide(-offset).div(365));
        const actual = new Wide(factorToDecimal(discounter(dec(rate), VAL).factor(VAL + offset)).toFixed());
        const error = actual.minus(expected).abs();
        expect(error.lte(bound), `rate ${rate} offset ${offset}: error ${error.toExponential(3)}`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a factor does not depend on which factors were asked before (property)', () => {
    fc.assert(
      fc.property(rateArb, fc.array(offsetArb, { minLength: 1, maxLength: 20 }), (r, offsets) => {
        const a = discounter(dec(String(r)), VAL);
        const b = discounter(dec(String(r)), VAL);
        const forward = offsets.map((o) => a.factor(VAL + o).toString());
        const backward = [...offsets].reverse().map((o) => b.factor(VAL + o).toString()).reverse();
        expect(backward).toEqual(forward);
        // and a fresh discounter asked for one offset only agrees too
        expect(discounter(dec(String(r)), VAL).factor(VAL + offsets[0]!).toString()).toBe(forward[0]);
      }),
      { numRuns: 100 },
    );
  });

  it('is strictly monotonic in the payment date for a positive rate (property)', () => {
    fc.assert(
      fc.property(rateArb.filter((r) => r > 0), offsetArb, (r, offset) => {
        const d = discounter(dec(String(r)), VAL);
        expect(d.factor(VAL + offset) > d.factor(VAL + offset + 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
