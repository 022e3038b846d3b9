/**
 * Variants through the built CLI (SPEC §8): validate names the chain,
 * resolve prints a scenario that projects to the same numbers, --set on
 * the commands that take it, and extends from standard input.
 */
import { describe, expect, it } from 'vitest';
import { golden, run, transcript } from './run.js';

const VARIANT = 'scenarios/colossus-1-notice-180.yaml';

describe('variants on the command line', () => {
  it('validate names the chain', () => {
    const r = run(['validate', 'scenarios/colossus-1-escalated.yaml', 'scenarios/colossus-1.yaml']);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout:
        'scenarios/colossus-1-escalated.yaml: valid (extends scenarios/colossus-1.yaml): Colossus 1, 3% a year, 36 periods, 2026-06-01 to 2029-05-31\n' +
        'scenarios/colossus-1.yaml: valid: Colossus 1 capacity lease, 36 periods, 2026-06-01 to 2029-05-31\n',
    });
  });

  it('resolve prints the merged scenario with its sources, and that text projects and terminates like the variant', () => {
    const args = ['resolve', VARIANT, '--set', 'pricing.ramp[0].discount=40%', '--set', 'risk={ monthly_notice_probability: 1% }'];
    const r = run(args);
    expect(r.status).toBe(0);
    expect(transcript(args, r)).toBe(golden('variants/resolve.txt', transcript(args, r)));
    for (const cmd of ['project', 'terminate']) {
      const fromResolved = run([cmd, '-', '--format', 'json'], { input: r.stdout });
      const direct = run([cmd, VARIANT, '--format', 'json', '--set', 'pricing.ramp[0].discount=40%', '--set', 'risk={ monthly_notice_probability: 1% }']);
      expect(fromResolved.status).toBe(0);
      expect(fromResolved.stdout).toBe(direct.stdout);
    }
  });

  it('--set gives the numbers of a file with that value written in it', () => {
    const set = run(['project', 'scenarios/colossus-1.yaml', '--format', 'csv', '--set', 'pricing.monthly_fee=1.3B']);
    const edited = run(['project', '-', '--format', 'csv'], { input: 'extends: scenarios/colossus-1.yaml\npricing: { monthly_fee: 1.3B }\n' });
    expect(set.status).toBe(0);
    expect(set.stdout).toBe(edited.stdout);
    expect(set.stdout.split('\n')[3]).toBe('3,2026-08-01,2026-08-31,31,31,1300000000.00,0.00,1300000000.00,2026-08-01,1.0000000000,1300000000.00,2600000000.00');
  });

  it('a scenario on standard input resolves its base from the current folder', () => {
    const r = run(['validate', '-'], { input: 'extends: scenarios/colossus-1.yaml\nname: From stdin\n' });
    expect(r).toEqual({ status: 0, stderr: '', stdout: '<stdin>: valid (extends scenarios/colossus-1.yaml): From stdin, 36 periods, 2026-06-01 to 2029-05-31\n' });
  });

  it('compare applies --set to every scenario', () => {
    const r = run(['compare', 'scenarios/colossus-1.yaml', 'scenarios/colossus-1-escalated.yaml', '--format', 'json', '--set', 'termination.notice_days=30']);
    const json = JSON.parse(r.stdout) as { scenarios: { committed_total: string }[] };
    // a notice on 2026-06-01 with 30 days: June only, at half price, for both
    expect(json.scenarios.map((s) => s.committed_total)).toEqual(['625000000.00', '625000000.00']);
  });

  it('terminate, export and chart take --set; check refuses it', () => {
    const t = run(['terminate', 'scenarios/colossus-1.yaml', '--format', 'json', '--set', 'termination.fee=100M']);
    expect((JSON.parse(t.stdout) as { committed: { total: string } }).committed.total).toBe('2519354838.71');
    expect(run(['chart', 'scenarios/colossus-1.yaml', '--set', 'pricing.monthly_fee=0']).status).toBe(3);
    expect(run(['export', 'scenarios/colossus-1.yaml', '-o', '/tmp/x.xlsx', '--set', 'pricing.monthly_fee=0']).status).toBe(3);
    expect(run(['check', 'scenarios/colossus-1.yaml', '--set', 'name=X']).status).toBe(2);
  });
});
