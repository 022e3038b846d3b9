/**
 * Commander wiring: commands, options with their choices, help text. Each
 * action hands its work to a command module and records its exit code.
 */
import { Argument, Command, Option } from 'commander';
import { usageError } from '../errors.js';
import { parseSetOptions } from '../scenario/set-option.js';
import { closest } from '../scenario/suggest.js';
import type { Context } from './context.js';
import { anyCase, outputFormat, outputOption, positiveCount, setOption, version } from './options.js';
import { addAnalysisCommands } from './program-analysis.js';
import { addOutputCommands } from './program-outputs.js';

export { version } from './options.js';

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

  // -o FILE and --format agree, or the format comes from the extension: before any command reads
  program.hook('preAction', (_root, action) => outputFormat(action));

  addAnalysisCommands(program, ctx, done);
  addOutputCommands(program, ctx, done);

  program
    .command('check')
    .description('regression for CI: compare each scenario\'s results with its snapshot and its expect: block')
    .argument('<scenario...>', 'scenario files')
    .option('--snapshots <dir>', 'compare with DIR/<scenario name>.json')
    .option('--update', 'write the snapshots (atomically) instead of comparing; needs --snapshots')
    .addOption(anyCase(new Option('-f, --format <format>', 'text: a line per scenario and a summary; json or junit: one report for CI'), ['text', 'json', 'junit']).default('text'))
    .addOption(new Option('-j, --jobs <n>', 'check files on N threads at once (default: one fewer than the cores, at most 8; output is the same)').argParser(positiveCount))
    .addOption(new Option('--set <path=value>').hideHelp().argParser(() => {
      throw usageError("error: check does not take --set: a snapshot holds the scenario as its files say; write a variant file with extends: instead\n(run with --help for usage)");
    }))
    .addHelpText('after', `
Exit codes: 0 all match, 1 a value differs, a snapshot is missing or an expectation fails,
4 a file could not be read, 3 a scenario is invalid (1 wins over 4, 4 over 3).

Examples:
  $ deal-model check scenarios/*.yaml --snapshots test/snapshots
  $ deal-model check scenarios/*.yaml --snapshots test/snapshots --update
  $ deal-model check scenarios/colossus-1.yaml        # its expect: block only`)
    .action(async (files: string[], options: { snapshots?: string; update?: boolean; jobs?: number; format?: 'text' | 'json' | 'junit' }) => {
      const { checkCommand } = await import('./commands/check.js');
      done(await checkCommand(files, options, ctx));
    });

  program
    .command('validate')
    .description('check scenario files and report every problem with its position')
    .argument('<scenario...>', 'scenario files (- for standard input)')
    .option('--strict', 'treat warnings (valid, but almost certainly not what was meant) as problems: exit 3')
    .addOption(setOption())
    .addHelpText('after', `
Examples:
  $ deal-model validate scenarios/*.yaml
  $ deal-model validate --strict scenarios/*.yaml    # in CI: warnings fail too`)
    .action(async (files: string[], options: { strict?: boolean; set?: string[] }) => {
      const sets = parseSetOptions(options.set);
      const { validateCommand } = await import('./commands/validate.js');
      done(await validateCommand(files, { ...options, sets }, ctx));
    });

  program
    .command('resolve')
    .description('print a variant merged over its bases (and --set values) as YAML, with where each value came from')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .addOption(setOption())
    .addOption(outputOption())
    .addHelpText('after', `
Examples:
  $ deal-model resolve scenarios/colossus-1-escalated.yaml
  $ deal-model resolve scenarios/colossus-1.yaml --set termination.notice_days=180 -o longer-notice.yaml`)
    .action(async (scenario: string, options: { set?: string[]; output?: string }) => {
      const sets = parseSetOptions(options.set);
      const { resolveCommand } = await import('./commands/resolve.js');
      done(await resolveCommand(scenario, { sets, output: options.output }, ctx));
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
    .addArgument(anyCase(new Argument('<shell>', 'the shell'), ['bash', 'zsh']))
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
