/**
 * The terms of a contract as the arithmetic needs them: dates, amounts,
 * rates and choices, typed and with every default applied. This is the
 * model's own input; the scenario loader maps a validated scenario to it
 * (a Scenario is a Contract plus its name, labels, expectations and source
 * positions), so nothing here knows about files, YAML or positions.
 */
import type { Day } from './calendar.js';
import type { Decimal } from './money.js';

export type BillingPeriods = 'calendar' | 'anniversary';
export type BillingTiming = 'advance' | 'arrears';
export type Party = 'customer' | 'provider';
export type TerminationRight = 'either' | Party | 'none';

/** A ramp step: `months` contract months at a discount off the base, or at a fixed full-period fee. */
export type RampStep =
  | { readonly months: number; readonly discount: Decimal }
  | { readonly months: number; readonly fee: Decimal };

/** A step-up of `rate` every `everyMonths` contract months. */
export interface Escalation {
  readonly rate: Decimal;
  readonly everyMonths: number;
}

export interface Pricing {
  readonly monthlyFee: Decimal;
  readonly ramp: readonly RampStep[];
  readonly escalation: Escalation | null;
}

export interface Billing {
  readonly periods: BillingPeriods;
  readonly timing: BillingTiming;
  readonly paymentTermsDays: number;
}

export interface TerminationTerms {
  readonly noticeDays: number;
  readonly by: TerminationRight;
  readonly fee: Decimal;
  readonly notBefore: Day | null;
}

export interface Valuation {
  readonly discountRate: Decimal;
  readonly date: Day;
}

/**
 * Notice probabilities (SPEC §3, §11): one monthly probability for the
 * party that gives notice (version 1), or a monthly probability for each
 * party (competing risks); the two forms exclude each other.
 */
export interface Risk {
  readonly monthlyNoticeProbability: Decimal | null;
  /** The per-party form: both set (each defaults to 0) or both null. */
  readonly customerMonthly?: Decimal | null;
  readonly providerMonthly?: Decimal | null;
}

/** Power drawn for the contract's IT load, priced per MWh (SPEC §9). */
export interface PowerCosts {
  readonly itLoadMw: Decimal;
  readonly utilization: Decimal;
  readonly pue: Decimal;
  readonly pricePerMwh: Decimal;
  readonly escalation: Escalation | null;
}

/** Fixed operating costs for one full billing period. */
export interface OperatingCosts {
  readonly monthly: Decimal;
  readonly escalation: Escalation | null;
}

/** A dated capital outlay (construction, GPUs). */
export interface CapitalItem {
  readonly date: Day;
  readonly amount: Decimal;
}

/** The provider's costs (SPEC §9): at least one of the three is present. */
export interface Costs {
  readonly power: PowerCosts | null;
  readonly operating: OperatingCosts | null;
  /** In date order. */
  readonly capital: readonly CapitalItem[];
}

/**
 * The market for the same capacity (SPEC §11): a lognormal price of one
 * full billing period, and the thresholds at which each party leaves for it.
 */
export interface MarketTerms {
  /** The price of the whole contracted capacity for one full billing period at the time origin. */
  readonly price: Decimal;
  /** As written: `price_per_mw` (multiplied by capacity.power_mw) or `price`. */
  readonly pricePerMw: Decimal | null;
  /** Expected annual change (annual effective, > −100%). */
  readonly drift: Decimal;
  /** Annual volatility of the price's logarithm. */
  readonly volatility: Decimal;
  /** The customer gives notice when the market is this far below its fee; null: never. */
  readonly customerExitsBelow: Decimal | null;
  /** The provider gives notice when the market is this far above the fee; null: never. */
  readonly providerExitsAbove: Decimal | null;
  readonly paths: number;
  readonly seed: number;
}

export interface Contract {
  readonly term: { readonly start: Day; readonly end: Day };
  readonly capacity: { readonly powerMw?: Decimal };
  readonly pricing: Pricing;
  readonly billing: Billing;
  /** null: no termination section, nobody may terminate early. */
  readonly termination: TerminationTerms | null;
  readonly valuation: Valuation;
  readonly risk: Risk;
  /** null: no costs section (the scenario has no economics). */
  readonly costs: Costs | null;
  /** null (or absent): no market section. */
  readonly market?: MarketTerms | null;
}
