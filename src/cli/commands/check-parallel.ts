/**
 * `check` over many files on every core: worker threads each take every
 * n-th file, the main thread takes its own share, and the results are
 * printed in the order of the command line, so the output is byte for byte
 * what one thread prints. Only from the bundle (a worker cannot load the
 * TypeScript source), only for files (standard input belongs to the main
 * thread), and only with at least PARALLEL_FROM files per thread: a worker
 * costs about as much to start as checking a few dozen files.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { DealModelError, type ErrorKind, type Issue } from '../../errors.js';
import type { Context } from '../context.js';
import { checkFile, type CheckOptions, type FileResult } from './check-file.js';

export const PARALLEL_FROM = 100;
const MAX_JOBS = 8;

/**
 * One thread fewer than the cores: V8's compiler and collector run on
 * threads of their own, and on two cores a second checking thread only
 * competes with them (measured: the same wall time, 44% more CPU).
 */
export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, MAX_JOBS));
}

const BUNDLE = import.meta.url.endsWith('.cjs') ? fileURLToPath(import.meta.url) : undefined;

interface Task {
  readonly index: number;
  readonly file: string;
  readonly snapshot: string | undefined;
}

type Message =
  | { readonly index: number; readonly result: FileResult }
  | { readonly index: number; readonly failure: { readonly kind: ErrorKind; readonly message: string; readonly issues: readonly Issue[] } }
  | { readonly index: number; readonly bug: string };

const NO_IO: Context = {
  env: {},
  stdin: (async function* () {})(),
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdoutIsTTY: false,
  stderrIsTTY: false,
};

export interface Shared {
  /** The result of file `index`: checked here, or awaited from its worker. */
  result(index: number): Promise<FileResult>;
  /** Stop the workers (when done, or when an error ends the command early). */
  close(): void;
}

/**
 * Start `jobs − 1` workers, or return undefined when the files cannot be
 * shared out (then the caller checks them one by one).
 */
export function checkInParallel(
  files: readonly string[],
  snapshots: ReadonlyMap<string, string> | undefined,
  options: CheckOptions,
  jobs: number,
): Shared | undefined {
  if (BUNDLE === undefined || jobs < 2 || files.includes('-')) return undefined;
  const settled = new Map<number, Message>();
  const waiting = new Map<number, (m: Message) => void>();
  const workers: Worker[] = [];
  const deliver = (m: Message): void => {
    const resolve = waiting.get(m.index);
    if (resolve) {
      waiting.delete(m.index);
      resolve(m);
    } else {
      settled.set(m.index, m);
    }
  };
  for (let w = 1; w < jobs; w++) {
    const tasks: Task[] = [];
    for (let index = w; index < files.length; index += jobs) tasks.push({ index, file: files[index]!, snapshot: snapshots?.get(files[index]!) });
    const worker = new Worker(`require(${JSON.stringify(BUNDLE)}).checkWorker()`, { eval: true, workerData: { tasks, options } });
    worker.on('message', deliver);
    worker.on('error', (error) => {
      for (const t of tasks) if (!settled.has(t.index)) deliver({ index: t.index, bug: `check worker: ${error.message}` });
    });
    workers.push(worker);
  }
  return {
    async result(index) {
      if (index % jobs === 0) return checkFile(files[index]!, snapshots?.get(files[index]!), options, NO_IO);
      const m = settled.get(index) ?? (await new Promise<Message>((resolve) => waiting.set(index, resolve)));
      settled.delete(index);
      if ('result' in m) return m.result;
      if ('failure' in m) throw new DealModelError(m.failure.kind, m.failure.message, m.failure.issues);
      throw new Error(m.bug);
    },
    close() {
      for (const worker of workers) void worker.terminate();
    },
  };
}

/** A worker's side: check its share of the files and post each result as it is ready. */
export async function workerMain(): Promise<void> {
  const { tasks, options } = workerData as { tasks: Task[]; options: CheckOptions };
  for (const { index, file, snapshot } of tasks) {
    try {
      parentPort!.postMessage({ index, result: await checkFile(file, snapshot, options, NO_IO) } satisfies Message);
    } catch (error) {
      parentPort!.postMessage(
        error instanceof DealModelError
          ? ({ index, failure: { kind: error.kind, message: error.message, issues: error.issues } } satisfies Message)
          : ({ index, bug: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies Message),
      );
    }
  }
}
