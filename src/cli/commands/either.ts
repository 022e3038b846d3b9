/** The argument of a command that takes a scenario or a portfolio (chart, export): read once, loaded as what it is. */
import { loadPortfolio, type Portfolio } from '../../scenario/portfolio-load.js';
import { loadVariant } from '../../scenario/load.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Scenario } from '../../scenario/types.js';
import type { Context } from '../context.js';
import { readBase, readScenario } from '../io.js';
import { looksLikePortfolio } from './checkable.js';
import { printWarnings } from './common.js';

export type Either = { readonly portfolio: Portfolio } | { readonly scenario: Scenario };

/** The scenario or portfolio argument, with the `--set` options applied; warnings printed on standard error. */
export async function readEither(arg: string, ctx: Context, sets: readonly SetOption[] = []): Promise<Either> {
  const source = await readScenario(arg, ctx);
  if (looksLikePortfolio(source.bytes)) {
    const portfolio = loadPortfolio(source.bytes, source.file, { readFile: readBase, sets });
    for (const c of portfolio.contracts) printWarnings(c.scenario, ctx);
    return { portfolio };
  }
  const { scenario } = loadVariant(source.bytes, source.file, { readFile: readBase, sets });
  printWarnings(scenario, ctx);
  return { scenario };
}
