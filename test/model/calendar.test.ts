/**
 * calendar.ts: integer day numbers, strict ISO parsing, date-fns month
 * arithmetic. Checked against hard-coded values and against date-fns and
 * Date.UTC themselves (property tests).
 */
import { addMonths as dfAddMonths, differenceInCalendarDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInMonth,
  endOfMonth,
  formatIsoDate,
  fromYmd,
  isLeapYear,
  monthLength,
  parseIsoDate,
  toYmd,
} from '../../src/model/calendar.js';
import { day, iso } from './helpers.js';

const MS_PER_DAY = 86_400_000;

/** A local-noon Date: date-fns works in local time, and noon never falls into a DST gap. */
const localNoon = (y: number, m: number, d: number): Date => {
  const date = new Date(y, m - 1, d, 12);
  date.setFullYear(y); // years 0..99 would otherwise map to 1900..1999
  return date;
};
const localYmd = (date: Date): [number, number, number] => [date.getFullYear(), date.getMonth() + 1, date.getDate()];

/**
 * Whether every day of a month exists in the local time zone. A few zones
 * skipped a whole calendar day (Pacific/Kiritimati skipped 1994-12-31, Samoa
 * 2011-12-30); date-fns works in local time, so it cannot be a reference there.
 */
const localMonthIsWhole = (y: number, m: number): boolean => {
  for (let d = 1; d <= daysInMonth(y, m); d++) {
    const [ly, lm, ld] = localYmd(localNoon(y, m, d));
    if (ly !== y || lm !== m || ld !== d) return false;
  }
  return true;
};
/** Precondition for a date-fns comparison: the months of both dates are whole in local time. */
const dateFnsCanCompare = (...days: number[]): boolean => days.every((n) => {
  const { year, month } = toYmd(n);
  return localMonthIsWhole(year, month);
});

// Day numbers for 1900-01-01 .. 2200-12-31, a range Date and date-fns handle without surprises.
const MIN_DAY = fromYmd(1900, 1, 1);
const MAX_DAY = fromYmd(2200, 12, 31);
const dayArb = fc.integer({ min: MIN_DAY, max: MAX_DAY });

describe('fromYmd / toYmd', () => {
  it('gives known day numbers (days since 1970-01-01)', () => {
    expect(fromYmd(1970, 1, 1)).toBe(0);
    expect(fromYmd(1969, 12, 31)).toBe(-1);
    expect(fromYmd(2000, 1, 1)).toBe(10957);
    expect(fromYmd(2026, 6, 1)).toBe(20605);
    expect(fromYmd(2028, 2, 29)).toBe(21243);
    expect(fromYmd(1600, 3, 1)).toBe(-135080);
  });

  it('round-trips known dates, including leap days and century years', () => {
    for (const [y, m, d] of [
      [1970, 1, 1], [2000, 2, 29], [1900, 2, 28], [1900, 3, 1], [2100, 3, 1], [2028, 2, 29], [2029, 12, 31], [1, 1, 1], [9999, 12, 31],
    ] as const) {
      expect(toYmd(fromYmd(y, m, d))).toEqual({ year: y, month: m, day: d });
    }
  });

  it('toYmd(fromYmd(...)) and fromYmd(toYmd(...)) are inverse (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (n) => {
        const { year, month, day: d } = toYmd(n);
        expect(month).toBeGreaterThanOrEqual(1);
        expect(month).toBeLessThanOrEqual(12);
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(daysInMonth(year, month));
        expect(fromYmd(year, month, d)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with Date.UTC day numbers (property)', () => {
    fc.assert(
      fc.property(dayArb, (n) => {
        const { year, month, day: d } = toYmd(n);
        expect(Date.UTC(year, month - 1, d) / MS_PER_DAY).toBe(n);
        const utc = new Date(n * MS_PER_DAY);
        expect([utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()]).toEqual([year, month, d]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isLeapYear / daysInMonth', () => {
  it('follows the Gregorian rules', () => {
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(2027)).toBe(false);
    expect(isLeapYear(1900)).toBe(false); // divisible by 100, not by 400
    expect(isLeapYear(2000)).toBe(true); // divisible by 400
    expect(isLeapYear(2100)).toBe(false);
  });

  it('gives the month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2027, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe('parseIsoDate', () => {
  it('accepts a leap day in a leap year', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ ok: true, day: fromYmd(2028, 2, 29) });
  });

  it('accepts ordinary dates', () => {
    expect(parseIsoDate('2026-06-01')).toEqual({ ok: true, day: 20605 });
    expect(parseIsoDate('2029-05-31')).toEqual({ ok: true, day: fromYmd(2029, 5, 31) });
    expect(parseIsoDate('0999-01-05')).toEqual({ ok: true, day: fromYmd(999, 1, 5) });
  });

  it.each([
    ['2027-02-29', 'calendar'], // no leap day in 2027
    ['2027-02-30', 'calendar'], // February never has 30 days
    ['2026-04-31', 'calendar'], // April has 30 days
    ['2026-13-01', 'calendar'], // no month 13
    ['2026-00-10', 'calendar'], // no month 0
    ['2026-06-00', 'calendar'], // no day 0
    ['2026-6-1', 'format'], // unpadded month and day
    ['20260601', 'format'], // no separators
    ['2026-06', 'format'], // no day
    ['2026-06-01T00:00:00Z', 'format'], // a timestamp is not a date
    [' 2026-06-01', 'format'], // leading space
    ['2026-06-01\n', 'format'], // trailing newline
    ['26-06-01', 'format'], // two-digit year
    ['2026/06/01', 'format'], // wrong separator
    ['', 'format'],
  ] as const)('rejects %j as a %s error', (text, reason) => {
    const r = parseIsoDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.detail.length).toBeGreaterThan(0);
    }
  });

  it('explains calendar errors', () => {
    const r = parseIsoDate('2027-02-29');
    expect(r).toEqual({ ok: false, reason: 'calendar', detail: 'February 2027 has 28 days' });
  });

  it('round-trips with formatIsoDate (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: fromYmd(1, 1, 1), max: fromYmd(9999, 12, 31) }), (n) => {
        expect(parseIsoDate(formatIsoDate(n))).toEqual({ ok: true, day: n });
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatIsoDate', () => {
  it('prints YYYY-MM-DD with zero padding', () => {
    expect(formatIsoDate(0)).toBe('1970-01-01');
    expect(formatIsoDate(20605)).toBe('2026-06-01');
    expect(formatIsoDate(fromYmd(2028, 2, 29))).toBe('2028-02-29');
  });

  it('pads years below 1000 to four digits', () => {
    expect(formatIsoDate(fromYmd(999, 1, 5))).toBe('0999-01-05');
    expect(formatIsoDate(fromYmd(45, 11, 9))).toBe('0045-11-09');
    expect(formatIsoDate(fromYmd(5, 3, 1))).toBe('0005-03-01');
    expect(formatIsoDate(fromYmd(1, 1, 1))).toBe('0001-01-01');
  });
});

describe('day arithmetic / endOfMonth / monthLength', () => {
  it('day numbers are consecutive across month and year ends', () => {
    expect(iso(day('2026-12-31') + 1)).toBe('2027-01-01');
    expect(iso(day('2028-02-28') + 1)).toBe('2028-02-29');
    expect(iso(day('2027-02-28') + 1)).toBe('2027-03-01');
    expect(iso(day('2026-06-01') - 1)).toBe('2026-05-31');
    expect(iso(day('2026-06-01') + 90)).toBe('2026-08-30');
  });

  it('finds the month bounds', () => {
    expect(iso(endOfMonth(day('2028-02-17')))).toBe('2028-02-29');
    expect(iso(endOfMonth(day('2027-02-01')))).toBe('2027-02-28');
    expect(iso(endOfMonth(day('2026-12-31')))).toBe('2026-12-31');
    expect(monthLength(day('2028-02-01'))).toBe(29);
    expect(monthLength(day('2027-02-28'))).toBe(28);
    expect(monthLength(day('2026-07-15'))).toBe(31);
    expect(monthLength(day('2026-06-30'))).toBe(30);
  });
});

describe('addMonths (date-fns semantics)', () => {
  const add = (from: string, n: number): string => iso(addMonths(day(from), n));

  it('clamps Jan 31 + 1 month to the end of February', () => {
    expect(add('2027-01-31', 1)).toBe('2027-02-28'); // non-leap year
    expect(add('2028-01-31', 1)).toBe('2028-02-29'); // leap year
    expect(add('2100-01-31', 1)).toBe('2100-02-28'); // century, not leap
    expect(add('2000-01-31', 1)).toBe('2000-02-29'); // 400-year leap
  });

  it('computes every boundary from the anchor, so Jan 31 + 2 is Mar 31 (not Mar 28)', () => {
    expect(add('2027-01-31', 2)).toBe('2027-03-31');
    expect(add('2027-01-31', 3)).toBe('2027-04-30');
    expect(add('2028-01-31', 2)).toBe('2028-03-31');
    // chaining would drift: (Jan 31 + 1) + 1 = Feb 28 + 1 = Mar 28
    expect(iso(addMonths(addMonths(day('2027-01-31'), 1), 1))).toBe('2027-03-28');
  });

  it('handles leap-day anchors, year ends and negative months', () => {
    expect(add('2028-02-29', 12)).toBe('2029-02-28');
    expect(add('2028-02-29', 48)).toBe('2032-02-29');
    expect(add('2028-02-29', 1)).toBe('2028-03-29');
    expect(add('2026-12-15', 1)).toBe('2027-01-15');
    expect(add('2026-11-30', 3)).toBe('2027-02-28');
    expect(add('2026-03-31', -1)).toBe('2026-02-28');
    expect(add('2027-01-15', -1)).toBe('2026-12-15');
    expect(add('2026-06-01', 0)).toBe('2026-06-01');
    expect(add('2026-06-01', 36)).toBe('2029-06-01');
    expect(add('2026-05-31', -120)).toBe('2016-05-31');
    // a month whose last day some zones skipped (Pacific/Kiritimati, 1994-12-31): no time zone here
    expect(add('2029-02-01', -410)).toBe('1994-12-01');
    expect(add('1994-11-30', 1)).toBe('1994-12-30');
    expect(add('1994-10-31', 2)).toBe('1994-12-31');
  });

  it('matches date-fns addMonths on local-noon dates (property)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -600, max: 600 }), (n, months) => {
        fc.pre(dateFnsCanCompare(n, addMonths(n, months)));
        const { year, month, day: d } = toYmd(n);
        const expected = localYmd(dfAddMonths(localNoon(year, month, d), months));
        const actual = toYmd(addMonths(n, months));
        expect([actual.year, actual.month, actual.day]).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('matches date-fns for month-end anchors (property)', () => {
    // Month ends are where clamping happens; sample them specifically.
    const monthEnd = fc
      .record({ y: fc.integer({ min: 1900, max: 2200 }), m: fc.integer({ min: 1, max: 12 }) })
      .map(({ y, m }) => fromYmd(y, m, daysInMonth(y, m)));
    fc.assert(
      fc.property(monthEnd, fc.integer({ min: -60, max: 60 }), (n, months) => {
        fc.pre(dateFnsCanCompare(n, addMonths(n, months)));
        const { year, month, day: d } = toYmd(n);
        const expected = localYmd(dfAddMonths(localNoon(year, month, d), months));
        const actual = toYmd(addMonths(n, months));
        expect([actual.year, actual.month, actual.day]).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('day differences match date-fns differenceInCalendarDays (property)', () => {
    fc.assert(
      fc.property(dayArb, dayArb, (a, b) => {
        fc.pre(dateFnsCanCompare(a, b));
        const ya = toYmd(a);
        const yb = toYmd(b);
        const expected = differenceInCalendarDays(localNoon(ya.year, ya.month, ya.day), localNoon(yb.year, yb.month, yb.day));
        expect(a - b).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
