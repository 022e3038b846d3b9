/**
 * The fields of an early-termination outcome (SPEC §3, §4), declared once:
 * the `terminate` rows (JSON, CSV, table, Markdown), the `termination`
 * object of `project --notice` (the same fields in its own order, with the
 * party), and the workbook's Termination sheet are all made from this list.
 */
import type { Outcome } from '../model/termination.js';
import type { NoticeOutcomeJson, OutcomeJson } from './documents.js';
import { pick, record, type Field } from './fields.js';

export const OUTCOME_FIELDS: readonly Field<Outcome>[] = [
  { key: 'notice_date', label: 'Notice', kind: 'date', get: (o) => o.notice.date },
  { key: 'effective_date', label: 'Effective', kind: 'date', get: (o) => o.effectiveDate },
  { key: 'last_service_date', label: 'Last service', kind: 'date', get: (o) => o.lastServiceDate },
  { key: 'effect', label: 'Effect', kind: 'bool', get: (o) => o.effect },
  { key: 'service_days', label: 'Days', kind: 'int', get: (o) => o.serviceDays },
  { key: 'fees', label: 'Fees', kind: 'money', get: (o) => o.fees },
  { key: 'termination_fee', label: 'Term. fee', kind: 'money', get: (o) => o.terminationFee },
  { key: 'total', label: 'Total', kind: 'money', get: (o) => o.total },
  { key: 'foregone', label: 'Foregone', kind: 'money', get: (o) => o.foregone },
  { key: 'pv', label: 'PV', kind: 'money', get: (o) => o.pv },
];

const BY: Field<Outcome> = { key: 'by', label: 'By', kind: 'text', get: (o) => o.notice.by };

/** The `termination` object of `project --notice`: the outcome's fields in the SPEC's order for it, with the party. */
const NOTICE_FIELDS: readonly Field<Outcome>[] = pick([...OUTCOME_FIELDS, BY], [
  'notice_date', 'by', 'effective_date', 'last_service_date', 'effect',
  'fees', 'termination_fee', 'total', 'foregone', 'pv', 'service_days',
]);

export function outcomeJson(o: Outcome): OutcomeJson {
  return record(OUTCOME_FIELDS, o) as unknown as OutcomeJson;
}

export function noticeOutcomeJson(o: Outcome): NoticeOutcomeJson {
  return record(NOTICE_FIELDS, o) as unknown as NoticeOutcomeJson;
}
