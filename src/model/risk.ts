/**
 * Expected value under notice probabilities (SPEC §3, §11), over the
 * monthly candidate notice dates d_1..d_M whatever the sweep's step:
 *
 * - one probability p for the party that gives notice (version 1): the
 *   first notice falls on d_m with (1−p)^(m−1)·p, never with (1−p)^M;
 * - competing risks, a monthly probability per party: on each d_m in order
 *   the customer gives notice with c (if the clause allows it, else 0), if
 *   not the provider with p (likewise); with s = (1−c)(1−p) the first notice
 *   is the customer's on d_m with s^(m−1)·c, the provider's with
 *   s^(m−1)·(1−c)·p, and none comes with s^M.
 *
 * Probabilities are exact decimals; the totals are the probability-weighted
 * outcomes of §3, rounded to cents once.
 */
import type { Party } from './contract.js';
import { centsToDecimal, Decimal, ONE, toCents, ZERO, type Cents } from './money.js';
import { candidateDates, mayTerminate } from './notice.js';
import { outcomeOf, type TerminationModel } from './termination.js';

export interface SingleRisk {
  readonly kind: 'single';
  readonly probability: Decimal;
  readonly total: Cents;
  readonly pv: Cents;
}

export interface PartyRisk {
  readonly kind: 'parties';
  /** As given (each defaults to 0). */
  readonly customerMonthly: Decimal;
  readonly providerMonthly: Decimal;
  readonly total: Cents;
  readonly pv: Cents;
  /** Cumulative chances over the term that the first notice is the customer's, the provider's, or none comes. */
  readonly noticeProbability: { readonly customer: Decimal; readonly provider: Decimal; readonly none: Decimal };
}

export type Expected = SingleRisk | PartyRisk;

/**
 * The expected outcome of the contract's risk, or null without one. `by`
 * is the party of the version-1 form (the default party); with nobody
 * allowed to give notice the expectation is the full term.
 */
export function expectedOutcome(model: TerminationModel, by: Party | undefined): Expected | null {
  const { risk } = model.contract;
  const full = model.projection.totals;
  if (risk.monthlyNoticeProbability !== null) {
    if (!by) return { kind: 'single', probability: risk.monthlyNoticeProbability, total: full.fee, pv: full.pv };
    return expectedOfProbability(model, by, risk.monthlyNoticeProbability);
  }
  if (risk.customerMonthly !== undefined && risk.customerMonthly !== null) return parties(model, risk.customerMonthly, risk.providerMonthly ?? ZERO);
  return null;
}

/** The version-1 expectation: one monthly probability for the party `by`. */
export function expectedOfProbability(model: TerminationModel, by: Party, probability: Decimal): SingleRisk {
  const stay = ONE.minus(probability);
  let weight = probability;
  let never = ONE;
  let total = ZERO;
  let pv = ZERO;
  for (const date of candidateDates(model.contract, 'month')) {
    const o = outcomeOf(model, { date, by });
    total = total.plus(weight.times(centsToDecimal(o.total)));
    pv = pv.plus(weight.times(centsToDecimal(o.pv)));
    weight = weight.times(stay);
    never = never.times(stay);
  }
  const full = model.projection.totals;
  total = total.plus(never.times(centsToDecimal(full.fee)));
  pv = pv.plus(never.times(centsToDecimal(full.pv)));
  return { kind: 'single', probability, total: toCents(total), pv: toCents(pv) };
}

function parties(model: TerminationModel, customerMonthly: Decimal, providerMonthly: Decimal): PartyRisk {
  const contract = model.contract;
  const c = mayTerminate(contract, 'customer') ? customerMonthly : ZERO;
  const p = mayTerminate(contract, 'provider') ? providerMonthly : ZERO;
  const s = ONE.minus(c).times(ONE.minus(p));
  const providerShare = ONE.minus(c).times(p);
  let reach = ONE; // s^(m−1): no notice before d_m
  let total = ZERO;
  let pv = ZERO;
  let customer = ZERO;
  let provider = ZERO;
  for (const date of candidateDates(contract, 'month')) {
    const wc = reach.times(c);
    const wp = reach.times(providerShare);
    if (!wc.isZero()) {
      const o = outcomeOf(model, { date, by: 'customer' });
      total = total.plus(wc.times(centsToDecimal(o.total)));
      pv = pv.plus(wc.times(centsToDecimal(o.pv)));
    }
    if (!wp.isZero()) {
      const o = outcomeOf(model, { date, by: 'provider' });
      total = total.plus(wp.times(centsToDecimal(o.total)));
      pv = pv.plus(wp.times(centsToDecimal(o.pv)));
    }
    customer = customer.plus(wc);
    provider = provider.plus(wp);
    reach = reach.times(s);
  }
  const full = model.projection.totals;
  total = total.plus(reach.times(centsToDecimal(full.fee)));
  pv = pv.plus(reach.times(centsToDecimal(full.pv)));
  const four = (x: Decimal): Decimal => x.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  return {
    kind: 'parties',
    customerMonthly,
    providerMonthly,
    total: toCents(total),
    pv: toCents(pv),
    noticeProbability: { customer: four(customer), provider: four(provider), none: four(reach) },
  };
}
