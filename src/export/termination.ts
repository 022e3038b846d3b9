/**
 * The Termination sheet: the monthly sweep of `terminate` (SPEC §3), one row
 * per candidate notice date, with the committed and expected value beside
 * it. These are values, not formulas: an outcome cuts the schedule at a
 * different period for every notice date, which in a spreadsheet would take
 * a copy of the schedule per row.
 */
import type { Day } from '../model/calendar.js';
import type { Decimal } from '../model/money.js';
import { nobodyMayTerminate } from '../model/notice.js';
import type { Outcome } from '../model/termination.js';
import type { TerminationAnalysis } from '../model/analysis.js';
import type { FieldValue } from '../report/fields.js';
import { OUTCOME_FIELDS } from '../report/outcome.js';
import type { CellKind } from '../report/report.js';
import type { Scenario } from '../scenario/types.js';
import { centsNumber, decimalNumber, FORMAT, Grid, header, serial, text, type Cell, type Sheet } from './plan.js';

export const TERMINATION = 'Termination';

const money = (value: bigint): Cell => ({ value: centsNumber(value), format: FORMAT.money });
const date = (day: number): Cell => ({ value: serial(day), format: FORMAT.date });
const int = (value: number): Cell => ({ value, format: FORMAT.int });

/** A field's domain value as a workbook cell: a real date, a number of currency units, a count, a truth value. */
function cellOf(kind: CellKind, value: FieldValue): Cell {
  switch (kind) {
    case 'date':
      return date(value as Day);
    case 'money':
      return money(value as bigint);
    case 'int':
      return int(value as number);
    default:
      return { value: value as boolean | string };
  }
}

/** One outcome, a cell per field of the `terminate` rows, in their order. */
function outcomeRow(o: Outcome): Cell[] {
  return OUTCOME_FIELDS.map((f) => cellOf(f.kind, f.get(o)));
}

const LABEL_COL = 12;

const WIDTHS = [12, 13, 13, 8, 8, 18, 18, 18, 18, 18, 3, 30, 18];

/** The sweep of `analysis`, or a one-line note when nobody may terminate (`analysis` null). */
export function terminationSheet(scenario: Scenario, analysis: TerminationAnalysis | null): Sheet {
  const grid = new Grid();
  if (!analysis) {
    const why = nobodyMayTerminate(scenario)?.message ?? 'nobody may terminate this contract early';
    grid.set(1, 1, text(why[0]?.toUpperCase() + why.slice(1), true));
    return { name: TERMINATION, widths: [100], rows: grid.rows(), freezeRows: 0 };
  }
  const cur = scenario.currency;
  // the first row says what this sheet is: values, not formulas (SPEC §7)
  grid.set(1, 1, text(`Values computed by deal-model for the scenario as exported (not live formulas): change an input on Inputs and run deal-model export again to update them.`, true));
  grid.setRow(2, 1, [
    'Notice date', 'Effective date', 'Last service date', 'Effect', 'Service days',
    `Fees (${cur})`, `Termination fee (${cur})`, `Total (${cur})`, `Foregone (${cur})`, `PV (${cur})`,
  ].map(header));
  analysis.outcomes.forEach((o, i) => grid.setRow(i + 3, 1, outcomeRow(o)));

  const { committed, expected, share } = analysis;
  const figures: [string, Cell][] = [
    ['Notice given by', text(analysis.by)],
    ['Full-term total', money(analysis.full.fee)],
    ['Full-term PV', money(analysis.full.pv)],
    ['Committed: notice date', date(committed.notice.date)],
    ['Committed total', money(committed.total)],
    ['Committed PV', money(committed.pv)],
    ['Committed share', share === null ? text('n/a (the full term is worth 0)') : { value: decimalNumber(share), format: '0.00%' }],
  ];
  if (expected) {
    const percent = (value: Decimal): Cell => ({ value: decimalNumber(value), format: FORMAT.percent });
    if (expected.kind === 'single') figures.push(['Monthly notice probability', percent(expected.probability)]);
    else {
      figures.push(
        ['Monthly notice probability, customer', percent(expected.customerMonthly)],
        ['Monthly notice probability, provider', percent(expected.providerMonthly)],
        ['First notice by the customer (over the term)', percent(expected.noticeProbability.customer)],
        ['First notice by the provider (over the term)', percent(expected.noticeProbability.provider)],
        ['No notice (over the term)', percent(expected.noticeProbability.none)],
      );
    }
    figures.push(['Expected total', money(expected.total)], ['Expected PV', money(expected.pv)]);
  }
  grid.setRow(2, LABEL_COL, [header('Figure'), header('Value')]);
  figures.forEach(([label, cell], i) => grid.setRow(i + 3, LABEL_COL, [text(label), cell]));

  return { name: TERMINATION, widths: WIDTHS, rows: grid.rows(), freezeRows: 2 };
}
