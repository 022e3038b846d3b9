/**
 * Progress of `check` and `validate` over many files: on standard error when
 * it is a terminal, nothing otherwise; never mixed into real output lines.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/cli/context.js';
import { progress, REDRAW_MS } from '../../src/cli/progress.js';
import { BIN, ROOT, baseEnv, run } from './run.js';

function fakeContext(stderrIsTTY: boolean, env: Record<string, string> = {}): { ctx: Context; log: string[] } {
  const log: string[] = [];
  const ctx: Context = {
    env,
    stdin: (async function* () {})(),
    stdout: { write: (t: string) => log.push(`out:${t}`) },
    stderr: { write: (t: string) => log.push(`err:${t}`) },
    stdoutIsTTY: stderrIsTTY,
    stderrIsTTY,
  };
  return { ctx, log };
}

describe('progress()', () => {
  const files = ['a.yaml', 'b.yaml', 'c.yaml'];

  it('draws [i/n] verb file on a terminal, takes it away before other output and at the end', () => {
    const { ctx, log } = fakeContext(true);
    let t = 0;
    const p = progress(ctx, 'checking', files, () => t);
    p.step(0, 'a.yaml');
    p.ctx.stdout.write('a.yaml: ok\n');
    t += REDRAW_MS;
    p.step(1, 'b.yaml');
    p.ctx.stderr.write('b.yaml:1:1: bad\n');
    t += REDRAW_MS;
    p.step(2, 'c.yaml');
    p.end();
    p.end(); // a second end writes nothing
    expect(log).toEqual([
      'err:\r\x1b[K[1/3] checking a.yaml',
      'err:\r\x1b[K',
      'out:a.yaml: ok\n',
      'err:\r\x1b[K[2/3] checking b.yaml',
      'err:\r\x1b[K',
      'err:b.yaml:1:1: bad\n',
      'err:\r\x1b[K[3/3] checking c.yaml',
      'err:\r\x1b[K',
    ]);
  });

  it('redraws at most every REDRAW_MS', () => {
    const { ctx, log } = fakeContext(true);
    let t = 0;
    const p = progress(ctx, 'validating', Array.from({ length: 100 }, (_, i) => `${i}.yaml`), () => t);
    for (let i = 0; i < 100; i++) {
      p.step(i, `${i}.yaml`);
      t += REDRAW_MS / 4;
    }
    p.end();
    const drawn = log.filter((l) => l.includes('validating'));
    expect(drawn).toHaveLength(25);
    expect(drawn[0]).toBe('err:\r\x1b[K[  1/100] validating 0.yaml');
    expect(drawn[1]).toBe('err:\r\x1b[K[  5/100] validating 4.yaml');
  });

  it('keeps to one row of the terminal and shows control characters of a file name escaped', () => {
    const { ctx, log } = fakeContext(true, { COLUMNS: '30' });
    const p = progress(ctx, 'checking', ['x', 'y'], () => 0);
    p.step(0, `scenarios/${'long-'.repeat(10)}\x1b[31m.yaml`);
    expect(log[0]).toBe('err:\r\x1b[K[1/2] checking scenarios/lon…');
    const { ctx: ctx2, log: log2 } = fakeContext(true);
    progress(ctx2, 'checking', ['x', 'y'], () => 0).step(0, 'a\x1b[31mb');
    expect(log2[0]).not.toContain('\x1b[31m');
  });

  it('shows nothing when standard error is not a terminal, for one file, or with TERM=dumb', () => {
    for (const [tty, n, env] of [[false, 3, {}], [true, 1, {}], [true, 3, { TERM: 'dumb' }]] as const) {
      const { ctx, log } = fakeContext(tty, env);
      const p = progress(ctx, 'checking', files.slice(0, n), () => 0);
      expect(p.ctx).toBe(ctx);
      p.step(0, 'a.yaml');
      p.end();
      expect(log).toEqual([]);
    }
  });
});

describe('progress through the built bin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deal-model-progress-'));
  const scenarios = ['colossus-1', 'mid-month-calendar', 'leap-year-colocation'].map((n) => join(ROOT, 'scenarios', `${n}.yaml`));
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'name: x\n');
  const args = ['validate', ...scenarios, bad];

  it('on a terminal (a pseudo-terminal made by script(1)): progress lines, then the same lines as without it', () => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], { env: baseEnv({ TERM: 'xterm' }), encoding: 'utf8', timeout: 60_000 });
    if (r.error) throw r.error;
    expect(r.status).toBe(3);
    const screen = r.stdout.replace(/\r\n/g, '\n');
    expect(screen).toContain(`\r\x1b[K[1/4] validating ${scenarios[0]}`);
    // with the progress lines taken out, what is left is what a pipe gets (stdout and stderr interleaved on the terminal)
    const plain = run(args);
    const left = screen.replace(/\r\x1b\[K(\[[ \d]+\/4\] validating [^\r\n]*)?/g, '');
    for (const line of [...plain.stdout.split('\n'), ...plain.stderr.split('\n')].filter((l) => l !== '')) expect(left).toContain(`${line}\n`);
    expect(left.endsWith('\n')).toBe(true);
  });

  it('into pipes: not a byte of progress', () => {
    const r = run(args);
    expect(r.status).toBe(3);
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stderr).not.toContain('validating');
    expect(r.stdout.split('\n').filter((l) => l.includes(': valid: '))).toHaveLength(3);
  });
});
