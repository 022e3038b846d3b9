/** `deal-model terminate <scenario|->`: every candidate notice date, the committed and the expected value. */
import type { Day } from '../../model/calendar.js';
import { candidateDates, type Every } from '../../model/notice.js';
import { analyse, lazySweep, terminationModel, type TerminationAnalysis } from '../../model/termination.js';
import { terminateReport } from '../../report/terminate.js';
import type { Party, Scenario } from '../../scenario/types.js';
import type { Context } from '../context.js';
import { emit, loadArg, type OutputOptions } from './common.js';
import { checkedNotice, chooseParty } from './notice.js';

export interface TerminateOptions extends OutputOptions {
  readonly notice?: Day;
  readonly by?: Party;
  readonly every: Every;
}

/** The party and the notice dates, checked; an input error says why not. */
function noticesOf(scenario: Scenario, by: Party | undefined, every: Every, notice?: Day): { party: Party; dates: Day[] } {
  const party = chooseParty(scenario, by);
  // --notice replaces only the outcomes: committed and expected still come from the sweep
  return { party, dates: notice === undefined ? candidateDates(scenario, every) : [checkedNotice(scenario, notice, party).date] };
}

/** The analysis with its outcomes. */
export function terminateResults(scenario: Scenario, by: Party | undefined, every: Every, notice?: Day): TerminationAnalysis {
  const { party, dates } = noticesOf(scenario, by, every, notice);
  return analyse(scenario, party, dates);
}

export async function terminateCommand(arg: string, options: TerminateOptions, ctx: Context): Promise<number> {
  const scenario = await loadArg(arg, ctx);
  const { party, dates } = noticesOf(scenario, options.by, options.every, options.notice);
  const model = terminationModel(scenario);
  // the outcomes are computed as they are printed: a daily sweep is never held whole
  await emit(terminateReport(analyse(scenario, party, [], model), lazySweep(model, party, dates)), options, ctx);
  return 0;
}
