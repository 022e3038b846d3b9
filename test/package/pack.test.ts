/**
 * The package as users get it: `npm pack` holds only what they need, and
 * the tarball installs into an empty prefix with `npm install -g --prefix`
 * and runs from another folder, dependencies resolved from the install
 * (not from this checkout's node_modules).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, baseEnv, run } from '../cli/run.js';

const npm = (args: readonly string[], cwd: string) => {
  // the build is done (npm test's pretest): --ignore-scripts packs it as it is
  const r = spawnSync('npm', [...args], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, timeout: 300_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return r.stdout;
};

describe('npm pack and a global install into a clean prefix', () => {
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'deal-model-pack-')));
  const prefix = join(work, 'prefix');
  const elsewhere = join(work, 'elsewhere');
  let packed: { filename: string; files: { path: string }[] };

  beforeAll(() => {
    packed = (JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as (typeof packed)[])[0]!;
    npm(['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, packed.filename)], work);
    mkdirSync(elsewhere);
    copyFileSync(join(ROOT, 'scenarios', 'colossus-1.yaml'), join(elsewhere, 'deal.yaml'));
  }, 300_000);

  const installed = (args: readonly string[]) => {
    const r = spawnSync(join(prefix, 'bin', 'deal-model'), [...args], { cwd: elsewhere, env: baseEnv({ PATH: `${join(prefix, 'bin')}:${process.env.PATH}` }), encoding: 'utf8', timeout: 60_000 });
    if (r.error) throw r.error;
    return r;
  };

  it('holds the bin, the bundle, the schema, README and LICENSE, and nothing else', () => {
    expect(packed.files.map((f) => f.path).sort()).toEqual([
      'LICENSE',
      'README.md',
      'bin/deal-model.js',
      'bin/package.json',
      'dist/main.cjs',
      'dist/main.cjs.cache',
      'package.json',
      'schema/scenario.schema.json',
    ]);
  });

  it('runs --version and --help from the installed bin', () => {
    const version = installed(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    const help = installed(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(run(['--help']).stdout);
    expect(help.stdout).toContain('Usage: deal-model [options] [command]');
  });

  it('projects a scenario in another folder exactly as the checkout does', () => {
    for (const format of ['table', 'json', 'csv']) {
      const r = installed(['project', 'deal.yaml', '--format', format]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(run(['project', join(elsewhere, 'deal.yaml'), '--format', format]).stdout);
    }
    const json = JSON.parse(installed(['project', 'deal.yaml', '--format', 'json']).stdout) as { totals: { fee: string } };
    expect(json.totals.fee).toBe('43750000000.00');
  });

  it('draws the chart from the installed package (vega resolved from the install, not from this checkout)', () => {
    const r = installed(['chart', 'deal.yaml', '-o', 'deal.svg']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(elsewhere, 'deal.svg'), 'utf8')).toBe(run(['chart', join(elsewhere, 'deal.yaml')]).stdout);
  });

  it('exports the workbook from the installed package (exceljs resolved from the install)', () => {
    const r = installed(['export', 'deal.yaml', '-o', 'deal.xlsx']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const mine = join(work, 'mine.xlsx');
    expect(run(['export', join(elsewhere, 'deal.yaml'), '-o', mine]).status).toBe(0);
    expect(readFileSync(join(elsewhere, 'deal.xlsx')).equals(readFileSync(mine))).toBe(true);
  });

  it('reports a missing file with exit 4 from the installed bin too', () => {
    const r = installed(['project', 'missing.yaml']);
    expect(r.status).toBe(4);
    expect(r.stderr).toBe('missing.yaml: cannot read the scenario: no such file or directory\n');
  });
});
