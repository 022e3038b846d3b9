/**
 * Fees per billing period (SPEC §2): escalation, ramp, proration, payment
 * dates. Full-period fees stay exact Decimals; each period amount is rounded
 * half up to cents here, once, from its exact value.
 */
import type { Day } from './calendar.js';
import type { Billing, Pricing } from './contract.js';
import { centsOfRatio, ONE, type Cents, type Decimal } from './money.js';
import type { Period } from './schedule.js';

export interface CashFlow extends Period {
  /** Fee for the full period before the ramp: monthly fee with escalation. */
  readonly fullBase: Decimal;
  /** Fee for the full period after the ramp. */
  readonly fullFee: Decimal;
  /** round2(fullBase × days / length) */
  readonly base: Cents;
  /** round2(fullFee × days / length) */
  readonly fee: Cents;
  /** base − fee: may be negative when a fixed ramp fee is above the base. */
  readonly discount: Cents;
  readonly paymentDate: Day;
}

/** Full-period base fee of billing period k: monthly fee × (1 + rate)^floor((k − 1) / every). */
export function fullBase(pricing: Pricing, k: number): Decimal {
  const esc = pricing.escalation;
  if (!esc || esc.rate.isZero()) return pricing.monthlyFee;
  const steps = Math.floor((k - 1) / esc.everyMonths);
  return steps === 0 ? pricing.monthlyFee : pricing.monthlyFee.times(ONE.plus(esc.rate).pow(steps));
}

/** Full-period fee of billing period k after the ramp step that covers it, if any. */
export function fullFee(pricing: Pricing, k: number, base: Decimal): Decimal {
  let last = 0;
  for (const step of pricing.ramp) {
    last += step.months;
    if (k <= last) return 'fee' in step ? step.fee : base.times(ONE.minus(step.discount));
  }
  return base;
}

/** An amount for `days` out of a `length`-day period: round2(full × days / length), exactly. */
export function prorate(full: Decimal, days: number, length: number): Cents {
  return centsOfRatio(full, days, length);
}

export function paymentDate(period: Pick<Period, 'start' | 'end'>, billing: Billing): Day {
  const due = billing.timing === 'advance' ? period.start : period.end + 1;
  return due + billing.paymentTermsDays;
}

/** The cash flow of one billing period. */
export function cashFlow(period: Period, pricing: Pricing, billing: Billing): CashFlow {
  const base = fullBase(pricing, period.index);
  const fee = fullFee(pricing, period.index, base);
  const baseAmount = prorate(base, period.days, period.length);
  const feeAmount = prorate(fee, period.days, period.length);
  // an explicit literal, not a spread of the period: this runs for every period of every scenario
  return {
    index: period.index,
    start: period.start,
    end: period.end,
    days: period.days,
    length: period.length,
    fullBase: base,
    fullFee: fee,
    base: baseAmount,
    fee: feeAmount,
    discount: baseAmount - feeAmount,
    paymentDate: paymentDate(period, billing),
  };
}

/** What an outcome needs of a period cut short at `lastDay`: its service days, fee and payment date. */
export interface CutPeriod {
  readonly days: number;
  readonly fee: Cents;
  readonly paymentDate: Day;
}

/**
 * A period cut short at `lastDay` (a notice): same period length and full
 * fee, fewer days, so the fee is prorated; in arrears it is paid the day
 * after the new last day.
 */
export function cutFee(flow: CashFlow, lastDay: Day, billing: Billing): CutPeriod {
  const days = lastDay - flow.start + 1;
  return {
    days,
    fee: prorate(flow.fullFee, days, flow.length),
    paymentDate: paymentDate({ start: flow.start, end: lastDay }, billing),
  };
}

/** The whole cash flow of a period cut short at `lastDay`, for the terminated schedule. */
export function cutShort(flow: CashFlow, lastDay: Day, billing: Billing): CashFlow {
  if (lastDay >= flow.end) return flow;
  const { days, fee, paymentDate: paid } = cutFee(flow, lastDay, billing);
  const base = prorate(flow.fullBase, days, flow.length);
  return { ...flow, end: lastDay, days, base, fee, discount: base - fee, paymentDate: paid };
}
