/**
 * The provider's economics of a schedule (SPEC §9): each period's costs and
 * margin, the dated net cash (fees on their payment dates, costs the day
 * after each period, capital on its dates, a termination fee on its
 * effective date, summed per date), and the figures over that cash: NPV,
 * IRR, payback date, margin share and unit economics.
 *
 * The same function serves the full term and a terminated schedule (the
 * periods of §3, cut at the last service day): costs are computed from the
 * days each period keeps, and capital is spent whatever happens.
 */
import type { Day } from './calendar.js';
import type { CashFlow } from './cash-flows.js';
import type { Contract } from './contract.js';
import { periodCosts, type PeriodCosts } from './costs.js';
import { netByDate, paybackDate, presentValueOfNets, type DatedNet, type Flow } from './flows.js';
import { irr } from './irr.js';
import { Decimal, divHalfUp, exact, toCents, type Cents } from './money.js';
import type { Discounter } from './valuation.js';

export interface EconomicsPeriod extends PeriodCosts {
  readonly flow: CashFlow;
  /** fee − cost */
  readonly margin: Cents;
}

export interface CapitalFlow {
  readonly date: Day;
  readonly amount: Cents;
}

export interface EconomicsTotals {
  readonly fee: Cents;
  /** Σ of the exact energies; null without a power section. */
  readonly energy: Decimal | null;
  readonly powerCost: Cents;
  readonly operating: Cents;
  readonly cost: Cents;
  readonly margin: Cents;
  readonly capital: Cents;
  /** Σ of the dated net cash: fees − costs − capital, with a termination fee after a notice. */
  readonly net: Cents;
}

export interface Economics {
  readonly periods: readonly EconomicsPeriod[];
  readonly capital: readonly CapitalFlow[];
  readonly cash: readonly DatedNet[];
  readonly totals: EconomicsTotals;
  /** Σ margin / Σ fee, half up to 4 decimals; null when Σ fee is 0. */
  readonly marginShare: Decimal | null;
  readonly npv: Cents;
  /** The largest root of the XIRR equation in (−0.9999, 10^6], or null. */
  readonly irr: number | null;
  readonly paybackDate: Day | null;
  readonly pricePerMwMonth: Cents | null;
  readonly revenuePerMwh: Cents | null;
}

/** The capital outlays as cents, in date order. */
export function capitalFlows(contract: Contract): CapitalFlow[] {
  return (contract.costs?.capital ?? []).map((c) => ({ date: c.date, amount: toCents(c.amount) }));
}

/** The dated flows of periods with their costs, capital, and an optional termination fee: provider's view. */
export function economicFlows(periods: readonly EconomicsPeriod[], capital: readonly CapitalFlow[], terminationFee: Flow | null): Flow[] {
  const flows: Flow[] = [];
  for (const p of periods) {
    flows.push({ date: p.flow.paymentDate, amount: p.flow.fee, kind: 'fee' });
    flows.push({ date: p.costDate, amount: -p.cost, kind: 'cost' });
  }
  for (const c of capital) flows.push({ date: c.date, amount: -c.amount, kind: 'capital' });
  if (terminationFee) flows.push(terminationFee);
  return flows;
}

/** A fraction a / b half up to 4 decimals, or null when b is 0. */
export function shareOf(a: Cents, b: Cents): Decimal | null {
  return b === 0n ? null : new Decimal(divHalfUp(a * 10_000n, b < 0n ? -b : b) * (b < 0n ? -1n : 1n)).div(10_000);
}

/** The economics of a schedule's cash flows (the full term, or cut by a notice with its termination fee). */
export function economicsOf(contract: Contract, flows: readonly CashFlow[], discounter: Discounter, terminationFee: Flow | null = null): Economics {
  const costs = contract.costs ?? { power: null, operating: null, capital: [] };
  const periods = flows.map((flow): EconomicsPeriod => {
    const c = periodCosts(costs, flow);
    return { ...c, flow, margin: flow.fee - c.cost };
  });
  const capital = capitalFlows(contract);
  const cash = netByDate(economicFlows(periods, capital, terminationFee));

  let fee = 0n;
  let powerCost = 0n;
  let operating = 0n;
  let energy: Decimal | null = costs.power ? new Decimal(0) : null;
  for (const p of periods) {
    fee += p.flow.fee;
    powerCost += p.powerCost;
    operating += p.operating;
    if (energy && p.energy) energy = energy.plus(p.energy);
  }
  const cost = powerCost + operating;
  const capitalTotal = capital.reduce((sum, c) => sum + c.amount, 0n);
  const net = cash.reduce((sum, c) => sum + c.net, 0n);
  const itLoad = costs.power?.itLoadMw ?? contract.capacity.powerMw ?? null;
  return {
    periods,
    capital,
    cash,
    totals: { fee, energy, powerCost, operating, cost, margin: fee - cost, capital: capitalTotal, net },
    marginShare: shareOf(fee - cost, fee),
    npv: presentValueOfNets(cash, discounter),
    irr: irr(cash.map((c) => ({ date: c.date, amount: c.net }))),
    paybackDate: paybackDate(cash),
    pricePerMwMonth: itLoad ? ratioCents(contract.pricing.monthlyFee, itLoad) : null,
    revenuePerMwh: energy && !energy.isZero() ? centsPerUnit(fee, energy) : null,
  };
}

/** a / b half up to cents, exactly (b > 0). */
function ratioCents(a: Decimal, b: Decimal): Cents {
  const x = exact(a);
  const y = exact(b);
  return divHalfUp(x.m * y.scale * 100n, x.scale * y.m);
}

/** cents / units, half up to cents, exactly (units a Decimal: the MWh of a term). */
function centsPerUnit(cents: Cents, units: Decimal): Cents {
  const e = exact(units);
  return divHalfUp(cents * e.scale, e.m);
}
