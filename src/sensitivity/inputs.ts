/**
 * The numeric inputs of a scenario (SPEC §12 tornado and goal seek): their
 * key paths in the SPEC's order, their kind (which sets their precision)
 * and their bounds, read from the format's description (scenario/schema.ts)
 * so they never disagree with the validator.
 */
import { Decimal } from '../model/money.js';
import { SCENARIO_SCHEMA, type Bound, type Field } from '../scenario/schema.js';
import { parsePath } from '../scenario/set-option.js';
import { isNull, valueOf, type Tree } from '../scenario/tree.js';
import type { Scenario } from '../scenario/types.js';

export type InputKind = 'amount' | 'rate' | 'integer' | 'number';

export interface NumericInput {
  readonly path: string;
  readonly kind: InputKind;
  readonly min?: Bound;
  readonly max?: Bound;
}

/** The field a key path names in the scenario format, or undefined. */
export function fieldAt(path: string): Field | undefined {
  const steps = parsePath(path);
  if (typeof steps === 'string') return undefined;
  let field: Field | undefined = SCENARIO_SCHEMA;
  for (const step of steps) {
    if (!field) return undefined;
    if ('key' in step) field = field.type === 'object' ? field.properties[step.key]?.field : undefined;
    else field = field.type === 'list' ? field.items : undefined;
  }
  return field;
}

/** The path as a numeric input, or undefined when it names no amount, rate, integer or number. */
export function numericInput(path: string): NumericInput | undefined {
  const f = fieldAt(path);
  if (!f) return undefined;
  if (f.type === 'amount' || f.type === 'number') return { path, kind: f.type, ...(f.min ? { min: f.min } : {}) };
  if (f.type === 'rate') return { path, kind: 'rate', ...(f.min ? { min: f.min } : {}), ...(f.max ? { max: f.max } : {}) };
  if (f.type === 'integer') return { path, kind: 'integer', min: { value: String(f.min), inclusive: true }, max: { value: String(f.max), inclusive: true } };
  return undefined;
}

/** The node at a key path of a tree, or undefined. */
export function nodeAt(tree: Tree, path: string): Tree | undefined {
  const steps = parsePath(path);
  if (typeof steps === 'string') return undefined;
  let node: Tree | undefined = tree;
  for (const step of steps) {
    node = 'key' in step ? valueOf(node, step.key) : node?.kind === 'seq' ? node.items[step.index] : undefined;
    if (node === undefined) return undefined;
  }
  return isNull(node) ? undefined : node;
}

/** The tornado's inputs that the scenario has (written in it, or in a base), in the SPEC's order. */
export function tornadoInputs(scenario: Scenario, tree: Tree): NumericInput[] {
  const paths = ['pricing.monthly_fee'];
  scenario.pricing.ramp.forEach((step, i) => paths.push(`pricing.ramp[${i}].${'fee' in step ? 'fee' : 'discount'}`));
  paths.push('pricing.escalation.rate', 'valuation.discount_rate', 'termination.fee', 'termination.notice_days');
  paths.push('costs.power.price_per_mwh', 'costs.power.utilization', 'costs.power.pue', 'costs.operating.monthly');
  (scenario.costs?.capital ?? []).forEach((_, i) => paths.push(`costs.capital[${i}].amount`));
  paths.push('market.price_per_mw', 'market.price', 'market.drift', 'market.volatility');
  return paths.filter((p) => nodeAt(tree, p) !== undefined).map((p) => numericInput(p)!);
}

/** The input's value in the scenario: the validated number at its path. */
export function inputValue(scenario: Scenario, path: string): Decimal | undefined {
  const c = scenario;
  const ramp = /^pricing\.ramp\[(\d+)\]\.(fee|discount)$/.exec(path);
  if (ramp) {
    const step = c.pricing.ramp[Number(ramp[1])];
    return step ? ('fee' in step ? step.fee : step.discount) : undefined;
  }
  const capital = /^costs\.capital\[(\d+)\]\.amount$/.exec(path);
  if (capital) return c.costs?.capital[Number(capital[1])]?.amount;
  const values: Record<string, Decimal | number | undefined | null> = {
    'pricing.monthly_fee': c.pricing.monthlyFee,
    'pricing.escalation.rate': c.pricing.escalation?.rate,
    'valuation.discount_rate': c.valuation.discountRate,
    'termination.fee': c.termination?.fee,
    'termination.notice_days': c.termination?.noticeDays,
    'costs.power.price_per_mwh': c.costs?.power?.pricePerMwh,
    'costs.power.utilization': c.costs?.power?.utilization,
    'costs.power.pue': c.costs?.power?.pue,
    'costs.operating.monthly': c.costs?.operating?.monthly,
    'market.price_per_mw': c.market?.pricePerMw,
    'market.price': c.market && !c.market.pricePerMw ? c.market.price : undefined,
    'market.drift': c.market?.drift,
    'market.volatility': c.market?.volatility,
    'risk.monthly_notice_probability': c.risk.monthlyNoticeProbability,
    'risk.customer_monthly': c.risk.customerMonthly,
    'risk.provider_monthly': c.risk.providerMonthly,
    'capacity.power_mw': c.capacity.powerMw,
  };
  const v = values[path];
  return v === undefined || v === null ? undefined : new Decimal(v);
}

/** The value clipped to the input's inclusive bounds (an exclusive bound is left to the validator). */
export function clip(input: NumericInput, value: Decimal): Decimal {
  let v = input.kind === 'integer' ? value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP) : value;
  if (input.min?.inclusive && v.lt(input.min.value)) v = new Decimal(input.min.value);
  if (input.max?.inclusive && v.gt(input.max.value)) v = new Decimal(input.max.value);
  return v;
}

/** The value as `--set` writes it: rates as percentages (a bare 1.2 would be an ambiguous rate), the rest as plain decimals. */
export function setText(input: NumericInput, value: Decimal): string {
  return input.kind === 'rate' ? `${value.times(100).toString()}%` : value.toString();
}

/** The smallest step of the input (SPEC §12): cents for amounts, 10^-6 for rates and numbers, 1 for integers. */
export function precision(input: NumericInput): Decimal {
  return new Decimal(input.kind === 'amount' ? '0.01' : input.kind === 'integer' ? '1' : '0.000001');
}

/** The value as the JSON prints it: amounts with cents, rates as fractions, whole numbers as integers. */
export function valueText(input: NumericInput, value: Decimal): string {
  return input.kind === 'amount' ? value.toFixed(2) : value.toString();
}
