/**
 * Commander wiring: commands, options with their choices, help text. Each
 * action hands its work to a command module and records its exit code.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { FORMATS } from '../report/render.js';
import type { Context } from './context.js';

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const formatOption = (): Option =>
  new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('table');

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
  $ deal-model validate scenarios/*.yaml

Exit codes: 0 success, 1 check found a difference, 2 usage error,
3 invalid scenario, 4 I/O error, 70 internal error.`);

  program
    .command('project')
    .description('project the cash flows month by month, with discount factors and present values')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .addOption(formatOption())
    .option('-o, --output <file>', 'write to FILE (atomically) instead of standard output')
    .addHelpText('after', `
Examples:
  $ deal-model project scenarios/colossus-1.yaml
  $ deal-model project scenarios/colossus-1.yaml --format json -o flows.json
  $ cat scenario.yaml | deal-model project - --format csv`)
    .action(async (scenario: string, options: { format: (typeof FORMATS)[number]; output?: string }) => {
      const { projectCommand } = await import('./commands/project.js');
      done(await projectCommand(scenario, options, ctx));
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

  return program;
}
