/**
 * Money arithmetic, exact end to end; binary floating point never touches
 * an amount.
 *
 * - Amounts as written and amounts before rounding (a monthly fee, an
 *   escalated or discounted full-period fee) are `Decimal`: a private
 *   decimal.js clone, never the global `Decimal.set`, at 40 significant
 *   digits (the default 20 loses cents on large sums).
 * - Amounts the SPEC rounds to cents (every period amount, PV, termination
 *   fee, and every total, which is a sum of rounded amounts) are `Cents`: an
 *   integer number of cents as a bigint, the exact decimal with two places.
 *   They come only from `toCents`/`divHalfUp`, which round the exact value
 *   half up (away from zero), with no intermediate rounding. Adding and
 *   printing them is cheap, which a daily termination sweep needs, and a
 *   bigint has no negative zero, so "-0.00" cannot be printed.
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

/** An amount rounded to cents: 12345 is 123.45. */
export type Cents = bigint;

/** n / d rounded half up (a tie goes away from zero); d > 0. */
export function divHalfUp(n: bigint, d: bigint): bigint {
  const q = n / d; // truncates toward zero
  const r = n % d;
  return 2n * (r < 0n ? -r : r) >= d ? (n < 0n ? q - 1n : q + 1n) : q;
}

/** A Decimal as an exact fraction m / scale (scale a power of ten). */
export interface Exact {
  readonly m: bigint;
  readonly scale: bigint;
}

const EXACT = new WeakMap<Decimal, Exact>();

export function exact(value: Decimal): Exact {
  let e = EXACT.get(value);
  if (!e) {
    const text = value.toFixed(); // normal notation, every digit
    const dot = text.indexOf('.');
    e = dot < 0
      ? { m: BigInt(text), scale: 1n }
      : { m: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: 10n ** BigInt(text.length - dot - 1) };
    EXACT.set(value, e);
  }
  return e;
}

const CENTS = new WeakMap<Decimal, Cents>();

/** round2: the exact value rounded half up to cents (remembered per value: a monthly fee recurs in every period). */
export function toCents(value: Decimal): Cents {
  let c = CENTS.get(value);
  if (c === undefined) {
    const e = exact(value);
    c = divHalfUp(e.m * 100n, e.scale);
    CENTS.set(value, c);
  }
  return c;
}

/** value × num / den rounded half up to cents, from the exact value (den > 0). */
export function centsOfRatio(value: Decimal, num: number, den: number): Cents {
  if (num === den) return toCents(value);
  const e = exact(value);
  return divHalfUp(e.m * BigInt(num) * 100n, e.scale * BigInt(den));
}

/**
 * Σ value_i × num_i, all over `den`, rounded half up to cents from the exact
 * sum (den > 0): a billing period's amount over its contract-month
 * segments, rounded once (SPEC §2).
 */
export function centsOfSum(parts: readonly { readonly value: Decimal; readonly num: number }[], den: number): Cents {
  if (parts.length === 1) {
    const only = parts[0] as { value: Decimal; num: number };
    return centsOfRatio(only.value, only.num, den);
  }
  let scale = 1n;
  for (const p of parts) {
    const e = exact(p.value);
    if (e.scale > scale) scale = e.scale;
  }
  let numerator = 0n;
  for (const p of parts) {
    const e = exact(p.value);
    numerator += e.m * (scale / e.scale) * BigInt(p.num);
  }
  return divHalfUp(numerator * 100n, scale * BigInt(den));
}

/** Round half up to `places` decimals and print exactly that many; never "-0.00". */
export function fixed(value: Decimal, places: number): string {
  const text = value.toFixed(places, Decimal.ROUND_HALF_UP);
  return text.charCodeAt(0) === 45 /* - */ && /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** An integer scaled by 10^places printed as a decimal: (12345n, 2) → "123.45". */
export function formatScaled(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  return `${negative ? '-' : ''}${int}${places > 0 ? `.${digits.slice(digits.length - places)}` : ''}`;
}

/** A money amount as the JSON and CSV contract print it: exactly two decimals. */
export function money(value: Cents | Decimal): string {
  return typeof value === 'bigint' ? formatScaled(value, 2) : fixed(value, 2);
}

export function centsToDecimal(value: Cents): Decimal {
  return new Decimal(formatScaled(value, 2));
}
