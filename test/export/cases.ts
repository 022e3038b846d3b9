/**
 * What the export tests compare a recalculated workbook with: the JSON the
 * CLI prints for the same scenario and notice (`project [--notice]` and the
 * monthly `terminate`), built by the same functions the commands call, and
 * the model's exact discount factors.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkedNotice } from '../../src/cli/commands/notice.js';
import { terminateResults } from '../../src/cli/commands/terminate.js';
import { parseIsoDate, type Day } from '../../src/model/calendar.js';
import { defaultParty, type Notice } from '../../src/model/notice.js';
import { project, type Projection } from '../../src/model/projection.js';
import { outcomeOf, terminatedProjection, terminationModel } from '../../src/model/termination.js';
import type { ProjectJson, TerminateJson } from '../../src/report/documents.js';
import { economicsResult } from '../../src/model/economic-sweep.js';
import { economicsJson } from '../../src/report/economics.js';
import { projectJson } from '../../src/report/project.js';
import { terminateJson } from '../../src/report/terminate.js';
import { readBase } from '../../src/cli/io.js';
import { exampleScenarios } from '../support/examples.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Party, Scenario } from '../../src/scenario/types.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCENARIOS = join(ROOT, 'scenarios');

export const scenarioFiles = (): string[] => exampleScenarios();

export const scenarioText = (file: string): string => readFileSync(join(SCENARIOS, file), 'utf8');

/** A scenario from text, its bases (a variant's `extends`) read from the repository. */
export const fromText = (text: string, file: string): Scenario =>
  loadScenario(new TextEncoder().encode(text), file, { readFile: (f) => readBase(join(SCENARIOS, f)) });

export function isoDay(iso: string): Day {
  const r = parseIsoDate(iso);
  if (!r.ok) throw new Error(`bad date in test: ${iso}`);
  return r.day;
}

export interface Case {
  readonly label: string;
  readonly scenario: Scenario;
  readonly notice?: Notice;
}

/** A case with a notice checked as `--notice DATE --by PARTY` would be. */
export function withNotice(label: string, scenario: Scenario, date: string, by?: Party): Case {
  return { label, scenario, notice: checkedNotice(scenario, isoDay(date), by) };
}

export type { OutcomeJson, ProjectJson, TerminateJson } from '../../src/report/documents.js';

export interface Expected {
  readonly project: ProjectJson;
  /** Null when nobody may terminate. */
  readonly terminate: TerminateJson | null;
  /** The projection behind `project`, for the exact discount factors and full-period fees. */
  readonly projection: Projection;
  /** `economics [--notice]` JSON, for a scenario with costs. */
  readonly economics?: Record<string, any>;
}

/** What `project [--notice --by]` and `terminate [--by]` print as JSON for this case. */
export function cliFigures(c: Case): Expected {
  const s = c.scenario;
  let projection: Projection;
  let json: ProjectJson;
  if (c.notice) {
    const model = terminationModel(s);
    projection = terminatedProjection(model, c.notice);
    json = projectJson(s, projection, outcomeOf(model, c.notice));
  } else {
    projection = project(s);
    json = projectJson(s, projection);
  }
  const party = c.notice?.by ?? defaultParty(s);
  const terminate = party ? terminateJson(s, terminateResults(s, party, 'month')) : null;
  const e = s.costs ? economicsResult(terminationModel(s), c.notice) : undefined;
  if (e) return { project: json, terminate, projection, economics: economicsJson(s, e.economics, e.termination) };
  return { project: json, terminate, projection };
}
