/**
 * A quick look at scenario text before and beside the YAML parser, for what
 * the parser reports badly: how deep flow collections nest (1 MiB of `[`
 * would take the parser seconds), where a quoted string that is never
 * closed starts, and where a `[` or `{` that is never closed opens (the
 * parser reports both at the end of the file).
 *
 * It knows just enough YAML to tell a quote or a bracket that starts a value
 * from one inside plain text (`name: Bob's [draft] lease`): a value starts
 * at the beginning of a line, after `: `, `- `, `? `, or inside a flow
 * collection after `[`, `{` or `,`, possibly behind an anchor or a tag.
 * Comments and block scalars (`|`, `>`) are skipped.
 */

export const MAX_FLOW_DEPTH = 64;

export interface Scan {
  /** Offset of the bracket that nests deeper than MAX_FLOW_DEPTH. */
  readonly tooDeepAt?: number;
  /** Offset of the opening quote of a string never closed. */
  readonly unclosedQuoteAt?: number;
  /** Offset of the outermost `[` or `{` never closed. */
  readonly unclosedFlowAt?: number;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const endsToken = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Offset of the closing quote of the quoted string opening at `start`, or -1 when it is never closed. */
function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function indentOf(text: string, start: number): number {
  let n = 0;
  while (text[start + n] === ' ') n++;
  return n;
}

/** The offset of the line break that ends a block scalar: its content is every later line indented more than the line that opened it. */
function skipBlockScalar(text: string, i: number): number {
  const indent = indentOf(text, text.lastIndexOf('\n', i - 1) + 1);
  let next = text.indexOf('\n', i);
  while (next >= 0) {
    const start = next + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.trim() !== '' && indentOf(text, start) <= indent) return next;
    next = end;
  }
  return text.length;
}

/**
 * One pass, forward only (a line of a million quotes must not take
 * minutes): `expect` is whether a value may start here.
 */
export function scan(text: string): Scan {
  const flow: number[] = [];
  let expect = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n' || c === '\r') {
      if (flow.length === 0) expect = true;
      continue;
    }
    if (isBlank(c)) continue;
    if (c === '#' && (i === 0 || endsToken(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol - 1;
      continue;
    }
    const inFlow = flow.length > 0;
    if (expect) {
      if (c === '"' || c === "'") {
        const end = skipQuoted(text, i);
        if (end < 0) return { unclosedQuoteAt: i };
        i = end;
        expect = false;
      } else if (c === '[' || c === '{') {
        flow.push(i);
        if (flow.length > MAX_FLOW_DEPTH) return { tooDeepAt: i };
      } else if (inFlow && (c === ']' || c === '}')) {
        flow.pop();
        expect = false;
      } else if (inFlow && c === ',') {
        // an empty entry: still expecting a value
      } else if (!inFlow && (c === '|' || c === '>')) {
        i = skipBlockScalar(text, i) - 1;
      } else if (c === '&' || c === '!' || c === '*') {
        // an anchor or a tag comes before a value; an alias is one
        while (i + 1 < text.length && !endsToken(text[i + 1]) && !(inFlow && ',[]{}'.includes(text[i + 1] as string))) i++;
        if (c === '*') expect = false;
      } else if ((c === '-' || c === '?' || c === ':') && endsToken(text[i + 1])) {
        // an indicator: a value may follow
      } else {
        expect = false; // a plain scalar starts
      }
      continue;
    }
    // within a plain scalar, or after a value
    if (c === ':' && (endsToken(text[i + 1]) || (inFlow && ',[]{}'.includes(text[i + 1] as string)))) {
      expect = true;
    } else if (inFlow && c === ',') {
      expect = true;
    } else if (inFlow && (c === ']' || c === '}')) {
      flow.pop();
    }
  }
  return flow.length > 0 ? { unclosedFlowAt: flow[0] as number } : {};
}

/**
 * A line indented more than a `key: value` line above it, which YAML reads as
 * a continuation of that value: the usual cause of the parser's "Nested
 * mappings are not allowed in compact mappings". Returns the offset of the
 * over-indented key and the two indents.
 */
export function overIndented(text: string): { at: number; indent: number; expected: number } | undefined {
  const lines = text.split('\n');
  let offset = 0;
  let previous: { indent: number; hasValue: boolean } | undefined;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    const indent = indentOf(line, 0);
    const body = line.slice(indent);
    if (body !== '' && !body.startsWith('#')) {
      const isKey = /^[^\s#'"[{][^:#]*:(\s|$)/.test(body);
      if (isKey && previous?.hasValue && indent > previous.indent) {
        return { at: offset + indent, indent, expected: previous.indent };
      }
      const value = isKey ? body.slice(body.indexOf(':') + 1).trim() : '';
      previous = { indent, hasValue: isKey && value !== '' && !/^[|>[{&!]/.test(value) && !value.startsWith('#') };
    }
    offset += raw.length + 1;
  }
  return undefined;
}
