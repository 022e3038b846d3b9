/**
 * The market price path and the exits it triggers (SPEC §11), in plain
 * doubles: prices are not money. One path is shared by every contract that
 * watches it (a portfolio's common market); each contract compares it, on
 * its own candidate dates, with its own thresholds.
 *
 * P(t) = price × exp(ln(1 + drift)·t − σ²·t/2 + σ·W(t)), W a standard
 * Brownian motion sampled at the union of the contracts' dates.
 */
import { BLOCK_PATHS, blockGenerator } from './prng.js';

/** The shared market: the sampling times (years from the time origin, ascending) and the price dynamics. */
export interface MarketPath {
  readonly times: Float64Array;
  readonly drift: number;
  readonly volatility: number;
}

/**
 * One contract watching the market. On its m-th candidate date (the shared
 * time `at[m]`), with P its price (`price` × the path's factor there), the
 * customer gives notice when P < below[m], else the provider when
 * P > above[m]; −Infinity and +Infinity mean never.
 */
export interface Watch {
  readonly at: Int32Array;
  readonly price: number;
  readonly below: Float64Array;
  readonly above: Float64Array;
}

/** Per watch, what a path chose: m for the customer on date m, M + m for the provider, 2M for no notice. */
export type Choices = Int32Array;

/** How many blocks `paths` paths make. */
export const blockCount = (paths: number): number => Math.ceil(paths / BLOCK_PATHS);

/**
 * Simulate the paths of block `block` (of `paths` in all), calling `onPath`
 * with each path's choices (the array is reused: copy what you keep).
 */
export function simulateBlock(
  market: MarketPath,
  watches: readonly Watch[],
  seed: number,
  paths: number,
  block: number,
  onPath: (choices: Choices) => void,
): void {
  const first = block * BLOCK_PATHS;
  const count = Math.min(BLOCK_PATHS, paths - first);
  const rng = blockGenerator(seed, block);
  const { times, volatility: sigma } = market;
  const k = times.length;
  // the deterministic part of the log factor, and the standard deviations of W's increments
  const mu = Math.log(1 + market.drift);
  const trend = new Float64Array(k);
  const step = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    trend[i] = mu * times[i]! - (sigma * sigma * times[i]!) / 2;
    step[i] = Math.sqrt(Math.max(0, times[i]! - (i === 0 ? 0 : times[i - 1]!)));
  }
  // which watches look at each time, and where they are in their own dates
  const watching: number[][] = Array.from({ length: k }, () => []);
  watches.forEach((w, index) => w.at.forEach((t) => watching[t]!.push(index)));
  const next = new Int32Array(watches.length);
  const choices = new Int32Array(watches.length);
  const sizes = watches.map((w) => w.at.length);
  for (let p = 0; p < count; p++) {
    let open = 0;
    for (let c = 0; c < watches.length; c++) {
      next[c] = 0;
      choices[c] = 2 * sizes[c]!;
      if (sizes[c]! > 0) open++;
    }
    let w = 0;
    for (let i = 0; i < k && open > 0; i++) {
      w += step[i]! * rng.nextNormal();
      const factor = Math.exp(trend[i]! + sigma * w);
      for (const c of watching[i]!) {
        const m = next[c]!;
        if (m < 0) continue; // already decided
        const watch = watches[c]!;
        const price = watch.price * factor;
        if (price < watch.below[m]!) choices[c] = m;
        else if (price > watch.above[m]!) choices[c] = sizes[c]! + m;
        else {
          if (m + 1 === sizes[c]) open--;
          next[c] = m + 1 === sizes[c] ? -1 : m + 1;
          continue;
        }
        next[c] = -1;
        open--;
      }
    }
    onPath(choices);
  }
}
