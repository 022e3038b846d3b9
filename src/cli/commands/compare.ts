/** `deal-model compare <a> <b> [...]`: headline figures side by side, each scenario against the first. */
import { terminationModel } from '../../model/termination.js';
import { monthlyAnalysis } from '../../model/analysis.js';
import { compareReport, type Compared } from '../../report/compare.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Context } from '../context.js';
import type { Party } from '../../scenario/types.js';
import { nobodyMayTerminate } from '../../model/notice.js';
import { chooseParty } from './notice.js';
import { emit, loadArg, type OutputOptions } from './common.js';

export async function compareCommand(files: readonly string[], options: OutputOptions & { readonly sets?: readonly SetOption[]; readonly by?: Party }, ctx: Context): Promise<number> {
  const items: Compared[] = [];
  for (const file of files) {
    const scenario = await loadArg(file, ctx, options.sets); // --set applies to every scenario
    const model = terminationModel(scenario);
    items.push({
      file,
      scenario,
      full: model.projection.totals,
      // --by: every scenario's committed value by that party (one that may not give notice is an error, as for terminate)
      termination: options.by && nobodyMayTerminate(scenario) === undefined ? monthlyAnalysis(scenario, model, chooseParty(scenario, options.by)) : monthlyAnalysis(scenario, model),
    });
  }
  await emit(compareReport(items), options, ctx);
  return 0;
}
