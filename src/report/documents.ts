/**
 * The JSON documents of SPEC §4, typed: what `--format json` prints, what
 * `check` snapshots, and what the chart and `compare` read. Keys are in the
 * contract's order; money is a string with exactly two decimals, dates are
 * ISO strings, discount factors strings with 10 decimals.
 */

export interface ScenarioHeaderJson {
  readonly name: string;
  readonly currency: string;
}

export interface PeriodJson {
  readonly period: number;
  readonly start: string;
  readonly end: string;
  readonly days: number;
  readonly period_length: number;
  readonly base: string;
  readonly discount: string;
  readonly fee: string;
  readonly payment_date: string;
  readonly discount_factor: string;
  readonly pv: string;
  readonly cumulative: string;
}

export interface TotalsJson {
  readonly periods: number;
  readonly days: number;
  readonly base: string;
  readonly discount: string;
  readonly fee: string;
  readonly pv: string;
}

/** The `termination` object of `project --notice`. */
export interface NoticeOutcomeJson {
  readonly notice_date: string;
  readonly by: string;
  readonly effective_date: string;
  readonly last_service_date: string;
  readonly effect: boolean;
  readonly fees: string;
  readonly termination_fee: string;
  readonly total: string;
  readonly foregone: string;
  readonly pv: string;
  readonly service_days: number;
}

/** `project --format json`; `termination` is set with `--notice`. */
export interface ProjectJson {
  readonly scenario: ScenarioHeaderJson;
  readonly periods: readonly PeriodJson[];
  readonly totals: TotalsJson;
  readonly termination: NoticeOutcomeJson | null;
}

/** One outcome of the sweep. */
export interface OutcomeJson {
  readonly notice_date: string;
  readonly effective_date: string;
  readonly last_service_date: string;
  readonly effect: boolean;
  readonly service_days: number;
  readonly fees: string;
  readonly termination_fee: string;
  readonly total: string;
  readonly foregone: string;
  readonly pv: string;
}

export interface CommittedJson {
  readonly notice_date: string;
  readonly total: string;
  readonly pv: string;
  readonly share: string | null;
}

/** SPEC §3 (one monthly probability) or §11 (a probability per party, competing). */
export type ExpectedJson =
  | { readonly probability: string; readonly total: string; readonly pv: string }
  | {
      readonly customer_monthly: string;
      readonly provider_monthly: string;
      readonly total: string;
      readonly pv: string;
      readonly notice_probability: { readonly customer: string; readonly provider: string; readonly none: string };
    };

/** Mean and percentiles of an amount over the simulated paths (SPEC §11). */
export interface DistributionJson {
  readonly mean: string;
  readonly p5: string;
  readonly p50: string;
  readonly p95: string;
}

/** The `market` object of `terminate` (SPEC §11). */
export interface MarketJson {
  readonly paths: number;
  readonly seed: number;
  readonly probability: { readonly customer: string; readonly provider: string; readonly none: string };
  readonly total: DistributionJson;
  readonly pv: DistributionJson;
  readonly first_notice: readonly { readonly notice_date: string; readonly customer: string; readonly provider: string }[];
}

/** `terminate --format json`. */
export interface TerminateJson {
  readonly scenario: ScenarioHeaderJson;
  readonly by: string;
  readonly full_term: { readonly total: string; readonly pv: string };
  readonly committed: CommittedJson;
  /** A contract either party may end, without --by: both parties' committed values (SPEC §7). */
  readonly committed_by_party?: { readonly customer: CommittedJson; readonly provider: CommittedJson };
  readonly expected: ExpectedJson | null;
  /** Only when the scenario has a market. */
  readonly market?: MarketJson;
  readonly outcomes: readonly OutcomeJson[];
}
