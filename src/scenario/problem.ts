/** A rule broken by a request on a valid scenario (a notice outside the term), as an input error with the position of the key it concerns. */
import { inputError, type DealModelError } from '../errors.js';
import type { Scenario } from './types.js';

export function scenarioError(scenario: Scenario, path: string, message: string): DealModelError {
  // a problem with the whole scenario (path '') is reported where it starts
  const at = scenario.origin?.positions.get(path);
  const file = at?.file ?? scenario.origin?.file ?? '<scenario>';
  return inputError([
    { location: { file, ...(at?.line !== undefined ? { line: at.line, column: at.column } : {}), ...(path ? { path } : {}) }, message },
  ]);
}
