/**
 * Line and column of an offset in the scenario text, from a table of line
 * starts built once from the text itself. The yaml package's LineCounter is
 * fed by its lexer, which misses line breaks after some syntax errors and
 * then puts later problems on the wrong line (found by the fuzz test).
 * A line ends at \n, \r\n or a lone \r; columns count UTF-16 units from 1.
 */
export class Lines {
  private readonly starts: number[] = [0];
  /** Offset of each line's break (its \r in a \r\n), or the text's length for the last line. */
  private readonly ends: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.ends.push(i > 0 && c === 10 && text.charCodeAt(i - 1) === 13 ? i - 1 : i);
        this.starts.push(i + 1);
      }
    }
    this.ends.push(text.length);
  }

  linePos(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    // an offset on the \n of a \r\n is the end of the line, as it is with \n alone
    const at = Math.min(offset, this.ends[lo] as number);
    return { line: lo + 1, col: at - (this.starts[lo] as number) + 1 };
  }
}
