/** `deal-model compare <a> <b> [...]`: headline figures side by side, each scenario against the first. */
import { candidateDates, defaultParty, nobodyMayTerminate } from '../../model/notice.js';
import { analyse, terminationModel } from '../../model/termination.js';
import { compareReport, type Compared } from '../../report/compare.js';
import type { Context } from '../context.js';
import { emit, loadArg, type OutputOptions } from './common.js';

export async function compareCommand(files: readonly string[], options: OutputOptions, ctx: Context): Promise<number> {
  const items: Compared[] = [];
  for (const file of files) {
    const scenario = await loadArg(file, ctx);
    const model = terminationModel(scenario);
    const party = nobodyMayTerminate(scenario) ? undefined : defaultParty(scenario);
    items.push({
      file,
      scenario,
      full: model.projection.totals,
      termination: party ? analyse(scenario, party, candidateDates(scenario, 'month'), model) : null,
    });
  }
  await emit(compareReport(items), options, ctx);
  return 0;
}
