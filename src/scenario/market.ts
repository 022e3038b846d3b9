/**
 * The `market` section (SPEC §11) → MarketTerms, and its rule across keys:
 * `price_per_mw` needs capacity.power_mw to price the whole capacity.
 */
import type { Issue } from '../errors.js';
import type { MarketTerms } from '../model/contract.js';
import { Decimal, ZERO } from '../model/money.js';
import type { Position } from './position.js';

type Raw = Record<string, unknown>;

const obj = (value: unknown): Raw => (value ?? {}) as Raw;

export function marketIssues(raw: Raw | undefined, positions: ReadonlyMap<string, Position>, file: string): Issue[] {
  if (raw?.market === undefined) return [];
  const market = obj(raw.market);
  if (market.price_per_mw === undefined || obj(raw.capacity).power_mw !== undefined) return [];
  const at = positions.get('market.price_per_mw');
  return [
    {
      location: { file: at?.file ?? file, line: at?.line, column: at?.column, path: 'market.price_per_mw' },
      message: 'expected capacity.power_mw with market.price_per_mw: the price of 1 MW is multiplied by it (or give market.price for the whole capacity)',
    },
  ];
}

/** The market's terms with their defaults, the price for `powerMw` when given per MW; null without a market. */
export function toMarket(raw: unknown, powerMw: Decimal | undefined): MarketTerms | null {
  if (raw === undefined) return null;
  const m = obj(raw);
  const perMw = (m.price_per_mw as Decimal | undefined) ?? null;
  return {
    price: perMw ? perMw.times(powerMw ?? ZERO) : (m.price as Decimal),
    pricePerMw: perMw,
    drift: (m.drift as Decimal | undefined) ?? ZERO,
    volatility: (m.volatility as Decimal | undefined) ?? ZERO,
    customerExitsBelow: (m.customer_exits_below as Decimal | undefined) ?? null,
    providerExitsAbove: (m.provider_exits_above as Decimal | undefined) ?? null,
    paths: (m.paths as number | undefined) ?? 10_000,
    seed: (m.seed as number | undefined) ?? 1,
  };
}

/** The same market priced for another capacity (a portfolio's market, per MW, for each contract). */
export function forCapacity(terms: MarketTerms, powerMw: Decimal): MarketTerms {
  return { ...terms, price: (terms.pricePerMw ?? new Decimal(0)).times(powerMw) };
}
