/**
 * The commands that write a file for another tool or put scenarios side by
 * side: export (workbook), chart (SVG), compare.
 */
import { Option, type Command } from 'commander';
import { usageError } from '../errors.js';
import type { Day } from '../model/calendar.js';
import type { Party } from '../scenario/types.js';
import { parseSetOptions } from '../scenario/set-option.js';
import type { Context } from './context.js';
import { byOption, formatOption, wideOption, needsNotice, noticeOption, outputOption, setOption, type ReportOptions } from './options.js';

export function addOutputCommands(program: Command, ctx: Context, done: (exitCode: number) => void): void {
  program
    .command('export')
    .description('write an Excel workbook: the inputs, the schedule as live formulas over them, the monthly termination sweep')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .addOption(new Option('-o, --output <file>', 'the workbook to write (atomically), a .xlsx file').makeOptionMandatory())
    .addOption(noticeOption())
    .addOption(byOption('; needs --notice'))
    .addOption(setOption())
    .addHelpText('after', `
Examples:
  $ deal-model export scenarios/colossus-1.yaml -o colossus-1.xlsx
  $ deal-model export scenarios/colossus-1.yaml -o early-exit.xlsx --notice 2027-01-15 --by provider`)
    .action(async (scenario: string, options: { output: string; notice?: Day; by?: Party; set?: string[] }) => {
      needsNotice(options);
      const sets = parseSetOptions(options.set);
      const { exportCommand } = await import('./commands/export.js');
      done(await exportCommand(scenario, { ...options, sets }, ctx));
    });

  program
    .command('chart')
    .description('draw an SVG chart: monthly fees and their running total, and the termination exposure by notice date')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .addOption(new Option('-o, --output <file>', 'write the chart (atomically) to a .svg file instead of standard output'))
    .addOption(new Option('--tornado <pct>', 'draw the tornado instead: every numeric input moved by -PCT and +PCT (SPEC 12)'))
    .addOption(new Option('--metric <metric>', 'the metric of --tornado (default npv)'))
    .addOption(noticeOption())
    .addOption(byOption('; needs --notice'))
    .addOption(setOption())
    .addHelpText('after', `
Examples:
  $ deal-model chart scenarios/colossus-1.yaml -o colossus-1.svg
  $ deal-model chart scenarios/colossus-1.yaml --notice 2027-01-15 -o early-exit.svg
  $ deal-model chart scenarios/colossus-1.yaml | rsvg-convert -o colossus-1.png`)
    .action(async (scenario: string, options: { output?: string; notice?: Day; by?: Party; set?: string[]; tornado?: string; metric?: string }) => {
      needsNotice(options);
      const sets = parseSetOptions(options.set);
      const { chartCommand } = await import('./commands/chart.js');
      done(await chartCommand(scenario, { ...options, sets }, ctx));
    });

  program
    .command('compare')
    .description('headline figures of several scenarios side by side, with differences against the first')
    .argument('<scenarios...>', 'two or more scenario files (- for standard input, once)')
    .addOption(byOption(': the committed values of every scenario by that party'))
    .addOption(setOption())
    .addOption(formatOption())
    .addOption(wideOption())
    .addOption(outputOption())
    .addHelpText('after', `
Examples:
  $ deal-model compare scenarios/colossus-1.yaml scenarios/gpu-cluster-anniversary.yaml
  $ deal-model compare base.yaml high.yaml low.yaml --format csv > comparison.csv`)
    .action(async (files: string[], options: ReportOptions) => {
      if (files.length < 2) throw usageError('error: compare needs at least two scenarios\n(run with --help for usage)');
      const sets = parseSetOptions(options.set);
      const { compareCommand } = await import('./commands/compare.js');
      done(await compareCommand(files, { ...options, sets }, ctx));
    });

  program
    .command('report')
    .description('write one self-contained HTML page for people: headline figures, charts, termination, economics or portfolio, the period table and every input')
    .argument('<scenario>', 'scenario or portfolio file, or - for standard input')
    .addOption(new Option('-o, --output <file>', 'write the page (atomically) to a .html file instead of standard output'))
    .addOption(new Option('--tornado <pct>', 'add a tornado of the NPV, each input moved by -PCT and +PCT'))
    .addOption(setOption())
    .addHelpText('after', `
Examples:
  $ deal-model report scenarios/colossus-1.yaml -o colossus-1.html
  $ deal-model report scenarios/colossus-1-provider.yaml --tornado 10% -o provider.html
  $ deal-model report scenarios/neocloud-portfolio.yaml -o book.html`)
    .action(async (scenario: string, options: { output?: string; tornado?: string; set?: string[] }) => {
      const sets = parseSetOptions(options.set);
      const { reportCommand } = await import('./commands/report.js');
      done(await reportCommand(scenario, { ...options, sets }, ctx));
    });
}
