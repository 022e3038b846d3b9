/**
 * Compare a recalculated workbook, cell by cell, with the CLI's figures:
 * money to the cent (the double rounded half up to cents against the JSON
 * string's cents), dates and counts exactly, discount factors to 1e-12 of the
 * model's exact factor. Every difference is collected with its sheet, row
 * and field, so one failing test lists them all.
 */
import { isoDay, type Expected, type OutcomeJson } from './cases.js';
import type { Sheets } from './gnumeric.js';
import { serial } from '../../src/export/plan.js';
import { Decimal } from '../../src/model/money.js';
import { factorToDecimal } from '../../src/model/valuation.js';

export interface Comparison {
  readonly differences: string[];
  /** How many cells were compared, so a test can tell a real comparison from an empty one. */
  compared: number;
}

export interface CompareOptions {
  /** Compare the Termination sheet (values, so stale once an input is changed). Default true. */
  readonly sweep?: boolean;
  /** Compare `foregone` of the notice block (its full-term total is a value). Default true. */
  readonly foregone?: boolean;
}

/** A cell that must hold a finite number: an empty cell or an error (#VALUE!) is a difference, never 0. */
function number(cell: string | undefined): number | undefined {
  if (cell === undefined || cell.trim() === '') return undefined;
  const x = Number(cell);
  return Number.isFinite(x) ? x : undefined;
}

/**
 * The cents a money cell holds: gnumeric prints a raw number with up to 20
 * significant digits, the double's value, which is rounded half up to cents
 * as a decimal (Math.round(x * 100) would add the error of the product, and
 * above 10^13 a double's hundredths are no longer exact).
 */
function cellCents(x: string): bigint {
  return BigInt(new Decimal(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(100).toFixed(0));
}

const jsonCents = (amount: string): bigint => {
  if (!/^-?\d+\.\d{2}$/.test(amount)) throw new Error(`not a money string: ${amount}`);
  return BigInt(amount.replace('.', ''));
};

class Checker {
  readonly result: Comparison = { differences: [], compared: 0 };

  constructor(readonly sheets: Sheets) {}

  cell(sheet: string, row: number, col: number): string | undefined {
    return this.sheets[sheet]?.[row]?.[col];
  }

  private fail(where: string, got: string | undefined, want: string): void {
    this.result.differences.push(`${where}: spreadsheet ${got === undefined ? '(missing)' : JSON.stringify(got)}, CLI ${want}`);
  }

  money(sheet: string, row: number, col: number, want: string, what: string): void {
    this.result.compared++;
    const got = this.cell(sheet, row, col);
    const x = number(got);
    if (x === undefined || cellCents(got as string) !== jsonCents(want)) this.fail(`${sheet} row ${row + 1} ${what}`, got, want);
  }

  date(sheet: string, row: number, col: number, want: string, what: string): void {
    this.result.compared++;
    const got = this.cell(sheet, row, col);
    if (number(got) !== serial(isoDay(want))) this.fail(`${sheet} row ${row + 1} ${what}`, got, `${want} (serial ${serial(isoDay(want))})`);
  }

  exact(sheet: string, row: number, col: number, want: number | string | boolean, what: string): void {
    this.result.compared++;
    const got = this.cell(sheet, row, col);
    const ok =
      want === ''
        ? (got ?? '') === ''
        : typeof want === 'number' ? number(got) === want : typeof want === 'boolean' ? got === (want ? 'TRUE' : 'FALSE') : got === want;
    if (!ok) this.fail(`${sheet} row ${row + 1} ${what}`, got, String(want));
  }

  near(sheet: string, row: number, col: number, want: number, tolerance: number, what: string): void {
    this.result.compared++;
    const got = this.cell(sheet, row, col);
    const x = number(got);
    if (x === undefined || !(Math.abs(x - want) <= tolerance)) this.fail(`${sheet} row ${row + 1} ${what}`, got, `${want} ± ${tolerance}`);
  }
}

/** Schedule columns (0-based), as src/export/schedule.ts lays them out. */
const S = { period: 0, start: 1, end: 2, days: 3, length: 4, month: 5, fullBase: 6, fullFee: 7, nextDays: 8, nextBase: 9, nextFee: 10, base: 11, discount: 12, fee: 13, paid: 14, factor: 15, pv: 16, cumulative: 17 };
/** The notice block's value column, and the Termination sheet's figures column. */
const NOTICE_VALUE = 20;
const FIGURE_VALUE = 12;

export function compareWorkbook(sheets: Sheets, expected: Expected, options: CompareOptions = {}): Comparison {
  const c = new Checker(sheets);
  const { project, projection } = expected;
  const sch = 'Schedule';
  project.periods.forEach((p, i) => {
    const row = i + 1;
    const exact = projection.periods[i];
    if (!exact) throw new Error('projection and JSON disagree');
    const tag = (f: string): string => `period ${p.period} ${f}`;
    c.exact(sch, row, S.period, p.period, tag('period'));
    c.date(sch, row, S.start, p.start, tag('start'));
    c.date(sch, row, S.end, p.end, tag('end'));
    c.exact(sch, row, S.days, p.days, tag('days'));
    c.exact(sch, row, S.length, p.period_length, tag('period_length'));
    // the full-period fees are not in the JSON: against the model's exact decimals, relatively
    const [first, next] = exact.segments;
    if (!first) throw new Error('a period without segments');
    c.exact(sch, row, S.month, first.month, tag('contract month'));
    c.exact(sch, row, S.nextDays, next?.days ?? 0, tag('days in the next contract month'));
    const near = (col: number, value: Decimal, what: string): void => c.near(sch, row, col, value.toNumber(), Math.abs(value.toNumber()) * 1e-13, tag(what));
    near(S.fullBase, first.fullBase, 'full base');
    near(S.fullFee, first.fullFee, 'full fee');
    if (next) {
      near(S.nextBase, next.fullBase, 'full base, next month');
      near(S.nextFee, next.fullFee, 'full fee, next month');
    }
    c.money(sch, row, S.base, p.base, tag('base'));
    c.money(sch, row, S.discount, p.discount, tag('discount'));
    c.money(sch, row, S.fee, p.fee, tag('fee'));
    c.date(sch, row, S.paid, p.payment_date, tag('payment_date'));
    c.near(sch, row, S.factor, factorToDecimal(exact.discountFactor).toNumber(), 1e-12, tag('discount_factor'));
    c.near(sch, row, S.factor, Number(p.discount_factor), 5.000001e-11, tag('discount_factor (JSON, 10 decimals)'));
    c.money(sch, row, S.pv, p.pv, tag('pv'));
    c.money(sch, row, S.cumulative, p.cumulative, tag('cumulative'));
  });
  const totalRow = project.periods.length + 1;
  const t = project.totals;
  c.exact(sch, totalRow, S.period, 'Total', 'totals label');
  c.exact(sch, totalRow, S.start, t.periods, 'totals.periods');
  c.exact(sch, totalRow, S.days, t.days, 'totals.days');
  c.money(sch, totalRow, S.base, t.base, 'totals.base');
  c.money(sch, totalRow, S.discount, t.discount, 'totals.discount');
  c.money(sch, totalRow, S.fee, t.fee, 'totals.fee');
  c.money(sch, totalRow, S.pv, t.pv, 'totals.pv');
  const term = project.termination;
  if (term) {
    const feeRow = totalRow + 2;
    const grandRow = totalRow + 3;
    c.exact(sch, feeRow, S.period, 'Termination fee', 'termination fee label');
    c.money(sch, feeRow, S.fee, term.termination_fee, 'termination fee');
    c.date(sch, feeRow, S.paid, term.effective_date, 'termination fee paid on the effective date');
    c.money(sch, grandRow, S.fee, term.total, 'termination.total (fees + termination fee)');
    c.money(sch, grandRow, S.pv, term.pv, 'termination.pv');
    const v = (row: number): [string, number, number] => [sch, row, NOTICE_VALUE];
    c.date(...v(1), term.notice_date, 'termination.notice_date');
    c.exact(...v(2), term.by, 'termination.by');
    c.date(...v(3), term.effective_date, 'termination.effective_date');
    c.date(...v(4), term.last_service_date, 'termination.last_service_date');
    c.exact(...v(5), term.effect, 'termination.effect');
    c.exact(...v(6), term.service_days, 'termination.service_days');
    c.money(...v(7), term.fees, 'termination.fees');
    c.money(...v(8), term.termination_fee, 'termination.termination_fee');
    c.money(...v(9), term.total, 'termination.total');
    if (options.foregone !== false) c.money(...v(11), term.foregone, 'termination.foregone');
    c.money(...v(12), term.pv, 'termination.pv');
  } else {
    // without a notice, nothing below the totals
    c.result.compared++;
    const below = (sheets[sch] ?? []).slice(totalRow + 1).filter((cells) => cells.some((x) => x !== ''));
    if (below.length > 0) c.result.differences.push(`Schedule: ${below.length} rows below the totals without a notice`);
  }

  if (options.sweep !== false) compareSweep(c, expected);
  if (expected.economics) compareCosts(c, expected.economics);
  else if (sheets.Costs) c.result.differences.push('a Costs sheet for a scenario without costs');
  return c.result;
}

/** Costs sheet columns and cash columns (0-based), as src/export/costs.ts lays them out. */
const K = { period: 0, energy: 7, powerCost: 10, operating: 13, cost: 14, fee: 15, margin: 16, paid: 17, costDate: 18 };
const Q = { date: 0, net: 5, cumulative: 6 };

/**
 * The Costs sheet against `economics` JSON: every period's energy (to the
 * printed 3 decimals), costs, fee and margin; every cash date's net (the
 * sheet lists dates whose flows are all 0 too, as 0); the NPV to the cent;
 * the IRR within 1e-6.
 */
function compareCosts(c: Checker, e: Record<string, any>): void {
  const sheet = 'Costs';
  const periods = e.periods as Record<string, any>[];
  periods.forEach((p, i) => {
    const row = i + 1;
    const tag = (f: string): string => `costs period ${p.period} ${f}`;
    c.exact(sheet, row, K.period, p.period, tag('period'));
    if (p.energy_mwh !== null) {
      c.result.compared++;
      const got = c.cell(sheet, row, K.energy);
      if (got === undefined || new Decimal(got).toFixed(3) !== p.energy_mwh) c.result.differences.push(`${sheet} row ${row + 1} ${tag('energy_mwh')}: spreadsheet ${got}, CLI ${p.energy_mwh}`);
    }
    c.money(sheet, row, K.powerCost, p.power_cost, tag('power_cost'));
    c.money(sheet, row, K.operating, p.operating_cost, tag('operating_cost'));
    c.money(sheet, row, K.cost, p.cost, tag('cost'));
    c.money(sheet, row, K.fee, p.fee, tag('fee'));
    c.money(sheet, row, K.margin, p.margin, tag('margin'));
    c.date(sheet, row, K.paid, p.payment_date, tag('payment_date'));
    c.date(sheet, row, K.costDate, p.cost_date, tag('cost_date'));
  });
  const rows = c.sheets[sheet] ?? [];
  const byDate = new Map<number, number>();
  rows.forEach((cells, r) => {
    if (r > periods.length + 4 && /^\d+$/.test(cells[Q.date] ?? '')) byDate.set(Number(cells[Q.date]), r);
  });
  for (const cash of e.cash as { date: string; net: string }[]) {
    const row = byDate.get(serial(isoDay(cash.date)));
    if (row === undefined) {
      c.result.differences.push(`Costs: no cash row for ${cash.date}`);
      continue;
    }
    c.money(sheet, row, Q.net, cash.net, `cash ${cash.date} net`);
  }
  const summary = rows.findIndex((cells) => (cells[0] ?? '').startsWith('NPV'));
  c.money(sheet, summary, 1, e.npv, 'npv');
  // gnumeric's XIRR gives #VALUE! for very large rates (above about 10,000%, seen at 5051.6 on a 6-week term): compared below 100
  if (e.irr !== null && Math.abs(Number(e.irr)) <= 100) c.near(sheet, summary + 2, 1, Number(e.irr), 1e-6, 'irr (XIRR)');
  c.money(sheet, summary + 4, 1, e.totals.net, 'totals.net');
}

function compareSweep(c: Checker, expected: Expected): void {
  const sheet = 'Termination';
  const r = expected.terminate;
  if (!r) {
    c.result.compared++;
    const note = c.cell(sheet, 0, 0) ?? '';
    if (!/^Nobody may terminate this contract early/.test(note)) c.result.differences.push(`Termination note: ${JSON.stringify(note)}`);
    return;
  }
  const outcome = (row: number, o: OutcomeJson): void => {
    const tag = (f: string): string => `notice ${o.notice_date} ${f}`;
    c.date(sheet, row, 0, o.notice_date, tag('notice_date'));
    c.date(sheet, row, 1, o.effective_date, tag('effective_date'));
    c.date(sheet, row, 2, o.last_service_date, tag('last_service_date'));
    c.exact(sheet, row, 3, o.effect, tag('effect'));
    c.exact(sheet, row, 4, o.service_days, tag('service_days'));
    c.money(sheet, row, 5, o.fees, tag('fees'));
    c.money(sheet, row, 6, o.termination_fee, tag('termination_fee'));
    c.money(sheet, row, 7, o.total, tag('total'));
    c.money(sheet, row, 8, o.foregone, tag('foregone'));
    c.money(sheet, row, 9, o.pv, tag('pv'));
  };
  // row 0 says the sheet holds values, not formulas (SPEC §7); the header is row 1
  c.result.compared++;
  const note = c.cell(sheet, 0, 0) ?? '';
  if (!/^Values computed by deal-model for the scenario as exported \(not live formulas\)/.test(note)) c.result.differences.push(`Termination note: ${JSON.stringify(note)}`);
  const TOP = 1;
  r.outcomes.forEach((o, i) => outcome(i + 1 + TOP, o));
  c.exact(sheet, r.outcomes.length + 1 + TOP, 0, '', 'no row after the last outcome');
  const v = (row: number): [string, number, number] => [sheet, row + TOP, FIGURE_VALUE];
  c.exact(...v(1), r.by, 'by');
  c.money(...v(2), r.full_term.total, 'full_term.total');
  c.money(...v(3), r.full_term.pv, 'full_term.pv');
  c.date(...v(4), r.committed.notice_date, 'committed.notice_date');
  c.money(...v(5), r.committed.total, 'committed.total');
  c.money(...v(6), r.committed.pv, 'committed.pv');
  if (r.committed.share === null) c.exact(...v(7), 'n/a (the full term is worth 0)', 'committed.share');
  else c.exact(...v(7), Number(r.committed.share), 'committed.share');
  if (r.expected && 'probability' in r.expected) {
    c.exact(...v(8), Number(r.expected.probability), 'expected.probability');
    c.money(...v(9), r.expected.total, 'expected.total');
    c.money(...v(10), r.expected.pv, 'expected.pv');
  } else if (r.expected) {
    c.money(...v(13), r.expected.total, 'expected.total');
    c.money(...v(14), r.expected.pv, 'expected.pv');
  } else {
    c.exact(...v(8), '', 'no expected value');
  }
}
