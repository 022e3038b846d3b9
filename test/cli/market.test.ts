/** The market through the built CLI (SPEC §11): where `market` sits in the JSON, the portfolio's, --set, and the same bytes everywhere. */
import { describe, expect, it } from 'vitest';
import { golden, run } from './run.js';

const SEED = 'scenarios/colossus-1-market.yaml';
const BOOK = 'scenarios/neocloud-portfolio-market.yaml';

describe('terminate with a market', () => {
  const json = JSON.parse(run(['terminate', SEED, '--format', 'json']).stdout) as Record<string, any>;

  it('adds `market` after `expected`, with the keys of SPEC §11', () => {
    expect(Object.keys(json)).toEqual(['scenario', 'by', 'full_term', 'committed', 'committed_by_party', 'expected', 'market', 'outcomes']);
    expect(Object.keys(json.market)).toEqual(['paths', 'seed', 'probability', 'total', 'pv', 'first_notice']);
    expect(Object.keys(json.market.probability)).toEqual(['customer', 'provider', 'none']);
    expect(Object.keys(json.market.total)).toEqual(['mean', 'p5', 'p50', 'p95']);
    expect(json.market.first_notice[0]).toEqual({ notice_date: '2026-06-01', customer: '0.0000', provider: '0.0000' });
    expect(json.market.first_notice).toHaveLength(json.outcomes.length);
  });

  it('adds no `market` key to a scenario without one', () => {
    const plain = JSON.parse(run(['terminate', 'scenarios/colossus-1.yaml', '--format', 'json']).stdout) as Record<string, unknown>;
    expect('market' in plain).toBe(false);
  });

  it('each percentile is the total of an outcome of the sweep (a path takes one outcome, never a blend)', () => {
    const totals = new Set(json.outcomes.map((o: any) => o.total));
    const provider = JSON.parse(run(['terminate', SEED, '--by', 'provider', '--format', 'json']).stdout) as Record<string, any>;
    for (const o of provider.outcomes) totals.add(o.total);
    totals.add(json.full_term.total);
    for (const k of ['p5', 'p50', 'p95']) expect(totals.has(json.market.total[k])).toBe(true);
  });

  it('--set moves the market like any value: a higher seed, fewer paths', () => {
    const other = JSON.parse(run(['terminate', SEED, '--format', 'json', '--set', 'market.seed=2', '--set', 'market.paths=500']).stdout) as Record<string, any>;
    expect(other.market.paths).toBe(500);
    expect(other.market.seed).toBe(2);
    const bad = run(['terminate', SEED, '--set', 'market.paths=0']);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/market\.paths: expected an integer from 1 to 1000000, got "0"/);
  });
});

describe('--jobs', () => {
  it('prints the same bytes with 1, 2 and 3 threads (blocks of paths have their own streams)', () => {
    const args = ['terminate', SEED, '--format', 'json', '--set', 'market.paths=30000'];
    const one = run([...args, '--jobs', '1']);
    expect(one.status).toBe(0);
    expect(run([...args, '--jobs', '2']).stdout).toBe(one.stdout);
    expect(run([...args, '--jobs', '3']).stdout).toBe(one.stdout);
    expect(run([...args, '--jobs', '0']).status).toBe(2);
  });
});

describe('a portfolio with a market', () => {
  it('--format json matches its golden file in two time zones, with `market` of SPEC §11', () => {
    const r = run(['portfolio', BOOK, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(golden('portfolio/neocloud-portfolio-market.json', r.stdout));
    expect(run(['portfolio', BOOK, '--format', 'json'], { env: { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8' } }).stdout).toBe(r.stdout);
    const market = (JSON.parse(r.stdout) as Record<string, any>).market;
    expect(Object.keys(market)).toEqual(['paths', 'seed', 'probability', 'total', 'pv']);
    expect(Object.keys(market.probability)).toEqual(['any']);
  });

  it('the table shows the market in the headline', () => {
    expect(run(['portfolio', BOOK]).stdout).toMatch(/Market +[\d,]+\.\d\d USD +mean of 10,000 paths \(seed 1\) with one shared price/);
  });
});
