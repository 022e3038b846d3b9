/** `deal-model portfolio <file> [--as-of DATE]`: several contracts on shared facilities, by month, with their backlog (SPEC §10). */
import type { Day } from '../../model/calendar.js';
import { portfolio, type PortfolioResult } from '../../model/portfolio.js';
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

/** The portfolio's figures as of a date (its market simulated when it has one). */
export function portfolioResult(p: Portfolio, asOf: Day | undefined): PortfolioResult {
  return portfolio({ facilities: p.facilities, contracts: p.contracts, valuation: p.valuation, market: p.market }, defaultAsOf(p, asOf));
}

export async function portfolioCommand(arg: string, options: PortfolioOptions, ctx: Context): Promise<number> {
  const p = await readPortfolio(arg, ctx, options.sets);
  await emit(portfolioReport(p, portfolioResult(p, options.asOf)), options, ctx);
  return 0;
}
