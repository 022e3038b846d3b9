/**
 * The tornado of `chart --tornado PCT` and of the report (SPEC §12): for
 * each input, a bar from the metric at its low value to the metric at its
 * high value, around a rule at the scenario's own value; the largest swing
 * on top. Built from the tornado JSON, like the other charts from theirs.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SHORT_LABEL, shortAmount, wrap } from './format.js';
import { CHART_WIDTH, COLOURS, FONT, PADDING, TITLE_LIMIT } from './style.js';

export interface TornadoJson {
  readonly scenario: string;
  readonly metric: string;
  readonly pct: string;
  readonly base: string | null;
  readonly rows: readonly { readonly path: string; readonly low_value: string; readonly high_value: string; readonly low: string | null; readonly high: string | null; readonly swing: string | null }[];
}

const ROW = 34;

/** The SVG's height for `rows` inputs. */
export const tornadoHeight = (rows: number): number => 150 + ROW * Math.max(1, rows);

export function tornadoSpec(t: TornadoJson, currency: string): TopLevelSpec {
  const rows = t.rows.filter((r) => r.low !== null && r.high !== null);
  const money = t.metric !== 'share' && t.metric !== 'irr';
  const text = (v: string): string => (money ? shortAmount(Number(v)) : v);
  const data = rows.map((r, i) => ({
    input: r.path,
    order: i,
    low: Number(r.low),
    high: Number(r.high),
    label: `${r.path} from ${r.low_value} to ${r.high_value}: ${t.metric} from ${text(r.low!)} to ${text(r.high!)}`,
  }));
  const pct = `${(Number(t.pct) * 100).toString()}%`;
  const height = ROW * Math.max(1, rows.length);
  const y = { field: 'input', type: 'nominal', sort: rows.map((r) => r.path), axis: { title: null, labelLimit: 260 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${t.scenario}: how ${t.metric} moves when each input is moved by −${pct} and +${pct} of its value, one at a time, largest swing first.`,
    background: 'white',
    padding: PADDING,
    usermeta: { size: { width: CHART_WIDTH, height: tornadoHeight(rows.length) }, title: `${t.scenario}: tornado of ${t.metric}, inputs ±${pct}` },
    title: { text: `Tornado of ${t.metric}${money ? ` (${currency})` : ''}, each input ±${pct}`, subtitle: wrap(`The scenario's own ${t.metric} is ${t.base === null ? 'n/a' : text(t.base)}; each bar runs from the ${t.metric} with the input at −${pct} (orange end) to the ${t.metric} at +${pct} (blue end).`), anchor: 'start', fontSize: 14, subtitleFontSize: FONT, limit: TITLE_LIMIT },
    width: 560,
    height,
    config: { font: 'sans-serif', view: { stroke: null }, axis: { labelFontSize: FONT, titleFontSize: FONT, titleFontWeight: 'normal', gridColor: '#e6e6e6' } },
    data: { values: data },
    layer: [
      {
        name: 'tornado_bars',
        mark: { type: 'bar', color: COLOURS.bar, height: ROW * 0.6 },
        encoding: {
          y,
          x: { field: 'low', type: 'quantitative', scale: { zero: false }, axis: { title: `${t.metric}${money ? ` (${currency})` : ''}`, ...(money ? { labelExpr: SHORT_LABEL } : {}), tickCount: 6 } },
          x2: { field: 'high' },
          description: { field: 'label' },
        },
      },
      { name: 'tornado_low', mark: { type: 'tick', color: '#f58518', thickness: 3, size: ROW * 0.6 }, encoding: { y, x: { field: 'low', type: 'quantitative' }, description: { field: 'label' } } },
      ...(t.base === null ? [] : [{ name: 'tornado_base', data: { values: [{ base: Number(t.base) }] }, mark: { type: 'rule', color: COLOURS.full, strokeDash: [5, 4], strokeWidth: 1.5 }, encoding: { x: { field: 'base', type: 'quantitative' }, description: { value: `the scenario's own ${t.metric}` } } }]),
    ],
  } as unknown as TopLevelSpec;
}
