/**
 * YAML document → plain values, checked against SCENARIO_SCHEMA. Every
 * problem is collected with its line, column and key path; nothing stops at
 * the first. The result is untyped data that `scenario.ts` turns into a
 * Scenario once it is known to be clean.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Issue } from '../errors.js';
import { parseIsoDate } from '../model/calendar.js';
import type { Lines } from './lines.js';
import { Decimal } from '../model/money.js';
import { CURRENCIES } from './currencies.js';
import { SCENARIO_SCHEMA, type Bound, type Field, type ObjectField } from './schema.js';
import { closest, normalise } from './suggest.js';
import type { Expectation } from '../regression/expectation.js';
import { percent } from '../report/format.js';
import type { Position } from './position.js';
import { parseAmount, parseInteger, parseRate, parseYamlNumber, type Parsed } from './values.js';

export type { Position } from './position.js';

export interface Validated {
  readonly value: Record<string, unknown> | undefined;
  /** Position of each value by key path, for checks that span several keys. */
  readonly positions: ReadonlyMap<string, Position>;
  readonly issues: Issue[];
}

type YamlValue = Node | null | undefined;

export function validateDocument(doc: Document.Parsed, lines: Lines, file: string): Validated {
  const issues: Issue[] = [];
  const positions = new Map<string, Position>();

  const position = (node: YamlValue | Pair['key']): Position => {
    const range = node && typeof node === 'object' && 'range' in node ? (node.range as readonly number[] | undefined) : undefined;
    const offset = range?.[0] ?? 0;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const report = (node: YamlValue | Pair['key'], path: string, message: string): void => {
    const { line, column } = position(node);
    issues.push({ location: { file, line, column, ...(path ? { path } : {}) }, message });
  };

  const resolve = (node: YamlValue): YamlValue => (isAlias(node) ? (node.resolve(doc) as YamlValue) : node);

  /** `owner` is the key the value belongs to: a missing key is reported there. */
  function walk(raw: YamlValue, field: Field, path: string, owner?: YamlValue): unknown {
    const node = resolve(raw);
    positions.set(path, position(raw));
    if (field.type === 'object') return walkObject(raw, node, field, path, owner ?? raw);
    if (field.type === 'list') {
      if (!isSeq(node)) return void report(raw, path, `expected a list, got ${describe(node)}`);
      return node.items.map((item, i) => walk(item as YamlValue, field.items, `${path}[${i}]`));
    }
    if (field.type === 'expectations') return walkExpectations(raw, node, path);
    if (!isScalar(node) || node.value === null) {
      return void report(raw, path, `${expected(field)}, got ${describe(node)}`);
    }
    return walkScalar(raw, node, field, path);
  }

  function walkScalar(raw: YamlValue, node: Scalar, field: Field, path: string): unknown {
    const source = String(node.source ?? node.value);
    const isNumber = typeof node.value === 'number';
    const isText = typeof node.value === 'string' || isNumber;
    const fail = (why = ''): undefined => void report(raw, path, `${expected(field)}, got ${JSON.stringify(source)}${why}`);
    switch (field.type) {
      case 'text':
        return isText && source.trim() !== '' ? source : fail();
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
        if (!isNumber && typeof node.value !== 'string') return void report(raw, path, `${written(field)}, got ${JSON.stringify(source)}`);
        if (field.type === 'number' && !isNumber) {
          return void report(raw, path, `${expected(field)}, got the text ${JSON.stringify(source)}: write the number without quotes`);
        }
        const parsed: Parsed<Decimal> =
          field.type === 'rate' ? parseRate(source, isNumber)
          : field.type === 'amount' ? parseAmount(source, isNumber)
          : isNumber ? parseYamlNumber(source) : { ok: false };
        if (!parsed.ok) return void report(raw, path, `${written(field)}, got ${JSON.stringify(source)}`);
        // SPEC §6 (v2): `rate: 3` could mean 3% or 300%; without a % sign, 1 or more is refused
        if (field.type === 'rate' && !source.includes('%') && parsed.value.abs().gte(1)) {
          return void report(raw, path, ambiguousRate(source, parsed.value));
        }
        const size = magnitude(parsed.value);
        if (size) return void report(raw, path, `${expected(field)} ${size}, got ${JSON.stringify(source)}`);
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

  function walkObject(raw: YamlValue, node: YamlValue, field: ObjectField, path: string, owner: YamlValue): Record<string, unknown> | undefined {
    if (!isMap(node)) return void report(raw, path, `expected a mapping${keysHint(field)}, got ${describe(node)}`);
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const seen = new Map<string, Position>();
    const names = Object.keys(field.properties);
    for (const pair of (node as YAMLMap<unknown, unknown>).items) {
      const keyNode = pair.key as YamlValue;
      const keyValue = isScalar(keyNode) ? keyNode.value : undefined;
      if (keyValue === undefined || keyValue === null || typeof keyValue === 'object') {
        report(keyNode ?? node, path, `expected a plain key such as ${Object.keys(field.properties)[0]}, got ${describe(keyNode)}`);
        continue;
      }
      const key = String(keyValue);
      const keyPath = path ? `${path}.${key}` : key;
      const first = seen.get(key);
      if (first) {
        report(keyNode, keyPath, `duplicate key (first defined at line ${first.line}, column ${first.column})`);
        continue;
      }
      seen.set(key, position(keyNode));
      const property = Object.hasOwn(field.properties, key) ? field.properties[key] : undefined;
      if (!property) {
        report(keyNode, keyPath, `unknown key${unknownHint(key, names, path)}`);
        continue;
      }
      const value = walk(pair.value as YamlValue, property.field, keyPath, keyNode);
      if (value !== undefined) out[key] = value;
    }
    for (const [name, property] of Object.entries(field.properties)) {
      if (property.required && !seen.has(name)) {
        report(owner, path ? `${path}.${name}` : name, `missing required key (${expected(property.field)})`);
      }
    }
    if (field.exactlyOne) {
      const present = field.exactlyOne.filter((k) => seen.has(k));
      if (present.length !== 1) {
        const list = field.exactlyOne.join(' or ');
        report(raw, path, present.length === 0 ? `expected one of ${list}, got neither` : `expected exactly one of ${list}, got both`);
      }
    }
    return out;
  }

  function walkExpectations(raw: YamlValue, node: YamlValue, path: string): Expectation[] | undefined {
    if (!isMap(node)) return void report(raw, path, `expected a mapping of result paths to values, got ${describe(node)}`);
    const out: Expectation[] = [];
    const seen = new Map<string, Position>();
    for (const pair of (node as YAMLMap<unknown, unknown>).items) {
      const keyNode = pair.key as YamlValue;
      const key = isScalar(keyNode) && typeof keyNode.value === 'string' ? keyNode.value : undefined;
      if (!key || !/^[A-Za-z_][\w]*(?:\.[\w]+|\[\d+\])*$/.test(key)) {
        report(keyNode ?? node, path, `expected a dotted result path such as project.totals.fee, got ${describe(keyNode)}`);
        continue;
      }
      const keyPath = `${path}.${key}`;
      const first = seen.get(key);
      if (first) {
        report(keyNode, keyPath, `duplicate key (first defined at line ${first.line}, column ${first.column})`);
        continue;
      }
      seen.set(key, position(keyNode));
      const valueRaw = pair.value as YamlValue;
      const value = resolve(valueRaw);
      if (!isScalar(value)) {
        report(valueRaw ?? keyNode, keyPath, `expected a single value, got ${describe(value)}`);
        continue;
      }
      const v = value.value;
      const kind = v === null ? 'null' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
      out.push({ path: key, source: v === null ? 'null' : String(value.source ?? v), kind, position: position(valueRaw ?? keyNode) });
    }
    return out;
  }

  const root = doc.contents as YamlValue;
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) {
    const what = isScalar(root) && root.source ? `null (${JSON.stringify(root.source)})` : 'an empty file';
    report(root ?? null, '', `expected a scenario mapping${keysHint(SCENARIO_SCHEMA)}, got ${what}`);
    return { value: undefined, positions, issues };
  }
  const value = walk(root, SCENARIO_SCHEMA, '', null) as Record<string, unknown> | undefined;
  return { value, positions, issues };
}

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

function bound(prefix: string, b: Bound, asRate: boolean, above: boolean): string {
  const shown = asRate ? percent(new Decimal(b.value)) : b.value;
  const op = above ? (b.inclusive ? '>=' : '>') : (b.inclusive ? '<=' : '<');
  return `${prefix} ${op} ${shown}`;
}

/** The message for a rate of 1 or more written without %: both readings, as the user would write them. */
function ambiguousRate(source: string, value: Decimal): string {
  const literal = source.trim().replace(/^\+/, '');
  return `ambiguous rate ${JSON.stringify(source)}: a rate of 1 or more needs a % sign: write "${literal}%" for ${literal} percent, or "${percent(value)}" if that is meant`;
}

/** What a malformed literal should look like: the form, not the range (the value has none yet). */
function written(field: Field): string {
  if (field.type === 'amount') return 'expected an amount written like 1.25B, "$1,250,000,000" or 1250000000';
  if (field.type === 'rate') return 'expected a rate written like 3%, 50% or 0.5';
  return expected(field);
}

/** What a field expects, in words: "expected an amount > 0". */
export function expected(field: Field): string {
  switch (field.type) {
    case 'text': return 'expected a non-empty string';
    case 'currency': return 'expected an ISO 4217 currency code such as "USD"';
    case 'choice': return `expected one of ${field.values.join(', ')}`;
    case 'integer': return `expected an integer from ${field.min} to ${field.max}`;
    case 'date': return 'expected a date YYYY-MM-DD';
    case 'amount': return field.min ? bound('expected an amount', field.min, false, true) : 'expected an amount';
    case 'number': return field.min ? bound('expected a number', field.min, false, true) : 'expected a number';
    case 'rate':
      if (field.min && field.max) return `expected a rate between ${percent(new Decimal(field.min.value))} and ${percent(new Decimal(field.max.value))}`;
      return field.min ? bound('expected a rate', field.min, true, true) : 'expected a rate';
    case 'list': return 'expected a list';
    case 'object': return `expected a mapping${keysHint(field)}`;
    case 'expectations': return 'expected a mapping of result paths to values';
  }
}

function keysHint(field: ObjectField): string {
  return ` with keys ${Object.keys(field.properties).join(', ')}`;
}

function unknownHint(key: string, names: readonly string[], path: string): string {
  const guess = closest(key, names);
  if (guess) return `; did you mean ${JSON.stringify(guess)}?`;
  const elsewhere = findKey(SCENARIO_SCHEMA, key, '');
  if (elsewhere !== undefined && elsewhere !== path) return `; it belongs under ${elsewhere}`;
  return ` (expected one of ${names.join(', ')})`;
}

/** Where a key lives in the schema, for a key written at the wrong level. */
function findKey(field: ObjectField, key: string, path: string): string | undefined {
  for (const [name, property] of Object.entries(field.properties)) {
    const here = path ? `${path}.${name}` : name;
    if (normalise(name) === normalise(key)) return here.slice(0, here.length - name.length - 1) || undefined;
    if (property.field.type === 'object') {
      const found = findKey(property.field, key, here);
      if (found) return found;
    }
  }
  return undefined;
}

function describe(node: YamlValue | unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return node.source === '' || node.source === undefined ? 'nothing' : JSON.stringify(String(node.source));
    return JSON.stringify(String(node.source ?? node.value));
  }
  if (isAlias(node)) return `alias *${node.source}`;
  return 'an unsupported value';
}
