import { printable } from '../errors.js';

/**
 * Value-by-value differences between two JSON documents (a snapshot and a
 * fresh canonical result). Paths use dots and 0-based brackets
 * (`project.periods[3].fee`), as every message does (SPEC §6).
 */

/** A value present on one side only. */
export const ABSENT: unique symbol = Symbol('absent');
export type Side = unknown | typeof ABSENT;

export interface Change {
  readonly path: string;
  readonly old: Side;
  readonly new: Side;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function diff(old: unknown, next: unknown, path = ''): Change[] {
  if (Array.isArray(old) && Array.isArray(next)) {
    const changes: Change[] = [];
    for (let i = 0; i < Math.max(old.length, next.length); i++) {
      const at = `${path}[${i}]`;
      if (i >= old.length) changes.push({ path: at, old: ABSENT, new: next[i] });
      else if (i >= next.length) changes.push({ path: at, old: old[i], new: ABSENT });
      else changes.push(...diff(old[i], next[i], at));
    }
    return changes;
  }
  if (isObject(old) && isObject(next)) {
    const changes: Change[] = [];
    const keys = [...Object.keys(old), ...Object.keys(next).filter((k) => !Object.hasOwn(old, k))];
    for (const key of keys) {
      const at = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(next, key)) changes.push({ path: at, old: old[key], new: ABSENT });
      else if (!Object.hasOwn(old, key)) changes.push({ path: at, old: ABSENT, new: next[key] });
      else changes.push(...diff(old[key], next[key], at));
    }
    return changes;
  }
  return Object.is(old, next) ? [] : [{ path, old, new: next }];
}

/** A value as a person reads it: money and dates as written, no JSON quotes; `(none)` when absent. */
export function show(value: Side): string {
  if (value === ABSENT) return '(none)';
  if (typeof value === 'string') return printable(value);
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value);
}

export function formatChange(change: Change): string {
  return `${change.path}: ${show(change.old)} → ${show(change.new)}`;
}
