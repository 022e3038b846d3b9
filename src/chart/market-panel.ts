/**
 * Panel 3, when the scenario has a market (SPEC §11): the share of the
 * simulated paths whose first notice falls on each monthly candidate date,
 * as bars stacked by party (the customer's below, the provider's above), on
 * the shared time axis; the subtitle gives the distribution of the contract
 * total (mean, P5, P50, P95) and the chance that nobody leaves.
 */
import { SHORT_LABEL, plotNumber, shortAmount, wrap } from './format.js';
import type { MarketJson } from '../report/documents.js';
import { COLOURS, MARK, PLOT_HEIGHT, PLOT_WIDTH } from './style.js';
import { isoDay, vegaTime, xAxis, xScale, type Domain } from './time.js';

const percent = (fraction: string): string => `${(Number(fraction) * 100).toFixed(2)}%`;

/** One date's bar: the customer's share of first notices from 0, the provider's stacked above it (percent of paths). */
export interface FirstNoticeDatum {
  readonly notice: number;
  readonly end: number;
  readonly customer: number;
  readonly top: number;
  readonly label: string;
}

export function firstNoticeData(market: MarketJson): FirstNoticeDatum[] {
  return market.first_notice
    .filter((f) => Number(f.customer) > 0 || Number(f.provider) > 0)
    .map((f) => {
      const day = isoDay(f.notice_date);
      const customer = Number(f.customer) * 100;
      // a bar about two thirds of a month wide from the date (the candidates are the 1st of each month)
      return {
        notice: vegaTime(day),
        end: vegaTime(day + 20),
        customer,
        top: customer + Number(f.provider) * 100,
        label: `${f.notice_date}: first notice by the customer on ${percent(f.customer)} of paths, by the provider on ${percent(f.provider)}`,
      };
    });
}

export function marketPanel(market: MarketJson, currency: string, domain: Domain): Record<string, unknown> {
  const t = market.total;
  const money = (s: string): string => shortAmount(plotNumber(s));
  const subtitle =
    `${String(market.paths).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} price paths (seed ${market.seed}): the customer leaves (blue) on ${percent(market.probability.customer)}, ` +
    `the provider (orange, stacked) on ${percent(market.probability.provider)}, nobody on ${percent(market.probability.none)}. ` +
    `Contract total: mean ${money(t.mean)}, P5 ${money(t.p5)}, P50 ${money(t.p50)}, P95 ${money(t.p95)} ${currency}.`;
  return {
    title: { text: 'The market: when the first notice comes (share of simulated paths)', subtitle: wrap(subtitle) },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    data: { values: firstNoticeData(market) },
    layer: [
      {
        name: MARK.firstNotice,
        mark: { type: 'rect', color: COLOURS.customerExit },
        encoding: {
          x: { field: 'notice', type: 'temporal', scale: xScale(domain), axis: xAxis('Date of the first notice', domain) },
          x2: { field: 'end' },
          y: { field: 'customer', type: 'quantitative', scale: { zero: true }, axis: { title: 'Share of paths (%)', tickCount: 5 } },
          y2: { datum: 0 },
          description: { field: 'label' },
        },
      },
      {
        name: MARK.firstNoticeProvider,
        mark: { type: 'rect', color: COLOURS.providerExit },
        encoding: { x: { field: 'notice', type: 'temporal' }, x2: { field: 'end' }, y: { field: 'top', type: 'quantitative' }, y2: { field: 'customer' }, description: { field: 'label' } },
      },
    ],
  };
}

/** Paths per contract total (money as the JSON prints it), for the histogram. */
export interface TotalShare {
  readonly total: string;
  readonly paths: number;
}

/**
 * Panel 4, with a market: the distribution of the contract total over the
 * simulated paths, as a histogram (share of paths per bin of totals).
 */
export function distributionPanel(totals: readonly TotalShare[], paths: number, currency: string): Record<string, unknown> {
  const values = totals.map((t) => ({ total: plotNumber(t.total), share: (t.paths / paths) * 100 }));
  return {
    title: { text: `The market: distribution of the contract total (${currency})`, subtitle: wrap('Share of the simulated paths whose contract total falls in each bin.') },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    data: { values },
    layer: [
      {
        name: MARK.distribution,
        mark: { type: 'bar', color: COLOURS.customerExit },
        encoding: {
          x: { field: 'total', type: 'quantitative', bin: { maxbins: 30 }, title: `Contract total (${currency})`, axis: { title: `Contract total (${currency})`, labelExpr: SHORT_LABEL, tickCount: 8 } },
          y: { aggregate: 'sum', field: 'share', type: 'quantitative', title: 'Share of paths (%)', axis: { title: 'Share of paths (%)', tickCount: 5 } },
        },
      },
    ],
  };
}
