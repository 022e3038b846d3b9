/**
 * The string patterns of the JSON Schema are the literal grammars of
 * values.ts with each field's range: for every string, the pattern matches
 * exactly when parseAmount / parseRate accepts it with a value in range.
 * Likewise dates (pattern + format) and parseIsoDate, and `expect:` keys.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseIsoDate } from '../../src/model/calendar.js';
import { Decimal } from '../../src/model/money.js';
import { SCENARIO_SCHEMA, type Bound, type Field } from '../../src/scenario/schema.js';
import { parseAmount, parseRate } from '../../src/scenario/values.js';
import { makeAjv, stringPattern, subschema, toolVerdict } from './support.js';

const RUNS = { numRuns: 1000 };

/** Every field of the scenario format with its key path (`[]` for list items). */
function fields(field: Field, path: readonly string[] = []): { path: readonly string[]; field: Field }[] {
  if (field.type === 'object') return Object.entries(field.properties).flatMap(([k, p]) => fields(p.field, [...path, k]));
  if (field.type === 'list') return fields(field.items, [...path, '[]']);
  return [{ path, field }];
}
const ALL = fields(SCENARIO_SCHEMA);
const AMOUNTS = ALL.flatMap(({ path, field }) => (field.type === 'amount' ? [{ name: path.join('.'), path, min: field.min }] : []));
const RATES = ALL.flatMap(({ path, field }) => (field.type === 'rate' ? [{ name: path.join('.'), path, min: field.min, max: field.max }] : []));

function inRange(value: Decimal, min?: Bound, max?: Bound): boolean {
  if (min && (min.inclusive ? value.lt(min.value) : value.lte(min.value))) return false;
  if (max && (max.inclusive ? value.gt(max.value) : value.gte(max.value))) return false;
  return true;
}

// --- generators: literals near the grammar, and strings off it -------------

const BLANKS = [' ', '\t', '\n', '\u00a0', '\ufeff', '\u2003'];
const blank = fc.oneof({ weight: 4, arbitrary: fc.constant('') }, fc.constantFrom(...BLANKS));
const digit = fc.constantFrom(...'0123456789');
const zeroish = fc.constantFrom('0', '00', '000', '1', '01', '9', '10', '99', '100', '0100', '101', '999', '1000');
const digits = fc.oneof(zeroish, fc.string({ unit: digit, minLength: 1, maxLength: 8 }));
const group3 = fc.oneof(fc.constant('000'), fc.string({ unit: digit, minLength: 3, maxLength: 3 }));
const grouped = (sep: string): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom('0', '1', '12', '123', '00', '999'), fc.array(group3, { minLength: 1, maxLength: 3 })).map(([head, rest]) => [head, ...rest].join(sep));
const decimals = fc.oneof(fc.constant(''), fc.constant('.'), digits.map((d) => `.${d}`), fc.constant('.000'));

const amountLiteral = fc
  .tuple(blank, fc.constantFrom('', '', '+', '-'), fc.constantFrom('', '$'), fc.oneof(digits, grouped(','), grouped('_')), decimals, fc.constantFrom('', '', 'k', 'M', 'b', 'K', 'm', 'B'), blank)
  .map((parts) => parts.join(''));

const rateLiteral = fc
  .tuple(
    blank,
    fc.constantFrom('', '', '+', '-'),
    fc.oneof(fc.tuple(digits, decimals).map(([i, d]) => i + d), digits.map((d) => `.${d}`)),
    fc.constantFrom('', '', '%', ' %', '\t%'),
    blank,
  )
  .map((parts) => parts.join(''));

/** A literal with one character inserted, deleted or replaced. */
const mutated = (literal: fc.Arbitrary<string>, alphabet: string): fc.Arbitrary<string> =>
  fc.tuple(literal, fc.nat(), fc.constantFrom(...alphabet), fc.constantFrom('insert', 'delete', 'replace')).map(([s, n, c, op]) => {
    const i = s.length === 0 ? 0 : n % s.length;
    if (op === 'insert') return s.slice(0, i) + c + s.slice(i);
    if (op === 'delete') return s.slice(0, i) + s.slice(i + 1);
    return s.slice(0, i) + c + s.slice(i + 1);
  });

const AMOUNT_ALPHABET = '0123456789,._$+-kmbKMBtTeE% x';
const RATE_ALPHABET = '0123456789.+-%eE, x';
const anyString = (alphabet: string): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 12 }), fc.string({ maxLength: 8 }));

const amountCandidates = fc.oneof(amountLiteral, mutated(amountLiteral, AMOUNT_ALPHABET), anyString(AMOUNT_ALPHABET));
const rateCandidates = fc.oneof(rateLiteral, mutated(rateLiteral, RATE_ALPHABET), anyString(RATE_ALPHABET));

// --- properties ---------------------------------------------------------------

describe('amount strings: pattern ⇔ parseAmount and the field\'s range', () => {
  test('every amount field is covered', () => {
    expect(AMOUNTS.map((a) => a.name)).toEqual(['pricing.monthly_fee', 'pricing.ramp.[].fee', 'termination.fee', 'costs.power.price_per_mwh', 'costs.operating.monthly', 'costs.capital.[].amount', 'market.price_per_mw', 'market.price']);
  });

  test.each(AMOUNTS)('$name', ({ path, min }) => {
    const pattern = stringPattern(path);
    fc.assert(
      fc.property(amountCandidates, (s) => {
        const parsed = parseAmount(s, false);
        const tool = parsed.ok && inRange(parsed.value, min);
        expect(pattern.test(s), JSON.stringify(s)).toBe(tool);
      }),
      RUNS,
    );
  });

  test('the generator reaches both verdicts, in range and out of it', () => {
    const samples = fc.sample(amountLiteral, 2000).map((s) => parseAmount(s, false));
    expect(samples.some((p) => p.ok && p.value.gt(0))).toBe(true);
    expect(samples.some((p) => p.ok && p.value.isZero() && p.value.isNegative())).toBe(true); // -0
    expect(samples.some((p) => p.ok && p.value.lt(0))).toBe(true);
    expect(samples.some((p) => !p.ok)).toBe(true);
  });
});

describe('rate strings: pattern ⇔ parseRate and the field\'s range', () => {
  test('every rate field is covered', () => {
    expect(RATES.map((r) => r.name)).toEqual([
      'pricing.ramp.[].discount',
      'pricing.escalation.rate',
      'valuation.discount_rate',
      'risk.monthly_notice_probability',
      'risk.customer_monthly',
      'risk.provider_monthly',
      'costs.power.utilization',
      'costs.power.escalation.rate',
      'costs.operating.escalation.rate',
      'market.drift',
      'market.volatility',
      'market.customer_exits_below',
      'market.provider_exits_above',
    ]);
  });

  test.each(RATES)('$name', ({ path, min, max }) => {
    const pattern = stringPattern(path);
    fc.assert(
      fc.property(rateCandidates, (s) => {
        const parsed = parseRate(s, false);
        // SPEC §6 (v2): without %, a rate of 1 or more is refused as ambiguous
        const ambiguous = parsed.ok && !s.includes('%') && parsed.value.abs().gte(1);
        const tool = parsed.ok && !ambiguous && inRange(parsed.value, min, max);
        expect(pattern.test(s), JSON.stringify(s)).toBe(tool);
      }),
      RUNS,
    );
  });

  test('the bounds themselves, written every way', () => {
    const discount = stringPattern(['pricing', 'ramp', '[]', 'discount']);
    const escalation = stringPattern(['pricing', 'escalation', 'rate']);
    for (const s of ['0', '-0', '-0.0%', '0.99999', '.5', '100%', '100.%', '0100.00 %', '+100%', ' 0.5 ']) expect(discount.test(s), s).toBe(true);
    // 1 without % is ambiguous (1% or 100%?), like every fraction of 1 or more
    for (const s of ['1', '1.', '01.000', ' 1 ', '1.0001', '100.001%', '101%', '-0.001', '-1%', '1e0', '', '%', '.', '-.%']) expect(discount.test(s), s).toBe(false);
    for (const s of ['-0.9999', '-.9', '-99.999%', '-099%', '-0%', '1000%', '500%', '0.5']) expect(escalation.test(s), s).toBe(true);
    for (const s of ['-1', '-1.0', '-01', '-100%', '-0100.0%', '-100.5%', '-2', '5', '1']) expect(escalation.test(s), s).toBe(false);
  });
});

describe('dates: pattern and format ⇔ parseIsoDate', () => {
  const validate = makeAjv().compile(subschema(['term', 'start']));
  const two = (max: number): fc.Arbitrary<string> => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
  const year = fc.oneof(fc.constantFrom('0000', '1900', '2000', '2024', '2100', '2400', '9999'), fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')));
  const dateLiteral = fc.tuple(year, two(13), two(32)).map(([y, m, d]) => `${y}-${m}-${d}`);
  const candidates = fc.oneof(dateLiteral, mutated(dateLiteral, '0123456789-T: '));

  test('random dates', () => {
    fc.assert(
      fc.property(candidates, (s) => {
        expect(validate(s), s).toBe(parseIsoDate(s).ok);
      }),
      RUNS,
    );
  });
});

describe('expect: keys ⇔ the validator', () => {
  const validate = makeAjv().compile(subschema(['expect']));
  const key = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'ab_Z09.[]'), minLength: 1, maxLength: 10 }),
    fc.constantFrom('project.totals.fee', 'outcomes[0].pv', 'a[1][2].b', 'a.0', '_', 'a.', '.a', 'a[x]', 'a[]', 'é'),
  );

  test('random keys', () => {
    fc.assert(
      fc.property(key, (k) => {
        const tool = toolVerdict(`name: X\nterm: { start: 2026-06-01, end: 2026-06-30 }\npricing: { monthly_fee: 1 }\nexpect: { ${JSON.stringify(k)}: 1 }\n`);
        expect(validate({ [k]: 1 }), `${k}: ${tool.errors}`).toBe(tool.accepts);
      }),
      { numRuns: 300 },
    );
  });
});

describe('text: the pattern \\S ⇔ trim() !== ""', () => {
  test('random blank-heavy strings', () => {
    const pattern = new RegExp((subschema(['name']).pattern as string), 'u');
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...BLANKS, '\r', '\u2028', '\u180e', '\u200b'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 4 }), (s) => {
        expect(pattern.test(s), JSON.stringify(s)).toBe(s.trim() !== '');
      }),
      RUNS,
    );
  });
});
