/**
 * Colour is decided once, here: NO_COLOR (any non-empty value) > FORCE_COLOR
 * > whether the destination is a terminal. chalk ignores NO_COLOR and
 * cli-table3 colours even into pipes, so neither decides by itself.
 */
import type { Paint } from '../report/table.js';
import { PLAIN } from '../report/table.js';

export function useColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

export async function paintFor(color: boolean): Promise<Paint> {
  if (!color) return PLAIN;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { bold: (t) => chalk.bold(t), dim: (t) => chalk.dim(t), red: (t) => chalk.red(t) };
}
