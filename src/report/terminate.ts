/** Termination results → Report (SPEC §4 `terminate` JSON, and the `termination` object of `project --notice`). */
import { formatIsoDate } from '../model/calendar.js';
import { fixed, money, ZERO } from '../model/money.js';
import { mapped, toArray } from '../model/sequence.js';
import type { TerminationAnalysis } from '../model/termination.js';
import type { Scenario } from '../scenario/types.js';
import type { TerminateJson } from './documents.js';
import { record } from './fields.js';
import { group, percent } from './format.js';
import { scenarioHeader } from './header.js';
import { OUTCOME_FIELDS, outcomeJson } from './outcome.js';
import type { Figure, Report, Row } from './report.js';

export function terminateJson(scenario: Scenario, r: TerminationAnalysis): TerminateJson {
  return {
    scenario: scenarioHeader(scenario),
    by: r.by,
    full_term: { total: money(r.full.fee), pv: money(r.full.pv) },
    committed: {
      notice_date: formatIsoDate(r.committed.notice.date),
      total: money(r.committed.total),
      pv: money(r.committed.pv),
      share: r.share === null ? null : fixed(r.share, 4),
    },
    expected: r.expected
      ? { probability: r.expected.probability.toString(), total: money(r.expected.total), pv: money(r.expected.pv) }
      : null,
    outcomes: toArray(mapped(r.outcomes, outcomeJson)),
  };
}

export function terminateReport(scenario: Scenario, r: TerminationAnalysis): Report {
  const share = r.share === null ? 'share n/a (the full term is worth 0)' : `${fixed(r.share.times(100), 2)}% of the full term`;
  const headline: Figure[] = [
    { label: 'Full term', value: money(r.full.fee), kind: 'money', note: `NPV ${group(money(r.full.pv))}` },
    {
      label: 'Committed',
      value: money(r.committed.total),
      kind: 'money',
      note: `${share}: notice on ${formatIsoDate(r.committed.notice.date)} by the ${r.by}, NPV ${group(money(r.committed.pv))}`,
    },
    r.expected
      ? {
          label: 'Expected',
          value: money(r.expected.total),
          kind: 'money',
          note: `${percent(r.expected.probability)} chance of a notice each month, NPV ${group(money(r.expected.pv))}`,
        }
      : { label: 'Expected', value: 'n/a', kind: 'text', note: 'set risk.monthly_notice_probability to compute it' },
  ];
  const notice = scenario.termination?.noticeDays ?? 0;
  return {
    title: `${scenario.name}: early termination by the ${r.by}`,
    currency: scenario.currency,
    headline,
    columns: OUTCOME_FIELDS,
    // made as they are rendered: a daily sweep's rows are garbage as soon as they are printed
    rows: mapped(r.outcomes, (o): Row => record(OUTCOME_FIELDS, o)),
    notes: [`${notice} days' notice; termination fee ${group(money(scenario.termination?.fee ?? ZERO))} paid by the terminating party on the effective date.`],
    // made only for JSON output
    get json() {
      return terminateJson(scenario, r);
    },
  };
}
