/**
 * The canonical result of a scenario (SPEC §5): the `project` JSON and the
 * monthly `terminate` JSON (by the default party), or null for terminate
 * when nobody may terminate. What snapshots hold and `expect:` paths point
 * into.
 */
import { economicsResult } from '../model/economic-sweep.js';
import { defaultParty } from '../model/notice.js';
import { terminationModel } from '../model/termination.js';
import { monthlyAnalysis } from '../model/analysis.js';
import { economicsJson } from '../report/economics.js';
import { projectJson } from '../report/project.js';
import { terminateJson } from '../report/terminate.js';
import type { Scenario } from '../scenario/types.js';

export interface Canonical {
  readonly project: unknown;
  readonly terminate: unknown;
  /** Only for a scenario with costs (SPEC §9): other snapshots stay valid. */
  readonly economics?: unknown;
}

export function canonical(scenario: Scenario): Canonical {
  const model = terminationModel(scenario); // one projection serves every part
  const terminated = monthlyAnalysis(scenario, model);
  const result: Canonical = {
    project: projectJson(scenario, model.projection),
    terminate: terminated ? terminateJson(scenario, terminated) : null,
  };
  if (!scenario.costs) return result;
  const e = economicsResult(model, undefined, defaultParty(scenario));
  return { ...result, economics: economicsJson(scenario, e.economics, e.termination) };
}

/** The snapshot file's text: two-space JSON and a final newline, like `--format json`. */
export function snapshotText(result: unknown): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
