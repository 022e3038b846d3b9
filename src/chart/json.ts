/**
 * The parts of the CLI's JSON that the chart reads (SPEC §4): `project
 * --format json` (with `--notice`, its `termination` block) and the monthly
 * `terminate --format json`. Money stays the exact decimal string printed.
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
  readonly fee: string;
  readonly cumulative: string;
}

/** The `termination` block of `project --notice`. */
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
  readonly service_days: number;
}

/** `project --format json`; `termination` is set with `--notice`. */
export interface ProjectJson {
  readonly scenario: ScenarioHeaderJson;
  readonly periods: readonly PeriodJson[];
  readonly totals: { readonly periods: number; readonly days: number; readonly fee: string; readonly pv: string };
  readonly termination: NoticeOutcomeJson | null;
}

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

/** The monthly `terminate --format json`. */
export interface TerminateJson {
  readonly scenario: ScenarioHeaderJson;
  readonly by: string;
  readonly full_term: { readonly total: string; readonly pv: string };
  readonly committed: { readonly notice_date: string; readonly total: string; readonly pv: string; readonly share: string | null };
  readonly expected: { readonly probability: string; readonly total: string; readonly pv: string } | null;
  readonly outcomes: readonly OutcomeJson[];
}
