/**
 * Fuzz test of scenario loading (SPEC §1, §4): whatever the bytes, either a
 * Scenario on which the model runs, or an input error (exit 3) with a
 * position for every issue; never another exception, never a hang.
 *
 * 10,000 inputs by default in four blocks (about 15-25 s on two cores), plus
 * 1,000 texts loaded twice, with LF and with CRLF line ends, whose positions
 * must agree. More with FUZZ_RUNS, the total number of inputs, split in the
 * same proportions (and a tenth of it for the line-end check):
 *   FUZZ_RUNS=200000 npx vitest run test/fuzz/load.fuzz.test.ts
 * Models are not run on terms over 200 years and other absurd values (see
 * check.ts, modelSkipReason); the stats at the end count them.
 * FUZZ_SEED=<n> replays a run (the seed is printed at the end; block k uses
 * seed n + k);
 * FUZZ_COLLECT=1 records every violation instead of stopping at (and
 * shrinking) the first, and prints one example of each kind at the end;
 * FUZZ_REPORT=<file> writes the stats as JSON (whole examples included);
 * FUZZ_TRACE=<file> writes each input before it is checked, so that one
 * that kills the worker (out of memory) is left behind.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileYaml, mutatedExample, randomBytes, scenarioYaml, type FuzzInput } from './arbitraries.js';
import { checkLineEnds, checkOrCollect, COLLECT, report, stats } from './check.js';

const DEFAULT_TOTAL = 10_000;
const TOTAL = Math.max(Number(process.env.FUZZ_RUNS ?? DEFAULT_TOTAL) || DEFAULT_TOTAL, 100);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;

/** Shares of the total; they add up to 1. */
const BLOCKS: readonly { readonly name: string; readonly share: number; readonly arbitrary: fc.Arbitrary<FuzzInput> }[] = [
  { name: '(a) hostile YAML: trees, token soups, alias bombs, deep nesting', share: 0.35, arbitrary: hostileYaml },
  { name: '(a) scenario-shaped YAML with plausible and hostile values', share: 0.25, arbitrary: scenarioYaml },
  { name: '(b) mutations of the example scenarios and fixtures', share: 0.3, arbitrary: mutatedExample },
  { name: '(c) random bytes and invalid UTF-8', share: 0.1, arbitrary: randomBytes },
];

const started = performance.now();

afterAll(() => {
  const wall = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${report()}\n  wall time ${wall} s, seed ${SEED}${COLLECT ? ', FUZZ_COLLECT=1' : ''}`);
  // FUZZ_REPORT=<file>: the stats as JSON, with the whole example input of each violation
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, `${JSON.stringify({ seed: SEED, wallSeconds: Number(wall), ...stats }, null, 2)}\n`);
});

describe(`loadScenario on ${TOTAL} fuzz inputs`, () => {
  BLOCKS.forEach(({ name, share, arbitrary }, k) => {
    const numRuns = Math.ceil(TOTAL * share);
    it(
      `${name}: ${numRuns} inputs load or fail with a positioned input error`,
      () => {
        fc.assert(
          fc.property(arbitrary, (input) => {
            checkOrCollect(input);
          }),
          { numRuns, seed: SEED + k, endOnFailure: false },
        );
      },
      // generous: each input is bounded by TIME_LIMIT_MS; this only stops a real hang
      Math.max(120_000, numRuns * 20),
    );
  });

  const metamorphic = Math.ceil(TOTAL / 10);
  it(
    `metamorphic: ${metamorphic} texts give the same positions with CRLF as with LF line ends`,
    () => {
      const texts = fc.oneof({ weight: 2, arbitrary: hostileYaml }, { weight: 1, arbitrary: scenarioYaml }, { weight: 2, arbitrary: mutatedExample });
      fc.assert(fc.property(texts, (input) => checkLineEnds(input)), { numRuns: metamorphic, seed: SEED + BLOCKS.length });
    },
    Math.max(120_000, metamorphic * 40),
  );

  it('recorded every input and, with FUZZ_COLLECT=1, no violation', () => {
    expect(stats.inputs).toBeGreaterThanOrEqual(COLLECT ? TOTAL : 0);
    expect(stats.violations).toEqual({});
  });
});
