/**
 * `--set PATH=VALUE` (SPEC §8): PATH in the message form of key paths
 * (`pricing.monthly_fee`, `pricing.ramp[0].discount`), VALUE YAML flow
 * content read by the same loader as a file. A malformed option is the
 * command line's mistake (exit 2); a value that does not fit the scenario
 * is the scenario's (exit 3), reported as coming from that option.
 */
import { usageError } from '../errors.js';
import type { Step } from './merge.js';

export interface SetOption {
  /** The option as given, `pricing.monthly_fee=1.3B`: positions name it `--set pricing.monthly_fee=1.3B`. */
  readonly text: string;
  readonly path: string;
  readonly steps: readonly Step[];
  readonly value: string;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*/;
const INDEX = /^\[(\d{1,6})\]/;

/** A key path in the message form (`pricing.ramp[0].discount`) as steps, or why it is not one. */
export function parsePath(path: string): Step[] | string {
  const steps: Step[] = [];
  let rest = path;
  while (rest !== '') {
    const key = steps.length === 0 || rest.startsWith('.') ? KEY.exec(steps.length === 0 ? rest : rest.slice(1)) : null;
    if (key) {
      steps.push({ key: key[0] });
      rest = rest.slice((steps.length === 1 ? 0 : 1) + key[0].length);
      continue;
    }
    const index = steps.length > 0 ? INDEX.exec(rest) : null;
    if (index) {
      steps.push({ index: Number(index[1]) });
      rest = rest.slice(index[0].length);
      continue;
    }
    return `${JSON.stringify(path)} is not a key path (keys joined by ".", list items as [0])`;
  }
  return steps.length === 0 ? 'the path is empty' : steps;
}

/** Parse one `--set` option; a usage error (exit 2) when it is not PATH=VALUE with a well-formed PATH. */
export function parseSetOption(text: string): SetOption {
  const eq = text.indexOf('=');
  const bad = (why: string): never => {
    throw usageError(`error: option '--set ${text}': ${why}: write --set PATH=VALUE, such as --set pricing.monthly_fee=1.3B or --set 'pricing.ramp[0].discount=40%'\n(run with --help for usage)`);
  };
  if (eq < 0) bad('no "=" between the path and the value');
  const path = text.slice(0, eq).trim();
  if (path === '') bad('the path before "=" is empty');
  const steps = parsePath(path);
  if (typeof steps === 'string') return bad(steps);
  return { text, path, steps, value: text.slice(eq + 1) };
}

/** Every `--set` of a command line, in order; the first malformed one is a usage error. */
export function parseSetOptions(texts: readonly string[] | undefined): SetOption[] {
  return (texts ?? []).map(parseSetOption);
}

/** The position of values from this option: `--set PATH=VALUE`, no line. */
export const setLabel = (option: SetOption): string => `--set ${option.text}`;
