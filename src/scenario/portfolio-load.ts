/**
 * A portfolio file (SPEC §10) → its facilities and contracts, each contract
 * a scenario loaded and validated as on its own (with `extends`, then its
 * `set:` overrides, then the portfolio's valuation replacing its own), its
 * problems reported in its own file; the portfolio's problems positioned in
 * the portfolio file. Every problem of every file is reported at once; a
 * contract file that cannot be read is exit 4 at its `file` entry.
 */
import { posix } from 'node:path';
import { DealModelError, inputError, type Issue } from '../errors.js';
import { formatIsoDate, type Day } from '../model/calendar.js';
import type { Valuation } from '../model/contract.js';
import { Decimal, ZERO } from '../model/money.js';
import { overbooking, type Facility, type PortfolioContract } from '../model/portfolio.js';
import type { Expectation } from '../regression/expectation.js';
import { applyOverride, applySet, inOrder, mergedTree, parseFile, validated, type ReadFile } from './load.js';
import { setAt } from './merge.js';
import type { Position } from './position.js';
import { PORTFOLIO_SCHEMA } from './portfolio-schema.js';
import type { SetOption } from './set-option.js';
import { toMarket } from './market.js';
import type { MarketTerms } from '../model/contract.js';
import { valueOf, type Source, type Tree } from './tree.js';
import type { Scenario } from './types.js';
import { validateTree, type Override } from './validate.js';

export interface LoadedContract extends PortfolioContract {
  /** `file` as written in the portfolio. */
  readonly file: string;
  /** The files of its chain (its own first), for the report's footer. */
  readonly files: readonly string[];
  readonly scenario: Scenario;
  readonly tree: Tree;
}

export interface Portfolio {
  readonly name: string;
  readonly currency: string;
  readonly facilities: readonly Facility[];
  readonly contracts: readonly LoadedContract[];
  readonly valuation: Valuation | null;
  /** The shared market (SPEC §11), priced per MW. */
  readonly market: MarketTerms | null;
  readonly asOf: Day | null;
  readonly expect: readonly Expectation[];
  readonly origin: { readonly file: string; readonly positions: ReadonlyMap<string, Position> };
  /** The portfolio's own tree (after --set), for `resolve`-style provenance in the report. */
  readonly tree: Tree;
}

type Raw = Record<string, unknown>;

/** Whether a parsed file is a portfolio: its top level has `portfolio:`. */
export function isPortfolio(tree: Tree): boolean {
  return valueOf(tree, 'portfolio') !== undefined;
}

export function loadPortfolio(bytes: Uint8Array, file: string, options: { readFile: ReadFile; sets?: readonly SetOption[] }): Portfolio {
  let tree = parseFile(bytes, file);
  for (const option of options.sets ?? []) tree = applySet(tree, option);
  const result = validateTree(tree, file, PORTFOLIO_SCHEMA);
  const issues: Issue[] = [...result.issues];
  const positions = result.positions;
  const at = (path: string, message: string): void => {
    const p = positions.get(path);
    issues.push({ location: { file: p?.file ?? file, line: p?.line, column: p?.column, path }, message });
  };
  const raw = (result.value ?? {}) as Raw;
  const facilities = ((raw.facilities as Raw[] | undefined) ?? []).map((f) => ({ id: f.id as string, powerMw: f.power_mw as Decimal }));
  const contractsRaw = (raw.contracts as Raw[] | undefined) ?? [];
  if (raw.contracts !== undefined && contractsRaw.length === 0) at('contracts', 'a portfolio needs at least one contract, got none');
  unique(facilities.map((f) => f.id), 'facilities', at);
  unique(contractsRaw.map((c) => c.id as string | undefined), 'contracts', at);
  const declared = new Set(facilities.map((f) => f.id));
  contractsRaw.forEach((c, i) => {
    if (typeof c.facility === 'string' && !declared.has(c.facility)) {
      at(`contracts[${i}].facility`, `unknown facility ${JSON.stringify(c.facility)}: the facilities are ${facilities.map((f) => f.id).join(', ') || '(none)'}`);
    }
  });

  const currency = (raw.currency as string | undefined) ?? 'USD';
  const valuationTree = valueOf(tree, 'valuation');
  const ioIssues: Issue[] = [];
  const contracts: LoadedContract[] = [];
  const folder = posix.dirname(file === '<stdin>' ? './-' : file);
  contractsRaw.forEach((c, i) => {
    if (typeof c.file !== 'string' || typeof c.id !== 'string') return;
    const path = posix.normalize(posix.isAbsolute(c.file) ? c.file : posix.join(folder, c.file));
    const fileAt = positions.get(`contracts[${i}].file`);
    const entry = (message: string): Issue => ({ location: { file: fileAt?.file ?? file, line: fileAt?.line, column: fileAt?.column, path: `contracts[${i}].file` }, message });
    if (path === posix.normalize(file)) {
      issues.push(entry('the portfolio lists itself as a contract: a contract is a scenario file'));
      return;
    }
    const read = options.readFile(path);
    if (!(read instanceof Uint8Array)) {
      ioIssues.push(entry(`cannot read the contract's scenario ${path}: ${read.unreadable}`));
      return;
    }
    try {
      const parsed = parseFile(read, path);
      if (isPortfolio(parsed)) {
        issues.push(entry(`${path} is a portfolio file, not a scenario: a contract is a scenario file`));
        return;
      }
      const overrides = (c.set as Override[] | undefined) ?? [];
      const loaded = contractTree(read, path, options.readFile, overrides, valuationTree, parsed);
      const scenario = validated(loaded.tree, path, loaded.files);
      if (scenario.currency !== currency) at(`contracts[${i}].file`, `the contract ${c.id} is in ${scenario.currency}, the portfolio in ${currency}: every contract must use the portfolio's currency`);
      const powerMw = (c.power_mw as Decimal | undefined) ?? scenario.capacity.powerMw;
      if (!powerMw) {
        at(`contracts[${i}]`, `missing power_mw: the contract's scenario ${path} has no capacity.power_mw to take it from`);
        return;
      }
      // the portfolio's market (or none) replaces the contract's own (SPEC §11)
      contracts.push({ id: c.id, file: c.file, facility: c.facility as string, powerMw, contract: { ...scenario, market: null }, scenario, files: loaded.files, tree: loaded.tree });
    } catch (error) {
      if (!(error instanceof DealModelError) || (error.kind !== 'input' && error.kind !== 'io')) throw error;
      (error.kind === 'io' ? ioIssues : issues).push(...(error.issues.length > 0 ? error.issues : [entry(error.message)]));
    }
  });
  if (ioIssues.length > 0) throw new DealModelError('io', ioIssues.map((i) => i.message).join('\n'), inOrder(ioIssues, [file]));
  if (issues.length === 0) {
    const over = overbooking({ facilities, contracts, valuation: null });
    if (over) {
      const index = facilities.findIndex((f) => f.id === over.facility);
      const list = over.contracts.map((c) => `${c.id} (${c.powerMw.toString()} MW)`).join(', ');
      at(`facilities[${index}].power_mw`, `facility ${over.facility} is overbooked on ${formatIsoDate(over.day)}: ${list} add up to ${over.total.toString()} MW, more than its ${facilities[index]?.powerMw.toString()} MW`);
    }
  }
  if (issues.length > 0 || !result.value) throw inputError(inOrder(issues, [file, ...contracts.flatMap((c) => c.files)]));
  // the portfolio's valuation: its rate, on its date, else on the earliest contract start (each contract's own default)
  const v = raw.valuation === undefined ? undefined : (raw.valuation as Raw);
  const valuation: Valuation | null = v
    ? { discountRate: (v.discount_rate as Decimal | undefined) ?? ZERO, date: (v.date as Day | undefined) ?? Math.min(...contracts.map((c) => c.contract.term.start)) }
    : null;
  return {
    name: raw.portfolio as string,
    currency,
    facilities,
    contracts,
    valuation,
    market: toMarket(raw.market, undefined),
    asOf: (raw.as_of as Day | undefined) ?? null,
    expect: (raw.expect as Expectation[] | undefined) ?? [],
    origin: { file, positions },
    tree,
  };
}

/** Report each id seen twice at its second occurrence. */
function unique(ids: readonly (string | undefined)[], list: string, at: (path: string, message: string) => void): void {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id === undefined) return;
    const before = first.get(id);
    if (before !== undefined) at(`${list}[${i}].id`, `duplicate id ${JSON.stringify(id)} (also ${list}[${before}])`);
    else first.set(id, i);
  });
}

/** A contract's scenario tree: its chain merged, its overrides set, the portfolio's valuation in place of its own. */
function contractTree(bytes: Uint8Array, path: string, readFile: ReadFile, overrides: readonly Override[], valuation: Tree | undefined, parsed: Tree): { tree: Tree; files: string[] } {
  const merged = mergedTree(bytes, path, readFile, [], parsed);
  let tree = merged.tree;
  for (const o of overrides) tree = applyOverride(tree, o);
  if (valuation) {
    const next = setAt(tree, [{ key: 'valuation' }], valuation, valuation.src as Source);
    if (!('message' in next)) tree = next;
  }
  return { tree, files: merged.files };
}

/** The portfolio's valuation date, else the earliest contract start: the default `as of` (SPEC §10). */
export function defaultAsOf(p: Portfolio, given: Day | undefined): Day {
  if (given !== undefined) return given;
  if (p.asOf !== null) return p.asOf;
  if (p.valuation) return p.valuation.date;
  return Math.min(...p.contracts.map((c) => c.contract.term.start));
}

