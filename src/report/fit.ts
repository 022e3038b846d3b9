/**
 * Tables that fit the terminal (SPEC §7): on a terminal narrower than the
 * table, columns are left out in this documented order, least useful first,
 * until it fits; the columns left out are named under the table, and
 * `--wide` shows them all. Into a pipe or a file the table is whole.
 */
import type { Report } from './report.js';

/** Column keys, the first left out first. */
export const DROP_ORDER: readonly string[] = [
  'discount_factor', // project: the factor is in the PV
  'period_length', // the length a cut period is prorated over
  'base',
  'discount',
  'energy_mwh', // economics
  'power_price',
  'cost_date',
  'payment_date',
  'effect', // terminate: also in Last service vs the term's end
  'termination_fee',
  'foregone',
  'effective_date',
  'service_days',
  'power_cost',
  'operating',
  'days',
  'pv',
  'cumulative',
];

/** The report without the columns in `keys`. */
export function without(report: Report, keys: readonly string[]): Report {
  if (keys.length === 0) return report;
  return { ...report, columns: report.columns.filter((c) => !keys.includes(c.key)) };
}

/** Which columns to leave out so that `render` fits `width`; none when it fits whole or nothing can go. */
export function columnsToDrop(report: Report, width: number, tableWidth: (r: Report) => number): string[] {
  const droppable = DROP_ORDER.filter((k) => report.columns.some((c) => c.key === k));
  const dropped: string[] = [];
  while (tableWidth(without(report, dropped)) > width && dropped.length < droppable.length) dropped.push(droppable[dropped.length]!);
  return dropped;
}
