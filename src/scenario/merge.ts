/**
 * Merging positioned trees (SPEC §8): a child over its base, and `--set`
 * values over the merged scenario. No plain object is ever spread or
 * assigned, so a `__proto__` key stays a key like any other; every node
 * keeps the position of the file (or option) that wrote it.
 */
import { isNull, nothing, type Entry, type MapNode, type Source, type Tree } from './tree.js';

/**
 * The child over its base: two mappings merge key by key, recursively; any
 * other value (scalar, list) replaces the base's whole; a key whose value is
 * null removes the key. Keys keep the base's order, new keys follow in the
 * child's order. A child's duplicate keys are kept for the validator to
 * report.
 */
export function merge(base: Tree, child: Tree): Tree {
  if (base.kind !== 'map' || child.kind !== 'map') return withoutNulls(child);
  const firstInChild = new Map<string, Entry>();
  for (const e of child.entries) if (e.key !== null && !firstInChild.has(e.key)) firstInChild.set(e.key, e);
  const entries: Entry[] = [];
  const seenInBase = new Set<string>();
  for (const b of base.entries) {
    if (b.key === null || seenInBase.has(b.key)) {
      entries.push(b);
      continue;
    }
    seenInBase.add(b.key);
    const c = firstInChild.get(b.key);
    if (!c) entries.push(b);
    else if (!isNull(c.value)) entries.push({ ...c, value: merge(b.value, c.value) });
  }
  for (const c of child.entries) {
    const first = c.key !== null && firstInChild.get(c.key) === c;
    if (!first) entries.push(c); // a key that is not plain, or a duplicate: kept for the validator to report
    else if (seenInBase.has(c.key as string) || isNull(c.value)) continue; // merged in the base's place, or removes nothing
    else entries.push({ ...c, value: withoutNulls(c.value) });
  }
  return { kind: 'map', src: child.src, entries };
}

/** A child's mapping where the base has none: its null values still mean "absent". */
function withoutNulls(tree: Tree): Tree {
  if (tree.kind !== 'map') return tree;
  return {
    kind: 'map',
    src: tree.src,
    entries: tree.entries.filter((e) => !isNull(e.value)).map((e) => ({ ...e, value: withoutNulls(e.value) })),
  };
}

/** The tree without `key` at the top (`extends` is not part of the result; a base's `expect` is not inherited). */
export function withoutKey(tree: Tree, key: string): Tree {
  if (tree.kind !== 'map' || !tree.entries.some((e) => e.key === key)) return tree;
  return { kind: 'map', src: tree.src, entries: tree.entries.filter((e) => e.key !== key) };
}

/** One step of a `--set` path: a key, or a 0-based index into a list. */
export type Step = { readonly key: string } | { readonly index: number };

/** Why a value could not be set: a key below a scalar, an index past the end of a list. */
export interface SetProblem {
  readonly path: string;
  readonly message: string;
}

const showPath = (steps: readonly Step[]): string =>
  steps.reduce((text, s) => ('key' in s ? (text ? `${text}.${s.key}` : s.key) : `${text}[${s.index}]`), '');

/**
 * `value` set at `steps` in `tree` (SPEC §8): missing mappings on the way
 * are created (with the option's position), a value replaces what was there
 * whole, and a null value removes the key (or the list item).
 */
export function setAt(tree: Tree, steps: readonly Step[], value: Tree, src: Source, done: readonly Step[] = []): Tree | SetProblem {
  const [step, ...rest] = steps;
  if (!step) return value;
  const here = showPath(done);
  if ('index' in step) {
    if (tree.kind !== 'seq' || step.index >= tree.items.length) {
      const length = tree.kind === 'seq' ? tree.items.length : 0;
      const what = tree.kind === 'seq' ? `the list ${here} has ${length} item${length === 1 ? '' : 's'}` : `${here || 'the scenario'} is ${isNull(tree) ? 'not set' : 'not a list'}`;
      return { path: showPath([...done, step]), message: `index ${step.index} is past the end of the list: ${what}` };
    }
    const next = setAt(tree.items[step.index] as Tree, rest, value, src, [...done, step]);
    if ('message' in next) return next;
    const items = [...tree.items];
    if (rest.length === 0 && isNull(next)) items.splice(step.index, 1);
    else items[step.index] = next;
    return { kind: 'seq', src: tree.src, items };
  }
  if (tree.kind !== 'map' && !isNull(tree)) {
    const what = tree.kind === 'seq' ? 'a list' : `the value ${JSON.stringify(tree.source)}`;
    return { path: showPath([...done, step]), message: `cannot set a key below ${here || 'the scenario'}: it is ${what}, not a mapping` };
  }
  const map: MapNode = tree.kind === 'map' ? tree : { kind: 'map', src, entries: [] };
  const at = map.entries.findIndex((e) => e.key === step.key);
  const current = at >= 0 ? (map.entries[at] as Entry).value : nothing(src); // a mapping is made of it if a key follows
  const next = setAt(current, rest, value, src, [...done, step]);
  if ('message' in next) return next;
  const entries = [...map.entries];
  if (rest.length === 0 && isNull(next)) {
    if (at >= 0) entries.splice(at, 1);
  } else if (at >= 0) {
    entries[at] = { ...(entries[at] as Entry), value: next };
  } else {
    entries.push({ key: step.key, keyText: JSON.stringify(step.key), stringKey: true, keySrc: src, value: next });
  }
  return { kind: 'map', src: map.src, entries };
}
