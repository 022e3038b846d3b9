/**
 * Money arithmetic: one configured Decimal, one rounding point.
 *
 * A private clone, never the global `Decimal.set`, so nothing else can
 * change our precision. 40 significant digits keep every cent of amounts up
 * to 10^30 through the products of fee × escalation × proration; the default
 * 20 digits loses cents on large sums.
 */
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -50,
  toExpPos: 50,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** Round to cents, half up (away from zero on a tie, also for negatives). */
export function round2(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Round half up to `places` decimals and print exactly that many; never "-0.00". */
export function fixed(value: Decimal, places: number): string {
  const rounded = value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  return rounded.isZero() ? rounded.abs().toFixed(places) : rounded.toFixed(places);
}

/** A money amount as the JSON and CSV contract print it: exactly two decimals. */
export function money(value: Decimal): string {
  return fixed(value, 2);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
