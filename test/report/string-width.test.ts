/**
 * The bundle's stand-in for string-width (src/report/string-width.cjs) must
 * measure every string as string-width@4 does, or tables would misalign.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const standIn = require('../../src/report/string-width.cjs') as (s: unknown) => number;
const stringWidth = require('string-width') as (s: unknown) => number;

describe('string-width stand-in', () => {
  it('agrees with string-width on ASCII, ANSI colours, CJK, emoji, combining marks, controls', () => {
    const cases = ['', 'abc', '1,250,000,000.00', ' ~', '\x1b[1mbold\x1b[22m', '東京 データセンター', 'Zürich', 'e\u0301', '👍🏽 deal', 'tab\there', 'a\nb', '\x7f', '\u00a0'];
    for (const s of cases) expect(standIn(s), JSON.stringify(s)).toBe(stringWidth(s));
    expect(standIn('東京')).toBe(4);
    expect(standIn('1,250,000,000.00')).toBe(16);
  });

  it('agrees with string-width on any string and on non-strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => standIn(s) === stringWidth(s)), { numRuns: 2000 });
    for (const v of [undefined, null, 42]) expect(standIn(v)).toBe(stringWidth(v));
  });
});
