/**
 * `deal-model validate <scenario...>`: checks every file in one process and
 * reports every problem of every file. One line per valid file on standard
 * output; problems on standard error. Exit 4 if a file could not be read,
 * else 3 if any file is invalid, else 0.
 */
import { DealModelError, EXIT_CODES, formatWarning, printable } from '../../errors.js';
import { formatIsoDate } from '../../model/calendar.js';
import { billingPeriods } from '../../model/schedule.js';
import type { Context } from '../context.js';
import { progress } from '../progress.js';
import { readVariant } from './common.js';
import type { SetOption } from '../../scenario/set-option.js';
import { scenarioWarnings } from '../../scenario/warnings.js';

export async function validateCommand(files: readonly string[], options: { strict?: boolean; sets?: readonly SetOption[] }, outer: Context): Promise<number> {
  const { ctx, step, end } = progress(outer, 'validating', files);
  let exit = EXIT_CODES.ok;
  try {
    for (const [index, arg] of files.entries()) {
      step(index, arg);
      try {
        const { scenario: s, files: chain } = await readVariant(arg, ctx, options.sets);
        const warnings = scenarioWarnings(s);
        for (const warning of warnings) ctx.stderr.write(`${formatWarning(warning)}\n`);
        // --strict: a warning makes the file invalid (exit 3), and it is not reported valid
        if (options.strict && warnings.length > 0) {
          exit = Math.max(exit, EXIT_CODES.input);
          continue;
        }
        const periods = billingPeriods(s.term.start, s.term.end, s.billing.periods).length;
        // a variant names its chain: `x.yaml: valid (extends colossus-1.yaml): ...`
        const bases = chain.length > 1 ? ` (extends ${chain.slice(1).map(printable).join(', which extends ')})` : '';
        ctx.stdout.write(`${printable(s.origin?.file ?? arg)}: valid${bases}: ${printable(s.name)}, ${periods} periods, ${formatIsoDate(s.term.start)} to ${formatIsoDate(s.term.end)}\n`);
      } catch (error) {
        if (!(error instanceof DealModelError) || (error.kind !== 'input' && error.kind !== 'io')) throw error;
        for (const line of error.lines()) ctx.stderr.write(`${line}\n`);
        exit = Math.max(exit, error.exitCode);
      }
    }
  } finally {
    end();
  }
  return exit;
}
