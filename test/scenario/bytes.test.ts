/** Bytes → text: UTF-8, BOM, line endings, size cap (SPEC §1, §6; PITFALLS "read files with fatal: true"). */
import { describe, expect, test } from 'vitest';
import { firstInvalidByte, MAX_BYTES } from '../../src/scenario/text.js';
import { BASE, bytes, encode, errorLines, iso, load } from './helpers.js';

const UTF8 = 'scenarios must be UTF-8 text';

describe('invalid UTF-8', () => {
  test('a stray 0xff is reported at its line and column', () => {
    expect(errorLines(bytes('name: X', [0xff], '\n'))).toEqual([`s.yaml:1:8: invalid UTF-8 at byte 7 (0xff): ${UTF8}`]);
  });

  test('on a later line', () => {
    // BASE.slice(0, 30) ends in the middle of line 3 ("  start: 2026-0")
    expect(errorLines(bytes(BASE.slice(0, 30), [0xff], BASE.slice(30)))).toEqual([
      `s.yaml:3:17: invalid UTF-8 at byte 30 (0xff): ${UTF8}`,
    ]);
  });

  test('the column counts characters, not bytes', () => {
    expect(errorLines(bytes('name: Café ', [0xff], '\n'))).toEqual([`s.yaml:1:12: invalid UTF-8 at byte 12 (0xff): ${UTF8}`]);
  });

  test.each([
    ['an overlong encoding of "/"', [0xc0, 0xaf], '0xc0'],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], '0xe0'],
    ['a lone surrogate (U+D800)', [0xed, 0xa0, 0x80], '0xed'],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '0xf4'],
    ['a continuation byte alone', [0x80], '0x80'],
    ['a truncated sequence', [0xe2, 0x82], '0xe2'],
  ])('%s is rejected', (_label, bad, hex) => {
    expect(errorLines(bytes('name: X', bad, '\n'))).toEqual([`s.yaml:1:8: invalid UTF-8 at byte 7 (${hex}): ${UTF8}`]);
  });

  test('a truncated sequence at the very end of the file', () => {
    expect(errorLines(bytes('name: X', [0xe2, 0x82]))).toEqual([`s.yaml:1:8: invalid UTF-8 at byte 7 (0xe2): ${UTF8}`]);
  });

  test('valid multi-byte characters are fine', () => {
    expect(load(BASE.replace('name: X', 'name: Café 😀 東京')).name).toBe('Café 😀 東京');
  });
});

describe('firstInvalidByte', () => {
  test.each([
    [[], 0],
    [[0x61, 0x62], 2],
    [[0xc3, 0xa9], 2], // é
    [[0xf0, 0x9f, 0x98, 0x80], 4], // 😀
    [[0xef, 0xbf, 0xbf], 3], // U+FFFF
    [[0xf4, 0x8f, 0xbf, 0xbf], 4], // U+10FFFF
    [[0x61, 0xc0, 0xaf], 1],
    [[0x61, 0xc1, 0xbf], 1],
    [[0xe0, 0x9f, 0xbf], 0], // overlong
    [[0xf0, 0x8f, 0xbf, 0xbf], 0], // overlong
    [[0xed, 0xbf, 0xbf], 0], // surrogate U+DFFF
    [[0xed, 0x9f, 0xbf], 3], // U+D7FF is fine
    [[0xf5, 0x80, 0x80, 0x80], 0],
    [[0x61, 0xc3, 0x28], 1], // bad continuation
    [[0x61, 0xe2, 0x82], 1], // truncated
  ])('%j → %d', (input, expected) => {
    expect(firstInvalidByte(Uint8Array.from(input))).toBe(expected);
  });

  test('agrees with a fatal TextDecoder on every two-byte sequence', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const disagreements: string[] = [];
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b++) {
        const input = Uint8Array.from([a, b]);
        let valid = true;
        try {
          decoder.decode(input);
        } catch {
          valid = false;
        }
        if ((firstInvalidByte(input) === 2) !== valid) disagreements.push(`${a.toString(16)} ${b.toString(16)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('byte order mark', () => {
  test('a UTF-8 BOM at the start is accepted', () => {
    const s = load(bytes([0xef, 0xbb, 0xbf], BASE));
    expect(s.name).toBe('X');
    expect(s.pricing.monthlyFee.toString()).toBe('1250000000');
  });

  test('positions after a BOM are unchanged', () => {
    expect(errorLines(bytes([0xef, 0xbb, 0xbf], BASE.replace('1.25B', '-5')))).toEqual([
      's.yaml:6:16: pricing.monthly_fee: expected an amount > 0, got "-5"',
    ]);
    expect(errorLines(bytes([0xef, 0xbb, 0xbf], 'name: X', [0xff]))).toEqual([`s.yaml:1:8: invalid UTF-8 at byte 10 (0xff): ${UTF8}`]);
  });
});

describe('line endings', () => {
  const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

  test('CRLF files load', () => {
    const s = load(crlf(`${BASE}billing:\n  timing: arrears\n`));
    expect(s.name).toBe('X');
    expect(iso(s.term.end)).toBe('2029-05-31');
    expect(s.billing.timing).toBe('arrears');
  });

  test('positions in a CRLF file are the same as with LF', () => {
    const text = `${BASE.replace('1.25B', '-5')}billing:\n  periods: calender\n`;
    const expected = [
      's.yaml:6:16: pricing.monthly_fee: expected an amount > 0, got "-5"',
      's.yaml:8:12: billing.periods: expected one of calendar, anniversary, got "calender"; did you mean "calendar"?',
    ];
    expect(errorLines(text)).toEqual(expected);
    expect(errorLines(crlf(text))).toEqual(expected);
  });

  test('no carriage return leaks into a value', () => {
    expect(load(crlf(BASE.replace('name: X', 'name: Colossus 1'))).name).toBe('Colossus 1');
  });

  test('invalid UTF-8 in a CRLF file', () => {
    expect(errorLines(bytes('name: X\r\ncurrency: U', [0xff], 'D\r\n'))).toEqual([`s.yaml:2:12: invalid UTF-8 at byte 20 (0xff): ${UTF8}`]);
  });
});

describe('size cap', () => {
  test('MAX_BYTES is 1 MiB', () => {
    expect(MAX_BYTES).toBe(1048576);
  });

  test('a file over 1 MiB is rejected before parsing', () => {
    expect(errorLines(new Uint8Array(1048577).fill(0x20))).toEqual([
      's.yaml:1:1: file too large: 1048577 bytes, a scenario may have at most 1048576 (1 MiB)',
    ]);
  });

  test('the size is checked before the encoding', () => {
    const big = new Uint8Array(1048577).fill(0xff);
    expect(errorLines(big)).toEqual(['s.yaml:1:1: file too large: 1048577 bytes, a scenario may have at most 1048576 (1 MiB)']);
  });

  test('exactly 1 MiB is accepted', () => {
    const head = encode(BASE);
    const text = bytes(BASE, '#'.repeat(MAX_BYTES - head.length));
    expect(text.length).toBe(MAX_BYTES);
    expect(load(text).name).toBe('X');
  });
});
