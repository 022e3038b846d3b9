/** Termination results → Report (SPEC §4 `terminate` JSON, and the `termination` object of `project --notice`). */
import { formatIsoDate } from '../model/calendar.js';
import { fixed, money, ZERO } from '../model/money.js';
import { mapped, toArray } from '../model/sequence.js';
import type { Outcome, TerminationAnalysis } from '../model/termination.js';
import { percent } from '../scenario/values.js';
import { group } from './format.js';
import { scenarioHeader } from './project.js';
import type { Column, Figure, Report, Row } from './report.js';

export const OUTCOME_COLUMNS: readonly Column[] = [
  { key: 'notice_date', label: 'Notice', kind: 'date' },
  { key: 'effective_date', label: 'Effective', kind: 'date' },
  { key: 'last_service_date', label: 'Last service', kind: 'date' },
  { key: 'effect', label: 'Effect', kind: 'bool' },
  { key: 'service_days', label: 'Days', kind: 'int' },
  { key: 'fees', label: 'Fees', kind: 'money' },
  { key: 'termination_fee', label: 'Term. fee', kind: 'money' },
  { key: 'total', label: 'Total', kind: 'money' },
  { key: 'foregone', label: 'Foregone', kind: 'money' },
  { key: 'pv', label: 'PV', kind: 'money' },
];

export function outcomeRow(o: Outcome): Row {
  return {
    notice_date: formatIsoDate(o.notice.date),
    effective_date: formatIsoDate(o.effectiveDate),
    last_service_date: formatIsoDate(o.lastServiceDate),
    effect: o.effect,
    service_days: o.serviceDays,
    fees: money(o.fees),
    termination_fee: money(o.terminationFee),
    total: money(o.total),
    foregone: money(o.foregone),
    pv: money(o.pv),
  };
}

/** The `termination` object of `project --notice`, in the SPEC's key order. */
export function terminationJson(o: Outcome): Record<string, unknown> {
  return {
    notice_date: formatIsoDate(o.notice.date),
    by: o.notice.by,
    effective_date: formatIsoDate(o.effectiveDate),
    last_service_date: formatIsoDate(o.lastServiceDate),
    effect: o.effect,
    fees: money(o.fees),
    termination_fee: money(o.terminationFee),
    total: money(o.total),
    foregone: money(o.foregone),
    pv: money(o.pv),
    service_days: o.serviceDays,
  };
}

export function terminateJson(r: TerminationAnalysis): Record<string, unknown> {
  return {
    scenario: scenarioHeader(r.scenario),
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
    outcomes: toArray(mapped(r.outcomes, outcomeRow)),
  };
}

export function terminateReport(r: TerminationAnalysis): Report {
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
  const notice = r.scenario.termination?.noticeDays ?? 0;
  return {
    title: `${r.scenario.name}: early termination by the ${r.by}`,
    currency: r.scenario.currency,
    headline,
    columns: OUTCOME_COLUMNS,
    // made as they are rendered: a daily sweep's rows are garbage as soon as they are printed
    rows: mapped(r.outcomes, outcomeRow),
    notes: [`${notice} days' notice; termination fee ${group(money(r.scenario.termination?.fee ?? ZERO))} paid by the terminating party on the effective date.`],
    // made only for JSON output
    get json() {
      return terminateJson(r);
    },
  };
}
