/**
 * check, compare, init and schema through the built CLI (SPEC §4, §5).
 * Each test works in its own temporary copy of the example scenarios and
 * snapshots, so paths in the transcripts are short and stable.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { golden, ROOT, run, transcript } from './run.js';

/** A temporary folder holding scenarios/ and test/snapshots/ as in the repository. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deal-model-check-'));
  cpSync(join(ROOT, 'scenarios'), join(dir, 'scenarios'), { recursive: true });
  cpSync(join(ROOT, 'test', 'snapshots'), join(dir, 'snapshots'), { recursive: true });
  return dir;
}

const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `scenarios/${f}`);

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  writeFileSync(path, next);
}

describe('check --snapshots', () => {
  it('the repository scenarios match the committed snapshots (the README CI step)', () => {
    const r = run(['check', ...SCENARIOS, '--snapshots', 'test/snapshots']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^10 scenarios: 10 match, 0 differ, 0 unchecked$/m);
  });

  it('one changed fee exits 1 and prints exactly the changed values; --update then makes it pass', () => {
    const dir = workspace();
    edit(dir, 'scenarios/mid-month-calendar.yaml', 'monthly_fee: 7,777,777.77', 'monthly_fee: 7,777,777.78');
    const args = ['check', ...SCENARIOS, '--snapshots', 'snapshots'];
    const r = run(args, { cwd: dir });
    expect(r.status).toBe(1);
    expect(transcript(args, r)).toBe(golden('check/one-fee-changed.txt', transcript(args, r)));
    // every printed change is a value that really differs between the old and the new result
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('  '))) expect(line).toMatch(/^  (project|terminate)\.\S+: \S+ → \S+$/);

    const update = run([...args, '--update'], { cwd: dir });
    expect(update.status).toBe(0);
    expect(update.stdout).toContain('scenarios/mid-month-calendar.yaml: ok (snapshot snapshots/mid-month-calendar.json updated)');
    expect(update.stdout).toContain('scenarios/colossus-1.yaml: ok (5 of 5 expectations met, snapshot snapshots/colossus-1.json unchanged)');
    // a variant's snapshot is named after its own file (SPEC §8)
    expect(readdirSync(join(dir, 'snapshots')).sort()).toEqual([
      'colossus-1-escalated.json', 'colossus-1-market.json', 'colossus-1-notice-180.json', 'colossus-1-provider.json', 'colossus-1.json', 'gpu-cluster-anniversary.json', 'leap-year-colocation.json', 'mid-month-calendar.json', 'neocloud-portfolio-market.json', 'neocloud-portfolio.json',
    ]);
    expect(run(args, { cwd: dir }).status).toBe(0);
  });

  it('a missing snapshot exits 1 and names --update; --update creates the folder', () => {
    const dir = workspace();
    const args = ['check', 'scenarios/colossus-1.yaml', '--snapshots', 'new/snaps'];
    const r = run(args, { cwd: dir });
    expect(r).toEqual({
      status: 1,
      stderr: '',
      stdout: 'scenarios/colossus-1.yaml: no snapshot new/snaps/colossus-1.json: run with --update to write it\n1 scenario: 0 match, 1 differ, 0 unchecked\n',
    });
    expect(run([...args, '--update'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'new/snaps/colossus-1.json'), 'utf8')).toBe(readFileSync(join(dir, 'snapshots/colossus-1.json'), 'utf8'));
  });

  it('a snapshot with the same values in another layout still matches; a corrupt one differs', () => {
    const dir = workspace();
    const snap = join(dir, 'snapshots/colossus-1.json');
    writeFileSync(snap, JSON.stringify(JSON.parse(readFileSync(snap, 'utf8'))));
    expect(run(['check', 'scenarios/colossus-1.yaml', '--snapshots', 'snapshots'], { cwd: dir }).status).toBe(0);
    writeFileSync(snap, '{ "project": ');
    const r = run(['check', 'scenarios/colossus-1.yaml', '--snapshots', 'snapshots'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('scenarios/colossus-1.yaml: snapshot snapshots/colossus-1.json is not valid JSON: run with --update to rewrite it\n');
  });

  it('--update without --snapshots, two files with one snapshot name, and - are usage errors', () => {
    const dir = workspace();
    cpSync(join(dir, 'scenarios'), join(dir, 'other'), { recursive: true });
    expect(run(['check', 'scenarios/colossus-1.yaml', '--update'], { cwd: dir }).status).toBe(2);
    const twice = run(['check', 'scenarios/colossus-1.yaml', 'other/colossus-1.yaml', '--snapshots', 'snapshots'], { cwd: dir });
    expect(twice.status).toBe(2);
    expect(twice.stderr).toBe('error: scenarios/colossus-1.yaml and other/colossus-1.yaml would share the snapshot snapshots/colossus-1.json: check them with separate --snapshots folders\n');
    expect(run(['check', '-', '--snapshots', 'snapshots'], { cwd: dir, input: 'x' }).status).toBe(2);
  });
});

describe('check: expect blocks', () => {
  it('checks the expect: block without snapshots', () => {
    expect(run(['check', 'scenarios/colossus-1.yaml'])).toEqual({
      status: 0,
      stderr: '',
      stdout: 'scenarios/colossus-1.yaml: ok (5 of 5 expectations met)\n1 scenario: 1 match, 0 differ, 0 unchecked\n',
    });
  });

  it('reports each failed expectation with its position, path, expected and actual', () => {
    const dir = workspace();
    edit(dir, 'scenarios/colossus-1.yaml', 'terminate.committed.total: 2419354838.71', 'terminate.committed.total: 2419354838.70');
    edit(dir, 'scenarios/colossus-1.yaml', 'project.totals.days: 1096', 'project.totals.dayz: 1096\n  terminate.by: provider\n  terminate.expected: null\n  project.periods[0].fee: 625000000\n  project.periods.35.end: 2029-05-31');
    const args = ['check', 'scenarios/colossus-1.yaml'];
    const r = run(args, { cwd: dir });
    expect(r.status).toBe(1);
    expect(transcript(args, r)).toBe(golden('check/expectations.txt', transcript(args, r)));
    expect(r.stdout).toContain('scenarios/colossus-1.yaml:37:24: expect.project.totals.dayz: no such value in the result (nothing under project.totals); did you mean project.totals.days?');
    expect(r.stdout).toContain('expect.terminate.committed.total: expected 2419354838.70, got 2419354838.71');
    expect(r.stdout).toContain('expect.terminate.by: expected provider, got customer');
  });

  it('a scenario with neither expect: nor snapshots is unchecked on stderr and does not fail', () => {
    const r = run(['check', 'scenarios/leap-year-colocation.yaml']);
    expect(r).toEqual({
      status: 0,
      stderr: 'scenarios/leap-year-colocation.yaml: unchecked: no expect: block and no --snapshots\n',
      stdout: '1 scenario: 0 match, 0 differ, 1 unchecked\n',
    });
  });

  it('an invalid scenario is reported with its position: exit 3 alone, exit 1 beside a difference', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'bad.yaml'), 'name: Bad\nterm: { start: 2026-01-01, end: 2025-01-01 }\npricing: { monthly_fee: 1M }\n');
    const alone = run(['check', 'scenarios/colossus-1.yaml', 'bad.yaml'], { cwd: dir });
    expect(alone).toEqual({
      status: 3,
      stderr: 'bad.yaml:2:33: term.end: expected a date on or after term.start (2026-01-01), got "2025-01-01"\n',
      stdout: 'scenarios/colossus-1.yaml: ok (5 of 5 expectations met)\n2 scenarios: 1 match, 0 differ, 0 unchecked, 1 invalid\n',
    });
    edit(dir, 'scenarios/colossus-1.yaml', 'project.totals.periods: 36', 'project.totals.periods: 35');
    const both = run(['check', 'bad.yaml', 'scenarios/colossus-1.yaml', 'missing.yaml'], { cwd: dir });
    expect(both.status).toBe(1);
    expect(both.stdout).toMatch(/3 scenarios: 0 match, 1 differ, 0 unchecked, 1 invalid, 1 unreadable\n$/);
    expect(run(['check', 'scenarios/leap-year-colocation.yaml', 'missing.yaml', 'bad.yaml'], { cwd: dir }).status).toBe(4);
  });
});

describe('compare', () => {
  const files = ['scenarios/colossus-1.yaml', 'scenarios/gpu-cluster-anniversary.yaml', 'scenarios/leap-year-colocation.yaml'];
  it.each(['table', 'csv', 'json', 'md'])('--format %s matches its golden file', (format) => {
    const r = run(['compare', ...files, '--format', format]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(golden(`compare/three.${format}`, r.stdout));
  });

  it('gives exact differences against the first scenario', () => {
    const r = run(['compare', files[0] as string, files[1] as string, '--format', 'json']);
    const json = JSON.parse(r.stdout) as { differences: Record<string, unknown>[] };
    expect(json.differences[0]).toMatchObject({
      file: files[1],
      against: files[0],
      periods: { absolute: '7', relative: '0.1944' },
      full_term_total: { absolute: '-41682763191.10', relative: '-0.9527' },
      committed_share: { absolute: '0.2567', relative: '4.6420' },
    });
  });

  it('neutralises scenario names that a spreadsheet would run as formulas, in CSV only', () => {
    const dir = workspace();
    edit(dir, 'scenarios/colossus-1.yaml', 'name: Colossus 1 capacity lease', 'name: "=HYPERLINK(\\"http://x\\")"');
    const csv = run(['compare', 'scenarios/colossus-1.yaml', 'scenarios/mid-month-calendar.yaml', '--format', 'csv'], { cwd: dir });
    expect(csv.stdout.split('\n')[1]).toBe(`Scenario,"'=HYPERLINK(""http://x"")",Mid-month calendar lease,,`);
    expect(csv.stdout).toContain('\nNPV,43750000000.00,84444980.66,-43665555019.34,-0.9981\n'); // numbers untouched
    const json = run(['compare', 'scenarios/colossus-1.yaml', 'scenarios/mid-month-calendar.yaml', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(json.stdout) as { scenarios: { name: string }[] }).scenarios[0]?.name).toBe('=HYPERLINK("http://x")');
  });

  it('needs two scenarios', () => {
    expect(run(['compare', 'scenarios/colossus-1.yaml'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: compare needs at least two scenarios\n(run with --help for usage)\n',
    });
  });
});

describe('init', () => {
  it('writes a template that validates and projects to the seed deal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deal-model-init-'));
    const r = run(['init', 'deal.yaml'], { cwd: dir });
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'wrote deal.yaml: edit it, then run deal-model validate deal.yaml\n' });
    expect(run(['validate', 'deal.yaml'], { cwd: dir }).status).toBe(0);
    const json = JSON.parse(run(['project', 'deal.yaml', '--format', 'json'], { cwd: dir }).stdout) as { totals: { fee: string } };
    expect(json.totals.fee).toBe('43750000000.00');
  });

  it('refuses to overwrite without --force (exit 4, file untouched), replaces with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deal-model-init-'));
    writeFileSync(join(dir, 'scenario.yaml'), 'my work\n');
    const r = run(['init'], { cwd: dir });
    expect(r).toEqual({ status: 4, stdout: '', stderr: 'scenario.yaml: already exists: not overwritten (use --force to replace it)\n' });
    expect(readFileSync(join(dir, 'scenario.yaml'), 'utf8')).toBe('my work\n');
    expect(readdirSync(dir)).toEqual(['scenario.yaml']);
    expect(run(['init', '--force'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'scenario.yaml'), 'utf8')).toBe(run(['init', '-']).stdout);
    expect(existsSync(join(dir, 'scenario.yaml'))).toBe(true);
  });
});

describe('schema', () => {
  it('prints the committed schema/scenario.schema.json', () => {
    const r = run(['schema']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'schema', 'scenario.schema.json'), 'utf8'));
  });
});
