/**
 * One golden transcript (exit code, stderr, stdout) per kind of error
 * (SPEC §4): usage 2, invalid scenario 3, I/O 4, internal 70; and the
 * successful exits of --help and --version.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { golden, run, transcript } from './run.js';

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly status: number;
  readonly env?: Record<string, string>;
}

const CASES: readonly Case[] = [
  { name: 'usage-no-command', args: [], status: 2 },
  { name: 'usage-unknown-command', args: ['projcet', 'scenarios/colossus-1.yaml'], status: 2 },
  { name: 'usage-unknown-option', args: ['project', 'scenarios/colossus-1.yaml', '--formt', 'json'], status: 2 },
  { name: 'usage-bad-format', args: ['project', 'scenarios/colossus-1.yaml', '--format', 'xml'], status: 2 },
  { name: 'usage-missing-scenario', args: ['project'], status: 2 },
  { name: 'usage-validate-no-files', args: ['validate'], status: 2 },
  { name: 'input-many-problems', args: ['project', 'test/fixtures/bad/many-problems.yaml'], status: 3 },
  { name: 'input-yaml-1.1', args: ['project', 'test/fixtures/bad/yaml-1.1.yaml'], status: 3 },
  { name: 'input-invalid-utf8', args: ['project', 'test/fixtures/bad/latin1.yaml'], status: 3 },
  { name: 'input-end-before-start', args: ['validate', 'test/fixtures/bad/end-before-start.yaml'], status: 3 },
  { name: 'io-missing-file', args: ['project', 'scenarios/no-such-file.yaml'], status: 4 },
  { name: 'io-directory', args: ['project', 'scenarios'], status: 4 },
  { name: 'io-unwritable-output', args: ['project', 'scenarios/colossus-1.yaml', '-o', 'no-such-dir/out.json'], status: 4 },
  { name: 'validate-mixed', args: ['validate', 'scenarios/colossus-1.yaml', 'test/fixtures/bad/yaml-1.1.yaml', 'scenarios/missing.yaml'], status: 4 },
  { name: 'usage-by-without-notice', args: ['project', 'scenarios/colossus-1.yaml', '--by', 'provider'], status: 2 },
  { name: 'usage-bad-notice-date', args: ['project', 'scenarios/colossus-1.yaml', '--notice', '2027-02-30'], status: 2 },
  { name: 'usage-bad-notice-format', args: ['terminate', 'scenarios/colossus-1.yaml', '--notice', '2027-2-3'], status: 2 },
  { name: 'usage-bad-every', args: ['terminate', 'scenarios/colossus-1.yaml', '--every', 'week'], status: 2 },
  { name: 'usage-bad-by', args: ['terminate', 'scenarios/colossus-1.yaml', '--by', 'landlord'], status: 2 },
  { name: 'input-notice-after-term', args: ['project', 'scenarios/colossus-1.yaml', '--notice', '2029-06-01'], status: 3 },
  { name: 'input-notice-before-term', args: ['terminate', 'scenarios/colossus-1.yaml', '--notice', '2026-05-31'], status: 3 },
  { name: 'input-notice-before-not-before', args: ['project', 'scenarios/gpu-cluster-anniversary.yaml', '--notice', '2027-03-14'], status: 3 },
  { name: 'input-party-not-allowed', args: ['project', 'scenarios/gpu-cluster-anniversary.yaml', '--notice', '2027-06-01', '--by', 'provider'], status: 3 },
  { name: 'input-terminate-without-clause', args: ['terminate', 'scenarios/leap-year-colocation.yaml'], status: 3 },
  { name: 'input-notice-without-clause', args: ['project', 'scenarios/leap-year-colocation.yaml', '--notice', '2028-06-01'], status: 3 },
  { name: 'input-terminate-by-none', args: ['terminate', 'test/fixtures/by-none.yaml'], status: 3 },
  { name: 'terminate-help', args: ['terminate', '--help'], status: 0 },
  { name: 'internal-error', args: ['project', 'scenarios/colossus-1.yaml'], status: 70, env: { DEAL_MODEL_CRASH_TEST: '1' } },
  { name: 'help', args: ['--help'], status: 0 },
  { name: 'project-help', args: ['project', '--help'], status: 0 },
  { name: 'validate-ok', args: ['validate', 'scenarios/colossus-1.yaml', 'scenarios/leap-year-colocation.yaml'], status: 0 },
];

describe('error transcripts', () => {
  it.each(CASES)('$name exits $status', ({ name, args, status, env }) => {
    const r = run(args, env ? { env } : {});
    expect(r.status).toBe(status);
    expect(transcript(args, r)).toBe(golden(`errors/${name}.txt`, transcript(args, r)));
    expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('--version prints the package version and exits 0', () => {
    const r = run(['--version']);
    expect(r).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('an internal error shows the stack only with DEAL_MODEL_DEBUG=1', () => {
    const r = run(['project', 'scenarios/colossus-1.yaml'], { env: { DEAL_MODEL_CRASH_TEST: '1', DEAL_MODEL_DEBUG: '1' } });
    expect(r.status).toBe(70);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  it('is off when standard output is not a terminal', () => {
    expect(run(['project', 'scenarios/colossus-1.yaml']).stdout).not.toContain(ESC);
  });
  it('FORCE_COLOR=1 turns it on for the table', () => {
    expect(run(['project', 'scenarios/colossus-1.yaml'], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
  });
  it('NO_COLOR wins over FORCE_COLOR', () => {
    expect(run(['project', 'scenarios/colossus-1.yaml'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESC);
  });
  it('never colours JSON, CSV or Markdown', () => {
    for (const format of ['json', 'csv', 'md']) {
      expect(run(['project', 'scenarios/colossus-1.yaml', '--format', format], { env: { FORCE_COLOR: '3' } }).stdout).not.toContain(ESC);
    }
  });
});

describe('-o FILE', () => {
  it('writes exactly what standard output would get, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deal-model-o-'));
    const target = join(dir, 'flows.json');
    const r = run(['project', 'scenarios/colossus-1.yaml', '--format', 'json', '-o', target]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    const stdout = run(['project', 'scenarios/colossus-1.yaml', '--format', 'json']).stdout;
    expect(readdirSync(dir)).toEqual(['flows.json']);
    expect(readFileSync(target, 'utf8')).toBe(stdout);
  });

  it('replaces an existing file and keeps it intact when the write fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deal-model-o-'));
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'old contents\n');
    expect(run(['project', 'scenarios/colossus-1.yaml', '--format', 'csv', '-o', target]).status).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^period,start,end,/);
    // a directory where the file should go: the rename fails, nothing is left behind
    const blocked = join(dir, 'blocked');
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'keep'), 'x');
    const r = run(['project', 'scenarios/colossus-1.yaml', '-o', blocked]);
    expect(r.status).toBe(4);
    expect(r.stderr).toBe(`${blocked}: cannot write the output: is a directory, not a file\n`);
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'out.csv']);
  });
});

describe('pipes', () => {
  it('output piped into head ends quietly', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'deal-model-pipe-'));
    const file = join(dir, 'long.yaml');
    writeFileSync(file, 'name: Long\nterm: { start: 2000-01-01, end: 2199-12-31 }\npricing: { monthly_fee: 1M }\n');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/deal-model.js project "${file}" --format csv | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('period,start,end,days,period_length,base,discount,fee,payment_date,discount_factor,pv,cumulative\n');
    expect(r.stderr).toBe('');
  });

  it('large output piped elsewhere is never cut short', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deal-model-pipe-'));
    const file = join(dir, 'long.yaml');
    writeFileSync(file, 'name: Long\nterm: { start: 1900-01-01, end: 2299-12-31 }\npricing: { monthly_fee: 1M }\n');
    const r = run(['project', file, '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { periods: unknown[] };
    expect(json.periods).toHaveLength(400 * 12);
  });
});
