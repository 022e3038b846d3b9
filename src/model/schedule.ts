/**
 * Billing periods (SPEC §2). A period knows its service days and its period
 * length, the denominator of proration: a period cut short by the term (or
 * later by a notice) keeps the length of the full period it belongs to.
 */
import { addMonths, endOfMonth, monthLength, type Day } from './calendar.js';

export type PeriodKind = 'calendar' | 'anniversary';

export interface Period {
  /** 1-based billing period number (ramp and escalation count contract months, see contract-months.ts). */
  readonly index: number;
  readonly start: Day;
  /** Last service day of the period, inclusive. */
  readonly end: Day;
  /** Service days in the period, inclusive. */
  readonly days: number;
  /** Days of the full billing period, for proration. */
  readonly length: number;
}

export function billingPeriods(start: Day, end: Day, kind: PeriodKind): Period[] {
  return kind === 'calendar' ? calendarPeriods(start, end) : anniversaryPeriods(start, end);
}

/** Period 1 runs from start to the end of its month; then whole calendar months; the last ends on `end`. */
function calendarPeriods(start: Day, end: Day): Period[] {
  const periods: Period[] = [];
  for (let from = start, index = 1; from <= end; index++) {
    const to = Math.min(endOfMonth(from), end);
    periods.push({ index, start: from, end: to, days: to - from + 1, length: monthLength(from) });
    from = endOfMonth(from) + 1;
  }
  return periods;
}

/**
 * Boundaries b_k = start + k months, each computed from `start` (never
 * chained), so a Jan 31 start gives Feb 28/29, Mar 31, Apr 30.
 */
function anniversaryPeriods(start: Day, end: Day): Period[] {
  const periods: Period[] = [];
  for (let k = 1, from = start; from <= end; k++) {
    const next = addMonths(start, k);
    const to = Math.min(next - 1, end);
    periods.push({ index: k, start: from, end: to, days: to - from + 1, length: next - from });
    from = next;
  }
  return periods;
}
