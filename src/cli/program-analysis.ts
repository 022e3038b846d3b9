/**
 * The commands that analyse a contract or a book of them: project,
 * terminate, economics, portfolio.
 */
import { Option, type Command } from 'commander';
import type { Day } from '../model/calendar.js';
import { parseSetOptions } from '../scenario/set-option.js';
import type { Context } from './context.js';
import { anyCase, byOption, formatOption, wideOption, needsNotice, noticeDate, noticeOption, outputOption, positiveCount, setOption, type ReportOptions } from './options.js';

export function addAnalysisCommands(program: Command, ctx: Context, done: (exitCode: number) => void): void {
  program
    .command('project')
    .description('project the cash flows month by month, with discount factors and present values')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .addOption(noticeOption())
    .addOption(byOption('; needs --notice'))
    .addOption(setOption())
    .addOption(formatOption())
    .addOption(wideOption())
    .addOption(outputOption())
    .addHelpText('after', `
Examples:
  $ deal-model project scenarios/colossus-1.yaml
  $ deal-model project scenarios/colossus-1.yaml --set pricing.monthly_fee=1.3B --set 'pricing.ramp[0].discount=40%'
  $ deal-model project scenarios/colossus-1.yaml --format json -o flows.json
  $ deal-model project scenarios/colossus-1.yaml --notice 2027-01-15 --by provider
  $ cat scenario.yaml | deal-model project - --format csv`)
    .action(async (scenario: string, options: ReportOptions) => {
      needsNotice(options);
      const sets = parseSetOptions(options.set);
      const { projectCommand } = await import('./commands/project.js');
      done(await projectCommand(scenario, { ...options, sets }, ctx));
    });

  program
    .command('terminate')
    .description('sweep early-termination outcomes: every candidate notice date, the committed and the expected value')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .addOption(noticeOption())
    .addOption(byOption(''))
    .addOption(anyCase(new Option('--every <step>', 'candidate notice dates: the 1st of every month, or every day'), ['month', 'day']).default('month'))
    .addOption(new Option('-j, --jobs <n>', 'simulate the market on N threads (default: one fewer than the cores, at most 8, from 200,000 paths; output is the same)').argParser(positiveCount))
    .addOption(setOption())
    .addOption(formatOption())
    .addOption(wideOption())
    .addOption(outputOption())
    .addHelpText('after', `
Examples:
  $ deal-model terminate scenarios/colossus-1.yaml
  $ deal-model terminate scenarios/colossus-1.yaml --every day --format csv > outcomes.csv
  $ deal-model terminate scenarios/colossus-1.yaml --notice 2027-03-01 --by provider --format json`)
    .action(async (scenario: string, options: ReportOptions & { every: 'month' | 'day'; jobs?: number }) => {
      const sets = parseSetOptions(options.set);
      const { terminateCommand } = await import('./commands/terminate.js');
      done(await terminateCommand(scenario, { ...options, sets }, ctx));
    });

  program
    .command('economics')
    .description("the provider's economics: costs, margin, dated net cash, NPV, IRR, payback, and the net left by an early notice")
    .argument('<scenario>', 'scenario file with a costs section, or - for standard input')
    .addOption(noticeOption())
    .addOption(byOption('; needs --notice'))
    .addOption(setOption())
    .addOption(formatOption())
    .addOption(wideOption())
    .addOption(outputOption())
    .addHelpText('after', `
Examples:
  $ deal-model economics scenarios/colossus-1-provider.yaml
  $ deal-model economics scenarios/colossus-1-provider.yaml --notice 2026-06-01 --format json
  $ deal-model economics scenarios/colossus-1-provider.yaml --set costs.power.price_per_mwh=80`)
    .action(async (scenario: string, options: ReportOptions) => {
      needsNotice(options);
      const sets = parseSetOptions(options.set);
      const { economicsCommand } = await import('./commands/economics.js');
      done(await economicsCommand(scenario, { ...options, sets }, ctx));
    });

  program
    .command('portfolio')
    .description('several contracts on shared facilities: revenue by month, capacity sold against capacity owned, and the backlog contracted and committed')
    .argument('<portfolio>', 'portfolio file (its top level has portfolio:), or - for standard input')
    .addOption(new Option('--as-of <date>', 'the date of the backlog (default: as_of in the file, else its valuation date, else the earliest contract start)').argParser(noticeDate))
    .addOption(setOption())
    .addOption(formatOption())
    .addOption(wideOption())
    .addOption(outputOption())
    .addHelpText('after', `
Examples:
  $ deal-model portfolio scenarios/neocloud-portfolio.yaml
  $ deal-model portfolio scenarios/neocloud-portfolio.yaml --as-of 2027-12-31 --format json
  $ deal-model portfolio scenarios/neocloud-portfolio.yaml --format csv -o months.csv`)
    .action(async (file: string, options: ReportOptions & { asOf?: Day }) => {
      const sets = parseSetOptions(options.set);
      const { portfolioCommand } = await import('./commands/portfolio.js');
      done(await portfolioCommand(file, { ...options, sets }, ctx));
    });

  program
    .command('sensitivity')
    .description('what-if: a grid of cells over one or two inputs, a tornado of every input, or goal seek for one input')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .addOption(new Option('--vary <path=values>', 'vary PATH over VALUES: a comma list (6%,8%,10%) or a range FROM..TO:STEP (repeat once for a grid)').argParser((v: string, p: string[] | undefined) => [...(p ?? []), v]))
    .addOption(new Option('--metric <list>', 'the metrics, comma separated (default: every metric the scenario supports): total, npv, committed, share, expected, market_mean, margin, provider_npv, irr, payback_date'))
    .addOption(new Option('--tornado <pct>', 'move every numeric input by -PCT and +PCT, one at a time (default metric npv)'))
    .addOption(new Option('--solve <path>', 'goal seek: the value of PATH at which --for METRIC=TARGET holds'))
    .addOption(new Option('--for <metric=target>', 'the target of --solve, such as irr=15% or share=25%'))
    .addOption(setOption())
    .addOption(formatOption())
    .addOption(wideOption())
    .addOption(outputOption())
    .addHelpText('after', `
Examples:
  $ deal-model sensitivity scenarios/colossus-1.yaml --vary pricing.monthly_fee=1B..1.5B:0.25B --vary termination.notice_days=90,180,365
  $ deal-model sensitivity scenarios/colossus-1.yaml --tornado 10% --metric committed
  $ deal-model sensitivity scenarios/colossus-1-provider.yaml --solve pricing.monthly_fee --for irr=15%`)
    .action(async (scenario: string, options: ReportOptions & { vary?: string[]; metric?: string; tornado?: string; solve?: string; for?: string }) => {
      const sets = parseSetOptions(options.set);
      const { sensitivityCommand } = await import('./commands/sensitivity.js');
      done(await sensitivityCommand(scenario, { ...options, sets }, ctx));
    });
}
