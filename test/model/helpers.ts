/** Shared helpers for the model tests: ISO date shorthands, amounts in cents, and a Scenario builder. */
import { formatIsoDate, parseIsoDate, type Day } from '../../src/model/calendar.js';
import { Decimal, toCents, type Cents } from '../../src/model/money.js';
import type { Period } from '../../src/model/schedule.js';
import { FACTOR_PLACES, type Factor } from '../../src/model/valuation.js';
import type { Scenario } from '../../src/scenario/types.js';

/** An ISO date as a day number; throws on a bad literal so a typo in a test cannot pass silently. */
export function day(iso: string): Day {
  const r = parseIsoDate(iso);
  if (!r.ok) throw new Error(`bad date literal in test: ${iso}`);
  return r.day;
}

export const iso = formatIsoDate;

/** A period as a compact row: [start, end, days, length]. */
export type Row = [string, string, number, number];

export function row(p: Period): Row {
  return [iso(p.start), iso(p.end), p.days, p.length];
}

export const dec = (v: string | number): Decimal => new Decimal(v);

/** A decimal literal rounded half up to cents: cents('1.005') is 101n. */
export const cents = (v: string | number): Cents => toCents(dec(v));

/** A discount factor of exactly 1 (factors are df × 10^60). */
export const DF_ONE: Factor = 10n ** BigInt(FACTOR_PLACES);

/** |a| for an amount in cents. */
export const absCents = (v: Cents): Cents => (v < 0n ? -v : v);

export interface ScenarioOptions {
  start: string;
  end: string;
  monthlyFee: string;
  ramp?: Scenario['pricing']['ramp'];
  escalation?: Scenario['pricing']['escalation'];
  periods?: Scenario['billing']['periods'];
  timing?: Scenario['billing']['timing'];
  paymentTermsDays?: number;
  discountRate?: string;
  valuationDate?: string;
}

export function scenario(o: ScenarioOptions): Scenario {
  return {
    name: 'test',
    currency: 'USD',
    parties: {},
    capacity: {},
    term: { start: day(o.start), end: day(o.end) },
    pricing: { monthlyFee: dec(o.monthlyFee), ramp: o.ramp ?? [], escalation: o.escalation ?? null },
    billing: { periods: o.periods ?? 'calendar', timing: o.timing ?? 'advance', paymentTermsDays: o.paymentTermsDays ?? 0 },
    termination: null,
    valuation: { discountRate: dec(o.discountRate ?? '0'), date: day(o.valuationDate ?? o.start) },
    risk: { monthlyNoticeProbability: null },
    costs: null,
    expect: [],
  };
}
