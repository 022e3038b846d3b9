/**
 * The provider's costs per billing period (SPEC §9), over the same service
 * days, period lengths and contract-month segments as the fees:
 *
 * - energy = it_load_mw × utilization × pue × 24 × days (MWh, exact);
 * - power cost = round2(Σ_s it_load × utilization × pue × 24 × days_s × price(j_s));
 * - operating = round2(Σ_s monthly × escalation(j_s) × days_s / period length);
 * - costs are paid the day after the period (a cut period: after its new last day).
 *
 * Each amount is rounded once, from the exact sum over the segments.
 */
import type { Day } from './calendar.js';
import type { Segment } from './contract-months.js';
import type { Costs, PowerCosts } from './contract.js';
import { escalated } from './escalation.js';
import { centsOfSum, Decimal, type Cents } from './money.js';

export interface PeriodCosts {
  /** MWh drawn, exact; null without a power section. */
  readonly energy: Decimal | null;
  /** The power price in force on the period's first day; null without a power section. */
  readonly powerPrice: Decimal | null;
  readonly powerCost: Cents;
  readonly operating: Cents;
  /** powerCost + operating */
  readonly cost: Cents;
  /** The day after the period's last service day. */
  readonly costDate: Day;
}

/** What the costs of a period need: its service days by contract month, its length and its last day. */
export interface CostedPeriod {
  readonly end: Day;
  readonly days: number;
  readonly length: number;
  readonly segments: readonly Segment[];
}

const HOURS = new Decimal(24);

/** MW actually drawn from the grid: IT load × utilization × PUE. */
export function drawnMw(power: PowerCosts): Decimal {
  return power.itLoadMw.times(power.utilization).times(power.pue);
}

/** The power price of contract month j. */
export function powerPrice(power: PowerCosts, month: number): Decimal {
  return escalated(power.pricePerMwh, power.escalation, month);
}

export function periodCosts(costs: Costs, period: CostedPeriod): PeriodCosts {
  const { power, operating } = costs;
  let energy: Decimal | null = null;
  let price: Decimal | null = null;
  let powerCost = 0n;
  if (power) {
    const perDay = drawnMw(power).times(HOURS);
    energy = perDay.times(period.days);
    price = powerPrice(power, period.segments[0]?.month ?? 1);
    powerCost = centsOfSum(period.segments.map((s) => ({ value: perDay.times(powerPrice(power, s.month)), num: s.days })), 1);
  }
  const operatingCost = operating
    ? centsOfSum(period.segments.map((s) => ({ value: escalated(operating.monthly, operating.escalation, s.month), num: s.days })), period.length)
    : 0n;
  return { energy, powerPrice: price, powerCost, operating: operatingCost, cost: powerCost + operatingCost, costDate: period.end + 1 };
}
