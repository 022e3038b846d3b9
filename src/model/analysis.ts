/**
 * The termination analysis that `terminate` reports (SPEC §3, §11): the
 * full term, the committed value and share, the expected value under the
 * contract's notice probabilities, and the sweep's outcomes.
 */
import type { Day } from './calendar.js';
import type { Contract, Party } from './contract.js';
import type { Decimal } from './money.js';
import { candidateDates, defaultParty } from './notice.js';
import type { Projection } from './projection.js';
import { expectedOutcome, type Expected } from './risk.js';
import { simulateMarket, type MarketResult } from './market.js';
import type { Sequence } from './sequence.js';
import { committedOutcome, committedShare, sweep, terminationModel, type Outcome } from './termination.js';

export type { Expected } from './risk.js';

/** Everything `terminate` reports: the full term, committed and expected value, and the outcomes of `dates`. */
export interface TerminationAnalysis {
  readonly contract: Contract;
  readonly by: Party;
  readonly full: Projection['totals'];
  readonly committed: Outcome;
  readonly share: Decimal | null;
  readonly expected: Expected | null;
  /** The market simulation (SPEC §11), when the contract has a market. */
  readonly market: MarketResult | null;
  /** Both parties' committed outcomes, for a contract either may end when no party was chosen (SPEC §7). */
  readonly committedByParty?: { readonly customer: Outcome; readonly provider: Outcome };
  /** Computed as they are read (see sweep). */
  readonly outcomes: Sequence<Outcome>;
}

/**
 * The termination analysis for a party that may give notice, over notice
 * dates already checked; `market` when already simulated (on worker threads).
 */
export function analyse(contract: Contract, by: Party, dates: readonly Day[], model = terminationModel(contract), market?: MarketResult | null): TerminationAnalysis {
  const committed = committedOutcome(model, by);
  return {
    contract,
    by,
    full: model.projection.totals,
    committed,
    share: committedShare(committed, model.projection.totals.fee),
    expected: expectedOutcome(model, by),
    market: market !== undefined ? market : contract.market ? simulateMarket(model) : null,
    outcomes: sweep(model, by, dates),
  };
}

/**
 * The monthly analysis by `by`, the default party when not given (what check
 * and compare report; export and chart pass the party of their notice), or
 * null when nobody may terminate.
 */
export function monthlyAnalysis(contract: Contract, model = terminationModel(contract), by: Party | undefined = defaultParty(contract)): TerminationAnalysis | null {
  return by ? analyse(contract, by, candidateDates(contract, 'month'), model) : null;
}
