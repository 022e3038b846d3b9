/**
 * `deal-model check <scenario...> [--snapshots DIR] [--update]`: regression
 * of scenario outputs for CI (SPEC §5), all files in one process.
 *
 * For each scenario: its canonical result against DIR/<name>.json (every
 * changed value printed as `path: old → new`), and its own `expect:` block.
 * The report goes to standard output, invalid or unreadable scenarios to
 * standard error. Exit 1 if any scenario differs, misses its snapshot or
 * fails an expectation; otherwise 4 if a file could not be read, 3 if a
 * scenario is invalid; else 0. Every file is checked whatever came before.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { DealModelError, EXIT_CODES, formatIssue, usageError } from '../../errors.js';
import { canonical, snapshotText } from '../../regression/canonical.js';
import { diff, formatChange } from '../../regression/diff.js';
import { checkExpectations } from '../../regression/expectations.js';
import type { Context } from '../context.js';
import { reason, writeAtomically } from '../io.js';
import { progress, type Progress } from '../progress.js';
import { loadArg } from './common.js';

export interface CheckOptions {
  readonly snapshots?: string;
  readonly update?: boolean;
}

/** DIR/<scenario file name without extension>.json */
export function snapshotPath(dir: string, scenarioFile: string): string {
  const name = basename(scenarioFile);
  return join(dir, `${name.slice(0, name.length - extname(name).length)}.json`);
}

function snapshotsFor(files: readonly string[], dir: string): Map<string, string> {
  const byFile = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const file of files) {
    if (file === '-') throw usageError("error: a scenario from standard input (-) has no name for its snapshot: give a file with --snapshots");
    const path = snapshotPath(dir, file);
    const other = seen.get(path);
    if (other !== undefined && other !== file) {
      throw usageError(`error: ${other} and ${file} would share the snapshot ${path}: check them with separate --snapshots folders`);
    }
    seen.set(path, file);
    byFile.set(file, path);
  }
  return byFile;
}

type Verdict = 'ok' | 'differs' | 'unchecked';

export async function checkCommand(files: readonly string[], options: CheckOptions, outer: Context): Promise<number> {
  const shown = progress(outer, 'checking', files);
  try {
    return await checkFiles(files, options, shown);
  } finally {
    shown.end();
  }
}

async function checkFiles(files: readonly string[], options: CheckOptions, { ctx, step }: Progress): Promise<number> {
  if (options.update && options.snapshots === undefined) throw usageError("error: option '--update' needs '--snapshots <dir>': it writes the snapshots there");
  const snapshots = options.snapshots === undefined ? undefined : snapshotsFor(files, options.snapshots);
  if (options.update && options.snapshots !== undefined) await makeFolder(options.snapshots);

  let checked = 0;
  let differ = 0;
  let invalid = 0;
  let unreadable = 0;
  const out = (line: string): void => void ctx.stdout.write(`${line}\n`);

  for (const [index, file] of files.entries()) {
    step(index, file);
    let scenario;
    try {
      scenario = await loadArg(file, ctx);
    } catch (error) {
      if (!(error instanceof DealModelError) || (error.kind !== 'input' && error.kind !== 'io')) throw error;
      for (const line of error.lines()) ctx.stderr.write(`${line}\n`);
      if (error.kind === 'io') unreadable++;
      else invalid++;
      continue;
    }
    checked++;
    const result = canonical(scenario);
    const notes: string[] = [];
    let verdict: Verdict = 'ok';

    const failures = checkExpectations(result, scenario.expect);
    for (const f of failures) {
      const { line, column } = f.expectation.position;
      out(formatIssue({ location: { file: scenario.origin?.file ?? file, line, column, path: `expect.${f.expectation.path}` }, message: f.message }));
    }
    if (failures.length > 0) verdict = 'differs';
    if (scenario.expect.length > 0) notes.push(`${scenario.expect.length - failures.length} of ${scenario.expect.length} expectations met`);

    const snapshot = snapshots?.get(file);
    if (snapshot !== undefined) {
      const text = snapshotText(result);
      if (options.update) {
        const before = readSnapshot(snapshot);
        if (before !== text) await writeAtomically(snapshot, text);
        notes.push(before === text ? `snapshot ${snapshot} unchanged` : before === undefined ? `snapshot ${snapshot} written` : `snapshot ${snapshot} updated`);
      } else {
        const before = readSnapshot(snapshot);
        if (before === undefined) {
          out(`${file}: no snapshot ${snapshot}: run with --update to write it`);
          verdict = 'differs';
        } else {
          // byte-equal is the common case; otherwise compare value by value (a reformatted snapshot still matches)
          const changes = before === text ? [] : compareSnapshot(before, result);
          if (changes === undefined) {
            out(`${file}: snapshot ${snapshot} is not valid JSON: run with --update to rewrite it`);
            verdict = 'differs';
          } else if (changes.length > 0) {
            out(`${file}: ${changes.length} ${changes.length === 1 ? 'value differs' : 'values differ'} from ${snapshot}`);
            for (const change of changes) out(`  ${change}`);
            verdict = 'differs';
          } else {
            notes.push(`matches ${snapshot}`);
          }
        }
      }
    } else if (scenario.expect.length === 0) {
      verdict = 'unchecked';
      ctx.stderr.write(`${file}: unchecked: no expect: block and no --snapshots\n`);
    }

    if (verdict === 'differs') differ++;
    else if (verdict === 'ok') out(`${file}: ok (${notes.join(', ')})`);
  }

  const extra = [invalid > 0 ? `${invalid} invalid` : '', unreadable > 0 ? `${unreadable} unreadable` : ''].filter((s) => s !== '');
  out(`${checked} scenario${checked === 1 ? '' : 's'} checked, ${differ} differ${extra.length > 0 ? `, ${extra.join(', ')}` : ''}`);
  if (differ > 0) return EXIT_CODES.difference;
  if (unreadable > 0) return EXIT_CODES.io;
  if (invalid > 0) return EXIT_CODES.input;
  return EXIT_CODES.ok;
}

async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new DealModelError('io', `${dir}: cannot create the snapshot folder: ${reason(error)}`);
  }
}

/** Synchronous, like scenario reads: a thousand snapshots gain nothing from the thread pool. */
function readSnapshot(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DealModelError('io', `${path}: cannot read the snapshot: ${reason(error)}`);
  }
}

/** The changed values, or undefined when the snapshot is not JSON. */
function compareSnapshot(before: string, result: unknown): string[] | undefined {
  let old: unknown;
  try {
    old = JSON.parse(before);
  } catch {
    return undefined;
  }
  return diff(old, JSON.parse(JSON.stringify(result)) as unknown).map(formatChange);
}
