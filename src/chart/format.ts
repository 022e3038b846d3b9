/**
 * Text of amounts, shares and subtitles, locale-free: Number#toFixed here,
 * and Vega's own `format` (d3-format's en-US locale) in the axis labels.
 */
import { SUBTITLE_CHARS } from './style.js';

/** A money string ("625000000.00") as a number, for plotting only. */
export function plotNumber(money: string): number {
  const n = Number(money);
  if (money.trim() === '' || !Number.isFinite(n)) throw new Error(`chart: not an amount: ${JSON.stringify(money)}`);
  return n;
}

const UNITS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** A short, locale-free amount: 1.25B, 625M, 2.42B, 12.5K, 0. */
export function shortAmount(value: number): string {
  const abs = Math.abs(value);
  for (const [size, suffix] of UNITS) {
    if (abs >= size) return `${trimZeros((value / size).toFixed(2))}${suffix}`;
  }
  return trimZeros(value.toFixed(2));
}

function trimZeros(text: string): string {
  const t = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return t === '-0' ? '0' : t;
}

/** A share ("0.0553") as a percentage ("5.53%"). */
export function percentText(share: string): string {
  return `${trimZeros((Number(share) * 100).toFixed(2))}%`;
}

/** Vega expression for axis labels in the same short style. */
export const SHORT_LABEL =
  "abs(datum.value) >= 1e12 ? format(datum.value / 1e12, '.3~f') + 'T'" +
  " : abs(datum.value) >= 1e9 ? format(datum.value / 1e9, '.3~f') + 'B'" +
  " : abs(datum.value) >= 1e6 ? format(datum.value / 1e6, '.3~f') + 'M'" +
  " : abs(datum.value) >= 1e3 ? format(datum.value / 1e3, '.3~f') + 'K'" +
  " : format(datum.value, '.2~f')";

/** Words wrapped into lines of at most `width` characters (a longer word gets its own line). */
export function wrap(text: string, width = SUBTITLE_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
