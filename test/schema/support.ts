/** Shared helpers for the JSON Schema tests: ajv set up as an editor would use the schema, and the tool's own verdict. */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parseDocument } from 'yaml';
import { DealModelError } from '../../src/errors.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { loadScenario } from '../../src/scenario/load.js';

const addFormats = addFormatsModule.default;

/** Strict ajv that fails on any strict-mode warning, so the schema stays clean draft-07. */
export function makeAjv(): Ajv {
  const fail = (...args: unknown[]): never => {
    throw new Error(`ajv: ${args.map(String).join(' ')}`);
  };
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, logger: { log: () => undefined, warn: fail, error: fail } });
  addFormats(ajv);
  return ajv;
}

export const SCHEMA = scenarioJsonSchema();

let compiled: ValidateFunction | undefined;
export function validator(): ValidateFunction {
  compiled ??= makeAjv().compile(SCHEMA);
  return compiled;
}

/** The scenario text as the JSON data an editor validates, or undefined when YAML itself cannot convert it. */
export function jsonOf(text: string): { value: unknown } | undefined {
  try {
    return { value: parseDocument(text).toJS() as unknown };
  } catch {
    return undefined;
  }
}

/** ajv's verdict on the text's data, with its errors for failure messages. */
export function schemaVerdict(text: string): { accepts: boolean; errors: string } | undefined {
  const json = jsonOf(text);
  if (!json) return undefined;
  const validate = validator();
  const accepts = validate(json.value);
  return { accepts, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ') };
}

/** The tool's verdict: loads, or the input error's lines. */
export function toolVerdict(text: string): { accepts: boolean; errors: string } {
  try {
    loadScenario(new TextEncoder().encode(text), 's.yaml');
    return { accepts: true, errors: '' };
  } catch (error) {
    if (!(error instanceof DealModelError)) throw error;
    return { accepts: false, errors: error.lines().join('; ') };
  }
}

/** The subschema of a field by its key path; `[]` steps into a list's items. */
export function subschema(path: readonly string[]): Record<string, unknown> {
  let node: Record<string, unknown> = SCHEMA;
  for (const step of path) {
    const next = step === '[]' ? node.items : (node.properties as Record<string, unknown> | undefined)?.[step];
    if (!next || typeof next !== 'object') throw new Error(`no subschema at ${path.join('.')}`);
    node = next as Record<string, unknown>;
  }
  return node;
}

/** The `pattern` of a field's string branch (amounts and rates are anyOf number | string). */
export function stringPattern(path: readonly string[]): RegExp {
  const branches = subschema(path).anyOf as Record<string, unknown>[] | undefined;
  const branch = branches?.find((b) => b.type === 'string');
  if (!branch || typeof branch.pattern !== 'string') throw new Error(`no string pattern at ${path.join('.')}`);
  return new RegExp(branch.pattern, 'u'); // as ajv and yaml-language-server compile it
}
