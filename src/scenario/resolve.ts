/**
 * `deal-model resolve`: a merged scenario (SPEC §8) written back as YAML,
 * before defaults, each value followed by a comment naming where it came
 * from when that is not the file named on the command line
 * (`# colossus-1.yaml:22`, `# --set pricing.monthly_fee=1.3B`). The output
 * is itself a valid scenario: every scalar is written so that it reads back
 * as the same value with the same text (numbers as written, so
 * `12345678901234567.89` keeps its digits; strings that were quoted stay
 * quoted).
 */
import type { Source, Tree } from './tree.js';

const PLAIN_KEY = /^[A-Za-z_][\w.[\]]*$/;

function where(src: Source, top: string): string {
  if (src.file === top) return '';
  return src.line === undefined ? `  # ${src.file}` : `  # ${src.file}:${src.line}`;
}

export function scalarText(tree: Tree & { kind: 'scalar' }): string {
  const v = tree.value;
  if (v === null) return tree.source === '' ? '~' : tree.source;
  if (typeof v === 'number' || typeof v === 'boolean') return tree.source;
  // a plain string was valid plain YAML where it was written, and block context allows at least as much
  return tree.plain && !/[\n\r]/.test(v) && v.trim() === v && v !== '' ? v : JSON.stringify(v);
}

const keyText = (key: string): string => (PLAIN_KEY.test(key) ? key : JSON.stringify(key));

/**
 * The lines of `tree` as the value of a key (`head` is `key:`, or `-` for a
 * list item), indented by `indent`; `from` is where the key (or item) was
 * written, named after a collection's head.
 */
function lines(tree: Tree, head: string, indent: string, from: Source, top: string, out: string[]): void {
  if (tree.kind === 'scalar') {
    out.push(`${indent}${head} ${scalarText(tree)}${where(tree.src, top)}`);
    return;
  }
  if ((tree.kind === 'map' ? tree.entries.length : tree.items.length) === 0) {
    out.push(`${indent}${head} ${tree.kind === 'map' ? '{}' : '[]'}${where(tree.src, top)}`);
    return;
  }
  if (tree.kind === 'seq') {
    out.push(`${indent}${head}${where(from, top)}`);
    for (const item of tree.items) {
      if (item.kind === 'map' && item.entries.length > 0) {
        // a mapping in a list: its first key on the dash's line, the others under it
        const before = out.length;
        entries(item, `${indent}    `, top, out);
        out[before] = `${indent}  - ${(out[before] as string).slice(indent.length + 4)}`;
      } else {
        lines(item, '-', `${indent}  `, item.src, top, out);
      }
    }
    return;
  }
  out.push(`${indent}${head}${where(from, top)}`);
  entries(tree, `${indent}  `, top, out);
}

function entries(map: Tree & { kind: 'map' }, indent: string, top: string, out: string[]): void {
  for (const e of map.entries) lines(e.value, `${keyText(e.key ?? '')}:`, indent, e.keySrc, top, out);
}

/** The merged tree of the scenario named `top` (files: its chain, named file first) as YAML text. */
export function resolvedYaml(tree: Tree, top: string, files: readonly string[]): string {
  const out: string[] = [
    `# ${files.join(' extends ')}, merged by deal-model resolve (before defaults).`,
    `# A value without a comment is from ${top}; the others name their file and line, or their --set.`,
  ];
  if (tree.kind === 'map') entries(tree, '', top, out);
  else lines(tree, '-', '', tree.src, top, out);
  return `${out.join('\n')}\n`;
}

/** One value of a merged tree and where it was written (SPEC §13: every input with its file and line). */
export interface Provenance {
  readonly path: string;
  readonly value: string;
  readonly file: string;
  readonly line: number | undefined;
}

/** Every scalar of the tree, in the order written, with its key path and source. */
export function provenance(tree: Tree, path = ''): Provenance[] {
  if (tree.kind === 'scalar') return [{ path, value: scalarText(tree), file: tree.src.file, line: tree.src.line }];
  if (tree.kind === 'seq') return tree.items.flatMap((item, i) => provenance(item, `${path}[${i}]`));
  return tree.entries.flatMap((e) => provenance(e.value, path ? `${path}.${e.key ?? ''}` : (e.key ?? '')));
}
