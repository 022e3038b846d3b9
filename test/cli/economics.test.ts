/**
 * `deal-model economics` through the built CLI (SPEC §9): every format of the
 * example, with and without a notice, as golden files; `check` gains the
 * economics only for scenarios with costs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { golden, run } from './run.js';

const PROVIDER = 'scenarios/colossus-1-provider.yaml';
const RUNS: Record<string, readonly string[]> = {
  'colossus-1-provider.economics': ['economics', PROVIDER],
  'colossus-1-provider.economics-notice': ['economics', PROVIDER, '--notice', '2026-06-01'],
  'colossus-1-provider.economics-provider-notice': ['economics', PROVIDER, '--notice', '2027-12-15', '--by', 'provider'],
};

describe.each(Object.entries(RUNS))('%s', (name, args) => {
  it.each(['table', 'csv', 'json', 'md'])('--format %s matches its golden file', (format) => {
    const r = run([...args, '--format', format]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(golden(`economics/${name}.${format}`, r.stdout));
  });
});

describe('economics', () => {
  it('JSON keys in the order of SPEC §9', () => {
    const json = JSON.parse(run(['economics', PROVIDER, '--format', 'json']).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['scenario', 'periods', 'capital', 'cash', 'totals', 'margin_share', 'npv', 'irr', 'payback_date', 'price_per_mw_month', 'revenue_per_mwh', 'termination']);
    expect(Object.keys((json.periods as object[])[0]!)).toEqual(['period', 'start', 'end', 'days', 'fee', 'energy_mwh', 'power_price', 'power_cost', 'operating_cost', 'cost', 'margin', 'payment_date', 'cost_date']);
    expect(Object.keys(json.totals as object)).toEqual(['fee', 'energy_mwh', 'power_cost', 'operating_cost', 'cost', 'margin', 'capital', 'net']);
    expect(Object.keys(json.termination as object)).toEqual(['by', 'committed_net', 'committed_net_pv', 'break_even_notice_date', 'outcomes']);
    const notice = JSON.parse(run(['economics', PROVIDER, '--format', 'json', '--notice', '2026-09-01']).stdout) as { termination: object };
    expect(Object.keys(notice.termination)).toEqual(['notice_date', 'by', 'effective_date', 'termination_fee', 'net', 'net_pv']);
  });

  it('the committed net of the sweep is the net of a notice on the earliest date', () => {
    const sweep = JSON.parse(run(['economics', PROVIDER, '--format', 'json']).stdout) as { termination: { committed_net: string; committed_net_pv: string } };
    const one = JSON.parse(run(['economics', PROVIDER, '--format', 'json', '--notice', '2026-06-01']).stdout) as { termination: { net: string; net_pv: string }; totals: { net: string } };
    expect([one.termination.net, one.termination.net_pv]).toEqual([sweep.termination.committed_net, sweep.termination.committed_net_pv]);
    expect(one.totals.net).toBe(one.termination.net);
  });

  it('without power: energy, prices and revenue per MWh are null; without an IT load, the price per MW too', () => {
    const input = 'name: Operating only\nterm: { start: 2026-06-01, end: 2026-08-31 }\npricing: { monthly_fee: 10M }\ncosts: { operating: { monthly: 1M } }\n';
    const json = JSON.parse(run(['economics', '-', '--format', 'json'], { input }).stdout) as Record<string, any>;
    expect([json.periods[0].energy_mwh, json.periods[0].power_price, json.periods[0].power_cost, json.totals.energy_mwh, json.revenue_per_mwh, json.price_per_mw_month]).toEqual([null, null, '0.00', null, null, null]);
    expect(json.termination).toBeNull(); // nobody may terminate
    expect(json.irr).toBeNull(); // the net cash never changes sign
    expect(json.payback_date).toBe('2026-06-01'); // never negative: the first date
  });

  it('check adds economics only for scenarios with costs', () => {
    const r = run(['check', PROVIDER, 'scenarios/colossus-1.yaml', '--snapshots', 'test/snapshots']);
    expect(r.status).toBe(0);
    const withCosts = JSON.parse(readFileSync('test/snapshots/colossus-1-provider.json', 'utf8')) as object;
    const without = JSON.parse(readFileSync('test/snapshots/colossus-1.json', 'utf8')) as object;
    expect(Object.keys(withCosts)).toEqual(['project', 'terminate', 'economics']);
    expect(Object.keys(without)).toEqual(['project', 'terminate']);
  });

  it('--by without --notice is a usage error; a scenario without costs is exit 3', () => {
    expect(run(['economics', PROVIDER, '--by', 'customer']).status).toBe(2);
    expect(run(['economics', 'scenarios/colossus-1.yaml']).status).toBe(3);
  });
});
