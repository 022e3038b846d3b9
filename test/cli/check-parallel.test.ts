/**
 * `check` on several threads prints byte for byte what one thread prints,
 * with the same exit code, whatever mix of results the files give.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from './run.js';

describe('check --jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deal-model-jobs-'));
  const snapshots = join(dir, 'snapshots');
  const seed = readFileSync(join(ROOT, 'scenarios', 'colossus-1.yaml'), 'utf8').replace(/^expect:[\s\S]*$/m, '');
  mkdirSync(join(dir, 's'));
  const files = Array.from({ length: 400 }, (_, i) => join(dir, 's', `f${String(i).padStart(3, '0')}.yaml`));
  files.forEach((f, i) => writeFileSync(f, seed.replace('monthly_fee: 1.25B', `monthly_fee: ${1000 + i}M`)));
  const written = run(['check', ...files, '--snapshots', snapshots, '--update', '--jobs', '3']);

  it('writes the same snapshots as one thread, in order', () => {
    expect(written.status).toBe(0);
    expect(written.stdout.split('\n').slice(0, 2)).toEqual([`${files[0]}: ok (snapshot ${join(snapshots, 'f000.json')} written)`, `${files[1]}: ok (snapshot ${join(snapshots, 'f001.json')} written)`]);
    expect(written.stdout.trimEnd().split('\n').at(-1)).toBe('400 scenarios: 400 match, 0 differ, 0 unchecked');
    const again = run(['check', files[7]!, '--snapshots', snapshots]);
    expect(again.stdout).toBe(`${files[7]}: ok (matches ${join(snapshots, 'f007.json')})\n1 scenario: 1 match, 0 differ, 0 unchecked\n`);
  });

  it('prints the same bytes and exits the same with 1, 2 and 4 threads on a mix of results', () => {
    // a changed fee (differs), an invalid file, an unreadable file, a file with a failing expect:
    writeFileSync(files[5]!, seed.replace('monthly_fee: 1.25B', 'monthly_fee: 1M'));
    writeFileSync(files[101]!, 'name: broken\nterm: {}\n');
    chmodSync(files[250]!, 0o000);
    writeFileSync(files[301]!, `${seed.replace('monthly_fee: 1.25B', 'monthly_fee: 1201M')}expect:\n  project.totals.fee: "1.00"\n`);
    const one = run(['check', ...files, '--snapshots', snapshots, '--jobs', '1']);
    const unreadable = one.stderr.includes('permission denied');
    expect(one.status).toBe(1);
    expect(one.stdout).toContain(`${files[5]}: `);
    // (as root, a file with mode 000 is still readable)
    expect(one.stdout.trimEnd().split('\n').at(-1)).toBe(unreadable ? '400 scenarios: 396 match, 2 differ, 0 unchecked, 1 invalid, 1 unreadable' : '400 scenarios: 397 match, 2 differ, 0 unchecked, 1 invalid');
    for (const jobs of ['2', '4']) {
      const many = run(['check', ...files, '--snapshots', snapshots, '--jobs', jobs]);
      expect(many.status).toBe(one.status);
      expect(many.stdout).toBe(one.stdout);
      expect(many.stderr).toBe(one.stderr);
    }
  });

  it('shares the files out: one thread per 100 files at most, as many as asked for', () => {
    const threads = (args: string[]) => run(['check', ...args, '--snapshots', snapshots], { env: { DEAL_MODEL_TRACE_JOBS: '1' } }).stderr.split('\n')[0];
    expect(threads([...files, '--jobs', '4'])).toBe('check: 4 threads');
    expect(threads([...files, '--jobs', '8'])).toBe('check: 4 threads');
    expect(threads([...files.slice(0, 250), '--jobs', '8'])).toBe('check: 2 threads');
    expect(threads([...files.slice(0, 199), '--jobs', '8'])).toBe('check: 1 thread');
    expect(threads([...files, '--jobs', '1'])).toBe('check: 1 thread');
  });

  it('refuses --jobs that is not a whole number from 1 (exit 2)', () => {
    for (const bad of ['0', '-1', '1.5', 'x']) {
      const r = run(['check', files[0]!, '--jobs', bad]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`error: option '-j, --jobs <n>' argument '${bad}' is invalid. expected a whole number from 1 to 9999.`);
    }
  });
});
