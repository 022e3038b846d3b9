/** `deal-model project <scenario|->`: the month-by-month projection, optionally after a notice. */
import type { Day } from '../../model/calendar.js';
import { project } from '../../model/projection.js';
import { outcomeOf, terminatedProjection, terminationModel } from '../../model/termination.js';
import { projectReport } from '../../report/project.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Party } from '../../scenario/types.js';
import type { Context } from '../context.js';
import { emit, loadArg, type OutputOptions } from './common.js';
import { checkedNotice } from './notice.js';

export interface ProjectOptions extends OutputOptions {
  readonly notice?: Day;
  readonly by?: Party;
  readonly sets?: readonly SetOption[];
}

export async function projectCommand(arg: string, options: ProjectOptions, ctx: Context): Promise<number> {
  const scenario = await loadArg(arg, ctx, options.sets);
  if (options.notice === undefined) {
    await emit(projectReport(scenario, project(scenario)), options, ctx);
    return 0;
  }
  const notice = checkedNotice(scenario, options.notice, options.by);
  const model = terminationModel(scenario);
  await emit(projectReport(scenario, terminatedProjection(model, notice), outcomeOf(model, notice)), options, ctx);
  return 0;
}
