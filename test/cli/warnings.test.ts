/**
 * Warnings (SPEC §7): valid scenarios that are almost certainly not what was
 * meant. Printed on standard error as `file:line:col: warning: key.path:
 * ...`, they change neither the output nor the exit code; `validate
 * --strict` exits 3. One golden transcript per warning.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { golden, ROOT, run, transcript } from './run.js';

const FIXTURES = 'test/fixtures/warnings';
const CASES: Record<string, RegExp> = {
  'end-on-the-first': /:2:33: warning: term\.end: term\.end is the last day of service, inclusive; did you mean 2029-05-31\?/,
  'ramp-longer-than-term': /:6:5: warning: pricing\.ramp: the ramp covers 13 contract months, longer than the term's 12/,
  'not-before-on-start': /:6:15: warning: termination\.not_before: not_before 2026-06-01 is on or before term\.start/,
  'notice-longer-than-term': /:5:16: warning: termination\.notice_days: a notice period of 120 days is longer than the term \(92 days\)/,
};

describe.each(Object.entries(CASES))('%s', (name, warning) => {
  const file = `${FIXTURES}/${name}.yaml`;

  it('project prints the warning on standard error and the usual output, exit 0', () => {
    const args = ['project', file, '--format', 'csv'];
    const r = run(args);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(warning);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(transcript(args, r)).toBe(golden(`warnings/${name}.txt`, transcript(args, r)));
  });

  it('validate says valid (exit 0); validate --strict exits 3 and does not say valid', () => {
    const plain = run(['validate', file]);
    expect([plain.status, plain.stderr]).toEqual([0, expect.stringMatching(warning)]);
    expect(plain.stdout).toMatch(/: valid: /);
    const strict = run(['validate', '--strict', file]);
    expect([strict.status, strict.stdout, strict.stderr]).toEqual([3, '', plain.stderr]);
  });
});

describe('warnings', () => {
  it('all four at once, in file order like errors, each on its own line', () => {
    const args = ['validate', '--strict', `${FIXTURES}/all-four.yaml`];
    const r = run(args);
    expect(r.status).toBe(3);
    expect(r.stderr.split('\n').filter((l) => l.includes(': warning: ')).map((l) => l.split(': warning: ')[1]?.split(':')[0])).toEqual([
      'term.end', 'pricing.ramp', 'termination.notice_days', 'termination.not_before',
    ]);
    expect(transcript(args, r)).toBe(golden('warnings/all-four.txt', transcript(args, r)));
  });

  it('never change the output: the same bytes as the scenario without the cause of the warning, but for the changed term', () => {
    // not_before on the start restricts nothing: with and without it, every output is the same
    const dir = mkdtempSync(join(tmpdir(), 'deal-model-warn-'));
    const text = readFileSync(join(ROOT, FIXTURES, 'not-before-on-start.yaml'), 'utf8');
    writeFileSync(join(dir, 'with.yaml'), text);
    writeFileSync(join(dir, 'without.yaml'), text.replace('  not_before: 2026-06-01\n', ''));
    for (const cmd of [['project'], ['terminate'], ['terminate', '--format', 'json']]) {
      const a = run([...cmd, 'with.yaml'], { cwd: dir });
      const b = run([...cmd, 'without.yaml'], { cwd: dir });
      expect([a.status, a.stdout]).toEqual([b.status, b.stdout]);
      expect(b.stderr).toBe('');
      expect(a.stderr).toMatch(/^with\.yaml:6:15: warning: /);
    }
  });

  it('the example scenarios have none', () => {
    for (const f of ['colossus-1', 'gpu-cluster-anniversary', 'leap-year-colocation', 'mid-month-calendar']) {
      const r = run(['validate', '--strict', `scenarios/${f}.yaml`]);
      expect([f, r.status, r.stderr]).toEqual([f, 0, '']);
    }
  });

  it('check reports warnings on standard error, even from worker threads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deal-model-warn-'));
    copyFileSync(join(ROOT, FIXTURES, 'end-on-the-first.yaml'), join(dir, 'a.yaml'));
    const r = run(['check', 'a.yaml'], { cwd: dir });
    expect(r.stderr).toMatch(/^a\.yaml:2:33: warning: term\.end: /m);
  });
});
