/**
 * The words of validation messages: what a field expects ("expected an
 * amount > 0"), what a malformed literal should look like, what a value
 * is ("a mapping", "nothing"), and where a misplaced key belongs.
 */
import { Decimal } from '../model/money.js';
import { percent } from '../report/format.js';
import { SCENARIO_SCHEMA, type Bound, type Field, type ObjectField } from './schema.js';
import { closest, normalise } from './suggest.js';
import type { Tree } from './tree.js';

function bound(prefix: string, b: Bound, asRate: boolean, above: boolean): string {
  const shown = asRate ? percent(new Decimal(b.value)) : b.value;
  const op = above ? (b.inclusive ? '>=' : '>') : (b.inclusive ? '<=' : '<');
  return `${prefix} ${op} ${shown}`;
}

/** What a malformed literal should look like: the form, not the range (the value has none yet). */
export function written(field: Field): string {
  if (field.type === 'amount') return 'expected an amount written like 1.25B, "$1,250,000,000" or 1250000000';
  if (field.type === 'rate') return 'expected a rate written like 3%, 50% or 0.5';
  return expected(field);
}

/** What a field expects, in words: "expected an amount > 0". */
export function expected(field: Field): string {
  switch (field.type) {
    case 'text': return field.patternHint ? `expected ${field.patternHint}` : 'expected a non-empty string';
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
    case 'overrides': return 'expected a mapping of key paths to values, such as { pricing.monthly_fee: 1.6B }';
  }
}

export function keysHint(field: ObjectField): string {
  return ` with keys ${Object.keys(field.properties).join(', ')}`;
}

/** The message for a rate of 1 or more written without %: both readings, as the user would write them. */
export function ambiguousRate(source: string, value: Decimal): string {
  const literal = source.trim().replace(/^\+/, '');
  return `ambiguous rate ${JSON.stringify(source)}: a rate of 1 or more needs a % sign: write "${literal}%" for ${literal} percent, or "${percent(value)}" if that is meant`;
}

export function unknownHint(key: string, names: readonly string[], path: string): string {
  if (key === '<<') return ': YAML merge keys (<<) are not supported; to build on another scenario, write extends: FILE (SPEC §8) and only the values that change';
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

export function describe(node: Tree | undefined): string {
  if (node === undefined) return 'nothing';
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return node.source === '' ? 'nothing' : JSON.stringify(node.source);
  return JSON.stringify(node.source);
}
