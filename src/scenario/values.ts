/**
 * Value literals of the scenario format (SPEC §1, §6): amounts, rates,
 * integers. Each parser takes the scalar's exact source text and whether it
 * was a YAML number, and never goes through binary floating point:
 * `12345678901234567.89` keeps every digit.
 *
 * decimal.js itself accepts `1_000`, `0x10`, `NaN` and `Infinity`, so every
 * literal is matched against our own pattern before it reaches Decimal.
 */
import { Decimal } from '../model/money.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false };

const SUFFIX: Record<string, string> = { k: '1e3', m: '1e6', b: '1e9' };

// optional sign, optional $, digits with `,` or `_` between groups of three, decimals, K/M/B
const AMOUNT = /^([+-])?\$?(\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+|\d+)(\.\d+)?([kmbKMB])?$/;
// a YAML 1.2 core-schema float or int as written in decimal notation
const YAML_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const YAML_HEX = /^0x[0-9a-fA-F]+$/;
const YAML_OCT = /^0o[0-7]+$/;

/** A YAML number scalar's exact value from its source text (hex and octal included). */
export function parseYamlNumber(source: string): Parsed<Decimal> {
  if (YAML_DECIMAL.test(source)) return { ok: true, value: new Decimal(source) };
  if (YAML_HEX.test(source)) return { ok: true, value: new Decimal(BigInt(source).toString()) };
  if (YAML_OCT.test(source)) return { ok: true, value: new Decimal(BigInt(source).toString()) };
  return { ok: false }; // .inf, .nan
}

/** An amount: a YAML number or a string such as `1.25B`, `"$1,250,000,000"`. */
export function parseAmount(source: string, isNumber: boolean): Parsed<Decimal> {
  if (isNumber) return parseYamlNumber(source);
  const m = AMOUNT.exec(source.trim());
  if (!m) return { ok: false };
  const [, sign = '', digits = '', decimals = '', suffix] = m;
  let value = new Decimal(sign + digits.replace(/[,_]/g, '') + decimals);
  if (suffix) value = value.times(new Decimal(SUFFIX[suffix.toLowerCase()] as string));
  return { ok: true, value };
}

const RATE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%)?$/;

/** A rate as a fraction: `0.5`, `"0.5"` and `"50%"` are all one half. */
export function parseRate(source: string, isNumber: boolean): Parsed<Decimal> {
  if (isNumber) return parseYamlNumber(source);
  const m = RATE.exec(source.trim());
  if (!m) return { ok: false };
  const value = new Decimal(m[1] as string);
  return { ok: true, value: m[2] ? value.div(100) : value };
}

const INTEGER = /^[+-]?\d+$/;

/** An integer written as a plain decimal YAML integer: `90`, not `90.0`, `9e1`, `0x5A` or `"90"`. */
export function parseInteger(source: string, isNumber: boolean): Parsed<number> {
  if (!isNumber || !INTEGER.test(source)) return { ok: false };
  const value = Number(source);
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false };
}
