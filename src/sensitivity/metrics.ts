/**
 * The metrics of a sensitivity cell (SPEC §12), in the SPEC's order, each
 * with the scenarios that support it, its printed text (as the JSON of the
 * command that reports it prints it) and its number (for tornado swings
 * and goal seek). Computed from one termination model per cell.
 */
import { formatIsoDate } from '../model/calendar.js';
import type { Contract } from '../model/contract.js';
import { economicsOf, shareOf, type Economics } from '../model/economics.js';
import { formatIrr } from '../model/irr.js';
import { simulateMarket } from '../model/market.js';
import { centsToDecimal, Decimal, fixed, money, type Cents } from '../model/money.js';
import { defaultParty } from '../model/notice.js';
import { expectedOutcome } from '../model/risk.js';
import { committedOutcome, type TerminationModel } from '../model/termination.js';

export const METRIC_NAMES = ['total', 'npv', 'committed', 'share', 'expected', 'market_mean', 'margin', 'provider_npv', 'irr', 'payback_date'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** A metric's value: its text as printed, and its number (null for a date, or when there is none). */
export interface MetricValue {
  readonly text: string | null;
  readonly number: Decimal | null;
}

/** What a cell's metrics are computed from, each made once when first asked. */
export class CellFigures {
  private committedTotal?: Cents;
  private economics?: Economics;
  constructor(readonly model: TerminationModel) {}

  committed(): Cents {
    if (this.committedTotal === undefined) {
      const by = defaultParty(this.model.contract);
      this.committedTotal = by ? committedOutcome(this.model, by).total : this.model.projection.totals.fee;
    }
    return this.committedTotal;
  }

  economicsOf(): Economics {
    this.economics ??= economicsOf(this.model.contract, this.model.projection.periods, this.model.discounter);
    return this.economics;
  }
}

const cents = (c: Cents): MetricValue => ({ text: money(c), number: centsToDecimal(c) });
const none: MetricValue = { text: null, number: null };

interface Metric {
  readonly supports: (c: Contract) => boolean;
  readonly value: (f: CellFigures) => MetricValue;
}

const always = (): boolean => true;
const withCosts = (c: Contract): boolean => c.costs !== null;

export const METRICS: Readonly<Record<MetricName, Metric>> = {
  total: { supports: always, value: (f) => cents(f.model.projection.totals.fee) },
  npv: { supports: always, value: (f) => cents(f.model.projection.totals.pv) },
  committed: { supports: always, value: (f) => cents(f.committed()) },
  share: {
    supports: always,
    value: (f) => {
      const s = shareOf(f.committed(), f.model.projection.totals.fee);
      return s === null ? none : { text: fixed(s, 4), number: new Decimal(fixed(s, 4)) };
    },
  },
  expected: {
    supports: (c) => c.risk.monthlyNoticeProbability !== null || (c.risk.customerMonthly !== undefined && c.risk.customerMonthly !== null),
    value: (f) => {
      const e = expectedOutcome(f.model, defaultParty(f.model.contract));
      return e ? cents(e.total) : none;
    },
  },
  market_mean: { supports: (c) => Boolean(c.market), value: (f) => cents(simulateMarket(f.model).total.mean) },
  margin: { supports: withCosts, value: (f) => cents(f.economicsOf().totals.margin) },
  provider_npv: { supports: withCosts, value: (f) => cents(f.economicsOf().npv) },
  irr: {
    supports: withCosts,
    value: (f) => {
      const irr = f.economicsOf().irr;
      return irr === null ? none : { text: formatIrr(irr), number: new Decimal(formatIrr(irr)) };
    },
  },
  payback_date: {
    supports: withCosts,
    value: (f) => {
      const d = f.economicsOf().paybackDate;
      return { text: d === null ? null : formatIsoDate(d), number: null };
    },
  },
};

export const isMetric = (name: string): name is MetricName => (METRIC_NAMES as readonly string[]).includes(name);

/** Every metric the scenario supports, in the SPEC's order. */
export const supportedMetrics = (c: Contract): MetricName[] => METRIC_NAMES.filter((m) => METRICS[m].supports(c));
