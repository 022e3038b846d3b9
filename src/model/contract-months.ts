/**
 * Contract months (SPEC §2): what ramp steps and escalation count, as
 * contracts word them ("for the first two months", "on each anniversary").
 * Contract month j (1-based) runs from c_(j−1) to c_j − 1 day, with
 * c_j = start + j months, each computed from the start (never chained, so a
 * Jan 31 start gives Feb 28/29, Mar 31, Apr 30).
 *
 * A billing period's service days are split into the contract months they
 * fall in. Anniversary periods are contract months; a calendar period from
 * the 1st is one too; a calendar period of a mid-month contract straddles
 * one boundary, so a period holds at most two segments (one boundary c_j
 * falls in each calendar month).
 */
import { addMonths, toYmd, type Day } from './calendar.js';

/** Service days of one billing period that fall in contract month `month`. */
export interface Segment {
  readonly month: number;
  readonly days: number;
}

/** c_j: the first day of contract month j + 1 (c_0 = start). */
export function contractMonthStart(start: Day, j: number): Day {
  return addMonths(start, j);
}

/** The contract month j that holds `day` (≥ start): c_(j−1) ≤ day < c_j. */
export function contractMonthOf(start: Day, day: Day): number {
  const a = toYmd(start);
  const b = toYmd(day);
  const m = (b.year - a.year) * 12 + (b.month - a.month);
  // c_m lies in day's calendar month: on or before the day, the day is in month m + 1
  return addMonths(start, m) <= day ? m + 1 : m;
}

/** The segments of the service days `from`..`to` (inclusive, from ≥ start), in order; days sum to to − from + 1. */
export function segmentsOf(start: Day, from: Day, to: Day): Segment[] {
  const segments: Segment[] = [];
  let month = contractMonthOf(start, from);
  for (let day = from; day <= to; month++) {
    const next = contractMonthStart(start, month);
    const last = Math.min(next - 1, to);
    segments.push({ month, days: last - day + 1 });
    day = last + 1;
  }
  return segments;
}

/** The segments cut to the first `days` service days (a period cut short by a notice). */
export function firstDays<S extends Segment>(segments: readonly S[], days: number): S[] {
  const kept: S[] = [];
  let left = days;
  for (const s of segments) {
    if (left <= 0) break;
    kept.push(s.days <= left ? s : { ...s, days: left });
    left -= s.days;
  }
  return kept;
}

/** How many contract months the term touches: the month of its last day. */
export function contractMonthsInTerm(start: Day, end: Day): number {
  return end < start ? 0 : contractMonthOf(start, end);
}
