/** Sensitivity results (SPEC §12) → Report: the grid (one row per cell, or a grid per metric for two PATHs), the tornado, goal seek. */
import type { Decimal } from '../model/money.js';
import type { Cell } from '../sensitivity/cells.js';
import type { MetricName, MetricValue } from '../sensitivity/metrics.js';
import type { Solved } from '../sensitivity/solve.js';
import { valueText, type NumericInput } from '../sensitivity/inputs.js';
import type { Tornado } from '../sensitivity/tornado.js';
import type { Vary } from '../sensitivity/values.js';
import type { CellKind, Column, Report, Row, Section } from './report.js';

const KIND: Record<MetricName, CellKind> = {
  total: 'money',
  npv: 'money',
  committed: 'money',
  share: 'ratio',
  expected: 'money',
  market_mean: 'money',
  margin: 'money',
  provider_npv: 'money',
  irr: 'decimal',
  payback_date: 'date',
};

export const metricKind = (m: MetricName): CellKind => KIND[m];

export function gridReport(name: string, currency: string, varies: readonly Vary[], metrics: readonly MetricName[], cells: readonly Cell[]): Report {
  const columns: Column[] = [
    ...varies.map((v) => ({ key: v.path, label: v.path, kind: 'text' as const })),
    ...metrics.map((m) => ({ key: m, label: m, kind: KIND[m] })),
    { key: 'error', label: 'error', kind: 'text' },
  ];
  const rows: Row[] = cells.map((c) => ({ ...Object.fromEntries(varies.map((v, i) => [v.path, c.values[i] ?? null])), ...c.metrics, error: c.error }));
  const sections: Section[] =
    varies.length === 2
      ? metrics.map((m) => {
          const [a, b] = varies as [Vary, Vary];
          return {
            title: `${m} (rows: ${a.path}, columns: ${b.path})`,
            columns: [{ key: 'row', label: `${a.path} \\ ${b.path}`, kind: 'text' }, ...b.values.map((v, j) => ({ key: `c${j}`, label: v, kind: KIND[m] }))],
            rows: a.values.map((v, i) => ({ row: v, ...Object.fromEntries(b.values.map((_, j) => [`c${j}`, cells[i * b.values.length + j]?.metrics[m] ?? null])) })),
          };
        })
      : [];
  return {
    title: `${name}: sensitivity of ${metrics.join(', ')} to ${varies.map((v) => v.path).join(' and ')}`,
    currency,
    headline: [],
    columns,
    rows,
    sections,
    sectionsOnly: varies.length === 2,
    json: {
      scenario: name,
      vary: varies.map((v) => ({ path: v.path, values: v.values })),
      metrics,
      cells: cells.map((c) => ({ values: c.values, metrics: c.metrics, error: c.error })),
    },
  };
}

const TORNADO_COLUMNS = (m: MetricName): Column[] => [
  { key: 'path', label: 'Input', kind: 'text' },
  { key: 'low_value', label: 'Low value', kind: 'decimal' },
  { key: 'high_value', label: 'High value', kind: 'decimal' },
  { key: 'low', label: `${m} at low`, kind: KIND[m] },
  { key: 'high', label: `${m} at high`, kind: KIND[m] },
  { key: 'swing', label: 'Swing', kind: KIND[m] },
];

export function tornadoReport(name: string, currency: string, t: Tornado): Report {
  const rows: Row[] = t.rows.map((r) => ({ path: r.path, low_value: valueText(r.input, r.lowValue), high_value: valueText(r.input, r.highValue), low: r.low.text, high: r.high.text, swing: r.swing }));
  const pct = `${t.pct.times(100).toString()}%`;
  return {
    title: `${name}: tornado of ${t.metric}, each input moved by ±${pct}`,
    currency,
    headline: [{ label: `Base ${t.metric}`, value: t.base.text, kind: KIND[t.metric], note: 'the scenario as written' }],
    columns: TORNADO_COLUMNS(t.metric),
    rows,
    json: { scenario: name, metric: t.metric, pct: t.pct.toString(), base: t.base.text, rows },
  };
}

export function solveReport(name: string, currency: string, input: NumericInput, metric: MetricName, target: Decimal, s: Solved): Report {
  const path = input.path;
  const text = (m: MetricValue): string | null => m.text;
  const json = {
    path,
    metric,
    target: target.toString(),
    value: valueText(input, s.value),
    metric_at_value: text(s.metricAtValue),
    lo: valueText(input, s.lo),
    hi: valueText(input, s.hi),
    metric_at_lo: text(s.metricAtLo),
    metric_at_hi: text(s.metricAtHi),
  };
  const kind = KIND[metric];
  return {
    title: `${name}: ${path} for ${metric} = ${target.toString()}`,
    currency,
    headline: [
      { label: path, value: json.value, kind: 'decimal', note: `${metric} there: ${json.metric_at_value ?? 'n/a'}` },
      { label: 'Bracket', value: `${json.lo} .. ${json.hi}`, kind: 'text', note: `${metric} from ${json.metric_at_lo ?? 'n/a'} to ${json.metric_at_hi ?? 'n/a'}` },
    ],
    columns: [
      { key: 'point', label: 'Point', kind: 'text' },
      { key: 'value', label: path, kind: 'decimal' },
      { key: 'metric', label: metric, kind },
    ],
    rows: [
      { point: 'lo', value: json.lo, metric: json.metric_at_lo },
      { point: 'hi', value: json.hi, metric: json.metric_at_hi },
      { point: 'value', value: json.value, metric: json.metric_at_value },
    ],
    json,
  };
}
