/**
 * `deal-model completion bash|zsh`: the scripts are generated from the
 * commander tree built in-process, then run by the real shells. Bash always
 * (it is on every machine); zsh when it is installed (Debian package `zsh`):
 * `zsh -n`, then real completions in an interactive zsh driven through
 * zsh/zpty; without zsh those tests are skipped with the reason.
 *
 * Bash completion is exercised as readline would call it: COMP_WORDS,
 * COMP_CWORD, COMP_LINE and COMP_POINT set for a command line, _deal_model
 * called, COMPREPLY read back; under `set -u` and nullglob/failglob/extglob,
 * as a user's shell may have them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Argument, Command, Option } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../support/tools.js';
import { completionScript } from '../../src/cli/completion/index.js';
import type { Context } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/program.js';

const ctx: Context = {
  env: {},
  stdin: (async function* () {})(),
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdoutIsTTY: false,
  stderrIsTTY: false,
};

const newProgram = (): Command => buildProgram(ctx, () => {});

/** The program with the kinds of commands about to be added, and a few awkward ones. */
function extendedProgram(): Command {
  const program = newProgram();
  program
    .command('x-export')
    .description('write the report to an Excel workbook')
    .argument('<scenario>', 'scenario file, or - for standard input')
    .requiredOption('-o, --output <file>', 'the workbook to write (.xlsx)');
  program
    .command('x-completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh']));
  program
    .command('x-secret', { hidden: true })
    .argument('<scenario>', 'scenario file')
    .addOption(new Option('--token <token>', 'not shown').hideHelp())
    .option('--level <n>', 'how deep');
  program
    .command('x-weird')
    .description("choices that need quoting: it's [odd]: $HOME")
    .addOption(new Option('--pick <value>', 'one of "a b", it\'s, $HOME: [x]').choices(['a b', "it's", '$HOME', 'plain']))
    .option('-q, --quiet', 'say less');
  return program;
}

let dir: string;
let files: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'deal-model-completion-'));
  files = join(dir, 'files');
  mkdirSync(join(files, 'sub'), { recursive: true });
  mkdirSync(join(files, '.hidden'));
  for (const name of ['a.yaml', 'b.yml', 'notes.txt', 'sub/c.yaml', '.env']) writeFileSync(join(files, name), '');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let scriptCount = 0;
function scriptFile(text: string): string {
  const file = join(dir, `completion-${scriptCount++}.sh`);
  writeFileSync(file, text);
  return file;
}

const scripts = new Map<Command, string>();
function bashScriptFile(program: Command): string {
  let file = scripts.get(program);
  if (file === undefined) {
    file = scriptFile(completionScript('bash', program));
    scripts.set(program, file);
  }
  return file;
}

interface CompleteOptions {
  /** The command line as typed (default: the words joined by spaces); the cursor is at its end. */
  readonly line?: string;
  readonly cwd?: string;
}

/** What bash offers for `deal-model WORDS…`, the last word being the one completed ('' after a space). */
function complete(program: Command, words: readonly string[], options: CompleteOptions = {}): string[] {
  const line = options.line ?? ['deal-model', ...words].join(' ');
  const r = spawnSync(
    'bash',
    [
      '-c',
      `set -u
shopt -s nullglob failglob extglob
source "$1" || exit 9
shift
COMP_LINE=$1
shift
COMP_WORDS=(deal-model "$@")
COMP_CWORD=$#
COMP_POINT=\${#COMP_LINE}
_deal_model || exit 8
for reply in "\${COMPREPLY[@]}"; do printf '%s\\n' "$reply"; done`,
      'bash',
      bashScriptFile(program),
      line,
      ...words,
    ],
    { cwd: options.cwd ?? files, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' } },
  );
  if (r.error) throw r.error;
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  return r.stdout.split('\n').filter((l) => l !== '');
}

const sorted = (words: readonly string[]): string[] => [...words].sort();
const completes = (program: Command, words: readonly string[], options?: CompleteOptions): string[] => sorted(complete(program, words, options));

const COMMANDS = ['project', 'terminate', 'compare', 'check', 'validate', 'schema', 'init', 'help'];

/** The visible option names of a command ('' for the program), from the tree: short and long, or long only. */
function optionNames(program: Command, command: string, which: 'all' | 'long' = 'all'): string[] {
  const cmd = command === '' ? program : program.commands.find((c) => c.name() === command);
  if (cmd === undefined) throw new Error(`no command ${command}`);
  const names = cmd
    .createHelp()
    .visibleOptions(cmd)
    .flatMap((o) => [o.short, o.long])
    .filter((n): n is string => n !== undefined);
  return sorted(which === 'long' ? names.filter((n) => n.startsWith('--')) : names);
}
const visibleNames = (program: Command): string[] => program.createHelp().visibleCommands(program).map((c) => c.name());

describe('bash completion script', () => {
  const program = newProgram();

  it('is valid bash (bash -n)', () => {
    const r = spawnSync('bash', ['-n', bashScriptFile(program)], { encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('registers _deal_model with complete -o default -F', () => {
    const r = spawnSync('bash', ['-c', 'source "$1" && complete -p deal-model', 'bash', bashScriptFile(program)], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('complete -o default -F _deal_model deal-model');
  });

  it('defines only _deal_model* functions, no variables, no shell options', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `vars_before='' vars_after='' funcs_before='' funcs_after='' opts_before='' opts_after='' line=''
vars_before=$(compgen -v | sort)
funcs_before=$(compgen -A function | sort)
opts_before="$(shopt -p; set +o)"
source "$1"
COMP_LINE='deal-model project '
COMP_WORDS=(deal-model project '')
COMP_CWORD=2
COMP_POINT=\${#COMP_LINE}
_deal_model
COMP_WORDS=(deal-model project x.yaml --format '')
COMP_CWORD=4
COMP_LINE='deal-model project x.yaml --format '
COMP_POINT=\${#COMP_LINE}
_deal_model
vars_after=$(compgen -v | sort)
funcs_after=$(compgen -A function | sort)
opts_after="$(shopt -p; set +o)"
comm -13 <(printf '%s\\n' "$vars_before") <(printf '%s\\n' "$vars_after") | sed 's/^/var /'
comm -13 <(printf '%s\\n' "$funcs_before") <(printf '%s\\n' "$funcs_after") | sed 's/^/function /'
[[ $opts_before == "$opts_after" ]] || echo 'shell options changed'`,
        'bash',
        bashScriptFile(program),
      ],
      { cwd: files, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    const added = r.stdout.split('\n').filter((l) => l !== '');
    // COMPREPLY is how a completion function answers; COMP_* were set by this test
    const variables = added.filter((l) => l.startsWith('var ') && !/^var (COMPREPLY|COMP_\w+)$/.test(l));
    expect(variables).toEqual([]);
    const functions = added.filter((l) => l.startsWith('function '));
    expect(functions.length).toBeGreaterThan(0);
    for (const f of functions) expect(f).toMatch(/^function _deal_model(_\w+)?$/);
    expect(added.filter((l) => !l.startsWith('var ') && !l.startsWith('function '))).toEqual([]);
  });

  describe('commands', () => {
    it('offers every command after the program name', () => {
      expect(visibleNames(program)).toEqual(expect.arrayContaining(COMMANDS));
      expect(completes(program, [''])).toEqual(sorted(visibleNames(program)));
    });

    it('completes a command prefix', () => {
      expect(complete(program, ['pro'])).toEqual(['project']);
      expect(completes(program, ['c'])).toEqual(['chart', 'check', 'compare', 'completion']);
      expect(complete(program, ['xyz'])).toEqual([]);
    });

    it('offers the global options after -', () => {
      expect(optionNames(program, '')).toEqual(sorted(['-h', '--help', '-V', '--version']));
      expect(completes(program, ['-'])).toEqual(optionNames(program, ''));
      expect(completes(program, ['--'])).toEqual(optionNames(program, '', 'long'));
    });

    it('offers every command after help', () => {
      expect(completes(program, ['help', ''])).toEqual(sorted(visibleNames(program)));
      expect(complete(program, ['help', 'ter'])).toEqual(['terminate']);
    });

    it('offers nothing after an unknown command', () => {
      expect(complete(program, ['nope', ''])).toEqual([]);
      expect(complete(program, ['nope', '--'])).toEqual([]);
    });
  });

  describe('options', () => {
    it('completes a long option prefix', () => {
      expect(complete(program, ['project', '--f'])).toEqual(['--format']);
      expect(complete(program, ['project', 'x.yaml', '--n'])).toEqual(['--notice']);
    });

    it("offers the command's long options after --, and the short ones too after -", () => {
      expect(optionNames(program, 'project', 'long')).toEqual(expect.arrayContaining(['--notice', '--by', '--format', '--output', '--help']));
      expect(completes(program, ['project', 'x.yaml', '--'])).toEqual(optionNames(program, 'project', 'long'));
      expect(completes(program, ['project', 'x.yaml', '-'])).toEqual(optionNames(program, 'project'));
      expect(completes(program, ['check', 'a.yaml', '--'])).toEqual(optionNames(program, 'check', 'long'));
    });

    it('leaves out the options already given, by either name', () => {
      const long = optionNames(program, 'project', 'long');
      expect(completes(program, ['project', 'x.yaml', '--format', 'csv', '--'])).toEqual(long.filter((n) => n !== '--format'));
      expect(completes(program, ['project', 'x.yaml', '-f', 'csv', '-o', 'out.csv', '--'])).toEqual(long.filter((n) => n !== '--format' && n !== '--output'));
    });

    it('offers the options once every argument is given', () => {
      expect(completes(program, ['project', 'x.yaml', ''])).toEqual(optionNames(program, 'project', 'long'));
      expect(completes(program, ['schema', ''])).toEqual(optionNames(program, 'schema', 'long'));
    });
  });

  describe('option values', () => {
    it('--format: table csv json md', () => {
      expect(completes(program, ['project', 'x.yaml', '--format', ''])).toEqual(sorted(['table', 'csv', 'json', 'md']));
      expect(completes(program, ['project', 'x.yaml', '-f', ''])).toEqual(sorted(['table', 'csv', 'json', 'md']));
      expect(complete(program, ['compare', 'a.yaml', 'b.yaml', '--format', 'c'])).toEqual(['csv']);
    });

    it('--format=: split at = as by COMP_WORDBREAKS, or not', () => {
      const line = 'deal-model project x.yaml --format=';
      expect(completes(program, ['project', 'x.yaml', '--format', '='], { line })).toEqual(sorted(['table', 'csv', 'json', 'md']));
      expect(complete(program, ['project', 'x.yaml', '--format', '=', 'j'], { line: `${line}j` })).toEqual(['json']);
      expect(complete(program, ['project', 'x.yaml', '--format=j'], { line: `${line}j` })).toEqual(['--format=json']);
      // and a value given that way is skipped: the argument is still to come
      expect(completes(program, ['project', '--format', '=', 'csv', ''], { line: 'deal-model project --format=csv ' })).toEqual(
        sorted(['a.yaml', 'b.yml', 'sub/']),
      );
    });

    it('--every: month day; --by: customer provider', () => {
      expect(completes(program, ['terminate', 'x.yaml', '--every', ''])).toEqual(['day', 'month']);
      expect(completes(program, ['terminate', 'x.yaml', '--by', ''])).toEqual(['customer', 'provider']);
      expect(completes(program, ['project', 'x.yaml', '--by', ''])).toEqual(['customer', 'provider']);
    });

    it('--notice: nothing (a date)', () => {
      expect(complete(program, ['project', 'x.yaml', '--notice', ''])).toEqual([]);
      expect(complete(program, ['terminate', 'x.yaml', '--notice', '2027'])).toEqual([]);
    });

    it('-o/--output: every file and directory; --snapshots: directories', () => {
      const all = sorted(['a.yaml', 'b.yml', 'notes.txt', 'sub/']);
      expect(completes(program, ['project', 'x.yaml', '-o', ''])).toEqual(all);
      expect(completes(program, ['project', 'x.yaml', '--output', ''])).toEqual(all);
      expect(completes(program, ['compare', 'a.yaml', 'b.yml', '--output', 'n'])).toEqual(['notes.txt']);
      expect(completes(program, ['check', 'a.yaml', '--snapshots', ''])).toEqual(['sub/']);
    });

    it('skips option values when counting arguments', () => {
      // --format csv is an option and its value: the scenario is still to come
      expect(completes(program, ['project', '--format', 'csv', ''])).toEqual(sorted(['a.yaml', 'b.yml', 'sub/']));
      expect(completes(program, ['project', '--notice', '2027-01-01', '--by', 'provider', ''])).toEqual(sorted(['a.yaml', 'b.yml', 'sub/']));
    });
  });

  describe('scenario files', () => {
    // .txt files are not offered beside *.yaml, *.yml and directories; only when none of those match
    it('offers *.yaml, *.yml and directories, not other files', () => {
      expect(completes(program, ['project', ''])).toEqual(sorted(['a.yaml', 'b.yml', 'sub/']));
      expect(completes(program, ['validate', 'a.yaml', ''])).toEqual(sorted(['a.yaml', 'b.yml', 'sub/']));
      expect(completes(program, ['init', ''])).toEqual(sorted(['a.yaml', 'b.yml', 'sub/']));
    });

    it('offers every file when no scenario or directory matches', () => {
      expect(complete(program, ['project', 'n'])).toEqual(['notes.txt']);
    });

    it('completes in directories, and hidden names only once a . is typed', () => {
      expect(complete(program, ['project', 's'])).toEqual(['sub/']);
      expect(complete(program, ['project', 'sub/'])).toEqual(['sub/c.yaml']);
      expect(complete(program, ['project', '.h'])).toEqual(['.hidden/']);
      // a directory matches: .env is not a scenario
      expect(completes(program, ['project', '.'])).toEqual(['.hidden/']);
      expect(completes(program, ['project', 'x.yaml', '-o', '.'])).toEqual(sorted(['.hidden/', '.env']));
    });

    it('counts - (standard input) as the argument, not as an option', () => {
      expect(completes(program, ['project', '-', '--format', ''])).toEqual(sorted(['table', 'csv', 'json', 'md']));
      expect(completes(program, ['project', '-', ''])).toEqual(optionNames(program, 'project', 'long'));
    });

    it('offers files after -- even where options would be', () => {
      expect(completes(program, ['compare', 'a.yaml', '--', ''])).toEqual(sorted(['a.yaml', 'b.yml', 'sub/']));
    });

    it('completes only the part of the word before the cursor', () => {
      expect(complete(program, ['project', 'x.yaml', '--format', 'cjunk'], { line: 'deal-model project x.yaml --format c' })).toEqual(['csv']);
    });
  });

  describe('every option of every command', () => {
    const commands = program.commands;
    it.each(commands.map((c) => [c.name(), c] as const))('%s: every option is offered after -, every choice after its option', (name, cmd) => {
      const options = cmd.createHelp().visibleOptions(cmd);
      expect(completes(program, [name, '-'])).toEqual(optionNames(program, name));
      for (const option of options) {
        if (option.argChoices === undefined) continue;
        for (const flag of [option.short, option.long]) {
          if (flag === undefined) continue;
          expect(completes(program, [name, flag, ''])).toEqual(sorted(option.argChoices));
        }
      }
    });

    it('the global options too', () => {
      expect(completes(program, ['-'])).toEqual(optionNames(program, ''));
    });
  });

  describe('commands added later are completed without a change to the generator', () => {
    const extended = extendedProgram();

    it('lists new commands, not hidden ones', () => {
      expect(visibleNames(extended)).not.toContain('x-secret');
      expect(completes(extended, [''])).toEqual(sorted([...visibleNames(program), 'x-export', 'x-completion', 'x-weird']));
      expect(completes(extended, ['help', ''])).toEqual(sorted([...visibleNames(program), 'x-export', 'x-completion', 'x-weird']));
    });

    it("completes an argument's choices: completion bash|zsh", () => {
      expect(completes(extended, ['x-completion', ''])).toEqual(['bash', 'zsh']);
      expect(complete(extended, ['x-completion', 'z'])).toEqual(['zsh']);
      expect(complete(extended, ['x-completion', 'bash', ''])).toEqual(['--help']);
    });

    it('x-export -o: files', () => {
      expect(completes(extended, ['x-export', 'a.yaml', '-o', ''])).toEqual(sorted(['a.yaml', 'b.yml', 'notes.txt', 'sub/']));
      expect(completes(extended, ['x-export', ''])).toEqual(sorted(['a.yaml', 'b.yml', 'sub/']));
    });

    it('completes a hidden command once typed, without its hidden options, but skips their values', () => {
      expect(completes(extended, ['x-secret', 'a.yaml', '--'])).toEqual(['--help', '--level']);
      expect(completes(extended, ['x-secret', '--token', 'abc', ''])).toEqual(sorted(['a.yaml', 'b.yml', 'sub/']));
      expect(complete(extended, ['x-secret', 'a.yaml', '--level', ''])).toEqual([]);
    });

    it('completes the real completion command, once there is one, with its shells', (t) => {
      const completion = program.commands.find((c) => c.name() === 'completion');
      if (completion === undefined) t.skip('no completion command in src/cli/program.ts yet');
      expect(completes(program, ['completion', ''])).toEqual(sorted(completion!.registeredArguments[0]?.argChoices ?? []));
      expect(completes(program, ['completion', ''])).toEqual(['bash', 'zsh']);
    });

    it('quotes choices for the command line', () => {
      expect(completes(extended, ['x-weird', '--pick', ''])).toEqual(sorted(['a\\ b', "it\\'s", '\\$HOME', 'plain']));
      expect(complete(extended, ['x-weird', '-q', '--pick', 'p'])).toEqual(['plain']);
    });
  });
});

const hasZsh = hasTool('zsh');
const NO_ZSH = 'zsh is not installed (Debian package `zsh`): the zsh script is not run';

/**
 * An interactive zsh in a pseudo-terminal (zsh/zpty) with compinit and the
 * script loaded, and compadd wrapped to print each match (a directory with
 * its /) and each description list; the line is typed, then TAB.
 */
const ZSH_SETUP = `PROMPT='' RPROMPT=''
COLUMNS=400
unsetopt zle_bracketed_paste 2>/dev/null
if [[ -n $DM_FPATH ]]; then
  fpath=($DM_FPATH $fpath)
  autoload -Uz compinit && compinit -u -D
else
  autoload -Uz compinit && compinit -u -d "$DM_DUMP"
  source "$DM_SCRIPT"
fi
zstyle ':completion:*' insert-tab false
zstyle ':completion:*' list-grouped false
bindkey '^I' complete-word
_dm_begin() { print -r -- $'\\nDM-BEGIN' }
_dm_end() { print -r -- $'\\nDM-END'; exit }
compprefuncs=(_dm_begin)
comppostfuncs=(_dm_end)
compadd() {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then
    builtin compadd "$@"
    return
  fi
  local -a _dm_hits
  local _dm_hit _dm_d
  builtin compadd -A _dm_hits "$@"
  for _dm_hit in $_dm_hits; do
    [[ -d $_dm_hit && \${@[1,(i)(-|--)]} == *-[a-zA-Z]#f* ]] && _dm_hit+=/
    print -r -- "DM-MATCH:$_dm_hit"
  done
  if (( $@[(I)-d] )); then
    _dm_d=\${@[$(( \${@[(i)-d]} + 1 ))]}
    print -rl -- "DM-DESC:"\${(P)^_dm_d}
  fi
  builtin compadd "$@"
}
print -r -- SETUP-OK
`;

const ZSH_DRIVE = `zmodload zsh/zpty || exit 3
zpty z zsh -f -i
zpty -w z "source \${(q)DM_SETUP}"
zpty -r z out '*SETUP-OK*' || exit 4
zpty -w -n z "$1"$'\\t'
zpty -r z out '*DM-END*' || exit 5
print -r -- "$out"
zpty -d z
`;

interface ZshCompletion {
  readonly matches: string[];
  readonly descriptions: string[];
}

const zshScripts = new Map<Command, string>();
let zshDriver: { setup: string; drive: string } | undefined;
function zshComplete(program: Command, words: string, options: { autoload?: boolean } = {}): ZshCompletion {
  let script = zshScripts.get(program);
  if (script === undefined) {
    script = scriptFile(completionScript('zsh', program));
    zshScripts.set(program, script);
  }
  let fpath = '';
  if (options.autoload) {
    fpath = mkdtempSync(join(dir, 'fpath-'));
    writeFileSync(join(fpath, '_deal-model'), completionScript('zsh', program));
  }
  zshDriver ??= { setup: scriptFile(ZSH_SETUP), drive: scriptFile(ZSH_DRIVE) };
  const r = spawnSync('zsh', ['-f', zshDriver.drive, `deal-model ${words}`], {
    cwd: files,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      TERM: 'xterm',
      LANG: 'C.UTF-8',
      DM_SETUP: zshDriver.setup,
      DM_SCRIPT: script,
      DM_DUMP: join(dir, 'zcompdump'),
      DM_FPATH: fpath,
    },
  });
  if (r.error) throw r.error;
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  const lines = r.stdout.split(/\r?\n/).map((l) => l.replace(/\r/g, ''));
  const begin = lines.findIndex((l) => l.endsWith('DM-BEGIN'));
  expect(begin).toBeGreaterThanOrEqual(0);
  const body = lines.slice(begin + 1);
  const matches = [...new Set(body.flatMap((l) => /DM-MATCH:(.*)$/.exec(l)?.[1] ?? []))];
  const descriptions = body.flatMap((l) => /DM-DESC:(.*)$/.exec(l)?.[1] ?? []);
  return { matches, descriptions };
}

const zshCompletes = (program: Command, words: string, options?: { autoload?: boolean }): string[] =>
  sorted(zshComplete(program, words, options).matches);

describe('zsh completion script', () => {
  const program = newProgram();
  const script = completionScript('zsh', program);
  const extended = extendedProgram();
  const extendedScript = completionScript('zsh', extended);

  it('is a #compdef file using _arguments and _describe', () => {
    expect(script.startsWith('#compdef deal-model\n')).toBe(true);
    expect(script).toContain('_arguments');
    expect(script).toContain('_describe');
  });

  it('holds every visible command with its description, not hidden ones', () => {
    for (const cmd of extended.createHelp().visibleCommands(extended)) {
      expect(extendedScript).toContain(`'${cmd.name()}:${cmd.description().replace(/'/g, "'\\''")}'`);
    }
    expect(extendedScript).not.toContain("'x-secret:");
    expect(extendedScript).toContain("('x-secret')"); // still completed once typed
  });

  it('holds every option of every command, with its description and choices', () => {
    const zshEscape = (text: string): string => text.replace(/[\\[\]:]/g, (c) => `\\${c}`).replace(/'/g, "'\\''");
    for (const cmd of [program, ...program.commands]) {
      for (const option of cmd.createHelp().visibleOptions(cmd)) {
        for (const flag of [option.short, option.long]) {
          if (flag === undefined) continue;
          const suffix = option.required ? (flag.startsWith('--') ? '=' : '+') : '';
          expect(script).toContain(`${flag}${suffix}[${zshEscape(option.description)}]`);
          if (option.argChoices) expect(script).toContain(`:(${option.argChoices.join(' ')})`);
        }
      }
    }
  });

  describe('run by zsh', () => {
    it('is valid zsh (zsh -n)', (t) => {
      if (!hasZsh) t.skip(NO_ZSH);
      for (const text of [script, extendedScript]) {
        const r = spawnSync('zsh', ['-n', scriptFile(text)], { encoding: 'utf8' });
        expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      }
    });

    it('registers _deal_model for deal-model when sourced after compinit', (t) => {
      if (!hasZsh) t.skip(NO_ZSH);
      const r = spawnSync(
        'zsh',
        ['-f', '-c', 'autoload -Uz compinit && compinit -u -D && source "$1" && print -r -- "$_comps[deal-model]" && whence -w _deal_model _deal_model_commands', 'zsh', scriptFile(script)],
        { cwd: files, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir } },
      );
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      expect(r.stdout).toBe('_deal_model\n_deal_model: function\n_deal_model_commands: function\n');
    });

    it('completes commands, sourced or autoloaded from $fpath as _deal-model', (t) => {
      if (!hasZsh) t.skip(NO_ZSH);
      expect(zshCompletes(program, '')).toEqual(sorted(visibleNames(program)));
      expect(zshCompletes(program, '', { autoload: true })).toEqual(sorted(visibleNames(program)));
      expect(zshCompletes(program, 'pro')).toEqual(['project']);
      expect(zshCompletes(program, '-')).toEqual(optionNames(program, ''));
      expect(zshCompletes(program, 'help ')).toEqual(sorted(visibleNames(program)));
    });

    it('describes the commands and options', (t) => {
      if (!hasZsh) t.skip(NO_ZSH);
      // as commander has them: colons, quotes and brackets unescaped
      const described = (lines: readonly string[], name: string, description: string): boolean =>
        lines.some((l) => l.startsWith(`${name} `) && l.replace(/^\S+ +-- /, '') === description);
      const commands = zshComplete(program, '').descriptions;
      for (const cmd of program.createHelp().visibleCommands(program)) {
        expect({ command: cmd.name(), described: described(commands, cmd.name(), cmd.description()) }).toEqual({ command: cmd.name(), described: true });
      }
      const terminate = program.commands.find((c) => c.name() === 'terminate')!;
      const options = zshComplete(program, 'terminate x.yaml --').descriptions;
      for (const option of terminate.options) {
        expect({ option: option.long, described: described(options, option.long!, option.description) }).toEqual({ option: option.long, described: true });
      }
      const weird = zshComplete(extended, 'x-weird --').descriptions;
      expect(weird.some((d) => d.endsWith(`-- one of "a b", it's, $HOME: [x]`))).toBe(true);
    });

    it('completes options and their values', (t) => {
      if (!hasZsh) t.skip(NO_ZSH);
      expect(zshCompletes(program, 'project --f')).toEqual(['--format']);
      expect(zshCompletes(program, 'project x.yaml --')).toEqual(optionNames(program, 'project', 'long'));
      expect(zshCompletes(program, 'project x.yaml --format ')).toEqual(sorted(['table', 'csv', 'json', 'md']));
      expect(zshCompletes(program, 'project x.yaml --format=')).toEqual(sorted(['table', 'csv', 'json', 'md']));
      expect(zshCompletes(program, 'project - -f ')).toEqual(sorted(['table', 'csv', 'json', 'md']));
      expect(zshCompletes(program, 'terminate x.yaml --every ')).toEqual(['day', 'month']);
      expect(zshCompletes(program, 'terminate x.yaml --by ')).toEqual(['customer', 'provider']);
      expect(zshCompletes(program, 'project x.yaml --notice ')).toEqual([]);
    });

    it('completes files: scenarios, any file for -o, directories for --snapshots', (t) => {
      if (!hasZsh) t.skip(NO_ZSH);
      expect(zshCompletes(program, 'project ')).toEqual(sorted(['a.yaml', 'b.yml', 'sub/']));
      expect(zshCompletes(program, 'compare a.yaml ')).toEqual(sorted(['a.yaml', 'b.yml', 'sub/']));
      expect(zshCompletes(program, 'project n')).toEqual(['notes.txt']);
      expect(zshCompletes(program, 'project x.yaml -o ')).toEqual(sorted(['a.yaml', 'b.yml', 'notes.txt', 'sub/']));
      expect(zshCompletes(program, 'check a.yaml --snapshots ')).toEqual(['sub/']);
    });

    it('offers every option of every command', (t) => {
      if (!hasZsh) t.skip(NO_ZSH);
      for (const cmd of program.commands) {
        const options = zshCompletes(program, `${cmd.name()} -`);
        expect({ command: cmd.name(), options }).toEqual({ command: cmd.name(), options: optionNames(program, cmd.name()) });
      }
    });

    it('completes commands added later: choices of an argument, quoting, hidden commands', (t) => {
      if (!hasZsh) t.skip(NO_ZSH);
      expect(zshCompletes(extended, '')).toEqual(sorted([...visibleNames(program), 'x-export', 'x-completion', 'x-weird']));
      expect(zshCompletes(extended, 'x-completion ')).toEqual(['bash', 'zsh']);
      expect(zshCompletes(extended, 'x-export a.yaml -o ')).toEqual(sorted(['a.yaml', 'b.yml', 'notes.txt', 'sub/']));
      // as they are inserted on the command line
      expect(zshCompletes(extended, 'x-weird --pick ')).toEqual(sorted(['a\\ b', "it\\'s", '\\$HOME', 'plain']));
      expect(zshCompletes(extended, 'x-secret a.yaml --')).toEqual(['--help', '--level']);
    });
  });
});
