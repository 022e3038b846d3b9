/**
 * Golden CLI tests: the built bin on every example scenario in every format,
 * compared byte for byte with test/golden/, under several time zones and a
 * German locale (output must not depend on either). Update deliberately with
 * `UPDATE_GOLDEN=1 npm test`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleScenarios } from '../support/examples.js';
import { golden, run } from './run.js';

const SCENARIOS = exampleScenarios();
const FORMATS = ['table', 'csv', 'json', 'md'] as const;
const ENVIRONMENTS: Record<string, string>[] = [
  { TZ: 'UTC' },
  { TZ: 'America/Los_Angeles' },
  { TZ: 'Pacific/Kiritimati' },
  { TZ: 'Pacific/Pago_Pago' },
  { TZ: 'Australia/Lord_Howe' },
  { TZ: 'America/Sao_Paulo' },
  { TZ: 'Europe/Berlin', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
];

/**
 * The whole time-zone and locale matrix runs on the table (the format that
 * groups digits and lays out dates for people); the other formats run under
 * UTC and the zone furthest from it, so the suite stays fast (issue 11).
 */
const environmentsFor = (format: string): Record<string, string>[] => (format === 'table' ? ENVIRONMENTS : [{ TZ: 'UTC' }, { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }]);

describe.each(SCENARIOS)('project %s', (file) => {
  const name = file.replace(/\.yaml$/, '');
  it.each(FORMATS)('--format %s matches its golden file under its time zones and locales', (format) => {
    const expected = golden(`project/${name}.${format}`, run(['project', `scenarios/${file}`, '--format', format]).stdout);
    for (const env of environmentsFor(format)) {
      const r = run(['project', `scenarios/${file}`, '--format', format], { env });
      expect({ env, status: r.status, stderr: r.stderr }).toEqual({ env, status: 0, stderr: '' });
      expect(r.stdout).toBe(expected);
    }
  });
});

/** Termination commands, each in every format, named by the golden file they produce. */
const TERMINATION_RUNS: Record<string, readonly string[]> = {
  'colossus-1.terminate': ['terminate', 'scenarios/colossus-1.yaml'],
  'colossus-1.terminate-provider-notice': ['terminate', 'scenarios/colossus-1.yaml', '--by', 'provider', '--notice', '2027-01-15'],
  'colossus-1.project-notice': ['project', 'scenarios/colossus-1.yaml', '--notice', '2026-06-01'],
  'colossus-1.project-notice-no-effect': ['project', 'scenarios/colossus-1.yaml', '--notice', '2029-04-15'],
  'gpu-cluster-anniversary.terminate': ['terminate', 'scenarios/gpu-cluster-anniversary.yaml'],
  'gpu-cluster-anniversary.project-notice': ['project', 'scenarios/gpu-cluster-anniversary.yaml', '--notice', '2028-02-29'],
  'mid-month-calendar.terminate': ['terminate', 'scenarios/mid-month-calendar.yaml'],
  // the market (SPEC §11): the same bytes in every time zone and locale, simulation included
  'colossus-1-market.terminate': ['terminate', 'scenarios/colossus-1-market.yaml'],
};

describe.each(Object.entries(TERMINATION_RUNS))('%s', (name, args) => {
  it.each(FORMATS)('--format %s matches its golden file under its time zones and locales', (format) => {
    const expected = golden(`terminate/${name}.${format}`, run([...args, '--format', format]).stdout);
    for (const env of environmentsFor(format)) {
      const r = run([...args, '--format', format], { env });
      expect({ env, status: r.status, stderr: r.stderr }).toEqual({ env, status: 0, stderr: '' });
      expect(r.stdout).toBe(expected);
    }
  });
});

describe('terminate --every day', () => {
  it('matches its golden CSV and holds every monthly outcome', () => {
    const daily = run(['terminate', 'scenarios/colossus-1.yaml', '--every', 'day', '--format', 'csv']);
    expect(daily.status).toBe(0);
    expect(daily.stdout).toBe(golden('terminate/colossus-1.terminate-daily.csv', daily.stdout));
    const lines = new Set(daily.stdout.split('\n'));
    const monthly = run(['terminate', 'scenarios/colossus-1.yaml', '--format', 'csv']).stdout.split('\n').filter((l) => l !== '');
    expect(monthly.length).toBe(37); // header + 36 months
    for (const line of monthly) expect(lines.has(line)).toBe(true);
    expect(daily.stdout.split('\n').filter((l) => l !== '').length).toBe(1 + 1096);
  });
});

describe('project of the seed deal', () => {
  it('is 43,750,000,000.00 over 36 periods and 1,096 days', () => {
    const r = run(['project', 'scenarios/colossus-1.yaml', '--format', 'json']);
    const json = JSON.parse(r.stdout) as { totals: Record<string, unknown>; periods: unknown[] };
    expect(json.totals).toEqual({
      periods: 36,
      days: 1096,
      base: '45000000000.00',
      discount: '1250000000.00',
      fee: '43750000000.00',
      pv: '43750000000.00',
    });
    expect(json.periods).toHaveLength(36);
  });

  it('the default format is the table, also when standard output is not a terminal', () => {
    const r = run(['project', 'scenarios/colossus-1.yaml']);
    expect(r.stdout).toBe(run(['project', 'scenarios/colossus-1.yaml', '--format', 'table']).stdout);
    expect(r.stdout).toContain('43,750,000,000.00 USD');
  });

  it('is the same read from standard input, which is named <stdin>', () => {
    const text = readFileSync(new URL('../../scenarios/colossus-1.yaml', import.meta.url), 'utf8');
    const r = run(['project', '-', '--format', 'csv'], { input: text });
    expect(r.stdout).toBe(run(['project', 'scenarios/colossus-1.yaml', '--format', 'csv']).stdout);
  });

  it('gives identical bytes when run twice', () => {
    const a = run(['project', 'scenarios/gpu-cluster-anniversary.yaml', '--format', 'json']);
    const b = run(['project', 'scenarios/gpu-cluster-anniversary.yaml', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });
});
