/**
 * Tables fit the terminal (SPEC §7), checked through a pseudo-terminal made
 * by script(1) at 80, 120 and 200 columns: columns are left out in the
 * documented order and named under the table; --wide, pipes and files get
 * the whole table.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DROP_ORDER } from '../../src/report/fit.js';
import { baseEnv, ROOT, run } from './run.js';

const BIN = `${ROOT}/bin/deal-model.js`;

/** The screen of `args` on a terminal `cols` wide, colour codes and carriage returns taken out. */
function onTerminal(cols: number, args: readonly string[]): string {
  const command = `stty cols ${cols}; ${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')}`;
  const r = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: ROOT, env: baseEnv({ TERM: 'xterm', NO_COLOR: '1' }), encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  expect(r.status).toBe(0);
  return r.stdout.replace(/\r\n/g, '\n').replace(/\x1b\[[0-9;]*m/g, '');
}

const tableWidth = (screen: string): number => Math.max(...screen.split('\n').filter((l) => /^[┌│├└]/.test(l)).map((l) => [...l].length));
const header = (screen: string): string[] => (screen.split('\n').find((l) => l.startsWith('│')) ?? '').split('│').map((c) => c.trim()).filter((c) => c !== '');

describe('tables that fit the terminal', () => {
  const whole = run(['project', 'scenarios/colossus-1.yaml']).stdout;

  it.each([80, 120])('project at %i columns: fits, leaves columns out in the documented order and names them', (cols) => {
    const screen = onTerminal(cols, ['project', 'scenarios/colossus-1.yaml']);
    expect(tableWidth(screen)).toBeLessThanOrEqual(cols);
    const left = /Left out to fit \d+ columns: (.*) \(--wide shows every column\)\./.exec(screen);
    expect(left).not.toBeNull();
    const dropped = left![1]!.split(', ');
    // the first ones of the documented order, in that order
    const labels: Record<string, string> = { discount_factor: 'DF', period_length: 'Length', base: 'Base', discount: 'Discount', payment_date: 'Paid on', days: 'Days', pv: 'PV', cumulative: 'Cumulative' };
    const expected = DROP_ORDER.filter((k) => k in labels).slice(0, dropped.length).map((k) => labels[k]);
    expect(dropped).toEqual(expected);
    for (const label of dropped) expect(header(screen)).not.toContain(label);
  });

  it('project at 200 columns: the whole table, as into a pipe', () => {
    const screen = onTerminal(200, ['project', 'scenarios/colossus-1.yaml']);
    expect(screen).not.toMatch(/Left out to fit/);
    expect(header(screen)).toEqual(header(whole));
  });

  it('--wide shows every column at 80; a pipe and -o get the whole table', () => {
    expect(header(onTerminal(80, ['project', 'scenarios/colossus-1.yaml', '--wide']))).toEqual(header(whole));
    expect(whole).not.toMatch(/Left out/);
    expect(header(whole)).toContain('DF');
    expect(header(whole)).toContain('Length');
  });

  it('terminate at 80 columns fits too', () => {
    expect(tableWidth(onTerminal(80, ['terminate', 'scenarios/colossus-1.yaml']))).toBeLessThanOrEqual(80);
  });
});
