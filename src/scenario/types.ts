/** A validated scenario: typed, defaults applied. The model trusts it. */
import type { Day } from '../model/calendar.js';
import type { Decimal } from '../model/money.js';
import type { Expectation, Position } from './validate.js';

export type BillingPeriods = 'calendar' | 'anniversary';
export type BillingTiming = 'advance' | 'arrears';
export type Party = 'customer' | 'provider';
export type TerminationRight = 'either' | Party | 'none';

/** A ramp step: `months` billing periods at a discount off the base, or at a fixed full-period fee. */
export type RampStep =
  | { readonly months: number; readonly discount: Decimal }
  | { readonly months: number; readonly fee: Decimal };

export interface Scenario {
  readonly name: string;
  readonly currency: string;
  readonly parties: { readonly provider?: string; readonly customer?: string };
  readonly capacity: { readonly powerMw?: Decimal; readonly site?: string };
  readonly term: { readonly start: Day; readonly end: Day };
  readonly pricing: {
    readonly monthlyFee: Decimal;
    readonly ramp: readonly RampStep[];
    readonly escalation: { readonly rate: Decimal; readonly everyMonths: number } | null;
  };
  readonly billing: {
    readonly periods: BillingPeriods;
    readonly timing: BillingTiming;
    readonly paymentTermsDays: number;
  };
  /** null: no termination section, nobody may terminate early. */
  readonly termination: {
    readonly noticeDays: number;
    readonly by: TerminationRight;
    readonly fee: Decimal;
    readonly notBefore: Day | null;
  } | null;
  readonly valuation: { readonly discountRate: Decimal; readonly date: Day };
  readonly risk: { readonly monthlyNoticeProbability: Decimal | null };
  readonly expect: readonly Expectation[];
  /** Where the scenario came from, to give later errors (a notice outside the term) a position. */
  readonly origin?: { readonly file: string; readonly positions: ReadonlyMap<string, Position> };
}
