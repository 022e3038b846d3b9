/**
 * The canonical result of a scenario (SPEC §5): the `project` JSON and the
 * monthly `terminate` JSON (by the default party), or null for terminate
 * when nobody may terminate. What snapshots hold and `expect:` paths point
 * into.
 */
import { projectJson } from '../report/project.js';
import { terminateJson } from '../report/terminate.js';
import type { Scenario } from '../scenario/types.js';
import { monthlyAnalysis, terminationModel } from '../model/termination.js';

export interface Canonical {
  readonly project: unknown;
  readonly terminate: unknown;
}

export function canonical(scenario: Scenario): Canonical {
  const model = terminationModel(scenario); // one projection serves both halves
  const terminated = monthlyAnalysis(scenario, model);
  return {
    project: projectJson(scenario, model.projection),
    terminate: terminated ? terminateJson(scenario, terminated) : null,
  };
}

/** The snapshot file's text: two-space JSON and a final newline, like `--format json`. */
export function snapshotText(result: Canonical): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
