/** `deal-model resolve <scenario> [--set ...]`: the merged scenario as YAML, with where each value came from (SPEC §8). */
import { resolvedYaml } from '../../scenario/resolve.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Context } from '../context.js';
import { writeOutput } from '../io.js';
import { printWarnings, readVariant } from './common.js';

export async function resolveCommand(arg: string, options: { sets: readonly SetOption[]; output?: string }, ctx: Context): Promise<number> {
  // validated first: what resolve prints is a valid scenario
  const { scenario, tree, files } = await readVariant(arg, ctx, options.sets);
  printWarnings(scenario, ctx);
  await writeOutput(resolvedYaml(tree, scenario.origin?.file ?? arg, files), options.output, ctx);
  return 0;
}
