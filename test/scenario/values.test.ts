/** values.ts: amount, rate and integer literals (SPEC §1 "Value forms", §6). */
import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/model/money.js';
import { percent } from '../../src/report/format.js';
import { parseAmount, parseInteger, parseRate, parseYamlNumber, type Parsed } from '../../src/scenario/values.js';

/** The parsed value as a string, or 'rejected'. */
const show = (parsed: Parsed<Decimal>): string => (parsed.ok ? parsed.value.toString() : 'rejected');

describe('parseAmount (string literals)', () => {
  test.each([
    ['1.25B', '1250000000'],
    ['$1,250,000,000', '1250000000'],
    ['1250000000', '1250000000'],
    ['1_250_000_000', '1250000000'],
    ['1.5k', '1500'],
    ['1.5K', '1500'],
    ['2M', '2000000'],
    ['2m', '2000000'],
    ['1b', '1000000000'],
    ['-5', '-5'],
    ['+5', '5'],
    ['-$5', '-5'],
    ['$0.50', '0.5'],
    ['1,000.5', '1000.5'],
    ['$1,250,000.125', '1250000.125'],
    ['0.000000001B', '1'],
    ['001', '1'],
    [' 1.25B ', '1250000000'], // surrounding blanks are trimmed
    ['12345678901234567.89', '12345678901234567.89'],
  ])('%j is %s', (source, expected) => {
    expect(show(parseAmount(source, false))).toBe(expected);
  });

  test('all three SPEC spellings are the same Decimal', () => {
    const values = ['1.25B', '$1,250,000,000', '1250000000'].map((s) => parseAmount(s, false));
    for (const v of values) {
      expect(v.ok).toBe(true);
      if (v.ok) expect(v.value.equals(new Decimal('1250000000'))).toBe(true);
    }
  });

  test.each([
    '1.2.3B',
    '1,25,000', // groups must be of three
    '12,3456',
    '1_000,000', // mixed separators
    '1,000_000',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10', // decimal.js would read 16
    '0b101',
    '1e9', // exponent only for YAML numbers
    '$',
    '',
    '   ',
    '1.25 B', // no blank before the suffix
    '1.25BB',
    '1.25T',
    '$-5', // the sign comes before the $
    '$$5',
    '1.', // decimals need digits
    '.5', // as a string: digits first (an unquoted .5 is a YAML number)
    '5 USD',
    '1,000,00',
  ])('%j is rejected', (source) => {
    expect(parseAmount(source, false)).toEqual({ ok: false });
  });
});

describe('parseAmount (YAML number source, isNumber = true)', () => {
  test.each([
    ['12345678901234567.89', '12345678901234567.89'], // beyond a double: every digit kept
    ['1.25e9', '1250000000'],
    ['1250000000', '1250000000'],
    ['-5', '-5'],
    ['+5', '5'],
    ['0.1', '0.1'],
    ['0x10', '16'], // YAML 1.2 core hex integer
    ['0o17', '15'], // YAML 1.2 core octal integer
    ['123456789012345678901234567890', '123456789012345678901234567890'],
  ])('%j is %s', (source, expected) => {
    expect(show(parseAmount(source, true))).toBe(expected);
  });

  test('12345678901234567.89 is exact (a double would give 12345678901234568)', () => {
    const parsed = parseAmount('12345678901234567.89', true);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.equals(new Decimal('12345678901234567.89'))).toBe(true);
      expect(parsed.value.toFixed(2)).toBe('12345678901234567.89');
    }
  });

  test.each(['.inf', '-.inf', '.nan', '.NaN', 'NaN', 'Infinity'])('%j is rejected', (source) => {
    expect(parseAmount(source, true)).toEqual({ ok: false });
  });

  test('a number source does not accept string-only forms', () => {
    expect(parseAmount('1.25B', true)).toEqual({ ok: false });
    expect(parseAmount('$5', true)).toEqual({ ok: false });
  });
});

describe('parseYamlNumber', () => {
  test.each([
    ['1', '1'],
    ['.5', '0.5'],
    ['1.', '1'],
    ['-1.5e-3', '-0.0015'],
    ['0x1F', '31'],
    ['0o777', '511'],
  ])('%j is %s', (source, expected) => {
    expect(show(parseYamlNumber(source))).toBe(expected);
  });
  test.each(['.inf', '.nan', '0b1', 'abc', ''])('%j is rejected', (source) => {
    expect(parseYamlNumber(source)).toEqual({ ok: false });
  });
});

describe('parseRate', () => {
  test.each([
    ['50%', false, '0.5'],
    ['0.5', false, '0.5'],
    ['0.5', true, '0.5'],
    ['12.5%', false, '0.125'],
    ['-3%', false, '-0.03'],
    ['+3%', false, '0.03'],
    ['100%', false, '1'],
    ['0%', false, '0'],
    ['.5%', false, '0.005'],
    ['50 %', false, '0.5'], // a blank before % is accepted
    [' 50% ', false, '0.5'],
    ['50', false, '50'], // a bare number is a fraction: 5000% (the range check is the validator's)
    ['50', true, '50'],
    ['1e-2', true, '0.01'],
  ])('%j (isNumber %s) is %s', (source, isNumber, expected) => {
    expect(show(parseRate(source, isNumber))).toBe(expected);
  });

  test('12.5% is exactly 0.125', () => {
    const parsed = parseRate('12.5%', false);
    expect(parsed.ok && parsed.value.equals(new Decimal('0.125'))).toBe(true);
  });

  test.each(['12%%', '50 percent', 'abc', '%', '', '50%5', '%50', '1,000%', '5 0%', 'NaN', 'Infinity', '0x10'])(
    '%j is rejected',
    (source) => {
      expect(parseRate(source, false)).toEqual({ ok: false });
    },
  );

  test.each(['.inf', '.nan'])('the YAML number %j is rejected', (source) => {
    expect(parseRate(source, true)).toEqual({ ok: false });
  });
});

describe('parseInteger', () => {
  test.each([
    ['90', 90],
    ['0', 0],
    ['-1', -1], // the sign is the validator's business (min)
    ['+7', 7],
    ['9007199254740991', 9007199254740991],
  ])('%j is %d', (source, expected) => {
    expect(parseInteger(source, true)).toEqual({ ok: true, value: expected });
  });

  test.each(['90', '1', '0', 'ninety', ''])('the string %j is rejected', (source) => {
    expect(parseInteger(source, false)).toEqual({ ok: false });
  });

  // only a plain decimal integer: 90.0, 9e1 and 0x5A are numbers but not how anyone writes a day count
  test.each(['1.5', '0.5', '-2.25', '1e-1', '.inf', '.nan', '9007199254740993', '90.0', '9e1', '0x10', '0o17'])('the number %j is rejected', (source) => {
    expect(parseInteger(source, true)).toEqual({ ok: false });
  });
});

describe('percent', () => {
  test.each([
    ['0.035', '3.5%'],
    ['0.5', '50%'],
    ['50', '5000%'],
    ['-1', '-100%'],
    ['0', '0%'],
  ])('%s → %s', (value, expected) => {
    expect(percent(new Decimal(value))).toBe(expected);
  });
});
