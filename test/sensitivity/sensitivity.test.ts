/**
 * deal-model sensitivity (SPEC §12) checked a second way: every grid cell
 * equals `project`/`terminate`/`economics` run with the same values as
 * --set; the tornado's rows equal single cells; goal seek's lo and hi are
 * neighbours with the metric on either side; ranges in exact decimals.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { parseVary, cellValues } from '../../src/sensitivity/values.js';

const SEED = 'scenarios/colossus-1.yaml';
const PROVIDER = 'scenarios/colossus-1-provider.yaml';
const json = (args: readonly string[]): any => {
  const r = run([...args, '--format', 'json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('values and ranges', () => {
  it('a range in exact decimals hits TO when it is on the step, in the unit of FROM', () => {
    expect(parseVary('valuation.discount_rate=0.1..0.3:0.1').values).toEqual(['0.1', '0.2', '0.3']);
    expect(parseVary('valuation.discount_rate=6%..10%:2%').values).toEqual(['6%', '8%', '10%']);
    expect(parseVary('pricing.monthly_fee=1B..1.5B:0.25B').values).toEqual(['1B', '1.25B', '1.5B']);
    expect(parseVary('termination.notice_days=180..90:-45').values).toEqual(['180', '135', '90']);
    expect(parseVary('termination.notice_days=90..100:7').values).toEqual(['90', '97']);
    expect(parseVary('term.end=2028-05-31,2029-05-31').values).toEqual(['2028-05-31', '2029-05-31']);
  });

  it('cells are row-major, the first PATH outermost', () => {
    expect(cellValues([parseVary('a=1,2'), parseVary('b=x,y,z')])).toEqual([['1', 'x'], ['1', 'y'], ['1', 'z'], ['2', 'x'], ['2', 'y'], ['2', 'z']]);
  });
});

describe('a grid cell is the scenario with those values set', () => {
  const grid = json(['sensitivity', SEED, '--vary', 'pricing.monthly_fee=1B,1.3B', '--vary', 'termination.notice_days=30,180']);

  it('has the JSON shape of SPEC §12, metrics in the SPEC order', () => {
    expect(Object.keys(grid)).toEqual(['scenario', 'vary', 'metrics', 'cells']);
    expect(grid.vary).toEqual([{ path: 'pricing.monthly_fee', values: ['1B', '1.3B'] }, { path: 'termination.notice_days', values: ['30', '180'] }]);
    expect(grid.metrics).toEqual(['total', 'npv', 'committed', 'share']);
    expect(grid.cells).toHaveLength(4);
  });

  it.each([0, 1, 2, 3])('cell %i equals project and terminate with --set', (k) => {
    const cell = grid.cells[k];
    const sets = ['--set', `pricing.monthly_fee=${cell.values[0]}`, '--set', `termination.notice_days=${cell.values[1]}`];
    const p = json(['project', SEED, ...sets]);
    const t = json(['terminate', SEED, ...sets]);
    expect(cell.metrics).toEqual({ total: p.totals.fee, npv: p.totals.pv, committed: t.committed.total, share: t.committed.share });
    expect(cell.error).toBeNull();
  });

  it('a provider cell equals economics with --set (margin, NPV, IRR, payback)', () => {
    const g = json(['sensitivity', PROVIDER, '--vary', 'costs.power.price_per_mwh=80', '--metric', 'margin,provider_npv,irr,payback_date']);
    const e = json(['economics', PROVIDER, '--set', 'costs.power.price_per_mwh=80']);
    expect(g.cells[0].metrics).toEqual({ margin: e.totals.margin, provider_npv: e.npv, irr: e.irr, payback_date: e.payback_date });
  });

  it('an invalid cell has null metrics and its first problem; it is listed on standard error; exit 0', () => {
    const r = run(['sensitivity', SEED, '--vary', 'pricing.monthly_fee=1B,-5', '--format', 'json']);
    expect(r.status).toBe(0);
    const cells = JSON.parse(r.stdout).cells;
    expect(cells[1].metrics).toEqual({ total: null, npv: null, committed: null, share: null });
    expect(cells[1].error).toMatch(/pricing\.monthly_fee: expected an amount > 0, got "-5"/);
    expect(r.stderr).toMatch(/pricing\.monthly_fee=-5: invalid cell: .*expected an amount > 0/);
  });

  it('every cell invalid: exit 3', () => {
    expect(run(['sensitivity', SEED, '--vary', 'pricing.monthly_fee=-1,-2']).status).toBe(3);
  });

  it('CSV is long form: a column per PATH holding the value as written, then the metrics', () => {
    const r = run(['sensitivity', SEED, '--vary', 'pricing.monthly_fee=1B,1.3B', '--metric', 'committed,total', '--format', 'csv']);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['pricing.monthly_fee,committed,total,error', '1B,1935483870.97,35000000000.00,']);
  });
});

describe('tornado', () => {
  const t = json(['sensitivity', SEED, '--tornado', '10%', '--metric', 'committed']);

  it('has the shape of SPEC §12 and the base is the scenario\'s own metric', () => {
    expect(Object.keys(t)).toEqual(['scenario', 'metric', 'pct', 'base', 'rows']);
    expect(t.base).toBe(json(['terminate', SEED]).committed.total);
    expect(t.rows.map((r: any) => r.path)).toEqual(['termination.notice_days', 'pricing.monthly_fee', 'pricing.ramp[0].discount', 'termination.fee']);
  });

  it('each row is two cells: the metric with the input at low_value and at high_value', () => {
    for (const row of t.rows.slice(0, 3)) {
      const value = (v: string): string => (row.path.endsWith('discount') ? `${Number(v) * 100}%` : v);
      expect(json(['terminate', SEED, '--set', `${row.path}=${value(row.low_value)}`]).committed.total).toBe(row.low);
      expect(json(['terminate', SEED, '--set', `${row.path}=${value(row.high_value)}`]).committed.total).toBe(row.high);
    }
    // notice days 90 ± 10%: 81 and 99
    expect([t.rows[0].low_value, t.rows[0].high_value]).toEqual(['81', '99']);
    // sorted by |swing|, an input of 0 does not move
    const swings = t.rows.map((r: any) => Math.abs(Number(r.swing)));
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    expect(t.rows[3]).toMatchObject({ low_value: '0.00', high_value: '0.00', swing: '0.00' });
  });

  it('clips an input at its bound: a 50% discount moved by 60% stays within 0..100%', () => {
    const wide = json(['sensitivity', SEED, '--tornado', '99%']);
    const ramp = wide.rows.find((r: any) => r.path === 'pricing.ramp[0].discount');
    expect([ramp.low_value, ramp.high_value]).toEqual(['0.005', '0.995']);
    const clipped = json(['sensitivity', SEED, '--set', 'pricing.ramp[0].discount=80%', '--tornado', '50%']).rows.find((r: any) => r.path === 'pricing.ramp[0].discount');
    expect([clipped.low_value, clipped.high_value]).toEqual(['0.4', '1']);
  });
});

describe('goal seek', () => {
  it('the monthly fee for a 15% provider IRR: lo and hi are neighbouring cents on either side', () => {
    const s = json(['sensitivity', PROVIDER, '--solve', 'pricing.monthly_fee', '--for', 'irr=15%']);
    expect(Object.keys(s)).toEqual(['path', 'metric', 'target', 'value', 'metric_at_value', 'lo', 'hi', 'metric_at_lo', 'metric_at_hi']);
    expect(Math.round((Number(s.hi) - Number(s.lo)) * 100)).toBe(1);
    expect(Number(s.metric_at_lo)).toBeLessThanOrEqual(0.15);
    expect(Number(s.metric_at_hi)).toBeGreaterThanOrEqual(0.15);
    // and economics agrees at both
    expect(json(['economics', PROVIDER, '--set', `pricing.monthly_fee=${s.lo}`]).irr).toBe(s.metric_at_lo);
    expect(json(['economics', PROVIDER, '--set', `pricing.monthly_fee=${s.hi}`]).irr).toBe(s.metric_at_hi);
  });

  it('the notice days for a 25% committed share', () => {
    const s = json(['sensitivity', SEED, '--solve', 'termination.notice_days', '--for', 'share=25%']);
    expect([s.lo, s.hi, s.metric_at_lo, s.metric_at_hi]).toEqual(['296', '297', '0.2498', '0.2507']);
    expect(s.value).toBe('296');
    expect(json(['terminate', SEED, '--set', 'termination.notice_days=297']).committed.share).toBe('0.2507');
  });

  it('a target out of reach: exit 3 with the reachable interval', () => {
    const r = run(['sensitivity', SEED, '--solve', 'termination.notice_days', '--for', 'share=125%']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no termination\.notice_days from 0 to 36500 gives share = 1\.25: share reaches only 0\.0000 to 1\.0000 there/);
  });
});

describe('chart --tornado', () => {
  it('draws a bar per input from the metric at its low value to its high value, largest swing on top', () => {
    const r = run(['chart', SEED, '--tornado', '10%', '--metric', 'committed']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<svg[^>]* width="900"/);
    const t = json(['sensitivity', SEED, '--tornado', '10%', '--metric', 'committed']);
    const labels = [...r.stdout.matchAll(/aria-label="([^"]*): committed from [^"]*"/g)].map((m) => m[1]!.split(' from ')[0]);
    // the bars and the low-end ticks, in the tornado's order
    expect([...new Set(labels)]).toEqual(t.rows.map((row: any) => row.path));
    expect(r.stdout).toContain(`${t.rows[0].path} from ${t.rows[0].low_value} to ${t.rows[0].high_value}: committed from 2.06B to 2.79B`);
    expect(run(['chart', SEED, '--tornado', '10%'], { env: { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8' } }).stdout).toBe(run(['chart', SEED, '--tornado', '10%']).stdout);
    expect(run(['chart', SEED, '--tornado', '10%', '--metric', 'payback_date']).status).toBe(2);
  });
});
