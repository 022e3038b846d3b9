/**
 * Variants (SPEC §8): `extends`, merge rules, positions across files,
 * `--set`, and `resolve`, through the loader with an in-memory file reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleScenarios } from '../support/examples.js';
import { DealModelError, formatIssue } from '../../src/errors.js';
import { formatIsoDate } from '../../src/model/calendar.js';
import { money } from '../../src/model/money.js';
import { project } from '../../src/model/projection.js';
import { projectJson } from '../../src/report/project.js';
import { loadVariant, MAX_CHAIN, type ReadFile } from '../../src/scenario/load.js';
import { resolvedYaml } from '../../src/scenario/resolve.js';
import { parseSetOption } from '../../src/scenario/set-option.js';
import { readBase } from '../../src/cli/io.js';

const BASE = `name: Base lease
term:
  start: 2026-06-01
  end: 2027-05-31
pricing:
  monthly_fee: 10M
  ramp:
    - { months: 2, discount: 50% }
termination: { notice_days: 90, by: either }
risk: { monthly_notice_probability: 2% }
expect:
  project.totals.fee: 110000000.00
`;

const files = (entries: Record<string, string>): ReadFile => (file) => {
  const text = entries[file];
  return text === undefined ? { unreadable: 'no such file or directory' } : new TextEncoder().encode(text);
};

function load(entries: Record<string, string>, top: string, sets: string[] = []) {
  const text = entries[top];
  if (text === undefined) throw new Error(`no ${top}`);
  return loadVariant(new TextEncoder().encode(text), top, { readFile: files(entries), sets: sets.map(parseSetOption) });
}

/** The error lines and exit code of a load that must fail. */
function failure(entries: Record<string, string>, top: string, sets: string[] = []): { code: number; lines: string[] } {
  try {
    load(entries, top, sets);
  } catch (error) {
    if (error instanceof DealModelError) return { code: error.exitCode, lines: error.issues.length > 0 ? error.issues.map(formatIssue) : [error.message] };
    throw error;
  }
  throw new Error('loaded');
}

describe('extends: the merge rules', () => {
  it('mappings merge key by key; scalars and lists replace; null removes; expect is not inherited', () => {
    const { scenario, files: chain } = load({
      'd/base.yaml': BASE,
      'd/child.yaml': 'extends: base.yaml\nname: Child\npricing:\n  monthly_fee: 12M\n  ramp: []\nrisk: ~\ntermination: { notice_days: 30 }\n',
    }, 'd/child.yaml');
    expect(chain).toEqual(['d/child.yaml', 'd/base.yaml']);
    expect(scenario.name).toBe('Child');
    expect(scenario.pricing.monthlyFee.toString()).toBe('12000000'); // replaced
    expect(scenario.pricing.ramp).toEqual([]); // a list replaces the base's whole
    expect(formatIsoDate(scenario.term.end)).toBe('2027-05-31'); // inherited
    expect(scenario.termination).toMatchObject({ noticeDays: 30, by: 'either' }); // merged key by key
    expect(scenario.risk.monthlyNoticeProbability).toBeNull(); // removed
    expect(scenario.expect).toEqual([]); // not inherited
    expect(money(project(scenario).totals.fee)).toBe('144000000.00');
  });

  it('a child keeps its own expect block; paths are relative to the file that holds them', () => {
    const { scenario, files: chain } = load({
      'a/b/base.yaml': BASE,
      'a/mid.yaml': 'extends: b/base.yaml\nname: Mid\n',
      'a/c/top.yaml': 'extends: ../mid.yaml\nexpect: { project.totals.fee: 1 }\n',
    }, 'a/c/top.yaml');
    expect(chain).toEqual(['a/c/top.yaml', 'a/mid.yaml', 'a/b/base.yaml']);
    expect(scenario.name).toBe('Mid');
    expect(scenario.expect.map((e) => [e.path, e.source, e.position.file, e.position.line])).toEqual([['project.totals.fee', '1', 'a/c/top.yaml', 2]]);
  });

  it('a null in a child removes nothing when the base lacks the key, also inside a new mapping', () => {
    const { scenario } = load({ 'base.yaml': BASE.replace('risk: { monthly_notice_probability: 2% }\n', ''), 'c.yaml': 'extends: base.yaml\nrisk: { monthly_notice_probability: ~ }\ncapacity: ~\n' }, 'c.yaml');
    expect(scenario.risk.monthlyNoticeProbability).toBeNull();
    expect(scenario.capacity).toEqual({});
  });

  it(`a chain of ${MAX_CHAIN} files is fine, ${MAX_CHAIN + 1} is a scenario error listing the files in order`, () => {
    const chain = (n: number): Record<string, string> => {
      const entries: Record<string, string> = { 'f1.yaml': BASE };
      for (let i = 2; i <= n; i++) entries[`f${i}.yaml`] = `extends: f${i - 1}.yaml\nname: F${i}\n`;
      return entries;
    };
    expect(load(chain(MAX_CHAIN), `f${MAX_CHAIN}.yaml`).scenario.name).toBe(`F${MAX_CHAIN}`);
    expect(failure(chain(MAX_CHAIN + 1), 'f9.yaml')).toEqual({
      code: 3,
      lines: ['f2.yaml:1:10: extends: a chain of more than 8 files: f9.yaml → f8.yaml → f7.yaml → f6.yaml → f5.yaml → f4.yaml → f3.yaml → f2.yaml → f1.yaml'],
    });
  });

  it('a cycle, and a file extending itself, are scenario errors that list the files', () => {
    expect(failure({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'extends: ./a.yaml\n' }, 'a.yaml')).toEqual({
      code: 3, lines: ['b.yaml:1:10: extends: a cycle of extends: a.yaml → b.yaml → a.yaml'],
    });
    expect(failure({ 'd/self.yaml': 'name: X\nextends: self.yaml\n' }, 'd/self.yaml')).toEqual({
      code: 3, lines: ['d/self.yaml:2:10: extends: a cycle of extends: d/self.yaml → d/self.yaml'],
    });
  });

  it('a missing base is an I/O error (exit 4) at the position of the extends value', () => {
    expect(failure({ 'x.yaml': '# a variant\nextends:   gone.yaml\nname: X\n' }, 'x.yaml')).toEqual({
      code: 4, lines: ['x.yaml:2:12: extends: cannot read the base scenario gone.yaml: no such file or directory'],
    });
  });

  it('an extends that is not a file name is a scenario error', () => {
    expect(failure({ 'x.yaml': 'extends: [a.yaml]\n' }, 'x.yaml')).toEqual({
      code: 3, lines: ['x.yaml:1:10: extends: expected the path of a base scenario file, relative to this file, got a list'],
    });
  });
});

describe('positions across files', () => {
  it('a bad value inherited from the base is reported in the base, at its line; the child\'s own in the child', () => {
    expect(failure({ 'base.yaml': BASE.replace('monthly_fee: 10M', 'monthly_fee: -5'), 'c.yaml': 'extends: base.yaml\nname: C\ntermination: { notice_dayz: 3 }\n' }, 'c.yaml')).toEqual({
      code: 3,
      lines: [
        'c.yaml:3:16: termination.notice_dayz: unknown key; did you mean "notice_days"?',
        'base.yaml:6:16: pricing.monthly_fee: expected an amount > 0, got "-5"',
      ],
    });
  });

  it('a base with invalid YAML is reported in the base with its line', () => {
    expect(failure({ 'base.yaml': 'name: [unclosed\n', 'c.yaml': 'extends: base.yaml\n' }, 'c.yaml').lines[0]).toMatch(/^base\.yaml:1:7: invalid YAML: the list that starts here/);
  });

  it('a required key missing from the merged result is reported at the top of the named file', () => {
    // the top mapping is the named file's own: reported where it starts, as for any scenario
    expect(failure({ 'base.yaml': 'term: { start: 2026-06-01, end: 2027-05-31 }\npricing: { monthly_fee: 1M }\n', 'c.yaml': '# variant\nextends: base.yaml\npricing: { ramp: [] }\n' }, 'c.yaml').lines).toEqual([
      'c.yaml:2:1: name: missing required key (expected a non-empty string)',
    ]);
    // term comes from the base: the missing key is reported at the top of the named file, not in the base
    expect(failure({ 'base.yaml': 'name: B\nterm:\n  start: 2026-06-01\npricing: { monthly_fee: 1M }\n', 'c.yaml': 'extends: base.yaml\n' }, 'c.yaml').lines).toEqual([
      'c.yaml:1:1: term.end: missing required key (expected a date YYYY-MM-DD)',
    ]);
  });

  it('a rule across keys names the file of the value it is about (term.end before a start set in the child)', () => {
    expect(failure({ 'base.yaml': BASE, 'c.yaml': 'extends: base.yaml\nterm: { start: 2028-01-01 }\n' }, 'c.yaml').lines).toEqual([
      'base.yaml:4:8: term.end: expected a date on or after term.start (2028-01-01), got "2027-05-31"',
    ]);
  });
});

describe('--set', () => {
  const only = { 'base.yaml': BASE };

  it('sets values in command-line order, after extends, creating mappings on the way', () => {
    const { scenario } = load(only, 'base.yaml', ['pricing.monthly_fee=1.3B', 'pricing.monthly_fee=12M', 'pricing.escalation={ rate: 3%, every_months: 6 }', 'valuation.discount_rate=8%', 'pricing.ramp[0].discount=25%']);
    expect(scenario.pricing.monthlyFee.toString()).toBe('12000000');
    expect(scenario.pricing.escalation).toMatchObject({ everyMonths: 6 });
    expect(scenario.valuation.discountRate.toString()).toBe('0.08');
    expect(scenario.pricing.ramp[0]).toMatchObject({ months: 2 });
    expect('discount' in scenario.pricing.ramp[0]! ? scenario.pricing.ramp[0].discount.toString() : '').toBe('0.25');
  });

  it('~ removes a key (or a list item); a mapping replaces the whole mapping, it is not merged', () => {
    expect(load(only, 'base.yaml', ['risk=~']).scenario.risk.monthlyNoticeProbability).toBeNull();
    expect(load(only, 'base.yaml', ['pricing.ramp[0]=~']).scenario.pricing.ramp).toEqual([]);
    // termination replaced whole: `by` falls back to its default, notice_days is the one given
    expect(load(only, 'base.yaml', ['termination={ notice_days: 7, by: customer }', 'termination={ notice_days: 5 }']).scenario.termination).toMatchObject({ noticeDays: 5, by: 'either' });
  });

  it('a problem with a set value names the --set (exit 3)', () => {
    expect(failure(only, 'base.yaml', ['pricing.monthly_fee=-5'])).toEqual({
      code: 3, lines: ['--set pricing.monthly_fee=-5: pricing.monthly_fee: expected an amount > 0, got "-5"'],
    });
    expect(failure(only, 'base.yaml', ['pricing.escalation={ rate: 3 }']).lines).toEqual([
      '--set pricing.escalation={ rate: 3 }: pricing.escalation.rate: ambiguous rate "3": a rate of 1 or more needs a % sign: write "3%" for 3 percent, or "300%" if that is meant',
    ]);
  });

  it('an index past the end of a list, and a key below a scalar, are scenario errors naming the --set', () => {
    expect(failure(only, 'base.yaml', ['pricing.ramp[1].discount=10%'])).toEqual({
      code: 3, lines: ['--set pricing.ramp[1].discount=10%: pricing.ramp[1]: index 1 is past the end of the list: the list pricing.ramp has 1 item'],
    });
    expect(failure(only, 'base.yaml', ['pricing.escalation[0]=1%']).lines).toEqual([
      '--set pricing.escalation[0]=1%: pricing.escalation[0]: index 0 is past the end of the list: pricing.escalation is not set',
    ]);
    expect(failure(only, 'base.yaml', ['name.first=X'])).toEqual({
      code: 3, lines: ['--set name.first=X: name.first: cannot set a key below name: it is the value "Base lease", not a mapping'],
    });
    expect(failure(only, 'base.yaml', ['extends=other.yaml']).lines).toEqual([
      '--set extends=other.yaml: extends: extends cannot be set: the chain of files is resolved before the --set options',
    ]);
  });

  it('a malformed option is a usage error (exit 2) before anything is read', () => {
    for (const [text, why] of [
      ['pricing.monthly_fee', 'no "=" between the path and the value'],
      ['=5', 'the path before "=" is empty'],
      ['pricing..fee=1', '"pricing..fee" is not a key path'],
      ['[0]=1', '"[0]" is not a key path'],
      ['pricing.ramp[x]=1', '"pricing.ramp[x]" is not a key path'],
    ] as const) {
      let error: unknown;
      try {
        parseSetOption(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DealModelError);
      expect((error as DealModelError).exitCode).toBe(2);
      expect((error as DealModelError).message).toContain(`error: option '--set ${text}': ${why}`);
    }
  });
});

describe('resolve: the merged scenario as YAML, a valid scenario that projects to the same numbers', () => {
  const root = join(__dirname, '..', '..');
  const examples = exampleScenarios();

  it.each(examples)('%s round-trips through resolve', (file) => {
    const name = `scenarios/${file}`;
    const loaded = loadVariant(readFileSync(join(root, name)), name, { readFile: (f) => readBase(join(root, f)) });
    const text = resolvedYaml(loaded.tree, name, loaded.files);
    expect(text).not.toMatch(/^extends:/m);
    const again = loadVariant(new TextEncoder().encode(text), 'resolved.yaml');
    expect(projectJson(again.scenario, project(again.scenario))).toEqual(projectJson(loaded.scenario, project(loaded.scenario)));
    expect(again.scenario.termination).toEqual(loaded.scenario.termination);
    expect(again.scenario.risk).toEqual(loaded.scenario.risk);
    expect(again.scenario.expect.map((e) => [e.path, e.source, e.kind])).toEqual(loaded.scenario.expect.map((e) => [e.path, e.source, e.kind]));
  });

  it('names the file and line of inherited values and the --set of set ones, and keeps literals exact', () => {
    const entries = {
      'base.yaml': BASE.replace('name: Base lease', 'name: "Base: lease #1"').replace('monthly_fee: 10M', 'monthly_fee: 12345678901234567.89'),
      'c.yaml': 'extends: base.yaml\nterm: { end: 2027-06-30 }\n',
    };
    const loaded = load(entries, 'c.yaml', ['pricing.ramp[0].discount=40%']);
    const text = resolvedYaml(loaded.tree, 'c.yaml', loaded.files);
    expect(text).toContain('name: "Base: lease #1"  # base.yaml:1\n');
    expect(text).toContain('  monthly_fee: 12345678901234567.89  # base.yaml:6\n');
    expect(text).toContain('term:\n  start: 2026-06-01  # base.yaml:3\n  end: 2027-06-30\n');
    expect(text).toContain('  ramp:  # base.yaml:7\n    - months: 2  # base.yaml:8\n      discount: 40%  # --set pricing.ramp[0].discount=40%\n');
    expect(text).not.toContain('expect:'); // the base's is not inherited
    const again = loadVariant(new TextEncoder().encode(text), 'r.yaml').scenario;
    expect(again.name).toBe('Base: lease #1');
    expect(again.pricing.monthlyFee.toFixed()).toBe('12345678901234567.89');
  });
});
