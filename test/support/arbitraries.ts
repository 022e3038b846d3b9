/**
 * fast-check arbitraries of scenarios, shared by the property tests of the
 * projection and of early termination. Amounts and rates are generated as
 * exact decimal strings (integers scaled by a power of ten), never floats.
 */
import fc from 'fast-check';
import { formatIsoDate, fromYmd } from '../../src/model/calendar.js';
import { Decimal, formatScaled } from '../../src/model/money.js';
import type { RampStep, Scenario } from '../../src/scenario/types.js';

/** A money amount printed as the contract prints it. */
export const CENTS = /^-?\d+\.\d{2}$/;

/** 0.01 .. 1e12 with up to 6 decimals. */
export const amountArb = fc.bigInt({ min: 10_000n, max: 10n ** 18n }).map((u) => formatScaled(u, 6));

/** A fraction with 4 decimals in [min, max]. */
export const fractionArb = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min: Math.round(min * 10_000), max: Math.round(max * 10_000) }).map((n) => formatScaled(BigInt(n), 4));

export const rampStepArb: fc.Arbitrary<RampStep> = fc.oneof(
  fc
    .record({ months: fc.integer({ min: 1, max: 6 }), discount: fractionArb(0, 1) })
    .map((s) => ({ months: s.months, discount: new Decimal(s.discount) })),
  fc
    .record({ months: fc.integer({ min: 1, max: 6 }), fee: fc.oneof(fc.constant('0'), amountArb) })
    .map((s) => ({ months: s.months, fee: new Decimal(s.fee) })),
);

export interface ScenarioOptions {
  /** A termination clause (by either party, 0..200 days' notice, optional not_before); else none. */
  readonly termination?: boolean;
  /** With a termination fee (0.01 .. 1e12, up to 6 decimals), else fee 0. */
  readonly withFee?: boolean;
  /** Force the discount rate to 0. */
  readonly rateZero?: boolean;
  /** Longest term in days (short terms are weighted a little anyway). */
  readonly maxDays?: number;
}

/** Random scenarios: start 2000..2060, any billing, ramp, escalation, payment terms and discount rate. */
export const scenarioArb = (o: ScenarioOptions = {}): fc.Arbitrary<Scenario> =>
  fc
    .record({
      start: fc.integer({ min: fromYmd(2000, 1, 1), max: fromYmd(2060, 12, 31) }),
      termDays: fc.oneof(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: o.maxDays ?? 2200 })),
      fee: amountArb,
      ramp: fc.array(rampStepArb, { maxLength: 3 }),
      escalation: fc.option(fc.record({ rate: fractionArb(-0.5, 0.5), everyMonths: fc.integer({ min: 1, max: 24 }) }), {
        nil: null,
      }),
      periods: fc.constantFrom('calendar' as const, 'anniversary' as const),
      timing: fc.constantFrom('advance' as const, 'arrears' as const),
      terms: fc.integer({ min: 0, max: 90 }),
      noticeDays: fc.oneof(fc.constantFrom(0, 1, 30, 90), fc.integer({ min: 0, max: 200 })),
      terminationFee: o.withFee ? amountArb : fc.constant('0'),
      // not_before as a percentage of the term (null: none); may fall before the start
      notBefore: fc.option(fc.integer({ min: -40, max: 100 }), { nil: null }),
      rate: o.rateZero ? fc.constant('0') : fc.oneof(fc.constant('0'), fractionArb(-0.5, 0.5)),
      valuationOffset: fc.integer({ min: -400, max: 4000 }),
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
        termination: o.termination
          ? { noticeDays: r.noticeDays, by: 'either', fee: new Decimal(r.terminationFee), notBefore }
          : null,
        valuation: { discountRate: new Decimal(r.rate), date: r.start + r.valuationOffset },
        risk: { monthlyNoticeProbability: null },
        costs: null,
        expect: [],
      };
    });

/** A counterexample in one line. */
export const describeScenario = (s: Scenario): string =>
  `${formatIsoDate(s.term.start)}..${formatIsoDate(s.term.end)} ${s.billing.periods}/${s.billing.timing}` +
  ` fee=${s.pricing.monthlyFee.toString()} notice=${s.termination?.noticeDays ?? '-'} rate=${s.valuation.discountRate.toString()}`;

/** Random provider costs (SPEC §9): any of power, operating and capital, with escalations; capital around the term. */
export const costsArb = (start: number, end: number): fc.Arbitrary<NonNullable<Scenario['costs']>> =>
  fc
    .record({
      power: fc.option(
        fc.record({
          itLoad: fc.integer({ min: 1, max: 2000 }),
          utilization: fractionArb(0, 1),
          pue: fractionArb(1, 2),
          price: fc.integer({ min: 0, max: 50_000 }).map((n) => formatScaled(BigInt(n), 2)),
          escalation: fc.option(fc.record({ rate: fractionArb(-0.3, 0.3), everyMonths: fc.integer({ min: 1, max: 24 }) }), { nil: null }),
        }),
        { nil: null },
      ),
      operating: fc.option(
        fc.record({
          monthly: amountArb,
          escalation: fc.option(fc.record({ rate: fractionArb(-0.3, 0.3), everyMonths: fc.integer({ min: 1, max: 24 }) }), { nil: null }),
        }),
        { nil: null },
      ),
      capital: fc.array(fc.record({ offset: fc.integer({ min: -800, max: end - start + 400 }), amount: amountArb }), { maxLength: 4 }),
    })
    .map((r) => ({
      power: r.power
        ? {
            itLoadMw: new Decimal(r.power.itLoad),
            utilization: new Decimal(r.power.utilization),
            pue: new Decimal(r.power.pue),
            pricePerMwh: new Decimal(r.power.price),
            escalation: r.power.escalation ? { rate: new Decimal(r.power.escalation.rate), everyMonths: r.power.escalation.everyMonths } : null,
          }
        : null,
      operating: r.operating
        ? { monthly: new Decimal(r.operating.monthly), escalation: r.operating.escalation ? { rate: new Decimal(r.operating.escalation.rate), everyMonths: r.operating.escalation.everyMonths } : null }
        : null,
      capital: r.capital.map((c) => ({ date: start + c.offset, amount: new Decimal(c.amount) })).sort((a, b) => a.date - b.date),
    }));

/** Random scenarios with costs. */
export const scenarioWithCostsArb = (o: ScenarioOptions = {}): fc.Arbitrary<Scenario> =>
  scenarioArb(o).chain((s) => costsArb(s.term.start, s.term.end).map((costs): Scenario => ({ ...s, costs })));
