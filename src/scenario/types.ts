/**
 * A validated scenario: the contract's terms (the model's input, see
 * model/contract.ts) plus what only people and the loader need: its name
 * and labels, its `expect:` block, and where each value came from.
 */
import type { Contract } from '../model/contract.js';
import type { Decimal } from '../model/money.js';
import type { Expectation } from '../regression/expectation.js';
import type { Position } from './position.js';

export type { BillingPeriods, BillingTiming, Party, RampStep, TerminationRight } from '../model/contract.js';

export interface Scenario extends Contract {
  readonly name: string;
  readonly currency: string;
  readonly parties: { readonly provider?: string; readonly customer?: string };
  readonly capacity: { readonly powerMw?: Decimal; readonly site?: string };
  readonly expect: readonly Expectation[];
  /** Where the scenario came from, to give later errors (a notice outside the term) a position. */
  readonly origin?: { readonly file: string; readonly positions: ReadonlyMap<string, Position> };
}
