/**
 * What the completion scripts need to know of the commander program tree,
 * read once into plain data (a ProgramSpec) that bash.ts and zsh.ts turn
 * into their scripts.
 *
 * What the tree tells:
 * - commands: `program.commands` (hidden ones are completed once typed but
 *   never offered), their aliases and descriptions;
 * - options: `cmd.options` plus the help option, their flags, descriptions,
 *   whether they take a value and its `argChoices`;
 * - positional arguments: `cmd.registeredArguments`, their `argChoices`,
 *   whether they are optional or variadic.
 *
 * What a value is, when it has no choices, is read from its name in the flags
 * (`--output <file>`, `--snapshots <dir>`, `<scenario...>`):
 * - `command`: the command names (as for `help [command]`);
 * - a name with `dir`: directories;
 * - a name with `file`, `path`, `scenario`, `input`, `output`: files. When the
 *   name or the description speaks of a scenario, *.yaml and *.yml files and
 *   directories are offered, and every file only when none of those match
 *   (so `notes.txt` is offered for `project no<TAB>`, not for `project <TAB>`).
 *   `-` (standard input) is never offered: typing it is enough, and it counts
 *   as an argument, not as an option, when later words are completed;
 * - anything else (`--notice <date>`): nothing, not even file names.
 * Names of hidden files are offered only once a `.` is typed.
 */
import type { Argument, Command, Option } from 'commander';

/** What completes a value: an option's or a positional argument's. */
export type ValueKind =
  | { readonly kind: 'words'; readonly words: readonly string[] }
  | { readonly kind: 'commands' }
  | { readonly kind: 'dirs' }
  | { readonly kind: 'files' }
  | { readonly kind: 'scenarios' }
  | { readonly kind: 'none' };

export interface OptionSpec {
  /** -f, --format (short first), as typed. */
  readonly names: readonly string[];
  readonly description: string;
  readonly hidden: boolean;
  /** --help and --version: nothing else follows them. */
  readonly terminal: boolean;
  readonly value?: { readonly name: string; readonly optional: boolean; readonly kind: ValueKind };
}

export interface ArgumentSpec {
  readonly name: string;
  readonly required: boolean;
  readonly variadic: boolean;
  readonly kind: ValueKind;
}

export interface CommandSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly hidden: boolean;
  readonly options: readonly OptionSpec[];
  readonly args: readonly ArgumentSpec[];
}

export interface ProgramSpec {
  readonly name: string;
  readonly options: readonly OptionSpec[];
  readonly commands: readonly CommandSpec[];
}

/** The program tree as plain data: its options, its commands and theirs. */
export function programSpec(program: Command): ProgramSpec {
  const help = program.createHelp();
  const visible = new Set(help.visibleCommands(program));
  // visibleCommands adds commander's implicit help command when it is enabled
  const commands = [...new Set([...program.commands, ...visible])];
  return {
    name: program.name(),
    options: optionSpecs(program),
    commands: commands.map((cmd) => ({
      name: cmd.name(),
      aliases: cmd.aliases(),
      description: firstLine(cmd.summary() || cmd.description()),
      hidden: !visible.has(cmd),
      options: optionSpecs(cmd),
      args: cmd.registeredArguments.map(argumentSpec),
    })),
  };
}

/** The command's own options, hidden ones too (their values must be skipped), then the help option. */
function optionSpecs(cmd: Command): OptionSpec[] {
  const shown = cmd.createHelp().visibleOptions(cmd);
  const all: Option[] = [...cmd.options, ...shown.filter((o) => !cmd.options.includes(o))];
  return all.map((option) => optionSpec(option, !shown.includes(option)));
}

function optionSpec(option: Option, hidden: boolean): OptionSpec {
  const names = [option.short, option.long].filter((n): n is string => n !== undefined);
  const description = firstLine(option.description);
  const takesValue = option.required || option.optional;
  const valueName = /[<[]([^>\]]*?)(?:\.\.\.)?[>\]]/.exec(option.flags)?.[1] ?? 'value';
  return {
    names,
    description,
    hidden,
    terminal: option.long === '--help' || option.long === '--version',
    ...(takesValue
      ? { value: { name: valueName, optional: option.optional, kind: valueKind(valueName, description, option.argChoices) } }
      : {}),
  };
}

function argumentSpec(arg: Argument): ArgumentSpec {
  return {
    name: arg.name(),
    required: arg.required,
    variadic: arg.variadic,
    kind: valueKind(arg.name(), arg.description, arg.argChoices),
  };
}

function valueKind(name: string, description: string, choices: readonly string[] | undefined): ValueKind {
  if (choices !== undefined && choices.length > 0) return { kind: 'words', words: choices };
  const n = name.toLowerCase();
  if (/^(sub)?commands?$/.test(n)) return { kind: 'commands' };
  if (/dir/.test(n)) return { kind: 'dirs' };
  if (/file|path|scenario|input|output|^in$|^out$/.test(n)) {
    return /scenario/i.test(`${n} ${description}`) ? { kind: 'scenarios' } : { kind: 'files' };
  }
  return { kind: 'none' };
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

/** The program's name as part of a shell function name: deal-model → deal_model. */
export function functionName(spec: ProgramSpec): string {
  return `_${spec.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** A word in single quotes for bash and zsh alike. */
export function sq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}


/** The words that name a command: its name, then its aliases. */
export const commandNames = (cmd: CommandSpec): string[] => [cmd.name, ...cmd.aliases];
