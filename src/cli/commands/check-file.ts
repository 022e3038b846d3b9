/**
 * One scenario file of `deal-model check` against its snapshot and its
 * `expect:` block. Shared by check.ts (one file after the other) and
 * check-parallel.ts (the same function on worker threads), so that neither
 * of those two needs the other's module to check a file.
 */
import { readFileSync } from 'node:fs';
import { DealModelError, formatIssue } from '../../errors.js';
import { snapshotText } from '../../regression/canonical.js';
import { ABSENT, diff, formatChange, type Change } from '../../regression/diff.js';
import { checkExpectations, lookup } from '../../regression/expectations.js';
import type { Context } from '../context.js';
import { reason, writeAtomically } from '../io.js';
import { readCheckable, type Checkable } from './checkable.js';

export interface CheckOptions {
  readonly snapshots?: string;
  readonly update?: boolean;
  /** Files checked at once (worker threads); default: one fewer than the cores. */
  readonly jobs?: number;
  /** text (default): a line per file and a summary; json or junit: one document for CI (SPEC §7). */
  readonly format?: 'text' | 'json' | 'junit';
}

/** What checking one file found, as data (SPEC §7 `check --format json|junit`). */
export interface FileReport {
  readonly differences: readonly { readonly path: string; readonly old: unknown; readonly new: unknown }[];
  readonly expectations: readonly { readonly path: string; readonly expected: string; readonly actual: unknown; readonly ok: boolean }[];
  readonly problems: readonly string[];
}

/** What checking one file found: its lines for each stream, how it counts in the summary, and the same as data. */
export interface FileResult {
  readonly out: readonly string[];
  readonly err: readonly string[];
  readonly verdict: 'ok' | 'differs' | 'unchecked' | 'invalid' | 'unreadable';
  readonly report: FileReport;
}

/** A side of a difference as JSON: an absent value is null. */
const side = (v: unknown): unknown => (v === ABSENT ? null : v);

/** One scenario against its snapshot and its `expect:` block. */
export async function checkFile(file: string, snapshot: string | undefined, options: CheckOptions, ctx: Context): Promise<FileResult> {
  const out: string[] = [];
  const err: string[] = [];
  let checked: Checkable;
  try {
    checked = await readCheckable(file, ctx);
  } catch (error) {
    if (!(error instanceof DealModelError) || (error.kind !== 'input' && error.kind !== 'io')) throw error;
    return { out, err: error.lines(), verdict: error.kind === 'io' ? 'unreadable' : 'invalid', report: { differences: [], expectations: [], problems: error.lines() } };
  }
  err.push(...checked.warnings);
  const { result, scenario } = checked;
  const notes: string[] = [];
  let verdict: FileResult['verdict'] = 'ok';

  const differences: FileReport['differences'][number][] = [];
  const problems: string[] = [];
  const failures = checkExpectations(result, scenario.expect);
  const expectations = scenario.expect.map((e) => {
    const found = lookup(result, e.path);
    return { path: e.path, expected: e.source, actual: found.found ? found.value : null, ok: !failures.some((f) => f.expectation === e) };
  });
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
        problems.push(`no snapshot ${snapshot}: run with --update to write it`);
        verdict = 'differs';
      } else {
        // byte-equal is the common case; otherwise compare value by value (a reformatted snapshot still matches)
        const changes = before === text ? [] : compareSnapshot(before, result);
        for (const c of changes ?? []) differences.push({ path: c.path, old: side(c.old), new: side(c.new) });
        if (changes === undefined) {
          problems.push(`snapshot ${snapshot} is not valid JSON: run with --update to rewrite it`);
          out.push(`${file}: snapshot ${snapshot} is not valid JSON: run with --update to rewrite it`);
          verdict = 'differs';
        } else if (changes.length > 0) {
          out.push(`${file}: ${changes.length} ${changes.length === 1 ? 'value differs' : 'values differ'} from ${snapshot}`);
          for (const change of changes) out.push(`  ${formatChange(change)}`);
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
  return { out, err, verdict, report: { differences, expectations, problems } };
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
function compareSnapshot(before: string, result: unknown): Change[] | undefined {
  let old: unknown;
  try {
    old = JSON.parse(before);
  } catch {
    return undefined;
  }
  return diff(old, JSON.parse(JSON.stringify(result)) as unknown);
}
