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

/** Whether a value may start at offset i: only indicators, anchors or tags stand between it and the line start. */
function valueStart(text: string, i: number, inFlow: boolean): boolean {
  let j = i - 1;
  for (;;) {
    while (j >= 0 && isBlank(text[j])) j--;
    if (j < 0 || text[j] === '\n' || text[j] === '\r') return true;
    const c = text[j] as string;
    if (inFlow && (c === '[' || c === '{' || c === ',')) return true;
    if ((c === ':' || c === '-' || c === '?') && j < i - 1 && isBlank(text[j + 1])) {
      // an indicator: `key: `, `- `, `? ` (the `-` or `?` must itself start a value)
      if (c === ':') return true;
      j -= 1;
      continue;
    }
    // an anchor (&a) or a tag (!!str) just before: look before it
    let k = j;
    while (k >= 0 && !isBlank(text[k]) && text[k] !== '\n') k--;
    const token = text.slice(k + 1, j + 1);
    if (token.startsWith('&') || token.startsWith('!')) {
      j = k;
      continue;
    }
    return false;
  }
}

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

function lineStart(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

function indentOf(text: string, start: number): number {
  let n = 0;
  while (text[start + n] === ' ') n++;
  return n;
}

/** The offset after a block scalar's content: every later line indented more than the line that opened it. */
function skipBlockScalar(text: string, i: number): number {
  const indent = indentOf(text, lineStart(text, i));
  let next = text.indexOf('\n', i);
  while (next >= 0) {
    const start = next + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.trim() !== '' && indentOf(text, start) <= indent) return start - 1;
    next = end;
  }
  return text.length;
}

export function scan(text: string): Scan {
  const flow: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '#' && (i === 0 || isBlank(text[i - 1]) || text[i - 1] === '\n')) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol - 1;
      continue;
    }
    const inFlow = flow.length > 0;
    if ((c === '"' || c === "'") && valueStart(text, i, inFlow)) {
      const end = skipQuoted(text, i);
      if (end < 0) return { unclosedQuoteAt: i };
      i = end;
    } else if ((c === '[' || c === '{') && (inFlow || valueStart(text, i, false))) {
      flow.push(i);
      if (flow.length > MAX_FLOW_DEPTH) return { tooDeepAt: i };
    } else if ((c === ']' || c === '}') && inFlow) {
      flow.pop();
    } else if ((c === '|' || c === '>') && !inFlow && valueStart(text, i, false)) {
      i = skipBlockScalar(text, i);
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
