/** `deal-model portfolio <file> [--as-of DATE]`: several contracts on shared facilities, by month, with their backlog (SPEC §10). */
import type { Day } from '../../model/calendar.js';
import { portfolio } from '../../model/portfolio.js';
import { portfolioReport } from '../../report/portfolio.js';
import { defaultAsOf, loadPortfolio, type Portfolio } from '../../scenario/portfolio-load.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Context } from '../context.js';
import { readBase, readScenario } from '../io.js';
import { emit, printWarnings, type OutputOptions } from './common.js';

export interface PortfolioOptions extends OutputOptions {
  readonly asOf?: Day;
  readonly sets?: readonly SetOption[];
}

/** The portfolio argument, with its contracts loaded; their warnings printed. */
export async function readPortfolio(arg: string, ctx: Context, sets: readonly SetOption[] = []): Promise<Portfolio> {
  const source = await readScenario(arg, ctx);
  const p = loadPortfolio(source.bytes, source.file, { readFile: readBase, sets });
  for (const c of p.contracts) printWarnings(c.scenario, ctx);
  return p;
}

export async function portfolioCommand(arg: string, options: PortfolioOptions, ctx: Context): Promise<number> {
  const p = await readPortfolio(arg, ctx, options.sets);
  const result = portfolio({ facilities: p.facilities, contracts: p.contracts, valuation: p.valuation }, defaultAsOf(p, options.asOf));
  await emit(portfolioReport(p, result), options, ctx);
  return 0;
}
