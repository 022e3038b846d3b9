/**
 * `--vary PATH=VALUES` (SPEC §12): a comma list of YAML scalars, or a range
 * FROM..TO:STEP of amounts, rates or integers computed in exact decimals.
 * Each value is kept as written (a range's in the unit of FROM: `6%..10%:2%`
 * gives 6%, 8%, 10%; `1B..1.5B:0.25B` gives 1B, 1.25B, 1.5B), and a cell
 * sets it as `--set PATH=VALUE` would.
 */
import { usageError } from '../errors.js';
import { Decimal } from '../model/money.js';
import { parsePath } from '../scenario/set-option.js';

/** The most cells a run computes (SPEC §12): more is a usage error before any is computed. */
export const MAX_CELLS = 100_000;

export interface Vary {
  readonly path: string;
  readonly values: readonly string[];
}

const bad = (option: string, why: string): never => {
  throw usageError(`error: option '${option}': ${why}\n(run with --help for usage)`);
};

/** A numeral with an optional unit: `%`, or K/M/B (either case); `$` and `_`/`,` separators are not range syntax. */
const NUMERAL = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%|[kmbKMB])?\s*$/;
const SCALE: Record<string, string> = { k: '1e3', m: '1e6', b: '1e9' };

interface Quantity {
  readonly value: Decimal;
  readonly unit: string;
}

function quantity(text: string): Quantity | undefined {
  const m = NUMERAL.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  const n = new Decimal(m[1]!);
  return { value: unit === '%' ? n.div(100) : unit ? n.times(SCALE[unit]!) : n, unit };
}

/** A value in the unit FROM was written in. */
function written(value: Decimal, unit: string): string {
  if (unit === '%') return `${value.times(100).toString()}%`;
  if (unit) return `${value.div(SCALE[unit]!).toString()}${unit === 'k' ? 'K' : unit.toUpperCase()}`;
  return value.toString();
}

/** The values of a range FROM..TO:STEP, or undefined when the text is not a range. */
function range(option: string, text: string): string[] | undefined {
  const m = /^(.*)\.\.(.*):(.*)$/.exec(text);
  if (!m) return undefined;
  const [from, to, step] = [quantity(m[1]!), quantity(m[2]!), quantity(m[3]!)];
  if (!from || !to || !step) return bad(option, `${JSON.stringify(text)} is not a range FROM..TO:STEP of amounts, rates or integers (such as 6%..10%:1% or 1B..1.5B:0.1B)`);
  if (step.value.isZero()) return bad(option, `the step of ${JSON.stringify(text)} is 0: it would never reach ${m[2]!.trim()}`);
  const up = to.value.gte(from.value);
  if (step.value.isPositive() !== up && !to.value.eq(from.value)) {
    return bad(option, `the step of ${JSON.stringify(text)} goes ${step.value.isPositive() ? 'up' : 'down'} but ${m[2]!.trim()} is ${up ? 'above' : 'below'} ${m[1]!.trim()}: write a ${up ? 'positive' : 'negative'} step`);
  }
  const count = to.value.minus(from.value).div(step.value).floor().plus(1);
  if (count.gt(MAX_CELLS)) bad(option, `${JSON.stringify(text)} has ${count.toString()} values, more than the 100,000 cells a run computes`);
  const values: string[] = [];
  for (let i = 0; i < count.toNumber(); i++) values.push(written(from.value.plus(step.value.times(i)), from.unit));
  return values;
}

/** Parse one `--vary PATH=VALUES`; a usage error (exit 2) when malformed. */
export function parseVary(text: string): Vary {
  const option = `--vary ${text}`;
  const eq = text.indexOf('=');
  if (eq < 0) bad(option, 'no "=" between the path and the values: write --vary PATH=VALUES, such as --vary pricing.monthly_fee=1B,1.25B or --vary valuation.discount_rate=6%..10%:1%');
  const path = text.slice(0, eq).trim();
  const steps = parsePath(path);
  if (typeof steps === 'string') bad(option, steps);
  const body = text.slice(eq + 1).trim();
  if (body === '') bad(option, 'no values after "="');
  const values = range(option, body) ?? body.split(',').map((v) => v.trim());
  if (values.some((v) => v === '')) bad(option, `an empty value in ${JSON.stringify(body)}: separate values by single commas (amounts without "," group separators)`);
  return { path, values };
}

/** Every combination, the first PATH outermost; a usage error when there are more than MAX_CELLS. */
export function cellValues(varies: readonly Vary[]): string[][] {
  const count = varies.reduce((n, v) => n * v.values.length, 1);
  if (count > MAX_CELLS) {
    throw usageError(`error: ${varies.map((v) => v.values.length).join(' × ')} = ${count} cells, more than the 100,000 a run computes\n(run with --help for usage)`);
  }
  let cells: string[][] = [[]];
  for (const v of varies) cells = cells.flatMap((c) => v.values.map((value) => [...c, value]));
  return cells;
}
