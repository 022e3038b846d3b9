/**
 * `deal-model export` through the built bin: what it refuses, with which
 * exit code and message, and that a refused or failed export leaves no file.
 * (What the workbook holds is test/export's subject.)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

describe('deal-model export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deal-model-export-cli-'));
  const seed = 'scenarios/colossus-1.yaml';

  it('writes a zip (xlsx) file atomically and prints nothing', () => {
    const out = join(dir, 'model.xlsx');
    const r = run(['export', seed, '-o', out]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(out).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    expect(readdirSync(dir)).toEqual(['model.xlsx']); // no temporary file left
    // a second export replaces it with the same bytes
    const before = readFileSync(out);
    expect(run(['export', seed, '-o', out]).status).toBe(0);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it('needs -o FILE.xlsx: exit 2 before reading anything', () => {
    const cases: [string[], string][] = [
      [['export', seed], "error: required option '-o, --output <file>' not specified\n(run with --help for usage)\n"],
      [['export', seed, '-o', join(dir, 'model.csv')], `error: ${join(dir, 'model.csv')}: the workbook is written to a .xlsx file: give -o FILE.xlsx\n(run with --help for usage)\n`],
      [['export', seed, '-o', '-'], 'error: standard output: the workbook is written to a .xlsx file: give -o FILE.xlsx\n(run with --help for usage)\n'],
      [['export', 'missing.yaml', '-o', join(dir, 'x.txt')], `error: ${join(dir, 'x.txt')}: the workbook is written to a .xlsx file: give -o FILE.xlsx\n(run with --help for usage)\n`],
      [['export', seed, '-o', join(dir, 'b.xlsx'), '--by', 'provider'], "error: option '--by <party>' needs '--notice <date>': a party gives a notice on a date\n(run with --help for usage)\n"],
      [['export', seed, '-o', join(dir, 'b.xlsx'), '--notice', '2027-02-30'], "error: option '--notice <date>' argument '2027-02-30' is invalid. expected a date YYYY-MM-DD (February 2027 has 28 days).\n(run with --help for usage)\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = run(args);
      expect({ args, status: r.status, stderr: r.stderr, stdout: r.stdout }).toEqual({ args, status: 2, stderr, stdout: '' });
    }
    expect(existsSync(join(dir, 'b.xlsx'))).toBe(false);
  });

  it('an invalid scenario or notice: exit 3 with the position, and no file', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(seed, 'utf8').replace('monthly_fee: 1.25B', 'monthly_fee: -5'));
    const out = join(dir, 'bad.xlsx');
    const r = run(['export', bad, '-o', out]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`^${bad}:\\d+:\\d+: pricing\\.monthly_fee: expected an amount > 0, got "-5"\\n$`));
    const late = run(['export', seed, '-o', out, '--notice', '2030-01-01']);
    expect(late.status).toBe(3);
    expect(late.stderr).toContain('2030-01-01');
    expect(existsSync(out)).toBe(false);
  });

  it('a folder that does not exist: exit 4', () => {
    const r = run(['export', seed, '-o', join(dir, 'no', 'such', 'model.xlsx')]);
    expect(r.status).toBe(4);
    expect(r.stderr).toBe(`${join(dir, 'no', 'such', 'model.xlsx')}: cannot write the output: the folder ${join(dir, 'no', 'such')} does not exist\n`);
  });
});
