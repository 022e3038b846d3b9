/** "Report every problem in the file, not only the first" (SPEC §4), sorted by position. */
import { describe, expect, test } from 'vitest';
import { DealModelError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { BASE, encode, errorLines } from './helpers.js';

describe('every problem at once', () => {
  test('a file with many different errors reports all of them, sorted by line', () => {
    const text = `name: ""
currency: usd
term:
  start: 2027-02-30
  end: 2029-5-31
pricing:
  monthly_fee: -5
  montly_fee: 1
  ramp:
    - { months: 0, discount: 50 }
billing:
  periods: calender
termination:
  notice_days: 1.5
notice_days: 3
`;
    expect(errorLines(text)).toEqual([
      's.yaml:1:7: name: expected a non-empty string, got ""',
      's.yaml:2:11: currency: expected an ISO 4217 currency code such as "USD", got "usd"; did you mean "USD"?',
      's.yaml:4:10: term.start: expected a date YYYY-MM-DD, got "2027-02-30" (February 2027 has 28 days)',
      's.yaml:5:8: term.end: expected a date YYYY-MM-DD, got "2029-5-31"',
      's.yaml:7:16: pricing.monthly_fee: expected an amount > 0, got "-5"',
      's.yaml:8:3: pricing.montly_fee: unknown key; did you mean "monthly_fee"?',
      's.yaml:10:17: pricing.ramp[0].months: expected an integer from 1 to 1200, got "0"',
      's.yaml:10:30: pricing.ramp[0].discount: ambiguous rate "50": a rate of 1 or more needs a % sign: write "50%" for 50 percent, or "5000%" if that is meant',
      's.yaml:12:12: billing.periods: expected one of calendar, anniversary, got "calender"; did you mean "calendar"?',
      's.yaml:14:16: termination.notice_days: expected an integer from 0 to 36500, got "1.5"',
      's.yaml:15:1: notice_days: unknown key; it belongs under termination',
    ]);
  });

  test('issues found late in the walk (missing keys) are sorted to their position', () => {
    const text = `currency: XYZ
term:
  start: 2026-06-01
pricing:
  monthly_fee: 0
termination:
  by: nobody
`;
    expect(errorLines(text)).toEqual([
      's.yaml:1:1: name: missing required key (expected a non-empty string)',
      's.yaml:1:11: currency: expected an ISO 4217 currency code such as "USD", got "XYZ"',
      's.yaml:2:1: term.end: missing required key (expected a date YYYY-MM-DD)',
      's.yaml:5:16: pricing.monthly_fee: expected an amount > 0, got "0"',
      's.yaml:6:1: termination.notice_days: missing required key (expected an integer from 0 to 36500)',
      's.yaml:7:7: termination.by: expected one of either, customer, provider, none, got "nobody"',
    ]);
  });

  test('several YAML-level problems are all reported', () => {
    const text = `name: !foo X
term:
  start: !!timestamp 2026-06-01
  end: *nowhere
pricing:
  monthly_fee: !!binary aGVsbG8=
`;
    expect(errorLines(text)).toEqual([
      's.yaml:1:12: name: tag !foo is not allowed: only plain YAML 1.2 values (strings, numbers, lists, mappings)',
      's.yaml:3:22: term.start: tag !!timestamp is not allowed: only plain YAML 1.2 values (strings, numbers, lists, mappings)',
      's.yaml:4:8: term.end: undefined alias *nowhere',
      's.yaml:6:25: pricing.monthly_fee: tag !!binary is not allowed: only plain YAML 1.2 values (strings, numbers, lists, mappings)',
    ]);
  });

  test('the file name is the one given to loadScenario', () => {
    try {
      loadScenario(encode(BASE.replace('1.25B', '-5')), 'scenarios/x.yaml');
      expect.unreachable('the scenario should be rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(DealModelError);
      expect((error as DealModelError).lines()).toEqual([
        'scenarios/x.yaml:6:16: pricing.monthly_fee: expected an amount > 0, got "-5"',
      ]);
    }
  });

  // SPEC §4: errors "report every problem in the file, not only the first". The cross-key
  // rules (end before start, not_before after end) are only checked when the schema walk
  // found nothing, so a file with both kinds of problem needs two rounds of fixing.
  test('a cross-key problem is reported together with schema problems', () => {
    const text = BASE.replace('2029-05-31', '2026-05-31').replace('1.25B', '-5');
    expect(errorLines(text)).toEqual([
      's.yaml:4:8: term.end: expected a date on or after term.start (2026-06-01), got "2026-05-31"',
      's.yaml:6:16: pricing.monthly_fee: expected an amount > 0, got "-5"',
    ]);
  });
});
