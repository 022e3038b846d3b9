/**
 * Shared helpers for the termination tests: a Scenario factory whose
 * defaults are the seed deal (scenarios/colossus-1.yaml), date shorthands,
 * and a flat string view of an Outcome for exact comparisons.
 */
import { formatIsoDate, parseIsoDate, type Day } from '../../src/model/calendar.js';
import { Decimal, money } from '../../src/model/money.js';
import type { Outcome } from '../../src/model/termination.js';
import type { Party, RampStep, Scenario, TerminationRight } from '../../src/scenario/types.js';

/** An ISO date as a day number; throws on a bad literal so a typo cannot pass silently. */
export function day(text: string): Day {
  const r = parseIsoDate(text);
  if (!r.ok) throw new Error(`bad date literal in test: ${text}`);
  return r.day;
}

export const iso = formatIsoDate;
export const dec = (v: string | number): Decimal => new Decimal(v);

export interface TerminationOptions {
  noticeDays?: number;
  by?: TerminationRight;
  fee?: string;
  notBefore?: string | null;
}

export interface Options {
  start?: string;
  end?: string;
  monthlyFee?: string;
  ramp?: readonly RampStep[];
  escalation?: { rate: string; everyMonths: number } | null;
  periods?: Scenario['billing']['periods'];
  timing?: Scenario['billing']['timing'];
  paymentTermsDays?: number;
  /** null: no termination section. */
  termination?: TerminationOptions | null;
  discountRate?: string;
  valuationDate?: string;
  probability?: string | null;
}

/**
 * A validated Scenario literal. Every default is the seed deal: 2026-06-01 ..
 * 2029-05-31, 1.25B a month, 2 ramp months at 50%, calendar, advance, 0 days'
 * payment terms, 90 days' notice by either, fee 0, rate 0, no risk.
 */
export function scenario(o: Options = {}): Scenario {
  const start = o.start ?? '2026-06-01';
  const t = o.termination === undefined ? {} : o.termination;
  return {
    name: 'termination test',
    currency: 'USD',
    parties: {},
    capacity: {},
    term: { start: day(start), end: day(o.end ?? '2029-05-31') },
    pricing: {
      monthlyFee: dec(o.monthlyFee ?? '1250000000'),
      ramp: o.ramp ?? [{ months: 2, discount: dec('0.5') }],
      escalation: o.escalation ? { rate: dec(o.escalation.rate), everyMonths: o.escalation.everyMonths } : null,
    },
    billing: {
      periods: o.periods ?? 'calendar',
      timing: o.timing ?? 'advance',
      paymentTermsDays: o.paymentTermsDays ?? 0,
    },
    termination:
      t === null
        ? null
        : {
            noticeDays: t.noticeDays ?? 90,
            by: t.by ?? 'either',
            fee: dec(t.fee ?? '0'),
            notBefore: t.notBefore ? day(t.notBefore) : null,
          },
    valuation: { discountRate: dec(o.discountRate ?? '0'), date: day(o.valuationDate ?? start) },
    risk: { monthlyNoticeProbability: o.probability == null ? null : dec(o.probability) },
    costs: null,
    expect: [],
  };
}

/** The seed deal itself. */
export const seed = (): Scenario => scenario();

export interface OutcomeView {
  notice: string;
  by: Party;
  effective: string;
  last: string;
  effect: boolean;
  serviceDays: number;
  fees: string;
  terminationFee: string;
  total: string;
  foregone: string;
  pv: string;
}

/** Every field of an outcome as the JSON contract prints it. */
export function view(o: Outcome): OutcomeView {
  return {
    notice: iso(o.notice.date),
    by: o.notice.by,
    effective: iso(o.effectiveDate),
    last: iso(o.lastServiceDate),
    effect: o.effect,
    serviceDays: o.serviceDays,
    fees: money(o.fees),
    terminationFee: money(o.terminationFee),
    total: money(o.total),
    foregone: money(o.foregone),
    pv: money(o.pv),
  };
}
