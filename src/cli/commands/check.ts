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
import { mkdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { DealModelError, EXIT_CODES, usageError } from '../../errors.js';
import type { Context } from '../context.js';
import { reason } from '../io.js';
import { progress } from '../progress.js';
import { checkJson, checkJunit, summaryLine, type CheckedFile, type Status } from '../../report/check.js';
import { checkFile, type CheckOptions, type FileResult } from './check-file.js';

const STATUS: Record<FileResult['verdict'], Status> = { ok: 'match', differs: 'differ', unchecked: 'unchecked', invalid: 'invalid', unreadable: 'unreadable' };
import { PARALLEL_FROM, checkInParallel, defaultJobs, type Shared } from './check-parallel.js';

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

export async function checkCommand(files: readonly string[], options: CheckOptions, outer: Context): Promise<number> {
  if (options.update && options.snapshots === undefined) throw usageError("error: option '--update' needs '--snapshots <dir>': it writes the snapshots there");
  const snapshots = options.snapshots === undefined ? undefined : snapshotsFor(files, options.snapshots);
  if (options.update && options.snapshots !== undefined) await makeFolder(options.snapshots);

  const shown = progress(outer, 'checking', files);
  const { ctx } = shown;
  const counts = { checked: 0, differs: 0, invalid: 0, unreadable: 0 };
  const format = options.format ?? 'text';
  const checked: CheckedFile[] = [];
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
      if (format === 'text') for (const line of r.out) ctx.stdout.write(`${line}\n`);
      checked.push({ file, status: STATUS[r.verdict], ...r.report });
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

  const { differs, invalid, unreadable } = counts;
  ctx.stdout.write(format === 'json' ? checkJson(checked) : format === 'junit' ? checkJunit(checked) : `${summaryLine(checked)}\n`);
  if (differs > 0) return EXIT_CODES.difference;
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
