/**
 * Commander wiring: commands, options with their choices, help text. Each
 * action hands its work to a command module and records its exit code.
 */
import { readFileSync } from 'node:fs';
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { usageError } from '../errors.js';
import { parseIsoDate, type Day } from '../model/calendar.js';
import { FORMATS, type Format } from '../report/render.js';
import type { Party } from '../scenario/types.js';
import { closest } from '../scenario/suggest.js';
import type { Context } from './context.js';

/** The package version, from the package.json above this file (src/cli/ in development, dist/ when bundled). */
export function version(): string {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'deal-model' && pkg.version) return pkg.version;
    } catch {
      // no package.json here: look further up
    }
    if (dir.pathname === '/') return 'unknown';
  }
}

const formatOption = (): Option =>
  new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('table');

/** `--notice DATE`: a malformed date is a usage error (exit 2); a date outside the term is the scenario's (exit 3). */
function noticeDate(text: string): Day {
  const parsed = parseIsoDate(text);
  if (parsed.ok) return parsed.day;
  throw new InvalidArgumentError(`expected a date YYYY-MM-DD${parsed.reason === 'calendar' ? ` (${parsed.detail})` : ''}.`);
}

function positiveCount(text: string): number {
  if (!/^[1-9][0-9]{0,3}$/.test(text)) throw new InvalidArgumentError('expected a whole number from 1 to 9999.');
  return Number(text);
}

const outputOption = (): Option => new Option('-o, --output <file>', 'write to FILE (atomically) instead of standard output');

const noticeOption = (): Option => new Option('--notice <date>', 'a notice given on DATE (YYYY-MM-DD)').argParser(noticeDate);
const byOption = (what: string): Option =>
  new Option('--by <party>', `the party that gives notice (default: the customer when allowed, else the provider)${what}`).choices(['customer', 'provider']);

/** `--by` names the party of a notice: without `--notice` it means nothing (project, export, chart). */
function needsNotice(options: { notice?: Day; by?: Party }): void {
  if (options.by !== undefined && options.notice === undefined) {
    throw usageError("error: option '--by <party>' needs '--notice <date>': a party gives a notice on a date\n(run with --help for usage)");
  }
}

interface ReportOptions {
  format: Format;
  output?: string;
  notice?: Day;
  by?: Party;
}

export function buildProgram(ctx: Context, done: (exitCode: number) => void): Command {
  const program = new Command('deal-model')
    .description('Financial modeler for long-term capacity contracts: exact monthly cash flows, valuation and early-termination outcomes from a YAML scenario.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    })
    .addHelpText('after', `
Examples:
  $ deal-model project scenarios/colossus-1.yaml
  $ deal-model project scenarios/colossus-1.yaml --format csv > flows.csv
  $ deal-model terminate scenarios/colossus-1.yaml
  $ deal-model validate scenarios/*.yaml

Exit codes: 0 success, 1 check found a difference, 2 usage error,
3 invalid scenario, 4 I/O error, 70 internal error.`);

  program
    .command('project')
    .description('project the cash flows month by month, with discount factors and present values')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .addOption(noticeOption())
    .addOption(byOption('; needs --notice'))
    .addOption(formatOption())
    .addOption(outputOption())
    .addHelpText('after', `
Examples:
  $ deal-model project scenarios/colossus-1.yaml
  $ deal-model project scenarios/colossus-1.yaml --format json -o flows.json
  $ deal-model project scenarios/colossus-1.yaml --notice 2027-01-15 --by provider
  $ cat scenario.yaml | deal-model project - --format csv`)
    .action(async (scenario: string, options: ReportOptions) => {
      needsNotice(options);
      const { projectCommand } = await import('./commands/project.js');
      done(await projectCommand(scenario, options, ctx));
    });

  program
    .command('terminate')
    .description('sweep early-termination outcomes: every candidate notice date, the committed and the expected value')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .addOption(noticeOption())
    .addOption(byOption(''))
    .addOption(new Option('--every <step>', 'candidate notice dates: the 1st of every month, or every day').choices(['month', 'day']).default('month'))
    .addOption(formatOption())
    .addOption(outputOption())
    .addHelpText('after', `
Examples:
  $ deal-model terminate scenarios/colossus-1.yaml
  $ deal-model terminate scenarios/colossus-1.yaml --every day --format csv > outcomes.csv
  $ deal-model terminate scenarios/colossus-1.yaml --notice 2027-03-01 --by provider --format json`)
    .action(async (scenario: string, options: ReportOptions & { every: 'month' | 'day' }) => {
      const { terminateCommand } = await import('./commands/terminate.js');
      done(await terminateCommand(scenario, options, ctx));
    });

  program
    .command('export')
    .description('write an Excel workbook: the inputs, the schedule as live formulas over them, the monthly termination sweep')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .addOption(new Option('-o, --output <file>', 'the workbook to write (atomically), a .xlsx file').makeOptionMandatory())
    .addOption(noticeOption())
    .addOption(byOption('; needs --notice'))
    .addHelpText('after', `
Examples:
  $ deal-model export scenarios/colossus-1.yaml -o colossus-1.xlsx
  $ deal-model export scenarios/colossus-1.yaml -o early-exit.xlsx --notice 2027-01-15 --by provider`)
    .action(async (scenario: string, options: { output: string; notice?: Day; by?: Party }) => {
      needsNotice(options);
      const { exportCommand } = await import('./commands/export.js');
      done(await exportCommand(scenario, options, ctx));
    });

  program
    .command('chart')
    .description('draw an SVG chart: monthly fees and their running total, and the termination exposure by notice date')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .addOption(new Option('-o, --output <file>', 'write the chart (atomically) to a .svg file instead of standard output'))
    .addOption(noticeOption())
    .addOption(byOption('; needs --notice'))
    .addHelpText('after', `
Examples:
  $ deal-model chart scenarios/colossus-1.yaml -o colossus-1.svg
  $ deal-model chart scenarios/colossus-1.yaml --notice 2027-01-15 -o early-exit.svg
  $ deal-model chart scenarios/colossus-1.yaml | rsvg-convert -o colossus-1.png`)
    .action(async (scenario: string, options: { output?: string; notice?: Day; by?: Party }) => {
      needsNotice(options);
      const { chartCommand } = await import('./commands/chart.js');
      done(await chartCommand(scenario, options, ctx));
    });

  program
    .command('compare')
    .description('headline figures of several scenarios side by side, with differences against the first')
    .argument('<scenarios...>', 'two or more scenario files (- for standard input, once)')
    .addOption(formatOption())
    .addOption(outputOption())
    .addHelpText('after', `
Examples:
  $ deal-model compare scenarios/colossus-1.yaml scenarios/gpu-cluster-anniversary.yaml
  $ deal-model compare base.yaml high.yaml low.yaml --format csv > comparison.csv`)
    .action(async (files: string[], options: ReportOptions) => {
      if (files.length < 2) throw usageError('error: compare needs at least two scenarios\n(run with --help for usage)');
      const { compareCommand } = await import('./commands/compare.js');
      done(await compareCommand(files, options, ctx));
    });

  program
    .command('check')
    .description('regression for CI: compare each scenario\'s results with its snapshot and its expect: block')
    .argument('<scenario...>', 'scenario files')
    .option('--snapshots <dir>', 'compare with DIR/<scenario name>.json')
    .option('--update', 'write the snapshots (atomically) instead of comparing; needs --snapshots')
    .addOption(new Option('-j, --jobs <n>', 'check files on N threads at once (default: one fewer than the cores, at most 8; output is the same)').argParser(positiveCount))
    .addHelpText('after', `
Exit codes: 0 all match, 1 a value differs, a snapshot is missing or an expectation fails,
4 a file could not be read, 3 a scenario is invalid (1 wins over 4, 4 over 3).

Examples:
  $ deal-model check scenarios/*.yaml --snapshots test/snapshots
  $ deal-model check scenarios/*.yaml --snapshots test/snapshots --update
  $ deal-model check scenarios/colossus-1.yaml        # its expect: block only`)
    .action(async (files: string[], options: { snapshots?: string; update?: boolean; jobs?: number }) => {
      const { checkCommand } = await import('./commands/check.js');
      done(await checkCommand(files, options, ctx));
    });

  program
    .command('validate')
    .description('check scenario files and report every problem with its position')
    .argument('<scenario...>', 'scenario files (- for standard input)')
    .addHelpText('after', `
Examples:
  $ deal-model validate scenarios/*.yaml`)
    .action(async (files: string[]) => {
      const { validateCommand } = await import('./commands/validate.js');
      done(await validateCommand(files, ctx));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the scenario format (for editors such as yaml-language-server)')
    .addHelpText('after', `
Examples:
  $ deal-model schema > scenario.schema.json
  then start a scenario with:  # yaml-language-server: $schema=scenario.schema.json`)
    .action(async () => {
      const { scenarioJsonSchema } = await import('../scenario/json-schema.js');
      ctx.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      done(0);
    });

  program
    .command('init')
    .description('write a commented template scenario (the seed deal\'s shape)')
    .argument('[file]', 'where to write it (default scenario.yaml; - for standard output)')
    .option('--force', 'replace FILE if it exists')
    .addHelpText('after', `
Examples:
  $ deal-model init my-deal.yaml
  $ deal-model init - | less`)
    .action(async (file: string | undefined, options: { force?: boolean }) => {
      const { initCommand } = await import('./commands/init.js');
      done(await initCommand(file, options, ctx));
    });

  program
    .command('completion')
    .description('print a shell completion script for bash or zsh')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh']))
    .addHelpText('after', `
Examples:
  $ source <(deal-model completion bash)          # in ~/.bashrc
  $ deal-model completion zsh > ~/.zsh/completions/_deal-model
    (a folder in $fpath, before compinit in ~/.zshrc; or: source <(deal-model completion zsh) after compinit)`)
    .action(async (shell: 'bash' | 'zsh') => {
      const { completionScript } = await import('./completion/index.js');
      ctx.stdout.write(completionScript(shell, program));
      done(0);
    });

  // commander's own `help <unknown>` prints the whole help with no word about the unknown name
  program.helpCommand(false);
  program
    .command('help')
    .description('show help for a command')
    .argument('[command]', 'the command')
    .addHelpText('after', `
Examples:
  $ deal-model help export
  $ deal-model help`)
    .action((name: string | undefined) => {
      if (name === undefined) {
        program.outputHelp();
      } else {
        const command = program.commands.find((c) => c.name() === name);
        if (!command) {
          const guess = closest(name, program.commands.map((c) => c.name()));
          throw usageError(`error: unknown command '${name}'${guess ? `\n(Did you mean ${guess}?)` : ''}\n(run with --help for usage)`);
        }
        command.outputHelp();
      }
      done(0);
    });

  return program;
}
