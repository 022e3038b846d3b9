/**
 * `deal-model completion bash|zsh`: shell completion scripts generated from
 * the commander program tree, so a command, option or choice added to
 * program.ts is completed without a change here.
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

export type Shell = 'bash' | 'zsh';

/** What completes a value: an option's or a positional argument's. */
type ValueKind =
  | { readonly kind: 'words'; readonly words: readonly string[] }
  | { readonly kind: 'commands' }
  | { readonly kind: 'dirs' }
  | { readonly kind: 'files' }
  | { readonly kind: 'scenarios' }
  | { readonly kind: 'none' };

interface OptionSpec {
  /** -f, --format (short first), as typed. */
  readonly names: readonly string[];
  readonly description: string;
  readonly hidden: boolean;
  /** --help and --version: nothing else follows them. */
  readonly terminal: boolean;
  readonly value?: { readonly name: string; readonly optional: boolean; readonly kind: ValueKind };
}

interface ArgumentSpec {
  readonly name: string;
  readonly required: boolean;
  readonly variadic: boolean;
  readonly kind: ValueKind;
}

interface CommandSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly hidden: boolean;
  readonly options: readonly OptionSpec[];
  readonly args: readonly ArgumentSpec[];
}

interface ProgramSpec {
  readonly name: string;
  readonly options: readonly OptionSpec[];
  readonly commands: readonly CommandSpec[];
}

export function completionScript(shell: Shell, program: Command): string {
  const spec = programSpec(program);
  switch (shell) {
    case 'bash':
      return bashScript(spec);
    case 'zsh':
      return zshScript(spec);
  }
}

// ---------------------------------------------------------------- the tree

function programSpec(program: Command): ProgramSpec {
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
function functionName(spec: ProgramSpec): string {
  return `_${spec.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** A word in single quotes for bash and zsh alike. */
function sq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

const commandNames = (cmd: CommandSpec): string[] => [cmd.name, ...cmd.aliases];

// ---------------------------------------------------------------- bash

function bashScript(spec: ProgramSpec): string {
  const fn = functionName(spec);
  const listed = spec.commands.filter((c) => !c.hidden).map((c) => c.name);

  const specCase = (label: string, options: readonly OptionSpec[], args: readonly ArgumentSpec[]): string => {
    const groups = options.filter((o) => !o.hidden).map((o) => sq(o.names.join('|')));
    const valued = options.filter((o) => o.value).flatMap((o) => o.names.map(sq));
    const optional = options.filter((o) => o.value?.optional).flatMap((o) => o.names.map(sq));
    const variadic = args.at(-1)?.variadic === true ? 1 : 0;
    return [
      `    ${label})`,
      `      opts=(${groups.join(' ')})`,
      `      valued=(${valued.join(' ')})`,
      `      optional=(${optional.join(' ')})`,
      `      nargs=${args.length} variadic=${variadic} ;;`,
    ].join('\n');
  };

  const action = (kind: ValueKind, cur: string): string => {
    switch (kind.kind) {
      case 'words':
        return `${fn}_words "${cur}" ${kind.words.map(sq).join(' ')}`;
      case 'commands':
        return `${fn}_words "${cur}" ${listed.map(sq).join(' ')}`;
      case 'dirs':
        return `${fn}_files "${cur}" dirs`;
      case 'files':
        return `${fn}_files "${cur}" any`;
      case 'scenarios':
        return `${fn}_files "${cur}" yaml`;
      case 'none':
        return `${fn}_none`;
    }
  };

  const valueCases: string[] = [];
  const argCases: string[] = [];
  const contexts: Array<{ label: string; options: readonly OptionSpec[]; args: readonly ArgumentSpec[] }> = [
    { label: "''", options: spec.options, args: [] },
    ...spec.commands.map((c) => ({ label: commandNames(c).map(sq).join('|'), options: c.options, args: c.args })),
  ];
  for (const { label, options, args } of contexts) {
    const valueLines = options
      .filter((o) => o.value)
      .map((o) => `        ${o.names.map(sq).join('|')}) ${action(o.value!.kind, '$3')} ;;`);
    if (valueLines.length > 0) valueCases.push(`    ${label})\n      case $2 in\n${valueLines.join('\n')}\n      esac ;;`);
    const argLines = args.map((a, i) => `        ${i}) ${action(a.kind, '$3')} ;;`);
    if (argLines.length > 0) argCases.push(`    ${label})\n      case $2 in\n${argLines.join('\n')}\n      esac ;;`);
  }

  return `# bash completion for ${spec.name}, generated by \`${spec.name} completion bash\` from its commands and options.
# Load it in ~/.bashrc:  source <(${spec.name} completion bash)
# or save it once:       ${spec.name} completion bash > ~/.local/share/bash-completion/completions/${spec.name}
# It defines the functions ${fn}* and the completion of ${spec.name}; nothing else.

# ${fn}_spec COMMAND: the options of COMMAND ('' for the program itself) as groups of aliases,
# those that take a value, those whose value is optional, and its number of arguments.
${fn}_spec() {
  case $1 in
${contexts.map((c) => specCase(c.label, c.options, c.args)).join('\n')}
    *) return 1 ;;
  esac
}

# ${fn}_value COMMAND OPTION CUR: complete the value of OPTION.
${fn}_value() {
  case $1 in
${valueCases.join('\n')}
  esac
}

# ${fn}_arg COMMAND INDEX CUR: complete the positional argument number INDEX (from 0).
${fn}_arg() {
  case $1 in
${argCases.join('\n')}
  esac
}

# ${fn}_words CUR WORD...: the WORDs that start with CUR, quoted for the command line.
${fn}_words() {
  local cur=$1 word
  shift
  ${fn}_none
  for word in "$@"; do
    if [[ $word == "$cur"* ]]; then
      [[ $word == *[!A-Za-z0-9._/:=+@%,-]* ]] && printf -v word '%q' "$word"
      COMPREPLY+=("$word")
    fi
  done
}

# ${fn}_none: no completion, not even readline's file names.
${fn}_none() {
  COMPREPLY=()
  compopt +o default 2>/dev/null
  return 0
}

# ${fn}_files CUR KIND: directories (with a trailing /) and files that start with CUR.
# KIND any: every file; dirs: directories only; yaml: *.yaml and *.yml files, or every
# file when neither those nor a directory match. Hidden names only once a . is typed.
${fn}_files() {
  local cur=$1 kind=$2 name path base
  local -a dirs=() files=() preferred=()
  # a backslash or an opening quote typed on the line is not part of the name
  cur=\${cur//\\\\/}
  cur=\${cur#[\\"\\']}
  COMPREPLY=()
  compopt -o filenames 2>/dev/null
  while IFS= read -r name; do
    [[ -n $name ]] || continue
    base=\${name%/}
    base=\${base##*/}
    [[ $base == . || $base == .. ]] && continue
    [[ $base == .* && \${cur##*/} != .* ]] && continue
    path=$name
    [[ $path == '~'/* ]] && path=$HOME/\${path#'~/'}
    if [[ -d $path ]]; then
      dirs+=("\${name%/}/")
    elif [[ $kind != dirs ]]; then
      files+=("$name")
      [[ $name == *.yaml || $name == *.yml ]] && preferred+=("$name")
    fi
  done < <(compgen -f -- "$cur" 2>/dev/null)
  if [[ $kind == yaml ]] && (( \${#preferred[@]} + \${#dirs[@]} > 0 )); then
    files=("\${preferred[@]}")
  fi
  COMPREPLY=("\${dirs[@]}" "\${files[@]}")
  return 0
}

# ${fn}_options CUR: the options of the current command not given yet (all of -h, --help when one was).
${fn}_options() {
  local cur=$1 group alias
  local -a names=()
  for group in "\${opts[@]}"; do
    for alias in \${group//|/ }; do
      [[ $used == *" $alias "* ]] && continue 2
    done
    for alias in \${group//|/ }; do
      # after a lone - every option; after --, or nothing, the long ones
      [[ $cur == - || $alias == --* ]] && names+=("$alias")
    done
  done
  ${fn}_words "$cur" "\${names[@]}"
}

${fn}() {
  local IFS=$' \\t\\n'
  local cur=\${COMP_WORDS[COMP_CWORD]} word name command='' expect='' dashdash='' used=' '
  local -i i pos=0 nargs=0 variadic=0 k
  local -a opts=() valued=() optional=()
  COMPREPLY=()
  # only the part of the current word before the cursor
  if [[ -n \${COMP_LINE+set} && -n \${COMP_POINT+set} ]]; then
    local before=\${COMP_LINE:0:COMP_POINT}
    for ((k = \${#cur}; k > 0; k--)); do
      [[ $before == *"\${cur:0:k}" ]] && break
    done
    cur=\${cur:0:k}
  fi
  ${fn}_spec ''
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if [[ -n $expect ]]; then
      # --option=value, split at the = by COMP_WORDBREAKS
      [[ $word == = ]] && continue
      # an optional value is not taken from a word that looks like an option
      if ! [[ $word == -?* && " \${optional[*]} " == *" $expect "* ]]; then
        expect=''
        continue
      fi
      expect=''
    fi
    if [[ -z $dashdash && $word == -?* ]]; then
      if [[ $word == -- ]]; then
        dashdash=1
        continue
      fi
      if [[ $word == --* ]]; then name=\${word%%=*}; else name=\${word:0:2}; fi
      used+="$name "
      if [[ " \${valued[*]} " == *" $name "* ]] && [[ ( $word == --* && $word != *=* ) || \${#word} -eq 2 ]]; then
        expect=$name
      fi
      continue
    fi
    if [[ -z $command ]]; then
      # the first argument of the program is the command
      command=$word
      if ! ${fn}_spec "$command"; then
        ${fn}_none
        return 0
      fi
      used=' ' dashdash=''
      continue
    fi
    pos+=1
  done

  # the value of an option: --format <TAB>, --format=<TAB>
  if [[ -n $expect ]] && ! [[ $cur == -* && " \${optional[*]} " == *" $expect "* ]]; then
    [[ $cur == = ]] && cur=''
    ${fn}_value "$command" "$expect" "$cur"
    return 0
  fi
  # --format=<TAB> when = does not split words
  if [[ -z $dashdash && $cur == --*=* && " \${valued[*]} " == *" \${cur%%=*} "* ]]; then
    name=\${cur%%=*}
    ${fn}_value "$command" "$name" "\${cur#*=}"
    compopt +o filenames 2>/dev/null
    for i in "\${!COMPREPLY[@]}"; do COMPREPLY[i]=$name=\${COMPREPLY[i]}; done
    return 0
  fi
  if [[ -z $dashdash && $cur == -* ]]; then
    ${fn}_options "$cur"
    return 0
  fi
  if [[ -z $command ]]; then
    ${fn}_words "$cur" ${listed.map(sq).join(' ')}
    return 0
  fi
  if (( pos >= nargs && !variadic )); then
    # no argument left to give: the options
    [[ -n $dashdash ]] && { ${fn}_none; return 0; }
    ${fn}_options "$cur"
    return 0
  fi
  (( pos >= nargs )) && pos=nargs-1
  ${fn}_arg "$command" "$pos" "$cur"
  return 0
}

complete -o default -F ${fn} ${spec.name}
`;
}

// ---------------------------------------------------------------- zsh

/** Text inside an _arguments [description] or a :message: */
function zshEscape(text: string): string {
  return text.replace(/[\\[\]:]/g, (c) => `\\${c}`);
}

function zshAction(kind: ValueKind, fn: string): string {
  switch (kind.kind) {
    case 'words':
      return `(${kind.words.map((w) => w.replace(/[^A-Za-z0-9._/=+@%,-]/g, (c) => `\\${c}`)).join(' ')})`;
    case 'commands':
      return `${fn}_commands`;
    case 'dirs':
      return '_files -/';
    case 'files':
      return '_files';
    case 'scenarios':
      return '_files -g "*.(yaml|yml)"';
    case 'none':
      return ' ';
  }
}

function zshOptionSpecs(options: readonly OptionSpec[], fn: string): string[] {
  return options
    .filter((o) => !o.hidden)
    .flatMap((o) => {
      const exclude = o.terminal ? '(- : *)' : o.names.length > 1 ? `(${o.names.join(' ')})` : '';
      return o.names.map((name) => {
        const isLong = name.startsWith('--');
        const suffix = o.value ? (o.value.optional ? (isLong ? '=-' : '-') : isLong ? '=' : '+') : '';
        const value = o.value ? `${o.value.optional ? '::' : ':'}${zshEscape(o.value.name)}:${zshAction(o.value.kind, fn)}` : '';
        return sq(`${exclude}${name}${suffix}[${zshEscape(o.description)}]${value}`);
      });
    });
}

function zshArgumentSpecs(args: readonly ArgumentSpec[], fn: string): string[] {
  return args.map((a, i) => {
    const position = a.variadic ? '*' : String(i + 1);
    const optional = !a.required && !a.variadic ? ':' : '';
    return sq(`${position}:${optional}${zshEscape(a.name)}:${zshAction(a.kind, fn)}`);
  });
}

function zshScript(spec: ProgramSpec): string {
  const fn = functionName(spec);
  const listed = spec.commands.filter((c) => !c.hidden);
  const args = (lines: readonly string[], indent: string): string => lines.map((l) => `${indent}${l} \\`).join('\n');
  const commandCases = spec.commands.map((c) => {
    const specs = [...zshOptionSpecs(c.options, fn), ...zshArgumentSpecs(c.args, fn)];
    return `        (${commandNames(c).map(sq).join('|')})
          _arguments -s -S \\
${args(specs, '            ')}
            && ret=0
          ;;`;
  });

  return `#compdef ${spec.name}
# zsh completion for ${spec.name}, generated by \`${spec.name} completion zsh\` from its commands and options.
# Save it in a directory of $fpath, before compinit runs in ~/.zshrc:
#   ${spec.name} completion zsh > ~/.zsh/completions/_${spec.name}   (with fpath=(~/.zsh/completions $fpath))
# or load it after compinit:  source <(${spec.name} completion zsh)
# It defines the functions ${fn}* and the completion of ${spec.name}; nothing else.

${fn}() {
  local curcontext=$curcontext state state_descr line
  local -i ret=1
  local -A opt_args

  _arguments -s -S -C \\
${args([...zshOptionSpecs(spec.options, fn), sq(`1:command:${fn}_commands`), sq('*:: :->command')], '    ')}
    && ret=0

  case $state in
    (command)
      curcontext=\${curcontext%:*:*}:${spec.name}-$words[1]:
      case $words[1] in
${commandCases.join('\n')}
      esac
      ;;
  esac
  return ret
}

${fn}_commands() {
  local -a commands
  commands=(
${listed.map((c) => `    ${sq(`${c.name.replace(/:/g, '\\:')}:${c.description}`)}`).join('\n')}
  )
  _describe -t commands ${sq(`${spec.name} command`)} commands
}

if [[ $zsh_eval_context[-1] == loadautofunc || $funcstack[1] == (${fn}|${`_${spec.name}`.replace(/[^A-Za-z0-9_]/g, (c) => `\\${c}`)}) ]]; then
  # autoloaded from $fpath (as _${spec.name}): complete now
  ${fn} "$@"
else
  # sourced: register for later
  compdef ${fn} ${spec.name}
fi
`;
}
