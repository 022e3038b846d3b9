/**
 * The only module that reads and writes files. Scenario input is capped at
 * 1 MiB before parsing (files and standard input alike); output to a file is
 * atomic: a temporary file in the target's folder, fsync, rename, so an
 * interrupted run leaves the old file or the whole new one.
 */
import { closeSync, fstatSync, openSync, readSync, unlinkSync } from 'node:fs';
import { link, lstat, open, realpath, rename, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DealModelError, ioError, inputError } from '../errors.js';
import { MAX_BYTES } from '../scenario/load.js';
import type { Context } from './context.js';

export const STDIN_NAME = '<stdin>';

export interface Source {
  readonly file: string;
  readonly bytes: Uint8Array;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many symbolic links',
};

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}

function tooLarge(file: string, size: number): Error {
  return inputError([{ location: { file, line: 1, column: 1 }, message: `file too large: ${size} bytes, a scenario may have at most ${MAX_BYTES} (1 MiB)` }]);
}

export async function readScenario(arg: string, ctx: Context): Promise<Source> {
  return arg === '-' ? { file: STDIN_NAME, bytes: await readStdin(ctx) } : { file: arg, bytes: readFileCapped(arg) };
}

/**
 * Synchronous on purpose: a CLI reading one scenario, or a thousand in
 * `check`, gains nothing from the thread pool and pays a round trip per call.
 * A regular file is read into a buffer of its size; a FIFO or device, which
 * has no size to check first, in chunks up to one byte past the cap.
 */
function readFileCapped(file: string): Uint8Array {
  const read = readBase(file);
  if (read instanceof Uint8Array) return read;
  throw ioError(`${file}: cannot read the scenario: ${read.unreadable}`);
}

/**
 * A file of a variant chain (SPEC §8), for the loader: its bytes, or why it
 * cannot be read (the loader reports that at the `extends` that names it).
 * A file over 1 MiB is an input error of that file.
 */
export function readBase(file: string): Uint8Array | { readonly unreadable: string } {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > MAX_BYTES) throw tooLarge(file, stat.size);
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(stat.isFile() ? Math.max(stat.size - length, 0) + 1 : 65536);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
      if (length > MAX_BYTES) throw tooLarge(file, length);
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
  } catch (error) {
    if (error instanceof DealModelError) throw error;
    return { unreadable: reason(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function readStdin(ctx: Context): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of ctx.stdin) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      chunks.push(buf);
      length += buf.length;
      if (length > MAX_BYTES) throw tooLarge(STDIN_NAME, length);
    }
  } catch (error) {
    if (error instanceof DealModelError) throw error;
    throw ioError(`${STDIN_NAME}: cannot read the scenario: ${reason(error)}`);
  }
  return Buffer.concat(chunks, length);
}

/** Write the output to standard output, or atomically to `target`. */
export async function writeOutput(text: string, target: string | undefined, ctx: Context): Promise<void> {
  if (target === undefined || target === '-') {
    ctx.stdout.write(text);
    return;
  }
  await writeAtomically(target, text);
}

/**
 * What is at `target` now: nothing or a regular file (write atomically
 * there), a symbolic link (write atomically at the file it points to, so the
 * link stays), or a device, FIFO or socket (write into it: renaming a file
 * over /dev/null would replace the device for the whole machine).
 */
async function destination(target: string): Promise<{ kind: 'file' | 'special'; path: string }> {
  let info;
  try {
    info = await lstat(target);
  } catch {
    return { kind: 'file', path: target }; // does not exist (or cannot be seen): the write will say why
  }
  if (info.isSymbolicLink()) {
    const real = await realpath(target).catch(() => undefined);
    return real === undefined ? { kind: 'file', path: target } : destination(real);
  }
  if (info.isDirectory()) throw ioError(`${target}: cannot write the output: is a directory, not a file`);
  return info.isFile() ? { kind: 'file', path: target } : { kind: 'special', path: target };
}

/**
 * Write `text` (or bytes) to `target` through a synced temporary file in the same
 * folder. With `overwrite: false` the file is linked into place, which
 * fails if `target` exists (even one created a moment ago), and nothing is
 * written.
 */
export async function writeAtomically(given: string, text: string | Uint8Array, options: { overwrite?: boolean } = {}): Promise<void> {
  const { kind, path: target } = await destination(given);
  if (kind === 'special') {
    if (options.overwrite === false) throw ioError(`${given}: already exists: not overwritten (use --force to replace it)`);
    try {
      await writeFile(target, text, 'utf8');
      return;
    } catch (error) {
      throw ioError(`${given}: cannot write the output: ${reason(error)}`);
    }
  }
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const removeOnSignal = cleanupOnSignal(temp);
  let handle: FileHandle | undefined;
  try {
    try {
      handle = await open(temp, 'wx', 0o644);
    } catch (error) {
      throw ioError(`${given}: cannot write the output: ${await whyNoTemporaryFile(folder, error)}`);
    }
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (options.overwrite === false) {
      await link(temp, target);
      await unlink(temp);
    } else {
      await rename(temp, target);
    }
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    if (error instanceof DealModelError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && options.overwrite === false) {
      throw ioError(`${given}: already exists: not overwritten (use --force to replace it)`);
    }
    throw ioError(`${given}: cannot write the output: ${reason(error)}`);
  } finally {
    removeOnSignal();
  }
}

/** Why no file can be created in `folder`: it is missing, or it exists and refuses (as /proc does with ENOENT). */
async function whyNoTemporaryFile(folder: string, error: unknown): Promise<string> {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    const info = await lstat(folder).catch(() => undefined);
    if (!info) return `the folder ${folder} does not exist`;
    if (info.isDirectory()) return `the folder ${folder} does not accept new files`;
  }
  return `cannot create a temporary file in ${folder}: ${reason(error)}`;
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * While a temporary file exists, Ctrl-C (or a TERM or HUP) removes it
 * before the process ends with the usual 128 + signal code, so an
 * interrupted run leaves neither a truncated target nor a stray temporary
 * file. (SIGKILL cannot be caught: then the target is still the old file or
 * the whole new one, and only the temporary file may remain.)
 * Returns the function that takes the handlers away again.
 */
function cleanupOnSignal(temp: string): () => void {
  const handlers = Object.entries(SIGNALS).map(([signal, number]) => {
    const handler = (): void => {
      try {
        unlinkSync(temp);
      } catch {
        // not created yet, or already renamed into place
      }
      process.exit(128 + number);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}
