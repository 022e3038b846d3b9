#!/usr/bin/env node
/**
 * npm run bench: start-up and scaling of deal-model, as ratios of commands
 * timed side by side in one run (never absolute timings in the test suite).
 *
 * Each row alternates its two commands (A, B, A, B, ...) after warm-up runs
 * and compares medians, so machine noise hits both alike. hyperfine is used
 * when installed (BENCH_HYPERFINE=0 to skip it). Peak memory is the child's
 * own maxRSS, reported at exit by a preloaded module.
 *
 *   npm run bench                  # all rows, 15 runs each
 *   BENCH_RUNS=30 npm run bench    # more runs
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'deal-model.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;
const NODE = process.execPath;
const work = mkdtempSync(join(tmpdir(), 'deal-model-bench-'));

if (!existsSync(join(ROOT, 'dist', 'main.cjs'))) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}

// --- inputs ---------------------------------------------------------------
const thirtyYear = join(work, 'thirty-year.yaml');
writeFileSync(thirtyYear, `name: Thirty-year capacity lease (benchmark)
term: { start: 2026-01-15, end: 2056-01-14 }
pricing:
  monthly_fee: 1.25B
  ramp: [ { months: 2, discount: 50% } ]
  escalation: { rate: 2.5%, every_months: 12 }
billing: { periods: calendar, timing: arrears, payment_terms_days: 30 }
termination: { notice_days: 90, by: either, fee: 500M }
valuation: { discount_rate: 8% }
risk: { monthly_notice_probability: 1% }
`);
const seed = join(ROOT, 'scenarios', 'colossus-1.yaml');
const provider = join(ROOT, 'scenarios', 'colossus-1-provider.yaml');

// 1,000 variations of the seed deal (its expect: block removed, as the fee changes), with their
// snapshots written once beforehand: the CI step `check files --snapshots DIR` that passes
const checkDir = join(work, 'check');
const snapshotDir = join(work, 'snapshots');
const checkFiles = Array.from({ length: 1000 }, (_, i) => join(checkDir, `s${String(i).padStart(4, '0')}.yaml`));
const hasCheck = helpMentions('check');
if (hasCheck) {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(checkDir);
  const text = readFileSync(seed, 'utf8').replace(/^expect:[\s\S]*$/m, '');
  checkFiles.forEach((file, i) => writeFileSync(file, text.replace(/monthly_fee: 1\.25B/, `monthly_fee: ${1000 + i}M`)));
  const r = spawnSync(NODE, [BIN, 'check', ...checkFiles, '--snapshots', snapshotDir, '--update'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`check --update failed: ${r.stdout}${r.stderr}`);
}

// a variant: a chain of three files (the flat file's values spread over a base, a middle and a top)
// against the same scenario written in one file (SPEC §8)
const chainDir = join(work, 'chain');
const flatSeed = join(chainDir, 'flat.yaml');
const variantTop = join(chainDir, 'top.yaml');
{
  const { mkdirSync } = await import('node:fs');
  mkdirSync(chainDir);
  const seedText = readFileSync(seed, 'utf8').replace(/^expect:[\s\S]*$/m, '');
  writeFileSync(flatSeed, seedText.replace('name: Colossus 1 capacity lease', 'name: Colossus 1, 180 days').replace('notice_days: 90', 'notice_days: 180'));
  writeFileSync(join(chainDir, 'base.yaml'), seedText);
  writeFileSync(join(chainDir, 'middle.yaml'), 'extends: base.yaml\ntermination: { notice_days: 180 }\n');
  writeFileSync(variantTop, 'extends: middle.yaml\nname: Colossus 1, 180 days\n');
}

// a portfolio of 500 contracts: the seed deal and its variants (fee, start and notice vary), 10 facilities
const book = join(work, 'book', 'book.yaml');
{
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(work, 'book'));
  const text = readFileSync(seed, 'utf8').replace(/^expect:[\s\S]*$/m, '');
  const lines = ['portfolio: Bench book', 'facilities:'];
  for (let f = 0; f < 10; f++) lines.push(`  - { id: f${f}, power_mw: 15000 }`);
  lines.push('contracts:');
  for (let i = 0; i < 500; i++) {
    const file = `c${String(i).padStart(3, '0')}.yaml`;
    const month = String((i % 12) + 1).padStart(2, '0');
    writeFileSync(join(work, 'book', file), text.replace(/monthly_fee: 1\.25B/, `monthly_fee: ${1000 + i}M`).replace('start: 2026-06-01', `start: 2026-${month}-01`).replace('notice_days: 90', `notice_days: ${30 + (i % 10) * 30}`));
    lines.push(`  - { id: c${i}, file: ${file}, facility: f${i % 10} }`);
  }
  lines.push('valuation: { discount_rate: 8%, date: 2026-01-01 }');
  writeFileSync(book, `${lines.join('\n')}\n`);
}

function helpMentions(command) {
  const r = spawnSync(NODE, [BIN, '--help'], { encoding: 'utf8' });
  return new RegExp(`^\\s+${command}\\b`, 'm').test(r.stdout);
}

// --- harness --------------------------------------------------------------
const rssHook = join(work, 'rss.cjs');
writeFileSync(rssHook, `process.on('exit', () => { try { require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n`);

function runOnce(cmd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && !cmd.allowFail) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function hyperfineAvailable() {
  if (process.env.BENCH_HYPERFINE === '0') return false;
  return spawnSync('hyperfine', ['--version'], { encoding: 'utf8' }).status === 0;
}
const HYPERFINE = hyperfineAvailable();

function timePair(a, b) {
  if (HYPERFINE) {
    const out = join(work, 'hf.json');
    const quote = (cmd) => cmd.map((x) => `'${x.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('hyperfine', ['-N', '--warmup', String(WARMUP), '--runs', String(RUNS), '--export-json', out, '--output', 'null', quote(a), quote(b)], { cwd: ROOT, encoding: 'utf8' });
    if (r.status === 0) {
      const [ra, rb] = JSON.parse(readFileSync(out, 'utf8')).results;
      return { a: ra.median * 1000, b: rb.median * 1000, tool: 'hyperfine' };
    }
  }
  for (let i = 0; i < WARMUP; i++) { runOnce(a); runOnce(b); }
  const ta = [];
  const tb = [];
  for (let i = 0; i < RUNS; i++) { ta.push(runOnce(a)); tb.push(runOnce(b)); }
  return { a: median(ta), b: median(tb), tool: 'alternating' };
}

function peakRss(cmd) {
  const file = join(work, 'rss.txt');
  const samples = [];
  for (let i = 0; i < 5; i++) {
    spawnSync(cmd[0], cmd.slice(1), { stdio: 'ignore', cwd: ROOT, env: { ...process.env, NODE_OPTIONS: `--require ${rssHook}`, BENCH_RSS_FILE: file } });
    samples.push(Number(readFileSync(file, 'utf8')) / 1024); // KiB → MiB
  }
  return median(samples);
}

// --- rows -----------------------------------------------------------------
const dm = (...args) => [NODE, BIN, ...args];
const node0 = [NODE, '-e', '0'];
const market = join(ROOT, 'scenarios', 'colossus-1-market.yaml');
const rows = [
  { name: 'deal-model --version  vs  node -e 0', a: dm('--version'), b: node0, target: 1.1 },
  { name: 'project colossus-1 --format json  vs  node -e 0', a: dm('project', seed, '--format', 'json'), b: node0, target: 1.5 },
  { name: 'project colossus-1 (table)  vs  node -e 0', a: dm('project', seed), b: node0, target: 1.7 },
  { name: 'terminate 30-year --every day --format csv  vs  project 30-year', a: dm('terminate', thirtyYear, '--every', 'day', '--format', 'csv'), b: dm('project', thirtyYear, '--format', 'csv'), target: 2 },
  hasCheck
    ? { name: 'check 1,000 scenario files --snapshots  vs  one project', a: dm('check', ...checkFiles, '--snapshots', snapshotDir), b: dm('project', seed, '--format', 'json'), target: 10 }
    : { name: 'check 1,000 scenario files  vs  one project', skip: 'no check command yet', target: 10 },
  { name: 'economics colossus-1-provider --format json  vs  project of it', a: dm('economics', provider, '--format', 'json'), b: dm('project', provider, '--format', 'json'), target: 1.3 },
  { name: 'terminate colossus-1-market, 100,000 paths  vs  project colossus-1', a: dm('terminate', market, '--set', 'market.paths=100000', '--jobs', '1', '--format', 'json'), b: dm('project', seed, '--format', 'json'), target: 3 },
  { name: 'the same with --jobs 2  vs  --jobs 1 (identical output; < 1 when cores are free)', a: dm('terminate', market, '--set', 'market.paths=1000000', '--jobs', '2', '--format', 'json'), b: dm('terminate', market, '--set', 'market.paths=1000000', '--jobs', '1', '--format', 'json'), target: 1 },
  helpMentions('portfolio')
    ? { name: 'portfolio of 500 contracts --format json  vs  one project', a: dm('portfolio', book, '--format', 'json'), b: dm('project', seed, '--format', 'json'), target: 10 }
    : { name: 'portfolio of 500 contracts  vs  one project', skip: 'no portfolio command yet', target: 10 },
  helpMentions('sensitivity')
    ? { name: 'sensitivity 100 x 100 grid (total, npv, committed)  vs  one project', a: dm('sensitivity', seed, '--vary', 'pricing.monthly_fee=1B..1.99B:0.01B', '--vary', 'termination.notice_days=1..100:1', '--metric', 'total,npv,committed', '--format', 'json'), b: dm('project', seed, '--format', 'json'), target: 15 }
    : { name: 'sensitivity 100 x 100 grid  vs  one project', skip: 'no sensitivity command yet', target: 15 },
  { name: 'project of a variant (chain of 3 files)  vs  project of the flat file', a: dm('project', variantTop, '--format', 'json'), b: dm('project', flatSeed, '--format', 'json'), target: 1.1 },
];

console.log(`deal-model bench: ${RUNS} runs per command after ${WARMUP} warm-up runs, timed by ${HYPERFINE ? 'hyperfine' : 'an alternating harness'}; medians in ms`);
console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
const header = ['measurement', 'A ms', 'B ms', 'ratio', 'target', ''];
const lines = [];
let missed = 0;
for (const row of rows) {
  if (row.skip) {
    lines.push([row.name, '-', '-', '-', `<= ${row.target}x`, row.skip]);
    continue;
  }
  const t = timePair(row.a, row.b);
  const ratio = t.a / t.b;
  const ok = ratio <= row.target;
  if (!ok) missed++;
  lines.push([row.name, t.a.toFixed(1), t.b.toFixed(1), `${ratio.toFixed(2)}x`, `<= ${row.target}x`, ok ? 'ok' : 'MISSED']);
}
const memA = peakRss(dm('terminate', thirtyYear, '--every', 'day', '--format', 'csv'));
const memB = peakRss(node0);
const memRatio = memA / memB;
if (memRatio > 2) missed++;
lines.push(['peak memory: 30-year daily sweep  vs  node -e 0 (MiB)', memA.toFixed(1), memB.toFixed(1), `${memRatio.toFixed(2)}x`, '<= 2x', memRatio <= 2 ? 'ok' : 'MISSED']);

const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
const fmt = (cells) => cells.map((c, i) => (i === 0 || i === 5 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
console.log(fmt(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const l of lines) console.log(fmt(l));

// --- a native peer, for reference: hledger's forecast of the seed schedule ---
if (spawnSync('hledger', ['--version']).status === 0) {
  const journal = join(work, 'seed.journal');
  writeFileSync(journal, '~ monthly from 2026-06-01 to 2029-06-01\n    revenue:compute   $-1250000000\n    assets:receivable\n');
  const t = timePair(['hledger', '-f', journal, 'register', '--forecast', '-O', 'csv'], dm('project', seed, '--format', 'csv'));
  console.log(`\nreference: hledger --forecast of the seed schedule ${t.a.toFixed(1)} ms; deal-model project --format csv ${t.b.toFixed(1)} ms`);
} else {
  console.log('\nreference: hledger is not installed (apt-get install hledger to compare with a native peer)');
}

rmSync(work, { recursive: true, force: true });
console.log(missed === 0 ? '\nall targets met' : `\n${missed} target(s) missed`);
