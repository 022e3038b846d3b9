/**
 * The tornado (SPEC §12): every numeric input the scenario has, moved by
 * −PCT and +PCT of its value one at a time (clipped to its bounds; an input
 * of 0 does not move), with the metric at each end and the swing, sorted by
 * |swing| descending, ties in the order of the inputs.
 */
import { Decimal, ONE } from '../model/money.js';
import { parseSetOption } from '../scenario/set-option.js';
import type { Scenario } from '../scenario/types.js';
import { evaluate, type Base } from './cells.js';
import { clip, inputValue, setText, tornadoInputs, type NumericInput } from './inputs.js';
import { METRICS, type MetricName, type MetricValue } from './metrics.js';

export interface TornadoRow {
  readonly path: string;
  readonly input: NumericInput;
  readonly lowValue: Decimal;
  readonly highValue: Decimal;
  readonly low: MetricValue;
  readonly high: MetricValue;
  /** high − low in the metric's places, or null when either end has no value. */
  readonly swing: string | null;
  readonly swingNumber: Decimal | null;
}

export interface Tornado {
  readonly metric: MetricName;
  readonly pct: Decimal;
  readonly base: MetricValue;
  readonly rows: readonly TornadoRow[];
}

/** The decimals a metric's text shows (2 for money, 4 for a share, 6 for an IRR). */
const places = (text: string | null): number => (text === null || !text.includes('.') ? 0 : text.length - text.indexOf('.') - 1);

export function metricAt(base: Base, input: NumericInput, value: Decimal, metric: MetricName): MetricValue {
  const e = evaluate(base, [parseSetOption(`${input.path}=${setText(input, value)}`)]);
  if ('problem' in e || !METRICS[metric].supports(e.scenario)) return { text: null, number: null };
  return METRICS[metric].value(e.figures);
}

export function tornado(base: Base, scenario: Scenario, baseValue: MetricValue, metric: MetricName, pct: Decimal): Tornado {
  const rows = tornadoInputs(scenario, base.tree).map((input, order): TornadoRow & { order: number } => {
    const value = inputValue(scenario, input.path) ?? new Decimal(0);
    const lowValue = clip(input, value.times(ONE.minus(pct)));
    const highValue = clip(input, value.times(ONE.plus(pct)));
    const low = value.isZero() ? baseValue : metricAt(base, input, lowValue, metric);
    const high = value.isZero() ? baseValue : metricAt(base, input, highValue, metric);
    const swingNumber = low.number && high.number ? high.number.minus(low.number) : null;
    const swing = swingNumber ? swingNumber.toFixed(Math.max(places(low.text), places(high.text))) : null;
    return { path: input.path, input, lowValue, highValue, low, high, swing, swingNumber, order };
  });
  rows.sort((a, b) => {
    const x = a.swingNumber?.abs() ?? new Decimal(-1);
    const y = b.swingNumber?.abs() ?? new Decimal(-1);
    return y.cmp(x) || a.order - b.order;
  });
  return { metric, pct, base: baseValue, rows };
}
