/**
 * Scenario text → YAML document with positions, refusing everything outside
 * plain YAML 1.2 core: syntax errors, warnings (an unknown tag `!foo` is only
 * a warning to the yaml package), a `%YAML 1.1` directive (it turns `no`
 * into false and `0755` into 493), tags outside the core schema
 * (`!!timestamp` silently becomes a Date), undefined aliases and more
 * aliases than a scenario needs. The document is never converted with
 * `toJS()`: the validator walks the nodes, so no alias is ever expanded.
 */
import { Document, LineCounter, parseDocument, visit, isAlias, isNode, isScalar, isCollection } from 'yaml';
import type { Issue } from '../errors.js';

export interface ParsedText {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly issues: Issue[];
}

/** More than any real scenario uses; a billion-laughs file has far more. */
export const MAX_ALIASES = 50;

const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/** Deeper flow nesting (`[[[[...`) than any scenario has; the parser would take seconds on a 1 MiB file of it. */
export const MAX_FLOW_DEPTH = 64;

/**
 * Offset where flow collections nest deeper than MAX_FLOW_DEPTH, or -1. A
 * cheap scan that skips quoted text and comments; a bracket inside a plain
 * scalar may count, which only matters past 64 of them.
 */
export function tooDeep(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (c === ']' || c === '}') {
      if (depth > 0) depth--;
    } else if (c === '"' || c === "'") {
      i = skipQuoted(text, i, c);
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    }
  }
  return -1;
}

function skipQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}

export function parseYaml(text: string, file: string): ParsedText {
  const lines = new LineCounter();
  const deep = tooDeep(text);
  if (deep >= 0) {
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    const column = deep - before.lastIndexOf('\n');
    const message = `invalid YAML: nested too deeply (more than ${MAX_FLOW_DEPTH} levels of [ ] or { })`;
    return { doc: parseDocument(''), lines, issues: [{ location: { file, line, column }, message }] };
  }
  const doc = parseDocument(text, {
    lineCounter: lines,
    version: '1.2',
    schema: 'core',
    uniqueKeys: false, // duplicates are reported by the validator, with their key path
    prettyErrors: false,
    merge: false,
    strict: true,
  });
  const issues: Issue[] = [];
  const at = (offset: number, message: string): void => {
    const { line, col } = lines.linePos(Math.min(offset, text.length));
    issues.push({ location: { file, line, column: col }, message });
  };

  for (const e of [...doc.errors, ...doc.warnings]) {
    if (e.code === 'TAG_RESOLVE_FAILED') continue; // reported below with the tag's name, as every non-core tag is
    const first = e.message.split('\n')[0] ?? e.message;
    if (/call stack/i.test(first)) {
      if (!issues.some((i) => i.message.startsWith('invalid YAML: nested too deeply'))) at(e.pos[0], 'invalid YAML: nested too deeply');
      continue;
    }
    at(e.pos[0], `invalid YAML: ${first.replace(/\s+at line \d+, column \d+:?$/, '')}`);
  }

  const version = doc.directives?.yaml.version;
  if (doc.directives?.yaml.explicit && version !== '1.2') {
    const offset = text.search(/^%YAML/m);
    at(offset < 0 ? 0 : offset, `unsupported YAML version ${version}: scenarios are YAML 1.2 (remove the %YAML directive)`);
  }

  checkNodes(doc, at);
  return { doc, lines, issues: dedupe(issues) };
}

/** Every alias is defined and there are few of them; every tag is a core one. */
function checkNodes(doc: Document.Parsed, at: (offset: number, message: string) => void): void {
  let aliases = 0;
  try {
    visit(doc, (_key, node) => {
      if (!isNode(node)) return undefined;
      const offset = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        aliases += 1;
        if (aliases === MAX_ALIASES + 1) at(offset, `too many aliases: a scenario needs at most ${MAX_ALIASES}`);
        if (!node.resolve(doc)) at(offset, `undefined alias *${node.source}`);
      } else if (node.tag !== undefined && !CORE_TAGS.has(node.tag) && (isScalar(node) || isCollection(node))) {
        at(offset, `tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed: only plain YAML 1.2 values (strings, numbers, lists, mappings)`);
      }
      return undefined;
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error; // the visitor recursing through block nesting too deep for the stack
    at(0, 'invalid YAML: nested too deeply');
  }
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.location.line}:${i.location.column}:${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
