/**
 * A small sample of the fuzz inputs through the built binary, as a user
 * would run it: `deal-model validate -` with the input on standard input
 * exits 0 or 3, never 70, never prints a stack trace, and every error line
 * names <stdin> with a line and column. When a sample validates (and its
 * term is not absurdly long), `project -` must exit 0 as well.
 *
 * 100 inputs by default (built bin: run `npm run build` first; `npm test`
 * does); FUZZ_CLI_RUNS=n for more, FUZZ_SEED=n to replay.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';
import { hostileYaml, inputBytes, literal, mutatedExample, randomBytes, scenarioYaml, type FuzzInput } from './arbitraries.js';
import { runBin, runProblems } from './bin.js';

const RUNS = Math.max(Number(process.env.FUZZ_CLI_RUNS ?? 100) || 100, 1);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
/** A run that takes longer is killed and counted as a hang. */
const TIMEOUT_MS = 15_000;
/** Two processes at a time: the machine has two cores. */
const CONCURRENCY = 2;
const MAX_PROJECT_PERIODS = 2400;

async function pool<T>(items: readonly T[], worker: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await worker(items[next++] as T);
  });
  await Promise.all(lanes);
}

describe('deal-model validate - on fuzz inputs', () => {
  beforeAll(async () => {
    // a smoke run, whatever the build layout: a valid example must validate
    const r = await runBin(['validate', '-'], readFileSync(join(ROOT, 'scenarios', 'colossus-1.yaml')), { timeoutMs: TIMEOUT_MS });
    if (r.status !== 0) throw new Error(`the bin does not validate an example (exit ${r.status}): build it with \`npm run build\` (npm test does)\n${r.stderr}`);
  }, TIMEOUT_MS + 5000);

  it(
    `${RUNS} inputs exit 0 or 3 without a stack trace (and valid ones project)`,
    async () => {
      const arbitrary: fc.Arbitrary<FuzzInput> = fc.oneof(
        { weight: 3, arbitrary: hostileYaml },
        { weight: 3, arbitrary: scenarioYaml },
        { weight: 3, arbitrary: mutatedExample },
        { weight: 1, arbitrary: randomBytes },
      );
      const inputs = fc.sample(arbitrary, { numRuns: RUNS, seed: SEED });
      const failures: string[] = [];
      const counts = { validate: 0, valid: 0, invalid: 0, project: 0 };
      let slowest = { ms: 0, what: '' };
      await pool(inputs, async (input) => {
        const bytes = inputBytes(input);
        const text = new TextDecoder('utf-8').decode(bytes);
        const v = await runBin(['validate', '-'], bytes, { timeoutMs: TIMEOUT_MS });
        counts.validate += 1;
        if (v.status === 0) counts.valid += 1;
        if (v.status === 3) counts.invalid += 1;
        if (v.ms > slowest.ms) slowest = { ms: v.ms, what: `validate ${literal(input).slice(0, 100)}` };
        const found = runProblems('validate -', v, [0, 3], text);
        const periods = Number(/valid: .*, (\d+) periods, /.exec(v.stdout)?.[1] ?? Infinity);
        if (v.status === 0 && periods <= MAX_PROJECT_PERIODS) {
          const p = await runBin(['project', '-', '--format', 'json'], bytes, { timeoutMs: TIMEOUT_MS });
          counts.project += 1;
          if (p.ms > slowest.ms) slowest = { ms: p.ms, what: `project ${literal(input).slice(0, 100)}` };
          found.push(...runProblems('project - --format json', p, [0], text));
        }
        if (found.length > 0) failures.push(`${found.join('; ')}\n    input (${input.source}): ${literal(input).slice(0, 1500)}`);
      });
      console.log(
        `cli fuzz: ${counts.validate} validate runs (${counts.valid} valid, ${counts.invalid} invalid), ${counts.project} project runs; ` +
          `slowest ${slowest.ms.toFixed(0)} ms: ${slowest.what}; seed ${SEED}`,
      );
      expect(failures).toEqual([]);
    },
    RUNS * 2 * TIMEOUT_MS,
  );
});
