/**
 * `deal-model validate <scenario...>`: checks every file in one process and
 * reports every problem of every file. One line per valid file on standard
 * output; problems on standard error. Exit 4 if a file could not be read,
 * else 3 if any file is invalid, else 0.
 */
import { DealModelError, EXIT_CODES } from '../../errors.js';
import { formatIsoDate } from '../../model/calendar.js';
import { billingPeriods } from '../../model/schedule.js';
import { visible } from '../../report/format.js';
import { loadScenario } from '../../scenario/load.js';
import type { Context } from '../context.js';
import { readScenario } from '../io.js';

export async function validateCommand(files: readonly string[], ctx: Context): Promise<number> {
  let exit = EXIT_CODES.ok;
  for (const arg of files) {
    try {
      const source = await readScenario(arg, ctx);
      const s = loadScenario(source.bytes, source.file);
      const periods = billingPeriods(s.term.start, s.term.end, s.billing.periods).length;
      ctx.stdout.write(`${source.file}: valid: ${visible(s.name)}, ${periods} periods, ${formatIsoDate(s.term.start)} to ${formatIsoDate(s.term.end)}\n`);
    } catch (error) {
      if (!(error instanceof DealModelError) || (error.kind !== 'input' && error.kind !== 'io')) throw error;
      for (const line of error.lines()) ctx.stderr.write(`${line}\n`);
      exit = Math.max(exit, error.exitCode);
    }
  }
  return exit;
}
