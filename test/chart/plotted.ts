/**
 * The data a chart spec plots, found in the spec itself by mark name, so
 * that the tests compare what is drawn (not what the spec builder meant to
 * draw) with the CLI's JSON.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutcomeDatum, PeriodDatum, RuleDatum } from '../../src/chart/data.js';
import { MARK } from '../../src/chart/style.js';

/** The data a chart spec plots, found by mark name: what tests compare with the JSON. */
export function plotted(spec: TopLevelSpec): { periods: PeriodDatum[]; outcomes: OutcomeDatum[]; rules: RuleDatum[] } {
  const found = { periods: [] as PeriodDatum[], outcomes: [] as OutcomeDatum[], rules: [] as RuleDatum[] };
  const visit = (node: unknown, inherited: unknown[] | undefined): void => {
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const values = (o['data'] as { values?: unknown[] } | undefined)?.values ?? inherited;
    const name = o['name'];
    if (values && name === MARK.bars) found.periods = values as PeriodDatum[];
    if (values && name === MARK.outcomes) found.outcomes = values as OutcomeDatum[];
    if (values && name === MARK.rules) found.rules = values as RuleDatum[];
    for (const key of ['vconcat', 'layer'] as const) {
      const children = o[key];
      if (Array.isArray(children)) for (const child of children) visit(child, values);
    }
  };
  visit(spec, undefined);
  return found;
}
