/**
 * The Costs sheet (SPEC §9): the provider's costs, margin and dated net
 * cash as live formulas over the Inputs (the cost inputs under defined
 * names) and the Schedule (each period's days, contract month and fee), so
 * changing the power price, the utilization or the operating cost
 * recomputes the costs, the cash, the NPV and the IRR.
 *
 * What stays a value: the cash dates (the days on which fees, costs,
 * capital and a termination fee fall, from the calendar) and the IRR's
 * guess, pre-filled with the CLI's IRR: spreadsheets solve XIRR by Newton
 * from a guess, and flows with a spurious root near −1 need the guess to
 * land on the same root as the CLI (PITFALLS "XIRR has several roots").
 */
import type { Economics } from '../model/economics.js';
import { formatIrr } from '../model/irr.js';
import { DAYS_PER_YEAR } from '../model/valuation.js';
import { address, FORMAT, formula, Grid, header, round2, serial, text, type Cell, type Sheet } from './plan.js';
import { C, SCHEDULE, type ScheduleLayout } from './schedule.js';

export const COSTS = 'Costs';

/** Columns of the period rows, 1-based. */
export const K = {
  period: 1, start: 2, end: 3, days: 4, length: 5, month: 6, nextDays: 7,
  energy: 8, price: 9, nextPrice: 10, powerCost: 11, operatingMonth: 12, nextOperating: 13, operating: 14,
  cost: 15, fee: 16, margin: 17, paymentDate: 18, costDate: 19,
} as const;

/** Columns of the cash rows. */
export const Q = { date: 1, fees: 2, costs: 3, capital: 4, terminationFee: 5, net: 6, cumulative: 7, factor: 8, pv: 9 } as const;

export interface CostsLayout {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalRow: number;
  readonly cashHeader: number;
  readonly cashFirst: number;
  readonly cashLast: number;
  readonly summaryRow: number;
}

export function costsLayout(periods: number, dates: number): CostsLayout {
  const totalRow = periods + 2;
  const cashHeader = totalRow + 3;
  const cashFirst = cashHeader + 1;
  const cashLast = cashFirst + dates - 1;
  return { firstRow: 2, lastRow: periods + 1, totalRow, cashHeader, cashFirst, cashLast, summaryRow: cashLast + 3 };
}

const money = (value: Cell['value']): Cell => ({ value, format: FORMAT.money });
const int = (value: Cell['value']): Cell => ({ value, format: FORMAT.int });
const dateCell = (value: Cell['value']): Cell => ({ value, format: FORMAT.date });

/** Every date a flow falls on (fees, costs, capital, a termination fee), even one whose flows are all 0. */
export function cashDates(e: Economics, terminationFeeDate: number | undefined): number[] {
  const dates = new Set<number>();
  for (const p of e.periods) dates.add(p.flow.paymentDate).add(p.costDate);
  for (const c of e.capital) dates.add(c.date);
  if (terminationFeeDate !== undefined) dates.add(terminationFeeDate);
  return [...dates].sort((a, b) => a - b);
}

export interface CostsOptions {
  readonly schedule: ScheduleLayout;
  /** The Inputs capital table's ranges. */
  readonly capital: { readonly dates: string; readonly amounts: string };
  /** The notice's effective date (the termination fee's row on the Schedule holds the amount). */
  readonly terminationFeeDate?: number;
}

export function costsSheet(currency: string, e: Economics, options: CostsOptions): Sheet {
  const grid = new Grid();
  const cur = currency;
  grid.setRow(1, 1, [
    'Period', 'Start', 'End', 'Days', 'Period length', 'Contract month', 'Days in the next month', 'Energy (MWh)',
    `Power price (${cur}/MWh)`, `Power price, next month`, `Power cost (${cur})`, `Operating a month (${cur})`, 'Operating a month, next month',
    `Operating cost (${cur})`, `Cost (${cur})`, `Fee (${cur})`, `Margin (${cur})`, 'Fee paid on', 'Costs paid on',
  ].map(header));
  const dates = cashDates(e, options.terminationFeeDate);
  const layout = costsLayout(e.periods.length, dates.length);
  const s = (col: number, row: number): string => `${SCHEDULE}!${address(row, col)}`;
  e.periods.forEach((_, i) => {
    const row = layout.firstRow + i;
    const scheduleRow = options.schedule.firstRow + i;
    const r = (col: number): string => address(row, col);
    const drawn = 'ITLoad*Utilization*PUE*24';
    grid.setRow(row, 1, [
      int(formula(s(C.period, scheduleRow))),
      dateCell(formula(s(C.start, scheduleRow))),
      dateCell(formula(s(C.end, scheduleRow))),
      int(formula(s(C.days, scheduleRow))),
      int(formula(s(C.length, scheduleRow))),
      int(formula(s(C.month, scheduleRow))),
      int(formula(s(C.nextDays, scheduleRow))),
      { value: formula(`${drawn}*${r(K.days)}`), format: '#,##0.000' },
      { value: formula(`PowerPrice*(1+PowerEscalationRate)^INT((${r(K.month)}-1)/PowerEscalationEvery)`), format: FORMAT.amount },
      { value: formula(`PowerPrice*(1+PowerEscalationRate)^INT(${r(K.month)}/PowerEscalationEvery)`), format: FORMAT.amount },
      money(formula(round2(`${drawn}*((${r(K.days)}-${r(K.nextDays)})*${r(K.price)}+${r(K.nextDays)}*${r(K.nextPrice)})`))),
      { value: formula(`OperatingMonthly*(1+OperatingEscalationRate)^INT((${r(K.month)}-1)/OperatingEscalationEvery)`), format: FORMAT.amount },
      { value: formula(`OperatingMonthly*(1+OperatingEscalationRate)^INT(${r(K.month)}/OperatingEscalationEvery)`), format: FORMAT.amount },
      money(formula(round2(`(${r(K.operatingMonth)}*(${r(K.days)}-${r(K.nextDays)})+${r(K.nextOperating)}*${r(K.nextDays)})/${r(K.length)}`))),
      money(formula(`${r(K.powerCost)}+${r(K.operating)}`)),
      money(formula(s(C.fee, scheduleRow))),
      money(formula(`${r(K.fee)}-${r(K.cost)}`)),
      dateCell(formula(s(C.paymentDate, scheduleRow))),
      dateCell(formula(`${r(K.end)}+1`)),
    ]);
  });
  const { firstRow, lastRow, totalRow } = layout;
  const range = (col: number): string => `${address(firstRow, col, true)}:${address(lastRow, col, true)}`;
  const sum = (col: number): Cell['value'] => (lastRow < firstRow ? 0 : formula(`SUM(${range(col)})`));
  grid.set(totalRow, 1, text('Total', true));
  grid.set(totalRow, K.energy, { value: sum(K.energy), format: '#,##0.000', bold: true });
  for (const col of [K.powerCost, K.operating, K.cost, K.fee, K.margin]) grid.set(totalRow, col, { ...money(sum(col)), bold: true });

  // the dated net cash: each date's fees, costs, capital and termination fee, netted
  grid.setRow(layout.cashHeader, 1, ['Cash date', `Fees (${cur})`, `Costs (${cur})`, `Capital (${cur})`, `Termination fee (${cur})`, `Net (${cur})`, `Cumulative (${cur})`, 'Discount factor', `PV (${cur})`].map(header));
  const fee = options.schedule.feeRow;
  dates.forEach((day, i) => {
    const row = layout.cashFirst + i;
    const r = (col: number): string => address(row, col);
    const sumIf = (col: number): string => (lastRow < firstRow ? '0' : `SUMIF(${range(col === K.fee ? K.paymentDate : K.costDate)},${r(Q.date)},${range(col)})`);
    grid.setRow(row, 1, [
      dateCell(serial(day)),
      money(formula(sumIf(K.fee))),
      money(formula(sumIf(K.cost))),
      money(formula(`SUMIF(${options.capital.dates},${r(Q.date)},${options.capital.amounts})`)),
      money(fee === undefined ? 0 : formula(`IF(${s(C.paymentDate, fee)}=${r(Q.date)},${s(C.fee, fee)},0)`)),
      money(formula(`${r(Q.fees)}-${r(Q.costs)}-${r(Q.capital)}+${r(Q.terminationFee)}`)),
      money(formula(i === 0 ? r(Q.net) : `${address(row - 1, Q.cumulative)}+${r(Q.net)}`)),
      { value: formula(`(1+DiscountRate)^(-(${r(Q.date)}-ValuationDate)/${DAYS_PER_YEAR})`), format: FORMAT.factor },
      money(formula(`ROUND(${r(Q.net)}*${r(Q.factor)},2)`)),
    ]);
  });
  const cashRange = (col: number): string => `${address(layout.cashFirst, col, true)}:${address(layout.cashLast, col, true)}`;
  const summary = layout.summaryRow;
  const guess = e.irr === null ? 0.1 : Number(formatIrr(e.irr));
  const figures: [string, Cell][] = [
    ['NPV (Σ PV of the dated net cash)', money(formula(`SUM(${cashRange(Q.pv)})`))],
    ['IRR guess (the CLI\'s IRR; change it to find another root)', { value: guess, format: '0.000000' }],
    ['IRR (XIRR of the dated net cash)', { value: formula(`XIRR(${cashRange(Q.net)},${cashRange(Q.date)},${address(summary + 1, 2)})`), format: '0.000000' }],
    ['Margin share (Σ margin / Σ fee)', { value: formula(`IF(${address(totalRow, K.fee)}=0,"",${address(totalRow, K.margin)}/${address(totalRow, K.fee)})`), format: '0.00%' }],
    ['Net cash (Σ net)', money(formula(`SUM(${cashRange(Q.net)})`))],
  ];
  figures.forEach(([label, cell], i) => grid.setRow(summary + i, 1, [text(label, true), cell]));
  return { name: COSTS, widths: [34, 18, 18, 18, 18, 18, 18, 16, 14, 14, 18, 18, 18, 18, 18, 18, 18, 13, 13], rows: grid.rows(), freezeRows: 1 };
}
