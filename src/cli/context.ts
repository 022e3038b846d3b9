/** What a command may touch of the outside world, passed in so tests can run commands in-process. */
export interface Output {
  write(text: string): unknown;
}

export interface Context {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: AsyncIterable<Uint8Array | string>;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** The terminal's width when standard output is one (tables fit it, SPEC §7). */
  readonly stdoutColumns?: number;
}
