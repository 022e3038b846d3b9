/**
 * Calendar dates as integer day numbers (days since 1970-01-01).
 *
 * Dates in a scenario have no time and no zone, so no `Date` object is ever
 * made: `new Date('2026-06-01')` printed in local time is 2026-05-31 in Los
 * Angeles, and millisecond differences are fractional across DST. Integer
 * day numbers make every result independent of `TZ` by construction.
 *
 * The month arithmetic follows date-fns `addMonths` (the day is clamped to
 * the target month's length: Jan 31 + 1 month = Feb 28/29); the test suite
 * checks this module against date-fns itself.
 */

/** Days since 1970-01-01 (proleptic Gregorian). */
export type Day = number;

export interface Ymd {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] as number);
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for every
// proleptic Gregorian date, no tables, no Date.
export function fromYmd(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toYmd(d: Day): Ymd {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateParse = { ok: true; day: Day } | { ok: false; reason: 'format' | 'calendar'; detail: string };

/**
 * Parse a strict `YYYY-MM-DD` calendar date. `2026-6-1`, `20260601` and
 * `2026-06` are format errors; `2027-02-30` is a calendar error.
 */
export function parseIsoDate(text: string): DateParse {
  const m = ISO_DATE.exec(text);
  if (!m) return { ok: false, reason: 'format', detail: 'expected YYYY-MM-DD' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return { ok: false, reason: 'calendar', detail: `there is no month ${m[2]}` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { ok: false, reason: 'calendar', detail: `${MONTH_NAMES[month - 1]} ${year} has ${last} days` };
  }
  return { ok: true, day: fromYmd(year, month, day) };
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatIsoDate(d: Day): string {
  const { year, month, day } = toYmd(d);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * `anchor` plus `months` calendar months, clamping the day to the target
 * month's length (date-fns `addMonths`). Always add to the anchor: chaining
 * drifts (Jan 31 → Feb 28 → Mar 28 instead of Mar 31).
 */
export function addMonths(anchor: Day, months: number): Day {
  const { year, month, day } = toYmd(anchor);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return fromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The last day of the month that contains `d`. */
export function endOfMonth(d: Day): Day {
  const { year, month } = toYmd(d);
  return fromYmd(year, month, daysInMonth(year, month));
}

/** Days in the calendar month that contains `d`. */
export function monthLength(d: Day): number {
  const { year, month } = toYmd(d);
  return daysInMonth(year, month);
}
