/**
 * Portfolios (SPEC §10): the example's figures recomputed another way (each
 * contract projected on its own, with the portfolio's valuation set as a
 * `--set` would, and summed here by brute force: by payment month, by day of
 * service, by notice), overbooking against a day-by-day count, and the
 * backlog's properties over random contracts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBase } from '../../src/cli/io.js';
import { monthlyAnalysis } from '../../src/model/analysis.js';
import { daysInMonth, formatIsoDate, fromYmd, toYmd, type Day } from '../../src/model/calendar.js';
import { Decimal, money } from '../../src/model/money.js';
import { defaultParty } from '../../src/model/notice.js';
import { backlogOf, overbooking, portfolio, type PortfolioContract } from '../../src/model/portfolio.js';
import { outcomeOf, terminatedProjection, terminationModel } from '../../src/model/termination.js';
import { portfolioJson } from '../../src/report/portfolio.js';
import { loadVariant } from '../../src/scenario/load.js';
import { defaultAsOf, loadPortfolio } from '../../src/scenario/portfolio-load.js';
import { parseSetOption } from '../../src/scenario/set-option.js';
import type { Scenario } from '../../src/scenario/types.js';
import { scenarioArb } from '../support/arbitraries.js';

const ROOT = join(__dirname, '..', '..');
const read = (f: string): Uint8Array | { unreadable: string } => readBase(join(ROOT, f));
const FILE = 'scenarios/neocloud-portfolio.yaml';
const book = loadPortfolio(readFileSync(join(ROOT, FILE)), FILE, { readFile: read });
const asOf = defaultAsOf(book, undefined);
const result = portfolio({ facilities: book.facilities, contracts: book.contracts, valuation: book.valuation }, asOf);
const json = portfolioJson(book, result) as Record<string, any>;

/** A contract loaded on its own, with the portfolio's valuation and its set: as --set options. */
function alone(file: string, sets: string[]): Scenario {
  const path = join('scenarios', file);
  return loadVariant(readFileSync(join(ROOT, path)), path, { readFile: read, sets: sets.map(parseSetOption) }).scenario;
}
const ALONE = [
  alone('colossus-1.yaml', ['valuation={ discount_rate: 10%, date: 2026-06-01 }']),
  alone('contracts/lab-b.yaml', ['valuation={ discount_rate: 10%, date: 2026-06-01 }']),
  alone('contracts/lab-c.yaml', ['risk.monthly_notice_probability=1%', 'valuation={ discount_rate: 10%, date: 2026-06-01 }']),
];

describe('the example: scenarios/neocloud-portfolio.yaml', () => {
  it('each contract figure is that contract projected and swept on its own, and the totals are their sums', () => {
    let total = 0n;
    let npv = 0n;
    let committed = 0n;
    ALONE.forEach((s, i) => {
      const m = terminationModel(s);
      const a = monthlyAnalysis(s, m)!;
      const c = json.contracts[i];
      expect([c.total, c.npv, c.committed, c.expected]).toEqual([money(m.projection.totals.fee), money(m.projection.totals.pv), money(a.committed.total), a.expected ? money(a.expected.total) : null]);
      total += m.projection.totals.fee;
      npv += m.projection.totals.pv;
      committed += a.committed.total;
    });
    expect(json.totals).toMatchObject({ total: money(total), npv: money(npv), committed: money(committed) });
    // the seed deal has no risk section: no portfolio expectation
    expect(json.totals).toEqual({ total: '192870280000.00', npv: '158223227144.06', committed: '29587903225.81', share: '0.1534', expected: null });
  });

  it('months: fees by payment month, cumulative, and contracted MW by day of service', () => {
    const revenue = new Map<string, bigint[]>();
    ALONE.forEach((s, i) => {
      for (const p of terminationModel(s).projection.periods) {
        const key = formatIsoDate(p.paymentDate).slice(0, 7);
        const row = revenue.get(key) ?? [0n, 0n, 0n];
        row[i] = (row[i] as bigint) + p.fee;
        revenue.set(key, row);
      }
    });
    let cumulative = 0n;
    const mw = [300, 400, 500];
    const facility = [0, 1, 1];
    for (const m of json.months) {
      const row = revenue.get(m.month) ?? [0n, 0n, 0n];
      cumulative += row.reduce((a, b) => a + b, 0n);
      expect([m.revenue, m.cumulative, m.by_contract.anthropic, m.by_contract['lab-b'], m.by_contract['lab-c']]).toEqual([money(row.reduce((a, b) => a + b, 0n)), money(cumulative), ...row.map(money)]);
      // contracted MW, day by day
      const [y, mo] = m.month.split('-').map(Number) as [number, number];
      const sums = [new Decimal(0), new Decimal(0)];
      for (let d = fromYmd(y, mo, 1); d <= fromYmd(y, mo, daysInMonth(y, mo)); d++) {
        ALONE.forEach((s, i) => {
          if (d >= s.term.start && d <= s.term.end) sums[facility[i]!] = sums[facility[i]!]!.plus(mw[i]! / daysInMonth(y, mo));
        });
      }
      expect(m.facilities['colossus-1'].contracted_mw).toBe(sums[0]!.toFixed(3));
      expect(m.facilities['colossus-2'].contracted_mw).toBe(sums[1]!.toFixed(3));
      expect(m.facilities['colossus-2'].utilization).toBe(sums[1]!.div(1200).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4));
    }
    expect(json.months[0].month).toBe('2026-06');
    expect(json.months.at(-1).month).toBe('2030-12');
  });

  it('backlog as of 2026-12-31: fees paid later, and what a notice on 2027-01-01 (Lab B: not before 2027-03-15) leaves', () => {
    expect(json.backlog.as_of).toBe('2026-12-31');
    const A = asOf;
    ALONE.forEach((s, i) => {
      const m = terminationModel(s);
      const contracted = m.projection.periods.filter((p) => p.paymentDate > A).reduce((a, p) => a + p.fee, 0n);
      const by = defaultParty(s)!;
      const N = Math.max(A + 1, s.term.start, s.termination?.notBefore ?? s.term.start);
      const cut = terminatedProjection(m, { date: N, by });
      const o = outcomeOf(m, { date: N, by });
      const committed = cut.periods.filter((p) => p.paymentDate > A).reduce((a, p) => a + p.fee, 0n) + (o.effect && o.effectiveDate > A ? o.terminationFee : 0n);
      expect(json.backlog.by_contract[book.contracts[i]!.id]).toEqual({ contracted: money(contracted), committed: money(committed) });
    });
    expect(json.backlog).toMatchObject({ contracted: '182170280000.00', committed: '27718548387.10' });
  });

  it('the month rows carry the backlog as of their last day', () => {
    const dec = json.months.find((m: any) => m.month === '2026-12');
    expect([dec.backlog_contracted, dec.backlog_committed]).toEqual([json.backlog.contracted, json.backlog.committed]);
  });
});

/** Contracts on one facility: the first day they take more than it has, counted day by day. */
function firstOverbookedDay(contracts: readonly PortfolioContract[], power: Decimal): Day | undefined {
  const from = Math.min(...contracts.map((c) => c.contract.term.start));
  const to = Math.max(...contracts.map((c) => c.contract.term.end));
  for (let d = from; d <= to; d++) {
    const mw = contracts.filter((c) => d >= c.contract.term.start && d <= c.contract.term.end).reduce((a, c) => a.plus(c.powerMw), new Decimal(0));
    if (mw.gt(power)) return d;
  }
  return undefined;
}

describe('overbooking and backlog over random contracts', () => {
  const contractArb = fc.tuple(scenarioArb({ termination: true, maxDays: 500 }), fc.integer({ min: 1, max: 400 }));

  it('the first overbooked day is the one a day-by-day count finds', () => {
    fc.assert(
      fc.property(fc.array(contractArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 100, max: 1000 }), (list, power) => {
        const contracts = list.map(([s, mw], i): PortfolioContract => ({ id: `c${i}`, facility: 'f', powerMw: new Decimal(mw), contract: s }));
        const over = overbooking({ facilities: [{ id: 'f', powerMw: new Decimal(power) }], contracts, valuation: null });
        expect(over?.day).toBe(firstOverbookedDay(contracts, new Decimal(power)));
        if (over) expect(over.total.gt(power)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('committed ≤ contracted without a termination fee; both 0 after the last payment and the term; equal when nobody may terminate', () => {
    fc.assert(
      fc.property(scenarioArb({ termination: true, maxDays: 900 }), fc.integer({ min: -100, max: 1000 }), fc.boolean(), (s0, offset, nobody) => {
        const s: Scenario = nobody ? { ...s0, termination: null } : s0;
        const model = terminationModel(s);
        const p = { model, by: defaultParty(s) };
        const A = s.term.start + offset;
        const b = backlogOf(p, A);
        expect(b.committed <= b.contracted).toBe(true);
        if (nobody) expect(b.committed).toBe(b.contracted);
        const lastPayment = Math.max(...model.projection.periods.map((x) => x.paymentDate));
        const after = backlogOf(p, Math.max(lastPayment, s.term.end));
        expect([after.contracted, after.committed]).toEqual([0n, 0n]);
        const y = toYmd(A);
        expect(y.year).toBeGreaterThan(1990); // A is a real date
      }),
      { numRuns: 300 },
    );
  });
});
