/**
 * export of a portfolio (SPEC §10): the Months sheet recalculated by
 * gnumeric gives the portfolio JSON's revenue and cumulative revenue to the
 * cent; the workbook is the same bytes twice and under any time zone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { hasTool } from '../support/tools.js';

const BOOK = 'scenarios/neocloud-portfolio.yaml';
const dir = mkdtempSync(join(tmpdir(), 'deal-model-portfolio-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export of a portfolio', () => {
  const file = join(dir, 'book.xlsx');
  const r = run(['export', BOOK, '-o', file]);

  it('writes the workbook, the same bytes twice and in another time zone', () => {
    expect(r.status).toBe(0);
    const again = join(dir, 'again.xlsx');
    expect(run(['export', BOOK, '-o', again], { env: { TZ: 'Pacific/Kiritimati' } }).status).toBe(0);
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
  });

  it('refuses --notice (one contract\'s) with exit 2 and writes nothing', () => {
    const target = join(dir, 'notice.xlsx');
    const bad = run(['export', BOOK, '-o', target, '--notice', '2027-01-01']);
    expect(bad.status).toBe(2);
    expect(() => readFileSync(target)).toThrow();
  });

  it.skipIf(!hasTool('ssconvert'))('Months recalculated by gnumeric: revenue and cumulative to the cent, backlog as the JSON', () => {
    const csv = join(dir, 'book-%s.csv');
    const conv = spawnSync('ssconvert', ['--recalc', '--export-type=Gnumeric_stf:stf_csv', '--export-file-per-sheet', file, csv], { encoding: 'utf8' });
    expect(conv.status).toBe(0);
    const rows = readFileSync(join(dir, 'book-Months.csv'), 'utf8').trim().split('\n').slice(2).map((l) => l.split(','));
    const json = JSON.parse(run(['portfolio', BOOK, '--format', 'json']).stdout) as { months: { revenue: string; cumulative: string; backlog_contracted: string }[] };
    expect(rows).toHaveLength(json.months.length);
    const cents = (s: string): string => Number(s).toFixed(2);
    rows.forEach((row, k) => {
      const m = json.months[k]!;
      expect([cents(row[4]!), cents(row[5]!), cents(row[6]!)]).toEqual([m.revenue, m.cumulative, m.backlog_contracted]);
    });
  });
});
