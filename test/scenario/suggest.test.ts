/** suggest.ts: the "did you mean" behind unknown keys and choices. */
import { describe, expect, test } from 'vitest';
import { closest, editDistance } from '../../src/scenario/suggest.js';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['montlyfee', 'monthlyfee', 1],
    ['same', 'same', 0],
  ])('%j → %j is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closest', () => {
  const pricing = ['monthly_fee', 'ramp', 'escalation'];
  test.each([
    ['montly_fee', 'monthly_fee'],
    ['monthlyFee', 'monthly_fee'],
    ['MONTHLY-FEE', 'monthly_fee'],
    ['escalaton', 'escalation'],
    ['rmp', 'ramp'],
  ])('%j → %j', (key, expected) => {
    expect(closest(key, pricing)).toBe(expected);
  });

  test.each(['zzzzzz', 'fee', 'x', 'months'])('%j has no close match', (key) => {
    expect(closest(key, pricing)).toBeUndefined();
  });

  test('choices', () => {
    expect(closest('calender', ['calendar', 'anniversary'])).toBe('calendar');
    expect(closest('arrear', ['advance', 'arrears'])).toBe('arrears');
    expect(closest('xyzzy', ['advance', 'arrears'])).toBeUndefined();
  });
});
