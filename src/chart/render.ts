/**
 * The chart as SVG text. vega and vega-lite are ESM-only and large, so they
 * are imported here on first use, never at start-up (src/packages.ts: the
 * bundle keeps them external and imports them through the bin).
 */
import type { TopLevelSpec } from 'vega-lite';
import { importPackage } from '../packages.js';
import type { ProjectJson, TerminateJson } from './json.js';
import { chartSpec } from './spec.js';
import type { TotalShare } from './market-panel.js';

export type { ProjectJson, TerminateJson } from './json.js';

/** SVG text of the chart: one panel, or two when `terminate` is given (someone may terminate). */
export async function chartSvg(project: ProjectJson, terminate: TerminateJson | null, totals?: readonly TotalShare[]): Promise<string> {
  return renderSpec(chartSpec(project, terminate, totals));
}

export interface RenderOptions {
  /** Collects the warnings of vega-lite and vega (errors throw); by default they are dropped. */
  readonly warnings?: string[];
}

interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Compile a Vega-Lite spec and render it headless to SVG: renderer 'none',
 * text measured by Vega's built-in estimate (never by a canvas package that
 * happens to be installed, whose fonts differ between machines), and a
 * loader that refuses every URL, since all data is inline. Vega reports
 * dataflow errors to its logger instead of rejecting; they are collected and
 * thrown, so a broken chart is an error, never an empty SVG. Warnings go to
 * `options.warnings` when given (the tests require none), else nowhere.
 * Turning off canvas text measurement is a setting of the vega module, for
 * the whole process: nothing else in deal-model uses vega.
 *
 * With `usermeta.size` ({ width, height } of the whole SVG, padding
 * included), the spec is rendered at its own plot sizes, then the plots are
 * resized by the difference (every panel of a vertical concatenation gets
 * the same width change and a share of the height change) and rendered
 * again, until the SVG has exactly that size: in practice the second pass.
 */
export async function renderSpec(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  const [vega, vl] = await Promise.all([importPackage<Vega>('vega'), importPackage<VegaLite>('vega-lite')]);
  // Not in vega's type declarations, but exported: measure text by estimate, never with node-canvas.
  (vega as unknown as { textMetrics: { canvas(use: boolean): void } }).textMetrics.canvas(false);
  return labelled(await fitted(vega, vl, spec, options.warnings), spec);
}

async function fitted(vega: Vega, vl: VegaLite, spec: TopLevelSpec, warnings: string[] | undefined): Promise<string> {
  const target = fixedSize(spec);
  if (!target) return renderOnce(vega, vl, spec, warnings);
  let current = spec;
  let svg = '';
  for (let pass = 0; pass < 4; pass += 1) {
    svg = await renderOnce(vega, vl, current, warnings);
    const size = svgSize(svg);
    const dw = target.width - size.width;
    const dh = target.height - size.height;
    if (dw === 0 && dh === 0) return svg;
    current = resized(current, dw, dh);
  }
  return withSize(svg, target);
}

/** The SVG with a <title> (`usermeta.title`) and a <desc> (the spec's `description`) first in its root, for screen readers and tooltips. */
function labelled(svg: string, spec: TopLevelSpec): string {
  const title = (spec.usermeta as { title?: unknown } | undefined)?.title;
  const parts = [
    typeof title === 'string' ? `<title>${xmlText(title)}</title>` : '',
    typeof spec.description === 'string' ? `<desc>${xmlText(spec.description)}</desc>` : '',
  ].join('');
  const open = /^<svg\b[^>]*>/.exec(svg);
  return open && parts ? open[0] + parts + svg.slice(open[0].length) : svg;
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
type Logger = ReturnType<Vega['logger']>;

async function renderOnce(vega: Vega, vl: VegaLite, spec: TopLevelSpec, warnings: string[] | undefined): Promise<string> {
  const problems: string[] = [];
  const logger = collectingLogger(vega, problems, warnings ?? []);
  const compiled = vl.compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: refusingLoader(vega), logger, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    if (problems.length > 0) throw new Error(`chart: ${problems.join('; ')}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/** `usermeta.size` of the spec: the SVG's exact width and height, padding included. */
function fixedSize(spec: TopLevelSpec): Size | undefined {
  const size = (spec.usermeta as { size?: Size } | undefined)?.size;
  return size && Number.isInteger(size.width) && Number.isInteger(size.height) && size.width > 0 && size.height > 0 ? size : undefined;
}

/** The width and height attributes of the root <svg> element. */
function svgSize(svg: string): Size {
  const m = /^<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  if (!m) throw new Error('chart: the rendered SVG has no size');
  return { width: Number(m[1]), height: Number(m[2]) };
}

/**
 * The SVG with its size set to `size` (the background too): the last resort
 * when resizing the plots did not converge, which would cut a few pixels of
 * the chart's edge or leave a margin, never change the declared size.
 */
function withSize(svg: string, size: Size): string {
  const open = /^<svg\b[^>]*>(<rect\b[^>]*>)?/.exec(svg);
  if (!open) throw new Error('chart: the rendered SVG has no root element');
  const head = open[0]
    .replace(/\swidth="[^"]*"/g, () => ` width="${size.width}"`)
    .replace(/\sheight="[^"]*"/g, () => ` height="${size.height}"`)
    .replace(/\sviewBox="[^"]*"/, () => ` viewBox="0 0 ${size.width} ${size.height}"`);
  return head + svg.slice(open[0].length);
}

/** A copy of the spec with every panel dw wider and the height change dh shared between the panels. */
function resized(spec: TopLevelSpec, dw: number, dh: number): TopLevelSpec {
  const copy = structuredClone(spec) as TopLevelSpec & { vconcat?: { width?: unknown; height?: unknown }[]; width?: unknown; height?: unknown };
  const panels: { width?: unknown; height?: unknown }[] = copy.vconcat ?? [copy];
  const share = Math.trunc(dh / panels.length);
  panels.forEach((panel, i) => {
    if (typeof panel.width === 'number') panel.width = Math.max(1, panel.width + dw);
    if (typeof panel.height === 'number') panel.height = Math.max(1, panel.height + share + (i === 0 ? dh - share * panels.length : 0));
  });
  return copy;
}

/** Errors and warnings from vega-lite's compiler and vega's dataflow, kept instead of printed. */
function collectingLogger(vega: Vega, errors: string[], warnings: string[]): Logger {
  const logger = vega.logger(vega.Warn);
  const text = (args: readonly unknown[]): string => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  logger.error = (...args: readonly unknown[]) => {
    errors.push(text(args));
    return logger;
  };
  logger.warn = (...args: readonly unknown[]) => {
    warnings.push(text(args));
    return logger;
  };
  logger.info = () => logger;
  logger.debug = () => logger;
  return logger;
}

function refusingLoader(vega: Vega): ReturnType<Vega['loader']> {
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    throw new Error(`chart: no external resources are loaded (${uri})`);
  };
  return loader;
}
