/**
 * The Inputs sheet: every scenario value, labelled with its YAML key, as a
 * number, a percentage or a real date, so the Schedule's formulas can refer
 * to them by defined name (MonthlyFee, DiscountRate, ...) and an analyst can
 * change an input and watch the schedule follow.
 */
import type { Notice } from '../model/notice.js';
import type { Scenario } from '../scenario/types.js';
import { address, decimalNumber, FORMAT, formula, Grid, header, round2, serial, text, type Cell, type DefinedName, type Sheet } from './plan.js';

export const INPUTS = 'Inputs';

/** Where a ramp step's value is, as an absolute reference the Schedule's full-fee formula uses; first and last are contract months. */
export type RampRef = { readonly first: number; readonly last: number } & ({ readonly discount: string } | { readonly fee: string });

export interface InputsSheet {
  readonly sheet: Sheet;
  readonly names: readonly DefinedName[];
  /** One per ramp step, in order. */
  readonly ramp: readonly RampRef[];
  /** The capital table's date and amount ranges (absolute), when the scenario has costs. */
  readonly capital?: { readonly dates: string; readonly amounts: string } | undefined;
}

interface Line {
  readonly label: string;
  /** The YAML key (or CLI option) the value comes from. */
  readonly key: string;
  readonly cell: Cell | undefined;
  /** Defined name of the value cell. */
  readonly name?: string;
}

const date = (day: number | null | undefined): Cell | undefined =>
  day === null || day === undefined ? undefined : { value: serial(day), format: FORMAT.date };
const num = (value: number, format: string): Cell => ({ value, format });
const optionalText = (value: string | undefined): Cell | undefined => (value === undefined ? undefined : text(value));

function lines(scenario: Scenario, notice: Notice | undefined): Line[] {
  const { pricing, billing, termination, valuation } = scenario;
  const cur = scenario.currency;
  const esc = pricing.escalation;
  const probability = scenario.risk.monthlyNoticeProbability;
  return [
    { label: 'Name', key: 'name', cell: text(scenario.name) },
    { label: 'Currency', key: 'currency', cell: text(cur), name: 'Currency' },
    { label: 'Provider', key: 'parties.provider', cell: optionalText(scenario.parties.provider) },
    { label: 'Customer', key: 'parties.customer', cell: optionalText(scenario.parties.customer) },
    {
      label: 'Power (MW)',
      key: 'capacity.power_mw',
      cell: scenario.capacity.powerMw ? num(decimalNumber(scenario.capacity.powerMw), 'General') : undefined,
    },
    { label: 'Site', key: 'capacity.site', cell: optionalText(scenario.capacity.site) },
    { label: 'Term start', key: 'term.start', cell: date(scenario.term.start), name: 'TermStart' },
    { label: 'Term end (last service day)', key: 'term.end', cell: date(scenario.term.end), name: 'TermEnd' },
    { label: `Monthly fee (${cur})`, key: 'pricing.monthly_fee', cell: num(decimalNumber(pricing.monthlyFee), FORMAT.amount), name: 'MonthlyFee' },
    // no escalation is a rate of 0 every 12 periods: the same schedule, and a cell the analyst can still change
    {
      label: 'Escalation rate',
      key: esc ? 'pricing.escalation.rate' : 'pricing.escalation.rate (not set: 0)',
      cell: num(esc ? decimalNumber(esc.rate) : 0, FORMAT.percent),
      name: 'EscalationRate',
    },
    {
      label: 'Escalation every (contract months)',
      key: esc ? 'pricing.escalation.every_months' : 'pricing.escalation.every_months (not set: 12)',
      cell: num(esc ? esc.everyMonths : 12, FORMAT.int),
      name: 'EscalationEvery',
    },
    { label: 'Billing periods', key: 'billing.periods', cell: text(billing.periods), name: 'Periods' },
    { label: 'Timing (advance or arrears)', key: 'billing.timing', cell: text(billing.timing), name: 'Timing' },
    { label: 'Payment terms (days)', key: 'billing.payment_terms_days', cell: num(billing.paymentTermsDays, FORMAT.int), name: 'PaymentTerms' },
    {
      label: 'Notice period (days)',
      key: termination ? 'termination.notice_days' : 'termination (not set: nobody may terminate)',
      cell: termination ? num(termination.noticeDays, FORMAT.int) : undefined,
      name: 'NoticeDays',
    },
    { label: 'Who may terminate', key: 'termination.by', cell: text(termination?.by ?? 'none'), name: 'TerminationBy' },
    {
      label: `Termination fee (${cur})`,
      key: 'termination.fee',
      cell: num(termination ? decimalNumber(termination.fee) : 0, FORMAT.amount),
      name: 'TerminationFee',
    },
    { label: 'Notice not before', key: 'termination.not_before', cell: date(termination?.notBefore), name: 'NotBefore' },
    { label: 'Discount rate (annual, effective)', key: 'valuation.discount_rate', cell: num(decimalNumber(valuation.discountRate), FORMAT.percent), name: 'DiscountRate' },
    { label: 'Valuation date', key: 'valuation.date', cell: date(valuation.date), name: 'ValuationDate' },
    {
      label: 'Monthly notice probability',
      key: 'risk.monthly_notice_probability',
      cell: probability === null ? undefined : num(decimalNumber(probability), FORMAT.percent),
      name: 'NoticeProbability',
    },
    { label: 'Notice date (export --notice)', key: '--notice', cell: date(notice?.date), name: 'NoticeDate' },
    { label: 'Notice given by', key: '--by', cell: optionalText(notice?.by), name: 'NoticeBy' },
  ];
}

const VALUE_COL = 2;

export function inputsSheet(scenario: Scenario, notice: Notice | undefined): InputsSheet {
  const grid = new Grid();
  const names: DefinedName[] = [];
  grid.setRow(1, 1, [header('Input'), header('Value'), header('Scenario key')]);
  const list = lines(scenario, notice);
  list.forEach((line, i) => {
    const row = i + 2;
    grid.set(row, 1, text(line.label));
    if (line.cell) grid.set(row, VALUE_COL, line.cell);
    grid.set(row, 3, text(line.key));
    if (line.name) names.push({ name: line.name, ref: `${INPUTS}!${address(row, VALUE_COL, true)}` });
  });

  // the ramp as a table: one row per step, with the contract months it covers
  const top = list.length + 3;
  grid.setRow(top, 1, [header('Ramp step'), header('First month'), header('Last month'), header('Discount'), header(`Fee (${scenario.currency})`)]);
  const ramp: RampRef[] = [];
  let first = 1;
  scenario.pricing.ramp.forEach((step, i) => {
    const row = top + 1 + i;
    const last = first + step.months - 1;
    grid.setRow(row, 1, [num(i + 1, FORMAT.int), num(first, FORMAT.int), num(last, FORMAT.int)]);
    if ('fee' in step) {
      grid.set(row, 5, num(decimalNumber(step.fee), FORMAT.amount));
      ramp.push({ first, last, fee: `${INPUTS}!${address(row, 5, true)}` });
    } else {
      grid.set(row, 4, num(decimalNumber(step.discount), FORMAT.percent));
      ramp.push({ first, last, discount: `${INPUTS}!${address(row, 4, true)}` });
    }
    first = last + 1;
  });
  if (ramp.length === 0) grid.set(top + 1, 1, text('(no ramp: every month pays the full base)'));

  const capital = scenario.costs ? costInputs(grid, names, scenario) : undefined;
  return { sheet: { name: INPUTS, widths: [36, 24, 44, 12, 18, 3, 40, 22, 44], rows: grid.rows(), freezeRows: 0 }, names, ramp, capital };
}

/** Columns of the cost inputs, right of the contract's (so the ramp table's references do not move). */
const COST_LABEL = 7;
const COST_VALUE = 8;

/**
 * The cost inputs (SPEC §9) under defined names for the Costs sheet's
 * formulas; an absent section is 0 (no power: an IT load of 0; no operating
 * costs: 0 a month), so its formulas still compute, to 0. Below them, the
 * capital outlays as a table.
 */
function costInputs(grid: Grid, names: DefinedName[], scenario: Scenario): { dates: string; amounts: string } {
  const costs = scenario.costs!;
  const cur = scenario.currency;
  const { power, operating } = costs;
  const rows: [string, string, Cell, string][] = [
    ['IT load (MW)', power ? 'costs.power.it_load_mw (or capacity.power_mw)' : 'costs.power (not set: 0)', num(power ? decimalNumber(power.itLoadMw) : 0, 'General'), 'ITLoad'],
    ['Utilization', 'costs.power.utilization', num(power ? decimalNumber(power.utilization) : 0, FORMAT.percent), 'Utilization'],
    ['PUE', 'costs.power.pue', num(power ? decimalNumber(power.pue) : 1, 'General'), 'PUE'],
    [`Power price per MWh (${cur})`, 'costs.power.price_per_mwh', num(power ? decimalNumber(power.pricePerMwh) : 0, FORMAT.amount), 'PowerPrice'],
    ['Power escalation rate', 'costs.power.escalation.rate', num(power?.escalation ? decimalNumber(power.escalation.rate) : 0, FORMAT.percent), 'PowerEscalationRate'],
    ['Power escalation every (contract months)', 'costs.power.escalation.every_months', num(power?.escalation?.everyMonths ?? 12, FORMAT.int), 'PowerEscalationEvery'],
    [`Operating cost a month (${cur})`, operating ? 'costs.operating.monthly' : 'costs.operating (not set: 0)', num(operating ? decimalNumber(operating.monthly) : 0, FORMAT.amount), 'OperatingMonthly'],
    ['Operating escalation rate', 'costs.operating.escalation.rate', num(operating?.escalation ? decimalNumber(operating.escalation.rate) : 0, FORMAT.percent), 'OperatingEscalationRate'],
    ['Operating escalation every (contract months)', 'costs.operating.escalation.every_months', num(operating?.escalation?.everyMonths ?? 12, FORMAT.int), 'OperatingEscalationEvery'],
  ];
  grid.setRow(1, COST_LABEL, [header('Cost input'), header('Value'), header('Scenario key')]);
  rows.forEach(([label, key, cell, name], i) => {
    grid.setRow(i + 2, COST_LABEL, [text(label), cell, text(key)]);
    names.push({ name, ref: `${INPUTS}!${address(i + 2, COST_VALUE, true)}` });
  });
  const top = rows.length + 3;
  grid.setRow(top, COST_LABEL, [header('Capital date (costs.capital)'), header(`Capital (${cur})`), header(`To the cent (${cur})`)]);
  const first = top + 1;
  costs.capital.forEach((c, i) => {
    const row = first + i;
    // each item is a flow rounded to cents (SPEC §9), before items on one date are summed
    grid.setRow(row, COST_LABEL, [date(c.date), num(decimalNumber(c.amount), FORMAT.amount), { value: formula(round2(address(row, COST_VALUE))), format: FORMAT.money }]);
  });
  // one empty row at least, so the ranges are never empty
  const last = first + Math.max(costs.capital.length, 1) - 1;
  return {
    dates: `${INPUTS}!${address(first, COST_LABEL, true)}:${address(last, COST_LABEL, true)}`,
    amounts: `${INPUTS}!${address(first, COST_VALUE + 1, true)}:${address(last, COST_VALUE + 1, true)}`,
  };
}
