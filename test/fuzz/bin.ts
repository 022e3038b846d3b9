/** Run the built bin asynchronously with the input on standard input, killing it after a time limit. */
import { spawn } from 'node:child_process';
import { BIN, ROOT, baseEnv } from '../cli/run.js';

export interface Outcome {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut: boolean;
}

export interface BinOptions {
  /** Kill the process after this long (a hang). */
  readonly timeoutMs: number;
  /** Cap the V8 heap, so that a runaway computation fails in seconds instead of filling the machine. */
  readonly maxOldSpaceMb?: number;
}

export function runBin(args: readonly string[], input: Uint8Array, options: BinOptions): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const node = options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : [];
    const child = spawn(process.execPath, [...node, BIN, ...args], { cwd: ROOT, env: baseEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined); // the bin may stop reading early (input too large)
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({ status, signal, stdout, stderr, ms: performance.now() - t0, timedOut });
    });
    child.stdin.end(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  });
}

const FORBIDDEN = ['undefined', 'NaN', '[object Object]'] as const;

/** What is wrong with one run of `command`, or []. A forbidden word that is in `input` itself may be echoed. */
export function runProblems(command: string, r: Outcome, allowed: readonly number[], input = ''): string[] {
  const out: string[] = [];
  if (r.timedOut) out.push(`${command}: killed after ${r.ms.toFixed(0)} ms (a hang)`);
  else if (r.status === null) out.push(`${command}: died of signal ${r.signal}`);
  else if (!allowed.includes(r.status)) out.push(`${command}: exit ${r.status}, expected ${allowed.join(' or ')}`);
  if (/^\s+at /m.test(r.stderr)) out.push(`${command}: stack trace on stderr`);
  if (r.status === 3) {
    for (const line of r.stderr.split('\n').filter((l) => l !== '')) {
      if (!/^<stdin>:[1-9]\d*:[1-9]\d*: /.test(line)) out.push(`${command}: error line without <stdin>:line:column: ${JSON.stringify(line.slice(0, 200))}`);
      // "undefined alias *x" is the message for an undefined alias, not a leaked `undefined`
      const cleaned = line.replace(/undefined alias \*/g, 'UNDEFINED-ALIAS *');
      for (const word of FORBIDDEN) {
        if (cleaned.includes(word) && !input.includes(word)) out.push(`${command}: error line with ${word}: ${JSON.stringify(line.slice(0, 200))}`);
      }
    }
  }
  if (r.status === 70 || (r.status !== null && r.status > 4 && !r.timedOut)) out.push(`${command}: stderr ${JSON.stringify(r.stderr.slice(0, 300))}`);
  return out;
}
