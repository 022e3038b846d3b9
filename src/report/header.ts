import type { ScenarioHeaderJson } from './documents.js';

/** The `scenario` object every JSON document starts with. */
export function scenarioHeader(scenario: { readonly name: string; readonly currency: string }): ScenarioHeaderJson {
  return { name: scenario.name, currency: scenario.currency };
}
