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
import { snapshotText } from '../../regression/canonical.js';
import { diff, formatChange } from '../../regression/diff.js';
import { checkExpectations } from '../../regression/expectations.js';
import type { Context } from '../context.js';
import { reason, writeAtomically } from '../io.js';
import { progress } from '../progress.js';
import { PARALLEL_FROM, checkInParallel, defaultJobs, type Shared } from './check-parallel.js';
import { readCheckable, type Checkable } from './checkable.js';

export interface CheckOptions {
  readonly snapshots?: string;
  readonly update?: boolean;
  /** Files checked at once (worker threads); default: one fewer than the cores. */
  readonly jobs?: number;
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

/** What checking one file found: its lines for each stream, and how it counts in the summary. */
export interface FileResult {
  readonly out: readonly string[];
  readonly err: readonly string[];
  readonly verdict: 'ok' | 'differs' | 'unchecked' | 'invalid' | 'unreadable';
}

export async function checkCommand(files: readonly string[], options: CheckOptions, outer: Context): Promise<number> {
  if (options.update && options.snapshots === undefined) throw usageError("error: option '--update' needs '--snapshots <dir>': it writes the snapshots there");
  const snapshots = options.snapshots === undefined ? undefined : snapshotsFor(files, options.snapshots);
  if (options.update && options.snapshots !== undefined) await makeFolder(options.snapshots);

  const shown = progress(outer, 'checking', files);
  const { ctx } = shown;
  const counts = { checked: 0, differs: 0, invalid: 0, unreadable: 0 };
  let shared: Shared | undefined;
  try {
    const jobs = Math.min(options.jobs ?? defaultJobs(), Math.floor(files.length / PARALLEL_FROM));
    shared = jobs > 1 ? checkInParallel(files, snapshots, options, jobs) : undefined;
    // lets the tests see that the files were shared out (the output is the same either way)
    if (outer.env.DEAL_MODEL_TRACE_JOBS === '1') outer.stderr.write(`check: ${shared ? jobs : 1} thread${shared ? 's' : ''}\n`);
    for (const [index, file] of files.entries()) {
      shown.step(index, file);
      const r = shared ? await shared.result(index) : await checkFile(file, snapshots?.get(file), options, ctx);
      for (const line of r.err) ctx.stderr.write(`${line}\n`);
      for (const line of r.out) ctx.stdout.write(`${line}\n`);
      if (r.verdict === 'invalid') counts.invalid++;
      else if (r.verdict === 'unreadable') counts.unreadable++;
      else {
        counts.checked++;
        if (r.verdict === 'differs') counts.differs++;
      }
    }
  } finally {
    shared?.close();
    shown.end();
  }

  const { checked, differs, invalid, unreadable } = counts;
  const extra = [invalid > 0 ? `${invalid} invalid` : '', unreadable > 0 ? `${unreadable} unreadable` : ''].filter((s) => s !== '');
  ctx.stdout.write(`${checked} scenario${checked === 1 ? '' : 's'} checked, ${differs} differ${extra.length > 0 ? `, ${extra.join(', ')}` : ''}\n`);
  if (differs > 0) return EXIT_CODES.difference;
  if (unreadable > 0) return EXIT_CODES.io;
  if (invalid > 0) return EXIT_CODES.input;
  return EXIT_CODES.ok;
}

/** One scenario against its snapshot and its `expect:` block. */
export async function checkFile(file: string, snapshot: string | undefined, options: CheckOptions, ctx: Context): Promise<FileResult> {
  const out: string[] = [];
  const err: string[] = [];
  let checked: Checkable;
  try {
    checked = await readCheckable(file, ctx);
  } catch (error) {
    if (!(error instanceof DealModelError) || (error.kind !== 'input' && error.kind !== 'io')) throw error;
    return { out, err: error.lines(), verdict: error.kind === 'io' ? 'unreadable' : 'invalid' };
  }
  err.push(...checked.warnings);
  const { result, scenario } = checked;
  const notes: string[] = [];
  let verdict: FileResult['verdict'] = 'ok';

  const failures = checkExpectations(result, scenario.expect);
  for (const f of failures) {
    const { line, column } = f.expectation.position;
    out.push(formatIssue({ location: { file: scenario.origin?.file ?? file, line, column, path: `expect.${f.expectation.path}` }, message: f.message }));
  }
  if (failures.length > 0) verdict = 'differs';
  if (scenario.expect.length > 0) notes.push(`${scenario.expect.length - failures.length} of ${scenario.expect.length} expectations met`);

  if (snapshot !== undefined) {
    const text = snapshotText(result);
    if (options.update) {
      const before = readSnapshot(snapshot);
      if (before !== text) await writeAtomically(snapshot, text);
      notes.push(before === text ? `snapshot ${snapshot} unchanged` : before === undefined ? `snapshot ${snapshot} written` : `snapshot ${snapshot} updated`);
    } else {
      const before = readSnapshot(snapshot);
      if (before === undefined) {
        out.push(`${file}: no snapshot ${snapshot}: run with --update to write it`);
        verdict = 'differs';
      } else {
        // byte-equal is the common case; otherwise compare value by value (a reformatted snapshot still matches)
        const changes = before === text ? [] : compareSnapshot(before, result);
        if (changes === undefined) {
          out.push(`${file}: snapshot ${snapshot} is not valid JSON: run with --update to rewrite it`);
          verdict = 'differs';
        } else if (changes.length > 0) {
          out.push(`${file}: ${changes.length} ${changes.length === 1 ? 'value differs' : 'values differ'} from ${snapshot}`);
          for (const change of changes) out.push(`  ${change}`);
          verdict = 'differs';
        } else {
          notes.push(`matches ${snapshot}`);
        }
      }
    }
  } else if (scenario.expect.length === 0) {
    verdict = 'unchecked';
    err.push(`${file}: unchecked: no expect: block and no --snapshots`);
  }

  if (verdict === 'ok') out.push(`${file}: ok (${notes.join(', ')})`);
  return { out, err, verdict };
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
