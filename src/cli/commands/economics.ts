/** `deal-model economics <scenario|->`: the provider's costs, margin, cash, NPV, IRR and payback (SPEC §9). */
import type { Day } from '../../model/calendar.js';
import { defaultParty } from '../../model/notice.js';
import { economicsResult } from '../../model/economic-sweep.js';
import { terminationModel } from '../../model/termination.js';
import { economicsReport } from '../../report/economics.js';
import { scenarioError } from '../../scenario/problem.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Party, Scenario } from '../../scenario/types.js';
import type { Context } from '../context.js';
import { emit, loadArg, type OutputOptions } from './common.js';
import { checkedNotice } from './notice.js';

export interface EconomicsOptions extends OutputOptions {
  readonly notice?: Day;
  readonly by?: Party;
  readonly sets?: readonly SetOption[];
}

/** A scenario without costs has no economics: exit 3, saying why. */
export function requireCosts(scenario: Scenario): void {
  if (!scenario.costs) {
    throw scenarioError(scenario, '', 'the scenario has no costs section: economics needs costs.power, costs.operating or costs.capital (SPEC §9)');
  }
}

export async function economicsCommand(arg: string, options: EconomicsOptions, ctx: Context): Promise<number> {
  const scenario = await loadArg(arg, ctx, options.sets);
  requireCosts(scenario);
  const notice = options.notice === undefined ? undefined : checkedNotice(scenario, options.notice, options.by);
  const result = economicsResult(terminationModel(scenario), notice, defaultParty(scenario));
  await emit(economicsReport(scenario, result.economics, result.termination), options, ctx);
  return 0;
}
