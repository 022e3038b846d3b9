/**
 * `deal-model sensitivity <scenario> --vary PATH=VALUES [--vary ...] [--metric LIST]`,
 * `--tornado PCT [--metric M]`, or `--solve PATH --for METRIC=TARGET` (SPEC §12).
 * The scenario is read, merged and --set once; every cell is a variant of
 * that tree. Usage errors (exit 2) come before any cell is computed.
 */
import { usageError } from '../../errors.js';
import { Decimal } from '../../model/money.js';
import { gridReport, solveReport, tornadoReport } from '../../report/sensitivity.js';
import { mergedTree, validated } from '../../scenario/load.js';
import type { SetOption } from '../../scenario/set-option.js';
import { parseAmount, parseRate } from '../../scenario/values.js';
import { computeCell, type Base } from '../../sensitivity/cells.js';
import { numericInput, type NumericInput } from '../../sensitivity/inputs.js';
import { isMetric, METRIC_NAMES, METRICS, supportedMetrics, type MetricName } from '../../sensitivity/metrics.js';
import { solve } from '../../sensitivity/solve.js';
import { tornado } from '../../sensitivity/tornado.js';
import { cellValues, parseVary } from '../../sensitivity/values.js';
import type { Context } from '../context.js';
import { readBase, readScenario } from '../io.js';
import { emit, printWarnings, type OutputOptions } from './common.js';

export interface SensitivityOptions extends OutputOptions {
  readonly vary?: readonly string[];
  readonly metric?: string;
  readonly tornado?: string;
  readonly solve?: string;
  readonly for?: string;
  readonly sets?: readonly SetOption[];
}

const usage = (message: string): never => {
  throw usageError(`error: ${message}\n(run with --help for usage)`);
};

function metricList(text: string | undefined): MetricName[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(',').map((m) => m.trim().toLowerCase());
  for (const m of names) if (!isMetric(m)) usage(`option '--metric ${text}': unknown metric ${JSON.stringify(m)}: the metrics are ${METRIC_NAMES.join(', ')}`);
  return names as MetricName[];
}

/** PCT of --tornado: a percentage below 100%, written with %. */
export function tornadoPct(text: string): Decimal {
  const parsed = /%\s*$/.test(text) ? parseRate(text, false) : { ok: false as const };
  if (!parsed.ok || parsed.value.lte(0) || parsed.value.gte(1)) usage(`option '--tornado ${text}': expected a percentage above 0% and below 100%, such as 10%`);
  return (parsed as { value: Decimal }).value;
}

function numeric(option: string, path: string): NumericInput {
  return numericInput(path) ?? usage(`option '${option} ${path}': ${JSON.stringify(path)} is not a numeric input (an amount, rate or whole number of the scenario format)`);
}

export async function sensitivityCommand(arg: string, options: SensitivityOptions, ctx: Context): Promise<number> {
  const varies = (options.vary ?? []).map(parseVary);
  const modes = [varies.length > 0, options.tornado !== undefined, options.solve !== undefined].filter(Boolean).length;
  if (modes === 0) usage('sensitivity needs --vary PATH=VALUES, --tornado PCT or --solve PATH --for METRIC=TARGET');
  if (modes > 1) usage('--vary, --tornado and --solve exclude each other: give one of them');
  if (varies.length > 2) usage(`at most two --vary options (a grid), got ${varies.length}`);
  if ((options.solve === undefined) !== (options.for === undefined)) usage('--solve PATH and --for METRIC=TARGET go together');
  const metrics = metricList(options.metric);
  const pct = options.tornado === undefined ? undefined : tornadoPct(options.tornado);
  const cells = varies.length > 0 ? cellValues(varies) : [];
  const solveInput = options.solve === undefined ? undefined : numeric('--solve', options.solve);
  const goal = options.for === undefined ? undefined : parseGoal(options.for);
  if (pct && metrics && metrics.length !== 1) usage(`option '--metric ${options.metric}': a tornado is of one metric`);
  for (const m of [goal?.metric, pct ? metrics?.[0] : undefined]) if (m === 'payback_date') usage(`${m} is a date: a tornado and goal seek need a numeric metric`);

  const source = await readScenario(arg, ctx);
  const { tree, files } = mergedTree(source.bytes, source.file, readBase, options.sets ?? []);
  const scenario = validated(tree, source.file, files);
  printWarnings(scenario, ctx);
  const base: Base = { tree, file: source.file, files };
  const unsupported = (m: MetricName): void => {
    if (!METRICS[m].supports(scenario)) usage(`the scenario does not support the metric ${m} (${m === 'expected' ? 'it has no risk section' : m === 'market_mean' ? 'it has no market section' : 'it has no costs section'})`);
  };

  if (pct) {
    const metric = metrics?.[0] ?? 'npv';
    unsupported(metric);
    const { CellFigures } = await import('../../sensitivity/metrics.js');
    const { terminationModel } = await import('../../model/termination.js');
    const own = METRICS[metric].value(new CellFigures(terminationModel(scenario)));
    await emit(tornadoReport(scenario.name, scenario.currency, tornado(base, scenario, own, metric, pct)), options, ctx);
    return 0;
  }
  if (solveInput && goal) {
    unsupported(goal.metric);
    const solved = solve(base, scenario, solveInput, goal.metric, goal.target);
    await emit(solveReport(scenario.name, scenario.currency, solveInput, goal.metric, goal.target, solved), options, ctx);
    return 0;
  }
  const chosen = metrics ?? supportedMetrics(scenario);
  const results = cells.map((values) => computeCell(base, varies.map((v) => v.path), values, chosen));
  for (const c of results) if (c.error) ctx.stderr.write(`${varies.map((v, i) => `${v.path}=${c.values[i]}`).join(', ')}: invalid cell: ${c.error}\n`);
  await emit(gridReport(scenario.name, scenario.currency, varies, chosen, results), options, ctx);
  return results.length > 0 && results.every((c) => c.error !== null) ? 3 : 0;
}

/** `--for METRIC=TARGET`: a money target as an amount (1.5B), a share or an IRR as a rate (25% or 0.25). */
function parseGoal(text: string): { metric: MetricName; target: Decimal } {
  const eq = text.indexOf('=');
  const name = (eq < 0 ? text : text.slice(0, eq)).trim().toLowerCase();
  if (eq < 0 || !isMetric(name)) usage(`option '--for ${text}': expected METRIC=TARGET with a metric of ${METRIC_NAMES.join(', ')}, such as --for irr=15%`);
  const value = text.slice(eq + 1).trim();
  const parsed = name === 'share' || name === 'irr' ? parseRate(value, false) : parseAmount(value, false);
  if (!parsed.ok) usage(`option '--for ${text}': ${JSON.stringify(value)} is not ${name === 'share' || name === 'irr' ? 'a rate (25% or 0.25)' : 'an amount (such as 1.5B)'}`);
  return { metric: name as MetricName, target: (parsed as { value: Decimal }).value };
}

