/**
 * The market simulation (SPEC §11) on worker threads: blocks of paths are
 * dealt out (block b to thread b mod jobs), each thread counts its paths per
 * outcome, and the counts are added. Every block has its own generator, so
 * the sum, and every byte printed from it, is the same whatever the number
 * of threads. Only from the bundle, like check's workers.
 */
import { fileURLToPath } from 'node:url';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { allBlocks, countBlocks, type MarketPlan } from '../../model/market.js';

const BUNDLE = import.meta.url.endsWith('.cjs') ? fileURLToPath(import.meta.url) : undefined;

/** Whether `jobs` threads can be used here (the bundle, and more than one). */
export const canShare = (jobs: number): boolean => BUNDLE !== undefined && jobs > 1;

const share = (blocks: readonly number[], jobs: number, w: number): number[] => blocks.filter((b) => b % jobs === w);

/** Counts per outcome over every block, on `jobs` threads (the caller's included). */
export async function countInParallel(plan: MarketPlan, jobs: number): Promise<Float64Array> {
  const blocks = allBlocks(plan.paths);
  const threads = Math.min(jobs, blocks.length);
  const parts: Promise<Float64Array>[] = [];
  for (let w = 1; w < threads; w++) {
    const worker = new Worker(`require(${JSON.stringify(BUNDLE)}).marketWorker()`, { eval: true, workerData: { plan, blocks: share(blocks, threads, w) } });
    parts.push(
      new Promise<Float64Array>((resolve, reject) => {
        worker.once('message', (counts: Float64Array) => {
          resolve(counts);
          void worker.terminate();
        });
        worker.once('error', reject);
      }),
    );
  }
  const total = countBlocks(plan, share(blocks, threads, 0));
  for (const counts of await Promise.all(parts)) counts.forEach((c, i) => (total[i]! += c));
  return total;
}

/** A worker's side: count its blocks and post the counts. */
export function workerMain(): void {
  const { plan, blocks } = workerData as { plan: MarketPlan; blocks: number[] };
  parentPort!.postMessage(countBlocks(plan, blocks));
}
