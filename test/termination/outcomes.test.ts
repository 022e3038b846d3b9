/**
 * Hand-checked outcomes of single notices (SPEC §3, §6). Every figure was
 * worked out by hand (and checked with python3's decimal module, ROUND_HALF_UP,
 * df = 1.1^(−days/365) at 60 digits); the arithmetic is in the comments.
 */
import { describe, expect, it } from 'vitest';
import { money } from '../../src/model/money.js';
import { outcomeOf, signedTerminationFee, terminatedProjection, terminationModel } from '../../src/model/termination.js';
import type { Party, Scenario } from '../../src/scenario/types.js';
import { day, iso, scenario, seed, view, type OutcomeView } from './helpers.js';

const at = (s: Scenario, notice: string, by: Party = 'customer'): OutcomeView =>
  view(outcomeOf(terminationModel(s), { date: day(notice), by }));

describe('seed deal (90 days, by either, fee 0, rate 0)', () => {
  it('a mid-month notice (2027-01-15) cuts April 2027 at the 14th', () => {
    // E = 2027-01-15 + 90: Jan 15 + 17 = Feb 1, + 28 = Mar 1, + 31 = Apr 1, + 14 = Apr 15.
    // Fees: Jun + Jul 2026 at 625M = 1.25B; Aug 2026 .. Mar 2027 = 8 × 1.25B = 10B;
    //       Apr 2027: round2(1.25B × 14/30) = 583,333,333.333… → 583,333,333.33.
    // Total 11,833,333,333.33; foregone 43.75B − that = 31,916,666,666.67.
    // Days: Jun..Dec 2026 = 214, Jan..Mar 2027 = 90, + 14 = 318.
    expect(at(seed(), '2027-01-15')).toEqual({
      notice: '2027-01-15',
      by: 'customer',
      effective: '2027-04-15',
      last: '2027-04-14',
      effect: true,
      serviceDays: 318,
      fees: '11833333333.33',
      terminationFee: '0.00',
      total: '11833333333.33',
      foregone: '31916666666.67',
      pv: '11833333333.33',
    });
  });

  it('a notice whose last service day ends a period (2027-01-01 → L = 2027-03-31): no proration', () => {
    // E = 2027-01-01 + 90 = 2027-04-01 (31 + 28 + 31 = 90), L = 2027-03-31.
    // Fees: 1.25B (ramp) + 8 × 1.25B (Aug 2026 .. Mar 2027) = 11,250,000,000.00.
    // Foregone 43.75B − 11.25B = 32.5B. Days: 214 + 90 = 304.
    expect(at(seed(), '2027-01-01')).toEqual({
      notice: '2027-01-01',
      by: 'customer',
      effective: '2027-04-01',
      last: '2027-03-31',
      effect: true,
      serviceDays: 304,
      fees: '11250000000.00',
      terminationFee: '0.00',
      total: '11250000000.00',
      foregone: '32500000000.00',
      pv: '11250000000.00',
    });
  });

  it('a notice on the last allowed day (term.end) has no effect: full term, fee 0, foregone 0', () => {
    // E = 2029-05-31 + 90 = 2029-08-29 (Jun 30 → 2029-06-30 is +30, Jul +31 = 61, Aug 29 = 90), L = 2029-08-28 ≥ end.
    const s = scenario({ termination: { fee: '100000000' } }); // the fee is not due when the notice has no effect
    expect(at(s, '2029-05-31')).toEqual({
      notice: '2029-05-31',
      by: 'customer',
      effective: '2029-08-29',
      last: '2029-08-28',
      effect: false,
      serviceDays: 1096,
      fees: '43750000000.00',
      terminationFee: '0.00',
      total: '43750000000.00',
      foregone: '0.00',
      pv: '43750000000.00',
    });
  });

  it('L == term.end exactly (notice 2029-03-03) has no effect', () => {
    // E = 2029-03-03 + 90: Mar 3 + 29 = Apr 1, + 30 = May 1, + 31 = Jun 1 → L = 2029-05-31 = end.
    expect(at(seed(), '2029-03-03')).toEqual({
      notice: '2029-03-03',
      by: 'customer',
      effective: '2029-06-01',
      last: '2029-05-31',
      effect: false,
      serviceDays: 1096,
      fees: '43750000000.00',
      terminationFee: '0.00',
      total: '43750000000.00',
      foregone: '0.00',
      pv: '43750000000.00',
    });
  });

  it('one day earlier (2029-03-02, L = 2029-05-30) loses one day of May 2029', () => {
    // May 2029: round2(1.25B × 30/31) = 1,209,677,419.354… → 1,209,677,419.35;
    // total 43.75B − 1.25B + 1,209,677,419.35 = 43,709,677,419.35; foregone 40,322,580.65; days 1095.
    expect(at(seed(), '2029-03-02')).toEqual({
      notice: '2029-03-02',
      by: 'customer',
      effective: '2029-05-31',
      last: '2029-05-30',
      effect: true,
      serviceDays: 1095,
      fees: '43709677419.35',
      terminationFee: '0.00',
      total: '43709677419.35',
      foregone: '40322580.65',
      pv: '43709677419.35',
    });
  });

  it('leap year: a notice on 2027-11-18 cuts February 2028 (29 days) at the 15th', () => {
    // E = 2027-11-18 + 90: Nov 18 + 13 = Dec 1, + 31 = Jan 1, + 31 = Feb 1, + 15 = Feb 16 → L = 2028-02-15.
    // Fees: 1.25B (ramp) + 18 × 1.25B (Aug 2026 .. Jan 2028) = 23.75B;
    //       Feb 2028: round2(1.25B × 15/29) = 646,551,724.137… → 646,551,724.14.
    // Total 24,396,551,724.14; foregone 19,353,448,275.86.
    // Days 2026-06-01 .. 2028-02-15: 214 + 365 + 31 + 15 = 625.
    expect(at(seed(), '2027-11-18')).toEqual({
      notice: '2027-11-18',
      by: 'customer',
      effective: '2028-02-16',
      last: '2028-02-15',
      effect: true,
      serviceDays: 625,
      fees: '24396551724.14',
      terminationFee: '0.00',
      total: '24396551724.14',
      foregone: '19353448275.86',
      pv: '24396551724.14',
    });
  });

  it('leap year: L = 2028-02-29 (notice 2027-12-02) keeps all of February 2028', () => {
    // E = 2027-12-02 + 90: Dec 2 + 30 = Jan 1, + 31 = Feb 1, + 29 = Mar 1 → L = Feb 29.
    // Fees 1.25B + 19 × 1.25B (Aug 2026 .. Feb 2028) = 25B; days 214 + 365 + 31 + 29 = 639.
    expect(at(seed(), '2027-12-02')).toEqual({
      notice: '2027-12-02',
      by: 'customer',
      effective: '2028-03-01',
      last: '2028-02-29',
      effect: true,
      serviceDays: 639,
      fees: '25000000000.00',
      terminationFee: '0.00',
      total: '25000000000.00',
      foregone: '18750000000.00',
      pv: '25000000000.00',
    });
  });
});

describe('notice_days 0', () => {
  it('on the start date: L < start, no service at all, total = termination fee', () => {
    // E = N = 2026-06-01, L = 2026-05-31 < start. Fees 0; total = +5,000,000.00 (customer);
    // pv at 10% with E = valuation date: round2(5M × 1.1^0) = 5,000,000.00.
    // Foregone 43.75B − 5M = 43,745,000,000.00.
    const s = scenario({ termination: { noticeDays: 0, fee: '5000000' }, discountRate: '0.10' });
    expect(at(s, '2026-06-01')).toEqual({
      notice: '2026-06-01',
      by: 'customer',
      effective: '2026-06-01',
      last: '2026-05-31',
      effect: true,
      serviceDays: 0,
      fees: '0.00',
      terminationFee: '5000000.00',
      total: '5000000.00',
      foregone: '43745000000.00',
      pv: '5000000.00',
    });
    const t = terminatedProjection(terminationModel(s), { date: day('2026-06-01'), by: 'customer' });
    expect(t.periods).toHaveLength(0);
    expect(money(t.totals.fee)).toBe('0.00');
    expect(money(t.totals.pv)).toBe('0.00');
    expect(t.totals.days).toBe(0);
  });

  it('on the start date without a fee: everything 0', () => {
    const s = scenario({ termination: { noticeDays: 0 } });
    const o = at(s, '2026-06-01');
    expect([o.serviceDays, o.fees, o.terminationFee, o.total, o.pv, o.foregone]).toEqual([
      0, '0.00', '0.00', '0.00', '0.00', '43750000000.00',
    ]);
  });

  it('mid-term (2027-01-15): service stops the day before the notice', () => {
    // E = 2027-01-15, L = 2027-01-14. Fees 1.25B + 5 × 1.25B (Aug .. Dec 2026) = 7.5B;
    // Jan 2027: round2(1.25B × 14/31) = 564,516,129.032… → 564,516,129.03. Total 8,064,516,129.03.
    // Foregone 43.75B − 8,064,516,129.03 = 35,685,483,870.97. Days 214 + 14 = 228.
    const s = scenario({ termination: { noticeDays: 0 } });
    expect(at(s, '2027-01-15')).toEqual({
      notice: '2027-01-15',
      by: 'customer',
      effective: '2027-01-15',
      last: '2027-01-14',
      effect: true,
      serviceDays: 228,
      fees: '8064516129.03',
      terminationFee: '0.00',
      total: '8064516129.03',
      foregone: '35685483870.97',
      pv: '8064516129.03',
    });
  });

  it('on term.end: L = end − 1, the last day is lost', () => {
    // L = 2029-05-30: same as the 90-day notice on 2029-03-02 above.
    const s = scenario({ termination: { noticeDays: 0 } });
    const o = at(s, '2029-05-31');
    expect([o.effective, o.last, o.effect, o.total, o.foregone, o.serviceDays]).toEqual([
      '2029-05-31', '2029-05-30', true, '43709677419.35', '40322580.65', 1095,
    ]);
  });
});

describe('a small leap-year contract: 2028-02-10 .. 2028-06-30, 1,000 a month, 10 days notice', () => {
  const s = scenario({
    start: '2028-02-10',
    end: '2028-06-30',
    monthlyFee: '1000',
    ramp: [],
    termination: { noticeDays: 10 },
  });

  it('full term: round2(1000 × 20/29) = 689.66 + 4 × 1000 = 4,689.66', () => {
    expect(money(terminationModel(s).projection.totals.fee)).toBe('4689.66');
  });

  it('notice 2028-02-15: L = 2028-02-24, 15 of 29 February days → 517.24', () => {
    // round2(1000 × 15/29) = 517.241… → 517.24; foregone 4,689.66 − 517.24 = 4,172.42.
    expect(at(s, '2028-02-15')).toEqual({
      notice: '2028-02-15',
      by: 'customer',
      effective: '2028-02-25',
      last: '2028-02-24',
      effect: true,
      serviceDays: 15,
      fees: '517.24',
      terminationFee: '0.00',
      total: '517.24',
      foregone: '4172.42',
      pv: '517.24',
    });
  });

  it('notice 2028-02-20: L = 2028-02-29, the whole (short) first period is kept', () => {
    // Period 1 is 2028-02-10 .. 02-29 (20 of 29 days) already: 689.66; foregone 4,000.00.
    const o = at(s, '2028-02-20');
    expect([o.effective, o.last, o.serviceDays, o.total, o.foregone]).toEqual([
      '2028-03-01', '2028-02-29', 20, '689.66', '4000.00',
    ]);
  });
});

describe('termination fee on the seed deal at 10%, notice 2027-01-15', () => {
  // Kept periods (advance, paid on their first day, valuation date 2026-06-01), pv = round2(fee × 1.1^(−days/365)):
  //   Jun 625,000,000.00 | Jul 620,123,056.35 | Aug 1,230,247,047.35 | Sep 1,220,328,596.08
  //   Oct 1,210,806,238.00 | Nov 1,201,044,521.69 | Dec 1,191,672,639.37 | Jan 1,182,065,181.24
  //   Feb 1,172,535,179.99 | Mar 1,163,993,493.24 | Apr (583,333,333.33 paid 2027-04-01) 538,817,621.47
  //   Σ = 11,356,633,574.78.
  // Fee PV: E = 2027-04-15 is 318 days after 2026-06-01: round2(100M × 1.1^(−318/365)) = 92,031,676.16.
  const s = scenario({ discountRate: '0.10', termination: { fee: '100000000' } });

  it('a customer notice adds +fee, on E', () => {
    // total 11,833,333,333.33 + 100M = 11,933,333,333.33; foregone 43.75B − that = 31,816,666,666.67;
    // pv 11,356,633,574.78 + 92,031,676.16 = 11,448,665,250.94.
    expect(at(s, '2027-01-15', 'customer')).toEqual({
      notice: '2027-01-15',
      by: 'customer',
      effective: '2027-04-15',
      last: '2027-04-14',
      effect: true,
      serviceDays: 318,
      fees: '11833333333.33',
      terminationFee: '100000000.00',
      total: '11933333333.33',
      foregone: '31816666666.67',
      pv: '11448665250.94',
    });
  });

  it('a provider notice adds −fee, on E', () => {
    // total 11,833,333,333.33 − 100M = 11,733,333,333.33; foregone 32,016,666,666.67;
    // pv 11,356,633,574.78 − 92,031,676.16 = 11,264,601,898.62.
    expect(at(s, '2027-01-15', 'provider')).toEqual({
      notice: '2027-01-15',
      by: 'provider',
      effective: '2027-04-15',
      last: '2027-04-14',
      effect: true,
      serviceDays: 318,
      fees: '11833333333.33',
      terminationFee: '-100000000.00',
      total: '11733333333.33',
      foregone: '32016666666.67',
      pv: '11264601898.62',
    });
  });

  it('the fee is discounted from E without payment terms', () => {
    // With 30 days' payment terms every period pays 30 days later, but the fee is still on E:
    // outcome pv − Σ kept period pvs = 92,031,676.16 exactly.
    const withTerms = scenario({ discountRate: '0.10', paymentTermsDays: 30, termination: { fee: '100000000' } });
    const m = terminationModel(withTerms);
    const notice = { date: day('2027-01-15'), by: 'customer' as const };
    const o = outcomeOf(m, notice);
    const kept = terminatedProjection(m, notice).totals.pv;
    expect(money(o.pv - kept)).toBe('92031676.16');
  });
});

describe('small contract 2030-01-01 .. 2030-03-31, 1,000 a month, no ramp, rate 0 (full term 3,000.00)', () => {
  const small = (fee: string, noticeDays: number): Scenario =>
    scenario({ start: '2030-01-01', end: '2030-03-31', monthlyFee: '1000', ramp: [], termination: { fee, noticeDays } });

  it('a termination fee with 3 decimals is rounded half up to cents: 1234.565 → 1,234.57', () => {
    // notice 2030-02-01, 30 days: E = 2030-03-03, L = 2030-03-02; fees 1000 + 1000 + round2(1000 × 2/31) = 64.52 → 2,064.52.
    // customer: total 2,064.52 + 1,234.57 = 3,299.09, foregone 3,000 − 3,299.09 = −299.09.
    expect(at(small('1234.565', 30), '2030-02-01', 'customer')).toEqual({
      notice: '2030-02-01',
      by: 'customer',
      effective: '2030-03-03',
      last: '2030-03-02',
      effect: true,
      serviceDays: 61,
      fees: '2064.52',
      terminationFee: '1234.57',
      total: '3299.09',
      foregone: '-299.09',
      pv: '3299.09',
    });
  });

  it('the provider pays the same rounded fee, away from zero: −1,234.57', () => {
    // total 2,064.52 − 1,234.57 = 829.95, foregone 3,000 − 829.95 = 2,170.05.
    const o = at(small('1234.565', 30), '2030-02-01', 'provider');
    expect([o.terminationFee, o.total, o.foregone, o.pv]).toEqual(['-1234.57', '829.95', '2170.05', '829.95']);
    expect(money(signedTerminationFee(small('1234.565', 30), 'provider'))).toBe('-1234.57');
    expect(money(signedTerminationFee(small('1234.565', 30), 'customer'))).toBe('1234.57');
    expect(money(signedTerminationFee(small('1234.564999', 30), 'customer'))).toBe('1234.56');
    expect(signedTerminationFee(small('1234.565', 30), 'provider')).toBe(-123457n); // whole cents
  });

  it('foregone is negative when the fee exceeds the remaining fees', () => {
    // notice 2030-03-01, 10 days: E = 2030-03-11, L = 2030-03-10; fees 2000 + round2(1000 × 10/31) = 322.58 → 2,322.58.
    // total 2,322.58 + 5,000 = 7,322.58; foregone 3,000 − 7,322.58 = −4,322.58.
    expect(at(small('5000', 10), '2030-03-01')).toEqual({
      notice: '2030-03-01',
      by: 'customer',
      effective: '2030-03-11',
      last: '2030-03-10',
      effect: true,
      serviceDays: 69,
      fees: '2322.58',
      terminationFee: '5000.00',
      total: '7322.58',
      foregone: '-4322.58',
      pv: '7322.58',
    });
  });
});

describe('arrears billing + 15 days payment terms at 10%: 2030 calendar year, 1,000 a month, 30 days notice', () => {
  const s = scenario({
    start: '2030-01-01',
    end: '2030-12-31',
    monthlyFee: '1000',
    ramp: [],
    timing: 'arrears',
    paymentTermsDays: 15,
    discountRate: '0.10',
    termination: { noticeDays: 30 },
  });
  const notice = { date: day('2030-03-10'), by: 'customer' as const };

  it('the cut period is paid the day after L plus the payment terms', () => {
    // E = 2030-04-09, L = 2030-04-08; April: 8 of 30 days, round2(1000 × 8/30) = 266.67,
    // paid 2030-04-09 + 15 = 2030-04-24 (the full April would be paid 2030-05-16).
    const t = terminatedProjection(terminationModel(s), notice);
    expect(t.periods.map((p) => [iso(p.start), iso(p.end), p.days, p.length, money(p.fee), iso(p.paymentDate), money(p.pv)])).toEqual([
      // Jan paid Feb 1 + 15 = Feb 16 (46 days): round2(1000 × 1.1^(−46/365)) = 988.06
      ['2030-01-01', '2030-01-31', 31, 31, '1000.00', '2030-02-16', '988.06'],
      // Feb paid Mar 1 + 15 = Mar 16 (74 days): 980.86
      ['2030-02-01', '2030-02-28', 28, 28, '1000.00', '2030-03-16', '980.86'],
      // Mar paid Apr 1 + 15 = Apr 16 (105 days): 972.95
      ['2030-03-01', '2030-03-31', 31, 31, '1000.00', '2030-04-16', '972.95'],
      // Apr cut: 266.67 paid Apr 24 (113 days): round2(266.67 × 1.1^(−113/365)) = 258.92
      ['2030-04-01', '2030-04-08', 8, 30, '266.67', '2030-04-24', '258.92'],
    ]);
  });

  it('outcome figures', () => {
    // fees 3,266.67; foregone 12,000 − 3,266.67 = 8,733.33; pv 988.06 + 980.86 + 972.95 + 258.92 = 3,200.79.
    expect(view(outcomeOf(terminationModel(s), notice))).toEqual({
      notice: '2030-03-10',
      by: 'customer',
      effective: '2030-04-09',
      last: '2030-04-08',
      effect: true,
      serviceDays: 98,
      fees: '3266.67',
      terminationFee: '0.00',
      total: '3266.67',
      foregone: '8733.33',
      pv: '3200.79',
    });
  });
});

describe('anniversary billing from 2030-01-31: a notice cuts a period, which keeps its length', () => {
  // b1 = 2030-02-28, b2 = 2030-03-31, b3 = 2030-04-30 (from the start, not chained).
  // Period 1: 2030-01-31 .. 02-27 (28 days, length 28); period 2: 2030-02-28 .. 03-30 (31 days, length 31).
  const s = scenario({
    start: '2030-01-31',
    end: '2031-01-30',
    monthlyFee: '3100',
    ramp: [],
    periods: 'anniversary',
    termination: { noticeDays: 20 },
  });

  it('notice 2030-03-05: L = 2030-03-24, 25 of 31 days of period 2', () => {
    // E = 2030-03-25; period 2 days Feb 28 .. Mar 24 = 1 + 24 = 25: round2(3100 × 25/31) = 2,500.00.
    // Total 3,100 + 2,500 = 5,600.00; full term 12 × 3,100 = 37,200.00; foregone 31,600.00. Days 28 + 25 = 53.
    expect(at(s, '2030-03-05')).toEqual({
      notice: '2030-03-05',
      by: 'customer',
      effective: '2030-03-25',
      last: '2030-03-24',
      effect: true,
      serviceDays: 53,
      fees: '5600.00',
      terminationFee: '0.00',
      total: '5600.00',
      foregone: '31600.00',
      pv: '5600.00',
    });
    const t = terminatedProjection(terminationModel(s), { date: day('2030-03-05'), by: 'customer' });
    expect(t.periods.map((p) => [p.index, iso(p.start), iso(p.end), p.days, p.length, money(p.fee)])).toEqual([
      [1, '2030-01-31', '2030-02-27', 28, 28, '3100.00'],
      [2, '2030-02-28', '2030-03-24', 25, 31, '2500.00'],
    ]);
  });
});
