/**
 * Early termination (SPEC §3): the outcome of one notice, the sweep over
 * candidate notice dates, the committed and the expected value.
 *
 * The full schedule is computed once, with running sums of fees, present
 * values and days. An outcome is then the sums of the periods before the
 * one that holds the last service day, plus that one period cut short, plus
 * the termination fee: constant work per notice date, whatever the term.
 */
import type { Party, Scenario } from '../scenario/types.js';
import { type Day } from './calendar.js';
import { cutShort, type CashFlow } from './cash-flows.js';
import { Decimal, ONE, ZERO, round2 } from './money.js';
import { candidateDates, earliestNotice, type Notice } from './notice.js';
import { cashFlows, scenarioDiscounter, value, type Projection } from './projection.js';
import type { Discounter } from './valuation.js';

export interface Outcome {
  readonly notice: Notice;
  readonly effectiveDate: Day;
  readonly lastServiceDate: Day;
  /** false when the last service date is on or after term.end: the full term runs. */
  readonly effect: boolean;
  readonly serviceDays: number;
  /** Sum of the period fees kept. */
  readonly fees: Decimal;
  /** From the provider's point of view: +fee on a customer's notice, −fee on a provider's. */
  readonly terminationFee: Decimal;
  readonly total: Decimal;
  readonly foregone: Decimal;
  /** PV of the kept fees plus PV of the termination fee. */
  readonly pv: Decimal;
}

export interface Expected {
  readonly probability: Decimal;
  readonly total: Decimal;
  readonly pv: Decimal;
}

export interface TerminationModel {
  readonly scenario: Scenario;
  readonly projection: Projection;
  readonly discounter: Discounter;
  /** Running sums before period i (index 0 = nothing): fees, rounded PVs, days. */
  readonly feesBefore: readonly Decimal[];
  readonly pvBefore: readonly Decimal[];
  readonly daysBefore: readonly number[];
}

export function terminationModel(scenario: Scenario): TerminationModel {
  const discounter = scenarioDiscounter(scenario);
  const projection = value(cashFlows(scenario), discounter);
  const feesBefore: Decimal[] = [ZERO];
  const pvBefore: Decimal[] = [ZERO];
  const daysBefore: number[] = [0];
  projection.periods.forEach((p, i) => {
    feesBefore.push((feesBefore[i] as Decimal).plus(p.fee));
    pvBefore.push((pvBefore[i] as Decimal).plus(p.pv));
    daysBefore.push((daysBefore[i] as number) + p.days);
  });
  return { scenario, projection, discounter, feesBefore, pvBefore, daysBefore };
}

/** Index of the period that contains `day` (periods are contiguous and sorted). */
function periodIndex(periods: readonly CashFlow[], day: Day): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((periods[mid] as CashFlow).end < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Cut {
  /** Periods kept whole, before the cut one. */
  readonly whole: number;
  /** The period that holds the last service day, cut short; undefined when no service remains. */
  readonly last?: CashFlow;
}

export function lastServiceDate(scenario: Scenario, noticeDate: Day): { effective: Day; last: Day } {
  const effective = noticeDate + (scenario.termination?.noticeDays ?? 0);
  return { effective, last: effective - 1 };
}

/** What remains of the schedule when service stops after `last` (last < term.end). */
export function cutAt(model: TerminationModel, last: Day): Cut {
  const periods = model.projection.periods;
  if (last < model.scenario.term.start || periods.length === 0) return { whole: 0 };
  const i = periodIndex(periods, last);
  return { whole: i, last: cutShort(periods[i] as CashFlow, last, model.scenario.billing) };
}

export function signedTerminationFee(scenario: Scenario, by: Party): Decimal {
  const fee = round2(scenario.termination?.fee ?? ZERO);
  if (fee.isZero()) return ZERO;
  return by === 'customer' ? fee : fee.neg();
}

export function outcomeOf(model: TerminationModel, notice: Notice): Outcome {
  const { scenario, projection, discounter } = model;
  const full = projection.totals;
  const { effective, last } = lastServiceDate(scenario, notice.date);
  if (last >= scenario.term.end) {
    return {
      notice,
      effectiveDate: effective,
      lastServiceDate: last,
      effect: false,
      serviceDays: full.days,
      fees: full.fee,
      terminationFee: ZERO,
      total: full.fee,
      foregone: ZERO,
      pv: full.pv,
    };
  }
  const cut = cutAt(model, last);
  let fees = model.feesBefore[cut.whole] as Decimal;
  let pv = model.pvBefore[cut.whole] as Decimal;
  let serviceDays = model.daysBefore[cut.whole] as number;
  if (cut.last) {
    fees = fees.plus(cut.last.fee);
    pv = pv.plus(discounter.presentValue(cut.last.fee, cut.last.paymentDate));
    serviceDays += cut.last.days;
  }
  const terminationFee = signedTerminationFee(scenario, notice.by);
  pv = pv.plus(discounter.presentValue(terminationFee, effective));
  const total = fees.plus(terminationFee);
  return {
    notice,
    effectiveDate: effective,
    lastServiceDate: last,
    effect: true,
    serviceDays,
    fees,
    terminationFee,
    total,
    foregone: full.fee.minus(total),
    pv,
  };
}

/** The schedule as it runs after a notice: for `project --notice`. */
export function terminatedProjection(model: TerminationModel, notice: Notice): Projection {
  const { scenario, projection } = model;
  const { last } = lastServiceDate(scenario, notice.date);
  if (last >= scenario.term.end) return projection;
  const cut = cutAt(model, last);
  const flows: CashFlow[] = projection.periods.slice(0, cut.whole);
  if (cut.last) flows.push(cut.last);
  return value(flows, model.discounter);
}

export function sweep(model: TerminationModel, by: Party, dates: readonly Day[]): Outcome[] {
  return dates.map((date) => outcomeOf(model, { date, by }));
}

/** What the contract guarantees: a notice on the earliest allowed date. */
export function committedOutcome(model: TerminationModel, by: Party): Outcome {
  return outcomeOf(model, { date: earliestNotice(model.scenario), by });
}

/** committed.total / full_term.total, half up to 4 decimals; null when the full term is worth 0. */
export function committedShare(committed: Outcome, fullTotal: Decimal): Decimal | null {
  if (fullTotal.isZero()) return null;
  return committed.total.div(fullTotal).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}

/**
 * Expected total and PV when a notice falls in any month with probability p:
 * first on the m-th monthly candidate with (1−p)^(m−1)·p, never with (1−p)^M.
 * Always over the monthly candidates, whatever the sweep's step.
 */
export function expectedValue(model: TerminationModel, by: Party, probability: Decimal): Expected {
  const dates = candidateDates(model.scenario, 'month');
  const stay = ONE.minus(probability);
  let weight = probability;
  let never = ONE;
  let total = ZERO;
  let pv = ZERO;
  for (const date of dates) {
    const o = outcomeOf(model, { date, by });
    total = total.plus(weight.times(o.total));
    pv = pv.plus(weight.times(o.pv));
    weight = weight.times(stay);
    never = never.times(stay);
  }
  const full = model.projection.totals;
  total = total.plus(never.times(full.fee));
  pv = pv.plus(never.times(full.pv));
  return { probability, total: round2(total), pv: round2(pv) };
}
