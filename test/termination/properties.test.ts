/**
 * Property tests of early termination over random scenarios (SPEC §3, §6):
 * random start 2000..2060, term up to ~6 years, fee, ramp, escalation,
 * calendar/anniversary, advance/arrears, payment terms, 0..200 days' notice,
 * optional not_before, discount rate; no termination fee unless stated.
 */
import fc from 'fast-check';
import { expectedOfProbability as expectedValue } from '../../src/model/risk.js';
import { toArray } from '../../src/model/sequence.js';
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../src/model/calendar.js';
import { Decimal, money } from '../../src/model/money.js';
import { candidateDates } from '../../src/model/notice.js';
import { FACTOR_PLACES, formatFactor, type Factor } from '../../src/model/valuation.js';
import {
  committedOutcome,
  outcomeOf,
  signedTerminationFee,
  sweep,
  terminatedProjection,
  terminationModel,
  type Outcome,
} from '../../src/model/termination.js';
import type { Party, Scenario } from '../../src/scenario/types.js';
import { CENTS, describeScenario, fractionArb, scenarioArb as scenarios, type ScenarioOptions } from '../support/arbitraries.js';

const scenarioArb = (o: ScenarioOptions = {}): fc.Arbitrary<Scenario> => scenarios({ termination: true, ...o });

const RUNS = 120;

const partyArb = fc.constantFrom<Party>('customer', 'provider');

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
        const outcomes = toArray(sweep(terminationModel(s), by, candidateDates(s, 'day')));
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
        for (const o of toArray(sweep(m, by, candidateDates(s, 'day')))) {
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
        for (const o of toArray(sweep(m, by, candidateDates(s, 'day')))) {
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
        const daily = new Map(toArray(sweep(m, by, candidateDates(s, 'day'))).map((o) => [o.notice.date, figures(o)]));
        const monthly = toArray(sweep(m, by, candidateDates(s, 'month')));
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
        for (const o of toArray(sweep(terminationModel(s), by, candidateDates(s, 'day')))) {
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
              // the period's contract-month segments cut at the last day, prorated and rounded once
              let left = d;
              let kept = new W(0);
              for (const seg of p.segments) {
                const k = Math.min(seg.days, left);
                if (k <= 0) break;
                kept = kept.plus(new W(seg.fullFee).times(k));
                left -= k;
              }
              const fee = round2(kept.div(p.length));
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
