/** Defaults (SPEC §1), cross-key rules (§1, §6) and exact amounts. */
import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/model/money.js';
import { BASE, errorLines, iso, load, withFee } from './helpers.js';

describe('defaults', () => {
  const s = load(BASE);

  test('the minimal scenario', () => {
    expect(s.name).toBe('X');
    expect(iso(s.term.start)).toBe('2026-06-01');
    expect(iso(s.term.end)).toBe('2029-05-31');
    expect(s.pricing.monthlyFee.toString()).toBe('1250000000');
  });

  test('currency USD', () => {
    expect(s.currency).toBe('USD');
  });

  test('billing calendar / advance / 0', () => {
    expect(s.billing).toEqual({ periods: 'calendar', timing: 'advance', paymentTermsDays: 0 });
  });

  test('no ramp, no escalation, no parties, no capacity, no expectations', () => {
    expect(s.pricing.ramp).toEqual([]);
    expect(s.pricing.escalation).toBeNull();
    expect(s.parties).toEqual({});
    expect(s.capacity).toEqual({});
    expect(s.expect).toEqual([]);
  });

  test('no termination section: termination is null', () => {
    expect(s.termination).toBeNull();
  });

  test('valuation rate 0 and date = term.start', () => {
    expect(s.valuation.discountRate.isZero()).toBe(true);
    expect(s.valuation.date).toBe(s.term.start);
    expect(iso(s.valuation.date)).toBe('2026-06-01');
  });

  test('valuation.date follows a different term.start', () => {
    const other = load(BASE.replace('2026-06-01', '2027-01-15'));
    expect(iso(other.valuation.date)).toBe('2027-01-15');
    const withSection = load(BASE.replace('2026-06-01', '2027-01-15') + 'valuation:\n  discount_rate: 5%\n');
    expect(iso(withSection.valuation.date)).toBe('2027-01-15');
    expect(withSection.valuation.discountRate.toString()).toBe('0.05');
  });

  test('risk probability null', () => {
    expect(s.risk.monthlyNoticeProbability).toBeNull();
    expect(load(`${BASE}risk: {}\n`).risk.monthlyNoticeProbability).toBeNull();
  });

  test('termination: by either, fee 0, not_before null', () => {
    const t = load(`${BASE}termination:\n  notice_days: 90\n`).termination;
    expect(t).not.toBeNull();
    expect(t?.noticeDays).toBe(90);
    expect(t?.by).toBe('either');
    expect(t?.fee.isZero()).toBe(true);
    expect(t?.notBefore).toBeNull();
  });

  test('escalation every_months 12', () => {
    const e = load(`${BASE}  escalation: { rate: 3% }\n`).pricing.escalation;
    expect(e?.rate.toString()).toBe('0.03');
    expect(e?.everyMonths).toBe(12);
  });

  test('every key given overrides its default', () => {
    const full = load(
      `${BASE}currency: EUR\nparties: { provider: xAI, customer: Anthropic }\ncapacity: { power_mw: 300, site: "Colossus 1, Memphis TN" }\n` +
        'billing: { periods: anniversary, timing: arrears, payment_terms_days: 30 }\n' +
        'termination:\n  notice_days: 30\n  by: customer\n  fee: 10M\n  not_before: 2026-09-01\n' +
        'valuation:\n  discount_rate: 10%\n  date: 2026-07-01\nrisk:\n  monthly_notice_probability: 2%\n',
    );
    expect(full.currency).toBe('EUR');
    expect(full.parties).toEqual({ provider: 'xAI', customer: 'Anthropic' });
    expect(full.capacity.powerMw?.toString()).toBe('300');
    expect(full.capacity.site).toBe('Colossus 1, Memphis TN');
    expect(full.billing).toEqual({ periods: 'anniversary', timing: 'arrears', paymentTermsDays: 30 });
    expect(full.termination?.noticeDays).toBe(30);
    expect(full.termination?.by).toBe('customer');
    expect(full.termination?.fee.toString()).toBe('10000000');
    expect(iso(full.termination?.notBefore ?? NaN)).toBe('2026-09-01');
    expect(full.valuation.discountRate.toString()).toBe('0.1');
    expect(iso(full.valuation.date)).toBe('2026-07-01');
    expect(full.risk.monthlyNoticeProbability?.toString()).toBe('0.02');
    expect(load(`${BASE}  escalation: { rate: 3%, every_months: 6 }\n`).pricing.escalation?.everyMonths).toBe(6);
  });
});

describe('cross-key rules', () => {
  const withEnd = (end: string): string => BASE.replace('2029-05-31', end);
  const withNotBefore = (date: string): string => `${BASE}termination:\n  notice_days: 90\n  not_before: ${date}\n`;

  test('end before start names term.start', () => {
    expect(errorLines(withEnd('2026-05-31'))).toEqual([
      's.yaml:4:8: term.end: expected a date on or after term.start (2026-06-01), got "2026-05-31"',
    ]);
  });

  test('end == start is allowed (a one-day term)', () => {
    const s = load(withEnd('2026-06-01'));
    expect(s.term.end).toBe(s.term.start);
  });

  test('not_before after term.end is an error', () => {
    expect(errorLines(withNotBefore('2029-06-01'))).toEqual([
      's.yaml:9:15: termination.not_before: expected a date on or before term.end (2029-05-31), got "2029-06-01": no notice could ever be given',
    ]);
  });

  test('not_before on term.end is allowed', () => {
    expect(iso(load(withNotBefore('2029-05-31')).termination?.notBefore ?? NaN)).toBe('2029-05-31');
  });

  test('not_before before term.start is allowed', () => {
    expect(iso(load(withNotBefore('2026-01-01')).termination?.notBefore ?? NaN)).toBe('2026-01-01');
  });

  test('both cross-key errors at once', () => {
    expect(errorLines(`${withEnd('2026-05-31')}termination:\n  notice_days: 90\n  not_before: 2026-07-01\n`)).toEqual([
      's.yaml:4:8: term.end: expected a date on or after term.start (2026-06-01), got "2026-05-31"',
      's.yaml:9:15: termination.not_before: expected a date on or before term.end (2026-05-31), got "2026-07-01": no notice could ever be given',
    ]);
  });

  test('a cross-key error in a flow mapping points at the value', () => {
    expect(errorLines(BASE.replace('term:\n  start: 2026-06-01\n  end: 2029-05-31\n', 'term: { start: 2026-06-01, end: 2026-01-01 }\n'))).toEqual([
      's.yaml:2:33: term.end: expected a date on or after term.start (2026-06-01), got "2026-01-01"',
    ]);
  });
});

describe('exactness', () => {
  test('monthly_fee: 12345678901234567.89 unquoted loads as exactly that Decimal', () => {
    const fee = load(withFee('12345678901234567.89')).pricing.monthlyFee;
    expect(fee.toString()).toBe('12345678901234567.89');
    expect(fee.equals(new Decimal('12345678901234567.89'))).toBe(true);
    expect(Number('12345678901234567.89').toString()).not.toBe('12345678901234567.89'); // why it matters
  });

  test('quoted and suffixed forms are exact too', () => {
    expect(load(withFee('"$12,345,678,901,234,567.89"')).pricing.monthlyFee.toString()).toBe('12345678901234567.89');
    expect(load(withFee('0.1')).pricing.monthlyFee.plus('0.2').toString()).toBe('0.3');
    expect(load(withFee('1.234567890123456789B')).pricing.monthlyFee.toString()).toBe('1234567890.123456789');
  });

  test('rates are exact', () => {
    expect(load(`${BASE}valuation:\n  discount_rate: 0.1\n`).valuation.discountRate.toString()).toBe('0.1');
    expect(load(`${BASE}valuation:\n  discount_rate: 3.333333333333333333%\n`).valuation.discountRate.toString()).toBe('0.03333333333333333333');
  });
});
