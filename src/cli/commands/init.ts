/** `deal-model init [FILE] [--force]`: write the commented template scenario (default scenario.yaml; - for standard output). */
import { TEMPLATE } from '../../scenario/template.js';
import type { Context } from '../context.js';
import { writeAtomically } from '../io.js';

export async function initCommand(file: string | undefined, options: { force?: boolean }, ctx: Context): Promise<number> {
  const target = file ?? 'scenario.yaml';
  if (target === '-') {
    ctx.stdout.write(TEMPLATE);
    return 0;
  }
  await writeAtomically(target, TEMPLATE, { overwrite: options.force === true });
  ctx.stderr.write(`wrote ${target}: edit it, then run deal-model validate ${target}\n`);
  return 0;
}
