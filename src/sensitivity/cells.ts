/**
 * A sensitivity cell is a variant (SPEC §8, §12): the scenario's tree,
 * parsed and merged once, with values set as `--set` sets them, validated in
 * full and computed. An invalid cell is not an error of the run: it carries
 * its first problem.
 */
import { DealModelError, formatIssue, type Issue } from '../errors.js';
import { terminationModel } from '../model/termination.js';
import { applySet, validated } from '../scenario/load.js';
import { parseSetOption, type SetOption } from '../scenario/set-option.js';
import type { Tree } from '../scenario/tree.js';
import type { Scenario } from '../scenario/types.js';
import { CellFigures, METRICS, type MetricName, type MetricValue } from './metrics.js';

/** The scenario as loaded once: its merged tree (with the command's --set options), its file and chain. */
export interface Base {
  readonly tree: Tree;
  readonly file: string;
  readonly files: readonly string[];
}

export type Evaluated = { readonly scenario: Scenario; readonly figures: CellFigures } | { readonly problem: Issue };

/** The base with `path=value` pairs set (as --set), validated and modelled; or its first problem. */
export function evaluate(base: Base, sets: readonly SetOption[]): Evaluated {
  try {
    let tree = base.tree;
    for (const s of sets) tree = applySet(tree, s);
    const scenario = validated(tree, base.file, base.files);
    return { scenario, figures: new CellFigures(terminationModel(scenario)) };
  } catch (error) {
    if (error instanceof DealModelError && error.kind === 'input') {
      return { problem: error.issues[0] ?? { location: { file: base.file }, message: error.message } };
    }
    throw error;
  }
}

/** One cell of a grid: its values as written, its metrics (all null when invalid) and its error. */
export interface Cell {
  readonly values: readonly string[];
  readonly metrics: Readonly<Record<string, string | null>>;
  readonly numbers: Readonly<Record<string, MetricValue['number']>>;
  /** The first problem, printed as on standard error; null for a valid cell. */
  readonly error: string | null;
}

export function computeCell(base: Base, paths: readonly string[], values: readonly string[], metrics: readonly MetricName[]): Cell {
  const sets = paths.map((p, i) => parseSetOption(`${p}=${values[i]}`));
  const e = evaluate(base, sets);
  const metricsOut: Record<string, string | null> = {};
  const numbers: Record<string, MetricValue['number']> = {};
  for (const m of metrics) {
    const v = 'problem' in e ? null : METRICS[m].supports(e.scenario) ? METRICS[m].value(e.figures) : null;
    metricsOut[m] = v?.text ?? null;
    numbers[m] = v?.number ?? null;
  }
  return { values, metrics: metricsOut, numbers, error: 'problem' in e ? formatIssue(e.problem) : null };
}
