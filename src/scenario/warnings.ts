/**
 * Warnings (SPEC §7): a scenario that is valid and still almost certainly
 * not what was meant. They are printed on standard error, never change the
 * output or the exit code, and make `validate --strict` fail.
 */
import type { Issue } from '../errors.js';
import { formatIsoDate, toYmd } from '../model/calendar.js';
import { contractMonthsInTerm } from '../model/contract-months.js';
import { billingPeriods } from '../model/schedule.js';
import type { Scenario } from './types.js';

export function scenarioWarnings(scenario: Scenario): Issue[] {
  const warnings: Issue[] = [];
  const at = (path: string, message: string): void => {
    const position = scenario.origin?.positions.get(path);
    const file = position?.file ?? scenario.origin?.file ?? '<scenario>';
    warnings.push({ location: { file, line: position?.line, column: position?.column, path }, message });
  };
  const { start, end } = scenario.term;
  const file0 = scenario.origin?.file;

  // an end on the 1st that leaves a last billing period of one day: "through May 2029" written as 2029-06-01
  const periods = billingPeriods(start, end, scenario.billing.periods);
  const last = periods[periods.length - 1];
  if (toYmd(end).day === 1 && end > start && last?.days === 1) {
    at('term.end', `term.end is the last day of service, inclusive; did you mean ${formatIsoDate(end - 1)}? (${formatIsoDate(end)} makes a last billing period of one day)`);
  }

  const months = contractMonthsInTerm(start, end);
  const ramp = scenario.pricing.ramp.reduce((n, step) => n + step.months, 0);
  if (ramp > months) {
    at('pricing.ramp', `the ramp covers ${ramp} contract months, longer than the term's ${months}: the fee never reaches the full base`);
  }

  const t = scenario.termination;
  if (t?.notBefore !== null && t?.notBefore !== undefined && t.notBefore <= start) {
    at('termination.not_before', `not_before ${formatIsoDate(t.notBefore)} is on or before term.start (${formatIsoDate(start)}): it restricts nothing`);
  }
  const days = end - start + 1;
  if (t && t.noticeDays > days) {
    at('termination.notice_days', `a notice period of ${t.noticeDays} days is longer than the term (${days} days): no notice can end the contract early`);
  }
  // in file order, as errors are (a base file's before the named one's would need the chain: positions with a file sort last)
  return warnings.sort((a, b) => Number(a.location.file !== file0) - Number(b.location.file !== file0) || (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0));
}
