/** YAML-level checks: directives, tags, aliases, nesting, syntax (SPEC §1; PITFALLS "YAML"). */
import { describe, expect, test } from 'vitest';
import { MAX_ALIASES, parseYaml } from '../../src/scenario/parse.js';
import { BASE, errorLines, load, withFee } from './helpers.js';

const TAG_TAIL = 'is not allowed: only plain YAML 1.2 values (strings, numbers, lists, mappings)';

/** Load a scenario that must be rejected; how long it took and its error lines. */
function timeRejection(text: string): { ms: number; lines: string[] } {
  const t0 = performance.now();
  const lines = errorLines(text);
  return { ms: performance.now() - t0, lines };
}

describe('%YAML directive', () => {
  test('%YAML 1.1 is refused', () => {
    expect(errorLines(`%YAML 1.1\n---\n${BASE}`)).toEqual([
      's.yaml:1:1: unsupported YAML version 1.1: scenarios are YAML 1.2 (remove the %YAML directive)',
    ]);
  });

  test('%YAML 1.1 is refused even when the 1.1 reading would look valid (no → false, 0755 → 493)', () => {
    expect(errorLines(`# a comment\n%YAML 1.1\n---\n${BASE}billing:\n  payment_terms_days: 0755\n`)).toEqual([
      's.yaml:2:1: unsupported YAML version 1.1: scenarios are YAML 1.2 (remove the %YAML directive)',
    ]);
  });

  test('%YAML 1.2 is accepted', () => {
    expect(load(`%YAML 1.2\n---\n${BASE}`).name).toBe('X');
  });

  test('an unknown version is refused', () => {
    expect(errorLines(`%YAML 1.3\n---\n${BASE}`)).toEqual(['s.yaml:1:1: unsupported YAML version 1.3: scenarios are YAML 1.2 (remove the %YAML directive)']);
  });

  test('in YAML 1.2, 0755 is the decimal 755 and no is a string', () => {
    const s = load(`${BASE}billing:\n  payment_terms_days: 0755\nparties: { provider: no }\n`);
    expect(s.billing.paymentTermsDays).toBe(755);
    expect(s.parties.provider).toBe('no');
  });
});

describe('tags', () => {
  test.each([
    ['!!timestamp', BASE.replace('start: 2026-06-01', 'start: !!timestamp 2026-06-01'), 3, 22, 'term.start'],
    ['!!binary', `${BASE}parties: { provider: !!binary aGVsbG8= }\n`, 7, 31, 'parties.provider'],
    ['!!set', `${BASE}parties: !!set { a, b }\n`, 7, 16, 'parties'],
    ['!!omap', `${BASE}parties: !!omap [ a: 1 ]\n`, 7, 17, 'parties'],
    ['!foo', BASE.replace('name: X', 'name: !foo X'), 1, 12, 'name'],
    ['!', BASE.replace('name: X', 'name: ! X'), 1, 9, 'name'],
  ])('%s is refused with its position and key path', (tag, text, line, column, path) => {
    expect(errorLines(text)).toEqual([`s.yaml:${line}:${column}: ${path}: tag ${tag} ${TAG_TAIL}`]);
  });

  test('a local tag on a mapping', () => {
    expect(errorLines(`${BASE}parties: !foo { provider: a }\n`)).toEqual([`s.yaml:7:15: parties: tag !foo ${TAG_TAIL}`]);
  });

  test('a tag inside a list names the item', () => {
    expect(errorLines(`${BASE}  ramp: [ { months: 1, fee: !!binary AA== } ]\n`)).toEqual([`s.yaml:7:38: pricing.ramp[0].fee: tag !!binary ${TAG_TAIL}`]);
  });

  test('!foo is not silently turned into a string (the yaml package only warns)', () => {
    const parsed = parseYaml('name: !foo X\n', 's.yaml');
    expect(parsed.issues.map((i) => i.message)).toEqual([`tag !foo ${TAG_TAIL}`]);
  });

  test('every refused tag is reported', () => {
    expect(errorLines(`${BASE.replace('name: X', 'name: !foo X')}parties: !!set { a }\n`)).toEqual([
      `s.yaml:1:12: name: tag !foo ${TAG_TAIL}`,
      `s.yaml:7:16: parties: tag !!set ${TAG_TAIL}`,
    ]);
  });

  test('core tags are allowed where they fit', () => {
    expect(load(BASE.replace('name: X', 'name: !!str 42')).name).toBe('42');
    expect(load(BASE.replace('name: X', 'name: !<tag:yaml.org,2002:str> X')).name).toBe('X');
    expect(load(BASE.replace('start: 2026-06-01', 'start: !!str 2026-06-01')).term.start).toBe(load(BASE).term.start);
    expect(load(withFee('!!str 1.25B')).pricing.monthlyFee.toString()).toBe('1250000000');
    expect(load(withFee('!!float 5')).pricing.monthlyFee.toString()).toBe('5');
    expect(load(`${BASE}parties: !!map { provider: a }\n`).parties.provider).toBe('a');
  });

  test('!!str makes a string, so it is wrong where an integer is expected', () => {
    expect(errorLines(`${BASE}termination:\n  notice_days: !!str 5\n`)).toEqual([
      's.yaml:8:22: termination.notice_days: expected an integer from 0 to 36500, got "5"',
    ]);
  });
});

describe('aliases', () => {
  test('an undefined alias is reported with its position', () => {
    expect(errorLines(withFee('*x'))).toEqual(['s.yaml:6:16: pricing.monthly_fee: undefined alias *x']);
  });

  test('an alias used before its anchor is undefined', () => {
    expect(errorLines(`${BASE}parties: { provider: *p, customer: &p a }\n`)).toEqual(['s.yaml:7:22: parties.provider: undefined alias *p']);
  });

  test('a normal alias works: &fee 1.25B reused as a ramp fee', () => {
    const s = load(`${withFee('&fee 1.25B')}  ramp:\n    - { months: 1, fee: *fee }\n`);
    expect(s.pricing.monthlyFee.toString()).toBe('1250000000');
    expect(s.pricing.ramp).toHaveLength(1);
    const step = s.pricing.ramp[0];
    expect(step && 'fee' in step ? step.fee.toString() : 'no fee').toBe('1250000000');
  });

  test('an alias keeps an exact number', () => {
    const s = load(`${withFee('&fee 12345678901234567.89')}  ramp:\n    - { months: 1, fee: *fee }\n`);
    const step = s.pricing.ramp[0];
    expect(step && 'fee' in step ? step.fee.toString() : 'no fee').toBe('12345678901234567.89');
  });

  test('an alias to an integer and to a mapping', () => {
    const s = load(`${BASE}termination:\n  notice_days: &n 90\nbilling:\n  payment_terms_days: *n\n`);
    expect(s.billing.paymentTermsDays).toBe(90);
    expect(s.termination?.noticeDays).toBe(90);
  });

  test('an error in an aliased value is reported at the alias', () => {
    expect(errorLines(`${BASE}parties: &p { provider: *p }\n`)).toEqual([
      's.yaml:7:25: parties.provider: expected a non-empty string, got a mapping',
    ]);
  });

  test(`${MAX_ALIASES} aliases are fine, one more is too many`, () => {
    expect(MAX_ALIASES).toBe(50);
    const file = (n: number): string =>
      `${BASE}termination:\n  notice_days: &n 1\nexpect:\n${Array.from({ length: n }, (_, i) => `  p.a${i}: *n`).join('\n')}\n`;
    expect(load(file(50)).expect).toHaveLength(50);
    expect(errorLines(file(51))).toEqual(['s.yaml:60:10: too many aliases: a scenario needs at most 50']);
  });

  const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
    lol.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`);
  }
  const billionLaughs = `${lol.join('\n')}\n`;

  test('a billion-laughs file fails fast with "too many aliases"', () => {
    const { ms, lines } = timeRejection(billionLaughs);
    expect(lines).toEqual(['s.yaml:7:23: too many aliases: a scenario needs at most 50']);
    expect(ms).toBeLessThan(2000);
  });

  test('a billion-laughs inside an otherwise valid scenario (in expect) fails fast too', () => {
    const nested = lol.map((l) => `  x.${l}`).join('\n');
    const { ms, lines } = timeRejection(`${BASE}expect:\n${nested}\n`);
    expect(lines).toEqual(['s.yaml:14:27: too many aliases: a scenario needs at most 50']);
    expect(ms).toBeLessThan(2000);
  });
});

describe('nesting', () => {
  const NESTED = /^s\.yaml:\d+:\d+: invalid YAML: nested too deeply( \(more than 64 levels of \[ \] or \{ \}\))?$/;

  test('[ × 100000 is an error, not a crash', () => {
    const lines = errorLines('['.repeat(100_000));
    expect(lines[0]).toMatch(NESTED);
    for (const line of lines) expect(line).toMatch(/^s\.yaml:1:\d+: invalid YAML: /);
  });

  test('deep nesting inside a value', () => {
    expect(errorLines(`name: ${'['.repeat(100_000)}\n`)[0]).toMatch(NESTED);
    expect(errorLines(`${'['.repeat(20_000)}${']'.repeat(20_000)}\n`)).toEqual([expect.stringMatching(NESTED)]);
  });

  test('deep block sequences and flow mappings', () => {
    expect(errorLines(`${'- '.repeat(100_000)}x\n`)).toEqual([expect.stringMatching(/^s\.yaml:1:\d+: invalid YAML: nested too deeply$/)]);
    expect(errorLines('{a: '.repeat(20_000))[0]).toMatch(NESTED);
  });

  test('deep block mappings', () => {
    const text = `${Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`;
    expect(errorLines(text)[0]).toMatch(NESTED);
  });
});

describe('syntax', () => {
  test('multiple documents are refused', () => {
    const lines = errorLines(`${BASE}---\n${BASE}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('s.yaml:7:1: a second YAML document starts here: a scenario file holds exactly one');
  });

  test('one document with explicit start and end markers is fine', () => {
    expect(load(`---\n${BASE}...\n`).name).toBe('X');
  });

  test('tabs as indentation', () => {
    const lines = errorLines(BASE.replace('  start', '\tstart'));
    expect(lines[0]).toBe('s.yaml:3:1: invalid YAML: Tabs are not allowed as indentation');
  });

  test('a tab between key and value is only white space', () => {
    expect(load(BASE.replace('name: X', 'name:\tX')).name).toBe('X');
  });

  test.each([
    ['double', 'name: "X', '"'],
    ['single', "name: 'X", "'"],
  ])('an unclosed %s quote is reported where it opens', (_kind, line, quote) => {
    expect(errorLines(BASE.replace('name: X', line))).toEqual([
      `s.yaml:1:7: invalid YAML: the quoted string that starts here is never closed (add the closing ${quote})`,
    ]);
  });

  test('an apostrophe inside plain text is not a quote', () => {
    expect(load(BASE.replace('name: X', "name: Bob's [draft] lease")).name).toBe("Bob's [draft] lease");
  });

  test('an unclosed flow mapping is reported where it opens', () => {
    expect(errorLines(`${BASE}parties: { provider: a\n`)).toEqual([
      's.yaml:7:10: invalid YAML: the mapping that starts here with { is never closed with }',
    ]);
  });

  test('an unclosed flow list is reported where it opens', () => {
    expect(errorLines(`${BASE}  ramp: [ { months: 2, discount: 50% }\n`)).toEqual([
      's.yaml:7:9: invalid YAML: the list that starts here with [ is never closed with ]',
    ]);
  });

  test('a key indented more than the key and value above it', () => {
    expect(errorLines(BASE.replace('  end', '   end'))).toEqual([
      's.yaml:4:4: invalid YAML: bad indentation: this key is indented 3 spaces, more than the 2 of the key and value above it (align it with that key, or indent it under a key that has no value)',
    ]);
  });

  test('a plain value that holds ": " must be quoted', () => {
    expect(errorLines(BASE.replace('name: X', 'name: Lease: phase 2'))).toEqual([
      's.yaml:1:7: invalid YAML: a value that holds ": " must be quoted: write name: "Lease: phase 2"',
    ]);
  });

  test('syntax errors stop before the schema walk (no cascade of schema errors)', () => {
    const lines = errorLines(`name: "X\nzzz: 1\n`);
    expect(lines.every((l) => l.includes('invalid YAML'))).toBe(true);
  });
});

describe('parseYaml', () => {
  test('a clean document has no issues and keeps positions', () => {
    const parsed = parseYaml(BASE, 'f.yaml');
    expect(parsed.issues).toEqual([]);
    expect(parsed.lines.linePos(BASE.indexOf('1.25B'))).toEqual({ line: 6, col: 16 });
  });

  test('issues carry the file name given', () => {
    const parsed = parseYaml('a: *x\n', 'other.yaml');
    expect(parsed.issues).toEqual([{ location: { file: 'other.yaml', line: 1, column: 4, path: 'a' }, message: 'undefined alias *x' }]);
  });
});
