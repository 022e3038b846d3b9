/**
 * `deal-model export`: the scenario as an Excel workbook with live formulas.
 * Inputs holds every scenario value under a defined name, Schedule computes
 * the cash flows from them with formulas (SPEC §2, and §3 with a notice),
 * Termination holds the monthly sweep as values, and for a scenario with
 * costs, Costs computes the provider's costs, cash, NPV and IRR (SPEC §9).
 *
 * exceljs is big (about 270 ms to load unbundled) and only this command
 * needs it, so it is imported here, on first use, never at the top of a
 * module.
 *
 * Limits, all from computing in doubles as every spreadsheet does:
 * - amounts agree with the CLI to the cent while they stay below about
 *   10^13 (a double holds 15 to 17 significant digits); an input with more
 *   digits than a double holds (12345678901234567.89) is written rounded;
 * - an amount that lies within about 10^-9 of a half cent without being
 *   one may round the other way (see `round2` in schedule.ts);
 * - what follows from the calendar stays a value: the periods' dates and
 *   lengths, which ramp step covers which period, the cut made by a
 *   notice, the full-term total behind `foregone`, and the Termination
 *   sweep. Changing the term, the billing kind, the ramp's lengths or the
 *   notice date therefore needs a new export; changing an amount, a rate,
 *   the timing or the payment terms does not.
 */
import { importPackage } from '../packages.js';
import type { Workbook } from 'exceljs';
import type { Notice } from '../model/notice.js';
import { economicsResult } from '../model/economic-sweep.js';
import { noticeDates, terminatedProjection, terminationFeeFlow, terminationModel } from '../model/termination.js';
import { monthlyAnalysis } from '../model/analysis.js';
import { costsSheet } from './costs.js';
import type { Scenario } from '../scenario/types.js';
import { inputsSheet } from './inputs.js';
import type { Sheet, WorkbookPlan } from './plan.js';
import { scheduleLayout, scheduleSheet } from './schedule.js';
import { terminationSheet } from './termination.js';
import { withFixedDates } from './zip-dates.js';

export interface ExportOptions {
  /** A notice already checked against the scenario (cli/commands/notice.ts `checkedNotice`). */
  readonly notice?: Notice;
}

/**
 * The workbook as plain data. With a notice, Schedule is the terminated
 * schedule and its early-termination fee, and the sweep is by the notice's
 * party; without, the sweep is by the default party (as `check` reports it).
 */
export function workbookPlan(scenario: Scenario, options: ExportOptions): WorkbookPlan {
  const { notice } = options;
  const model = terminationModel(scenario);
  const projection = notice ? terminatedProjection(model, notice) : model.projection;
  const analysis = monthlyAnalysis(scenario, model, notice?.by);
  const inputs = inputsSheet(scenario, notice);
  const schedule = scheduleSheet(scenario, projection, inputs.ramp, notice ? { notice, fullTermFee: model.projection.totals.fee } : {});
  const sheets = [inputs.sheet, schedule, terminationSheet(scenario, analysis)];
  if (scenario.costs && inputs.capital) {
    // the economics of the schedule on the Schedule sheet: the full term, or cut by the notice with its fee
    const { economics } = economicsResult(model, notice);
    const feeFlow = notice ? terminationFeeFlow(scenario, notice) : null;
    sheets.push(costsSheet(scenario.currency, economics, {
      schedule: scheduleLayout(projection.periods.length, notice !== undefined),
      capital: inputs.capital,
      ...(notice ? { terminationFeeDate: feeFlow?.date ?? noticeDates(scenario, notice.date).effective } : {}),
    }));
  }
  return {
    sheets,
    names: inputs.names,
    stamp: scenario.valuation.date,
  };
}

export async function workbookBytes(scenario: Scenario, options: { notice?: Notice }): Promise<Uint8Array> {
  return planBytes(workbookPlan(scenario, options));
}

/** A plan as .xlsx bytes, stamped with its date. */
export async function planBytes(plan: WorkbookPlan): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  fill(workbook, plan);
  const buffer = await workbook.xlsx.writeBuffer();
  return withFixedDates(new Uint8Array(buffer as ArrayBuffer), plan.stamp);
}

type ExcelJsModule = typeof import('exceljs');

/**
 * exceljs is CommonJS, outside the bundle, imported on first use
 * (src/packages.ts): Node's ES module loader gives `{ default:
 * module.exports }` and no named exports (its lexer cannot see through
 * exceljs's re-export).
 */
export async function loadExcelJs(): Promise<ExcelJsModule> {
  const { default: api } = await importPackage<{ default?: Partial<ExcelJsModule> }>('exceljs');
  if (typeof api?.Workbook !== 'function') throw new Error('exceljs did not load: no Workbook export');
  return api as ExcelJsModule;
}

function fill(workbook: Workbook, plan: WorkbookPlan): void {
  // a fixed stamp (the valuation date, UTC midnight from the day number, so no zone shifts it):
  // two exports of one scenario are byte-identical
  const stamp = new Date(plan.stamp * 86_400_000);
  workbook.creator = 'deal-model';
  workbook.lastModifiedBy = 'deal-model';
  workbook.created = stamp;
  workbook.modified = stamp;
  // no cached results are written, so a spreadsheet must compute every formula when it opens the file
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) addSheet(workbook, sheet);
  for (const { name, ref } of plan.names) workbook.definedNames.add(ref, name);
}

function addSheet(workbook: Workbook, sheet: Sheet): void {
  const ws = workbook.addWorksheet(sheet.name, {
    views: sheet.freezeRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: sheet.freezeRows }] : [],
  });
  sheet.widths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  sheet.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      target.value = cell.value;
      if (cell.format) target.numFmt = cell.format;
      if (cell.bold) target.font = { bold: true };
    });
  });
}
