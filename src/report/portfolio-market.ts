/** A portfolio's market (SPEC §11) → its `market` JSON object and a headline figure. */
import type { PortfolioMarketResult } from '../model/portfolio-market.js';
import { fixed } from '../model/money.js';
import { fraction } from '../model/market.js';
import { distributionJson } from './market.js';
import { group, percentOf } from './format.js';
import type { Figure } from './report.js';

export function portfolioMarketJson(r: PortfolioMarketResult): Record<string, unknown> {
  return {
    paths: r.paths,
    seed: r.seed,
    probability: { any: fixed(fraction(r.any, r.paths), 4) },
    total: distributionJson(r.total),
    pv: distributionJson(r.pv),
  };
}

export function portfolioMarketFigure(r: PortfolioMarketResult): Figure {
  const j = portfolioMarketJson(r) as { probability: { any: string }; total: { p5: string; p50: string; p95: string } };
  return {
    label: 'Market',
    value: distributionJson(r.total).mean,
    kind: 'money',
    note: `mean of ${group(String(r.paths))} paths (seed ${r.seed}) with one shared price: some contract gets a notice on ${percentOf(j.probability.any)}; P5 ${group(j.total.p5)}, P50 ${group(j.total.p50)}, P95 ${group(j.total.p95)}`,
  };
}
