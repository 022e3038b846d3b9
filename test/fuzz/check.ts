/**
 * The fuzz property: `loadScenario` either returns a Scenario (and the model
 * runs on it without throwing) or throws an input error (exit 3) whose every
 * issue names the file with a 1-based line and column and prints as a clean
 * line; nothing else escapes, and no input takes more than TIME_LIMIT_MS.
 */
import { writeFileSync } from 'node:fs';
import { DealModelError } from '../../src/errors.js';
import { formatIsoDate } from '../../src/model/calendar.js';
import type { Decimal } from '../../src/model/money.js';
import { candidateDates, defaultParty } from '../../src/model/notice.js';
import { project } from '../../src/model/projection.js';
import { analyse } from '../../src/model/analysis.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { inputBytes, literal, type FuzzInput } from './arbitraries.js';

export const FILE = 'fuzz.yaml';
/** One input (load and model) may take at most this long. */
export const TIME_LIMIT_MS = 2000;
/** Longer terms are loaded but not modelled (a 9999-year term has 120,000 periods). */
export const MAX_MODEL_YEARS = 200;
/**
 * Amounts and rates with more digits than this (exponent) are loaded but not
 * modelled: exact arithmetic on them takes seconds to minutes or runs out of
 * memory. That is a defect of its own (see regressions.test.ts); the guard
 * keeps the fuzz run from hanging on it.
 */
export const MAX_MODEL_EXPONENT = 10_000;
/** Payment terms past this many days make the discount tables huge (see regressions.test.ts). */
export const MAX_MODEL_PAYMENT_DAYS = 10_000_000;
/**
 * Escalated fees and discount factors past 10^±this are not modelled: rate
 * 1e400 monthly for 100 years takes 25 s; discount_rate 1e100 with payments
 * 8,000 years before the valuation date takes 14 s (regressions.test.ts).
 */
export const MAX_MODEL_POWER_DIGITS = 20_000;

export interface Slowest {
  ms: number;
  source: string;
  prefix: string;
}

export interface Stats {
  inputs: number;
  loaded: number;
  rejected: number;
  bySource: Record<string, { inputs: number; loaded: number }>;
  modelRuns: number;
  terminationRuns: number;
  modelSkipped: Record<string, number>;
  slowest: Slowest;
  slowestModel: Slowest;
  totalMs: number;
  /** FUZZ_COLLECT=1: violations by kind, with the shortest example of each. */
  violations: Record<string, { count: number; example: string; detail: string }>;
}

export const stats: Stats = {
  inputs: 0,
  loaded: 0,
  rejected: 0,
  bySource: {},
  modelRuns: 0,
  terminationRuns: 0,
  modelSkipped: {},
  slowest: { ms: 0, source: '', prefix: '' },
  slowestModel: { ms: 0, source: '', prefix: '' },
  totalMs: 0,
  violations: {},
};

/** A broken property: `kind` names the class of defect, `detail` what happened. */
export class Violation extends Error {
  constructor(readonly kind: string, readonly detail: string, readonly input: FuzzInput) {
    super(`${kind}: ${detail}\n  input (${input.source}): ${literal(input).slice(0, 2000)}`);
    this.name = 'Violation';
  }
}

const FORBIDDEN = ['undefined', 'NaN', '[object Object]'] as const;

function prefixOf(input: FuzzInput, bytes: Uint8Array): string {
  const text = input.text ?? new TextDecoder('utf-8').decode(bytes.subarray(0, 200));
  return JSON.stringify(text.slice(0, 120));
}

/** The kind of a message, without the values in it: to tell classes of violations apart. */
function stem(message: string): string {
  return message.replace(/"[^"]*"|\*\S+|![^\s]*/g, '…').replace(/\d+/g, 'N').slice(0, 50);
}

/** Problems with a thrown error, or [] when it is a proper input error. */
export function errorProblems(error: unknown, text: string | undefined, bytes: Uint8Array): [kind: string, detail: string][] {
  if (!(error instanceof DealModelError)) {
    const what = error instanceof Error ? `${error.constructor.name}: ${error.message}` : `non-error ${String(error)}`;
    return [['uncaught exception', what.slice(0, 500)]];
  }
  const out: [string, string][] = [];
  if (error.kind !== 'input' || error.exitCode !== 3) out.push(['wrong error kind', `kind ${error.kind}, exit ${error.exitCode}: ${error.message}`]);
  if (error.issues.length === 0) out.push(['no issues', `message ${JSON.stringify(error.message)}`]);
  // line bounds: positions count lines of the decoded text (BOM removed); a YAML 1.2 line ends at \n, \r\n or a lone \r
  const lineTexts = text !== undefined ? text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/) : undefined;
  const maxLine = lineTexts ? lineTexts.length : bytes.reduce((n, b, i) => n + (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a) ? 1 : 0), 1);
  for (const issue of error.issues) {
    const { file, line, column } = issue.location;
    const shown = `${JSON.stringify(issue.location)} ${issue.message}`;
    if (file !== FILE) out.push(['wrong file', shown]);
    if (line === undefined || column === undefined || !Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) {
      out.push(['missing or non-positive position', shown]);
    } else if (line > maxLine) {
      out.push([`position past the end of the file (${stem(issue.message)})`, `${shown} (the file has ${maxLine} lines)`]);
    } else if (lineTexts && column > (lineTexts[line - 1] ?? '').length + 1) {
      out.push([`position past the end of the line (${stem(issue.message)})`, `${shown} (line ${line} has ${(lineTexts[line - 1] ?? '').length} characters)`]);
    }
    if (typeof issue.message !== 'string' || issue.message.trim() === '') out.push(['empty message', shown]);
  }
  const lines = error.lines();
  if (lines.length === 0) out.push(['no lines', error.message]);
  for (const line of lines) {
    if (typeof line !== 'string' || line.trim() === '') {
      out.push(['empty line', JSON.stringify(line)]);
      continue;
    }
    // one problem, one line: a raw line break splits it (and can forge another error line), a raw ESC drives the terminal
    // (NEL, U+0085, is printable in YAML 1.2 and the loader accepts it: not counted)
    const control = /[\u0000-\u0008\u000A-\u001F\u007F-\u0084\u0086-\u009F]/.exec(line);
    if (control) out.push(['control character in an error line', `U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(line.slice(0, 300))}`]);
    // "undefined alias *x" is the message for an undefined alias, not a leaked `undefined`
    const cleaned = line.replace(/undefined alias \*/g, 'UNDEFINED-ALIAS *');
    for (const word of FORBIDDEN) {
      if (cleaned.includes(word) && !(text ?? '').includes(word)) out.push([`message contains ${word}`, line.slice(0, 500)]);
    }
  }
  return out;
}

/** Problems with a loaded scenario: values the model cannot use. */
function scenarioProblems(s: Scenario): [string, string][] {
  const out: [string, string][] = [];
  const decimals: [string, Decimal | null | undefined][] = [
    ['pricing.monthly_fee', s.pricing.monthlyFee],
    ['pricing.escalation.rate', s.pricing.escalation?.rate],
    ['termination.fee', s.termination?.fee],
    ['valuation.discount_rate', s.valuation.discountRate],
    ['risk.monthly_notice_probability', s.risk.monthlyNoticeProbability],
    ['capacity.power_mw', s.capacity.powerMw],
    ...s.pricing.ramp.map((step, i): [string, Decimal] => [`pricing.ramp[${i}]`, 'fee' in step ? step.fee : step.discount]),
  ];
  for (const [path, d] of decimals) {
    if (d !== null && d !== undefined && !d.isFinite()) out.push(['loaded a non-finite number', `${path} = ${d.toString()}`]);
  }
  if (!Number.isInteger(s.term.start) || !Number.isInteger(s.term.end) || s.term.end < s.term.start) {
    out.push(['loaded a bad term', `${s.term.start}..${s.term.end}`]);
  }
  return out;
}

/** Digits (base 10) of (1 + rate)^steps, from above; Infinity when it cannot be told. */
function powerDigits(rate: Decimal, steps: number): number {
  if (!rate.isFinite()) return Infinity;
  const perStep = rate.plus(1).log(10).abs().toNumber();
  return Number.isFinite(perStep) ? perStep * steps : Infinity;
}

/** Why the model is not run on this scenario, or undefined. */
export function modelSkipReason(s: Scenario): string | undefined {
  const { start, end } = s.term;
  if ((end - start) / 365.2425 > MAX_MODEL_YEARS) return `term over ${MAX_MODEL_YEARS} years`;
  const decimals = [
    s.pricing.monthlyFee, s.pricing.escalation?.rate, s.termination?.fee, s.valuation.discountRate,
    s.risk.monthlyNoticeProbability, ...s.pricing.ramp.map((step) => ('fee' in step ? step.fee : step.discount)),
  ];
  if (decimals.some((d) => d && d.isFinite() && !d.isZero() && Math.abs(d.e) > MAX_MODEL_EXPONENT)) return `a number beyond 1e±${MAX_MODEL_EXPONENT}`;
  if (s.billing.paymentTermsDays > MAX_MODEL_PAYMENT_DAYS && !s.valuation.discountRate.isZero()) return `payment terms over ${MAX_MODEL_PAYMENT_DAYS} days`;
  const esc = s.pricing.escalation;
  if (esc && !esc.rate.isZero()) {
    const steps = Math.ceil((end - start + 1) / 28 / esc.everyMonths);
    if (powerDigits(esc.rate, steps) > MAX_MODEL_POWER_DIGITS) return `escalated fee beyond 1e${MAX_MODEL_POWER_DIGITS}`;
  }
  const rate = s.valuation.discountRate;
  if (!rate.isZero()) {
    // df = (1 + rate)^(-days/365) for payments from start to end + payment terms, valued at valuation.date
    const v = s.valuation.date;
    const days = Math.max(Math.abs(v - start), Math.abs(end + 1 + s.billing.paymentTermsDays - v));
    if (powerDigits(rate, days / 365) > MAX_MODEL_POWER_DIGITS) return `discount factor beyond 1e±${MAX_MODEL_POWER_DIGITS}`;
  }
  return undefined;
}

function runModel(s: Scenario): void {
  project(s);
  stats.modelRuns += 1;
  const party = defaultParty(s);
  if (party) {
    analyse(s, party, candidateDates(s, 'month'));
    stats.terminationRuns += 1;
  }
}

/** Check one input; throws a Violation when the property does not hold. */
export function checkInput(input: FuzzInput): void {
  const bytes = inputBytes(input);
  const t0 = performance.now();
  let scenario: Scenario | undefined;
  let problems: [string, string][] = [];
  try {
    scenario = loadScenario(bytes, FILE);
  } catch (error) {
    problems = errorProblems(error, input.text, bytes);
  }
  let modelMs = 0;
  if (scenario !== undefined) {
    problems = scenarioProblems(scenario);
    const skip = modelSkipReason(scenario);
    if (skip) {
      stats.modelSkipped[skip] = (stats.modelSkipped[skip] ?? 0) + 1;
    } else {
      // also with a non-finite value: what the model then does is part of the report
      const m0 = performance.now();
      try {
        runModel(scenario);
      } catch (error) {
        const what = error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
        problems.push([`model threw ${error instanceof Error ? error.constructor.name : typeof error}`, `${what.slice(0, 300)} (term ${formatIsoDate(scenario.term.start)}..${formatIsoDate(scenario.term.end)})`]);
      }
      modelMs = performance.now() - m0;
    }
  }
  const ms = performance.now() - t0;

  stats.inputs += 1;
  stats.totalMs += ms;
  const by = (stats.bySource[input.source] ??= { inputs: 0, loaded: 0 });
  by.inputs += 1;
  if (scenario !== undefined) {
    stats.loaded += 1;
    by.loaded += 1;
  } else {
    stats.rejected += 1;
  }
  if (ms > stats.slowest.ms) stats.slowest = { ms, source: input.source, prefix: prefixOf(input, bytes) };
  if (modelMs > stats.slowestModel.ms) stats.slowestModel = { ms: modelMs, source: input.source, prefix: prefixOf(input, bytes) };
  if (ms > TIME_LIMIT_MS) problems.push(['too slow', `${ms.toFixed(0)} ms (load and model), limit ${TIME_LIMIT_MS} ms`]);

  const first = problems[0];
  if (first) throw new Violation(first[0], problems.map(([k, d]) => `${k}: ${d}`).join('\n  '), input);
}

/**
 * FUZZ_COLLECT=1: record a violation and go on, to see every class of
 * defect in one run; the suite still fails at the end. Otherwise rethrow, so
 * that fast-check shrinks the input.
 */
export const COLLECT = process.env.FUZZ_COLLECT === '1';

/**
 * FUZZ_TRACE=<file>: write each input to the file before checking it, so
 * that an input that kills the worker (out of memory) is left behind.
 */
const TRACE = process.env.FUZZ_TRACE;

export function checkOrCollect(input: FuzzInput): void {
  if (TRACE) writeFileSync(TRACE, `${input.source}\n${literal(input)}\n`);
  try {
    checkInput(input);
  } catch (error) {
    if (!COLLECT || !(error instanceof Violation)) throw error;
    const shown = literal(input);
    const seen = stats.violations[error.kind];
    if (!seen) stats.violations[error.kind] = { count: 1, example: shown, detail: error.detail };
    else {
      seen.count += 1;
      if (shown.length < seen.example.length) Object.assign(seen, { example: shown, detail: error.detail });
    }
  }
}

export function report(): string {
  const s = stats;
  const pct = (n: number): string => `${s.inputs ? ((100 * n) / s.inputs).toFixed(1) : '0'}%`;
  const lines = [
    `fuzz: ${s.inputs} inputs in ${(s.totalMs / 1000).toFixed(1)} s of load+model time: ${s.loaded} loaded (${pct(s.loaded)}), ${s.rejected} rejected (${pct(s.rejected)})`,
    `  by source: ${Object.entries(s.bySource).map(([k, v]) => `${k} ${v.inputs} (${v.loaded} loaded)`).join(', ')}`,
    `  model: ${s.modelRuns} projections, ${s.terminationRuns} termination analyses; skipped: ${JSON.stringify(s.modelSkipped)}`,
    `  slowest input: ${s.slowest.ms.toFixed(1)} ms (${s.slowest.source}) ${s.slowest.prefix}`,
    `  slowest model run: ${s.slowestModel.ms.toFixed(1)} ms (${s.slowestModel.source}) ${s.slowestModel.prefix}`,
  ];
  for (const [kind, v] of Object.entries(s.violations)) lines.push(`  VIOLATION ${kind} x${v.count}: ${v.detail.slice(0, 300)}\n    e.g. ${v.example.slice(0, 600)}`);
  return lines.join('\n');
}

/** Line, column and key path of every issue, or 'loaded'. */
function positions(text: string): string {
  try {
    loadScenario(new TextEncoder().encode(text), FILE);
    return 'loaded';
  } catch (error) {
    if (!(error instanceof DealModelError)) return `threw ${String(error)}`;
    // where the parser runs out of stack depends on the text's length, not only on its structure
    if (error.issues.some((i) => i.message.includes('nested too deeply'))) return 'too deep';
    return JSON.stringify(error.issues.map((i) => [i.location.line, i.location.column, i.location.path ?? '']));
  }
}

/**
 * Metamorphic check: CRLF line ends mean what LF line ends mean, so the same
 * text with either loads alike or fails with the same positions and paths.
 * (A lone CR is not compared: the yaml package does not read it as a line
 * break. Nor is "nested too deeply", reported where the stack runs out.)
 */
export function checkLineEnds(input: FuzzInput): void {
  if (input.text === undefined) return;
  const lf = input.text.replace(/\r/g, '');
  const a = positions(lf);
  const b = positions(lf.replace(/\n/g, '\r\n'));
  if (a !== b) {
    throw new Violation('CRLF and LF give different results', `LF: ${a.slice(0, 300)}\n  CRLF: ${b.slice(0, 300)}`, { source: input.source, text: lf });
  }
}
