/**
 * Discounting with the spreadsheet XNPV convention (SPEC §2):
 * df = (1 + rate)^(−days / 365), days counted in calendar days from the
 * valuation date; a payment before the valuation date has df > 1.
 */
import type { Day } from './calendar.js';
import { Decimal, ONE, round2 } from './money.js';

export interface Discounter {
  readonly rate: Decimal;
  readonly date: Day;
  /** Discount factor of a payment on `day`. */
  factor(day: Day): Decimal;
  /** Present value of an amount paid on `day`, rounded to cents. */
  presentValue(amount: Decimal, day: Day): Decimal;
}

export function discounter(rate: Decimal, date: Day): Discounter {
  const growth = ONE.plus(rate);
  // decimal.js computes a fractional power through ln/exp, which is slow:
  // the same day offsets recur (periods, notices), so remember them.
  const cache = new Map<number, Decimal>();
  const factor = (day: Day): Decimal => {
    if (rate.isZero()) return ONE;
    const offset = day - date;
    let df = cache.get(offset);
    if (df === undefined) {
      df = offset === 0 ? ONE : growth.pow(new Decimal(-offset).div(365));
      cache.set(offset, df);
    }
    return df;
  };
  return {
    rate,
    date,
    factor,
    presentValue: (amount, day) => round2(amount.times(factor(day))),
  };
}
