/**
 * Goal seek (SPEC §12): the value of one numeric input at which a metric
 * reaches a target. From the scenario's own value the input is moved up and
 * down (doubling the step) until the metric lies on the other side of the
 * target, within the input's valid range; then the bracket is bisected on
 * the input's precision until lo and hi are neighbours. A bounded number of
 * evaluations (each a cell): never a guess that can miss, never a hang.
 */
import { inputError } from '../errors.js';
import { Decimal } from '../model/money.js';
import type { Scenario } from '../scenario/types.js';
import type { Base } from './cells.js';
import { clip, inputValue, precision, type NumericInput } from './inputs.js';
import type { MetricName, MetricValue } from './metrics.js';
import { metricAt } from './tornado.js';

export interface Solved {
  readonly value: Decimal;
  readonly metricAtValue: MetricValue;
  readonly lo: Decimal;
  readonly hi: Decimal;
  readonly metricAtLo: MetricValue;
  readonly metricAtHi: MetricValue;
}

/** The farthest the search moves an input: amounts stay below 10^30 (SPEC §6). */
const FAR = new Decimal('1e30');
const MAX_DOUBLINGS = 120;

interface Point {
  readonly x: Decimal;
  readonly m: MetricValue;
}

export function solve(base: Base, scenario: Scenario, input: NumericInput, metric: MetricName, target: Decimal): Solved {
  const unit = precision(input);
  const at = (x: Decimal): Point => ({ x, m: metricAt(base, input, x, metric) });
  const side = (p: Point): number => (p.m.number === null ? NaN : Math.sign(p.m.number.cmp(target)));
  const start = at(clip(input, (inputValue(scenario, input.path) ?? new Decimal(0)).toDecimalPlaces(unit.decimalPlaces())));
  const seen: Point[] = [start];
  let bracket: [Point, Point] | undefined;
  if (side(start) === 0) {
    // already at the target: the neighbour below (or above) makes the pair
    const below = start.x.minus(unit);
    bracket = inRange(input, below) ? [at(below), start] : [start, at(start.x.plus(unit))];
  }
  for (const direction of [1, -1]) {
    if (bracket || Number.isNaN(side(start))) break;
    let step = Decimal.max(start.x.abs(), unit);
    let last = start;
    for (let i = 0; i < MAX_DOUBLINGS; i++) {
      const raw = last.x.plus(step.times(direction));
      const x = clip(input, Decimal.min(Decimal.max(raw, FAR.negated()), FAR)).toDecimalPlaces(unit.decimalPlaces(), direction > 0 ? Decimal.ROUND_DOWN : Decimal.ROUND_UP);
      if (!inRange(input, x)) {
        // past an exclusive bound (a fee > 0): halve the step and approach it instead
        step = step.div(2);
        if (step.lt(unit)) break;
        continue;
      }
      if (x.eq(last.x)) break;
      const p = at(x);
      if (p.m.number === null) break;
      seen.push(p);
      if (side(p) !== side(start)) {
        bracket = direction > 0 ? [last, p] : [p, last];
        break;
      }
      last = p;
      if (!raw.eq(x)) break; // clipped at a bound: nothing lies beyond
      step = step.times(2);
    }
  }
  if (!bracket) {
    const numbers = seen.filter((p) => p.m.number !== null);
    const lowest = numbers.reduce((a, b) => (b.m.number!.lt(a.m.number!) ? b : a), numbers[0] ?? start);
    const highest = numbers.reduce((a, b) => (b.m.number!.gt(a.m.number!) ? b : a), numbers[0] ?? start);
    const xs = seen.map((p) => p.x);
    throw inputError([
      {
        location: { file: base.file, path: input.path },
        message:
          numbers.length === 0
            ? `${metric} has no value for this scenario, so no ${input.path} gives ${metric} = ${target.toString()}`
            : `no ${input.path} from ${Decimal.min(...xs).toString()} to ${Decimal.max(...xs).toString()} gives ${metric} = ${target.toString()}: ${metric} reaches only ${lowest.m.text} to ${highest.m.text} there`,
      },
    ]);
  }
  let [lo, hi] = bracket;
  while (hi.x.minus(lo.x).gt(unit)) {
    const mid = at(lo.x.plus(hi.x).div(2).toDecimalPlaces(unit.decimalPlaces(), Decimal.ROUND_FLOOR));
    if (mid.m.number === null) break;
    // a metric equal to the target counts on hi's side: lo and hi end as neighbours
    if (side(mid) === side(lo) && side(mid) !== 0) lo = mid;
    else hi = mid;
  }
  const distance = (p: Point): Decimal => p.m.number!.minus(target).abs();
  const best = distance(hi).lt(distance(lo)) ? hi : lo;
  return { value: best.x, metricAtValue: best.m, lo: lo.x, hi: hi.x, metricAtLo: lo.m, metricAtHi: hi.m };
}

function inRange(input: NumericInput, x: Decimal): boolean {
  if (input.min && (input.min.inclusive ? x.lt(input.min.value) : x.lte(input.min.value))) return false;
  if (input.max && (input.max.inclusive ? x.gt(input.max.value) : x.gte(input.max.value))) return false;
  return true;
}
