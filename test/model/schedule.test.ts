/**
 * schedule.ts billingPeriods (SPEC §2 "Billing periods"): explicit tables of
 * [start, end, days, period_length], one comment per edge case.
 */
import { describe, expect, it } from 'vitest';
import { billingPeriods, type PeriodKind } from '../../src/model/schedule.js';
import { day, row, type Row } from './helpers.js';

const rows = (start: string, end: string, kind: PeriodKind): Row[] => billingPeriods(day(start), day(end), kind).map(row);

describe('calendar periods', () => {
  it('the seed term 2026-06-01..2029-05-31 is 36 calendar months and 1096 days', () => {
    const periods = billingPeriods(day('2026-06-01'), day('2029-05-31'), 'calendar');
    expect(periods).toHaveLength(36);
    expect(periods.map((p) => p.index)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    // first: a whole June
    expect(row(periods[0]!)).toEqual(['2026-06-01', '2026-06-30', 30, 30]);
    expect(row(periods[1]!)).toEqual(['2026-07-01', '2026-07-31', 31, 31]);
    // a non-leap February (period 9) and the leap February 2028 (period 21)
    expect(row(periods[8]!)).toEqual(['2027-02-01', '2027-02-28', 28, 28]);
    expect(row(periods[20]!)).toEqual(['2028-02-01', '2028-02-29', 29, 29]);
    // last: a whole May ending on term.end
    expect(row(periods[35]!)).toEqual(['2029-05-01', '2029-05-31', 31, 31]);
    // 365 + 366 + 365: the term contains 2028-02-29
    expect(periods.reduce((s, p) => s + p.days, 0)).toBe(1096);
    // every period is a whole calendar month here
    expect(periods.every((p) => p.days === p.length)).toBe(true);
  });

  it('a mid-month start and end: short first and last periods keep their month length', () => {
    expect(rows('2027-02-10', '2028-02-15', 'calendar')).toEqual([
      ['2027-02-10', '2027-02-28', 19, 28], // 19 of February 2027's 28 days
      ['2027-03-01', '2027-03-31', 31, 31],
      ['2027-04-01', '2027-04-30', 30, 30],
      ['2027-05-01', '2027-05-31', 31, 31],
      ['2027-06-01', '2027-06-30', 30, 30],
      ['2027-07-01', '2027-07-31', 31, 31],
      ['2027-08-01', '2027-08-31', 31, 31],
      ['2027-09-01', '2027-09-30', 30, 30],
      ['2027-10-01', '2027-10-31', 31, 31],
      ['2027-11-01', '2027-11-30', 30, 30],
      ['2027-12-01', '2027-12-31', 31, 31],
      ['2028-01-01', '2028-01-31', 31, 31],
      ['2028-02-01', '2028-02-15', 15, 29], // cut by term.end: 15 of leap February's 29 days
    ]);
  });

  it('a mid-month start with a term ending on the leap day', () => {
    const periods = rows('2027-02-10', '2028-02-29', 'calendar');
    expect(periods).toHaveLength(13);
    expect(periods[0]).toEqual(['2027-02-10', '2027-02-28', 19, 28]);
    // ends on 2028-02-29: a whole leap February
    expect(periods[12]).toEqual(['2028-02-01', '2028-02-29', 29, 29]);
  });

  it('a single-day term is one period of one day, prorated over its month', () => {
    expect(rows('2026-06-15', '2026-06-15', 'calendar')).toEqual([['2026-06-15', '2026-06-15', 1, 30]]);
    // the leap day alone
    expect(rows('2028-02-29', '2028-02-29', 'calendar')).toEqual([['2028-02-29', '2028-02-29', 1, 29]]);
  });

  it('a start on the last day of a month gives a one-day first period', () => {
    expect(rows('2026-01-31', '2026-03-15', 'calendar')).toEqual([
      ['2026-01-31', '2026-01-31', 1, 31], // the last day of January alone
      ['2026-02-01', '2026-02-28', 28, 28],
      ['2026-03-01', '2026-03-15', 15, 31],
    ]);
  });

  it('an end on the first day of a month gives a one-day last period', () => {
    expect(rows('2026-11-20', '2027-01-01', 'calendar')).toEqual([
      ['2026-11-20', '2026-11-30', 11, 30],
      ['2026-12-01', '2026-12-31', 31, 31], // across the year end
      ['2027-01-01', '2027-01-01', 1, 31],
    ]);
  });

  it('a term inside one month is a single cut period', () => {
    expect(rows('2027-02-10', '2027-02-20', 'calendar')).toEqual([['2027-02-10', '2027-02-20', 11, 28]]);
  });

  it('an end before the start gives no periods', () => {
    expect(rows('2026-06-02', '2026-06-01', 'calendar')).toEqual([]);
  });
});

describe('anniversary periods', () => {
  it('from a Jan 31 start in a leap year: boundaries computed from the start (Feb 29, Mar 31, Apr 30, May 31)', () => {
    expect(rows('2028-01-31', '2028-07-30', 'anniversary')).toEqual([
      ['2028-01-31', '2028-02-28', 29, 29], // b1 = Jan 31 + 1 month = Feb 29 (clamped)
      ['2028-02-29', '2028-03-30', 31, 31], // b2 = Mar 31 (from the anchor, not Feb 29 + 1 = Mar 29)
      ['2028-03-31', '2028-04-29', 30, 30], // b3 = Apr 30
      ['2028-04-30', '2028-05-30', 31, 31], // b4 = May 31
      ['2028-05-31', '2028-06-29', 30, 30], // b5 = Jun 30
      ['2028-06-30', '2028-07-30', 31, 31], // b6 = Jul 31; term.end = b6 - 1 day: not cut
    ]);
  });

  it('from a Jan 31 start in a non-leap year: Feb 28 boundary, 28-day first period', () => {
    expect(rows('2027-01-31', '2027-05-30', 'anniversary')).toEqual([
      ['2027-01-31', '2027-02-27', 28, 28], // b1 = Feb 28
      ['2027-02-28', '2027-03-30', 31, 31], // b2 = Mar 31
      ['2027-03-31', '2027-04-29', 30, 30], // b3 = Apr 30
      ['2027-04-30', '2027-05-30', 31, 31], // b4 = May 31
    ]);
  });

  it('a period cut at term.end mid-period keeps its full period length', () => {
    expect(rows('2026-06-15', '2026-08-20', 'anniversary')).toEqual([
      ['2026-06-15', '2026-07-14', 30, 30],
      ['2026-07-15', '2026-08-14', 31, 31],
      ['2026-08-15', '2026-08-20', 6, 31], // full period would be Aug 15..Sep 14 (31 days)
    ]);
  });

  it('a period starting on 2028-02-29: boundaries on the 29th, then Feb 28 in 2029', () => {
    const periods = rows('2028-02-29', '2029-03-28', 'anniversary');
    expect(periods).toHaveLength(13);
    expect(periods.slice(0, 3)).toEqual([
      ['2028-02-29', '2028-03-28', 29, 29], // b1 = Mar 29
      ['2028-03-29', '2028-04-28', 31, 31], // b2 = Apr 29
      ['2028-04-29', '2028-05-28', 30, 30], // b3 = May 29
    ]);
    expect(periods.slice(10)).toEqual([
      ['2028-12-29', '2029-01-28', 31, 31], // b11 = 2029-01-29
      ['2029-01-29', '2029-02-27', 30, 30], // b12 = 2029-02-28 (no Feb 29 in 2029)
      ['2029-02-28', '2029-03-28', 29, 29], // b13 = 2029-03-29, back on the 29th
    ]);
  });

  it('a single-day term: one day out of the month that starts there', () => {
    expect(rows('2026-06-15', '2026-06-15', 'anniversary')).toEqual([['2026-06-15', '2026-06-15', 1, 30]]);
    expect(rows('2027-01-31', '2027-01-31', 'anniversary')).toEqual([['2027-01-31', '2027-01-31', 1, 28]]);
  });

  it('a first-of-month anniversary term coincides with calendar months', () => {
    expect(rows('2026-06-01', '2029-05-31', 'anniversary')).toEqual(rows('2026-06-01', '2029-05-31', 'calendar'));
  });

  it('a term ending just after a boundary gives a one-day last period', () => {
    expect(rows('2026-06-15', '2026-07-15', 'anniversary')).toEqual([
      ['2026-06-15', '2026-07-14', 30, 30],
      ['2026-07-15', '2026-07-15', 1, 31],
    ]);
  });

  it('indexes periods 1, 2, 3, ...', () => {
    expect(billingPeriods(day('2028-01-31'), day('2028-07-30'), 'anniversary').map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
