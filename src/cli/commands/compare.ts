/** `deal-model compare <a> <b> [...]`: headline figures side by side, each scenario against the first. */
import { terminationModel } from '../../model/termination.js';
import { monthlyAnalysis } from '../../model/analysis.js';
import { compareReport, type Compared } from '../../report/compare.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Context } from '../context.js';
import { emit, loadArg, type OutputOptions } from './common.js';

export async function compareCommand(files: readonly string[], options: OutputOptions & { readonly sets?: readonly SetOption[] }, ctx: Context): Promise<number> {
  const items: Compared[] = [];
  for (const file of files) {
    const scenario = await loadArg(file, ctx, options.sets); // --set applies to every scenario
    const model = terminationModel(scenario);
    items.push({
      file,
      scenario,
      full: model.projection.totals,
      termination: monthlyAnalysis(scenario, model),
    });
  }
  await emit(compareReport(items), options, ctx);
  return 0;
}
