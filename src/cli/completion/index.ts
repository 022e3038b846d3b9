/**
 * `deal-model completion bash|zsh`: shell completion scripts generated from
 * the commander program tree, so a command, option or choice added to
 * program.ts is completed without a change here.
 *
 * tree.ts reads the program tree into plain data (what it tells, and how a
 * value's kind is read from its name); bash.ts and zsh.ts write the scripts
 * from that data.
 */
import type { Command } from 'commander';
import { bashScript } from './bash.js';
import { programSpec } from './tree.js';
import { zshScript } from './zsh.js';

export type Shell = 'bash' | 'zsh';

/** The completion script of `program` for `shell`, from its commands and options as they are now. */
export function completionScript(shell: Shell, program: Command): string {
  const spec = programSpec(program);
  switch (shell) {
    case 'bash':
      return bashScript(spec);
    case 'zsh':
      return zshScript(spec);
  }
}
