/**
 * What `check` compares (SPEC §5, §10): a scenario's canonical result, or a
 * portfolio's `{ "portfolio": <JSON> }`, with the file's `expect:` block
 * and its warnings.
 */
import { formatWarning } from '../../errors.js';
import type { Expectation } from '../../regression/expectation.js';
import { canonical } from '../../regression/canonical.js';
import { portfolioJson } from '../../report/portfolio.js';
import { loadVariant } from '../../scenario/load.js';
import { loadPortfolio } from '../../scenario/portfolio-load.js';
import { scenarioWarnings } from '../../scenario/warnings.js';
import type { Context } from '../context.js';
import { readBase, readScenario } from '../io.js';
import { portfolioResult } from './portfolio.js';

export interface Checkable {
  readonly result: unknown;
  readonly scenario: { readonly expect: readonly Expectation[]; readonly origin?: { readonly file: string } };
  readonly warnings: readonly string[];
}

/** A top-level `portfolio:` key (SPEC §10); the loader confirms it. */
const PORTFOLIO = /^(?:portfolio|"portfolio"|'portfolio')[ \t]*:/m;

export function looksLikePortfolio(bytes: Uint8Array): boolean {
  return PORTFOLIO.test(new TextDecoder().decode(bytes.subarray(0, 1 << 20)));
}

export async function readCheckable(file: string, ctx: Context): Promise<Checkable> {
  const source = await readScenario(file, ctx);
  if (looksLikePortfolio(source.bytes)) {
    const p = loadPortfolio(source.bytes, source.file, { readFile: readBase });
    const result = portfolioResult(p, undefined);
    return {
      result: { portfolio: portfolioJson(p, result) },
      scenario: { expect: p.expect, origin: p.origin },
      warnings: p.contracts.flatMap((c) => scenarioWarnings(c.scenario).map(formatWarning)),
    };
  }
  const { scenario } = loadVariant(source.bytes, source.file, { readFile: readBase });
  return { result: canonical(scenario), scenario, warnings: scenarioWarnings(scenario).map(formatWarning) };
}
