import type { Position } from '../scenario/position.js';

/** One `expect:` entry: a dotted path into the canonical result and the value as written. */
export interface Expectation {
  readonly path: string;
  readonly source: string;
  readonly kind: 'number' | 'string' | 'boolean' | 'null';
  readonly position: Position;
}
