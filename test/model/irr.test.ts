/**
 * IRR (SPEC §9): the largest root of the XIRR equation in (−0.9999, 10^6],
 * by bracketing from the top; null when there is none. Checked against the
 * spreadsheet documentation's example, rates built into the flows, a
 * polynomial with known roots, and an independent dense-grid scan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromYmd } from '../../src/model/calendar.js';
import { formatIrr, irr, type DatedAmount } from '../../src/model/irr.js';

const day = (y: number, m: number, d: number): number => fromYmd(y, m, d);
const flows = (list: readonly (readonly [number, number])[]): DatedAmount[] => list.map(([amount, date]) => ({ date, amount: BigInt(Math.round(amount * 100)) }));
/** Σ a (1 + r)^(−t/365) in currency units. */
const xnpv = (f: readonly DatedAmount[], r: number): number => {
  const d0 = Math.min(...f.map((x) => x.date));
  return f.reduce((s, x) => s + (Number(x.amount) / 100) * (1 + r) ** (-(x.date - d0) / 365), 0);
};

describe('irr', () => {
  it('the XIRR documentation example: 0.373362535', () => {
    const f = flows([[-10000, day(2008, 1, 1)], [2750, day(2008, 3, 1)], [4250, day(2008, 10, 30)], [3250, day(2009, 2, 15)], [2750, day(2009, 4, 1)]]);
    expect(irr(f)).toBeCloseTo(0.373362535, 8); // the documentation prints 9 digits
    expect(formatIrr(irr(f) as number)).toBe('0.373363');
  });

  it('capital out, fees in, a last cost out: the economic root, not the spurious one near −1', () => {
    const start = day(2026, 1, 1);
    const f = flows([[-6e9, start], ...Array.from({ length: 36 }, (_, i) => [1.2e9, start + (i + 1) * 30] as const), [-3e9, start + 37 * 30]]);
    const r = irr(f) as number;
    expect(r).toBeGreaterThan(1);
    expect(Math.abs(xnpv(f, r)) / 6e9).toBeLessThan(1e-9);
    // the spurious root: a sign change between −0.9999 and 0 (the last outflow dominates as r → −1)
    const grid = Array.from({ length: 2001 }, (_, i) => Math.expm1(Math.log(1e-4) * (1 - i / 2000)));
    const roots = grid.slice(1).filter((x, i) => Math.sign(xnpv(f, x)) !== Math.sign(xnpv(f, grid[i]!)));
    expect(roots.length).toBe(1);
    expect(roots[0]!).toBeLessThan(0);
  });

  it('several roots: the largest (flows from (x − 1/1.1)(x − 1/1.5)(x − 1/3), x = 1/(1 + r), on yearly dates)', () => {
    // roots r = 0.1, 0.5 and 2: coefficients of the expanded cubic in x, on days 0, 365, 730, 1095
    const [a, b, c] = [1 / 1.1, 1 / 1.5, 1 / 3];
    const coef = [-a * b * c, a * b + a * c + b * c, -(a + b + c), 1]; // x^0 .. x^3
    const f = coef.map((k, i) => ({ date: i * 365, amount: BigInt(Math.round(k * 1e12)) }));
    expect(irr(f)).toBeCloseTo(2, 6);
    // without the root at 2 (flows from two roots), the largest is 0.5
    const g = [a * b, -(a + b), 1].map((k, i) => ({ date: i * 365, amount: BigInt(Math.round(k * 1e12)) }));
    expect(irr(g)).toBeCloseTo(0.5, 6);
  });

  it('null when there is no root: one sign, one date, nothing, all zero', () => {
    expect(irr([])).toBeNull();
    expect(irr(flows([[100, 0], [200, 40]]))).toBeNull();
    expect(irr(flows([[-100, 0], [-200, 40]]))).toBeNull();
    expect(irr(flows([[-100, 0], [200, 0]]))).toBeNull();
    expect(irr(flows([[0, 0], [0, 40]]))).toBeNull();
    // a root below −99.99%: −100 now, 0.001 in a year (r = −0.99999)
    expect(irr(flows([[-100, 0], [0.001, 365]]))).toBeNull();
  });

  it('flows built from a known rate give it back', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.9, max: 5, noNaN: true }),
        fc.array(fc.record({ offset: fc.integer({ min: 1, max: 365 * 30 }), amount: fc.integer({ min: 1, max: 1e9 }) }), { minLength: 1, maxLength: 40 }),
        (rate, inflows) => {
          // the outflow on day 0 that makes the XNPV at `rate` zero, to the cent
          const pv = inflows.reduce((s, x) => s + x.amount * (1 + rate) ** (-x.offset / 365), 0);
          if (pv < 1) return; // the cent would move the root too far to check it to 1e-9
          const f = [{ date: 0, amount: -BigInt(Math.round(pv * 100)) }, ...inflows.map((x) => ({ date: x.offset, amount: BigInt(x.amount * 100) }))];
          const r = irr(f) as number;
          expect(r).not.toBeNull();
          // all inflows after one outflow: one sign change, one root (Descartes); its error is the cent's
          const slope = inflows.reduce((s, x) => s + (x.offset / 365) * x.amount * (1 + rate) ** (-x.offset / 365 - 1), 0);
          expect(Math.abs(r - rate)).toBeLessThanOrEqual(Math.max(1e-9, 0.01 / slope + 1e-12 * Math.abs(rate)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random flows never throw; a returned rate is a sign change or a zero, and no grid point above it changes sign', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 0, max: 3650 }), amount: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }) }), { maxLength: 60 }), (list) => {
        const f = list.map((x) => ({ date: x.day, amount: x.amount }));
        const r = irr(f);
        if (r === null) return;
        expect(r).toBeGreaterThan(-0.9999);
        expect(r).toBeLessThanOrEqual(1e6);
        const scale = f.reduce((s, x) => s + Math.abs(Number(x.amount)), 0) / 100;
        const near = [xnpv(f, r * (1 - 1e-7) - 1e-9), xnpv(f, r * (1 + 1e-7) + 1e-9)];
        expect(Math.sign(near[0]!) !== Math.sign(near[1]!) || Math.abs(xnpv(f, r)) <= 1e-6 * scale).toBe(true);
        // an independent scan above the root: 2,000 points on ln(1 + r), no sign change
        const points = Array.from({ length: 2000 }, (_, i) => Math.expm1(Math.log1p(r) + 1e-6 + (i / 1999) * (Math.log(1e6 + 1) - Math.log1p(r) - 1e-6)));
        const signs = points.map((x) => Math.sign(xnpv(f, x))).filter((s) => s !== 0);
        expect(signs.every((s) => s === signs[0])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('100 years of daily flows with huge amounts: an answer, never a hang or an overflow', () => {
    const f = Array.from({ length: 2500 }, (_, i) => ({ date: i * 14, amount: (i === 0 ? -1n : 1n) * 10n ** 29n }));
    const r = irr(f);
    expect(r === null || (r > -0.9999 && r <= 1e6)).toBe(true);
  });
});

describe('formatIrr', () => {
  it.each([
    [0.373362533518, '0.373363'],
    [0.0000004, '0.000000'],
    [-0.0000004, '0.000000'],
    [1.3318089999, '1.331809'],
    [1e6, '1000000.000000'],
    [-0.5, '-0.500000'],
    [0.1234565, '0.123457'],
    [-0.1234565, '-0.123457'],
  ])('%s → %s', (rate, text) => {
    expect(formatIrr(rate)).toBe(text);
  });
});
