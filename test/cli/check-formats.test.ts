/** `check --format json|junit` (SPEC §7): one document for CI; the JUnit XML valid against the common JUnit schema (xmllint). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasTool } from '../support/tools.js';
import { ROOT, run } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'deal-model-check-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// one of each status: match, differ (a failed expectation), unchecked, invalid, unreadable
const differ = join(dir, 'differ.yaml');
writeFileSync(differ, 'name: Differs <&>\nterm: { start: 2026-06-01, end: 2026-12-31 }\npricing: { monthly_fee: 1M }\nexpect:\n  project.totals.fee: 1.00\n');
const invalid = join(dir, 'invalid.yaml');
writeFileSync(invalid, 'name: Invalid\nterm: { start: 2026-06-01, end: 2026-12-31 }\npricing: { monthly_fee: -1 }\n');
const FILES = ['scenarios/colossus-1.yaml', differ, 'scenarios/leap-year-colocation.yaml', invalid, join(dir, 'missing.yaml')];

describe('check --format', () => {
  it('text: a line per file and the summary counting each status', () => {
    const r = run(['check', ...FILES]);
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('5 scenarios: 1 match, 1 differ, 1 unchecked, 1 invalid, 1 unreadable');
  });

  it('json: the shape of SPEC §7, the same exit code', () => {
    const r = run(['check', ...FILES, '--format', 'JSON']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['scenarios', 'summary']);
    expect(doc.summary).toEqual({ match: 1, differ: 1, unchecked: 1, invalid: 1, unreadable: 1 });
    expect(doc.scenarios.map((s: any) => s.status)).toEqual(['match', 'differ', 'unchecked', 'invalid', 'unreadable']);
    expect(Object.keys(doc.scenarios[1])).toEqual(['file', 'status', 'differences', 'expectations', 'problems']);
    expect(doc.scenarios[1].expectations).toEqual([{ path: 'project.totals.fee', expected: '1.00', actual: '7000000.00', ok: false }]);
    expect(doc.scenarios[3].problems[0]).toMatch(/pricing\.monthly_fee: expected an amount > 0/);
  });

  it('json lists snapshot differences with their old and new values', () => {
    const snaps = join(dir, 'snaps');
    expect(run(['check', 'scenarios/colossus-1.yaml', '--snapshots', snaps, '--update']).status).toBe(0);
    const r = run(['check', 'scenarios/colossus-1.yaml', '--snapshots', snaps, '--format', 'json', '--set', 'x=1']);
    expect(r.status).toBe(2); // check refuses --set
    const edited = join(dir, 'colossus-1.yaml');
    writeFileSync(edited, `extends: ${join(ROOT, 'scenarios/colossus-1.yaml')}\nname: Colossus 1 capacity lease\npricing: { monthly_fee: 1.3B }\n`);
    const d = JSON.parse(run(['check', edited, '--snapshots', snaps, '--format', 'json']).stdout);
    expect(d.scenarios[0].status).toBe('differ');
    expect(d.scenarios[0].differences).toContainEqual({ path: 'project.totals.fee', old: '43750000000.00', new: '45500000000.00' });
  });

  it.skipIf(!hasTool('xmllint'))('junit: valid against the common JUnit schema, a failure per difference, an error per invalid file', () => {
    const r = run(['check', ...FILES, '--format', 'junit']);
    expect(r.status).toBe(1);
    const xml = join(dir, 'report.xml');
    writeFileSync(xml, r.stdout);
    const lint = spawnSync('xmllint', ['--noout', '--schema', join(ROOT, 'test/fixtures/junit.xsd'), xml], { encoding: 'utf8' });
    expect(lint.stderr).toMatch(/validates/);
    expect(lint.status).toBe(0);
    expect(r.stdout).toMatch(/<testsuite name="deal-model check" tests="5" failures="1" errors="2" skipped="1">/);
    expect(r.stdout).toContain('<failure message="expect project.totals.fee: expected 1.00, got 7000000.00" type="expectation"/>');
  });
});
