/**
 * Dated flows: the vocabulary every valuation speaks. A Flow is an amount
 * in cents paid on a date, signed from the provider's point of view (money
 * in is positive), and a Leg is a list of them. A fee, an early-termination
 * fee, a cost or a capital outlay is each just a flow of its kind, valued
 * through the one discounter, so no figure needs a special case of its own.
 */
import type { Day } from './calendar.js';
import type { Cents } from './money.js';
import type { Discounter } from './valuation.js';

export type FlowKind = 'fee' | 'termination_fee' | 'cost' | 'capital';

export interface Flow {
  readonly date: Day;
  readonly amount: Cents;
  readonly kind: FlowKind;
}

export type Leg = readonly Flow[];

/** Σ round2(amount × df(date)): each flow's PV rounded to cents, then summed (SPEC §2). */
export function presentValueOf(leg: Leg, d: Discounter): Cents {
  let pv = 0n;
  for (const flow of leg) pv += d.presentValue(flow.amount, flow.date);
  return pv;
}

/** Σ amount over the leg. */
export function totalOf(leg: Leg): Cents {
  let total = 0n;
  for (const flow of leg) total += flow.amount;
  return total;
}
