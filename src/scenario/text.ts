/**
 * Scenario bytes → text: at most 1 MiB, valid UTF-8 (not UTF-16), no
 * control characters, line breaks read as LF. Every file of a variant
 * chain, standard input and a `--set` value obey these limits on their own.
 */
import { inputError, type Issue } from '../errors.js';
import { Lines } from './lines.js';

/** Scenario files and standard input are capped before parsing. */
export const MAX_BYTES = 1024 * 1024;

export function decodeScenario(bytes: Uint8Array, file: string): string {
  return withLfBreaks(decode(bytes, file));
}

/**
 * CRLF and lone CR line breaks as LF. YAML normalises line breaks in
 * content anyway, and lines and columns stay those of the file, but the
 * yaml package does not always report the same problems for CRLF as for LF
 * (`a\r\n-` lacks "Implicit keys need to be on a single line"): one file
 * would be described in two ways by its line ends.
 */
function withLfBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function decode(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_BYTES) {
    throw inputError([{ location: { file, line: 1, column: 1 }, message: `file too large: ${bytes.length} bytes, a scenario may have at most ${MAX_BYTES} (1 MiB)` }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw inputError([invalidUtf8(bytes, file)]);
  }
  const control = NOT_PRINTABLE.exec(text);
  if (control) throw inputError([controlCharacter(text, control.index, file)]);
  return text;
}

/**
 * Characters YAML 1.2 does not allow in a stream (c-printable): C0 controls
 * but tab, line feed and carriage return; DEL; C1 controls but NEL; U+FFFE
 * and U+FFFF. A NUL would otherwise be printed back into the reports.
 */
const NOT_PRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const { line, col } = new Lines(text).linePos(index);
  return { line, column: col };
}

function controlCharacter(text: string, index: number, file: string): Issue {
  const code = (text.codePointAt(index) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  // UTF-16 text without a byte order mark decodes as UTF-8 with a NUL before or after every ASCII letter
  const utf16 = code === '0000' && (text.match(/\u0000/g)?.length ?? 0) * 3 >= text.length;
  const why = utf16 ? ': this looks like UTF-16 text; save the scenario as UTF-8' : ': YAML allows only tabs, line breaks and printable characters';
  return { location: { file, ...lineAndColumn(text, index) }, message: `control character U+${code} is not allowed${why}` };
}

/** Position of the first byte that is not valid UTF-8. */
function invalidUtf8(bytes: Uint8Array, file: string): Issue {
  const at = firstInvalidByte(bytes);
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
  const { line, column } = lineAndColumn(prefix, prefix.length);
  const byte = (bytes[at] ?? 0).toString(16).padStart(2, '0');
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return {
    location: { file, line, column },
    message: utf16
      ? 'this is UTF-16 text (it starts with a UTF-16 byte order mark): save the scenario as UTF-8'
      : `invalid UTF-8 at byte ${at} (0x${byte}): scenarios must be UTF-8 text`,
  };
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (RFC 3629), or the length. */
export function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    const extra = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (extra === 0 || i + extra >= b.length) return i;
    const c1 = b[i + 1] as number;
    // overlong forms, surrogates and code points above U+10FFFF
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    for (let k = 1; k <= extra; k++) if (((b[i + k] as number) & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return b.length;
}
