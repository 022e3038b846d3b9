/**
 * Placing the label of the notice point in panel 2 where nothing else is,
 * on an approximate pixel grid of the plot (the final plot size differs by a
 * few pixels at most).
 */
import type { OutcomeDatum, RuleDatum } from './data.js';
import { FONT, PLOT_HEIGHT, PLOT_WIDTH } from './style.js';
import { vegaTime, type Domain } from './time.js';

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A label's width in pixels as Vega estimates it (0.8 em a character), which bounds the real one. */
export function estimatedWidth(text: string): number {
  return 0.8 * FONT * text.length;
}

/** The upper end of a zero-based linear domain after Vega's `nice` (d3's tick step for about 10 ticks). */
function niceTop(max: number): number {
  if (!(max > 0)) return 1;
  const step = max / 10;
  const power = 10 ** Math.floor(Math.log10(step));
  const error = step / power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  const tick = factor * power;
  return Math.ceil(max / tick) * tick;
}

function niceBottom(min: number): number {
  return min >= 0 ? 0 : -niceTop(-min);
}

/** Whether the segment from a to b passes through the box. */
function crosses(a: readonly [number, number], b: readonly [number, number], box: Box): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 2));
  for (let i = 0; i <= steps; i += 1) {
    const x = a[0] + ((b[0] - a[0]) * i) / steps;
    const y = a[1] + ((b[1] - a[1]) * i) / steps;
    if (x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1) return true;
  }
  return false;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Where the label of the notice point goes: right or left of the point,
 * below or above it, the first of the four that stays inside the plot and
 * clear of the outcome line, the rules and their labels (or else the one
 * inside the plot that hits the fewest of them).
 */
export function noticeLabelPlace(
  point: { at: number; total: number; label: string },
  outcomes: readonly OutcomeDatum[],
  rules: readonly RuleDatum[],
  domain: Domain,
): { right: boolean; below: boolean } {
  const values = [point.total, ...outcomes.map((o) => o.total), ...rules.map((r) => r.value), 0];
  const top = niceTop(Math.max(...values));
  const bottom = niceBottom(Math.min(...values));
  const from = vegaTime(domain.from);
  const span = vegaTime(domain.to) - from;
  const px = (t: number): number => ((t - from) / span) * PLOT_WIDTH;
  const py = (v: number): number => PLOT_HEIGHT - ((v - bottom) / (top - bottom || 1)) * PLOT_HEIGHT;
  const x = px(point.at);
  const y = py(point.total);
  const w = estimatedWidth(point.label);
  const h = FONT + 2;
  const line = outcomes.map((o) => [px(o.notice), py(o.total)] as const);
  const ruleBoxes = rules.map((r): Box => {
    const rw = estimatedWidth(r.label);
    const ry = py(r.value);
    const [y0, y1] = r.above ? [ry - 3 - h, ry - 3] : [ry + 3, ry + 3 + h];
    return r.side === 'left' ? { x0: 4, y0, x1: 4 + rw * 0.75, y1 } : { x0: PLOT_WIDTH - 4 - rw * 0.75, y0, x1: PLOT_WIDTH - 4, y1 };
  });
  const candidates = [
    { right: true, below: true },
    { right: false, below: false },
    { right: true, below: false },
    { right: false, below: true },
  ];
  let best = candidates[0] as { right: boolean; below: boolean };
  let fewest = Infinity;
  for (const c of candidates) {
    const x0 = c.right ? x + 9 : x - 9 - w;
    const y0 = c.below ? y + 7 : y - 7 - h;
    // Real glyphs are about three quarters of Vega's estimate: the line and the labels are tested against that.
    const box: Box = { x0: c.right ? x0 : x0 + w * 0.25, y0, x1: c.right ? x0 + w * 0.75 : x0 + w, y1: y0 + h };
    let hits = 0;
    // Outside the plot is worst: the label would widen the chart's bounds and squeeze the plots.
    if (x0 < 0 || x0 + w > PLOT_WIDTH || y0 < 0 || y0 + h > PLOT_HEIGHT) hits += 100;
    for (let i = 1; i < line.length; i += 1) if (crosses(line[i - 1] as [number, number], line[i] as [number, number], box)) hits += 1;
    for (const r of rules) if (py(r.value) >= box.y0 && py(r.value) <= box.y1) hits += 1;
    for (const rb of ruleBoxes) if (overlaps(rb, box)) hits += 1;
    if (hits === 0) return c;
    if (hits < fewest) {
      fewest = hits;
      best = c;
    }
  }
  return best;
}
