/**
 * The `expect:` block of a scenario (SPEC §5): dotted paths into the
 * canonical result mapped to values as written in the YAML. A number
 * matches a number or a money string of the same value (`43750000000.00`
 * and `43750000000` both match "43750000000.00"); text, booleans and null
 * match exactly.
 */
import { Decimal } from '../model/money.js';
import type { Expectation } from './expectation.js';
import { closest } from '../scenario/suggest.js';
import { show } from './diff.js';

export interface Failure {
  readonly expectation: Expectation;
  readonly message: string;
}

/** `project.periods[0].fee` and `project.periods.0.fee` are the same path. */
export function segments(path: string): string[] {
  return path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((s) => s !== '');
}

type Lookup = { found: true; value: unknown } | { found: false; at: string; suggestion?: string };

export function lookup(result: unknown, path: string): Lookup {
  let value: unknown = result;
  const done: string[] = [];
  for (const segment of segments(path)) {
    const container = value;
    if (Array.isArray(container) && /^\d+$/.test(segment) && Number(segment) < container.length) {
      value = container[Number(segment)];
    } else if (typeof container === 'object' && container !== null && !Array.isArray(container) && Object.hasOwn(container, segment)) {
      value = (container as Record<string, unknown>)[segment];
    } else {
      const keys = typeof container === 'object' && container !== null && !Array.isArray(container) ? Object.keys(container) : [];
      const guess = closest(segment, keys);
      const at = done.length > 0 ? done.join('.') : '(the result)';
      return guess ? { found: false, at, suggestion: [...done, guess].join('.') } : { found: false, at };
    }
    done.push(segment);
  }
  return { found: true, value };
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function matches(expectation: Expectation, actual: unknown): boolean {
  switch (expectation.kind) {
    case 'null':
      return actual === null;
    case 'boolean':
      return actual === (expectation.source === 'true');
    case 'number':
      return (typeof actual === 'number' || (typeof actual === 'string' && NUMERIC.test(actual))) &&
        NUMERIC.test(expectation.source) && new Decimal(expectation.source).eq(new Decimal(String(actual)));
    case 'string':
      return typeof actual === 'string' ? actual === expectation.source : String(actual) === expectation.source;
  }
}

export function checkExpectations(result: unknown, expectations: readonly Expectation[]): Failure[] {
  const failures: Failure[] = [];
  for (const expectation of expectations) {
    const found = lookup(result, expectation.path);
    if (!found.found) {
      const hint = found.suggestion ? `; did you mean ${found.suggestion}?` : '';
      failures.push({ expectation, message: `no such value in the result (nothing under ${found.at})${hint}` });
    } else if (!matches(expectation, found.value)) {
      failures.push({ expectation, message: `expected ${expectation.source}, got ${show(found.value)}` });
    }
  }
  return failures;
}
