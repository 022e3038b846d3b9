/**
 * The raw material of the fuzz generators: hostile YAML tokens, the keys of
 * the scenario schema, plausible and implausible values, and the seed files
 * (example scenarios and fixtures) that the mutation generator starts from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every example scenario and every test fixture, as text. */
export const SEEDS: readonly { readonly name: string; readonly text: string }[] = (() => {
  const out: { name: string; text: string }[] = [];
  for (const dir of ['scenarios', 'test/fixtures', 'test/fixtures/bad']) {
    let files: string[] = [];
    try {
      files = readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.yaml')).sort();
    } catch {
      continue;
    }
    // invalid UTF-8 in a fixture becomes U+FFFD here; the byte generators make invalid UTF-8 of their own
    for (const f of files) {
      const text = new TextDecoder('utf-8').decode(readFileSync(join(ROOT, dir, f)));
      // a variant reads its base from disk (SPEC §8): fuzzing it from memory would only test a missing base
      if (!/^extends:/m.test(text)) out.push({ name: `${dir}/${f}`, text });
    }
  }
  return out;
})();

/** The example scenarios only (valid files: their mutations often still load). */
export const EXAMPLES = SEEDS.filter((s) => s.name.startsWith('scenarios/'));

export const SCHEMA_KEYS = [
  'name', 'currency', 'parties', 'provider', 'customer', 'capacity', 'power_mw', 'site',
  'term', 'start', 'end', 'pricing', 'monthly_fee', 'ramp', 'discount', 'fee', 'months',
  'escalation', 'rate', 'every_months', 'billing', 'periods', 'timing', 'payment_terms_days',
  'termination', 'notice_days', 'by', 'not_before', 'valuation', 'discount_rate', 'date',
  'risk', 'monthly_notice_probability', 'expect',
] as const;

/** Keys that are not in the schema but are interesting: prototype names, near misses, odd scalars. */
export const ODD_KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '<<',
  'Name', 'montly_fee', 'monthly-fee', 'monthlyFee', 'notice_day', 'end ', ' name', 'nаme' /* Cyrillic а */,
  '1', '"1"', '01', '1.0', 'true', 'null', '~', '""', "''", '"name"', "'term'", '-1', '.inf',
  'project.totals.fee', 'terminate.committed.share', 'project.periods[0].fee', 'a..b', '[x]',
  '🚀', 'מפתח', 'e\u0301', '\uFEFFname', 'name\u200B',
  // escapes that put line breaks and control characters into a key (and so into a key path)
  '"a\\nb"', '"x\\n<stdin>:1:1: forged"', '"\\e[31mred\\e[0m"', '"nul\\x00"', '"tab\\tkey"', '"cr\\rkey"', '"\\u2028ls"',
  "'multi\n  line'", '"multi\n  line"',
] as const;

export const DATES = [
  '2026-06-01', '2029-05-31', '2026-03-15', '2028-02-29', '2027-02-28', '1970-01-01', '2000-02-29',
  '0000-01-01', '0001-01-01', '9999-12-31', '1900-02-28', '2100-12-31',
  '2027-02-30', '2027-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-06-00',
  '2026-6-1', '20260601', '2026-06', '2026', '26-06-01', '+2026-06-01', '-2026-06-01', '10000-01-01',
  '2026-06-01T00:00:00Z', '2026-06-01 12:00:00', '2026-06-01t00:00', '"2026-06-01"', "'2026-06-01'",
  '2026‐06‐01' /* U+2010 hyphens */, '２０２６-06-01' /* full-width digits */, '2026-06-01 # comment',
] as const;

const DIGITS_400 = '9'.repeat(400);

export const AMOUNTS = [
  '1.25B', '1.25b', '"$1,250,000,000"', '$1,000', '"$1,000"', '1250000000', '1_000_000', '2_400_000.005',
  '7,777,777.77', '12.5M', '25M', '1K', '1k', '0.01', '12345678901234567.89', '"12345678901234567.891"',
  '0', '0.0', '-0', '+0', '-5', '+5', '-1.25B', '1,00', '1,0000', '1__000', '1_0', '$', '$-5', '-$5', '1.2.3',
  '1e400', '-1e400', '1e-400', '1e4000', '1E3', '1e+3', '.5', '5.', '00012', '0001.5K',
  DIGITS_400, `${DIGITS_400}.${DIGITS_400}`, `"${DIGITS_400}B"`, `0.${'0'.repeat(400)}1`,
  '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', 'inf', 'nan', 'Infinity', '-Infinity',
  '0x1F', '0xFFFFFFFFFFFFFFFFFFFFFFFF', '0x', '0o17', '0o', '0o8', '0b101', '017', '1.25 B', '1.25BB', '1.25T',
  '€1,000', '1 000', '1,000,00', '١٢٣' /* Arabic-Indic digits */,
] as const;

/**
 * Exponents past what decimal.js keeps finite (about 9e15), and finite ones
 * whose exact expansion has billions of digits. Kept apart so the generators
 * can use them with a small weight.
 */
export const EXTREME_NUMBERS = [
  '1e99999999999999999', '-1e99999999999999999', '1e-99999999999999999', '1e9000000000000000',
  '1e-9000000000000000', '1e10000000', '1e-10000000', '1e100000',
] as const;

export const RATES = [
  '50%', '"50%"', '100%', '0%', '-100%', '-99.99%', '101%', '100.0000001%', '33.3333%', '3%', '-2.5%', '1.5%',
  '0.5', '1', '0', '-1', '-0.9999999999', '0.06', '2', '50', '1e-400', '1e-400%', '"1e2%"', '3.%', '.5%',
  '%', '50 %', '50%%', '5O%', '+5%', '- 5%', '"%50"', '0x10%', '.inf%', '1,5%',
] as const;

export const INTEGERS = [
  '0', '1', '2', '12', '36', '90', '365', '-1', '+1', '1.0', '9e1', '1e3', '0x5A', '0o17', '"90"', '90 ',
  '9007199254740991', '9007199254740992', '99999999999999999999', DIGITS_400, '1_000', '1,000', '.inf',
  '100000', '1000000',
] as const;

export const CHOICES = [
  'calendar', 'anniversary', 'advance', 'arrears', 'either', 'customer', 'provider', 'none',
  'Calendar', 'EITHER', 'calender', 'anniversery', 'custumer', 'both', '"none"', "'either'",
  'yes', 'no', 'on', 'off', 'y', 'n', 'true', 'false', 'True', 'null', 'Null', '~', '""',
] as const;

export const CURRENCY_VALUES = ['USD', 'EUR', 'JPY', 'usd', 'XXX', 'US$', '"USD "', 'ZZZ', '840', 'USDT', '""'] as const;

/** Text values: unicode of every awkward kind, quoting styles, block scalars. */
export const TEXTS = [
  'Colossus 1 capacity lease', 'x', '"quoted"', "'single ''quoted'''", '"esc \\t \\n \\\\ \\" \\x41 \\u00e9 \\U0001F680"',
  '"\\x00\\u0000"', '"\\uD800"' /* lone surrogate escape */, '"\\uDFFF\\uD800"', '"\\N\\_\\L\\P"',
  '"bad \\q escape"', '🚀💰 deal', '👨‍👩‍👧‍👦', 'مرحبا بالعالم', 'שלום', '\u202Eevil\u202C', 'e\u0301\u0301\u0301\u0301',
  'Z\u0351\u0360\u0364a\u0357\u036Bl\u0350\u0359g\u036E\u0344o', '\uFEFFbom inside', 'line\u2028sep', 'para\u2029sep',
  'nul\u0000byte', 'nel\u0085here', 'bell\u0007', 'del\u007F', 'tab\there', '"tab\there"', 'a: b', 'a #b', 'a#b',
  '- item', '? q', '|', '>', '|-\n  block text\n  more', '>+\n  folded\n\n', '"unterminated', "'unterminated",
  '"multi\n  line"', '`backtick`', '@at', '%percent', '&amp', '*star', '!bang', '{', '}', '[', ']', ',', '\\',
  '', ' ', '"   "', '"\\t"', 'null', '~', 'true', '1', '1.5', '-', '---', '...',
] as const;

export const TAGS = [
  '!!timestamp', '!!binary', '!!set', '!!omap', '!!pairs', '!!str', '!!int', '!!float', '!!bool', '!!null',
  '!!map', '!!seq', '!!merge', '!!value', '!foo', '!<tag:x>', '!<tag:yaml.org,2002:str>',
  '!<tag:yaml.org,2002:timestamp>', '!<!>', '!', '!e!foo', '!!python/object:os.system', '!<>', '!!',
] as const;

export const DIRECTIVES = [
  '%YAML 1.1', '%YAML 1.2', '%YAML 1.3', '%YAML 2.0', '%YAML 1.2 # c', '%YAML', '%YAML 1.2\n%YAML 1.2',
  '%TAG ! tag:x:', '%TAG !e! tag:example.com,2000:', '%TAG !! tag:evil:', '%FOO bar', '%',
] as const;

export const ANCHOR_NAMES = ['a', 'b', 'x', 'name', 'a1', '🚀', 'a,b', 'a]b'] as const;

/** Odd characters to sprinkle anywhere. */
export const ODD_CHARS = [
  '\t', '\r', '\r\n', '\n', '\u0000', '\uFEFF', '\u2028', '\u2029', '\u0085', '\u00A0', '\u200B', '\u202E',
  '\u0301', '😀', '\uD800' /* lone surrogate: encodes as U+FFFD */, '#', ':', '-', '?', '|', '>', '!', '&', '*',
  '%', '@', '`', '"', "'", '[', ']', '{', '}', ',', '\\', ' ',
] as const;

/** Free-standing hostile tokens for the token soup and for insertion into seed files. */
export const HOSTILE_TOKENS: readonly string[] = [
  ...TAGS.map((t) => `${t} `), ...DIRECTIVES.map((d) => `${d}\n`),
  ...ANCHOR_NAMES.flatMap((n) => [`&${n} `, `*${n}`]), '*undefined_alias', '*', '& ', '&a &b ',
  '---', '---\n', '...', '...\n', '--- |\n', '--- >-\n', '--- !!set\n', '<<: *a', '<<: [*a, *b]', '<<: {}',
  '? ', ': ', '- ', '-\t', '- - - ', '? - ', '[', ']', '{', '}', ', ', '[]', '{}', '[,]', '{,}', '[:]', '{ : }',
  '#', ' # comment', '|', '>', '|2-', '>9', '\t', '  ', '    ', '\n', '\r\n', '\r', '\u2028', '\uFEFF',
  '\u0000', '"', "'", '\\', '`', '@', '%', '!', '&', '*',
];
