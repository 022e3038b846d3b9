/**
 * Validated plain values → Scenario: defaults applied, and the rules that
 * span several keys (end on or after start, not_before within the term).
 */
import type { Issue } from '../errors.js';
import { formatIsoDate, type Day } from '../model/calendar.js';
import { Decimal, ZERO } from '../model/money.js';
import { DAYS_PER_YEAR } from '../model/valuation.js';
import type { Costs, Escalation } from '../model/contract.js';
import type { RampStep, Scenario, TerminationRight } from './types.js';
import { percent } from '../report/format.js';
import type { Expectation } from '../regression/expectation.js';
import type { Position } from './position.js';
import { marketIssues, toMarket } from './market.js';

type Raw = Record<string, unknown>;

const obj = (value: unknown): Raw => (value ?? {}) as Raw;

/**
 * The rules that span several keys. They run on whatever values were valid,
 * also when other keys have problems, so a file's every problem is reported
 * at once.
 */
export function crossKeyIssues(raw: Raw | undefined, positions: ReadonlyMap<string, Position>, file: string): Issue[] {
  const issues: Issue[] = [];
  const report = (path: string, message: string): void => {
    const at = positions.get(path);
    issues.push({ location: { file: at?.file ?? file, line: at?.line, column: at?.column, path }, message });
  };
  const term = obj(raw?.term);
  const start = term.start as Day | undefined;
  const end = term.end as Day | undefined;
  if (start !== undefined && end !== undefined && end < start) {
    report('term.end', `expected a date on or after term.start (${formatIsoDate(start)}), got "${formatIsoDate(end)}"`);
  }
  const notBefore = obj(raw?.termination).not_before as Day | undefined;
  if (notBefore !== undefined && end !== undefined && notBefore > end) {
    report(
      'termination.not_before',
      `expected a date on or before term.end (${formatIsoDate(end)}), got "${formatIsoDate(notBefore)}": no notice could ever be given`,
    );
  }
  issues.push(...costsIssues(raw, positions, file));
  issues.push(...marketIssues(raw, positions, file));
  const risk = obj(raw?.risk);
  if (risk.monthly_notice_probability !== undefined && (risk.customer_monthly !== undefined || risk.provider_monthly !== undefined)) {
    report(
      risk.customer_monthly !== undefined ? 'risk.customer_monthly' : 'risk.provider_monthly',
      'expected either monthly_notice_probability (one party) or customer_monthly and provider_monthly (each party), got both forms',
    );
  }
  if (start !== undefined && end !== undefined && end >= start) {
    const pricing = obj(raw?.pricing);
    const growth = escalationGrowth(pricing.monthly_fee, pricing.escalation, start, end);
    if (growth) report('pricing.escalation.rate', growth);
    const costs = obj(raw?.costs);
    const power = obj(costs.power);
    const powerGrowth = escalationGrowth(power.price_per_mwh, power.escalation, start, end, 'the power price');
    if (powerGrowth) report('costs.power.escalation.rate', powerGrowth);
    const operating = obj(costs.operating);
    const operatingGrowth = escalationGrowth(operating.monthly, operating.escalation, start, end, 'the operating cost');
    if (operatingGrowth) report('costs.operating.escalation.rate', operatingGrowth);
    const discount = discountReach(raw ?? {}, start, end);
    if (discount) report('valuation.discount_rate', discount);
  }
  return issues;
}

/** The rules of `costs` across its keys (SPEC §9): one of power, operating, capital; an IT load to draw. */
function costsIssues(raw: Raw | undefined, positions: ReadonlyMap<string, Position>, file: string): Issue[] {
  if (raw?.costs === undefined) return [];
  const costs = obj(raw.costs);
  const at = (path: string): Position | undefined => positions.get(path);
  const issue = (path: string, message: string): Issue => {
    const p = at(path);
    return { location: { file: p?.file ?? file, line: p?.line, column: p?.column, path }, message };
  };
  const issues: Issue[] = [];
  if (costs.power === undefined && costs.operating === undefined && costs.capital === undefined) {
    issues.push(issue('costs', 'expected at least one of power, operating, capital, got none'));
  }
  const power = costs.power === undefined ? undefined : obj(costs.power);
  if (power && power.it_load_mw === undefined && obj(raw.capacity).power_mw === undefined) {
    issues.push(issue('costs.power', 'missing required key it_load_mw: there is no capacity.power_mw to take the IT load from (set one of them)'));
  }
  return issues;
}

/** Fees and factors must stay below 10^30 and within 10^±300: checked with floating point, as bounds only, never for money. */
const MAX_FEE_LOG10 = 30;
const MAX_FACTOR_LOG10 = 300;

const log10 = (value: Decimal): number => Math.log10(Math.abs(value.toNumber()));

/** Escalation compounding an amount past 10^30 by the end of the term (`rate: 900%` every month for a century). */
function escalationGrowth(amount: unknown, escalationRaw: unknown, start: Day, end: Day, what = 'the fee'): string | undefined {
  const escalation = escalationRaw === undefined ? undefined : obj(escalationRaw);
  const rate = escalation?.rate as Decimal | undefined;
  const fee = amount as Decimal | undefined;
  if (!escalation || !rate || !fee || rate.lte(0) || fee.isZero()) return undefined;
  const every = (escalation.every_months as number | undefined) ?? 12;
  const periods = Math.ceil((end - start + 1) / 28) + 1; // at most one contract month per 28 days
  const steps = Math.floor((periods - 1) / every);
  const reach = log10(fee) + steps * Math.log10(1 + rate.toNumber());
  if (reach <= MAX_FEE_LOG10) return undefined;
  return `expected an escalation that keeps ${what} below 10^${MAX_FEE_LOG10}: up to ${steps} escalations of ${percent(rate)} would take it to about 10^${Math.round(reach)}`;
}

/** A discount rate and date span that would take a discount factor beyond 10^±300 (`1e100` a year over a millennium). */
function discountReach(raw: Raw, start: Day, end: Day): string | undefined {
  const valuation = obj(raw.valuation);
  const rate = valuation.discount_rate as Decimal | undefined;
  if (!rate || rate.isZero()) return undefined;
  const date = (valuation.date as Day | undefined) ?? start;
  const billing = obj(raw.billing);
  const notice = (obj(raw.termination).notice_days as number | undefined) ?? 0;
  const last = end + 1 + ((billing.payment_terms_days as number | undefined) ?? 0) + notice;
  // capital outlays (SPEC §9) are discounted too, whenever they are
  const capital = ((obj(raw.costs).capital as Raw[] | undefined) ?? []).map((c) => c.date as Day | undefined).filter((d): d is Day => d !== undefined);
  const years = Math.max(Math.abs(date - start), Math.abs(last - date), ...capital.map((d) => Math.abs(d - date))) / DAYS_PER_YEAR;
  const reach = years * Math.abs(Math.log10(1 + rate.toNumber()));
  if (reach <= MAX_FACTOR_LOG10) return undefined;
  return `expected a discount rate whose factors stay within 10^±${MAX_FACTOR_LOG10}: payments up to ${Math.round(years)} years from the valuation date would be discounted by about 10^${Math.round(reach)} (use a valuation date nearer the term, or a smaller rate)`;
}

/** Clean validated values → Scenario, with every default applied. */
export function toScenario(raw: Raw, positions: ReadonlyMap<string, Position>, file: string): Scenario {
  const term = obj(raw.term);
  const pricing = obj(raw.pricing);
  const billing = obj(raw.billing);
  const valuation = obj(raw.valuation);
  const risk = obj(raw.risk);
  const start = term.start as Day;
  const end = term.end as Day;
  let termination: Scenario['termination'] = null;
  if (raw.termination !== undefined) {
    const t = obj(raw.termination);
    termination = {
      noticeDays: t.notice_days as number,
      by: (t.by as TerminationRight | undefined) ?? 'either',
      fee: (t.fee as Decimal | undefined) ?? ZERO,
      notBefore: (t.not_before as Day | undefined) ?? null,
    };
  }

  const escalation = raw.pricing !== undefined && pricing.escalation !== undefined ? obj(pricing.escalation) : undefined;
  const parties = obj(raw.parties);
  const capacity = obj(raw.capacity);
  const scenario: Scenario = {
    name: raw.name as string,
    currency: (raw.currency as string | undefined) ?? 'USD',
    parties: {
      ...(parties.provider !== undefined ? { provider: parties.provider as string } : {}),
      ...(parties.customer !== undefined ? { customer: parties.customer as string } : {}),
    },
    capacity: {
      ...(capacity.power_mw !== undefined ? { powerMw: capacity.power_mw as Decimal } : {}),
      ...(capacity.site !== undefined ? { site: capacity.site as string } : {}),
    },
    term: { start, end },
    pricing: {
      monthlyFee: pricing.monthly_fee as Decimal,
      ramp: ((pricing.ramp as Raw[] | undefined) ?? []).map(toRampStep),
      escalation: escalation
        ? { rate: escalation.rate as Decimal, everyMonths: (escalation.every_months as number | undefined) ?? 12 }
        : null,
    },
    billing: {
      periods: (billing.periods as Scenario['billing']['periods'] | undefined) ?? 'calendar',
      timing: (billing.timing as Scenario['billing']['timing'] | undefined) ?? 'advance',
      paymentTermsDays: (billing.payment_terms_days as number | undefined) ?? 0,
    },
    termination,
    valuation: {
      discountRate: (valuation.discount_rate as Decimal | undefined) ?? new Decimal(0),
      date: (valuation.date as Day | undefined) ?? start,
    },
    risk: toRisk(risk),
    costs: raw.costs === undefined ? null : toCosts(obj(raw.costs), capacity.power_mw as Decimal | undefined),
    market: toMarket(raw.market, capacity.power_mw as Decimal | undefined),
    expect: (raw.expect as Expectation[] | undefined) ?? [],
    origin: { file, positions },
  };
  return scenario;
}

function toRampStep(step: Raw): RampStep {
  const months = step.months as number;
  return step.fee !== undefined ? { months, fee: step.fee as Decimal } : { months, discount: step.discount as Decimal };
}

function toEscalation(raw: unknown): Escalation | null {
  if (raw === undefined) return null;
  const e = obj(raw);
  return { rate: e.rate as Decimal, everyMonths: (e.every_months as number | undefined) ?? 12 };
}

/** Costs with their defaults: the IT load from capacity.power_mw, 100% utilization, a PUE of 1; capital in date order. */
function toCosts(raw: Raw, powerMw: Decimal | undefined): Costs {
  const power = raw.power === undefined ? undefined : obj(raw.power);
  const operating = raw.operating === undefined ? undefined : obj(raw.operating);
  const capital = ((raw.capital as Raw[] | undefined) ?? []).map((c) => ({ date: c.date as Day, amount: c.amount as Decimal }));
  return {
    power: power
      ? {
          itLoadMw: (power.it_load_mw as Decimal | undefined) ?? (powerMw as Decimal),
          utilization: (power.utilization as Decimal | undefined) ?? new Decimal(1),
          pue: (power.pue as Decimal | undefined) ?? new Decimal(1),
          pricePerMwh: power.price_per_mwh as Decimal,
          escalation: toEscalation(power.escalation),
        }
      : null,
    operating: operating ? { monthly: operating.monthly as Decimal, escalation: toEscalation(operating.escalation) } : null,
    // a stable sort: items on one date keep their order
    capital: capital.map((c, i) => ({ c, i })).sort((a, b) => a.c.date - b.c.date || a.i - b.i).map(({ c }) => c),
  };
}

/** The version-1 probability, or the per-party form (SPEC §11) with each party's default of 0%. */
function toRisk(risk: Raw): Scenario['risk'] {
  const single = (risk.monthly_notice_probability as Decimal | undefined) ?? null;
  if (risk.customer_monthly === undefined && risk.provider_monthly === undefined) return { monthlyNoticeProbability: single };
  return {
    monthlyNoticeProbability: null,
    customerMonthly: (risk.customer_monthly as Decimal | undefined) ?? ZERO,
    providerMonthly: (risk.provider_monthly as Decimal | undefined) ?? ZERO,
  };
}
