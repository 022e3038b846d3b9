/**
 * SCENARIO_SCHEMA → JSON Schema (draft-07), for editors (yaml-language-server)
 * and `deal-model schema`. Generated, never kept by hand: the committed
 * `schema/scenario.schema.json` is this function's output, and a test checks
 * that it is current.
 *
 * The schema is as tight as JSON Schema allows but never stricter than the
 * tool: whatever it rejects, the validator rejects too. String literals are
 * matched by ECMA-262 patterns equivalent to the grammars of values.ts,
 * with the range of each field written into the pattern where the bound is
 * zero or a power of ten (`> 0`, `>= 0`, `0..100%`, `> -100%`); other
 * bounds would only loosen the pattern, never make it wrong. What the schema
 * cannot say: rules across keys (end on or after start), duplicate keys,
 * YAML tags and aliases, numbers beyond double precision.
 */
import { Decimal } from '../model/money.js';
import { CURRENCIES } from './currencies.js';
import { SCENARIO_SCHEMA, type Bound, type Field, type ObjectField, type Property } from './schema.js';

type Json = Record<string, unknown>;

export const SCHEMA_ID = 'https://deal-model.dev/schema/scenario.schema.json';

export function scenarioJsonSchema(): Json {
  const full = objectSchema(SCENARIO_SCHEMA);
  const { description, properties, ...rest } = loose(full);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'deal-model scenario',
    description,
    properties: {
      extends: { description: 'A base scenario file this one changes, relative to the folder of this file; its values are merged under this file\'s (SPEC §8).', type: 'string', minLength: 1 },
      ...(properties as Json),
    },
    ...rest,
    // a variant (SPEC §8) may leave any key to its base; a scenario without extends needs every required key
    if: { not: { required: ['extends'] } },
    then: requiredKeys(full),
  };
}

/** A mapping's schema without its `required` lists, at every depth of mappings (list items stay whole: a list replaces its base's). */
function loose(schema: Json): Json {
  if (schema.type !== 'object' || !schema.properties) return schema;
  const { required: _required, properties, ...rest } = schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(properties as Record<string, Json>)) out[key] = loose(value);
  return { ...rest, properties: out };
}

/** Only the `required` lists of a mapping's schema and of the mappings in it: applied over the loose schema. */
function requiredKeys(schema: Json): Json {
  const out: Json = { type: 'object' };
  if (Array.isArray(schema.required)) out.required = schema.required;
  const nested: Json = {};
  for (const [key, value] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    if (value.type !== 'object') continue;
    const inner = requiredKeys(value);
    if (Object.keys(inner).length > 1) nested[key] = inner;
  }
  if (Object.keys(nested).length > 0) out.properties = nested;
  return out;
}

function propertySchema(property: Property): Json {
  const schema = fieldSchema(property.field);
  return property.default === undefined ? schema : { ...schema, default: property.default };
}

function fieldSchema(field: Field): Json {
  const { description } = field;
  switch (field.type) {
    case 'text':
      if (field.pattern) return { description, type: 'string', pattern: field.pattern };
      // a number is text too (`site: 42`); a string needs a non-blank character, as `trim() !== ''`
      return { description, type: ['string', 'number'], minLength: 1, pattern: '\\S' };
    case 'currency':
      return { description, type: 'string', enum: [...CURRENCIES].sort() };
    case 'choice':
      return { description, type: 'string', enum: [...field.values] };
    case 'amount':
      return {
        description,
        anyOf: [
          { type: 'number', ...numericBounds(field.min) },
          { type: 'string', pattern: amountPattern(field.min) },
        ],
      };
    case 'number':
      return { description, type: 'number', ...numericBounds(field.min) };
    case 'rate':
      return {
        description,
        anyOf: [
          // a rate without % is a fraction, refused as ambiguous from 1 up (SPEC §6): (−1, 1) at most
          { type: 'number', ...numericBounds(tighter(field.min, FRACTION_MIN, 'min'), tighter(field.max, FRACTION_MAX, 'max')) },
          { type: 'string', pattern: ratePattern(field.min, field.max) },
        ],
      };
    case 'integer':
      return { description, type: 'integer', minimum: field.min, maximum: field.max };
    case 'date':
      return { description, type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' };
    case 'list':
      return { description, type: 'array', items: fieldSchema(field.items), ...(field.minItems > 0 ? { minItems: field.minItems } : {}) };
    case 'overrides':
      return { description, type: 'object', propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*|\\[\\d+\\])*$' } };
    case 'expectations':
      return {
        description,
        type: 'object',
        propertyNames: { pattern: RESULT_PATH },
        additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
      };
    case 'object':
      return objectSchema(field);
  }
}

function objectSchema(field: ObjectField): Json {
  const properties: Json = {};
  for (const [name, property] of Object.entries(field.properties)) properties[name] = propertySchema(property);
  const required = Object.entries(field.properties).filter(([, p]) => p.required).map(([name]) => name);
  return {
    description: field.description,
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
    // exactly one of the keys: every other variant fails, so `oneOf` passes only with exactly one present
    ...(field.exactlyOne ? { oneOf: field.exactlyOne.map((name) => ({ required: [name] })) } : {}),
  };
}

/** An `expect:` key as validate.ts accepts it: `project.totals.fee`, `outcomes[0].pv`. */
const RESULT_PATH = '^[A-Za-z_][\\w]*(?:\\.[\\w]+|\\[\\d+\\])*$';

function numericBounds(min?: Bound, max?: Bound): Json {
  return {
    ...(min ? { [min.inclusive ? 'minimum' : 'exclusiveMinimum']: Number(min.value) } : {}),
    ...(max ? { [max.inclusive ? 'maximum' : 'exclusiveMaximum']: Number(max.value) } : {}),
  };
}

// ---------------------------------------------------------------------------
// String literals with their range.
//
// A literal is a sign and an unsigned numeral; its value is sign × magnitude.
// A bound on the value becomes, on each side of zero, a condition on the
// magnitude: none, zero only, non-zero, or below d × 10^k (a digit d). Those four
// are regular; anything else is left out (a looser pattern, never a wrong one).

interface Magnitude {
  zeroOnly?: boolean;
  nonZero?: boolean;
  /** magnitude < digit × 10^power (or <= with inclusive) */
  below?: { power: number; digit: number; inclusive: boolean };
}

interface Sides {
  readonly positive: Magnitude | null; // null: no literal with this sign is in range
  readonly negative: Magnitude | null;
}

/** d × 10^k for a digit d and an integer k >= 0 (500 is 5 × 10^2), or undefined. */
function powerOfTen(value: Decimal): { power: number; digit: number } | undefined {
  const fixed = value.toFixed();
  return /^[1-9]0*$/.test(fixed) ? { power: fixed.length - 1, digit: Number(fixed[0]) } : undefined;
}

/** What the bounds say about the magnitude with either sign; `scale` is 100 for a percentage. */
function sides(min: Bound | undefined, max: Bound | undefined, scale: number): Sides {
  let positive: Magnitude | null = {};
  let negative: Magnitude | null = {};
  if (min) {
    const b = new Decimal(min.value).times(scale);
    if (b.isZero()) {
      if (!min.inclusive) positive = { nonZero: true };
      negative = min.inclusive ? { zeroOnly: true } : null; // -0 >= 0, but not > 0
    } else if (b.isPositive()) {
      negative = null; // positive side: a lower bound above zero is not expressed
    } else {
      const p = powerOfTen(b.negated());
      if (p !== undefined) negative = { below: { ...p, inclusive: min.inclusive } };
    }
  }
  if (max) {
    const c = new Decimal(max.value).times(scale);
    if (c.isZero()) {
      if (positive) positive = max.inclusive ? { zeroOnly: true } : null;
      if (negative && !max.inclusive) negative = { ...negative, nonZero: true };
    } else if (c.isNegative()) {
      positive = null; // negative side: an upper bound below zero is not expressed
    } else if (positive) {
      const p = powerOfTen(c);
      if (p !== undefined) positive = { ...positive, below: { ...p, inclusive: max.inclusive } };
    }
  }
  const possible = (m: Magnitude | null): Magnitude | null => (m && m.zeroOnly && m.nonZero ? null : m);
  return { positive: possible(positive), negative: possible(negative) };
}

/** A digit 1-9 ahead (within the literal: nothing after a numeral has digits), or none. */
const NON_ZERO = '(?=[^1-9]*[1-9])';
const ZERO = '(?![^1-9]*[1-9])';

function signed(s: Sides, body: (m: Magnitude) => string): string {
  const { positive, negative } = s;
  if (positive && negative && isFree(positive) && isFree(negative)) return `^\\s*[+-]?${body({})}\\s*$`;
  const alternatives = [
    ...(positive ? [`\\+?${body(positive)}`] : []),
    ...(negative ? [`-${body(negative)}`] : []),
  ];
  if (alternatives.length === 0) return '^(?!)'; // no literal is in range
  return `^\\s*(?:${alternatives.join('|')})\\s*$`;
}

const isFree = (m: Magnitude): boolean => !m.zeroOnly && !m.nonZero && !m.below;

// values.ts AMOUNT: `$`, digits with `,` or `_` between groups of three, decimals, K/M/B in either case
const AMOUNT_NUMERAL = '\\$?(?:\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:_\\d{3})+|\\d+)(?:\\.\\d+)?[kmbKMB]?';

/** An amount string with its range; surrounding blanks are allowed, as the tool trims. */
export function amountPattern(min?: Bound): string {
  return signed(sides(min, undefined, 1), (m) => {
    // a suffix multiplies the numeral, so only zero / non-zero is written here
    if (m.zeroOnly) return `${ZERO}${AMOUNT_NUMERAL}`;
    if (m.nonZero) return `${NON_ZERO}${AMOUNT_NUMERAL}`;
    return AMOUNT_NUMERAL;
  });
}

// values.ts RATE: a numeral, then `%` after optional blanks for a percentage
const RATE_NUMERAL = '(?:\\d+(?:\\.\\d*)?|\\.\\d+)';

function rateNumeral(m: Magnitude): string {
  if (m.zeroOnly) return '(?:0+(?:\\.0*)?|\\.0+)';
  let numeral = RATE_NUMERAL;
  if (m.below) {
    const { power, digit, inclusive } = m.below;
    // the integer part, leading zeros aside, has at most `power` digits, or power + 1 led by a digit below d; any decimals
    const shorter = power === 0 ? '0+(?:\\.\\d*)?' : `0*\\d{1,${power}}(?:\\.\\d*)?`;
    const lower = digit > 1 ? `|0*[1-${digit - 1}]\\d{${power}}(?:\\.\\d*)?` : '';
    const exactly = inclusive ? `|0*${digit}${'0'.repeat(power)}(?:\\.0*)?` : '';
    numeral = `(?:${shorter}${lower}|\\.\\d+${exactly})`;
  }
  return m.nonZero ? `${NON_ZERO}${numeral}` : numeral;
}

const FRACTION_MIN: Bound = { value: '-1', inclusive: false };
const FRACTION_MAX: Bound = { value: '1', inclusive: false };

/** The stricter of two bounds of one side (`min`: the larger; `max`: the smaller; on a tie the exclusive one). */
function tighter(a: Bound | undefined, b: Bound, side: 'min' | 'max'): Bound {
  if (!a) return b;
  const c = new Decimal(a.value).cmp(b.value);
  if (c === 0) return a.inclusive ? b : a;
  return (side === 'min' ? c > 0 : c < 0) ? a : b;
}

/** A rate string, a fraction (`0.5`, within (−1, 1): SPEC §6) or a percentage (`50%`), with its range. */
export function ratePattern(min?: Bound, max?: Bound): string {
  const fraction = sides(tighter(min, FRACTION_MIN, 'min'), tighter(max, FRACTION_MAX, 'max'), 1);
  const percent = sides(min, max, 100);
  const side = (f: Magnitude | null, p: Magnitude | null): string | null => {
    const parts = [...(f ? [rateNumeral(f)] : []), ...(p ? [`${rateNumeral(p)}\\s*%`] : [])];
    return parts.length === 0 ? null : `(?:${parts.join('|')})`;
  };
  const positive = side(fraction.positive, percent.positive);
  const negative = side(fraction.negative, percent.negative);
  if (positive === null && negative === null) return '^(?!)';
  const alternatives = [...(positive ? [`\\+?${positive}`] : []), ...(negative ? [`-${negative}`] : [])];
  return `^\\s*(?:${alternatives.join('|')})\\s*$`;
}
