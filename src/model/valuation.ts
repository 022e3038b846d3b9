/**
 * Discounting with the spreadsheet XNPV convention (SPEC §2):
 * df = (1 + rate)^(−days / 365), days counted in calendar days from the
 * valuation date; a payment before the valuation date has df > 1.
 *
 * A factor is a fixed-point integer, df × 10^50, and a present value is
 * round2(amount × df) computed exactly from it. decimal.js computes a
 * fractional power through ln/exp, about 0.4 ms a call, and a daily
 * termination sweep over 30 years asks for some 20,000 factors; so the
 * factor of day offset n = 512q + r is big[q] × small[r], from two tables of
 * powers filled by integer multiplication at 70 decimals (error about
 * 1e-67), then rounded half up to 50 decimals. So every factor is the exact
 * power correctly rounded to 50 decimals (a factor that terminates, such as
 * 0.8^-1 = 1.25, is exact, and a half-cent tie stays a tie), and a fixed
 * function of its offset whatever was asked before (tested).
 */
import type { Day } from './calendar.js';
import { Decimal, divHalfUp, formatScaled, type Cents } from './money.js';

/** The day-count basis of every discount factor and rate: calendar days over 365 (spreadsheet XNPV and XIRR). */
export const DAYS_PER_YEAR = 365;

/** df × 10^50, rounded half up. */
export type Factor = bigint;

export const FACTOR_PLACES = 50;
const SCALE = 10n ** BigInt(FACTOR_PLACES);
/** Tables are kept at 70 decimals, 20 more than a factor, to absorb the error of their chained products. */
const INNER = 10n ** 70n;
const INNER_TO_FACTOR = 10n ** 90n; // (10^70 × 10^70) / 10^50

export interface Discounter {
  readonly rate: Decimal;
  readonly date: Day;
  /** Discount factor of a payment on `day`. */
  factor(day: Day): Factor;
  /** round2(amount × df(day)), exact from the factor. */
  presentValue(amount: Cents, day: Day): Cents;
}

/** A factor printed with `places` decimals, half up (the JSON shows 10). */
export function formatFactor(factor: Factor, places: number): string {
  return formatScaled(divHalfUp(factor, 10n ** BigInt(FACTOR_PLACES - places)), places);
}

export function factorToDecimal(factor: Factor): Decimal {
  return new Decimal(formatScaled(factor, FACTOR_PLACES));
}

const Wide = Decimal.clone({ precision: 100 });

/** A power at 70 decimals. */
function inner(value: InstanceType<typeof Wide>): bigint {
  const text = value.toFixed(75);
  const dot = text.indexOf('.');
  return divHalfUp(BigInt(text.slice(0, dot) + text.slice(dot + 1)), 10n ** 5n);
}

const BLOCK = 512;

/** Powers step^0, step^1, ... at 70 decimals, filled on demand. */
function powers(step: bigint): (n: number) => bigint {
  const table: bigint[] = [INNER];
  return (n) => {
    for (let i = table.length; i <= n; i++) table.push(divHalfUp((table[i - 1] as bigint) * step, INNER));
    return table[n] as bigint;
  };
}

/**
 * Discounters already made, by rate and date: a portfolio's contracts (and
 * sensitivity cells) share one valuation, and making one costs four
 * fractional powers at 100 digits. A discounter is a fixed function of its
 * rate and date, so sharing it changes no figure. Bounded: cleared when full.
 */
const made = new Map<string, Discounter>();
const MAX_MADE = 256;

export function discounter(rate: Decimal, date: Day): Discounter {
  const key = `${rate.toString()}@${date}`;
  const known = made.get(key);
  if (known) return known;
  if (made.size >= MAX_MADE) made.clear();
  const d = makeDiscounter(rate, date);
  made.set(key, d);
  return d;
}

function makeDiscounter(rate: Decimal, date: Day): Discounter {
  let factor: (day: Day) => Factor;
  if (rate.isZero()) {
    factor = () => SCALE;
  } else {
    const growth = new Wide(1).plus(rate.toString());
    const direction = (sign: 1 | -1): { small: (n: number) => bigint; big: (n: number) => bigint } => ({
      small: powers(inner(growth.pow(new Wide(-sign).div(DAYS_PER_YEAR)))),
      big: powers(inner(growth.pow(new Wide(-sign * BLOCK).div(DAYS_PER_YEAR)))),
    });
    const later = direction(1);
    const earlier = direction(-1);
    const cache = new Map<number, Factor>();
    factor = (day) => {
      const offset = day - date;
      let df = cache.get(offset);
      if (df === undefined) {
        const n = Math.abs(offset);
        const t = offset >= 0 ? later : earlier;
        const r = n % BLOCK;
        df = divHalfUp(t.big((n - r) / BLOCK) * t.small(r), INNER_TO_FACTOR);
        cache.set(offset, df);
      }
      return df;
    };
  }
  return {
    rate,
    date,
    factor,
    presentValue: rate.isZero() ? (amount) => amount : (amount, day) => divHalfUp(amount * factor(day), SCALE),
  };
}
