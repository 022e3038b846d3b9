/**
 * Per-party notice probabilities (SPEC §11, competing risks), exact to the
 * cent: checked against a month-by-month recursion written here over the
 * schedules `project --notice` produces (terminatedProjection), and against
 * the version-1 form where the two must agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateDates } from '../../src/model/notice.js';
import { Decimal, money } from '../../src/model/money.js';
import { expectedOfProbability, expectedOutcome, type PartyRisk } from '../../src/model/risk.js';
import { outcomeOf, terminatedProjection, terminationModel } from '../../src/model/termination.js';
import type { Party, Scenario } from '../../src/scenario/types.js';
import { fractionArb, scenarioArb } from '../support/arbitraries.js';
import { scenario as seedLike } from './helpers.js';

const withRisk = (s: Scenario, c: string, p: string, by: 'either' | Party = 'either'): Scenario => ({
  ...s,
  termination: s.termination && { ...s.termination, by },
  risk: { monthlyNoticeProbability: null, customerMonthly: new Decimal(c), providerMonthly: new Decimal(p) },
});

/** The expectation by recursion over the months: the chance still running, and each month's two events. */
function byRecursion(s: Scenario, c: Decimal, p: Decimal): { total: string; pv: string; customer: string; provider: string; none: string } {
  const m = terminationModel(s);
  const W = Decimal.clone({ precision: 80 });
  let alive = new W(1);
  let total = new W(0);
  let pv = new W(0);
  let customer = new W(0);
  let provider = new W(0);
  const may = (party: Party): boolean => s.termination?.by === 'either' || s.termination?.by === party;
  const cc = may('customer') ? new W(c.toString()) : new W(0);
  const pp = may('provider') ? new W(p.toString()) : new W(0);
  const schedule = (date: number, by: Party): { total: Decimal; pv: Decimal } => {
    const o = outcomeOf(m, { date, by });
    const cut = terminatedProjection(m, { date, by }); // the schedule itself, as project --notice prints it
    // fees of the cut schedule plus the signed fee: the same total, computed from the periods
    const fees = cut.periods.reduce((a, x) => a + x.fee, 0n);
    expect(fees + o.terminationFee).toBe(o.total);
    return { total: new Decimal(money(o.total)), pv: new Decimal(money(o.pv)) };
  };
  for (const date of candidateDates(s, 'month')) {
    const customerNow = alive.times(cc);
    const providerNow = alive.times(new W(1).minus(cc)).times(pp);
    if (!customerNow.isZero()) {
      const o = schedule(date, 'customer');
      total = total.plus(customerNow.times(o.total.toString()));
      pv = pv.plus(customerNow.times(o.pv.toString()));
    }
    if (!providerNow.isZero()) {
      const o = schedule(date, 'provider');
      total = total.plus(providerNow.times(o.total.toString()));
      pv = pv.plus(providerNow.times(o.pv.toString()));
    }
    customer = customer.plus(customerNow);
    provider = provider.plus(providerNow);
    alive = alive.minus(customerNow).minus(providerNow);
  }
  total = total.plus(alive.times(money(m.projection.totals.fee)));
  pv = pv.plus(alive.times(money(m.projection.totals.pv)));
  const r = (x: InstanceType<typeof W>, places: number): string => x.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
  return { total: r(total, 2), pv: r(pv, 2), customer: r(customer, 4), provider: r(provider, 4), none: r(alive, 4) };
}

const show = (e: PartyRisk): { total: string; pv: string; customer: string; provider: string; none: string } => ({
  total: money(e.total),
  pv: money(e.pv),
  customer: e.noticeProbability.customer.toFixed(4),
  provider: e.noticeProbability.provider.toFixed(4),
  none: e.noticeProbability.none.toFixed(4),
});

describe('per-party risk (competing)', () => {
  it('the seed deal at 1% (customer) and 0.5% (provider): the recursion, to the cent', () => {
    const s = withRisk(seedLike({}), '0.01', '0.005');
    const e = expectedOutcome(terminationModel(s), 'customer') as PartyRisk;
    expect(e.kind).toBe('parties');
    expect(show(e)).toEqual(byRecursion(s, new Decimal('0.01'), new Decimal('0.005')));
    // the three chances add up to 1
    expect(e.noticeProbability.customer.plus(e.noticeProbability.provider).plus(e.noticeProbability.none).minus(1).abs().lte('0.0002')).toBe(true);
  });

  it('with the provider at 0 it is the version-1 expectation of the customer; a party the clause excludes never gives notice', () => {
    const s = withRisk(seedLike({ termination: { noticeDays: 90, fee: '5000000' } }), '0.02', '0');
    const m = terminationModel(s);
    const v1 = expectedOfProbability(m, 'customer', new Decimal('0.02'));
    const e = expectedOutcome(m, 'customer') as PartyRisk;
    expect([money(e.total), money(e.pv)]).toEqual([money(v1.total), money(v1.pv)]);
    // by: customer: the provider's 50% counts for nothing
    const onlyCustomer = withRisk(seedLike({}), '0.02', '0.5', 'customer');
    const m2 = terminationModel(onlyCustomer);
    const e2 = expectedOutcome(m2, 'customer') as PartyRisk;
    expect(money(e2.total)).toBe(money(expectedOfProbability(m2, 'customer', new Decimal('0.02')).total));
    expect(money(e2.total)).toBe('32276661431.35'); // the README's worked example at 2% a month
    expect(e2.providerMonthly.toString()).toBe('0.5'); // printed as given
    expect(e2.noticeProbability.provider.toFixed(4)).toBe('0.0000');
  });

  it('random scenarios and probabilities agree with the recursion', () => {
    fc.assert(
      fc.property(scenarioArb({ termination: true, withFee: true, maxDays: 700 }), fractionArb(0, 1), fractionArb(0, 1), fc.constantFrom('either' as const, 'customer' as const, 'provider' as const), (s0, c, p, by) => {
        const s = withRisk(s0, c, p, by);
        const e = expectedOutcome(terminationModel(s), 'customer') as PartyRisk;
        expect(show(e)).toEqual(byRecursion(s, new Decimal(c), new Decimal(p)));
      }),
      { numRuns: 60 },
    );
  });
});
