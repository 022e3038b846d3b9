/**
 * Positioned tree → plain values, checked against SCENARIO_SCHEMA. Every
 * problem is collected with its file, line, column and key path; nothing
 * stops at the first. The tree may be merged from several files and
 * `--set` options (tree.ts): each problem is reported where its value came
 * from. The result is untyped data that `scenario.ts` turns into a Scenario
 * once it is known to be clean.
 */
import type { Issue } from '../errors.js';
import { parseIsoDate } from '../model/calendar.js';
import type { Decimal } from '../model/money.js';
import { percent } from '../report/format.js';
import type { Expectation } from '../regression/expectation.js';
import { CURRENCIES } from './currencies.js';
import { ambiguousRate, describe, expected, keysHint, unknownHint, written } from './messages.js';
import type { Position } from './position.js';
import { SCENARIO_SCHEMA, type Bound, type Field, type ObjectField } from './schema.js';
import { closest } from './suggest.js';
import type { MapNode, ScalarNode, Source, Tree } from './tree.js';
import { parseAmount, parseInteger, parseRate, parseYamlNumber, type Parsed } from './values.js';
import type { Step } from './merge.js';
import { parsePath } from './set-option.js';

/** One value to set in a tree at a key path (a portfolio contract's `set:` entry), with where it was written. */
export interface Override {
  readonly path: string;
  readonly steps: readonly Step[];
  readonly value: Tree;
  readonly src: Source;
}

export type { Position } from './position.js';

export interface Validated {
  readonly value: Record<string, unknown> | undefined;
  /** Position of each value by key path, for checks that span several keys. */
  readonly positions: ReadonlyMap<string, Position>;
  readonly issues: Issue[];
}

/**
 * Validate `root`, merged for the scenario named `top` on the command line
 * (a required key missing from a merged result is reported at the top of
 * that file, SPEC §8), against `schema` (the scenario's by default).
 */
export function validateTree(root: Tree, top: string, schema: ObjectField = SCENARIO_SCHEMA): Validated {
  const issues: Issue[] = [];
  const positions = new Map<string, Position>();
  const report = (src: Source, path: string, message: string): void => {
    issues.push({ location: { file: src.file, line: src.line, column: src.column, ...(path ? { path } : {}) }, message });
  };

  /** `owner` is the key the value belongs to: a missing key is reported there. */
  function walk(node: Tree, field: Field, path: string, owner?: Source): unknown {
    positions.set(path, node.src);
    if (field.type === 'object') return walkObject(node, field, path, owner ?? node.src);
    if (field.type === 'list') {
      if (node.kind !== 'seq') return void report(node.src, path, `expected a list, got ${describe(node)}`);
      return node.items.map((item, i) => walk(item, field.items, `${path}[${i}]`));
    }
    if (field.type === 'expectations') return walkExpectations(node, path);
    if (field.type === 'overrides') return walkOverrides(node, path);
    if (node.kind !== 'scalar' || node.value === null) return void report(node.src, path, `${expected(field)}, got ${describe(node)}`);
    return walkScalar(node, field, path);
  }

  function walkScalar(node: ScalarNode, field: Field, path: string): unknown {
    const source = node.source;
    const isNumber = typeof node.value === 'number';
    const isText = typeof node.value === 'string' || isNumber;
    const fail = (why = ''): undefined => void report(node.src, path, `${expected(field)}, got ${JSON.stringify(source)}${why}`);
    switch (field.type) {
      case 'text':
        if (!isText || source.trim() === '') return fail();
        return field.pattern && !new RegExp(field.pattern).test(source) ? fail() : source;
      case 'currency':
        if (typeof node.value !== 'string') return fail();
        if (CURRENCIES.has(source)) return source;
        return fail(CURRENCIES.has(source.toUpperCase()) ? `; did you mean ${JSON.stringify(source.toUpperCase())}?` : '');
      case 'choice': {
        if (typeof node.value === 'string' && field.values.includes(source)) return source;
        const guess = closest(source, field.values);
        return fail(guess ? `; did you mean ${JSON.stringify(guess)}?` : '');
      }
      case 'integer': {
        const parsed = parseInteger(source, isNumber);
        if (!parsed.ok || parsed.value < field.min || parsed.value > field.max) return fail();
        return parsed.value;
      }
      case 'date': {
        if (typeof node.value !== 'string') return fail();
        const parsed = parseIsoDate(source);
        if (!parsed.ok) return fail(parsed.reason === 'calendar' ? ` (${parsed.detail})` : '');
        return parsed.day;
      }
      case 'amount':
      case 'number':
      case 'rate': {
        if (!isNumber && typeof node.value !== 'string') return void report(node.src, path, `${written(field)}, got ${JSON.stringify(source)}`);
        if (field.type === 'number' && !isNumber) {
          return void report(node.src, path, `${expected(field)}, got the text ${JSON.stringify(source)}: write the number without quotes`);
        }
        const parsed: Parsed<Decimal> =
          field.type === 'rate' ? parseRate(source, isNumber)
          : field.type === 'amount' ? parseAmount(source, isNumber)
          : isNumber ? parseYamlNumber(source) : { ok: false };
        if (!parsed.ok) return void report(node.src, path, `${written(field)}, got ${JSON.stringify(source)}`);
        // SPEC §6 (v2): `rate: 3` could mean 3% or 300%; without a % sign, 1 or more is refused
        if (field.type === 'rate' && !source.includes('%') && parsed.value.abs().gte(1)) {
          return void report(node.src, path, ambiguousRate(source, parsed.value));
        }
        const size = magnitude(parsed.value);
        if (size) return void report(node.src, path, `${expected(field)} ${size}, got ${JSON.stringify(source)}`);
        const min = field.min;
        const max = field.type === 'rate' ? field.max : undefined;
        if (!inRange(parsed.value, min, max)) {
          const hint = field.type === 'rate' && !source.includes('%') && inRange(parsed.value.div(100), min, max)
            ? `; did you mean "${source}%"?` : '';
          const asPercent = percent(parsed.value);
          return fail(field.type === 'rate' && asPercent !== source ? ` (${asPercent})${hint}` : hint);
        }
        return parsed.value;
      }
      default:
        return fail();
    }
  }

  function walkObject(node: Tree, field: ObjectField, path: string, owner: Source): Record<string, unknown> | undefined {
    if (node.kind !== 'map') return void report(node.src, path, `expected a mapping${keysHint(field)}, got ${describe(node)}`);
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const seen = new Map<string, Source>();
    const names = Object.keys(field.properties);
    for (const entry of node.entries) {
      if (entry.key === null) {
        report(entry.keySrc, path, `expected a plain key such as ${names[0]}, got ${entry.keyText}`);
        continue;
      }
      const key = entry.key;
      const keyPath = path ? `${path}.${key}` : key;
      const first = seen.get(key);
      if (first) {
        report(entry.keySrc, keyPath, `duplicate key (first defined at line ${first.line}, column ${first.column})`);
        continue;
      }
      seen.set(key, entry.keySrc);
      const property = Object.hasOwn(field.properties, key) ? field.properties[key] : undefined;
      if (!property) {
        report(entry.keySrc, keyPath, `unknown key${unknownHint(key, names, path)}`);
        continue;
      }
      const value = walk(entry.value, property.field, keyPath, entry.keySrc);
      if (value !== undefined) out[key] = value;
    }
    for (const [name, property] of Object.entries(field.properties)) {
      if (property.required && !seen.has(name)) {
        // a mapping merged from a base: the missing key is reported at the top of the file named on the command line
        const at = owner.file === top || owner.line === undefined ? owner : { file: top, line: 1, column: 1 };
        report(at, path ? `${path}.${name}` : name, `missing required key (${expected(property.field)})`);
      }
    }
    if (field.exactlyOne) {
      const present = field.exactlyOne.filter((k) => seen.has(k));
      if (present.length !== 1) {
        const list = field.exactlyOne.join(' or ');
        report(node.src, path, present.length === 0 ? `expected one of ${list}, got neither` : `expected exactly one of ${list}, got both`);
      }
    }
    return out;
  }

  function walkExpectations(node: Tree, path: string): Expectation[] | undefined {
    if (node.kind !== 'map') return void report(node.src, path, `expected a mapping of result paths to values, got ${describe(node)}`);
    const out: Expectation[] = [];
    const seen = new Map<string, Source>();
    for (const entry of node.entries) {
      const key = entry.key;
      if (key === null || !entry.stringKey || !/^[A-Za-z_][\w]*(?:\.[\w]+|\[\d+\])*$/.test(key)) {
        report(entry.keySrc, path, `expected a dotted result path such as project.totals.fee, got ${entry.keyText}`);
        continue;
      }
      const keyPath = `${path}.${key}`;
      const first = seen.get(key);
      if (first) {
        report(entry.keySrc, keyPath, `duplicate key (first defined at line ${first.line}, column ${first.column})`);
        continue;
      }
      seen.set(key, entry.keySrc);
      const value = entry.value;
      if (value.kind !== 'scalar') {
        report(value.src, keyPath, `expected a single value, got ${describe(value)}`);
        continue;
      }
      const v = value.value;
      const kind = v === null ? 'null' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
      out.push({ path: key, source: v === null ? 'null' : value.source, kind, position: value.src });
    }
    return out;
  }

  /** `set:` of a portfolio's contract (SPEC §10): key paths and their values, kept as positioned trees. */
  function walkOverrides(node: Tree, path: string): Override[] | undefined {
    if (node.kind !== 'map') return void report(node.src, path, `${expected({ type: 'overrides', description: '' })}, got ${describe(node)}`);
    const out: Override[] = [];
    const seen = new Map<string, Source>();
    for (const entry of node.entries) {
      const steps = entry.key === null ? 'not a plain key' : parsePath(entry.key);
      if (entry.key === null || typeof steps === 'string') {
        report(entry.keySrc, path, `expected a key path such as pricing.monthly_fee or pricing.ramp[0].discount, got ${entry.keyText}`);
        continue;
      }
      const first = seen.get(entry.key);
      if (first) {
        report(entry.keySrc, `${path}.${entry.key}`, `duplicate key (first defined at line ${first.line}, column ${first.column})`);
        continue;
      }
      seen.set(entry.key, entry.keySrc);
      out.push({ path: entry.key, steps, value: entry.value, src: entry.keySrc });
    }
    return out;
  }

  if (root.kind === 'scalar' && root.value === null) {
    const what = root.source ? `null (${JSON.stringify(root.source)})` : 'an empty file';
    report(root.src, '', `expected a scenario mapping${keysHint(schema)}, got ${what}`);
    return { value: undefined, positions, issues };
  }
  const value = walk(root, schema, '') as Record<string, unknown> | undefined;
  return { value, positions, issues };
}

/** The root mapping of a tree, if it is one. */
export const rootMap = (tree: Tree): MapNode | undefined => (tree.kind === 'map' ? tree : undefined);

/**
 * Amounts, numbers and rates stay below 10^30, and a value that is not 0 at
 * or above 10^-1000: far beyond any contract, and what keeps exact
 * arithmetic fast (`1e9000000000000000` would have every digit expanded; a
 * larger exponent is Infinity to decimal.js). Any number of decimals may
 * still be written.
 */
export const MAX_EXPONENT = 30;
export const MAX_DECIMALS = 1000;

function magnitude(value: Decimal): string | undefined {
  if (!value.isFinite() || value.e >= MAX_EXPONENT) return `and below 10^${MAX_EXPONENT}`;
  if (!value.isZero() && value.e < -MAX_DECIMALS) return `and not below 10^-${MAX_DECIMALS} (or 0)`;
  return undefined;
}

function inRange(value: Decimal, min?: Bound, max?: Bound): boolean {
  if (min && (min.inclusive ? value.lt(min.value) : value.lte(min.value))) return false;
  if (max && (max.inclusive ? value.gt(max.value) : value.gte(max.value))) return false;
  return true;
}
