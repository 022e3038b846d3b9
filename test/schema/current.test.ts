/** The committed JSON Schema is generated from SCENARIO_SCHEMA and kept current. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { makeAjv } from './support.js';

const FILE = new URL('../../schema/scenario.schema.json', import.meta.url);

const REGENERATE =
  'schema/scenario.schema.json is out of date with src/scenario/schema.ts; regenerate it with `npm run schema`, or:\n' +
  `  npm run build && node -e "import('./dist/scenario/json-schema.js').then((m) => require('fs').writeFileSync('schema/scenario.schema.json', JSON.stringify(m.scenarioJsonSchema(), null, 2) + '\\n'))"`;

describe('schema/scenario.schema.json', () => {
  test('is current: equal to the generated schema, byte for byte', () => {
    const committed = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '(missing)';
    expect(committed, REGENERATE).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });

  test('is a valid draft-07 schema that strict ajv compiles without a warning', () => {
    const schema = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => makeAjv().compile(schema)).not.toThrow();
  });

  test('the generator is pure: the same object every call, in a stable key order', () => {
    const a = scenarioJsonSchema();
    expect(scenarioJsonSchema()).toStrictEqual(a);
    expect(Object.keys(a)).toEqual(['$schema', '$id', 'title', 'description', 'properties', 'type', 'additionalProperties', 'if', 'then']);
    // a variant (extends) may leave the required keys to its base, at any depth
    expect(a.if).toEqual({ not: { required: ['extends'] } });
    const then = a.then as { required: string[]; properties: Record<string, { required?: string[]; properties?: Record<string, { required?: string[] }> }> };
    expect(then.required).toEqual(['name', 'term', 'pricing']);
    expect(then.properties.term?.required).toEqual(['start', 'end']);
    expect(then.properties.pricing?.required).toEqual(['monthly_fee']);
    expect(then.properties.termination?.required).toEqual(['notice_days']);
    expect(then.properties.costs?.properties?.power?.required).toEqual(['price_per_mwh']);
    expect(then.properties.costs?.properties?.operating?.required).toEqual(['monthly']);
    expect(a.additionalProperties).toBe(false);
  });

  test('descriptions and defaults come from the schema data', () => {
    const props = scenarioJsonSchema().properties as Record<string, Record<string, unknown>>;
    expect(props.currency).toMatchObject({ description: 'ISO 4217 currency code.', default: 'USD' });
    const billing = props.billing?.properties as Record<string, Record<string, unknown>>;
    expect(billing.periods).toMatchObject({ enum: ['calendar', 'anniversary'], default: 'calendar' });
    expect(billing.payment_terms_days).toMatchObject({ type: 'integer', minimum: 0, default: 0 });
  });
});
