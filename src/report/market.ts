/** Market results (SPEC §11) → the `market` JSON object, and a headline figure and a section for people. */
import { formatIsoDate } from '../model/calendar.js';
import { fraction, type Distribution, type MarketResult } from '../model/market.js';
import { fixed, money } from '../model/money.js';
import type { DistributionJson, MarketJson } from './documents.js';
import { group, percentOf } from './format.js';
import type { Column, Figure, Row, Section } from './report.js';

const four = (count: number, n: number): string => fixed(fraction(count, n), 4);

export const distributionJson = (d: Distribution): DistributionJson => ({ mean: money(d.mean), p5: money(d.p5), p50: money(d.p50), p95: money(d.p95) });

export function marketJson(r: MarketResult): MarketJson {
  return {
    paths: r.paths,
    seed: r.seed,
    probability: { customer: four(r.counts.customer, r.paths), provider: four(r.counts.provider, r.paths), none: four(r.counts.none, r.paths) },
    total: distributionJson(r.total),
    pv: distributionJson(r.pv),
    first_notice: r.firstNotice.map((f) => ({ notice_date: formatIsoDate(f.date), customer: four(f.customer, r.paths), provider: four(f.provider, r.paths) })),
  };
}

/** The date and party with the most first notices, or null when no path gives one (the earliest on a tie, customer first). */
export function mostLikelyNotice(r: MarketResult): { date: string; by: 'customer' | 'provider'; share: string } | null {
  let best: { date: string; by: 'customer' | 'provider'; count: number } | null = null;
  for (const f of r.firstNotice) {
    for (const by of ['customer', 'provider'] as const) {
      if (f[by] > 0 && (best === null || f[by] > best.count)) best = { date: formatIsoDate(f.date), by, count: f[by] };
    }
  }
  return best && { date: best.date, by: best.by, share: four(best.count, r.paths) };
}

export function marketFigure(r: MarketResult): Figure {
  const j = marketJson(r);
  const likely = mostLikelyNotice(r);
  return {
    label: 'Market',
    value: j.total.mean,
    kind: 'money',
    note:
      `mean of ${group(String(r.paths))} paths (seed ${r.seed}): the customer leaves on ${percentOf(j.probability.customer)}, ` +
      `the provider on ${percentOf(j.probability.provider)}, nobody on ${percentOf(j.probability.none)}; ` +
      (likely ? `most likely first notice ${likely.date} by the ${likely.by} (${percentOf(likely.share)})` : 'no path gives a notice'),
  };
}

const COLUMNS: readonly Column[] = [
  { key: 'figure', label: 'Market', kind: 'text' },
  { key: 'total', label: 'Total', kind: 'money' },
  { key: 'pv', label: 'NPV', kind: 'money' },
];

/** The distribution of the contract's total and NPV over the paths. */
export function marketSection(r: MarketResult): Section {
  const j = marketJson(r);
  const rows: Row[] = (['mean', 'p5', 'p50', 'p95'] as const).map((k) => ({ figure: k === 'mean' ? 'Mean' : k.toUpperCase(), total: j.total[k], pv: j.pv[k] }));
  return { title: `Market: ${group(String(r.paths))} paths, seed ${r.seed}`, columns: COLUMNS, rows };
}
