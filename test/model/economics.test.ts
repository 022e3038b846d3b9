/**
 * Provider economics (SPEC §9): the example's figures to the cent, each
 * computed a second way here (contract years by hand, discount factors by
 * decimal.js), and properties over random scenarios with costs: the sweep's
 * net of each notice equals the economics of the schedule that notice
 * leaves, re-projected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBase } from '../../src/cli/io.js';
import { formatIsoDate } from '../../src/model/calendar.js';
import { economicsOf } from '../../src/model/economics.js';
import { economicSweep, economicsResult } from '../../src/model/economic-sweep.js';
import { candidateDates, defaultParty } from '../../src/model/notice.js';
import { Decimal, money } from '../../src/model/money.js';
import { terminatedProjection, terminationFeeFlow, terminationModel } from '../../src/model/termination.js';
import { economicsJson } from '../../src/report/economics.js';
import { loadScenario } from '../../src/scenario/load.js';
import { describeScenario, scenarioWithCostsArb } from '../support/arbitraries.js';

const ROOT = join(__dirname, '..', '..');
const provider = loadScenario(readFileSync(join(ROOT, 'scenarios/colossus-1-provider.yaml')), 'scenarios/colossus-1-provider.yaml', {
  readFile: (f) => readBase(join(ROOT, f)),
});
const model = terminationModel(provider);
const result = economicsResult(model, undefined, defaultParty(provider));
const json = economicsJson(provider, result.economics, result.termination) as Record<string, any>;

describe('the example: scenarios/colossus-1-provider.yaml', () => {
  // 300 MW × 85% × PUE 1.25 = 318.75 MW drawn, 7,650 MWh a day
  it('energy: 7,650 MWh a day over 1,096 days', () => {
    expect(json.periods[0].energy_mwh).toBe('229500.000'); // June: 30 days
    expect(json.totals.energy_mwh).toBe(String(7650 * 1096) + '.000');
  });

  it('power cost: each contract year at its price, 65, 66.30 and 67.626 a MWh', () => {
    // year 1 (365 days), year 2 (366: Feb 2028), year 3 (365)
    const byHand = new Decimal(7650 * 365).times(65).plus(new Decimal(7650 * 366).times('66.3')).plus(new Decimal(7650 * 365).times('67.626'));
    expect(json.totals.power_cost).toBe(byHand.toFixed(2));
    expect(json.totals.power_cost).toBe('555958318.50');
    expect(json.periods.map((p: any) => p.power_price)).toEqual([...Array(12).fill('65.00'), ...Array(12).fill('66.30'), ...Array(12).fill('67.626')]);
  });

  it('operating cost: 12 months at 40M, 41.2M and 42.436M', () => {
    expect(json.totals.operating_cost).toBe('1483632000.00');
    expect(json.totals.cost).toBe('2039590318.50');
    expect(json.totals.margin).toBe('41710409681.50');
    expect(json.margin_share).toBe('0.9534'); // 41,710,409,681.50 / 43,750,000,000.00
  });

  it('capital and the dated net cash: capital first, then fees and the previous month\'s costs on the same day', () => {
    expect(json.capital).toEqual([{ date: '2025-09-01', amount: '6000000000.00' }, { date: '2026-05-01', amount: '1500000000.00' }]);
    expect(json.cash.slice(0, 4)).toEqual([
      { date: '2025-09-01', net: '-6000000000.00', cumulative: '-6000000000.00' },
      { date: '2026-05-01', net: '-1500000000.00', cumulative: '-7500000000.00' },
      { date: '2026-06-01', net: '625000000.00', cumulative: '-6875000000.00' },
      // July's fee, less June's costs (54,917,500.00) paid the day after June
      { date: '2026-07-01', net: '570082500.00', cumulative: '-6304917500.00' },
    ]);
    // the last date: May 2029's costs, paid on 2029-06-01
    expect(json.cash.at(-1)).toEqual({ date: '2029-06-01', net: '-58473505.90', cumulative: '34210409681.50' }); // 237,150 MWh × 67.626 + 42,436,000
    expect(json.totals.net).toBe('34210409681.50'); // 43.75B − 2,039,590,318.50 − 7.5B
  });

  it('NPV: each date\'s net discounted at 10% from 2026-06-01 (capital before it has a factor above 1)', () => {
    const W = Decimal.clone({ precision: 60 });
    let npv = new W(0);
    for (const c of json.cash) {
      const days = (Date.UTC(...(c.date.split('-').map(Number) as [number, number, number]).map((v, i) => (i === 1 ? v - 1 : v)) as [number, number, number]) - Date.UTC(2026, 5, 1)) / 86_400_000;
      npv = npv.plus(new W(c.net).times(new W('1.1').pow(new W(-days).div(365))).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
    }
    expect(json.npv).toBe(npv.toFixed(2));
    expect(json.npv).toBe('28322793102.96');
  });

  it('IRR: the XNPV at it is 0, and it is the largest root', () => {
    expect(json.irr).toBe('1.559153');
    const r = result.economics.irr as number;
    const xnpv = (rate: number): number => json.cash.reduce((s: number, c: any) => s + Number(c.net) * (1 + rate) ** (-(Date.parse(c.date) - Date.parse('2025-09-01')) / 86_400_000 / 365), 0);
    expect(Math.abs(xnpv(r))).toBeLessThan(1e-3);
    // no sign change above it, on a fine grid up to 10^6: the capital, first, outweighs everything after
    const above = Array.from({ length: 4000 }, (_, i) => r + 1e-6 + Math.expm1((i / 4000) * Math.log(1e6)));
    expect(above.every((x) => xnpv(x) < 0)).toBe(true);
    expect(xnpv(r - 1e-6)).toBeGreaterThan(0);
  });

  it('payback, unit economics', () => {
    expect(json.payback_date).toBe('2027-01-01');
    expect(json.price_per_mw_month).toBe('4166666.67'); // 1.25B / 300 MW
    expect(json.revenue_per_mwh).toBe('5218.02'); // 43.75B / 8,384,400 MWh
  });

  it('under termination: the customer may leave on 2026-06-01 and leave the provider 5.24B short', () => {
    expect(json.termination.by).toBe('customer');
    expect(json.termination.committed_net).toBe('-5242817016.13');
    expect(json.termination.committed_net_pv).toBe('-5719190752.21');
    expect(json.termination.break_even_notice_date).toBe('2026-11-01');
    expect(json.termination.outcomes).toHaveLength(36);
    // the committed net by hand: fees 2,419,354,838.71, costs of June 1 – Aug 29, all the capital
    const costs = new Decimal(7650 * 90).times(65).plus(40e6 * 2).plus(new Decimal(40e6).times(29).div(31)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    expect(new Decimal('2419354838.71').minus(costs).minus(7.5e9).toFixed(2)).toBe(json.termination.committed_net);
  });
});

describe('properties over random scenarios with costs', () => {
  it('each monthly notice\'s net and net PV equal the economics of the schedule it leaves, re-projected', () => {
    fc.assert(
      fc.property(scenarioWithCostsArb({ termination: true, withFee: true, maxDays: 900 }), fc.constantFrom('customer' as const, 'provider' as const), (s, by) => {
        const m = terminationModel(s);
        const sweep = economicSweep(m);
        for (const date of candidateDates(s, 'month')) {
          const notice = { date, by };
          const cut = economicsOf(s, terminatedProjection(m, notice).periods, m.discounter, terminationFeeFlow(s, notice));
          const o = sweep.outcome(date, by);
          expect([formatIsoDate(date), money(o.net), money(o.netPv)], describeScenario(s)).toEqual([formatIsoDate(date), money(cut.totals.net), money(cut.npv)]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('totals are the sums of the periods, the net is fee − cost − capital, and the cash sums to the net', () => {
    fc.assert(
      fc.property(scenarioWithCostsArb(), (s) => {
        const e = economicsOf(s, terminationModel(s).projection.periods, terminationModel(s).discounter);
        const sum = (f: (p: (typeof e.periods)[number]) => bigint): bigint => e.periods.reduce((a, p) => a + f(p), 0n);
        expect(e.totals.cost).toBe(sum((p) => p.powerCost) + sum((p) => p.operating));
        expect(e.totals.margin).toBe(sum((p) => p.flow.fee) - e.totals.cost);
        expect(e.totals.net).toBe(e.totals.fee - e.totals.cost - e.totals.capital);
        expect(e.cash.reduce((a, c) => a + c.net, 0n)).toBe(e.totals.net);
        // dates are increasing and no date has only zero flows... unless they cancel
        e.cash.forEach((c, i) => i > 0 && expect(c.date).toBeGreaterThan(e.cash[i - 1]!.date));
      }),
      { numRuns: 100 },
    );
  });
});
