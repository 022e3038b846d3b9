/**
 * The Schedule sheet: one row per billing period with the period's dates as
 * values and every amount as a live formula over the Inputs sheet (SPEC §2),
 * so changing the monthly fee, the escalation, the timing, the payment terms
 * or the discount rate recomputes the schedule in the spreadsheet.
 *
 * What stays a value: the periods themselves (their dates, their lengths,
 * the contract month each starts in and how many of its days fall in the
 * next one, and which ramp step covers each month), since they follow from
 * the term, the billing kind and a notice by calendar rules a formula would
 * only obscure. A period of a mid-month contract billed by calendar month
 * straddles one contract-month boundary (SPEC §2): its amounts are the two
 * segments' full-period fees prorated by their days, rounded once.
 */
import type { Notice } from '../model/notice.js';
import { DAYS_PER_YEAR } from '../model/valuation.js';
import type { Projection, ProjectedPeriod } from '../model/projection.js';
import type { Scenario } from '../scenario/types.js';
import type { RampRef } from './inputs.js';
import { address, centsNumber, FORMAT, formula, Grid, header, round2, serial, text, type Cell, type Sheet } from './plan.js';

export const SCHEDULE = 'Schedule';

/** Columns, 1-based: the JSON fields in contract order, with the full-period fees before the amounts they prorate. */
export const C = {
  period: 1,
  start: 2,
  end: 3,
  days: 4,
  length: 5,
  month: 6,
  fullBase: 7,
  fullFee: 8,
  nextDays: 9,
  nextBase: 10,
  nextFee: 11,
  base: 12,
  discount: 13,
  fee: 14,
  paymentDate: 15,
  factor: 16,
  pv: 17,
  cumulative: 18,
} as const;

/** The notice block, right of the schedule: labels and values. */
const LABEL_COL = 20;
const VALUE_COL = 21;

export { round2 } from './plan.js';

/** The discount factor of a payment date, XNPV convention (SPEC §2). */
export const factorOf = (paymentDate: string): string => `(1+DiscountRate)^(-(${paymentDate}-ValuationDate)/${DAYS_PER_YEAR})`;

/**
 * round2(fee × df) without the guard: a factor of 1 leaves the fee exact, and
 * any other factor is (all but always) irrational, so the product is never an
 * exact half cent for noise to push down; a guard would only snap near-ties.
 */
const presentValue = (fee: string, factor: string): string => `ROUND(${fee}*${factor},2)`;

const at = (col: number, row: number): string => address(row, col);

const money = (value: Cell['value']): Cell => ({ value, format: FORMAT.money });
const date = (value: Cell['value']): Cell => ({ value, format: FORMAT.date });
const int = (value: Cell['value']): Cell => ({ value, format: FORMAT.int });

/** Full-period fee after the ramp: the covering step's discount off the full base in `baseCell`, or its fixed fee. */
function fullFeeFormula(baseCell: string, step: RampRef | undefined): string {
  if (!step) return baseCell;
  return 'fee' in step ? step.fee : `${baseCell}*(1-${step.discount})`;
}

const stepOf = (ramp: readonly RampRef[], month: number): RampRef | undefined => ramp.find((s) => month >= s.first && month <= s.last);

function periodRow(p: ProjectedPeriod, row: number, ramp: readonly RampRef[], first: boolean): Cell[] {
  const r = (col: number): string => at(col, row);
  const month = p.segments[0]?.month ?? 1;
  const nextDays = p.segments[1]?.days ?? 0;
  // Σ full × days_s / length over the two segments (the second has 0 days when the period lies in one month)
  const prorated = (full: number, next: number): string =>
    round2(`(${r(full)}*(${r(C.days)}-${r(C.nextDays)})+${r(next)}*${r(C.nextDays)})/${r(C.length)}`);
  return [
    int(p.index),
    date(serial(p.start)),
    date(serial(p.end)),
    int(formula(`${r(C.end)}-${r(C.start)}+1`)),
    int(p.length),
    int(month),
    money(formula(`MonthlyFee*(1+EscalationRate)^INT((${r(C.month)}-1)/EscalationEvery)`)),
    money(formula(fullFeeFormula(r(C.fullBase), stepOf(ramp, month)))),
    int(nextDays),
    money(formula(`MonthlyFee*(1+EscalationRate)^INT(${r(C.month)}/EscalationEvery)`)),
    money(formula(fullFeeFormula(r(C.nextBase), stepOf(ramp, month + 1)))),
    money(formula(prorated(C.fullBase, C.nextBase))),
    money(formula(`${r(C.base)}-${r(C.fee)}`)),
    money(formula(prorated(C.fullFee, C.nextFee))),
    date(formula(`IF(Timing="arrears",${r(C.end)}+1,${r(C.start)})+PaymentTerms`)),
    { value: formula(factorOf(r(C.paymentDate))), format: FORMAT.factor },
    money(formula(presentValue(r(C.fee), r(C.factor)))),
    money(formula(first ? r(C.fee) : `${at(C.cumulative, row - 1)}+${r(C.fee)}`)),
  ];
}

export interface ScheduleOptions {
  /** A notice: the projection is the terminated one. */
  readonly notice?: Notice;
  /** The full term's fee total, for `foregone` (a value: the full schedule is not on this sheet). */
  readonly fullTermFee?: bigint;
}

/** Row numbers of the lines under the periods, for tests and the notice block. */
export interface ScheduleLayout {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalRow: number;
  readonly feeRow?: number;
  readonly grandRow?: number;
}

export function scheduleLayout(periods: number, notice: boolean): ScheduleLayout {
  const totalRow = periods + 2;
  return notice
    ? { firstRow: 2, lastRow: periods + 1, totalRow, feeRow: totalRow + 2, grandRow: totalRow + 3 }
    : { firstRow: 2, lastRow: periods + 1, totalRow };
}

export function scheduleSheet(scenario: Scenario, projection: Projection, ramp: readonly RampRef[], options: ScheduleOptions = {}): Sheet {
  const cur = scenario.currency;
  const grid = new Grid();
  grid.setRow(1, 1, [
    'Period', 'Start', 'End', 'Days', 'Period length', 'Contract month',
    `Full base (${cur})`, `Full fee (${cur})`, 'Days in the next month', `Full base, next month (${cur})`, `Full fee, next month (${cur})`,
    `Base (${cur})`, `Discount (${cur})`, `Fee (${cur})`,
    'Payment date', 'Discount factor', `PV (${cur})`, `Cumulative (${cur})`,
  ].map(header));
  const layout = scheduleLayout(projection.periods.length, options.notice !== undefined);
  projection.periods.forEach((p, i) => grid.setRow(layout.firstRow + i, 1, periodRow(p, layout.firstRow + i, ramp, i === 0)));

  const { totalRow, firstRow, lastRow } = layout;
  // with no period left (a notice on the first day with no notice period) a SUM would have no range: totals are 0
  const sum = (col: number): Cell['value'] =>
    lastRow < firstRow ? 0 : formula(`SUM(${at(col, firstRow)}:${at(col, lastRow)})`);
  grid.set(totalRow, C.period, text('Total', true));
  grid.set(totalRow, C.start, int(lastRow < firstRow ? 0 : formula(`COUNT(${at(C.period, firstRow)}:${at(C.period, lastRow)})`)));
  grid.set(totalRow, C.start + 1, text('periods'));
  grid.set(totalRow, C.days, int(sum(C.days)));
  for (const col of [C.base, C.discount, C.fee, C.pv]) grid.set(totalRow, col, { ...money(sum(col)), bold: true });

  if (options.notice && layout.feeRow && layout.grandRow) noticeLines(grid, layout, options);

  return {
    name: SCHEDULE,
    widths: [8, 12, 12, 7, 8, 9, 18, 18, 9, 18, 18, 18, 18, 18, 13, 15, 18, 20, 3, 30, 18],
    rows: grid.rows(),
    freezeRows: 1,
  };
}

/**
 * The early-termination fee as one more payment (SPEC §3): signed from the
 * provider's point of view, paid on the effective date with its own PV, and
 * nothing when the notice has no effect. Beside it, the `termination` object
 * of `project --notice`, each figure a formula over the schedule.
 */
function noticeLines(grid: Grid, layout: ScheduleLayout, options: ScheduleOptions): void {
  const feeRow = layout.feeRow as number;
  const grandRow = layout.grandRow as number;
  const v = (row: number): string => address(row, VALUE_COL, true);
  const rows = {
    notice: 2, by: 3, effective: 4, last: 5, effect: 6, days: 7, fees: 8, fee: 9, total: 10, full: 11, foregone: 12, pv: 13,
  } as const;
  const block: [number, string, Cell][] = [
    [rows.notice, 'Notice date', date(formula('NoticeDate'))],
    [rows.by, 'Notice given by', { value: formula('NoticeBy') }],
    [rows.effective, 'Effective date', date(formula('NoticeDate+NoticeDays'))],
    [rows.last, 'Last service date', date(formula(`${v(rows.effective)}-1`))],
    [rows.effect, 'Effect (service ends before the term)', { value: formula(`${v(rows.last)}<TermEnd`) }],
    [rows.days, 'Service days', int(formula(at(C.days, layout.totalRow)))],
    [rows.fees, 'Fees', money(formula(at(C.fee, layout.totalRow)))],
    [rows.fee, 'Termination fee (provider\'s view)', money(formula(at(C.fee, feeRow)))],
    [rows.total, 'Total', money(formula(`${v(rows.fees)}+${v(rows.fee)}`))],
    [rows.full, 'Full-term fees (value)', money(centsNumber(options.fullTermFee ?? 0n))],
    [rows.foregone, 'Foregone', money(formula(`${v(rows.full)}-${v(rows.total)}`))],
    [rows.pv, 'PV', money(formula(`${at(C.pv, layout.totalRow)}+${at(C.pv, feeRow)}`))],
  ];
  grid.setRow(1, LABEL_COL, [header('Notice'), header('Value')]);
  for (const [row, label, cell] of block) grid.setRow(row, LABEL_COL, [text(label), cell]);

  const r = (col: number): string => at(col, feeRow);
  grid.set(feeRow, C.period, text('Termination fee', true));
  grid.set(feeRow, C.fee, money(formula(
    `IF(${v(rows.effect)},IF(NoticeBy="customer",1,-1)*${round2('TerminationFee')},0)`,
  )));
  grid.set(feeRow, C.paymentDate, date(formula(v(rows.effective))));
  grid.set(feeRow, C.factor, { value: formula(factorOf(r(C.paymentDate))), format: FORMAT.factor });
  grid.set(feeRow, C.pv, money(formula(presentValue(r(C.fee), r(C.factor)))));

  grid.set(grandRow, C.period, text('Total with termination fee', true));
  grid.set(grandRow, C.fee, { ...money(formula(`${at(C.fee, layout.totalRow)}+${r(C.fee)}`)), bold: true });
  grid.set(grandRow, C.pv, { ...money(formula(`${at(C.pv, layout.totalRow)}+${r(C.pv)}`)), bold: true });
}
