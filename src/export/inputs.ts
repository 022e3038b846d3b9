/**
 * The Inputs sheet: every scenario value, labelled with its YAML key, as a
 * number, a percentage or a real date, so the Schedule's formulas can refer
 * to them by defined name (MonthlyFee, DiscountRate, ...) and an analyst can
 * change an input and watch the schedule follow.
 */
import type { Notice } from '../model/notice.js';
import type { Scenario } from '../scenario/types.js';
import { address, decimalNumber, FORMAT, Grid, header, serial, text, type Cell, type DefinedName, type Sheet } from './plan.js';

export const INPUTS = 'Inputs';

/** Where a ramp step's value is, as an absolute reference the Schedule's full-fee formula uses; first and last are contract months. */
export type RampRef = { readonly first: number; readonly last: number } & ({ readonly discount: string } | { readonly fee: string });

export interface InputsSheet {
  readonly sheet: Sheet;
  readonly names: readonly DefinedName[];
  /** One per ramp step, in order. */
  readonly ramp: readonly RampRef[];
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

  return { sheet: { name: INPUTS, widths: [36, 24, 44, 12, 18], rows: grid.rows(), freezeRows: 0 }, names, ramp };
}
