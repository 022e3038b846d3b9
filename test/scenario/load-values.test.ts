/** Every value form through loadScenario, with the exact error lines (SPEC §1, §4, §6). */
import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/model/money.js';
import { BASE, errorLines, iso, load, withFee, withRamp } from './helpers.js';

describe('amounts: pricing.monthly_fee', () => {
  test.each([
    ['1.25B', '1250000000'],
    ['"$1,250,000,000"', '1250000000'],
    ['1250000000', '1250000000'],
    ['1_250_000_000', '1250000000'], // a string in YAML 1.2
    ['1,250,000,000', '1250000000'], // an unquoted string too
    ['1.25e9', '1250000000'],
    ['"1.5k"', '1500'],
    ['2M', '2000000'],
    ['+5', '5'],
    ['$0.50', '0.5'],
    ['0.01', '0.01'],
    ['0x10', '16'], // a YAML 1.2 hex integer
    ['!!str 1.25B', '1250000000'],
    ['!!int 5', '5'],
  ])('monthly_fee: %s loads as %s', (literal, expected) => {
    const fee = load(withFee(literal)).pricing.monthlyFee;
    expect(fee.toString()).toBe(expected);
    expect(fee.equals(new Decimal(expected))).toBe(true);
  });

  test.each([
    ['-5', '"-5"'],
    ['"-5"', '"-5"'],
    ['0', '"0"'],
    ['"$0.00"', '"$0.00"'],
    ['[1]', 'a list'],
    ['{ a: 1 }', 'a mapping'],
    ['', 'nothing'],
  ])('monthly_fee: %s is rejected as out of range or of the wrong kind (got %s)', (literal, got) => {
    expect(errorLines(withFee(literal))).toEqual([`s.yaml:6:16: pricing.monthly_fee: expected an amount > 0, got ${got}`]);
  });

  // a malformed literal has no value to compare with the range: the message shows the accepted forms
  test.each([
    ['1.2.3B', '"1.2.3B"'],
    ['1,25,000', '"1,25,000"'],
    ['12,3456', '"12,3456"'],
    ['1_000,000', '"1_000,000"'],
    ['NaN', '"NaN"'],
    ['.nan', '".nan"'],
    ['.inf', '".inf"'],
    ['Infinity', '"Infinity"'],
    ['"0x10"', '"0x10"'],
    ['$', '"$"'],
    ['""', '""'],
    ['"1.25 B"', '"1.25 B"'],
    ['true', '"true"'],
  ])('monthly_fee: %s is rejected as a malformed amount (got %s)', (literal, got) => {
    expect(errorLines(withFee(literal))).toEqual([
      `s.yaml:6:16: pricing.monthly_fee: expected an amount written like 1.25B, "$1,250,000,000" or 1250000000, got ${got}`,
    ]);
  });

  test('the SPEC example line', () => {
    expect(errorLines(withFee('-5'))).toEqual(['s.yaml:6:16: pricing.monthly_fee: expected an amount > 0, got "-5"']);
  });

  test('ramp fee and termination fee accept 0 but not negatives', () => {
    expect(load(withRamp('{ months: 1, fee: 0 }')).pricing.ramp).toEqual([{ months: 1, fee: new Decimal(0) }]);
    expect(errorLines(withRamp('{ months: 1, fee: -5 }'))).toEqual([
      's.yaml:8:25: pricing.ramp[0].fee: expected an amount >= 0, got "-5"',
    ]);
    expect(load(`${BASE}termination:\n  notice_days: 0\n  fee: 0\n`).termination?.fee.toString()).toBe('0');
    expect(errorLines(`${BASE}termination:\n  notice_days: 0\n  fee: -1\n`)).toEqual([
      's.yaml:9:8: termination.fee: expected an amount >= 0, got "-1"',
    ]);
  });

  test('capacity.power_mw is a plain number > 0', () => {
    expect(load(`${BASE}capacity: { power_mw: 300 }\n`).capacity.powerMw?.toString()).toBe('300');
    expect(errorLines(`${BASE}capacity: { power_mw: 0 }\n`)).toEqual([
      's.yaml:7:23: capacity.power_mw: expected a number > 0, got "0"',
    ]);
    expect(errorLines(`${BASE}capacity: { power_mw: "300" }\n`)).toEqual([
      's.yaml:7:23: capacity.power_mw: expected a number > 0, got the text "300": write the number without quotes',
    ]);
  });
});

describe('rates', () => {
  test.each([
    ['50%', '0.5'],
    ['0.5', '0.5'],
    ['"0.5"', '0.5'],
    ['"50%"', '0.5'],
    ['12.5%', '0.125'],
    ['0%', '0'],
    ['100%', '1'],
    ['0.999', '0.999'],
  ])('discount: %s is %s', (literal, expected) => {
    const ramp = load(withRamp(`{ months: 2, discount: ${literal} }`)).pricing.ramp;
    expect(ramp).toHaveLength(1);
    const step = ramp[0];
    expect(step && 'discount' in step ? step.discount.toString() : 'no discount').toBe(expected);
  });

  // SPEC §6 (v2): without %, 1 or more is ambiguous (3% or 300%?), whatever the field's range
  test.each([
    ['1', '"1%" for 1 percent, or "100%"'],
    ['50', '"50%" for 50 percent, or "5000%"'],
    ['"1.0"', '"1.0%" for 1.0 percent, or "100%"'],
    ['-2', '"-2%" for -2 percent, or "-200%"'],
  ])('discount: %s is refused as ambiguous, with both readings', (literal, readings) => {
    const shown = literal.replace(/"/g, '');
    expect(errorLines(withRamp(`{ months: 2, discount: ${literal} }`))).toEqual([
      `s.yaml:8:30: pricing.ramp[0].discount: ambiguous rate "${shown}": a rate of 1 or more needs a % sign: write ${readings} if that is meant`,
    ]);
  });

  test.each([
    ['150%', 'got "150%"'],
    ['-3%', 'got "-3%"'],
  ])('discount: %s is rejected as out of range', (literal, tail) => {
    expect(errorLines(withRamp(`{ months: 2, discount: ${literal} }`))).toEqual([
      `s.yaml:8:30: pricing.ramp[0].discount: expected a rate between 0% and 100%, ${tail}`,
    ]);
  });

  test.each(['12%%', '50 percent', 'abc'])('discount: %s is rejected as a malformed rate', (literal) => {
    expect(errorLines(withRamp(`{ months: 2, discount: ${literal} }`))).toEqual([
      `s.yaml:8:30: pricing.ramp[0].discount: expected a rate written like 3%, 50% or 0.5, got "${literal}"`,
    ]);
  });

  test('escalation rate may be negative but above -100%', () => {
    expect(load(`${BASE}  escalation: { rate: -3% }\n`).pricing.escalation?.rate.toString()).toBe('-0.03');
    expect(load(`${BASE}  escalation: { rate: -99.99% }\n`).pricing.escalation?.rate.toString()).toBe('-0.9999');
    expect(errorLines(`${BASE}  escalation: { rate: -100% }\n`)).toEqual([
      's.yaml:7:23: pricing.escalation.rate: expected a rate > -100%, got "-100%"',
    ]);
  });

  test('valuation.discount_rate and risk.monthly_notice_probability', () => {
    expect(load(`${BASE}valuation:\n  discount_rate: 10%\n`).valuation.discountRate.toString()).toBe('0.1');
    expect(errorLines(`${BASE}valuation:\n  discount_rate: -100%\n`)).toEqual([
      's.yaml:8:18: valuation.discount_rate: expected a rate > -100%, got "-100%"',
    ]);
    expect(load(`${BASE}risk:\n  monthly_notice_probability: 2%\n`).risk.monthlyNoticeProbability?.toString()).toBe('0.02');
    expect(load(`${BASE}risk:\n  monthly_notice_probability: 0\n`).risk.monthlyNoticeProbability?.toString()).toBe('0');
    expect(errorLines(`${BASE}risk:\n  monthly_notice_probability: 2\n`)).toEqual([
      's.yaml:8:31: risk.monthly_notice_probability: ambiguous rate "2": a rate of 1 or more needs a % sign: write "2%" for 2 percent, or "200%" if that is meant',
    ]);
    expect(errorLines(`${BASE}valuation:\n  discount_rate: 10\n`)).toEqual([
      's.yaml:8:18: valuation.discount_rate: ambiguous rate "10": a rate of 1 or more needs a % sign: write "10%" for 10 percent, or "1000%" if that is meant',
    ]);
    expect(load(`${BASE}valuation:\n  discount_rate: 1000%\n`).valuation.discountRate.toString()).toBe('10');
    expect(errorLines(`${BASE}risk:\n  monthly_notice_probability: 101%\n`)).toEqual([
      's.yaml:8:31: risk.monthly_notice_probability: expected a rate between 0% and 100%, got "101%"',
    ]);
  });
});

describe('dates', () => {
  const withStart = (literal: string): string => BASE.replace('2026-06-01', literal);

  test.each(['2026-06-01', '"2026-06-01"', "'2026-06-01'", '!!str 2026-06-01'])('start: %s', (literal) => {
    expect(iso(load(withStart(literal)).term.start)).toBe('2026-06-01');
  });

  test('29 February exists in a leap year', () => {
    expect(iso(load(withStart('2028-02-29')).term.start)).toBe('2028-02-29');
  });

  test.each([
    ['2027-02-30', '"2027-02-30" (February 2027 has 28 days)'],
    ['"2027-02-30"', '"2027-02-30" (February 2027 has 28 days)'],
    ['2027-02-29', '"2027-02-29" (February 2027 has 28 days)'],
    ['2026-04-31', '"2026-04-31" (April 2026 has 30 days)'],
    ['2026-13-01', '"2026-13-01" (there is no month 13)'],
    ['2026-6-1', '"2026-6-1"'],
    ['"2026-6-1"', '"2026-6-1"'],
    ['20260601', '"20260601"'],
    ['2026-06', '"2026-06"'],
    ['2026-06-01T00:00:00', '"2026-06-01T00:00:00"'],
    ['"2026-06-01 "', '"2026-06-01 "'],
    ['[2026, 6, 1]', 'a list'],
    ['', 'nothing'],
  ])('start: %s is rejected', (literal, got) => {
    expect(errorLines(withStart(literal))).toEqual([`s.yaml:3:10: term.start: expected a date YYYY-MM-DD, got ${got}`]);
  });
});

describe('integers', () => {
  const withNotice = (literal: string): string => `${BASE}termination:\n  notice_days: ${literal}\n`;

  test.each([['90', 90], ['0', 0]])('notice_days: %s', (literal, expected) => {
    expect(load(withNotice(literal)).termination?.noticeDays).toBe(expected);
  });

  test.each([
    ['-1', '"-1"'],
    ['1.5', '"1.5"'],
    ['"90"', '"90"'],
    ['!!str 90', '"90"'],
    ['ninety', '"ninety"'],
    ['.inf', '".inf"'],
    ['', 'nothing'],
  ])('notice_days: %s is rejected', (literal, got) => {
    const column = literal.startsWith('!!str') ? 22 : 16;
    expect(errorLines(withNotice(literal))).toEqual([
      `s.yaml:8:${column}: termination.notice_days: expected an integer from 0 to 36500, got ${got}`,
    ]);
  });

  test('ramp months: 0 and escalation every_months: 0 are below 1', () => {
    expect(errorLines(withRamp('{ months: 0, discount: 50% }'))).toEqual([
      's.yaml:8:17: pricing.ramp[0].months: expected an integer from 1 to 1200, got "0"',
    ]);
    expect(errorLines(`${BASE}  escalation: { rate: 3%, every_months: 0 }\n`)).toEqual([
      's.yaml:7:41: pricing.escalation.every_months: expected an integer from 1 to 1200, got "0"',
    ]);
  });

  test('payment_terms_days: -1', () => {
    expect(errorLines(`${BASE}billing:\n  payment_terms_days: -1\n`)).toEqual([
      's.yaml:8:23: billing.payment_terms_days: expected an integer from 0 to 36500, got "-1"',
    ]);
  });
});

describe('choices', () => {
  test.each([
    ['periods: calender', 's.yaml:8:12: billing.periods: expected one of calendar, anniversary, got "calender"; did you mean "calendar"?'],
    ['periods: Calendar', 's.yaml:8:12: billing.periods: expected one of calendar, anniversary, got "Calendar"; did you mean "calendar"?'],
    ['timing: arrear', 's.yaml:8:11: billing.timing: expected one of advance, arrears, got "arrear"; did you mean "arrears"?'],
    ['timing: xyzzy', 's.yaml:8:11: billing.timing: expected one of advance, arrears, got "xyzzy"'],
    ['timing: 1', 's.yaml:8:11: billing.timing: expected one of advance, arrears, got "1"'],
  ])('billing %s', (line, expected) => {
    expect(errorLines(`${BASE}billing:\n  ${line}\n`)).toEqual([expected]);
  });

  test('termination.by with a typo', () => {
    expect(errorLines(`${BASE}termination:\n  notice_days: 1\n  by: custmer\n`)).toEqual([
      's.yaml:9:7: termination.by: expected one of either, customer, provider, none, got "custmer"; did you mean "customer"?',
    ]);
  });

  test('every valid choice loads', () => {
    const s = load(`${BASE}billing: { periods: anniversary, timing: arrears }\ntermination: { notice_days: 1, by: none }\n`);
    expect(s.billing.periods).toBe('anniversary');
    expect(s.billing.timing).toBe('arrears');
    expect(s.termination?.by).toBe('none');
  });
});

describe('currency', () => {
  test.each(['USD', 'EUR', 'JPY', 'XAU'])('%s is an ISO 4217 code', (code) => {
    expect(load(`${BASE}currency: ${code}\n`).currency).toBe(code);
  });

  test.each([
    ['usd', '"usd"; did you mean "USD"?'],
    ['Usd', '"Usd"; did you mean "USD"?'],
    ['XYZ', '"XYZ"'],
    ['US', '"US"'],
    ['"$"', '"$"'],
    ['1', '"1"'],
  ])('currency: %s is rejected', (literal, got) => {
    expect(errorLines(`${BASE}currency: ${literal}\n`)).toEqual([
      `s.yaml:7:11: currency: expected an ISO 4217 currency code such as "USD", got ${got}`,
    ]);
  });
});

describe('name: a non-empty string', () => {
  const withName = (literal: string): string => BASE.replace('name: X', `name: ${literal}`);

  test.each([
    ['""', 's.yaml:1:7: name: expected a non-empty string, got ""'],
    ['"   "', 's.yaml:1:7: name: expected a non-empty string, got "   "'],
    ['', 's.yaml:1:7: name: expected a non-empty string, got nothing'], // `name: ` with nothing after the blank
    ['true', 's.yaml:1:7: name: expected a non-empty string, got "true"'],
    ['[a]', 's.yaml:1:7: name: expected a non-empty string, got a list'],
  ])('name: %s is rejected', (literal, expected) => {
    expect(errorLines(withName(literal))).toEqual([expected]);
  });

  test('`name:` with nothing at all is reported right after the colon', () => {
    expect(errorLines(BASE.replace('name: X', 'name:'))).toEqual(['s.yaml:1:6: name: expected a non-empty string, got nothing']);
  });

  test.each([
    ['Colossus 1 capacity lease', 'Colossus 1 capacity lease'],
    ['"Caf\\u00e9 \\"Q\\""', 'Café "Q"'],
    ["'it''s'", "it's"],
    ['42', '42'],
    ['1.50', '1.50'], // a number keeps its source text
    ['!!str X', 'X'],
  ])('name: %s is %j', (literal, expected) => {
    expect(load(withName(literal)).name).toBe(expected);
  });
});

describe('ramp steps: exactly one of discount or fee', () => {
  test('both', () => {
    expect(errorLines(withRamp('{ months: 2, discount: 50%, fee: 1M }'))).toEqual([
      's.yaml:8:7: pricing.ramp[0]: expected exactly one of discount or fee, got both',
    ]);
  });

  test('neither, flow and block style', () => {
    expect(errorLines(withRamp('{ months: 2 }'))).toEqual(['s.yaml:8:7: pricing.ramp[0]: expected one of discount or fee, got neither']);
    expect(errorLines(withRamp('months: 2'))).toEqual(['s.yaml:8:7: pricing.ramp[0]: expected one of discount or fee, got neither']);
  });

  test('several steps keep their order and kind', () => {
    const s = load(`${BASE}  ramp:\n    - { months: 2, discount: 50% }\n    - { months: 1, fee: 1.1B }\n`);
    expect(s.pricing.ramp).toEqual([
      { months: 2, discount: new Decimal('0.5') },
      { months: 1, fee: new Decimal('1100000000') },
    ]);
  });

  test('the second step is reported with its index', () => {
    expect(errorLines(`${BASE}  ramp:\n    - { months: 2, discount: 50% }\n    - { months: 1 }\n`)).toEqual([
      's.yaml:9:7: pricing.ramp[1]: expected one of discount or fee, got neither',
    ]);
  });

  test('ramp must be a list of mappings', () => {
    expect(errorLines(`${BASE}  ramp: { months: 1, fee: 5 }\n`)).toEqual(['s.yaml:7:9: pricing.ramp: expected a list, got a mapping']);
    expect(errorLines(`${BASE}  ramp:\n`)).toEqual(['s.yaml:7:8: pricing.ramp: expected a list, got nothing']);
    expect(errorLines(`${BASE}  ramp:\n    - 5\n`)).toEqual([
      's.yaml:8:7: pricing.ramp[0]: expected a mapping with keys months, discount, fee, got "5"',
    ]);
    expect(load(`${BASE}  ramp: []\n`).pricing.ramp).toEqual([]);
  });
});
