/**
 * `deal-model export <scenario|-> -o model.xlsx [--notice DATE] [--by PARTY]`:
 * the workbook with live formulas (src/export), written atomically. The
 * target must be a .xlsx file: a workbook is binary, never standard output.
 */
import type { Day } from '../../model/calendar.js';
import type { SetOption } from '../../scenario/set-option.js';
import type { Party } from '../../scenario/types.js';
import type { Context } from '../context.js';
import { writeAtomically } from '../io.js';
import { usageError } from '../../errors.js';
import { requireExtension } from './common.js';
import { readEither } from './either.js';
import { portfolioResult } from './portfolio.js';
import { checkedNotice } from './notice.js';

export interface ExportOptions {
  readonly output: string;
  readonly notice?: Day;
  readonly by?: Party;
  readonly sets?: readonly SetOption[];
}

export async function exportCommand(arg: string, options: ExportOptions, ctx: Context): Promise<number> {
  requireExtension(options.output, '.xlsx', 'the workbook');
  const loaded = await readEither(arg, ctx, options.sets);
  if ('portfolio' in loaded) {
    if (options.notice !== undefined) throw usageError("error: option '--notice <date>' is one contract's notice: export a portfolio without it\n(run with --help for usage)");
    const { planBytes } = await import('../../export/workbook.js');
    const { portfolioWorkbookPlan } = await import('../../export/portfolio.js');
    await writeAtomically(options.output, await planBytes(portfolioWorkbookPlan(loaded.portfolio, portfolioResult(loaded.portfolio, undefined))));
    return 0;
  }
  const scenario = loaded.scenario;
  const notice = options.notice === undefined ? undefined : checkedNotice(scenario, options.notice, options.by);
  const { workbookBytes } = await import('../../export/workbook.js');
  await writeAtomically(options.output, await workbookBytes(scenario, { notice }));
  return 0;
}
