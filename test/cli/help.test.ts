/** Every command's --help shows its options and at least one example of itself. */
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const commands = (): string[] => {
  const help = run(['--help']).stdout;
  const section = help.slice(help.indexOf('Commands:'), help.indexOf('Examples:'));
  return [...section.matchAll(/^ {2}(\w+)/gm)].map((m) => m[1]!);
};

describe('--help', () => {
  it('lists every command', () => {
    expect(commands()).toEqual(['project', 'terminate', 'economics', 'portfolio', 'sensitivity', 'export', 'chart', 'compare', 'report', 'check', 'validate', 'resolve', 'schema', 'init', 'completion', 'help']);
  });

  it.each(commands())('%s --help has examples of itself', (name) => {
    const r = run([name, '--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^Usage: deal-model ${name} `));
    expect(r.stdout).toContain('\nExamples:\n');
    expect(r.stdout).toMatch(new RegExp(`^ {2}\\$ (source <\\()?deal-model ${name}\\b`, 'm'));
    // `help <command>` says the same
    expect(run(['help', name]).stdout).toBe(r.stdout);
  });
});
