/**
 * An analysis's outcomes are computed as they are read (sweep), so that
 * `terminate` never holds a daily sweep whole: they must be the outcomes of
 * the notice dates, and the report must be the one an array of the same
 * outcomes gives, in every format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateDates, defaultParty } from '../../src/model/notice.js';
import { toArray } from '../../src/model/sequence.js';
import { outcomeOf, sweep, terminationModel } from '../../src/model/termination.js';
import { analyse } from '../../src/model/analysis.js';
import { render } from '../../src/report/render.js';
import { PLAIN } from '../../src/report/table.js';
import { terminateReport } from '../../src/report/terminate.js';
import { loadScenario } from '../../src/scenario/load.js';

const ROOT = join(__dirname, '..', '..');

describe('sweep', () => {
  for (const name of ['colossus-1', 'gpu-cluster-anniversary', 'mid-month-calendar']) {
    it(`${name}: the daily sweep read lazily is the sweep, and renders identically in every format`, async () => {
      const scenario = loadScenario(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`)), `${name}.yaml`);
      const model = terminationModel(scenario);
      const by = defaultParty(scenario)!;
      const dates = candidateDates(scenario, 'day');
      const lazy = sweep(model, by, dates);
      expect(lazy.length).toBe(dates.length);
      expect(toArray(lazy)).toEqual(dates.map((date) => outcomeOf(model, { date, by })));
      const analysis = analyse(scenario, by, dates, model);
      const streamed = terminateReport(scenario, analysis);
      const whole = terminateReport(scenario, { ...analysis, outcomes: toArray(analysis.outcomes) });
      for (const format of ['json', 'csv', 'md', 'table'] as const) {
        expect(await render(streamed, format, async () => PLAIN)).toBe(await render(whole, format, async () => PLAIN));
      }
    });
  }
});
