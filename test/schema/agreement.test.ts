/**
 * The JSON Schema agrees with the tool's own validation (loadScenario):
 * - it is never stricter: whatever ajv rejects, the tool rejects;
 * - where it can express the rule (`schemaCatches: true`), it rejects too.
 * Rules the schema cannot express (across keys, duplicate keys, YAML tags and
 * aliases, how a number is written) are `schemaCatches: false`.
 */
import { describe, expect, test } from 'vitest';
import { schemaVerdict, toolVerdict } from './support.js';

const BASE = `name: X
term:
  start: 2026-06-01
  end: 2029-05-31
pricing:
  monthly_fee: 1.25B
`;

const fee = (value: string): string => BASE.replace('1.25B', value);
/** Lines under `pricing:`, indented for it. */
const pricing = (lines: string): string => BASE + lines.split('\n').map((l) => `  ${l}`).join('\n') + '\n';
const step = (s: string): string => pricing(`ramp:\n  - ${s}`);
const discount = (value: string): string => step(`{ months: 2, discount: ${value} }`);
const escalation = (value: string): string => pricing(`escalation: { rate: ${value} }`);
const root = (yaml: string): string => `${BASE}${yaml}\n`;
const terminationWith = (lines: string): string => root(`termination:\n${lines.split('\n').map((l) => `  ${l}`).join('\n')}`);

interface Case {
  readonly name: string;
  readonly yaml: string;
  /** The tool's verdict on the case (checked, so the table stays honest). */
  readonly valid: boolean;
  /** For invalid cases: whether the schema can express the rule, so both reject. */
  readonly schemaCatches?: boolean;
}

const ok = (name: string, yaml: string): Case => ({ name, yaml, valid: true });
const caught = (name: string, yaml: string): Case => ({ name, yaml, valid: false, schemaCatches: true });
const beyond = (name: string, yaml: string): Case => ({ name, yaml, valid: false, schemaCatches: false });

const FULL = `name: Colossus 1 capacity lease
currency: USD
parties: { provider: xAI, customer: Anthropic }
capacity: { power_mw: 300, site: "Colossus 1, Memphis TN" }
term:
  start: 2026-06-01
  end: 2029-05-31
pricing:
  monthly_fee: 1.25B
  ramp:
    - { months: 2, discount: 50% }
    - { months: 1, fee: "$900,000,000" }
  escalation: { rate: 3%, every_months: 12 }
billing:
  periods: anniversary
  timing: arrears
  payment_terms_days: 30
termination:
  notice_days: 90
  by: customer
  fee: 10M
  not_before: 2026-09-01
valuation:
  discount_rate: 10%
  date: 2026-06-01
risk:
  monthly_notice_probability: 2%
expect:
  project.totals.fee: "1.00"
  outcomes[0].pv: 1
  committed.share: null
  x_y.z: true
`;

const CASES: readonly Case[] = [
  // valid: both accept
  ok('the minimal scenario', BASE),
  ok('every section', FULL),
  ok('amount "$1,250,000,000"', fee('"$1,250,000,000"')),
  ok('amount 1_250_000_000 (a string in YAML 1.2)', fee('1_250_000_000')),
  ok('amount with blanks and a lower-case suffix', fee('"  1.25b  "')),
  ok('amount "+1.5M"', fee('"+1.5M"')),
  ok('amount as a hexadecimal YAML number', fee('0x10')),
  ok('amount with more digits than a double', fee('12345678901234567.89')),
  ok('amount 1e9 (a YAML number)', fee('1e9')),
  ok('termination fee -0 is >= 0', terminationWith('notice_days: 0\nfee: "-0"')),
  ok('termination fee "-$0.00K" is >= 0', terminationWith('notice_days: 0\nfee: "-$0.00K"')),
  ok('ramp fee 0', step('{ months: 1, fee: 0 }')),
  ok('discount "100%"', discount('100%')),
  caught('discount 1 (ambiguous: 1% or 100%)', discount('1')),
  caught('discount "1" (ambiguous)', discount('"1"')),
  ok('discount 0.999', discount('0.999')),
  ok('discount "0%"', discount('0%')),
  ok('discount "-0%"', discount('"-0%"')),
  ok('discount "99.5 %"', discount('"99.5 %"')),
  ok('discount ".5"', discount('".5"')),
  ok('escalation -3%', escalation('-3%')),
  ok('escalation "-99.99%"', escalation('"-99.99%"')),
  ok('escalation -0.5', escalation('-0.5')),
  ok('escalation "-.5"', escalation('"-.5"')),
  ok('escalation 250%', escalation('250%')),
  ok('discount_rate "0.1"', root('valuation: { discount_rate: "0.1" }')),
  ok('a number as the name', BASE.replace('name: X', 'name: 42')),
  ok('a number as the site', root('capacity: { site: 42, power_mw: 0.5 }')),
  ok('an empty ramp', pricing('ramp: []')),
  ok('every_months +12', pricing('escalation: { rate: 0, every_months: +12 }')),
  ok('a leap day', BASE.replace('2029-05-31', '2028-02-29')),
  ok('notice_days 0', terminationWith('notice_days: 0')),
  ok('an alias for a label', root('parties: { provider: &p xAI, customer: *p }')),
  ok('an empty expect', root('expect: {}')),

  // invalid, and the schema says so
  caught('negative monthly_fee as a number', fee('-5')),
  caught('negative monthly_fee as a string', fee('"-5"')),
  caught('zero monthly_fee as a number', fee('0')),
  caught('zero monthly_fee as a string', fee('"0"')),
  caught('monthly_fee "$0.00"', fee('"$0.00"')),
  caught('monthly_fee "-0" is not > 0', fee('"-0"')),
  caught('monthly_fee 0K', fee('0K')),
  caught('monthly_fee .inf', fee('.inf')),
  caught('amount "1.2.3B"', fee('1.2.3B')),
  caught('amount "1,25" (a group of two)', fee('"1,25"')),
  caught('amount "1,2345"', fee('"1,2345"')),
  caught('amount "1,000_000" (mixed separators)', fee('"1,000_000"')),
  caught('amount "1.25 B" (blank before the suffix)', fee('"1.25 B"')),
  caught('amount "$-5"', fee('"$-5"')),
  caught('amount "1e9" as a string', fee('"1e9"')),
  caught('amount "1.25T"', fee('1.25T')),
  caught('amount true', fee('true')),
  caught('amount as a list', fee('[1]')),
  caught('amount empty', fee('')),
  caught('negative ramp fee', step('{ months: 1, fee: -1 }')),
  caught('negative termination fee "-$1"', terminationWith('notice_days: 0\nfee: "-$1"')),
  caught('discount 150%', discount('150%')),
  caught('discount "150%"', discount('"150%"')),
  caught('discount 50 (5000%)', discount('50')),
  caught('discount 1.5', discount('1.5')),
  caught('discount "100.01%"', discount('"100.01%"')),
  caught('discount "1.0001"', discount('"1.0001"')),
  caught('discount -1%', discount('-1%')),
  caught('discount -0.1', discount('-0.1')),
  caught('discount "50%%"', discount('"50%%"')),
  caught('discount "abc"', discount('abc')),
  caught('probability 101%', root('risk: { monthly_notice_probability: 101% }')),
  caught('probability "1.01"', root('risk: { monthly_notice_probability: "1.01" }')),
  caught('escalation -100%', escalation('-100%')),
  caught('escalation -1', escalation('-1')),
  caught('escalation "-1"', escalation('"-1"')),
  caught('escalation "-100 %"', escalation('"-100 %"')),
  caught('escalation -150%', escalation('-150%')),
  caught('discount_rate "-100%"', root('valuation: { discount_rate: "-100%" }')),
  caught('an unknown key', root('foo: 1')),
  caught('a typo: montly_fee', BASE.replace('monthly_fee', 'montly_fee')),
  caught('a typo: notice_day', terminationWith('notice_day: 90')),
  caught('a key at the wrong level', root('notice_days: 90')),
  caught('a __proto__ key', root('__proto__: 1')),
  caught('a number as a key', root('1: x')),
  caught('periods: calender', root('billing: { periods: calender }')),
  caught('timing: Advance', root('billing: { timing: Advance }')),
  caught('by: nobody', terminationWith('notice_days: 1\nby: nobody')),
  caught('currency usd', root('currency: usd')),
  caught('currency XYZ', root('currency: XYZ')),
  caught('currency 840', root('currency: 840')),
  caught('currency empty', root('currency:')),
  caught('months 1.5', step('{ months: 1.5, discount: 0 }')),
  caught('months 0', step('{ months: 0, discount: 0 }')),
  caught('months "2"', step('{ months: "2", discount: 0 }')),
  caught('every_months 0', pricing('escalation: { rate: 0, every_months: 0 }')),
  caught('notice_days -1', terminationWith('notice_days: -1')),
  caught('payment_terms_days beyond a safe integer', root('billing: { payment_terms_days: 9007199254740992 }')),
  caught('date 2026-6-1', BASE.replace('2026-06-01', '2026-6-1')),
  caught('date 2027-02-30', BASE.replace('2029-05-31', '2027-02-30')),
  caught('date 2026-13-01', BASE.replace('2029-05-31', '2026-13-01')),
  caught('date 2100-02-29 (not a leap year)', BASE.replace('2029-05-31', '2100-02-29')),
  caught('date as a number 20260601', BASE.replace('2026-06-01', '20260601')),
  caught('date with a time', BASE.replace('2026-06-01', '"2026-06-01T00:00:00"')),
  caught('a ramp step with both discount and fee', step('{ months: 1, discount: 10%, fee: 5 }')),
  caught('a ramp step with neither', step('{ months: 1 }')),
  caught('a ramp step with an unknown key', step('{ months: 1, discount: 10%, note: x }')),
  caught('a ramp step without months', step('{ discount: 10% }')),
  caught('missing name', BASE.replace('name: X\n', '')),
  caught('missing term', BASE.replace(/term:\n.*\n.*\n/, '')),
  caught('missing term.end', BASE.replace('  end: 2029-05-31\n', '')),
  caught('missing pricing.monthly_fee', BASE.replace('  monthly_fee: 1.25B\n', '  ramp: []\n')),
  caught('termination without notice_days', terminationWith('by: either')),
  caught('a list where a mapping is expected', BASE.replace(/term:\n.*\n.*\n/, 'term: [2026-06-01, 2029-05-31]\n')),
  caught('a mapping where a list is expected', pricing('ramp: { months: 1, discount: 5% }')),
  caught('a string where a mapping is expected', root('parties: xAI')),
  caught('an empty section', root('parties:')),
  caught('an empty name', BASE.replace('name: X', 'name: ""')),
  caught('a blank name', BASE.replace('name: X', 'name: "   "')),
  caught('a boolean name', BASE.replace('name: X', 'name: true')),
  caught('a null name', BASE.replace('name: X', 'name: null')),
  caught('power_mw 0', root('capacity: { power_mw: 0 }')),
  caught('power_mw as a string', root('capacity: { power_mw: "300" }')),
  caught('an empty file', ''),
  caught('a list at the top', '- 1\n- 2\n'),
  caught('expect with a key that is not a result path', root('expect: { "1bad": 1 }')),
  caught('expect with a..b', root('expect: { "a..b": 1 }')),
  caught('expect with a list value', root('expect: { a.b: [1] }')),
  caught('expect as a list', root('expect: []')),

  // invalid, beyond what JSON Schema can say
  beyond('end before start', BASE.replace('2029-05-31', '2026-05-31')),
  beyond('not_before after the end', terminationWith('notice_days: 0\nnot_before: 2030-01-01')),
  beyond('a duplicate key', `${BASE}name: Y\n`),
  beyond('a duplicate expect key', root('expect: { a: 1, a: 2 }')),
  beyond('a !!timestamp tag', BASE.replace('2026-06-01', '!!timestamp 2026-06-01')),
  beyond('a custom tag', BASE.replace('name: X', 'name: !foo X')),
  beyond('a %YAML 1.1 directive', `%YAML 1.1\n---\n${BASE}`),
  beyond('an undefined alias', BASE.replace('name: X', 'name: *nope')),
  beyond('more aliases than a scenario needs', root(`parties: { provider: &p x }\nexpect:\n${Array.from({ length: 51 }, (_, i) => `  k${i}: *p`).join('\n')}`)),
  beyond('an integer written 1.0', step('{ months: 1.0, discount: 0 }')),
  beyond('an integer written 0x5A', terminationWith('notice_days: 0x5A')),
  beyond('an integer written 9e1', terminationWith('notice_days: 9e1')),
  beyond('a boolean as an expect key', root('expect: { true: 1 }')),
];

describe('the schema agrees with the tool', () => {
  test('the table is large', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  describe.each(CASES)('$name', (c) => {
    const tool = toolVerdict(c.yaml);
    const schema = schemaVerdict(c.yaml);

    test(c.valid ? 'the tool accepts it' : 'the tool rejects it', () => {
      expect(tool.accepts, tool.errors || 'the tool accepted it').toBe(c.valid);
    });

    test('the schema is never stricter: if ajv rejects, the tool rejects', () => {
      if (schema && !schema.accepts) expect(tool.accepts, `ajv: ${schema.errors}`).toBe(false);
    });

    if (c.valid) {
      test('ajv accepts it', () => {
        expect(schema?.accepts, schema?.errors).toBe(true);
      });
    }
    if (c.schemaCatches) {
      test('ajv rejects it too', () => {
        expect(schema?.accepts, 'ajv accepted it').toBe(false);
      });
    }
  });
});

/**
 * JSON has no infinity and validators read numbers as doubles, while the
 * tool reads a YAML number exactly from its source text. Here the schema is
 * stricter than the tool: editor warnings on files the tool loads. They are
 * listed so that a change in either shows up.
 */
describe('known limits: JSON numbers are doubles', () => {
  test.each([
    ['a name written .inf (text to the tool, Infinity to JSON)', BASE.replace('name: X', 'name: .inf')],
    ['a monthly_fee of 1e-400 (> 0 exactly, 0 as a double)', fee('1e-400')],
    ['an escalation of -0.99999999999999999999 (> -1 exactly, -1 as a double)', escalation('-0.99999999999999999999')],
  ])('%s: the tool accepts, ajv rejects', (_name, yaml) => {
    expect(toolVerdict(yaml).accepts).toBe(true);
    expect(schemaVerdict(yaml)?.accepts).toBe(false);
  });

  test('a monthly_fee of 1e400 (Infinity as a double) is refused by both: the tool keeps amounts below 10^30', () => {
    expect(toolVerdict(fee('1e400')).accepts).toBe(false);
    expect(schemaVerdict(fee('1e400'))?.accepts).toBe(false);
  });
});
