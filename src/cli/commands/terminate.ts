/** `deal-model terminate <scenario|->`: every candidate notice date, the committed and the expected value. */
import type { Day } from '../../model/calendar.js';
import { candidateDates, type Every } from '../../model/notice.js';
import { analyse, type TerminationAnalysis } from '../../model/analysis.js';
import { marketPlan, marketResult, type MarketResult } from '../../model/market.js';
import { committedOutcome, terminationModel } from '../../model/termination.js';
import { defaultJobs } from './check-parallel.js';
import { canShare, countInParallel } from './market-parallel.js';
import { terminateReport } from '../../report/terminate.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Party, Scenario } from '../../scenario/types.js';
import type { Context } from '../context.js';
import { emit, loadArg, type OutputOptions } from './common.js';
import { checkedNotice, chooseParty } from './notice.js';

/** Paths from which the market is shared out to worker threads without --jobs. */
const SHARE_FROM_PATHS = 200_000;

export interface TerminateOptions extends OutputOptions {
  readonly notice?: Day;
  readonly by?: Party;
  readonly every: Every;
  readonly sets?: readonly SetOption[];
  /** Threads for the market simulation (default: one fewer than the cores); the output is the same. */
  readonly jobs?: number;
}

/** The party (checked), the notice dates (checked), and the analysis; an input error says why not. */
export function terminateResults(scenario: Scenario, by: Party | undefined, every: Every, notice?: Day, model = terminationModel(scenario), market?: MarketResult): TerminationAnalysis {
  const party = chooseParty(scenario, by);
  // --notice replaces only the outcomes: committed and expected still come from the sweep
  const dates = notice === undefined ? candidateDates(scenario, every) : [checkedNotice(scenario, notice, party).date];
  const analysis = analyse(scenario, party, dates, model, market);
  if (by !== undefined || scenario.termination?.by !== 'either') return analysis;
  return { ...analysis, committedByParty: { customer: committedOutcome(model, 'customer'), provider: committedOutcome(model, 'provider') } };
}

export async function terminateCommand(arg: string, options: TerminateOptions, ctx: Context): Promise<number> {
  const scenario = await loadArg(arg, ctx, options.sets);
  const model = terminationModel(scenario);
  chooseParty(scenario, options.by); // a party that may not give notice is refused before any simulation
  // a worker costs about as much to start as 50,000 paths: by default only long simulations are shared out
  const jobs = options.jobs ?? ((scenario.market?.paths ?? 0) >= SHARE_FROM_PATHS ? defaultJobs() : 1);
  const market = scenario.market && canShare(jobs) ? marketResult(model, await countInParallel(marketPlan(model), jobs)) : undefined;
  await emit(terminateReport(scenario, terminateResults(scenario, options.by, options.every, options.notice, model, market)), options, ctx);
  return 0;
}
