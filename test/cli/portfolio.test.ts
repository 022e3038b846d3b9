/** `deal-model portfolio` through the built CLI (SPEC §10): every format of the example as golden files, --as-of, check. */
import { describe, expect, it } from 'vitest';
import { golden, run } from './run.js';

const BOOK = 'scenarios/neocloud-portfolio.yaml';

describe('portfolio', () => {
  it.each(['table', 'csv', 'json', 'md'])('--format %s matches its golden file', (format) => {
    const r = run(['portfolio', BOOK, '--format', format]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(golden(`portfolio/neocloud-portfolio.${format}`, r.stdout));
  });

  it('JSON keys in the order of SPEC §10; CSV columns: totals, one per contract, two per facility', () => {
    const json = JSON.parse(run(['portfolio', BOOK, '--format', 'json']).stdout) as Record<string, any>;
    expect(Object.keys(json)).toEqual(['portfolio', 'facilities', 'contracts', 'months', 'totals', 'backlog', 'economics', 'market']);
    expect(Object.keys(json.contracts[0])).toEqual(['id', 'name', 'file', 'facility', 'power_mw', 'start', 'end', 'total', 'npv', 'committed', 'share', 'expected']);
    expect(Object.keys(json.months[0])).toEqual(['month', 'revenue', 'by_contract', 'cumulative', 'facilities', 'backlog_contracted', 'backlog_committed']);
    expect(json.contracts[0]).toMatchObject({ file: 'colossus-1.yaml', power_mw: '300' });
    const header = run(['portfolio', BOOK, '--format', 'csv']).stdout.split('\n')[0];
    expect(header).toBe('month,revenue,cumulative,backlog_contracted,backlog_committed,anthropic,lab-b,lab-c,colossus-1_contracted_mw,colossus-1_utilization,colossus-2_contracted_mw,colossus-2_utilization');
  });

  it('--as-of moves the backlog; --set applies to the portfolio file', () => {
    const later = JSON.parse(run(['portfolio', BOOK, '--format', 'json', '--as-of', '2029-12-31']).stdout) as { backlog: Record<string, unknown> };
    expect(later.backlog).toMatchObject({ as_of: '2029-12-31' });
    const set = JSON.parse(run(['portfolio', BOOK, '--format', 'json', '--set', 'as_of=2028-06-30']).stdout) as { backlog: Record<string, unknown> };
    expect(set.backlog).toMatchObject({ as_of: '2028-06-30' });
    expect(run(['portfolio', BOOK, '--as-of', '2028-02-30']).status).toBe(2);
  });

  it('check takes portfolio files and their expect: block', () => {
    const r = run(['check', BOOK]);
    expect(r.stdout).toBe('scenarios/neocloud-portfolio.yaml: ok (4 of 4 expectations met)\n1 scenario: 1 match, 0 differ, 0 unchecked\n');
    expect(r.status).toBe(0);
  });
});

describe('chart of a portfolio', () => {
  it('stacks each month\'s revenue by contract and draws the backlog; the same bytes in any time zone', () => {
    const r = run(['chart', BOOK]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<svg[^>]* width="900" height="860"/);
    const json = JSON.parse(run(['portfolio', BOOK, '--format', 'json']).stdout) as { months: { month: string }[]; contracts: { id: string }[] };
    // one bar per month and contract, labelled with its amount
    const bars = r.stdout.match(/aria-label="\d{4}-\d\d: (anthropic|lab-b|lab-c) [^"]*USD"/g) ?? [];
    expect(bars).toHaveLength(json.months.length * json.contracts.length);
    expect(r.stdout).toContain('aria-label="2026-06: anthropic 625M USD"');
    const lines = r.stdout.match(/aria-label="\d{4}-\d\d: backlog (contracted|committed) [^"]*"/g) ?? [];
    // a point per month end on each line, and each line's path labelled by its first point
    expect(lines).toHaveLength(2 * json.months.length + 2);
    expect(run(['chart', BOOK], { env: { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8' } }).stdout).toBe(r.stdout);
  });

  it('refuses --notice, which is one contract\'s (exit 2)', () => {
    const r = run(['chart', BOOK, '--notice', '2027-01-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/chart a portfolio without it/);
  });
});
