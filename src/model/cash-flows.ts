/**
 * Fees per billing period (SPEC §2): escalation and ramp by contract month,
 * proration over the period's contract-month segments, payment dates.
 * Full-period fees stay exact Decimals; each period amount is rounded half
 * up to cents here, once, from the exact sum of its segments.
 */
import type { Day } from './calendar.js';
import { firstDays, segmentsOf, type Segment } from './contract-months.js';
import type { Billing, Pricing } from './contract.js';
import { escalated } from './escalation.js';
import { centsOfSum, ONE, type Cents, type Decimal } from './money.js';
import type { Period } from './schedule.js';

/** A segment with the full-period fees of its contract month. */
export interface PricedSegment extends Segment {
  /** Fee for a full period before the ramp: the monthly fee with escalation. */
  readonly fullBase: Decimal;
  /** Fee for a full period after the ramp. */
  readonly fullFee: Decimal;
}

export interface CashFlow extends Period {
  /** The period's service days by contract month, in order: one, or two across a boundary. */
  readonly segments: readonly PricedSegment[];
  /** round2(Σ fullBase × days_s / length) */
  readonly base: Cents;
  /** round2(Σ fullFee × days_s / length) */
  readonly fee: Cents;
  /** base − fee: may be negative when a fixed ramp fee is above the base. */
  readonly discount: Cents;
  readonly paymentDate: Day;
}

/** Full-period base fee of contract month j: monthly fee × (1 + rate)^floor((j − 1) / every). */
export function fullBase(pricing: Pricing, j: number): Decimal {
  return escalated(pricing.monthlyFee, pricing.escalation, j);
}

/** Full-period fee of contract month j after the ramp step that covers it, if any (steps laid end to end from month 1). */
export function fullFee(pricing: Pricing, j: number, base: Decimal): Decimal {
  let last = 0;
  for (const step of pricing.ramp) {
    last += step.months;
    if (j <= last) return 'fee' in step ? step.fee : base.times(ONE.minus(step.discount));
  }
  return base;
}

/** A contract-month segment with its full-period fees. */
export function priced(pricing: Pricing, segment: Segment): PricedSegment {
  const base = fullBase(pricing, segment.month);
  return { month: segment.month, days: segment.days, fullBase: base, fullFee: fullFee(pricing, segment.month, base) };
}

/** round2(Σ full × days_s / length) over the segments, exactly, rounded once. */
export function prorate(segments: readonly PricedSegment[], which: 'fullBase' | 'fullFee', length: number): Cents {
  return centsOfSum(segments.map((s) => ({ value: s[which], num: s.days })), length);
}

export function paymentDate(period: Pick<Period, 'start' | 'end'>, billing: Billing): Day {
  const due = billing.timing === 'advance' ? period.start : period.end + 1;
  return due + billing.paymentTermsDays;
}

/** The cash flow of one billing period of a contract that starts on `termStart`. */
export function cashFlow(period: Period, termStart: Day, pricing: Pricing, billing: Billing): CashFlow {
  const segments = segmentsOf(termStart, period.start, period.end).map((s) => priced(pricing, s));
  const base = prorate(segments, 'fullBase', period.length);
  const fee = prorate(segments, 'fullFee', period.length);
  // an explicit literal, not a spread of the period: this runs for every period of every scenario
  return {
    index: period.index,
    start: period.start,
    end: period.end,
    days: period.days,
    length: period.length,
    segments,
    base,
    fee,
    discount: base - fee,
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
 * A period cut short at `lastDay` (a notice): same period length and
 * full-period fees, fewer days (the segments are cut at the last day), so
 * the fee is prorated; in arrears it is paid the day after the new last day.
 */
export function cutFee(flow: CashFlow, lastDay: Day, billing: Billing): CutPeriod {
  const days = lastDay - flow.start + 1;
  return {
    days,
    fee: prorate(firstDays(flow.segments, days), 'fullFee', flow.length),
    paymentDate: paymentDate({ start: flow.start, end: lastDay }, billing),
  };
}

/** The whole cash flow of a period cut short at `lastDay`, for the terminated schedule. */
export function cutShort(flow: CashFlow, lastDay: Day, billing: Billing): CashFlow {
  if (lastDay >= flow.end) return flow;
  const days = lastDay - flow.start + 1;
  const segments = firstDays(flow.segments, days);
  const base = prorate(segments, 'fullBase', flow.length);
  const fee = prorate(segments, 'fullFee', flow.length);
  return { ...flow, end: lastDay, days, segments, base, fee, discount: base - fee, paymentDate: paymentDate({ start: flow.start, end: lastDay }, billing) };
}
