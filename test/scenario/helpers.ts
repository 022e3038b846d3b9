/** Shared helpers for the scenario-loading tests. */
import { expect } from 'vitest';
import { DealModelError } from '../../src/errors.js';
import { formatIsoDate } from '../../src/model/calendar.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';

export const FILE = 's.yaml';

/** A minimal valid scenario; line 6 is `  monthly_fee: 1.25B` (value at column 16). */
export const BASE = `name: X
term:
  start: 2026-06-01
  end: 2029-05-31
pricing:
  monthly_fee: 1.25B
`;

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Concatenate text (UTF-8) and raw bytes. */
export function bytes(...parts: (string | readonly number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) for (const b of typeof part === 'string' ? encode(part) : part) out.push(b);
  return Uint8Array.from(out);
}

export const load = (text: string | Uint8Array): Scenario =>
  loadScenario(typeof text === 'string' ? encode(text) : text, FILE);

/** The error a scenario is rejected with; checks it is an input error (exit code 3). */
export function errorOf(text: string | Uint8Array): DealModelError {
  let caught: unknown;
  try {
    load(text);
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) throw new Error('expected the scenario to be rejected, but it loaded');
  if (!(caught instanceof DealModelError)) throw caught;
  expect(caught.kind).toBe('input');
  expect(caught.exitCode).toBe(3);
  expect(caught.issues.length).toBeGreaterThan(0);
  expect(caught.message).toBe(caught.lines().join('\n'));
  return caught;
}

export const errorLines = (text: string | Uint8Array): string[] => errorOf(text).lines();

/** BASE with `monthly_fee`'s value replaced. */
export const withFee = (value: string): string => BASE.replace('1.25B', value);

/** BASE plus a one-step ramp written as a flow mapping on line 8 (value columns: months 17, second key's value from 25). */
export const withRamp = (step: string): string => `${BASE}  ramp:\n    - ${step}\n`;

export const iso = formatIsoDate;
