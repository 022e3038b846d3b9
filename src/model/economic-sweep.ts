/**
 * The provider's net under early termination (SPEC §9): for each notice of
 * the sweep, `net` (Σ fees kept + termination fee − Σ costs kept − Σ
 * capital) and `net_pv` (the NPV of that schedule's dated net cash), without
 * re-projecting per notice.
 *
 * A notice changes the full schedule's flows only from one date T on: the
 * earliest date of a flow it drops or changes (the first dropped or cut
 * period's fee and cost) or adds (the cut fee and cost, the termination
 * fee). Before T the cut schedule's dated nets are the full term's, so their
 * PV is a running sum; from T on, only the few flows dated there are netted
 * and discounted: the cut period's, the termination fee, capital, and the
 * kept periods paid on or after T (with long payment terms, a few).
 */
import type { Day } from './calendar.js';
import { cutShort, type CashFlow } from './cash-flows.js';
import type { Party } from './contract.js';
import { periodCosts } from './costs.js';
import { economicsOf, type Economics } from './economics.js';
import { netByDate, presentValueOfNets, type Flow } from './flows.js';
import type { Cents } from './money.js';
import { candidateDates, earliestNotice, type Notice } from './notice.js';
import { locate, noticeDates, terminatedProjection, terminationFeeFlow, type TerminationModel } from './termination.js';

export interface NetOutcome {
  readonly noticeDate: Day;
  readonly by: Party;
  readonly net: Cents;
  readonly netPv: Cents;
}

export interface EconomicSweep {
  /** The full term's economics. */
  readonly full: Economics;
  readonly outcome: (noticeDate: Day, by: Party) => NetOutcome;
}

export function economicSweep(model: TerminationModel): EconomicSweep {
  const { contract, discounter } = model;
  const full = economicsOf(contract, model.projection.periods, discounter);
  const periods = full.periods;
  const costsBefore: Cents[] = [0n];
  periods.forEach((p, i) => costsBefore.push((costsBefore[i] as Cents) + p.cost));
  const capitalTotal = full.totals.capital;
  // the full term's dated nets, and the PV of those before each
  const dates = full.cash.map((c) => c.date);
  const pvBefore: Cents[] = [0n];
  full.cash.forEach((c, i) => pvBefore.push((pvBefore[i] as Cents) + discounter.presentValue(c.net, c.date)));
  const firstAtOrAfter = (day: Day): number => {
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((dates[mid] as Day) < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const outcome = (noticeDate: Day, by: Party): NetOutcome => {
    const { last } = noticeDates(contract, noticeDate);
    if (last >= contract.term.end) return { noticeDate, by, net: full.totals.net, netPv: full.npv };
    const { whole, cut } = locate(model, last);
    const added: Flow[] = [];
    let keptFees = model.feesBefore[whole] as Cents;
    let keptCosts = costsBefore[whole] as Cents;
    if (cut) {
      const flow: CashFlow = cutShort(cut, last, contract.billing);
      const c = periodCosts(contract.costs ?? { power: null, operating: null, capital: [] }, flow);
      added.push({ date: flow.paymentDate, amount: flow.fee, kind: 'fee' }, { date: c.costDate, amount: -c.cost, kind: 'cost' });
      keptFees += flow.fee;
      keptCosts += c.cost;
    }
    const feeFlow = terminationFeeFlow(contract, { date: noticeDate, by });
    if (feeFlow) added.push(feeFlow);

    // T: the first date that differs from the full term
    let from = Infinity;
    const first = periods[whole];
    if (first) from = Math.min(first.flow.paymentDate, first.costDate);
    for (const f of added) from = Math.min(from, f.date);
    const tail: Flow[] = [...added];
    for (let i = whole - 1; i >= 0; i--) {
      const p = periods[i]!;
      if (p.flow.paymentDate < from && p.costDate < from) break; // both dates only grow with the period
      if (p.flow.paymentDate >= from) tail.push({ date: p.flow.paymentDate, amount: p.flow.fee, kind: 'fee' });
      if (p.costDate >= from) tail.push({ date: p.costDate, amount: -p.cost, kind: 'cost' });
    }
    for (const c of full.capital) if (c.date >= from) tail.push({ date: c.date, amount: -c.amount, kind: 'capital' });
    const start = Number.isFinite(from) ? firstAtOrAfter(from) : dates.length;
    const netPv = (pvBefore[start] as Cents) + presentValueOfNets(netByDate(tail), discounter);
    const net = keptFees + (feeFlow?.amount ?? 0n) - keptCosts - capitalTotal;
    return { noticeDate, by, net, netPv };
  };
  return { full, outcome };
}

/** The earliest monthly candidate from which every later candidate's net is ≥ 0 too; null when there is none. */
export function breakEvenNoticeDate(outcomes: readonly NetOutcome[]): Day | null {
  let date: Day | null = null;
  for (let i = outcomes.length - 1; i >= 0; i--) {
    const o = outcomes[i] as NetOutcome;
    if (o.net < 0n) break;
    date = o.noticeDate;
  }
  return date;
}

/** The economic termination figures: one notice (`--notice`), or the monthly sweep by a party. */
export type EconomicTermination =
  | { readonly kind: 'notice'; readonly noticeDate: Day; readonly by: Party; readonly effectiveDate: Day; readonly terminationFee: Cents; readonly net: Cents; readonly netPv: Cents }
  | { readonly kind: 'sweep'; readonly by: Party; readonly committed: NetOutcome; readonly breakEven: Day | null; readonly outcomes: readonly NetOutcome[] };

export interface EconomicsResult {
  readonly economics: Economics;
  readonly termination: EconomicTermination | null;
}

/**
 * What `economics` reports (SPEC §9): with a notice, the economics of the
 * schedule it leaves (its termination fee a flow on the effective date);
 * without, the full term and, when `by` may give notice, the net of every
 * monthly candidate notice, the committed net and the break-even date.
 */
export function economicsResult(model: TerminationModel, notice?: Notice, by?: Party): EconomicsResult {
  const { contract, discounter } = model;
  if (notice) {
    const feeFlow = terminationFeeFlow(contract, notice);
    const economics = economicsOf(contract, terminatedProjection(model, notice).periods, discounter, feeFlow);
    const { effective } = noticeDates(contract, notice.date);
    return {
      economics,
      termination: { kind: 'notice', noticeDate: notice.date, by: notice.by, effectiveDate: effective, terminationFee: feeFlow?.amount ?? 0n, net: economics.totals.net, netPv: economics.npv },
    };
  }
  const sweep = economicSweep(model);
  if (!by) return { economics: sweep.full, termination: null };
  const outcomes = candidateDates(contract, 'month').map((date) => sweep.outcome(date, by));
  return {
    economics: sweep.full,
    termination: { kind: 'sweep', by, committed: sweep.outcome(earliestNotice(contract), by), breakEven: breakEvenNoticeDate(outcomes), outcomes },
  };
}
