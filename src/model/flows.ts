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

/** The net of one date's flows (SPEC §9 "dated net cash flows"). */
export interface DatedNet {
  readonly date: Day;
  readonly net: Cents;
}

/**
 * A leg's flows summed per date, in date order. A date whose flows are all
 * 0.00 is left out (a free ramp month with no cost); a date whose flows
 * cancel to 0.00 is kept.
 */
export function netByDate(leg: Leg): DatedNet[] {
  const byDate = new Map<Day, { net: Cents; any: boolean }>();
  for (const flow of leg) {
    const at = byDate.get(flow.date);
    if (at) {
      at.net += flow.amount;
      at.any ||= flow.amount !== 0n;
    } else {
      byDate.set(flow.date, { net: flow.amount, any: flow.amount !== 0n });
    }
  }
  return [...byDate.entries()].filter(([, v]) => v.any).sort(([a], [b]) => a - b).map(([date, v]) => ({ date, net: v.net }));
}

/** Σ round2(net × df(date)) over dated nets: each date's net is discounted and rounded once. */
export function presentValueOfNets(nets: readonly DatedNet[], d: Discounter): Cents {
  let pv = 0n;
  for (const n of nets) pv += d.presentValue(n.net, n.date);
  return pv;
}

/**
 * The payback date (SPEC §9): the earliest date from which the cumulative
 * net cash is ≥ 0 on that date and every later one; null when it ends
 * negative; the first date when it is never negative.
 */
export function paybackDate(nets: readonly DatedNet[]): Day | null {
  let cumulative = 0n;
  let lastNegative = -1;
  nets.forEach((n, i) => {
    cumulative += n.net;
    if (cumulative < 0n) lastNegative = i;
  });
  if (nets.length === 0 || cumulative < 0n) return null;
  return (nets[lastNegative + 1] as DatedNet).date;
}
