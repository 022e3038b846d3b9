/**
 * Who may give notice and when (SPEC §3): the rules a notice must satisfy,
 * and the candidate notice dates of a sweep. Pure: a broken rule is returned
 * as a NoticeProblem (key path and reason); the caller adds the position.
 */
import { endOfMonth, formatIsoDate, type Day } from './calendar.js';
import type { Contract, Party } from './contract.js';

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

export function mayTerminate(contract: Contract, party: Party): boolean {
  const by = contract.termination?.by ?? 'none';
  return by === 'either' || by === party;
}

/** The customer when allowed, else the provider; undefined when nobody may terminate. */
export function defaultParty(contract: Contract): Party | undefined {
  if (mayTerminate(contract, 'customer')) return 'customer';
  if (mayTerminate(contract, 'provider')) return 'provider';
  return undefined;
}

/** The earliest date a notice may be given: max(term.start, not_before). */
export function earliestNotice(contract: Contract): Day {
  const notBefore = contract.termination?.notBefore ?? null;
  return notBefore === null ? contract.term.start : Math.max(contract.term.start, notBefore);
}

/** Why nobody may terminate, or undefined if somebody may. */
export function nobodyMayTerminate(contract: Contract): NoticeProblem | undefined {
  if (!contract.termination) {
    return { path: '', message: 'nobody may terminate this contract early: it has no termination section' };
  }
  if (contract.termination.by === 'none') {
    return { path: 'termination.by', message: 'nobody may terminate this contract early: termination.by is "none"' };
  }
  return undefined;
}

export function partyProblem(contract: Contract, party: Party): NoticeProblem | undefined {
  const nobody = nobodyMayTerminate(contract);
  if (nobody) return nobody;
  if (mayTerminate(contract, party)) return undefined;
  return {
    path: 'termination.by',
    message: `the ${party} may not give notice: termination.by is "${contract.termination?.by}", so only the ${contract.termination?.by} may`,
  };
}

export function noticeProblem(contract: Contract, notice: Notice): NoticeProblem | undefined {
  const party = partyProblem(contract, notice.by);
  if (party) return party;
  const { start, end } = contract.term;
  const date = formatIsoDate(notice.date);
  if (notice.date < start || notice.date > end) {
    return {
      path: 'term',
      message: `the notice date ${date} is outside the term (${formatIsoDate(start)} to ${formatIsoDate(end)}): a notice must be given during the term`,
    };
  }
  const notBefore = contract.termination?.notBefore ?? null;
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
export function candidateDates(contract: Contract, every: Every): Day[] {
  const first = earliestNotice(contract);
  const end = contract.term.end;
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
