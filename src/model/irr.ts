/**
 * The internal rate of return of dated flows (SPEC §9): the largest rate r
 * in (−0.9999, 10^6] with Σ a_i (1 + r)^(−t_i) = 0, t_i = (d_i − d_0)/365
 * (spreadsheet XIRR), or null when there is none.
 *
 * Why not Newton from a guess, as spreadsheets do: flows shaped "capital
 * out, fees in, a last cost out" have a second, spurious root near −1, and
 * Newton lands on whichever root its guess is nearer, or diverges. Here the
 * roots are bracketed from the top down instead, rigorously: in
 * u = ln(1 + r) every term a_i e^(−u t_i) is monotone, so on an interval
 * [u1, u2] each term lies between its values at the ends, and the function
 * lies between the sums of those minima and maxima. An interval whose bounds
 * exclude 0 holds no root and is discarded whole; the others are halved,
 * highest first, until a sign change is pinned to double precision. So the
 * first root found is the largest one, no root is jumped over, and the work
 * is bounded (MAX_TERM_EVALUATIONS).
 *
 * A rate is not money: the flows enter as doubles (cents / 100). Each
 * evaluation is normalised by a positive factor e^(u t_ref) that keeps every
 * exponent below ~700, which does not change the sign, nor the monotonicity
 * of the terms.
 */
import type { Day } from './calendar.js';
import type { Cents } from './money.js';
import { DAYS_PER_YEAR } from './valuation.js';

export interface DatedAmount {
  readonly date: Day;
  readonly amount: Cents;
}

const U_MIN = Math.log(1e-4); // r > −0.9999 (open)
const U_MAX = Math.log(1 + 1e6); // r ≤ 10^6
/** A sign change in an interval this narrow (in u) is bisected: two roots closer than that are one to a rate printed to 6 decimals. */
const U_BISECT = 1e-7;
/** An interval this narrow that the bounds cannot clear of 0, without a sign change, holds a root where f touches 0. */
const U_EPSILON = 1e-13;
/** At most this many term evaluations in all (intervals × dates), so no input can make it slow. */
const MAX_TERM_EVALUATIONS = 8_000_000;

interface Terms {
  readonly a: Float64Array;
  readonly t: Float64Array;
}

/** Flows summed per date, in years from the first date. */
function terms(flows: readonly DatedAmount[]): Terms | null {
  if (flows.length === 0) return null;
  const byDate = new Map<Day, number>();
  for (const f of flows) byDate.set(f.date, (byDate.get(f.date) ?? 0) + Number(f.amount) / 100);
  const dates = [...byDate.keys()].sort((x, y) => x - y);
  const d0 = dates[0] as Day;
  const kept = dates.filter((d) => byDate.get(d) !== 0);
  return {
    a: Float64Array.from(kept, (d) => byDate.get(d) as number),
    t: Float64Array.from(kept, (d) => (d - d0) / DAYS_PER_YEAR),
  };
}

/** The reference time that keeps every exponent −u (t − t_ref) at most 0 over [u1, u2] (and so no overflow). */
function reference(x: Terms, u1: number, u2: number): number {
  const tMax = x.t[x.t.length - 1] as number;
  if (u1 >= 0) return 0;
  if (u2 <= 0) return tMax;
  return 0; // an interval across 0 spans at most a few units of u: e^(|u| t) stays finite for any real term
}

/** f(u) normalised by e^(u t_ref): the same sign as Σ a_i e^(−u t_i). */
function value(x: Terms, u: number, tRef: number): number {
  let sum = 0;
  for (let i = 0; i < x.a.length; i++) sum += (x.a[i] as number) * Math.exp(-u * ((x.t[i] as number) - tRef));
  return sum;
}

/** Bounds of the normalised f over [u1, u2]: each term between its values at the ends. */
function bounds(x: Terms, u1: number, u2: number): [number, number] {
  const tRef = reference(x, u1, u2);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < x.a.length; i++) {
    const a = x.a[i] as number;
    const s = (x.t[i] as number) - tRef;
    const e1 = a * Math.exp(-u1 * s);
    const e2 = a * Math.exp(-u2 * s);
    lo += Math.min(e1, e2);
    hi += Math.max(e1, e2);
  }
  return [lo, hi];
}

/**
 * The largest rate r in (−0.9999, 10^6] at which the flows' XNPV is 0, or
 * null: when the flows never change sign, or no root lies in the range.
 */
export function irr(flows: readonly DatedAmount[]): number | null {
  const x = terms(flows);
  if (!x || x.a.length < 2) return null;
  if (x.a.every((a) => a > 0) || x.a.every((a) => a < 0)) return null;
  // each interval costs about 4 evaluations of every term
  let budget = Math.max(400, Math.floor(MAX_TERM_EVALUATIONS / (4 * x.a.length)));
  // depth-first from the top: a stack of intervals, the highest on top
  const stack: [number, number][] = [[U_MIN, U_MAX]];
  while (stack.length > 0 && budget-- > 0) {
    const [u1, u2] = stack.pop() as [number, number];
    const [lo, hi] = bounds(x, u1, u2);
    if (lo > 0 || hi < 0) continue; // no root in here
    const width = u2 - u1;
    if (width <= U_BISECT) {
      const tRef = reference(x, u1, u2);
      const f1 = value(x, u1, tRef);
      const f2 = value(x, u2, tRef);
      if (f2 === 0 && u2 < U_MAX) return Math.expm1(u2);
      if (f1 !== 0 && f2 !== 0 && Math.sign(f1) !== Math.sign(f2)) return Math.expm1(bisect(x, u1, u2, tRef));
      if (width <= U_EPSILON) {
        if (u1 > U_MIN) return Math.expm1((u1 + u2) / 2); // f touches 0 here (a tangent root), within rounding
        continue;
      }
    }
    const mid = (u1 + u2) / 2;
    stack.push([u1, mid], [mid, u2]); // the upper half is examined first
  }
  return null;
}

/** The sign change in [u1, u2] pinned to double precision. */
function bisect(x: Terms, u1: number, u2: number, tRef: number): number {
  let lo = u1;
  let hi = u2;
  const sLo = Math.sign(value(x, lo, tRef));
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const s = Math.sign(value(x, mid, tRef));
    if (s === 0) return mid;
    if (s === sLo) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** A rate half up to 6 decimals, from its shortest decimal form ("0.412337"); never "-0.000000". */
export function formatIrr(rate: number): string {
  const text = Math.abs(rate) < 1e-7 ? '0' : rate.toFixed(12);
  const negative = text.startsWith('-');
  const [int = '0', dec = ''] = text.replace('-', '').split('.');
  const digits = BigInt(int + dec.padEnd(12, '0').slice(0, 12));
  const scaled = (digits + 500_000n) / 1_000_000n; // half up from 12 decimals to 6
  const body = scaled.toString().padStart(7, '0');
  const out = `${body.slice(0, -6)}.${body.slice(-6)}`;
  return negative && scaled !== 0n ? `-${out}` : out;
}
