/**
 * Scenario text → YAML document with positions, refusing everything outside
 * plain YAML 1.2 core: syntax errors, warnings (an unknown tag `!foo` is only
 * a warning to the yaml package), a `%YAML 1.1` directive (it turns `no`
 * into false and `0755` into 493), tags outside the core schema
 * (`!!timestamp` silently becomes a Date), undefined aliases and more
 * aliases than a scenario needs. The document is never converted with
 * `toJS()`: the validator walks the nodes, so no alias is ever expanded.
 */
import { Document, parseDocument, visit, isAlias, isCollection, isNode, isPair, isScalar, isSeq } from 'yaml';
import { Lines } from './lines.js';
import type { Issue } from '../errors.js';
import { MAX_FLOW_DEPTH, overIndented, scan, type Scan } from './scan.js';

export interface ParsedText {
  readonly doc: Document.Parsed;
  readonly lines: Lines;
  readonly issues: Issue[];
}

/** More than any real scenario uses; a billion-laughs file has far more. */
export const MAX_ALIASES = 50;

const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

export function parseYaml(text: string, file: string): ParsedText {
  const lines = new Lines(text);
  const scanned = scan(text);
  if (scanned.tooDeepAt !== undefined) {
    const { line, col: column } = lines.linePos(scanned.tooDeepAt);
    const message = `invalid YAML: nested too deeply (more than ${MAX_FLOW_DEPTH} levels of [ ] or { })`;
    return { doc: parseDocument(''), lines, issues: [{ location: { file, line, column }, message }] };
  }
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: false, // duplicates are reported by the validator, with their key path
    prettyErrors: false,
    merge: false,
    strict: true,
  });
  const issues: Issue[] = [];
  const at = (offset: number, message: string, path?: string): void => {
    const { line, col } = lines.linePos(Math.min(offset, text.length));
    issues.push({ location: { file, line, column: col, ...(path ? { path } : {}) }, message });
  };

  // the parser reports some mistakes far from where they are, or in its own terms: say them better
  const better = doc.errors.length > 0 ? betterSyntaxError(text, scanned) : undefined;
  if (better) at(better.at, better.message);
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (e.code === 'TAG_RESOLVE_FAILED') continue; // reported below with the tag's name, as every non-core tag is
    const first = e.message.split('\n')[0] ?? e.message;
    if (better?.replaces.test(first)) continue;
    if (/Nested mappings are not allowed in compact mappings/.test(first)) {
      const colon = colonInValue(text, e.pos[0]);
      if (colon) {
        at(e.pos[0], colon);
        continue;
      }
    }
    if (/^Unsupported YAML version/.test(first)) continue; // reported below, with what is expected
    if (e.code === 'MULTIPLE_DOCS') {
      at(e.pos[0], 'a second YAML document starts here: a scenario file holds exactly one');
      continue;
    }
    if (/call stack/i.test(first)) {
      if (!issues.some((i) => i.message.startsWith('invalid YAML: nested too deeply'))) at(e.pos[0], 'invalid YAML: nested too deeply');
      continue;
    }
    at(e.pos[0], `invalid YAML: ${first.replace(/\s+at line \d+, column \d+:?$/, '')}`);
  }

  // the parser switches to 1.1 rules for %YAML 1.1 and ignores versions it does not know
  const directive = /^%YAML[ \t]+(\S+)/m.exec(text);
  if (directive && directive[1] !== '1.2') {
    at(directive.index, `unsupported YAML version ${directive[1]}: scenarios are YAML 1.2 (remove the %YAML directive)`);
  }

  // an alias needs a *, a tag a !: without either (the usual scenario) there is nothing to visit
  if (/[*!]/.test(text)) checkNodes(doc, at);
  return { doc, lines, issues: dedupe(issues) };
}

/** A clearer report of a syntax error the parser places badly: an unclosed quote or bracket, an over-indented line. */
function betterSyntaxError(text: string, scanned: Scan): { at: number; message: string; replaces: RegExp } | undefined {
  if (scanned.unclosedQuoteAt !== undefined) {
    const quote = text[scanned.unclosedQuoteAt];
    return { at: scanned.unclosedQuoteAt, message: `invalid YAML: the quoted string that starts here is never closed (add the closing ${quote})`, replaces: /quote|Unexpected|end of/i };
  }
  if (scanned.unclosedFlowAt !== undefined) {
    const open = text[scanned.unclosedFlowAt];
    const what = open === '{' ? 'mapping' : 'list';
    const close = open === '{' ? '}' : ']';
    return { at: scanned.unclosedFlowAt, message: `invalid YAML: the ${what} that starts here with ${open} is never closed with ${close}`, replaces: /flow|end with|Unexpected|implicit key|compact mapping|Missing/i };
  }
  const indent = overIndented(text);
  if (indent) {
    return {
      at: indent.at,
      message: `invalid YAML: bad indentation: this key is indented ${indent.indent} spaces, more than the ${indent.expected} of the key and value above it (align it with that key, or indent it under a key that has no value)`,
      replaces: /compact mappings|Implicit keys need to be on a single line|indent/i,
    };
  }
  return undefined;
}

/** A plain value that holds ": " (`name: Colon: in a value`) must be quoted; the parser calls it a nested mapping. */
function colonInValue(text: string, offset: number): string | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
  const m = /^(\s*(?:- )?[^\s:#][^:#]*?):\s+(.*:\s.*?)\s*$/.exec(line);
  if (!m) return undefined;
  return `invalid YAML: a value that holds ": " must be quoted: write ${m[1]?.trim()}: ${JSON.stringify(m[2])}`;
}

/** The key path of a node from the visitor's ancestors (`pricing.ramp[0].fee`), or undefined where a key is not plain. */
function keyPath(ancestors: readonly unknown[], node: unknown): string | undefined {
  let path = '';
  for (let i = 0; i < ancestors.length; i++) {
    const ancestor = ancestors[i];
    const child = ancestors[i + 1] ?? node;
    if (isPair(ancestor)) {
      if (!isScalar(ancestor.key) || ancestor.key.value === null || typeof ancestor.key.value === 'object') return undefined;
      const key = String(ancestor.key.value);
      path = path ? `${path}.${key}` : key;
    } else if (isSeq(ancestor)) {
      path += `[${ancestor.items.indexOf(child as never)}]`;
    }
  }
  return path || undefined;
}

/** Every alias is defined and there are few of them; every tag is a core one. */
function checkNodes(doc: Document.Parsed, at: (offset: number, message: string, path?: string) => void): void {
  let aliases = 0;
  try {
    visit(doc, (_key, node, ancestors) => {
      if (!isNode(node)) return undefined;
      const offset = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        aliases += 1;
        if (aliases === MAX_ALIASES + 1) at(offset, `too many aliases: a scenario needs at most ${MAX_ALIASES}`);
        if (!node.resolve(doc)) at(offset, `undefined alias *${node.source}`, keyPath(ancestors, node));
      } else if (node.tag !== undefined && !CORE_TAGS.has(node.tag) && (isScalar(node) || isCollection(node))) {
        const tag = node.tag.replace('tag:yaml.org,2002:', '!!');
        at(offset, `tag ${tag} is not allowed: only plain YAML 1.2 values (strings, numbers, lists, mappings)`, keyPath(ancestors, node));
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
