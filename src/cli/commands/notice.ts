/** Turning `--notice` and `--by` into a checked Notice, or an input error that says why not. */
import type { Day } from '../../model/calendar.js';
import { defaultParty, nobodyMayTerminate, noticeProblem, partyProblem, type Notice } from '../../model/notice.js';
import { scenarioError } from '../../scenario/problem.js';
import type { Party, Scenario } from '../../scenario/types.js';

/** The party that gives notice: `--by`, else the customer when allowed, else the provider. */
export function chooseParty(scenario: Scenario, by: Party | undefined): Party {
  const nobody = nobodyMayTerminate(scenario);
  if (nobody) throw scenarioError(scenario, nobody.path, nobody.message);
  const party = by ?? defaultParty(scenario);
  const problem = party ? partyProblem(scenario, party) : undefined;
  if (problem || !party) throw scenarioError(scenario, problem?.path ?? 'termination.by', problem?.message ?? 'nobody may terminate');
  return party;
}

export function checkedNotice(scenario: Scenario, date: Day, by: Party | undefined): Notice {
  const notice = { date, by: chooseParty(scenario, by) };
  const problem = noticeProblem(scenario, notice);
  if (problem) throw scenarioError(scenario, problem.path, problem.message);
  return notice;
}
