/** `deal-model terminate <scenario|->`: every candidate notice date, the committed and the expected value. */
import type { Day } from '../../model/calendar.js';
import { candidateDates, type Every } from '../../model/notice.js';
import { committedOutcome, committedShare, expectedValue, sweep, terminationModel } from '../../model/termination.js';
import { terminateReport, type TerminateResults } from '../../report/terminate.js';
import type { Party, Scenario } from '../../scenario/types.js';
import type { Context } from '../context.js';
import { emit, loadArg, type OutputOptions } from './common.js';
import { checkedNotice, chooseParty } from './notice.js';

export interface TerminateOptions extends OutputOptions {
  readonly notice?: Day;
  readonly by?: Party;
  readonly every: Every;
}

/** The terminate results: the sweep (or one notice), committed and expected value. Shared with `check`. */
export function terminateResults(scenario: Scenario, by: Party | undefined, every: Every, notice?: Day): TerminateResults {
  const party = chooseParty(scenario, by);
  const dates = notice === undefined ? candidateDates(scenario, every) : [checkedNotice(scenario, notice, party).date];
  const model = terminationModel(scenario);
  const committed = committedOutcome(model, party);
  const probability = scenario.risk.monthlyNoticeProbability;
  return {
    scenario,
    by: party,
    full: model.projection.totals,
    committed,
    share: committedShare(committed, model.projection.totals.fee),
    expected: probability === null ? null : expectedValue(model, party, probability),
    outcomes: sweep(model, party, dates),
  };
}

export async function terminateCommand(arg: string, options: TerminateOptions, ctx: Context): Promise<number> {
  const scenario = await loadArg(arg, ctx);
  await emit(terminateReport(terminateResults(scenario, options.by, options.every, options.notice)), options, ctx);
  return 0;
}
