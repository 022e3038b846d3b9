/**
 * The shape of src as a whole: no module imports itself back through other
 * modules (an import cycle makes the order in which modules initialise
 * depend on which one is loaded first, and with esbuild's lazy initialisers
 * a value can be read before it is set), and no file grows past
 * MAX_LINES, the size at which a module starts to hold more than one
 * concern.
 *
 * Imports are read with TypeScript's own parser, so a specifier in a
 * comment or a string is never taken for one: static `import … from`,
 * `import '…'`, `export … from`, dynamic `import('…')` and `import('…')`
 * types. Type-only imports count too: they vanish at run time, but a cycle
 * through them still ties the modules together. Only relative specifiers
 * are followed (packages cannot import src back), `.js` resolving to the
 * `.ts` file beside it as under NodeNext.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'src');

const MAX_LINES = 300;

// ---------------------------------------------------------------------------
// Reading src.

/** Every file under src, as a path relative to the repository ('src/cli/main.ts'). */
function srcFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? srcFiles(join(dir, entry.name)) : [repoPath(join(dir, entry.name))]))
    .sort();
}

function repoPath(absolute: string): string {
  return relative(ROOT, absolute).split('\\').join('/');
}

/** Lines as `wc -l` counts them, plus a last line without its newline. */
function lineCount(text: string): number {
  const newlines = text.split('\n').length - 1;
  return text === '' || text.endsWith('\n') ? newlines : newlines + 1;
}

/** Every module specifier of a TypeScript file: static imports and exports, dynamic import() and import types. */
function specifiers(text: string, fileName = 'module.ts'): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first)) found.push(first.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The src file a relative specifier names, or undefined for a package or a file that is not TypeScript. */
function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const target = repoPath(resolve(ROOT, dirname(from), specifier));
  const candidates = [target, target.replace(/\.js$/, '.ts'), target.replace(/\.mjs$/, '.mts'), target.replace(/\.cjs$/, '.cts')];
  return candidates.find((c) => c.endsWith('ts') && files.has(c));
}

/** src's import graph: each TypeScript file and the src files it imports. */
function importGraph(): Map<string, string[]> {
  const files = new Set(srcFiles().filter((f) => f.endsWith('.ts')));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const targets = specifiers(text, file).map((s) => resolveSpecifier(file, s, files));
    graph.set(file, [...new Set(targets.filter((t): t is string => t !== undefined))].sort());
  }
  return graph;
}

// ---------------------------------------------------------------------------
// Cycles.

/** The strongly connected components of more than one file (or of a file that imports itself), each sorted (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return found.sort((a, b) => a.join().localeCompare(b.join()));
}

/** One path around a cycle inside `component`, from its first file back to it: 'a.ts → b.ts → a.ts'. */
function cyclePath(graph: ReadonlyMap<string, readonly string[]>, component: readonly string[]): string {
  const members = new Set(component);
  const start = component[0]!;
  // breadth first from start's imports back to start, inside the component: a shortest cycle
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w) || previous.has(w)) continue;
      previous.set(w, v);
      if (w === start) {
        const path = [start];
        for (let at = previous.get(start)!; at !== start; at = previous.get(at)!) path.unshift(at);
        return [start, ...path].join(' → ');
      }
      queue.push(w);
    }
  }
  return component.join(', ');
}

// ---------------------------------------------------------------------------

describe('the reading of imports', () => {
  it('finds static, type-only, re-exported and dynamic specifiers, and none in comments or strings', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "import './side-effect.js';",
      'import {',
      '  c,',
      "  d,",
      "} from './multi-line.js';",
      "export { e } from './e.js';",
      "export * from './star.js';",
      "export type { F } from './f.js';",
      "const lazy = await import('./lazy.js');",
      "type T = import('./type-only.js').T;",
      "// import { no } from './comment.js';",
      "/* import('./block-comment.js') */",
      "const text = \"import x from './string.js'\";",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(specifiers(text)).toEqual([
      './a.js',
      '../b.js',
      './side-effect.js',
      './multi-line.js',
      './e.js',
      './star.js',
      './f.js',
      './lazy.js',
      './type-only.js',
      'node:fs',
    ]);
  });

  it('finds a cycle and a path around it, and nothing in a graph without one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    expect(cyclePath(graph, ['a.ts', 'b.ts', 'c.ts'])).toBe('a.ts → b.ts → c.ts → a.ts');
    expect(cyclePath(graph, ['e.ts'])).toBe('e.ts → e.ts');
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });

  it('follows the imports of src: the CLI entry reaches the commands it loads lazily', () => {
    const graph = importGraph();
    expect(graph.get('src/cli/main.ts')).toContain('src/cli/commands/check-parallel.ts');
    expect(graph.get('src/cli/program.ts')).toContain('src/cli/completion/index.ts');
  });
});

describe('src', () => {
  const graph = importGraph();
  const found = cycles(graph);

  it('has no import cycle (move what both sides need into a module both import)', () => {
    expect(found.map((c) => cyclePath(graph, c)), 'import cycles in src').toEqual([]);
  });

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = srcFiles()
      .map((file) => ({ file, lines: lineCount(readFileSync(join(ROOT, file), 'utf8')) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long, `files over ${MAX_LINES} lines: split them by concern`).toEqual([]);
  });
});
