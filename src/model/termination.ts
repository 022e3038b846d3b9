/**
 * Early termination (SPEC §3): the outcome of one notice, the sweep over
 * candidate notice dates, the committed and the expected value.
 *
 * The full schedule is computed once, with running sums of fees, present
 * values and days. An outcome is then the sums of the periods before the
 * one that holds the last service day, plus that one period cut short, plus
 * the termination fee: constant work per notice date, whatever the term.
 */
import { type Day } from './calendar.js';
import { cutFee, cutShort, type CashFlow } from './cash-flows.js';
import type { Contract, Party } from './contract.js';
import { presentValueOf, type Flow } from './flows.js';
import { Decimal, divHalfUp, toCents, ZERO, type Cents } from './money.js';
import { earliestNotice, type Notice } from './notice.js';

import { cashFlows, contractDiscounter, discounted, type Projection } from './projection.js';
import { mapped, type Sequence } from './sequence.js';
import type { Discounter } from './valuation.js';

export interface Outcome {
  readonly notice: Notice;
  readonly effectiveDate: Day;
  readonly lastServiceDate: Day;
  /** false when the last service date is on or after term.end: the full term runs. */
  readonly effect: boolean;
  readonly serviceDays: number;
  /** Sum of the period fees kept. */
  readonly fees: Cents;
  /** From the provider's point of view: +fee on a customer's notice, −fee on a provider's. */
  readonly terminationFee: Cents;
  readonly total: Cents;
  readonly foregone: Cents;
  /** PV of the kept fees plus PV of the termination fee. */
  readonly pv: Cents;
}

export interface TerminationModel {
  readonly contract: Contract;
  readonly projection: Projection;
  readonly discounter: Discounter;
  /** Running sums before period i (index 0 = nothing): fees, rounded PVs, days. */
  readonly feesBefore: readonly Cents[];
  readonly pvBefore: readonly Cents[];
  readonly daysBefore: readonly number[];
}

export function terminationModel(contract: Contract): TerminationModel {
  const discounter = contractDiscounter(contract);
  const projection = discounted(cashFlows(contract), discounter);
  const feesBefore: Cents[] = [0n];
  const pvBefore: Cents[] = [0n];
  const daysBefore: number[] = [0];
  projection.periods.forEach((p, i) => {
    feesBefore.push((feesBefore[i] as Cents) + p.fee);
    pvBefore.push((pvBefore[i] as Cents) + p.pv);
    daysBefore.push((daysBefore[i] as number) + p.days);
  });
  return { contract, projection, discounter, feesBefore, pvBefore, daysBefore };
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

/** The effective date E = N + notice days, and the last service date L = E − 1 day, of a notice on N. */
export function noticeDates(contract: Contract, noticeDate: Day): { effective: Day; last: Day } {
  const effective = noticeDate + (contract.termination?.noticeDays ?? 0);
  return { effective, last: effective - 1 };
}

/** Where service stops after `last` (< term.end): periods kept whole, and the one cut short, if any. */
export interface Stop {
  readonly whole: number;
  readonly cut?: CashFlow;
}

export function locate(model: TerminationModel, last: Day): Stop {
  const periods = model.projection.periods;
  if (last < model.contract.term.start || periods.length === 0) return { whole: 0 };
  const i = periodIndex(periods, last);
  const period = periods[i] as CashFlow;
  return last >= period.end ? { whole: i + 1 } : { whole: i, cut: period };
}

export function signedTerminationFee(contract: Contract, by: Party): Cents {
  const fee = toCents(contract.termination?.fee ?? ZERO);
  return by === 'customer' ? fee : -fee;
}

/**
 * The early-termination fee of a notice with effect, as the flow it is
 * (SPEC §3): paid by the terminating party to the other on the effective
 * date, signed from the provider's point of view; none when it is 0.00.
 */
export function terminationFeeFlow(contract: Contract, notice: Notice): Flow | null {
  const { effective, last } = noticeDates(contract, notice.date);
  if (last >= contract.term.end) return null; // a notice with no effect: the full term, no fee
  const amount = signedTerminationFee(contract, notice.by);
  return amount === 0n ? null : { date: effective, amount, kind: 'termination_fee' };
}

export function outcomeOf(model: TerminationModel, notice: Notice): Outcome {
  const { contract, projection, discounter } = model;
  const full = projection.totals;
  const { effective, last } = noticeDates(contract, notice.date);
  if (last >= contract.term.end) {
    return {
      notice,
      effectiveDate: effective,
      lastServiceDate: last,
      effect: false,
      serviceDays: full.days,
      fees: full.fee,
      terminationFee: 0n,
      total: full.fee,
      foregone: 0n,
      pv: full.pv,
    };
  }
  // the periods kept whole come from the running sums; at most one period is cut
  const { whole, cut } = locate(model, last);
  let fees = model.feesBefore[whole] as Cents;
  let pv = model.pvBefore[whole] as Cents;
  let serviceDays = model.daysBefore[whole] as number;
  if (cut) {
    const part = cutFee(cut, last, contract.billing);
    fees += part.fee;
    pv += discounter.presentValue(part.fee, part.paymentDate);
    serviceDays += part.days;
  }
  const feeFlow = terminationFeeFlow(contract, notice);
  const terminationFee = feeFlow?.amount ?? 0n;
  if (feeFlow) pv += presentValueOf([feeFlow], discounter);
  const total = fees + terminationFee;
  return {
    notice,
    effectiveDate: effective,
    lastServiceDate: last,
    effect: true,
    serviceDays,
    fees,
    terminationFee,
    total,
    foregone: full.fee - total,
    pv,
  };
}

/** The schedule as it runs after a notice: for `project --notice`. */
export function terminatedProjection(model: TerminationModel, notice: Notice): Projection {
  const { contract, projection } = model;
  const { last } = noticeDates(contract, notice.date);
  if (last >= contract.term.end) return projection;
  const { whole, cut } = locate(model, last);
  const flows: CashFlow[] = projection.periods.slice(0, whole);
  if (cut) flows.push(cutShort(cut, last, contract.billing));
  return discounted(flows, model.discounter);
}

/**
 * The outcomes of `dates`, each computed as it is read: a daily sweep is
 * printed without ever being held whole (what survived of 10,950 outcomes
 * grew V8's young generation to its full size).
 */
export function sweep(model: TerminationModel, by: Party, dates: readonly Day[]): Sequence<Outcome> {
  return mapped(dates, (date) => outcomeOf(model, { date, by }));
}

/** What the contract guarantees: a notice on the earliest allowed date. */
export function committedOutcome(model: TerminationModel, by: Party): Outcome {
  return outcomeOf(model, { date: earliestNotice(model.contract), by });
}

/** committed.total / full_term.total, half up to 4 decimals; null when the full term is worth 0. */
export function committedShare(committed: Outcome, fullTotal: Cents): Decimal | null {
  if (fullTotal === 0n) return null;
  return new Decimal(divHalfUp(committed.total * 10_000n, fullTotal).toString()).div(10_000);
}

