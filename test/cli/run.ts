/** Run the built bin as a user would, with a controlled environment. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'deal-model.js');
export const UPDATE = process.env.UPDATE_GOLDEN === '1';

export interface Result {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env?: Record<string, string>;
  readonly input?: string | Uint8Array;
  readonly cwd?: string;
  /** Milliseconds before the child is killed and the run throws (a hang fails the test); default 60 s. */
  readonly timeout?: number;
}

/** A clean environment: no colour variables or debug flags leak in from the caller. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', TZ: 'UTC', LANG: 'C.UTF-8', ...extra };
}

export function run(args: readonly string[], options: RunOptions = {}): Result {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: baseEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeout ?? 60_000,
    killSignal: 'SIGKILL',
  });
  if (r.error) throw new Error(`deal-model ${args.join(' ')}: ${r.error.message} (killed after ${options.timeout ?? 60_000} ms: a hang)`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Compare with a golden file; with UPDATE_GOLDEN=1 write it instead. */
export function golden(relative: string, actual: string): string {
  const file = join(ROOT, 'test', 'golden', relative);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`missing golden file ${relative}: run UPDATE_GOLDEN=1 npm test`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  return readFileSync(file, 'utf8');
}

/** The whole visible behaviour of one run, as a golden transcript. */
export function transcript(args: readonly string[], r: Result): string {
  return `$ deal-model ${args.join(' ')}\nexit ${r.status}\n--- stderr\n${r.stderr}--- stdout\n${r.stdout}`;
}
