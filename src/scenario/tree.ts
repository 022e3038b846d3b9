/**
 * The positioned tree: a scenario's values as plain nodes, each knowing
 * where it came from (a file with its line and column, or the n-th `--set`).
 * A file's YAML document is converted once; `extends` and `--set` then merge
 * trees, and the validator walks the merged tree, so every problem is
 * reported where the offending value was written, in whichever file.
 *
 * Aliases are resolved here by sharing: an alias becomes a shallow copy of
 * its anchor's node that carries the alias's own position (so the value is
 * reported where it is used, its parts where they are written), and no
 * alias is ever expanded into a copy of a copy.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Lines } from './lines.js';
import type { Position } from './position.js';

/** Where a value came from: a file (with its line and column), or a `--set` (file is `--set PATH=VALUE`, no line). */
export type Source = Position;

export type Tree = ScalarNode | MapNode | SeqNode;

export interface ScalarNode {
  readonly kind: 'scalar';
  readonly src: Source;
  /** The value as YAML's core schema reads it. */
  readonly value: string | number | boolean | null;
  /** The text as written (numbers are read from it, never from a double). */
  readonly source: string;
  /** Written without quotes (a plain scalar): `resolve` writes it back the same way when it can. */
  readonly plain: boolean;
}

export interface Entry {
  /** The key, or null for a key that is not a plain scalar (`? [a, b]`), described in `keyText`. */
  readonly key: string | null;
  readonly keyText: string;
  /** The key was a YAML string (not a number or a boolean written as a key). */
  readonly stringKey: boolean;
  /** The key as YAML read it: a number key `1` and a string key `"1"` are the same key, but not the same text. */
  readonly keySrc: Source;
  /** Null: the key has no value (`risk:`), which is YAML's null written as nothing. */
  readonly value: Tree;
}

export interface MapNode {
  readonly kind: 'map';
  readonly src: Source;
  /** In the order written; duplicates are kept, for the validator to report. */
  readonly entries: readonly Entry[];
}

export interface SeqNode {
  readonly kind: 'seq';
  readonly src: Source;
  readonly items: readonly Tree[];
}

export const isNull = (t: Tree | undefined): boolean => t === undefined || (t.kind === 'scalar' && t.value === null);

/** The first entry of `key` in a mapping. */
export function entryOf(map: MapNode, key: string): Entry | undefined {
  return map.entries.find((e) => e.key === key);
}

/** The value of `key` in a tree that is a mapping, else undefined. */
export function valueOf(tree: Tree | undefined, key: string): Tree | undefined {
  return tree?.kind === 'map' ? entryOf(tree, key)?.value : undefined;
}

/** Convert a parsed (and checked: no undefined alias, no foreign tag) YAML document of `file`. */
export function fromYaml(doc: Document.Parsed, lines: Lines, file: string): Tree {
  const memo = new Map<Node, Tree>();
  const open = new Set<Node>(); // collections being converted
  const src = (node: unknown): Source => {
    const range = node && typeof node === 'object' && 'range' in node ? (node.range as readonly number[] | undefined) : undefined;
    const { line, col } = lines.linePos(range?.[0] ?? 0);
    return { file, line, column: col };
  };

  const convert = (node: unknown): Tree => {
    if (isAlias(node)) {
      const target = node.resolve(doc) as Node | undefined;
      // an alias inside its own anchor (`&p { provider: *p }`) stands for an empty copy: no tree is ever cyclic
      if (target && open.has(target)) return isSeq(target) ? { kind: 'seq', src: src(node), items: [] } : { kind: 'map', src: src(node), entries: [] };
      const tree = target ? convert(target) : nothing(src(node));
      return { ...tree, src: src(node) }; // shares the anchor's entries or items
    }
    const known = memo.get(node as Node);
    if (known) return known;
    let tree: Tree;
    if (isMap(node) || isSeq(node)) {
      open.add(node);
      tree = isMap(node)
        ? { kind: 'map', src: src(node), entries: node.items.map((pair) => entry(pair as Pair)) }
        : { kind: 'seq', src: src(node), items: node.items.map(convert) };
      open.delete(node);
    } else if (isScalar(node)) {
      const value = node.value;
      const plainValue = value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
      tree = { kind: 'scalar', src: src(node), value: plainValue, source: String(node.source ?? value ?? ''), plain: node.type === 'PLAIN' || node.type === undefined };
    } else {
      tree = nothing(src(node));
    }
    if (node && typeof node === 'object') memo.set(node as Node, tree);
    return tree;
  };

  const entry = (pair: Pair): Entry => {
    const keyNode = isAlias(pair.key) ? (pair.key.resolve(doc) as unknown) : pair.key;
    const keyValue = isScalar(keyNode) ? keyNode.value : undefined;
    const plain = keyValue !== undefined && keyValue !== null && typeof keyValue !== 'object';
    return {
      key: plain ? String(keyValue) : null,
      keyText: describeKey(keyNode),
      stringKey: typeof keyValue === 'string',
      keySrc: src(pair.key ?? pair.value),
      value: pair.value === null || pair.value === undefined ? nothing(src(pair.key)) : convert(pair.value),
    };
  };

  return doc.contents === null || doc.contents === undefined ? nothing({ file, line: 1, column: 1 }) : convert(doc.contents);
}

/** An empty value (no node at all): YAML's null, written as nothing. */
export function nothing(src: Source): ScalarNode {
  return { kind: 'scalar', src, value: null, source: '', plain: true };
}

function describeKey(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? (node.source ? JSON.stringify(String(node.source)) : 'nothing') : JSON.stringify(String(node.source ?? node.value));
  return 'an unsupported value';
}
