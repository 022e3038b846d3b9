/** Every shipped scenario is valid against the committed schema, as an editor sees it. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exampleScenarios } from '../support/examples.js';
import { parseDocument } from 'yaml';
import { makeAjv } from './support.js';

const ROOT = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/scenario.schema.json', ROOT), 'utf8')) as Record<string, unknown>;
const validate = makeAjv().compile(schema);
const files = exampleScenarios();

describe('scenarios/*.yaml against schema/scenario.schema.json', () => {
  test('there are scenarios to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)('%s is valid', (file) => {
    const data = parseDocument(readFileSync(new URL(`scenarios/${file}`, ROOT), 'utf8')).toJS() as unknown;
    const ok = validate(data);
    expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true);
  });
});
