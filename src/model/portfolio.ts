/**
 * A portfolio (SPEC §10) is a list of contract projections on shared
 * facilities, not a new engine: each contract is projected and swept as on
 * its own; the portfolio sums them by month (fees by payment date, the cash
 * basis), measures the capacity they take of each facility, and reports the
 * backlog (remaining performance obligations) as of a date, contracted and
 * really committed under each notice clause.
 */
import { daysInMonth, fromYmd, toYmd, type Day } from './calendar.js';
import { cutFee } from './cash-flows.js';
import type { Contract, MarketTerms, Party, Valuation } from './contract.js';
import { portfolioMarket, type PortfolioMarketResult } from './portfolio-market.js';
import { economicFlows, economicsOf, shareOf, type Economics } from './economics.js';
import { netByDate, paybackDate, presentValueOfNets, type Flow } from './flows.js';
import { irr } from './irr.js';
import { Decimal, type Cents } from './money.js';
import { defaultParty } from './notice.js';
import { expectedOutcome } from './risk.js';
import { contractDiscounter } from './projection.js';
import { monthlyAnalysis } from './analysis.js';
import { locate, noticeDates, signedTerminationFee, terminationModel, type TerminationModel } from './termination.js';
import { discounter } from './valuation.js';

export interface Facility {
  readonly id: string;
  readonly powerMw: Decimal;
}

export interface PortfolioContract {
  readonly id: string;
  readonly facility: string;
  readonly powerMw: Decimal;
  /** Its terms, with the portfolio's valuation when it has one. */
  readonly contract: Contract;
}

export interface PortfolioInput {
  readonly facilities: readonly Facility[];
  readonly contracts: readonly PortfolioContract[];
  /** Replaces every contract's valuation (already applied to their terms); also values the merged cash. */
  readonly valuation: Valuation | null;
  /** The shared market (SPEC §11), priced per MW; none when absent. */
  readonly market?: MarketTerms | null;
}

export interface ContractFigures {
  readonly total: Cents;
  readonly npv: Cents;
  /** The committed total by the default party; the full term when nobody may terminate. */
  readonly committed: Cents;
  readonly share: Decimal | null;
  /** The expected total (SPEC §3 or §11), or null without risk. */
  readonly expected: Cents | null;
}

export interface Backlog {
  readonly contracted: Cents;
  readonly committed: Cents;
}

export interface MonthFigures {
  readonly year: number;
  readonly month: number;
  readonly revenue: Cents;
  readonly byContract: readonly Cents[];
  readonly cumulative: Cents;
  /** Per facility, in the input's order: Σ power_mw × service days / days in the month, exact. */
  readonly contractedMw: readonly Decimal[];
  readonly backlog: Backlog;
}

export interface PortfolioEconomics {
  readonly totals: { readonly fee: Cents; readonly cost: Cents; readonly margin: Cents; readonly capital: Cents; readonly net: Cents };
  readonly marginShare: Decimal | null;
  readonly npv: Cents;
  readonly irr: number | null;
  readonly paybackDate: Day | null;
}

export interface PortfolioResult {
  readonly contracts: readonly ContractFigures[];
  readonly months: readonly MonthFigures[];
  readonly totals: { readonly total: Cents; readonly npv: Cents; readonly committed: Cents; readonly share: Decimal | null; readonly expected: Cents | null };
  readonly asOf: Day;
  readonly backlog: readonly Backlog[];
  readonly economics: PortfolioEconomics | null;
  readonly market: PortfolioMarketResult | null;
}

/** Each contract's termination model, computed once and shared by every figure. */
interface Projected {
  readonly model: TerminationModel;
  readonly by: Party | undefined;
}

function figures(p: Projected): ContractFigures {
  const totals = p.model.projection.totals;
  const analysis = monthlyAnalysis(p.model.contract, p.model, p.by);
  const committed = analysis ? analysis.committed.total : totals.fee;
  const expected = expectedOutcome(p.model, p.by);
  return { total: totals.fee, npv: totals.pv, committed, share: shareOf(committed, totals.fee), expected: expected?.total ?? null };
}

/** Σ fees paid after `day` of the periods [from, to) of a projection (payment dates grow with the period). */
function feesPaidAfter(model: TerminationModel, day: Day, to: number): Cents {
  const periods = model.projection.periods;
  let lo = 0;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((periods[mid]?.paymentDate as Day) <= day) lo = mid + 1;
    else hi = mid;
  }
  return (model.feesBefore[to] as Cents) - (model.feesBefore[lo] as Cents);
}

/**
 * The backlog of one contract as of `asOf` (SPEC §10): contracted, the fees
 * paid after it over the full term; committed, those of the schedule a
 * notice on the first day it could be given after `asOf` leaves, with that
 * notice's termination fee when it falls after `asOf`.
 */
export function backlogOf(p: Projected, asOf: Day): Backlog {
  const { model, by } = p;
  const contract = model.contract;
  const n = model.projection.periods.length;
  const contracted = feesPaidAfter(model, asOf, n);
  if (!by) return { contracted, committed: contracted };
  const notBefore = contract.termination?.notBefore ?? null;
  const date = Math.max(asOf + 1, contract.term.start, notBefore ?? contract.term.start);
  if (date > contract.term.end) return { contracted, committed: contracted };
  const { effective, last } = noticeDates(contract, date);
  if (last >= contract.term.end) return { contracted, committed: contracted }; // no effect: the full term
  const { whole, cut } = locate(model, last);
  let committed = feesPaidAfter(model, asOf, whole);
  if (cut) {
    const part = cutFee(cut, last, contract.billing);
    if (part.paymentDate > asOf) committed += part.fee;
  }
  if (effective > asOf) committed += signedTerminationFee(contract, by);
  return { contracted, committed };
}

/** The calendar months from the earliest period start or payment date to the latest last service day or payment date. */
function monthSpan(projected: readonly Projected[]): { year: number; month: number }[] {
  let from = Infinity;
  let to = -Infinity;
  for (const { model } of projected) {
    for (const p of model.projection.periods) {
      from = Math.min(from, p.start, p.paymentDate);
      to = Math.max(to, p.end, p.paymentDate);
    }
  }
  if (!Number.isFinite(from)) return [];
  const a = toYmd(from);
  const b = toYmd(to);
  const months: { year: number; month: number }[] = [];
  for (let i = a.year * 12 + a.month - 1; i <= b.year * 12 + b.month - 1; i++) months.push({ year: Math.floor(i / 12), month: (i % 12) + 1 });
  return months;
}

export function portfolio(input: PortfolioInput, asOf: Day): PortfolioResult {
  const projected: Projected[] = input.contracts.map((c) => ({ model: terminationModel(c.contract), by: defaultParty(c.contract) }));
  const contracts = projected.map(figures);
  const months: MonthFigures[] = [];
  let cumulative = 0n;
  const span = monthSpan(projected);
  // fees by month and contract, by payment date
  const revenue = new Map<number, Cents[]>();
  projected.forEach(({ model }, k) => {
    for (const p of model.projection.periods) {
      const { year, month } = toYmd(p.paymentDate);
      const key = year * 12 + month - 1;
      const row = revenue.get(key) ?? input.contracts.map(() => 0n);
      row[k] = (row[k] as Cents) + p.fee;
      revenue.set(key, row);
    }
  });
  for (const { year, month } of span) {
    const first = fromYmd(year, month, 1);
    const last = fromYmd(year, month, daysInMonth(year, month));
    const byContract = revenue.get(year * 12 + month - 1) ?? input.contracts.map(() => 0n);
    const total = byContract.reduce((s, x) => s + x, 0n);
    cumulative += total;
    const contractedMw = input.facilities.map((f) => {
      let mwDays = new Decimal(0);
      input.contracts.forEach((c) => {
        if (c.facility !== f.id) return;
        const days = Math.min(last, c.contract.term.end) - Math.max(first, c.contract.term.start) + 1;
        if (days > 0) mwDays = mwDays.plus(c.powerMw.times(days));
      });
      return mwDays.div(daysInMonth(year, month));
    });
    let contracted = 0n;
    let committed = 0n;
    for (const p of projected) {
      const b = backlogOf(p, last);
      contracted += b.contracted;
      committed += b.committed;
    }
    months.push({ year, month, revenue: total, byContract, cumulative, contractedMw, backlog: { contracted, committed } });
  }
  const backlog = projected.map((p) => backlogOf(p, asOf));
  const sum = (f: (c: ContractFigures) => Cents): Cents => contracts.reduce((s, c) => s + f(c), 0n);
  const total = sum((c) => c.total);
  const committed = sum((c) => c.committed);
  const expected = contracts.every((c) => c.expected !== null) ? sum((c) => c.expected as Cents) : null;
  return {
    contracts,
    months,
    totals: { total, npv: sum((c) => c.npv), committed, share: shareOf(committed, total), expected },
    asOf,
    backlog,
    economics: input.contracts.some((c) => c.contract.costs) ? mergedEconomics(input, projected) : null,
    market: input.market ? portfolioMarket(projected.map((p, i) => ({ model: p.model, powerMw: input.contracts[i]!.powerMw })), input.market) : null,
  };
}

/** §9's figures over the merged dated flows of every contract (fees, costs, capital), valued at the portfolio's valuation. */
function mergedEconomics(input: PortfolioInput, projected: readonly Projected[]): PortfolioEconomics {
  const flows: Flow[] = [];
  const each: Economics[] = projected.map(({ model }) => economicsOf(model.contract, model.projection.periods, model.discounter));
  each.forEach((e) => flows.push(...economicFlows(e.periods, e.capital, null)));
  const cash = netByDate(flows);
  const valuation = input.valuation ?? input.contracts[0]?.contract.valuation;
  const d = valuation ? discounter(valuation.discountRate, valuation.date) : contractDiscounter((input.contracts[0] as PortfolioContract).contract);
  const fee = each.reduce((s, e) => s + e.totals.fee, 0n);
  const cost = each.reduce((s, e) => s + e.totals.cost, 0n);
  const capital = each.reduce((s, e) => s + e.totals.capital, 0n);
  return {
    totals: { fee, cost, margin: fee - cost, capital, net: cash.reduce((s, c) => s + c.net, 0n) },
    marginShare: shareOf(fee - cost, fee),
    npv: presentValueOfNets(cash, d),
    irr: irr(cash.map((c) => ({ date: c.date, amount: c.net }))),
    paybackDate: paybackDate(cash),
  };
}

/** A day on which a facility's contracts take more than its power, with the contracts and their MW; or undefined. */
export interface Overbooking {
  readonly facility: string;
  readonly day: Day;
  readonly contracts: readonly { readonly id: string; readonly powerMw: Decimal }[];
  readonly total: Decimal;
}

/**
 * The first day a facility is overbooked (SPEC §10), checked from the
 * contracts' start and end events sorted by day: time proportional to
 * n log n, never a loop over days. On a day a contract ends and another
 * starts, the ending one still holds its MW (both terms cover that day).
 */
export function overbooking(input: PortfolioInput): Overbooking | undefined {
  for (const f of input.facilities) {
    const events: { day: Day; delta: number; contract: PortfolioContract }[] = [];
    for (const c of input.contracts) {
      if (c.facility !== f.id) continue;
      events.push({ day: c.contract.term.start, delta: 1, contract: c }, { day: c.contract.term.end + 1, delta: -1, contract: c });
    }
    // on one day, the contracts whose terms ended the day before leave first
    events.sort((a, b) => a.day - b.day || a.delta - b.delta);
    const active = new Set<PortfolioContract>();
    let total = new Decimal(0);
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.delta > 0) {
        active.add(e.contract);
        total = total.plus(e.contract.powerMw);
      } else {
        active.delete(e.contract);
        total = total.minus(e.contract.powerMw);
      }
      const next = events[i + 1];
      if (next && next.day === e.day) continue; // the day's other events first
      if (total.gt(f.powerMw)) {
        const contracts = input.contracts.filter((c) => active.has(c)).map((c) => ({ id: c.id, powerMw: c.powerMw }));
        return { facility: f.id, day: e.day, contracts, total };
      }
    }
  }
  return undefined;
}
