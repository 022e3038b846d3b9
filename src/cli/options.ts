/**
 * The options several commands share (format, output, notice, party, --set)
 * and their parsers: a malformed value is a usage error (exit 2).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InvalidArgumentError, Option, type Argument, type Command } from 'commander';
import { usageError } from '../errors.js';
import { parseIsoDate, type Day } from '../model/calendar.js';
import { FORMATS, type Format } from '../report/render.js';
import type { Party } from '../scenario/types.js';

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

/**
 * Choices matched without regard to case (`--format CSV`, SPEC §7): the
 * value is lower-cased, then checked; help and completion still list them.
 */
export function anyCase<T extends Option | Argument>(option: T, values: readonly string[]): T {
  option.choices(values);
  option.argParser((value: string) => {
    const lower = value.toLowerCase();
    if (!values.includes(lower)) throw new InvalidArgumentError(`Allowed choices are ${values.join(', ')}.`);
    return lower;
  });
  return option;
}

/** `--wide`: every column of a table, also on a narrow terminal. */
export const wideOption = (): Option => new Option('--wide', 'show every column of a table on a terminal (by default columns are left out to fit its width)');

export const formatOption = (): Option => anyCase(new Option('-f, --format <format>', 'output format (with -o FILE and no --format: from the extension)'), FORMATS).default('table');

/** The format a known extension of -o names. */
const BY_EXTENSION: Readonly<Record<string, Format>> = { '.csv': 'csv', '.json': 'json', '.md': 'md' };
/** Targets of the commands that write them: export, chart, report. */
const FILE_FORMATS: Readonly<Record<string, string>> = { '.xlsx': 'deal-model export', '.svg': 'deal-model chart', '.html': 'deal-model report' };

/**
 * `-o FILE` without `--format` takes the format from the extension (SPEC §7);
 * a `--format` that contradicts a known extension, or a workbook, chart or
 * report target, is a usage error before anything is read.
 */
export function outputFormat(command: Command): void {
  const { output, format } = command.opts<{ output?: string; format?: Format }>();
  if (output === undefined || output === '-' || format === undefined) return;
  const ext = extname(output).toLowerCase();
  const fail = (why: string): never => {
    throw usageError(`error: option '-o ${output}': ${why}\n(run with --help for usage)`);
  };
  if (FILE_FORMATS[ext]) fail(`${command.name()} writes table, csv, json or md, not a ${ext} file: use ${FILE_FORMATS[ext]} for that`);
  const implied = BY_EXTENSION[ext];
  if (command.getOptionValueSource('format') === 'default') {
    command.setOptionValue('format', implied ?? 'table');
  } else if (implied && implied !== format) {
    fail(`the extension ${ext} is ${implied}, but --format is ${format}: give one of them, or make them agree`);
  }
}

/** `--notice DATE`: a malformed date is a usage error (exit 2); a date outside the term is the scenario's (exit 3). */
export function noticeDate(text: string): Day {
  const parsed = parseIsoDate(text);
  if (parsed.ok) return parsed.day;
  throw new InvalidArgumentError(`expected a date YYYY-MM-DD${parsed.reason === 'calendar' ? ` (${parsed.detail})` : ''}.`);
}

export function positiveCount(text: string): number {
  if (!/^[1-9][0-9]{0,3}$/.test(text)) throw new InvalidArgumentError('expected a whole number from 1 to 9999.');
  return Number(text);
}

/** `--set PATH=VALUE`, repeatable: the texts in command-line order, parsed by the command (a malformed one is exit 2). */
export const setOption = (): Option =>
  new Option('--set <path=value>', 'set one value after extends is resolved, before validation (repeatable, applied in order), e.g. --set pricing.monthly_fee=1.3B')
    .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);

export const outputOption = (): Option => new Option('-o, --output <file>', 'write to FILE (atomically) instead of standard output');

export const noticeOption = (): Option => new Option('--notice <date>', 'a notice given on DATE (YYYY-MM-DD)').argParser(noticeDate);
export const byOption = (what: string): Option =>
  anyCase(new Option('--by <party>', `the party that gives notice (default: the customer when allowed, else the provider)${what}`), ['customer', 'provider']);

/** `--by` names the party of a notice: without `--notice` it means nothing (project, export, chart). */
export function needsNotice(options: { notice?: Day; by?: Party }): void {
  if (options.by !== undefined && options.notice === undefined) {
    throw usageError("error: option '--by <party>' needs '--notice <date>': a party gives a notice on a date\n(run with --help for usage)");
  }
}

export interface ReportOptions {
  format: Format;
  output?: string;
  notice?: Day;
  by?: Party;
  set?: string[];
}
