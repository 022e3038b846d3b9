/**
 * Items read in order: an array will do, or a sequence that makes each item
 * as it is read, so that a long run (a daily sweep's 10,950 outcomes) is
 * printed without ever being held whole.
 */
export interface Sequence<T> {
  readonly length: number;
  forEach(each: (item: T, index: number) => void): void;
}

/** `items` mapped as they are read. */
export function mapped<A, B>(items: Sequence<A>, f: (item: A) => B): Sequence<B> {
  return { length: items.length, forEach: (each) => items.forEach((item, i) => each(f(item), i)) };
}

/** The items of a sequence as an array (made once, when the whole is needed). */
export function toArray<T>(items: Sequence<T>): T[] {
  const out: T[] = [];
  items.forEach((item) => out.push(item));
  return out;
}
