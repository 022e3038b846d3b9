/**
 * The portfolio format as data (SPEC §10): a file whose top level has
 * `portfolio:` lists facilities and the contracts on them, each a scenario
 * file (with its own `extends`, and `set:` overrides as `--set`). The same
 * validator walks it, so its problems are positioned like a scenario's.
 */
import { marketField, SCENARIO_SCHEMA, type ObjectField } from './schema.js';

/** Contract and facility ids: lower case letters and digits, then also `_` and `-`. */
export const ID_PATTERN = '^[a-z0-9][a-z0-9_-]*$';
const ID_HINT = 'an id of lower-case letters, digits, "_" and "-", starting with a letter or digit';

const gt0 = { value: '0', inclusive: false } as const;

export const PORTFOLIO_SCHEMA: ObjectField = {
  type: 'object',
  description: 'A deal-model portfolio: several contracts on shared facilities.',
  properties: {
    portfolio: { field: { type: 'text', description: 'Name of the portfolio.' }, required: true },
    currency: { field: { type: 'currency', description: 'ISO 4217 currency code; every contract must use it.' }, default: 'USD' },
    facilities: {
      required: true,
      field: {
        type: 'list',
        minItems: 0,
        description: 'The facilities the contracts are on.',
        items: {
          type: 'object',
          description: 'One facility.',
          properties: {
            id: { field: { type: 'text', pattern: ID_PATTERN, patternHint: ID_HINT, description: 'Unique id of the facility.' }, required: true },
            power_mw: { field: { type: 'number', min: gt0, description: 'Power of the facility in MW.' }, required: true },
          },
        },
      },
    },
    contracts: {
      required: true,
      field: {
        type: 'list',
        minItems: 1,
        description: 'The contracts: scenario files, each on a facility.',
        items: {
          type: 'object',
          description: 'One contract.',
          properties: {
            id: { field: { type: 'text', pattern: ID_PATTERN, patternHint: ID_HINT, description: 'Unique id of the contract.' }, required: true },
            file: { field: { type: 'text', description: 'Its scenario file, relative to the folder of the portfolio file.' }, required: true },
            facility: { field: { type: 'text', pattern: ID_PATTERN, patternHint: ID_HINT, description: 'The id of its facility.' }, required: true },
            power_mw: { field: { type: 'number', min: gt0, description: 'MW it takes of the facility; default the scenario\'s capacity.power_mw.' } },
            set: { field: { type: 'overrides', description: 'Values set in the scenario, as --set: key paths mapped to values.' } },
          },
        },
      },
    },
    valuation: { field: (SCENARIO_SCHEMA.properties.valuation as { field: ObjectField }).field },
    market: { field: marketField(true) },
    as_of: { field: { type: 'date', description: 'Default date of the backlog (--as-of).' } },
    expect: { field: { type: 'expectations', description: 'Expected values: dotted paths in the canonical result mapped to values.' } },
  },
};
