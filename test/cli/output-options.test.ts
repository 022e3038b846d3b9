/** SPEC §7 "Command line, version 2": -o takes the format from its extension; option values in any case. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run.js';

const SEED = 'scenarios/colossus-1.yaml';
const dir = mkdtempSync(join(tmpdir(), 'deal-model-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('-o FILE without --format', () => {
  it.each([
    ['flows.csv', 'csv'],
    ['flows.JSON', 'json'],
    ['flows.md', 'md'],
    ['flows.txt', 'table'],
  ])('%s is written as %s, byte for byte what --format prints', (name, format) => {
    const target = join(dir, name);
    expect(run(['project', SEED, '-o', target]).status).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(run(['project', SEED, '--format', format]).stdout);
  });

  it('a --format that agrees with the extension is fine; one that contradicts it is exit 2 and writes nothing', () => {
    expect(run(['terminate', SEED, '-o', join(dir, 'a.csv'), '--format', 'csv']).status).toBe(0);
    const target = join(dir, 'b.json');
    const r = run(['terminate', SEED, '-o', target, '--format', 'csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the extension \.json is json, but --format is csv/);
    expect(() => readFileSync(target)).toThrow();
  });

  it.each(['x.xlsx', 'x.svg', 'x.html'])('%s on project is exit 2, naming the command that writes it', (name) => {
    const r = run(['project', SEED, '-o', join(dir, name)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/project writes table, csv, json or md, not a \.(xlsx|svg|html) file: use deal-model (export|chart|report)/);
  });

  it('is checked before anything is read: a missing scenario still gets exit 2', () => {
    expect(run(['project', 'no-such.yaml', '-o', join(dir, 'c.json'), '--format', 'md']).status).toBe(2);
  });
});

describe('option values in any case', () => {
  it('--format CSV, --by Provider, --every MONTH, completion BASH', () => {
    expect(run(['project', SEED, '--format', 'CSV']).stdout).toBe(run(['project', SEED, '--format', 'csv']).stdout);
    expect(run(['terminate', SEED, '--by', 'Provider', '--every', 'MONTH', '--format', 'Json']).stdout).toBe(run(['terminate', SEED, '--by', 'provider', '--format', 'json']).stdout);
    expect(run(['completion', 'BASH']).status).toBe(0);
    expect(run(['project', SEED, '--format', 'xml']).status).toBe(2);
  });
});

describe('terminate of a contract either party may end (SPEC §7)', () => {
  it('without --by: both parties\' committed values in the headline, committed_by_party in JSON after committed', () => {
    const j = JSON.parse(run(['terminate', SEED, '--format', 'json']).stdout);
    expect(Object.keys(j).slice(0, 5)).toEqual(['scenario', 'by', 'full_term', 'committed', 'committed_by_party']);
    const provider = JSON.parse(run(['terminate', SEED, '--by', 'provider', '--format', 'json']).stdout);
    expect(j.committed_by_party).toEqual({ customer: j.committed, provider: provider.committed });
    expect('committed_by_party' in provider).toBe(false);
    expect(run(['terminate', SEED]).stdout).toMatch(/Committed, customer +2,419,354,838\.71 USD[^\n]*\n +Committed, provider +2,419,354,838\.71 USD/);
  });

  it('check\'s canonical result keeps its version-1 shape (snapshots stay valid)', () => {
    expect(run(['check', SEED, '--snapshots', 'test/snapshots']).status).toBe(0);
  });
});

describe('suggestions', () => {
  it('payment_terms → payment_terms_days, notice → notice_days, and << names extends', () => {
    const file = join(dir, 'keys.yaml');
    writeFileSync(file, 'name: x\nterm: { start: 2026-06-01, end: 2026-12-31 }\npricing: { monthly_fee: 1M, <<: { ramp: [] } }\nbilling: { payment_terms: 30 }\ntermination: { notice: 90 }\n');
    const r = run(['validate', file]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/billing\.payment_terms: unknown key; did you mean "payment_terms_days"\?/);
    expect(r.stderr).toMatch(/termination\.notice: unknown key; did you mean "notice_days"\?/);
    expect(r.stderr).toMatch(/pricing\.<<: unknown key: YAML merge keys \(<<\) are not supported; to build on another scenario, write extends: FILE/);
  });
});

describe('compare (SPEC §7)', () => {
  it('labels columns by scenario name, made unique with the file name when two are equal', () => {
    const copy = join(dir, 'copy.yaml');
    writeFileSync(copy, readFileSync(SEED));
    const csv = run(['compare', SEED, copy, '--format', 'csv']).stdout.split('\n')[0];
    expect(csv).toBe(`figure,Colossus 1 capacity lease (${SEED}),Colossus 1 capacity lease (${copy}),Colossus 1 capacity lease (${copy}) diff,Colossus 1 capacity lease (${copy}) relative`);
  });

  it('leaves amount differences blank between currencies, keeps counts and shares', () => {
    const j = JSON.parse(run(['compare', SEED, 'scenarios/leap-year-colocation.yaml', '--format', 'json']).stdout);
    const d = j.differences[0];
    expect([d.full_term_total, d.npv, d.committed_total, d.committed_pv]).toEqual([null, null, null, null]);
    expect(d.periods).toEqual({ absolute: '-12', relative: '-0.3333' });
    expect(d.committed_share).not.toBeNull();
  });

  it('--by takes every scenario\'s committed value by that party', () => {
    const j = JSON.parse(run(['compare', SEED, 'scenarios/colossus-1-escalated.yaml', '--by', 'provider', '--format', 'json']).stdout);
    expect(j.scenarios.map((s: any) => s.by)).toEqual(['provider', 'provider']);
    const t = JSON.parse(run(['terminate', 'scenarios/colossus-1-escalated.yaml', '--by', 'provider', '--format', 'json']).stdout);
    expect(j.scenarios[1].committed_total).toBe(t.committed.total);
  });
});
