/**
 * The chart (`deal-model chart`): the Vega-Lite spec carries the JSON figures
 * exactly, the SVG has the declared size and one bar per period, the rules
 * and the lines sit where the figures put them, the output does not depend
 * on TZ or locale, vega stays a lazy import() in a CommonJS bundle, and
 * rsvg-convert turns the SVG into a PNG of the right size that is not blank.
 *
 * The inputs are built in-process the way the CLI builds them: projectJson
 * and the monthly terminateJson (null when nobody may terminate).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSpec, chartSvg } from '../../src/chart/render.js';
import { periodData } from '../../src/chart/data.js';
import { shortAmount } from '../../src/chart/format.js';
import type { ProjectJson, TerminateJson } from '../../src/chart/json.js';
import { chartSpec } from '../../src/chart/spec.js';
import { CHART_WIDTH, COLOURS, MARK, chartHeight } from '../../src/chart/style.js';
import { parseIsoDate } from '../../src/model/calendar.js';
import { money } from '../../src/model/money.js';
import { defaultParty } from '../../src/model/notice.js';
import { outcomeOf, terminatedProjection, terminationModel } from '../../src/model/termination.js';
import { monthlyAnalysis } from '../../src/model/analysis.js';
import { projectJson } from '../../src/report/project.js';
import { terminateJson } from '../../src/report/terminate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { readBase } from '../../src/cli/io.js';
import { colourShare, decodePng, pixelStats, pngSize } from './png.js';
import { plotted } from './plotted.js';
import { hasTool } from '../support/tools.js';
import { run } from '../cli/run.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

// ---------------------------------------------------------------------------
// Inputs, as the CLI builds them.

interface Inputs {
  readonly project: ProjectJson;
  readonly terminate: TerminateJson | null;
  /** Paths per contract total, with a market (the histogram's data, as the chart command passes it). */
  readonly totals?: readonly { total: string; paths: number }[];
}

function inputs(file: string, notice?: string): Inputs {
  const scenario = loadScenario(readFileSync(join(ROOT, 'scenarios', file)), `scenarios/${file}`, { readFile: (f) => readBase(join(ROOT, f)) });
  const model = terminationModel(scenario);
  const analysis = monthlyAnalysis(scenario, model);
  let project: ProjectJson;
  if (notice === undefined) {
    project = projectJson(scenario, model.projection);
  } else {
    const parsed = parseIsoDate(notice);
    const by = defaultParty(scenario);
    if (!parsed.ok || !by) throw new Error(`bad notice in test: ${notice}`);
    const n = { date: parsed.day, by };
    project = projectJson(scenario, terminatedProjection(model, n), outcomeOf(model, n));
  }
  // The JSON objects the CLI prints, read through the chart's interfaces.
  const totals = analysis?.market?.totals.map((t) => ({ total: money(t.total), paths: t.paths }));
  return { project, terminate: analysis ? terminateJson(scenario, analysis) : null, ...(totals ? { totals } : {}) };
}

/** Render with the warnings of vega-lite and vega collected: a chart must compile and run without any. */
async function render(i: Inputs): Promise<string> {
  const warnings: string[] = [];
  const svg = await renderSpec(chartSpec(i.project, i.terminate, i.totals), { warnings });
  expect(warnings).toEqual([]);
  return svg;
}

/** An exact decimal money string as integer cents. */
function cents(money: string): bigint {
  expect(money).toMatch(/^-?\d+\.\d\d$/);
  return BigInt(money.replace('.', ''));
}

// ---------------------------------------------------------------------------
// A strict little XML reader: enough to prove the SVG is well-formed and to walk it.

interface Element {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: Element[];
  text: string;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\/([A-Za-z_][\w.:-]*)\s*>|<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/y;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

function parseXml(xml: string): Element {
  const root: Element = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: Element[] = [root];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (!m) throw new Error(`not well-formed XML at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
    const top = stack[stack.length - 1] as Element;
    if (m[1] !== undefined) {
      if (top.name !== m[1]) throw new Error(`</${m[1]}> closes <${top.name}> at offset ${at}`);
      stack.pop();
    } else if (m[2] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? '').matchAll(ATTR)) {
        const name = a[1] as string;
        const value = a[2] ?? a[3] ?? '';
        if (name in attrs) throw new Error(`duplicate attribute ${name} at offset ${at}`);
        if (ENTITY.test(value)) throw new Error(`bad entity in attribute ${name} at offset ${at}`);
        attrs[name] = value;
      }
      const el: Element = { name: m[2], attrs, children: [], text: '' };
      if (top === root && root.children.length > 0) throw new Error('more than one root element');
      top.children.push(el);
      if (m[4] !== '/') stack.push(el);
    } else if (m[5] !== undefined) {
      if (top === root && m[5].trim() !== '') throw new Error('text outside the root element');
      if (ENTITY.test(m[5])) throw new Error(`bad entity in text at offset ${at}`);
      top.text += m[5];
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${(stack[stack.length - 1] as Element).name}>`);
  const [svg] = root.children;
  if (!svg) throw new Error('no root element');
  return svg;
}

function* walk(el: Element): Generator<Element> {
  yield el;
  for (const child of el.children) yield* walk(child);
}

function classes(el: Element): string[] {
  return (el.attrs['class'] ?? '').split(/\s+/);
}

/** The <g> of a named Vega-Lite layer's marks. */
function markGroup(svg: Element, name: string): Element | undefined {
  return [...walk(svg)].find((el) => el.name === 'g' && classes(el).includes(`${name}_marks`));
}

/** Every line of text drawn: each <text>, or each <tspan> line of a multi-line one. */
function allText(svg: Element): string[] {
  return [...walk(svg)].filter((el) => (el.name === 'text' || el.name === 'tspan') && el.text.trim() !== '').map((el) => el.text);
}

/** The plot height of panel `i` (0-based), from the background of its group. */
function plotHeight(svg: Element, i: number): number {
  const group = [...walk(svg)].find((el) => el.name === 'g' && classes(el).includes(`concat_${i}_group`));
  const background = group && [...walk(group)].find((el) => el.name === 'path' && classes(el).includes('background'));
  const m = /^M0,0h[\d.]+v([\d.]+)h/.exec(background?.attrs['d'] ?? '');
  if (!m) throw new Error(`no plot background in panel ${i}`);
  return Number(m[1]);
}

function panelCount(svg: Element): number {
  return [...walk(svg)].filter((el) => el.name === 'g' && classes(el).some((c) => /^concat_\d+_group$/.test(c))).length;
}

/** A rect mark's path "M x,y h w v h h -w Z" as numbers. */
function rectOf(path: Element): { x: number; y: number; w: number; h: number } {
  const m = /^M(-?[\d.e-]+),(-?[\d.e-]+)h(-?[\d.e-]+)v(-?[\d.e-]+)h/.exec(path.attrs['d'] ?? '');
  if (!m) throw new Error(`not a rect path: ${path.attrs['d']}`);
  return { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) };
}

/** The vertices of a line mark's path ("M x,y L x,y …"). */
function lineVertices(path: Element): [number, number][] {
  return [...(path.attrs['d'] ?? '').matchAll(/[ML](-?[\d.e-]+),(-?[\d.e-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The y of a rule drawn by Vega as <line transform="translate(x,y)" …>. */
function ruleY(line: Element): number {
  const m = /translate\((-?[\d.e-]+),(-?[\d.e-]+)\)/.exec(line.attrs['transform'] ?? '');
  if (!m) throw new Error('rule without a position');
  return Number(m[2]);
}

// ---------------------------------------------------------------------------

const SCENARIOS = ['colossus-1.yaml', 'gpu-cluster-anniversary.yaml', 'mid-month-calendar.yaml', 'leap-year-colocation.yaml'] as const;

describe('the spec carries the JSON figures exactly', () => {
  it.each(SCENARIOS)('%s', (file) => {
    const i = inputs(file);
    const data = plotted(chartSpec(i.project, i.terminate));

    // One bar per period, each the JSON fee: the same string, and the number that is exactly its cents.
    expect(data.periods).toHaveLength(i.project.periods.length);
    data.periods.forEach((d, k) => {
      const p = i.project.periods[k];
      expect(d.fee_text).toBe(p?.fee);
      expect(d.cumulative_text).toBe(p?.cumulative);
      expect(BigInt(Math.round(d.fee * 100))).toBe(cents(d.fee_text));
      expect(BigInt(Math.round(d.cumulative * 100))).toBe(cents(d.cumulative_text));
    });
    // The bars add up to the total fees to the cent, and the cumulative line ends on it.
    const sum = data.periods.reduce((s, d) => s + BigInt(Math.round(d.fee * 100)), 0n);
    expect(sum).toBe(cents(i.project.totals.fee));
    expect(data.periods.at(-1)?.cumulative_text).toBe(i.project.totals.fee);
    expect(data.periods.at(-1)?.cumulative).toBe(Number(i.project.totals.fee));

    if (!i.terminate) {
      expect(data.outcomes).toEqual([]);
      expect(data.rules).toEqual([]);
      return;
    }
    expect(data.outcomes.map((o) => [o.notice_date, o.total_text])).toEqual(i.terminate.outcomes.map((o) => [o.notice_date, o.total]));
    data.outcomes.forEach((o) => expect(BigInt(Math.round(o.total * 100))).toBe(cents(o.total_text)));
    const rule = (key: string) => data.rules.find((r) => r.key === key);
    expect(rule('committed')?.value_text).toBe(i.terminate.committed.total);
    expect(rule('committed')?.value).toBe(Number(i.terminate.committed.total));
    expect(rule('full_term')?.value_text).toBe(i.terminate.full_term.total);
    expect(rule('full_term')?.value).toBe(Number(i.terminate.full_term.total));
    expect(rule('expected')?.value_text).toBe(i.terminate.expected?.total);
    expect(data.rules).toHaveLength(i.terminate.expected ? 3 : 2);
  });

  it('dates are UTC midnights, whatever the time zone', () => {
    const [first] = periodData(inputs('colossus-1.yaml').project);
    expect(first?.start).toBe(Date.UTC(2026, 5, 1));
    expect(first?.end).toBe(Date.UTC(2026, 6, 1)); // the end of the last day, 2026-06-30
  });

  it('short amounts are locale-free', () => {
    expect([1.25e9, 625e6, 2419354838.71, 43.75e9, 12_500, 0, -1e6, 999.999].map(shortAmount)).toEqual([
      '1.25B',
      '625M',
      '2.42B',
      '43.75B',
      '12.5K',
      '0',
      '-1M',
      '1000',
    ]);
  });
});

describe('the SVG', () => {
  const rendered = new Map<string, { inputs: Inputs; svg: string }>();
  const CASES: Record<string, readonly [string, string?]> = {
    colossus: ['colossus-1.yaml'],
    gpu: ['gpu-cluster-anniversary.yaml'],
    mid: ['mid-month-calendar.yaml'],
    leap: ['leap-year-colocation.yaml'],
    market: ['colossus-1-market.yaml'],
    'colossus notice': ['colossus-1.yaml', '2027-03-15'],
    'colossus notice without effect': ['colossus-1.yaml', '2029-04-15'],
    'gpu late notice': ['gpu-cluster-anniversary.yaml', '2028-12-29'],
  };
  beforeAll(async () => {
    await Promise.all(
      Object.entries(CASES).map(async ([name, [file, notice]]) => {
        const i = inputs(file, notice);
        rendered.set(name, { inputs: i, svg: await render(i) });
      }),
    );
  });
  const get = (name: string): { inputs: Inputs; svg: string; doc: Element } => {
    const r = rendered.get(name);
    if (!r) throw new Error(`not rendered: ${name}`);
    return { ...r, doc: parseXml(r.svg) };
  };

  it.each(Object.keys(CASES))('%s: well-formed SVG of the declared size, with a title and a description', (name) => {
    const { inputs: i, svg, doc } = get(name);
    expect(doc.name).toBe('svg');
    expect(doc.attrs['xmlns']).toBe('http://www.w3.org/2000/svg');
    const height = chartHeight(i.terminate ? (i.terminate.market ? 4 : 2) : 1);
    expect([doc.attrs['width'], doc.attrs['height'], doc.attrs['viewBox']]).toEqual([String(CHART_WIDTH), String(height), `0 0 ${CHART_WIDTH} ${height}`]);
    expect(doc.children[0]?.name).toBe('title');
    expect(doc.children[0]?.text).toContain(i.project.scenario.name);
    expect(doc.children[1]?.name).toBe('desc');
    // Self-contained: no external fonts, images or links.
    expect(svg).not.toMatch(/href=|url\(|@import|@font-face/);
  });

  it.each(Object.keys(CASES))('%s: one bar per period, heights in proportion to the fees', (name) => {
    const { inputs: i, doc } = get(name);
    const bars = markGroup(doc, MARK.bars)?.children ?? [];
    expect(bars.filter((b) => b.name === 'path')).toHaveLength(i.project.periods.length);
    expect(bars.map((b) => b.attrs['aria-label'])).toEqual(periodData(i.project).map((p) => p.label));
    const fees = i.project.periods.map((p) => Number(p.fee));
    const heights = bars.map((b) => rectOf(b).h);
    const top = Math.max(...fees);
    const tallest = Math.max(...heights);
    fees.forEach((fee, k) => expect(Math.abs((heights[k] as number) - (tallest * fee) / top)).toBeLessThan(0.5));
    // Bars do not overlap and run left to right.
    const rects = bars.map(rectOf);
    rects.slice(1).forEach((r, k) => expect(r.x).toBeGreaterThanOrEqual((rects[k] as { x: number; w: number }).x + (rects[k] as { w: number }).w));
  });

  it.each(Object.keys(CASES))('%s: the cumulative line has a vertex per period, ending on the total', (name) => {
    const { inputs: i, doc } = get(name);
    const path = markGroup(doc, MARK.cumulative)?.children[0];
    if (!path) throw new Error('no cumulative line');
    const vertices = lineVertices(path);
    expect(vertices).toHaveLength(i.project.periods.length);
    // The right axis starts at 0: every vertex's height above the baseline is its cumulative
    // over the total, times the last vertex's height.
    const h = plotHeight(doc, 0);
    const total = Number(i.project.totals.fee);
    const last = h - (vertices.at(-1) as [number, number])[1];
    i.project.periods.forEach((p, k) => expect(Math.abs(h - (vertices[k] as [number, number])[1] - (last * Number(p.cumulative)) / total)).toBeLessThan(0.5));
  });

  it('a scenario that nobody may terminate has one panel, and no exposure marks', () => {
    const { inputs: i, doc } = get('leap');
    expect(i.terminate).toBeNull();
    expect(panelCount(doc)).toBe(1);
    expect(markGroup(doc, MARK.outcomes)).toBeUndefined();
    expect(markGroup(doc, MARK.rules)).toBeUndefined();
  });

  it.each(['colossus', 'gpu', 'mid'])('%s: the exposure panel has a point per notice date and rules at the committed and full-term values', (name) => {
    const { inputs: i, doc } = get(name);
    const t = i.terminate as TerminateJson;
    expect(panelCount(doc)).toBe(2);
    const line = markGroup(doc, MARK.outcomes)?.children[0];
    if (!line) throw new Error('no outcome line');
    expect(lineVertices(line)).toHaveLength(t.outcomes.length);

    const rules = markGroup(doc, MARK.rules)?.children ?? [];
    expect(rules).toHaveLength(t.expected ? 3 : 2);
    const byLabel = (prefix: string): Element => {
      const r = rules.find((el) => el.attrs['aria-label']?.startsWith(prefix));
      if (!r) throw new Error(`no ${prefix} rule`);
      return r;
    };
    const full = byLabel(`Full term ${shortAmount(Number(t.full_term.total))}`);
    const committed = byLabel(`Committed ${shortAmount(Number(t.committed.total))} (notice on ${t.committed.notice_date}`);
    // The committed rule lies on the first outcome (the notice on the earliest allowed date).
    expect(Math.abs(ruleY(committed) - (lineVertices(line)[0]?.[1] ?? NaN))).toBeLessThan(0.5);
    // With no negative outcome the y axis starts at 0: the rules' heights are in the ratio of their values.
    const h = plotHeight(doc, 1);
    const ratio = Number(t.committed.total) / Number(t.full_term.total);
    if (t.outcomes.every((o) => Number(o.total) >= 0)) expect(Math.abs(h - ruleY(committed) - (h - ruleY(full)) * ratio)).toBeLessThan(0.5);
    if (t.expected) {
      const expected = byLabel(`Expected ${shortAmount(Number(t.expected.total))}`);
      expect(Math.abs(h - ruleY(expected) - ((h - ruleY(full)) * Number(t.expected.total)) / Number(t.full_term.total))).toBeLessThan(0.5);
    }
    // The labels are written on the chart, not only in aria attributes.
    const texts = allText(doc);
    expect(texts).toContain(full.attrs['aria-label']);
    expect(texts).toContain(committed.attrs['aria-label']);
  });

  it('with a market: a third panel of first notices, a bar per date with any, each as tall as its share of paths', () => {
    const { inputs: i, doc } = get('market');
    const market = (i.terminate as TerminateJson).market;
    if (!market) throw new Error('no market in the terminate JSON');
    expect(panelCount(doc)).toBe(4);
    const bars = markGroup(doc, MARK.firstNotice)?.children ?? [];
    const noticed = market.first_notice.filter((f) => Number(f.customer) > 0 || Number(f.provider) > 0);
    expect(bars).toHaveLength(noticed.length);
    // the tallest customer bar is the most likely first notice (2026-07-01, 22.30% of paths)
    const label = (el: Element): string => el.attrs['aria-label'] ?? '';
    expect(bars.some((b) => label(b).includes('2026-07-01: first notice by the customer on 22.30% of paths'))).toBe(true);
    expect(allText(doc)).toEqual(expect.arrayContaining(['The market: when the first notice comes (share of simulated paths)', 'The market: distribution of the contract total (USD)']));
    // the histogram: its bins hold every path (the shares add up to 100%)
    const bins = markGroup(doc, MARK.distribution)?.children ?? [];
    expect(bins.length).toBeGreaterThan(5);
    const shares = bins.map((b) => Number(/Share of paths \(%\)[^:]*: ([\d.]+)/.exec(b.attrs['aria-label'] ?? '')?.[1] ?? NaN));
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.01 * bins.length);
  });

  it('colossus-1: the figures an analyst reads off the chart', () => {
    const texts = allText(get('colossus').doc);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Colossus 1 capacity lease: fees (USD)',
        'Total fees: 43.75B USD in 36 billing periods from 2026-06-01 to 2029-05-31.',
        'Full term 43.75B',
        'Committed 2.42B (notice on 2026-06-01, 5.53% of the full term)',
        '1.2B',
        '40B',
        '2027',
        'Oct',
      ]),
    );
  });

  it('with a notice: the terminated schedule, the notice period and a rule after the last service day', () => {
    const { inputs: i, doc } = get('colossus notice');
    expect(i.project.termination?.last_service_date).toBe('2027-06-12');
    expect(markGroup(doc, MARK.bars)?.children).toHaveLength(i.project.periods.length);
    expect(i.project.periods).toHaveLength(13);
    const rule = markGroup(doc, MARK.lastService)?.children ?? [];
    expect(rule.map((r) => r.attrs['aria-label'])).toEqual(['Last service day 2027-06-12']);
    expect(markGroup(doc, MARK.noticeBand)?.children).toHaveLength(1);
    // the band is drawn over the bars (SPEC §7): its layer comes after theirs in the SVG
    const order = [...walk(doc)].filter((el) => el.name === 'g').map((el) => classes(el).find((c) => c.endsWith('_marks')) ?? '');
    expect(order.indexOf(`${MARK.noticeBand}_marks`)).toBeGreaterThan(order.indexOf(`${MARK.bars}_marks`));
    expect(allText(doc)).toContain('Last service day 2027-06-12');
    // The rule stands at the end of the last service day: where the last (cut) bar ends, plus its gap.
    const bars = (markGroup(doc, MARK.bars)?.children ?? []).map(rectOf);
    const lastBar = bars.at(-1) as { x: number; w: number };
    const ruleX = Number(/translate\((-?[\d.e-]+),/.exec(rule[0]?.attrs['transform'] ?? '')?.[1]);
    expect(ruleX - (lastBar.x + lastBar.w)).toBeGreaterThanOrEqual(0);
    expect(ruleX - (lastBar.x + lastBar.w)).toBeLessThan(3);
    // The notice is marked on the exposure curve, at its total.
    expect(markGroup(doc, MARK.yourNotice)?.children[0]?.attrs['aria-label']).toBe('Notice on 2027-03-15: 14.25B');
  });

  it('with a notice that has no effect: the full schedule, no rule, the reason in the subtitle', () => {
    const { inputs: i, doc } = get('colossus notice without effect');
    expect(i.project.termination?.effect).toBe(false);
    expect(markGroup(doc, MARK.bars)?.children).toHaveLength(36);
    expect(markGroup(doc, MARK.lastService)).toBeUndefined();
    expect(allText(doc).join(' ')).toContain('Notice on 2029-04-15 by the customer has no effect: service would end on 2029-07-13, after the term.');
  });

  it('a late notice: the last-service label runs up along the rule instead of across', () => {
    const label = [...walk(markGroup(get('gpu late notice').doc, MARK.lastServiceLabel) as Element)].find((el) => el.name === 'text');
    expect(label?.text).toBe('Last service day 2029-02-26');
    expect(label?.attrs['transform']).toMatch(/rotate\(-90\)|rotate\(270\)/);
  });

  it('rendering is repeatable in one process, and chartSvg is renderSpec of chartSpec', async () => {
    const { inputs: i, svg } = get('colossus');
    expect(await chartSvg(i.project, i.terminate)).toBe(svg);
  });
});

// ---------------------------------------------------------------------------

describe('determinism and packaging', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deal-model-chart-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('deal-model chart prints byte for byte the same SVG under TZ=UTC, Pacific/Kiritimati, America/Los_Angeles and a German locale', async () => {
    // the built bin, in a child process per environment, against the render in this process
    const cases: [string, string?][] = [['colossus-1.yaml'], ['gpu-cluster-anniversary.yaml', '2028-02-29']];
    const environments: Record<string, string>[] = [
      { TZ: 'UTC' },
      { TZ: 'Pacific/Kiritimati' },
      { TZ: 'America/Los_Angeles' },
      { TZ: 'Europe/Berlin', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
    ];
    for (const [file, notice] of cases) {
      const expected = await render(inputs(file, notice));
      for (const env of environments) {
        const r = run(['chart', join('scenarios', file), ...(notice ? ['--notice', notice] : [])], { env });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        expect({ env, same: r.stdout === expected }).toEqual({ env, same: true });
      }
    }
  });

  it('deal-model chart -o writes the same SVG to a .svg file, and refuses any other target (exit 2)', () => {
    const target = join(dir, 'chart.svg');
    const r = run(['chart', 'scenarios/colossus-1.yaml', '-o', target]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(target, 'utf8')).toBe(run(['chart', 'scenarios/colossus-1.yaml']).stdout);
    const png = run(['chart', 'scenarios/colossus-1.yaml', '-o', join(dir, 'chart.png')]);
    expect(png.status).toBe(2);
    expect(png.stderr).toBe(`error: ${join(dir, 'chart.png')}: the chart is written to a .svg file: give -o FILE.svg\n(run with --help for usage)\n`);
  });

  it('the shipped bundle leaves vega and vega-lite out: they are imported only when a chart is drawn', () => {
    const code = readFileSync(join(ROOT, 'dist', 'main.cjs'), 'utf8');
    expect(code).not.toMatch(/require\(\s*["']vega(-lite)?["']\s*\)/);
    // distinctive names of vega's own code (its scenegraph, its dataflow) are not in the bundle
    expect(code).not.toMatch(/SceneGraph|Dataflow\.prototype|vega-scenegraph/);
  });

  it('spec.ts is pure: it needs nothing from vega at run time', async () => {
    const spec = await build({ entryPoints: [join(ROOT, 'src/chart/spec.ts')], write: false, bundle: true, format: 'esm', platform: 'node', external: ['vega', 'vega-lite'], logLevel: 'silent' });
    expect(spec.outputFiles[0]?.text ?? '').not.toMatch(/["']vega(-lite)?["']/);
  });
});

// ---------------------------------------------------------------------------

const HAS_RSVG = hasTool('rsvg-convert');
const NO_RSVG = 'rsvg-convert is not installed here (CI installs it: apt-get install librsvg2-bin)';

function toPng(svg: string): Buffer {
  const r = spawnSync('rsvg-convert', ['--format', 'png'], { input: svg, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`rsvg-convert failed: ${r.stderr.toString()}`);
  return r.stdout;
}

describe('rsvg-convert renders the SVG to a PNG that is not blank', () => {
  it.for([
    ['colossus-1.yaml', undefined, 2],
    ['colossus-1.yaml', '2027-03-15', 2],
    ['leap-year-colocation.yaml', undefined, 1],
  ] as const)('%s (notice %s)', async ([file, notice, panels], ctx) => {
    if (!HAS_RSVG) ctx.skip(NO_RSVG);
    const png = toPng(await render(inputs(file, notice)));
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: chartHeight(panels) });
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([CHART_WIDTH, chartHeight(panels)]);
    const { colours, inkShare } = pixelStats(image);
    // Bars, lines, text and grid in several colours, anti-aliased: many distinct colours...
    expect(colours.size).toBeGreaterThan(50);
    // ...covering a plausible part of a white canvas: not blank, not a solid block.
    expect(inkShare).toBeGreaterThan(0.1);
    expect(inkShare).toBeLessThan(0.7);
    // The marks are drawn in their colours: bars over a good part of the image, the lines visibly.
    // (a notice cuts the bars short, and its translucent band tints the ones it covers)
    expect(colourShare(image, COLOURS.bar)).toBeGreaterThan(panels === 1 ? 0.2 : notice ? 0.03 : 0.05);
    expect(colourShare(image, COLOURS.cumulative)).toBeGreaterThan(0.0003);
    if (panels === 2) expect(colourShare(image, COLOURS.outcome)).toBeGreaterThan(0.0003);
  });
});

// ---------------------------------------------------------------------------

describe('docs/chart-colossus-1.svg', () => {
  it('is the chart of scenarios/colossus-1.yaml as rendered now (UPDATE_GOLDEN=1 rewrites it and its PNG)', async () => {
    const svg = await render(inputs('colossus-1.yaml'));
    const file = join(ROOT, 'docs', 'chart-colossus-1.svg');
    if (UPDATE) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, svg);
      if (HAS_RSVG) writeFileSync(join(ROOT, 'docs', 'chart-colossus-1.png'), toPng(svg));
    }
    expect(readFileSync(file, 'utf8')).toBe(svg);
  });
});
