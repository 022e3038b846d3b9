/**
 * projection.ts: the whole schedule of a scenario, its running cumulative,
 * discount factors and totals. Expected figures were computed by hand and
 * with an independent Python (decimal, prec 50) implementation of SPEC §2.
 */
import { describe, expect, it } from 'vitest';
import { money } from '../../src/model/money.js';
import { cashFlows, project, type Projection } from '../../src/model/projection.js';
import { formatFactor } from '../../src/model/valuation.js';
import { day, dec, DF_ONE, iso, scenario } from './helpers.js';

const SEED = {
  start: '2026-06-01',
  end: '2029-05-31',
  monthlyFee: '1250000000',
  ramp: [{ months: 2, discount: dec('0.5') }],
} as const;

const totals = (p: Projection) => ({
  periods: p.totals.periods,
  days: p.totals.days,
  base: money(p.totals.base),
  discount: money(p.totals.discount),
  fee: money(p.totals.fee),
  pv: money(p.totals.pv),
});

describe('the seed deal (calendar, advance, 0 days, rate 0)', () => {
  const result = project(scenario(SEED));

  it('totals: 43,750,000,000.00 fee over 36 periods and 1,096 days', () => {
    expect(totals(result)).toEqual({
      periods: 36,
      days: 1096,
      base: '45000000000.00',
      discount: '1250000000.00',
      fee: '43750000000.00',
      pv: '43750000000.00', // rate 0: pv = fee
    });
  });

  it('period 1 is half price, paid on its first day, undiscounted', () => {
    const p1 = result.periods[0]!;
    expect({
      period: p1.index,
      start: iso(p1.start),
      end: iso(p1.end),
      days: p1.days,
      length: p1.length,
      base: money(p1.base),
      discount: money(p1.discount),
      fee: money(p1.fee),
      paymentDate: iso(p1.paymentDate),
      discountFactor: formatFactor(p1.discountFactor, 10),
      pv: money(p1.pv),
      cumulative: money(p1.cumulative),
    }).toEqual({
      period: 1,
      start: '2026-06-01',
      end: '2026-06-30',
      days: 30,
      length: 30,
      base: '1250000000.00',
      discount: '625000000.00',
      fee: '625000000.00',
      paymentDate: '2026-06-01',
      discountFactor: '1.0000000000',
      pv: '625000000.00',
      cumulative: '625000000.00',
    });
  });

  it('period 2 is still ramped, period 3 is full price', () => {
    expect(money(result.periods[1]!.fee)).toBe('625000000.00');
    expect(money(result.periods[2]!.fee)).toBe('1250000000.00');
    expect(money(result.periods[2]!.discount)).toBe('0.00');
  });

  it('cumulative is the running sum of fee', () => {
    expect(result.periods.slice(0, 4).map((p) => money(p.cumulative))).toEqual([
      '625000000.00',
      '1250000000.00',
      '2500000000.00',
      '3750000000.00',
    ]);
    let running = 0n;
    for (const p of result.periods) {
      running += p.fee;
      expect(money(p.cumulative)).toBe(money(running));
    }
    expect(money(result.periods[35]!.cumulative)).toBe('43750000000.00');
  });

  it('every period pays on its first day with df 1 and pv = fee', () => {
    for (const p of result.periods) {
      expect(p.paymentDate).toBe(p.start);
      expect(p.discountFactor).toBe(DF_ONE);
      expect(money(p.pv)).toBe(money(p.fee));
    }
  });

  it('cashFlows gives the same periods before valuation', () => {
    const flows = cashFlows(scenario(SEED));
    expect(flows).toHaveLength(36);
    expect(flows.map((f) => money(f.fee))).toEqual(result.periods.map((p) => money(p.fee)));
  });
});

describe('the seed deal at a 10% discount rate', () => {
  const result = project(scenario({ ...SEED, discountRate: '0.1' }));

  it('discounts each period from the valuation date (term.start)', () => {
    const [p1, p2, p3] = result.periods;
    expect(p1!.discountFactor).toBe(DF_ONE);
    expect(money(p1!.pv)).toBe('625000000.00');
    expect(formatFactor(p2!.discountFactor, 10)).toBe('0.9921968902'); // 30 days
    expect(money(p2!.pv)).toBe('620123056.35');
    expect(formatFactor(p3!.discountFactor, 10)).toBe('0.9841976379'); // 61 days
    expect(money(p3!.pv)).toBe('1230247047.35');
  });

  it('totals: fee unchanged, pv is the sum of the rounded period pvs', () => {
    expect(totals(result)).toEqual({
      periods: 36,
      days: 1096,
      base: '45000000000.00',
      discount: '1250000000.00',
      fee: '43750000000.00',
      pv: '38041880566.11', // independent Python reference
    });
    expect(money(result.periods.reduce((s, p) => s + p.pv, 0n))).toBe('38041880566.11');
  });
});

describe('a mid-month calendar start: the ramp counts contract months, not billing periods', () => {
  const result = project(
    scenario({
      start: '2026-06-15',
      end: '2026-09-14',
      monthlyFee: '3000',
      ramp: [{ months: 1, discount: dec('1') }],
    }),
  );

  it('frees contract month 1 (Jun 15 to Jul 14), which runs into the second billing period', () => {
    expect(result.periods.map((p) => [iso(p.start), iso(p.end), p.days, p.length, money(p.base), money(p.fee)])).toEqual([
      ['2026-06-15', '2026-06-30', 16, 30, '1600.00', '0.00'],
      // Jul 1–14 still free (month 1), Jul 15–31 paid (month 2): 3000 × 17/31 = 1645.161… → 1645.16
      ['2026-07-01', '2026-07-31', 31, 31, '3000.00', '1645.16'],
      ['2026-08-01', '2026-08-31', 31, 31, '3000.00', '3000.00'],
      ['2026-09-01', '2026-09-14', 14, 30, '1400.00', '1400.00'],
    ]);
    expect(totals(result)).toEqual({ periods: 4, days: 92, base: '9000.00', discount: '2954.84', fee: '6045.16', pv: '6045.16' });
  });
});

describe('anniversary, escalation, ramp with a fixed fee, arrears + 30 days, 8%, later valuation date', () => {
  // Every figure below comes from an independent Python implementation of SPEC §2.
  const result = project(
    scenario({
      start: '2027-01-31',
      end: '2029-03-15',
      monthlyFee: '1000000.123456',
      ramp: [
        { months: 1, discount: dec('1') },
        { months: 2, fee: dec('750000') },
        { months: 2, discount: dec('0.25') },
      ],
      escalation: { rate: dec('0.03'), everyMonths: 12 },
      periods: 'anniversary',
      timing: 'arrears',
      paymentTermsDays: 30,
      discountRate: '0.08',
      valuationDate: '2027-07-01',
    }),
  );
  const row = (k: number) => {
    const p = result.periods[k - 1]!;
    return [iso(p.start), iso(p.end), p.days, p.length, money(p.base), money(p.fee), money(p.discount), iso(p.paymentDate), money(p.pv)];
  };

  it('has 26 periods', () => {
    expect(result.periods).toHaveLength(26);
  });

  it('period rows', () => {
    expect(row(1)).toEqual(['2027-01-31', '2027-02-27', 28, 28, '1000000.12', '0.00', '1000000.12', '2027-03-30', '0.00']);
    // a fixed fee step: discount is base − fee; paid before the valuation date, so pv > fee
    expect(row(2)).toEqual(['2027-02-28', '2027-03-30', 31, 31, '1000000.12', '750000.00', '250000.12', '2027-04-30', '759868.99']);
    expect(row(3)).toEqual(['2027-03-31', '2027-04-29', 30, 30, '1000000.12', '750000.00', '250000.12', '2027-05-30', '755077.56']);
    // a 25% discount step: 750000.0925... → 750000.09
    expect(row(4)).toEqual(['2027-04-30', '2027-05-30', 31, 31, '1000000.12', '750000.09', '250000.03', '2027-06-30', '750158.25']);
    expect(row(6)).toEqual(['2027-06-30', '2027-07-30', 31, 31, '1000000.12', '1000000.12', '0.00', '2027-08-30', '987428.68']);
    // first escalated period (13) starts on the leap-year Jan 31: Feb 28 is its last day
    expect(row(13)).toEqual(['2028-01-31', '2028-02-28', 29, 29, '1030000.13', '1030000.13', '0.00', '2028-03-30', '972384.76']);
    expect(row(14)).toEqual(['2028-02-29', '2028-03-30', 31, 31, '1030000.13', '1030000.13', '0.00', '2028-04-30', '966049.57']);
    // exactly 365 days after the valuation date (2027-07-01 + 365 = 2028-06-30): df = 1/1.08
    expect(row(16)).toEqual(['2028-04-30', '2028-05-30', 31, 31, '1030000.13', '1030000.13', '0.00', '2028-06-30', '953703.82']);
    expect(formatFactor(result.periods[15]!.discountFactor, 10)).toBe('0.9259259259');
    expect(row(25)).toEqual(['2029-01-31', '2029-02-27', 28, 28, '1060900.13', '1060900.13', '0.00', '2029-03-30', '927366.94']);
    // the last period is cut at term.end and keeps its 31-day length
    expect(row(26)).toEqual(['2029-02-28', '2029-03-15', 16, 31, '547561.36', '547561.36', '0.00', '2029-04-15', '477028.96']);
  });

  it('totals', () => {
    expect(totals(result)).toEqual({
      periods: 26,
      days: day('2029-03-15') - day('2027-01-31') + 1,
      base: '25968464.49',
      discount: '2000000.42',
      fee: '23968464.07',
      pv: '22459424.01',
    });
    expect(result.totals.days).toBe(775);
  });
});

describe('a single-day term', () => {
  it('is one prorated period', () => {
    const r = project(scenario({ start: '2028-02-29', end: '2028-02-29', monthlyFee: '2.9', timing: 'arrears' }));
    expect(r.periods).toHaveLength(1);
    expect(money(r.periods[0]!.fee)).toBe('0.10'); // 2.9 / 29
    expect(iso(r.periods[0]!.paymentDate)).toBe('2028-03-01');
    expect(totals(r)).toEqual({ periods: 1, days: 1, base: '0.10', discount: '0.00', fee: '0.10', pv: '0.10' });
  });
});
