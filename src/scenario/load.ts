/**
 * Scenario bytes → Scenario, or an input error listing every problem with
 * its position. A scenario may extend a base (and that base another, up to
 * eight files in all), and `--set` options change values after the chain
 * is merged (SPEC §8). Pure: files are read through the `ReadFile` the
 * caller passes in (cli/io.ts reads the disk; tests and portfolios may read
 * from memory).
 */
import { posix } from 'node:path';
import { DealModelError, inputError, type Issue } from '../errors.js';
import { parseYaml } from './parse.js';
import { merge, setAt, withoutKey } from './merge.js';
import { crossKeyIssues, toScenario } from './scenario.js';
import { setLabel, type SetOption } from './set-option.js';
import { fromYaml, valueOf, type Source, type Tree } from './tree.js';
import type { Scenario } from './types.js';
import { decodeScenario } from './text.js';
import { validateTree, type Override } from './validate.js';

export { MAX_BYTES } from './text.js';

/** A chain of more than this many files in all (the named one included) is refused. */
export const MAX_CHAIN = 8;

/** The bytes of a file, or why it cannot be read ("no such file or directory"). */
export type ReadFile = (file: string) => Uint8Array | { readonly unreadable: string };

const NO_FILES: ReadFile = () => ({ unreadable: 'no file reader was given' });

export interface LoadOptions {
  readonly readFile?: ReadFile;
  readonly sets?: readonly SetOption[];
}

/** A loaded scenario with the merged tree it was validated from and the files of its chain, named file first. */
export interface Loaded {
  readonly scenario: Scenario;
  readonly tree: Tree;
  readonly files: readonly string[];
}

export function loadScenario(bytes: Uint8Array, file: string, options: LoadOptions = {}): Scenario {
  return loadVariant(bytes, file, options).scenario;
}

export function loadVariant(bytes: Uint8Array, file: string, options: LoadOptions = {}): Loaded {
  const { tree, files } = mergedTree(bytes, file, options.readFile ?? NO_FILES, options.sets ?? []);
  return { scenario: validated(tree, file, files), tree, files };
}

/** A merged tree → Scenario, or every problem of it (for sensitivity cells, which vary a tree already loaded). */
export function validated(tree: Tree, file: string, files: readonly string[] = [file]): Scenario {
  const result = validateTree(tree, file);
  const issues = [...result.issues, ...crossKeyIssues(result.value, result.positions, file)];
  if (issues.length > 0 || !result.value) throw inputError(inOrder(issues, files));
  return toScenario(result.value, result.positions, file);
}

/**
 * The named file merged over its chain of bases, then the `--set` options
 * applied in order; `parsed` is the file's tree when the caller has already
 * parsed its bytes (a portfolio looks at each contract file first).
 */
export function mergedTree(bytes: Uint8Array, file: string, readFile: ReadFile, sets: readonly SetOption[], parsed?: Tree): { tree: Tree; files: string[] } {
  const chain: { file: string; tree: Tree }[] = [{ file, tree: parsed ?? parseFile(bytes, file) }];
  const top = chain[0]!.tree;
  if (valueOf(top, 'portfolio') !== undefined && top.kind === 'map') {
    const entry = top.entries.find((e) => e.key === 'portfolio')!;
    throw inputError([at(entry.keySrc, 'portfolio', 'this is a portfolio file (it has portfolio:), not a scenario: run deal-model portfolio on it')]);
  }
  for (;;) {
    const { file: holder, tree } = chain[chain.length - 1] as { file: string; tree: Tree };
    const ext = valueOf(tree, 'extends');
    if (ext === undefined) break;
    if (ext.kind !== 'scalar' || typeof ext.value !== 'string' || ext.value.trim() === '') {
      throw inputError([at(ext.src, 'extends', `expected the path of a base scenario file, relative to ${holder === '<stdin>' ? 'the current folder' : 'this file'}, got ${ext.kind === 'scalar' ? (ext.value === null ? 'nothing' : JSON.stringify(ext.source)) : ext.kind === 'map' ? 'a mapping' : 'a list'}`)]);
    }
    const base = basePath(holder, ext.value);
    const names = [...chain.map((c) => c.file), base];
    if (chain.some((c) => c.file === base)) {
      throw inputError([at(ext.src, 'extends', `a cycle of extends: ${names.join(' → ')}`)]);
    }
    if (chain.length >= MAX_CHAIN) {
      throw inputError([at(ext.src, 'extends', `a chain of more than ${MAX_CHAIN} files: ${names.join(' → ')}`)]);
    }
    const read = readFile(base);
    if (!(read instanceof Uint8Array)) {
      throw new DealModelError('io', `${base}: cannot read the base scenario`, [at(ext.src, 'extends', `cannot read the base scenario ${base}: ${read.unreadable}`)]);
    }
    chain.push({ file: base, tree: parseFile(read, base) });
  }
  // from the deepest base up: each child over its base, which keeps no expect: block
  let tree = withoutKey((chain[chain.length - 1] as { tree: Tree }).tree, 'extends');
  for (let i = chain.length - 2; i >= 0; i--) tree = merge(withoutKey(tree, 'expect'), withoutKey((chain[i] as { tree: Tree }).tree, 'extends'));
  for (const option of sets) tree = applySet(tree, option);
  return { tree, files: chain.map((c) => c.file) };
}

/** A base's path: relative to the folder of the file that names it (standard input: the current folder). */
function basePath(holder: string, written: string): string {
  const folder = holder === '<stdin>' ? '.' : posix.dirname(holder);
  return posix.normalize(posix.isAbsolute(written) ? written : posix.join(folder, written));
}

const at = (src: Source, path: string, message: string): Issue => ({ location: { file: src.file, line: src.line, column: src.column, path }, message });

/** One file's text → its positioned tree, or its own YAML problems. */
export function parseFile(bytes: Uint8Array, file: string): Tree {
  const parsed = parseYaml(decodeScenario(bytes, file), file);
  if (parsed.issues.length > 0) throw inputError(inOrder(parsed.issues, [file]));
  return fromYaml(parsed.doc, parsed.lines, file);
}

/** A value set at a key path (a portfolio contract's `set:` entry); a path that does not fit is a problem at the entry. */
export function applyOverride(tree: Tree, override: Override): Tree {
  const next = setAt(tree, override.steps, override.value, override.src);
  if ('message' in next) throw inputError([at(override.src, next.path, next.message)]);
  return next;
}

/** One `--set`: its value read as YAML by the same parser, set at its path; problems are the option's (exit 3). */
export function applySet(tree: Tree, option: SetOption): Tree {
  const label = setLabel(option);
  const src: Source = { file: label };
  if (option.steps.length === 1 && 'key' in option.steps[0]! && option.steps[0].key === 'extends') {
    throw inputError([at(src, 'extends', 'extends cannot be set: the chain of files is resolved before the --set options')]);
  }
  const parsed = parseYaml(option.value, label);
  if (parsed.issues.length > 0) throw inputError(parsed.issues.map((i) => ({ location: { file: label, path: option.path }, message: i.message })));
  const value = relabel(fromYaml(parsed.doc, parsed.lines, label), src);
  const next = setAt(tree, option.steps, value, src);
  if ('message' in next) throw inputError([at(src, next.path, next.message)]);
  return next;
}

/** A value from a `--set` has no line of its own: every node is positioned at the option. */
function relabel(tree: Tree, src: Source): Tree {
  if (tree.kind === 'scalar') return { ...tree, src };
  if (tree.kind === 'seq') return { kind: 'seq', src, items: tree.items.map((t) => relabel(t, src)) };
  return { kind: 'map', src, entries: tree.entries.map((e) => ({ ...e, keySrc: src, value: relabel(e.value, src) })) };
}

/**
 * Issues in the order of the files (the named one, then its bases; `--set`
 * options last), each file's in the order of its lines (a stable sort keeps
 * the order of issues at one position).
 */
export function inOrder(issues: readonly Issue[], files: readonly string[]): Issue[] {
  const rank = (file: string): number => {
    const i = files.indexOf(file);
    return i < 0 ? files.length : i;
  };
  return [...issues].sort((a, b) =>
    rank(a.location.file) - rank(b.location.file) ||
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    (a.location.column ?? 0) - (b.location.column ?? 0));
}
