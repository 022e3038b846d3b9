/**
 * Whole outputs (SPEC §4): `-o` is the old file or the complete new one,
 * whatever interrupts the run; output through a pipe is never cut short,
 * however slowly it is read.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, BIN, ROOT } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'deal-model-whole-'));
const long = join(dir, 'century.yaml');
let complete = '';

beforeAll(() => {
  // a daily sweep of a 100-year contract: 36,525 outcome rows, about 3.5 MB of CSV
  writeFileSync(
    long,
    'name: A century of capacity\nterm: { start: 2000-01-01, end: 2099-12-31 }\npricing: { monthly_fee: 1.25B, escalation: { rate: 2% } }\n' +
      'billing: { timing: arrears, payment_terms_days: 30 }\ntermination: { notice_days: 90, fee: 100M }\nvaluation: { discount_rate: 7% }\n',
  );
  const r = spawnSync(process.execPath, [BIN, 'terminate', long, '--every', 'day', '--format', 'csv'], { encoding: 'utf8', maxBuffer: 1 << 28, env: baseEnv() });
  expect(r.status).toBe(0);
  complete = r.stdout;
  expect(complete.split('\n').length).toBe(36_525 + 2); // header, rows, final newline
});

/** Run `-o target` and send `signal` as soon as the temporary file appears in the folder: during the write. */
function interruptDuringWrite(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; interrupted: boolean; folder: string }> {
  const folder = mkdtempSync(join(dir, 'out-'));
  const target = join(folder, 'outcomes.csv');
  writeFileSync(target, 'the old file\n');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'terminate', long, '--every', 'day', '--format', 'csv', '-o', target], { env: baseEnv(), stdio: 'ignore' });
    let interrupted = false;
    const watcher = watch(folder, (_event, name) => {
      if (!interrupted && name && name.endsWith('.tmp')) {
        interrupted = true;
        child.kill(signal);
      }
    });
    child.on('exit', (code, sig) => {
      watcher.close();
      resolve({ code, signal: sig, interrupted, folder });
    });
  });
}

describe('-o FILE when the run is interrupted during the write', () => {
  it('SIGKILL: the target is still the old file (or, if the rename won the race, the whole new one)', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = await interruptDuringWrite('SIGKILL');
      expect(r.interrupted).toBe(true);
      const text = readFileSync(join(r.folder, 'outcomes.csv'), 'utf8');
      expect(text === 'the old file\n' || text === complete, `attempt ${attempt}: ${text.length} bytes`).toBe(true);
    }
  });

  it('SIGTERM: the target is intact and the temporary file is removed; exit 143', async () => {
    const r = await interruptDuringWrite('SIGTERM');
    expect(r.interrupted).toBe(true);
    const text = readFileSync(join(r.folder, 'outcomes.csv'), 'utf8');
    expect(text === 'the old file\n' || text === complete).toBe(true);
    if (text === 'the old file\n') expect(r.code).toBe(143);
    expect(readdirSync(r.folder)).toEqual(['outcomes.csv']);
  });

  it('killed at any moment of the run, the target is never a partial file', async () => {
    for (const delay of [60, 200, 400, 700, 1000, 1500]) {
      const folder = mkdtempSync(join(dir, 'late-'));
      const target = join(folder, 'outcomes.csv');
      writeFileSync(target, 'the old file\n');
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'terminate', long, '--every', 'day', '--format', 'csv', '-o', target], { env: baseEnv(), stdio: 'ignore' });
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const text = readFileSync(target, 'utf8');
      expect(text === 'the old file\n' || text === complete, `killed after ${delay} ms: ${text.length} bytes`).toBe(true);
    }
  });
});

describe('standard output through a pipe', () => {
  it('a slow reader gets every byte, and the exit code is 0', async () => {
    const child = spawn(process.execPath, [BIN, 'terminate', long, '--every', 'day', '--format', 'csv'], { env: baseEnv(), cwd: ROOT });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      child.stdout.pause(); // read a chunk, then wait: the writer must wait too, not drop or exit
      setTimeout(() => child.stdout.resume(), 2);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(complete);
  });

  it('a reader that stops early (| head -1) ends it quietly, with no stack trace', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" terminate "${long}" --every day --format csv | head -1`], { encoding: 'utf8', env: baseEnv() });
    expect(r.stdout).toBe(`${complete.split('\n')[0]}\n`);
    expect(r.stderr).toBe('');
  });
});
