/** Keys and shapes: unknown keys, duplicates, missing keys, wrong kinds of node (SPEC §1, §6). */
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/scenario/parse.js';
import { fromYaml } from '../../src/scenario/tree.js';
import { validateTree } from '../../src/scenario/validate.js';
import { BASE, errorLines, load } from './helpers.js';

const TOP_KEYS = 'name, currency, parties, capacity, term, pricing, billing, termination, valuation, risk, costs, market, expect';

describe('unknown keys', () => {
  test('a typo gets a did-you-mean', () => {
    expect(errorLines(`${BASE}  montly_fee: 5\n`)).toEqual(['s.yaml:7:3: pricing.montly_fee: unknown key; did you mean "monthly_fee"?']);
  });

  test('a typo instead of a required key: both the unknown and the missing key are reported', () => {
    expect(errorLines(BASE.replace('monthly_fee', 'montly_fee'))).toEqual([
      's.yaml:5:1: pricing.monthly_fee: missing required key (expected an amount > 0)',
      's.yaml:6:3: pricing.montly_fee: unknown key; did you mean "monthly_fee"?',
    ]);
  });

  test('camelCase suggests the snake_case key', () => {
    expect(errorLines(BASE.replace('monthly_fee', 'monthlyFee'))).toEqual([
      's.yaml:5:1: pricing.monthly_fee: missing required key (expected an amount > 0)',
      's.yaml:6:3: pricing.monthlyFee: unknown key; did you mean "monthly_fee"?',
    ]);
    expect(errorLines(`${BASE}termination:\n  notice_days: 1\n  notBefore: 2026-07-01\n`)).toEqual([
      's.yaml:9:3: termination.notBefore: unknown key; did you mean "not_before"?',
    ]);
  });

  test('keys are case-sensitive', () => {
    expect(errorLines(BASE.replace('name:', 'Name:'))).toEqual([
      's.yaml:1:1: Name: unknown key; did you mean "name"?',
      's.yaml:1:1: name: missing required key (expected a non-empty string)',
    ]);
  });

  test.each([
    ['notice_days: 90', 's.yaml:7:1: notice_days: unknown key; it belongs under termination'],
    ['start: 2026-01-01', 's.yaml:7:1: start: unknown key; it belongs under term'],
    ['rate: 3%', 's.yaml:7:1: rate: unknown key; it belongs under pricing.escalation'],
    ['payment_terms_days: 30', 's.yaml:7:1: payment_terms_days: unknown key; it belongs under billing'],
  ])('a key at the wrong level: %s', (line, expected) => {
    expect(errorLines(`${BASE}${line}\n`)).toEqual([expected]);
  });

  test('a key found nowhere lists the keys allowed here', () => {
    expect(errorLines(`${BASE}zzzzzz: 3\n`)).toEqual([`s.yaml:7:1: zzzzzz: unknown key (expected one of ${TOP_KEYS})`]);
    expect(errorLines(`${BASE}  months: 3\n`)).toEqual(['s.yaml:7:3: pricing.months: unknown key (expected one of monthly_fee, ramp, escalation)']);
  });

  test.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'])(
    '%s at the top level is an unknown key',
    (key) => {
      expect(errorLines(`${BASE}${key}: { polluted: true }\n`)).toEqual([`s.yaml:7:1: ${key}: unknown key (expected one of ${TOP_KEYS})`]);
    },
  );

  test.each(['__proto__', 'constructor'])('%s in a section is an unknown key', (key) => {
    expect(errorLines(`${BASE}billing:\n  ${key}: { timing: arrears }\n`)).toEqual([
      `s.yaml:8:3: billing.${key}: unknown key (expected one of periods, timing, payment_terms_days)`,
    ]);
    expect(errorLines(BASE.replace('term:\n', `term:\n  ${key}: 1\n`))).toEqual([
      `s.yaml:3:3: term.${key}: unknown key (expected one of start, end)`,
    ]);
  });

  test('__proto__ pollutes neither the validated value nor Object.prototype', () => {
    const text = `${BASE}__proto__: { polluted: true, name: evil }\nbilling:\n  __proto__: { timing: arrears }\n  constructor: { prototype: { polluted: true } }\n`;
    const parsed = parseYaml(text, 's.yaml');
    expect(parsed.issues).toEqual([]);
    const validated = validateTree(fromYaml(parsed.doc, parsed.lines, 's.yaml'), 's.yaml');
    expect(validated.issues.map((i) => `${i.location.line}:${i.location.column} ${i.location.path}`)).toEqual([
      '7:1 __proto__',
      '9:3 billing.__proto__',
      '10:3 billing.constructor',
    ]);
    const value = validated.value as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual(['billing', 'name', 'pricing', 'term']);
    expect(value.name).toBe('X');
    expect(value.polluted).toBeUndefined();
    const billing = value.billing as Record<string, unknown>;
    expect(Object.keys(billing)).toEqual([]);
    expect(billing.timing).toBeUndefined();
    expect('timing' in billing).toBe(false); // not even through a swapped prototype
    expect('polluted' in value).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(() => load(text)).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('<< merge keys are unknown keys, not merges', () => {
    expect(errorLines(`${BASE}billing:\n  <<: { timing: arrears }\n`)).toEqual([
      's.yaml:8:3: billing.<<: unknown key: YAML merge keys (<<) are not supported; to build on another scenario, write extends: FILE (SPEC §8) and only the values that change',
    ]);
    expect(errorLines(`${BASE}defaults: &d { timing: arrears }\nbilling:\n  <<: *d\n`)).toEqual([
      `s.yaml:7:1: defaults: unknown key (expected one of ${TOP_KEYS})`,
      's.yaml:9:3: billing.<<: unknown key: YAML merge keys (<<) are not supported; to build on another scenario, write extends: FILE (SPEC §8) and only the values that change',
    ]);
  });

  test('a key that is not a scalar', () => {
    expect(errorLines(`${BASE}? [a]\n: 1\n`)).toEqual(["s.yaml:7:3: expected a plain key such as name, got a list"]);
  });
});

describe('duplicate keys', () => {
  test('at the top level', () => {
    expect(errorLines(`${BASE}name: Y\n`)).toEqual(['s.yaml:7:1: name: duplicate key (first defined at line 1, column 1)']);
  });

  test('in a section', () => {
    expect(errorLines(`${BASE}  monthly_fee: 2B\n`)).toEqual([
      's.yaml:7:3: pricing.monthly_fee: duplicate key (first defined at line 6, column 3)',
    ]);
    expect(errorLines(BASE.replace('  end: 2029-05-31\n', '  start: 2026-07-01\n  end: 2029-05-31\n'))).toEqual([
      's.yaml:4:3: term.start: duplicate key (first defined at line 3, column 3)',
    ]);
  });

  test('in a flow mapping', () => {
    expect(errorLines(`${BASE}billing: { timing: arrears, timing: advance }\n`)).toEqual([
      's.yaml:7:29: billing.timing: duplicate key (first defined at line 7, column 12)',
    ]);
  });

  test('1: and "1": are the same key', () => {
    expect(errorLines(`${BASE}parties:\n  1: a\n  "1": b\n`)).toEqual([
      's.yaml:8:3: parties.1: unknown key (expected one of provider, customer)',
      's.yaml:9:3: parties.1: duplicate key (first defined at line 8, column 3)',
    ]);
    expect(errorLines(`${BASE}1: 5\n"1": 6\n`)).toEqual([
      `s.yaml:7:1: 1: unknown key (expected one of ${TOP_KEYS})`,
      's.yaml:8:1: 1: duplicate key (first defined at line 7, column 1)',
    ]);
  });

  test('in expect', () => {
    expect(errorLines(`${BASE}expect:\n  project.totals.fee: 5\n  project.totals.fee: 6\n`)).toEqual([
      's.yaml:9:3: expect.project.totals.fee: duplicate key (first defined at line 8, column 3)',
    ]);
  });
});

describe('missing required keys', () => {
  test('name', () => {
    expect(errorLines(BASE.replace('name: X\n', ''))).toEqual(['s.yaml:1:1: name: missing required key (expected a non-empty string)']);
  });

  test('term, reported at the start of the file', () => {
    expect(errorLines('name: X\npricing:\n  monthly_fee: 1\n')).toEqual([
      's.yaml:1:1: term: missing required key (expected a mapping with keys start, end)',
    ]);
  });

  test('term.end, reported at the term key', () => {
    expect(errorLines(BASE.replace('  end: 2029-05-31\n', ''))).toEqual([
      's.yaml:2:1: term.end: missing required key (expected a date YYYY-MM-DD)',
    ]);
  });

  test('pricing.monthly_fee', () => {
    expect(errorLines(BASE.replace('  monthly_fee: 1.25B\n', '  ramp: []\n'))).toEqual([
      's.yaml:5:1: pricing.monthly_fee: missing required key (expected an amount > 0)',
    ]);
  });

  test('termination.notice_days when the section exists', () => {
    expect(errorLines(`${BASE}termination:\n  by: customer\n`)).toEqual([
      's.yaml:7:1: termination.notice_days: missing required key (expected an integer from 0 to 36500)',
    ]);
    expect(errorLines(`${BASE}termination: {}\n`)).toEqual([
      's.yaml:7:1: termination.notice_days: missing required key (expected an integer from 0 to 36500)',
    ]);
  });

  test('escalation.rate when the section exists', () => {
    expect(errorLines(`${BASE}  escalation: { every_months: 6 }\n`)).toEqual([
      's.yaml:7:3: pricing.escalation.rate: missing required key (expected a rate > -100%)',
    ]);
  });

  test('an empty section is not a mapping', () => {
    expect(errorLines(`${BASE}termination:\n`)).toEqual([
      's.yaml:7:13: termination: expected a mapping with keys notice_days, by, fee, not_before, got nothing',
    ]);
    expect(errorLines(BASE.replace('  start: 2026-06-01\n  end: 2029-05-31\n', ''))).toEqual([
      's.yaml:2:6: term: expected a mapping with keys start, end, got nothing',
    ]);
  });

  test('several missing keys at one position keep the schema order', () => {
    expect(errorLines('name: X\n')).toEqual([
      's.yaml:1:1: term: missing required key (expected a mapping with keys start, end)',
      's.yaml:1:1: pricing: missing required key (expected a mapping with keys monthly_fee, ramp, escalation)',
    ]);
  });
});

describe('the shape of the file', () => {
  const EMPTY = `s.yaml:1:1: expected a scenario mapping with keys ${TOP_KEYS}, got an empty file`;

  test.each([
    ['an empty file', ''],
    ['only a comment', '# nothing here\n'],
    ['only blank lines', '  \n\n'],
  ])('%s', (_label, text) => {
    expect(errorLines(text)).toEqual([EMPTY]);
  });

  test.each(['null', '~'])('a file that is just %s', (text) => {
    expect(errorLines(`${text}\n`)).toEqual([`s.yaml:1:1: expected a scenario mapping with keys ${TOP_KEYS}, got null (${JSON.stringify(text)})`]);
  });

  test('a list', () => {
    expect(errorLines('- a\n- b\n')).toEqual([`s.yaml:1:1: expected a mapping with keys ${TOP_KEYS}, got a list`]);
  });

  test('a scalar', () => {
    expect(errorLines('hello\n')).toEqual([`s.yaml:1:1: expected a mapping with keys ${TOP_KEYS}, got "hello"`]);
    expect(errorLines('42\n')).toEqual([`s.yaml:1:1: expected a mapping with keys ${TOP_KEYS}, got "42"`]);
  });

  test('a list where a mapping is expected', () => {
    expect(errorLines(BASE.replace('  start: 2026-06-01\n  end: 2029-05-31\n', '  - 2026-06-01\n  - 2029-05-31\n'))).toEqual([
      's.yaml:3:3: term: expected a mapping with keys start, end, got a list',
    ]);
    expect(errorLines(`${BASE}parties: [a, b]\n`)).toEqual(['s.yaml:7:10: parties: expected a mapping with keys provider, customer, got a list']);
  });

  test('a scalar where a mapping is expected', () => {
    expect(errorLines(BASE.replace('term:\n  start: 2026-06-01\n  end: 2029-05-31\n', 'term: 2026-06-01\n'))).toEqual([
      's.yaml:2:7: term: expected a mapping with keys start, end, got "2026-06-01"',
    ]);
  });
});

describe('expect block', () => {
  test('paths and values are kept as written', () => {
    const s = load(`${BASE}expect:\n  project.totals.fee: 43750000000.00\n  terminate.committed.share: "0.0553"\n  terminate.expected: null\n  x.y[0]: true\n`);
    expect(s.expect).toEqual([
      { path: 'project.totals.fee', source: '43750000000.00', kind: 'number', position: { file: 's.yaml', line: 8, column: 23 } },
      { path: 'terminate.committed.share', source: '0.0553', kind: 'string', position: { file: 's.yaml', line: 9, column: 30 } },
      { path: 'terminate.expected', source: 'null', kind: 'null', position: { file: 's.yaml', line: 10, column: 23 } },
      { path: 'x.y[0]', source: 'true', kind: 'boolean', position: { file: 's.yaml', line: 11, column: 11 } },
    ]);
  });

  test('bad paths and non-scalar values', () => {
    expect(errorLines(`${BASE}expect:\n  "bad path!": 1\n  ok.path: [1]\n`)).toEqual([
      's.yaml:8:3: expect: expected a dotted result path such as project.totals.fee, got "bad path!"',
      's.yaml:9:12: expect.ok.path: expected a single value, got a list',
    ]);
  });
});
