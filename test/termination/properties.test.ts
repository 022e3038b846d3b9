/**
 * Property tests of early termination over random scenarios (SPEC §3, §6):
 * random start 2000..2060, term up to ~6 years, fee, ramp, escalation,
 * calendar/anniversary, advance/arrears, payment terms, 0..200 days' notice,
 * optional not_before, discount rate; no termination fee unless stated.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, fromYmd } from '../../src/model/calendar.js';
import { Decimal, money } from '../../src/model/money.js';
import { candidateDates } from '../../src/model/notice.js';
import { FACTOR_PLACES, formatFactor, type Factor } from '../../src/model/valuation.js';
import {
  committedOutcome,
  expectedValue,
  outcomeOf,
  signedTerminationFee,
  sweep,
  terminatedProjection,
  terminationModel,
  type Outcome,
} from '../../src/model/termination.js';
import type { Party, RampStep, Scenario } from '../../src/scenario/types.js';

const RUNS = 120;

/** An amount as whole cents, printed with exactly two decimals. */
const CENTS = /^-?\d+\.\d{2}$/;

/** A decimal string with `places` decimals from an integer count of 10^-places units. */
const scaled = (units: bigint, places: number): string => {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return neg ? `-${text}` : text;
};

/** 0.01 .. 1e12 with up to 6 decimals. */
const amountArb = fc.bigInt({ min: 10_000n, max: 10n ** 18n }).map((u) => scaled(u, 6));
/** A fraction with 4 decimals in [min, max]. */
const fractionArb = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 10_000), max: Math.round(max * 10_000) }).map((n) => scaled(BigInt(n), 4));

const rampStepArb: fc.Arbitrary<RampStep> = fc.oneof(
  fc
    .record({ months: fc.integer({ min: 1, max: 6 }), discount: fractionArb(0, 1) })
    .map((s) => ({ months: s.months, discount: new Decimal(s.discount) })),
  fc
    .record({ months: fc.integer({ min: 1, max: 6 }), fee: fc.oneof(fc.constant('0'), amountArb) })
    .map((s) => ({ months: s.months, fee: new Decimal(s.fee) })),
);

interface Gen {
  /** With a termination fee (0.01 .. 1e12, up to 6 decimals), else fee 0. */
  withFee?: boolean;
  /** Force the discount rate to 0. */
  rateZero?: boolean;
  /** Shorter terms, for daily sweeps. */
  maxDays?: number;
}

const scenarioArb = (g: Gen = {}): fc.Arbitrary<Scenario> =>
  fc
    .record({
      start: fc.integer({ min: fromYmd(2000, 1, 1), max: fromYmd(2060, 12, 31) }),
      // 1 day .. ~6 years; short terms weighted a little
      termDays: fc.oneof(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: g.maxDays ?? 2200 })),
      fee: amountArb,
      ramp: fc.array(rampStepArb, { maxLength: 3 }),
      escalation: fc.option(fc.record({ rate: fractionArb(-0.5, 0.5), everyMonths: fc.integer({ min: 1, max: 24 }) }), {
        nil: null,
      }),
      periods: fc.constantFrom('calendar' as const, 'anniversary' as const),
      timing: fc.constantFrom('advance' as const, 'arrears' as const),
      terms: fc.integer({ min: 0, max: 90 }),
      noticeDays: fc.oneof(fc.constantFrom(0, 1, 30, 90), fc.integer({ min: 0, max: 200 })),
      terminationFee: g.withFee ? amountArb : fc.constant('0'),
      // not_before as a fraction of the term (null: none); may fall before the start
      notBefore: fc.option(fc.integer({ min: -40, max: 100 }), { nil: null }),
      rate: g.rateZero ? fc.constant('0') : fc.oneof(fc.constant('0'), fractionArb(-0.5, 0.5)),
      valuationOffset: fc.integer({ min: -400, max: 3000 }),
    })
    .map((r): Scenario => {
      const end = r.start + r.termDays - 1;
      const notBefore = r.notBefore === null ? null : r.start + Math.floor(((r.termDays - 1) * r.notBefore) / 100);
      return {
        name: 'random',
        currency: 'USD',
        parties: {},
        capacity: {},
        term: { start: r.start, end },
        pricing: {
          monthlyFee: new Decimal(r.fee),
          ramp: r.ramp,
          escalation: r.escalation ? { rate: new Decimal(r.escalation.rate), everyMonths: r.escalation.everyMonths } : null,
        },
        billing: { periods: r.periods, timing: r.timing, paymentTermsDays: r.terms },
        termination: { noticeDays: r.noticeDays, by: 'either', fee: new Decimal(r.terminationFee), notBefore },
        valuation: { discountRate: new Decimal(r.rate), date: r.start + r.valuationOffset },
        risk: { monthlyNoticeProbability: null },
        expect: [],
      };
    });

const partyArb = fc.constantFrom<Party>('customer', 'provider');

const describeScenario = (s: Scenario): string =>
  `${formatIsoDate(s.term.start)}..${formatIsoDate(s.term.end)} ${s.billing.periods}/${s.billing.timing}` +
  ` fee=${s.pricing.monthlyFee.toString()} notice=${s.termination?.noticeDays} rate=${s.valuation.discountRate.toString()}`;

const figures = (o: Outcome) => ({
  notice: formatIsoDate(o.notice.date),
  effective: formatIsoDate(o.effectiveDate),
  last: formatIsoDate(o.lastServiceDate),
  effect: o.effect,
  days: o.serviceDays,
  fees: money(o.fees),
  fee: money(o.terminationFee),
  total: money(o.total),
  foregone: money(o.foregone),
  pv: money(o.pv),
});

describe('termination properties', () => {
  it('(a) without a fee, a later notice never gives a smaller total (daily candidates)', () => {
    fc.assert(
      fc.property(scenarioArb(), partyArb, (s, by) => {
        const outcomes = sweep(terminationModel(s), by, candidateDates(s, 'day'));
        for (let i = 1; i < outcomes.length; i++) {
          const a = outcomes[i - 1]!;
          const b = outcomes[i]!;
          if (b.total < a.total) {
            throw new Error(`${describeScenario(s)}: ${money(a.total)} on ${formatIsoDate(a.notice.date)} > ${money(b.total)} on ${formatIsoDate(b.notice.date)}`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(b) total + foregone = full-term total, total = fees + termination fee, for every outcome', () => {
    fc.assert(
      fc.property(scenarioArb({ withFee: true }), partyArb, (s, by) => {
        const m = terminationModel(s);
        const full = money(m.projection.totals.fee);
        for (const o of sweep(m, by, candidateDates(s, 'day'))) {
          expect(money(o.total + o.foregone)).toBe(full);
          expect(money(o.fees + o.terminationFee)).toBe(money(o.total));
          // the fee is rounded to cents and signed by the party, only when the notice has an effect
          const signed = o.effect ? s.termination!.fee.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(by === 'customer' ? 1 : -1) : new Decimal(0);
          expect(money(o.terminationFee)).toBe(money(signed));
          expect(typeof o.terminationFee).toBe('bigint');
          expect(money(o.terminationFee)).toMatch(CENTS);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(c) E = N + notice_days, L = E − 1; no effect iff L ≥ end, and then the full term', () => {
    fc.assert(
      fc.property(scenarioArb({ withFee: true }), partyArb, (s, by) => {
        const m = terminationModel(s);
        const full = m.projection.totals;
        const nd = s.termination!.noticeDays;
        for (const o of sweep(m, by, candidateDates(s, 'day'))) {
          expect(o.effectiveDate).toBe(o.notice.date + nd);
          expect(o.lastServiceDate).toBe(o.notice.date + nd - 1);
          expect(o.effect).toBe(o.lastServiceDate < s.term.end);
          // service days: start .. min(L, end), none when L < start
          expect(o.serviceDays).toBe(Math.max(0, Math.min(o.lastServiceDate, s.term.end) - s.term.start + 1));
          if (!o.effect) {
            expect([money(o.total), money(o.fees), money(o.pv), o.serviceDays, money(o.terminationFee), money(o.foregone)]).toEqual([
              money(full.fee), money(full.fee), money(full.pv), full.days, '0.00', '0.00',
            ]);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(d) every monthly outcome appears in the daily sweep with identical figures', () => {
    fc.assert(
      fc.property(scenarioArb({ withFee: true }), partyArb, (s, by) => {
        const m = terminationModel(s);
        const daily = new Map(sweep(m, by, candidateDates(s, 'day')).map((o) => [o.notice.date, figures(o)]));
        const monthly = sweep(m, by, candidateDates(s, 'month'));
        expect(monthly.length).toBeGreaterThan(0);
        for (const o of monthly) expect(daily.get(o.notice.date)).toEqual(figures(o));
        // the first monthly and the first daily candidate are both the earliest allowed date
        expect(monthly[0]!.notice.date).toBe(candidateDates(s, 'day')[0]);
        expect(figures(committedOutcome(m, by))).toEqual(figures(monthly[0]!));
      }),
      { numRuns: RUNS },
    );
  });

  it('(e) without a fee and with 0 < p < 1, committed.total ≤ expected.total ≤ full total', () => {
    fc.assert(
      fc.property(scenarioArb(), partyArb, fractionArb(0.0001, 0.9999), (s, by, p) => {
        const m = terminationModel(s);
        const e = expectedValue(m, by, new Decimal(p));
        const committed = committedOutcome(m, by).total;
        const full = m.projection.totals.fee;
        expect(typeof e.total).toBe('bigint');
        expect(money(e.total)).toMatch(CENTS);
        if (e.total < committed || e.total > full) {
          throw new Error(`${describeScenario(s)} p=${p}: expected ${money(e.total)} not in [${money(committed)}, ${money(full)}]`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(f) outcome.fees = terminatedProjection totals.fee, serviceDays = totals.days, pv = totals.pv + PV of the fee on E', () => {
    fc.assert(
      fc.property(scenarioArb({ withFee: true }), partyArb, fc.integer({ min: 0, max: 10_000 }), (s, by, pick) => {
        const m = terminationModel(s);
        const dates = candidateDates(s, 'day');
        // a few notices: the first, the last, and one picked at random
        for (const date of [dates[0]!, dates[dates.length - 1]!, dates[pick % dates.length]!]) {
          const notice = { date, by };
          const o = outcomeOf(m, notice);
          const t = terminatedProjection(m, notice);
          expect(money(t.totals.fee)).toBe(money(o.fees));
          expect(t.totals.days).toBe(o.serviceDays);
          const feePv = o.effect ? m.discounter.presentValue(signedTerminationFee(s, by), o.effectiveDate) : 0n;
          expect(money(t.totals.pv + feePv)).toBe(money(o.pv));
          // no kept period runs past L; each keeps its full period length
          const full = m.projection.periods;
          t.periods.forEach((p, i) => {
            expect(p.end).toBeLessThanOrEqual(o.effect ? o.lastServiceDate : s.term.end);
            expect(p.length).toBe(full[i]!.length);
            expect(p.start).toBe(full[i]!.start);
          });
          if (!o.effect) expect(t.periods.length).toBe(full.length);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(g) with rate 0, outcome.pv = outcome.total (fee included)', () => {
    fc.assert(
      fc.property(scenarioArb({ withFee: true, rateZero: true }), partyArb, (s, by) => {
        for (const o of sweep(terminationModel(s), by, candidateDates(s, 'day'))) {
          expect(money(o.pv)).toBe(money(o.total));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(h) monthly candidates: earliest allowed date, then the 1st of each later month up to end', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const month = candidateDates(s, 'month');
        const day = candidateDates(s, 'day');
        const first = Math.max(s.term.start, s.termination!.notBefore ?? s.term.start);
        expect(day[0]).toBe(first);
        expect(day.length).toBe(s.term.end - first + 1);
        const firsts = day.filter((d, i) => i === 0 || formatIsoDate(d).endsWith('-01'));
        expect(month).toEqual(firsts);
      }),
      { numRuns: RUNS },
    );
  });
  it('(i) outcome figures agree with a direct cut of the full projection (reference computation)', () => {
    fc.assert(
      fc.property(scenarioArb({ withFee: true }), partyArb, (s, by) => {
        const m = terminationModel(s);
        const { discounter } = m;
        // Decimal arithmetic wide enough to be exact here: a cent amount times a 60-decimal factor,
        // and sums of those, before the one half-up rounding to cents.
        const W = Decimal.clone({ precision: 200 });
        const round2 = (x: Decimal): Decimal => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        const amount = (c: bigint): Decimal => new W(money(c));
        const df = (f: Factor): Decimal => new W(formatFactor(f, FACTOR_PLACES));
        for (const date of candidateDates(s, 'month')) {
          const o = outcomeOf(m, { date, by });
          if (!o.effect) continue;
          const L = o.lastServiceDate;
          let fees = new W(0);
          let pv = new W(0);
          let days = 0;
          for (const p of m.projection.periods) {
            if (p.start > L) break;
            if (p.end <= L) {
              fees = fees.plus(amount(p.fee));
              pv = pv.plus(amount(p.pv));
              days += p.days;
            } else {
              const d = L - p.start + 1;
              const fee = round2(new W(p.fullFee).times(d).div(p.length));
              const pay = (s.billing.timing === 'advance' ? p.start : L + 1) + s.billing.paymentTermsDays;
              fees = fees.plus(fee);
              pv = pv.plus(round2(fee.times(df(discounter.factor(pay)))));
              days += d;
            }
          }
          const fee = round2(new W(s.termination!.fee)).times(by === 'customer' ? 1 : -1);
          pv = pv.plus(round2(fee.times(df(discounter.factor(o.effectiveDate)))));
          expect(figures(o)).toEqual({
            ...figures(o),
            days,
            fees: money(fees),
            fee: money(fee),
            total: money(fees.plus(fee)),
            foregone: money(amount(m.projection.totals.fee).minus(fees).minus(fee)),
            pv: money(pv),
          });
        }
      }),
      { numRuns: RUNS },
    );
  });
});
