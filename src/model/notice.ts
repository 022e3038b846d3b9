/**
 * Who may give notice and when (SPEC §3): the rules a notice must satisfy,
 * and the candidate notice dates of a sweep. Pure: a broken rule is returned
 * as a NoticeProblem (key path and reason); the caller adds the position.
 */
import type { Party, Scenario } from '../scenario/types.js';
import { endOfMonth, formatIsoDate, type Day } from './calendar.js';

export interface Notice {
  readonly date: Day;
  readonly by: Party;
}

export interface NoticeProblem {
  /** The scenario key the problem is about, for its position. */
  readonly path: string;
  readonly message: string;
}

export type Every = 'month' | 'day';

export function mayTerminate(scenario: Scenario, party: Party): boolean {
  const by = scenario.termination?.by ?? 'none';
  return by === 'either' || by === party;
}

/** The customer when allowed, else the provider; undefined when nobody may terminate. */
export function defaultParty(scenario: Scenario): Party | undefined {
  if (mayTerminate(scenario, 'customer')) return 'customer';
  if (mayTerminate(scenario, 'provider')) return 'provider';
  return undefined;
}

/** The earliest date a notice may be given: max(term.start, not_before). */
export function earliestNotice(scenario: Scenario): Day {
  const notBefore = scenario.termination?.notBefore ?? null;
  return notBefore === null ? scenario.term.start : Math.max(scenario.term.start, notBefore);
}

/** Why nobody may terminate, or undefined if somebody may. */
export function nobodyMayTerminate(scenario: Scenario): NoticeProblem | undefined {
  if (!scenario.termination) {
    return { path: '', message: 'nobody may terminate this contract early: it has no termination section' };
  }
  if (scenario.termination.by === 'none') {
    return { path: 'termination.by', message: 'nobody may terminate this contract early: termination.by is "none"' };
  }
  return undefined;
}

export function partyProblem(scenario: Scenario, party: Party): NoticeProblem | undefined {
  const nobody = nobodyMayTerminate(scenario);
  if (nobody) return nobody;
  if (mayTerminate(scenario, party)) return undefined;
  return {
    path: 'termination.by',
    message: `the ${party} may not give notice: termination.by is "${scenario.termination?.by}", so only the ${scenario.termination?.by} may`,
  };
}

export function noticeProblem(scenario: Scenario, notice: Notice): NoticeProblem | undefined {
  const party = partyProblem(scenario, notice.by);
  if (party) return party;
  const { start, end } = scenario.term;
  const date = formatIsoDate(notice.date);
  if (notice.date < start || notice.date > end) {
    return {
      path: 'term',
      message: `the notice date ${date} is outside the term (${formatIsoDate(start)} to ${formatIsoDate(end)}): a notice must be given during the term`,
    };
  }
  const notBefore = scenario.termination?.notBefore ?? null;
  if (notBefore !== null && notice.date < notBefore) {
    return {
      path: 'termination.not_before',
      message: `the notice date ${date} is before ${formatIsoDate(notBefore)}, the earliest date a notice may be given (termination.not_before)`,
    };
  }
  return undefined;
}

/**
 * Candidate notice dates: the earliest allowed date, then the 1st of every
 * later month up to term.end (`month`), or every day (`day`).
 */
export function candidateDates(scenario: Scenario, every: Every): Day[] {
  const first = earliestNotice(scenario);
  const end = scenario.term.end;
  const dates: Day[] = [];
  if (first > end) return dates;
  if (every === 'day') {
    for (let d = first; d <= end; d++) dates.push(d);
    return dates;
  }
  dates.push(first);
  for (let d = endOfMonth(first) + 1; d <= end; d = endOfMonth(d) + 1) dates.push(d);
  return dates;
}
