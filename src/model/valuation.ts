/**
 * Discounting with the spreadsheet XNPV convention (SPEC §2):
 * df = (1 + rate)^(−days / 365), days counted in calendar days from the
 * valuation date; a payment before the valuation date has df > 1.
 *
 * decimal.js computes a fractional power through ln/exp, about 0.4 ms each:
 * a daily termination sweep over 30 years would spend seconds on it. So the
 * factor of a day offset n is built from two tables of powers of the
 * one-day factor, n = 512q + r: df(n) = big[q] × small[r], each table filled
 * by multiplication at 60 significant digits. Every factor is a fixed
 * function of its offset (whatever was asked before), and agrees with the
 * direct power to far more digits than a cent needs (tested).
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

const Precise = Decimal.clone({ precision: 60 });
type Precise = InstanceType<typeof Precise>;

const BLOCK = 512;

/** Powers base^0, base^1, ... filled on demand by repeated multiplication. */
function powers(base: Precise): (n: number) => Precise {
  const table: Precise[] = [new Precise(1)];
  return (n) => {
    for (let i = table.length; i <= n; i++) table.push((table[i - 1] as Precise).times(base));
    return table[n] as Precise;
  };
}

export function discounter(rate: Decimal, date: Day): Discounter {
  let factor: (day: Day) => Decimal;
  if (rate.isZero()) {
    factor = () => ONE;
  } else {
    const growth = new Precise(1).plus(rate);
    const day = (sign: 1 | -1): { small: (n: number) => Precise; big: (n: number) => Precise } => {
      const step = growth.pow(new Precise(-sign).div(365));
      return { small: powers(step), big: powers(step.pow(BLOCK)) };
    };
    const later = day(1);
    const earlier = day(-1);
    const cache = new Map<number, Decimal>();
    factor = (d) => {
      const offset = d - date;
      let df = cache.get(offset);
      if (df === undefined) {
        const n = Math.abs(offset);
        const t = offset >= 0 ? later : earlier;
        df = new Decimal(t.big(Math.floor(n / BLOCK)).times(t.small(n % BLOCK)));
        cache.set(offset, df);
      }
      return df;
    };
  }
  return {
    rate,
    date,
    factor,
    presentValue: (amount, d) => round2(amount.times(factor(d))),
  };
}
