/**
 * The bad-input corpus: every way a scenario or a command line can be wrong,
 * run through the BUILT CLI (bin/deal-model.js, `npm run build` first), each
 * with its golden transcript in test/golden/corpus/<name>.txt.
 *
 * For every case: the exit code is the documented one (SPEC §4: 2 usage,
 * 3 invalid scenario, 4 I/O), there is no stack trace, nothing is written to
 * standard output, every line of an exit-3 report is `file:line:col: ...`,
 * the key path is named where the problem concerns a key, and the run ends
 * (a child still running after HANG_MS is killed and the case fails).
 *
 * Scenario files live in test/corpus/ (one per case, named by what is wrong).
 * Inputs that must not be committed (over 1 MiB, very deep, special files,
 * unreadable files) are generated into a temporary directory by `setup`.
 *
 * Cases marked `defect` describe behaviour the tool gets wrong today: the
 * assertions state the CORRECT behaviour, so they fail until src/ is fixed;
 * their golden transcript is written (UPDATE_GOLDEN=1) only once every other
 * assertion passes, so a wrong message is never frozen into a golden.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { golden, ROOT, run, transcript } from './run.js';

/** Scenario files and standard input are capped at 1 MiB (SPEC §1). */
const MAX_BYTES = 1024 * 1024;
const VALID = 'name: Valid lease\nterm: { start: 2026-06-01, end: 2027-05-31 }\npricing: { monthly_fee: 1M }\n';
const COLOSSUS = 'scenarios/colossus-1.yaml';
/** A case that runs longer than this is killed as a hang. */
const HANG_MS = 20_000;

interface Setup {
  readonly args: readonly string[];
  readonly input?: string | Uint8Array;
  /** Run in the case's temporary directory (so generated files have short, stable names). */
  readonly inTemp?: boolean;
  /** Text replaced in the transcript, e.g. a machine-dependent path. */
  readonly replace?: readonly (readonly [string, string])[];
}

interface Case {
  readonly name: string;
  readonly status: 2 | 3 | 4;
  /** Explicit command line; the default is `<cmd> test/corpus/<name>.yaml`. */
  readonly args?: readonly string[];
  /** Command for a corpus file (default `project`). */
  readonly cmd?: string;
  readonly input?: string | Uint8Array;
  /** The key path the message must name (`path:` after the position). */
  readonly path?: string;
  /** Standard error must match each of these. */
  readonly expect?: readonly RegExp[];
  /** Standard error must match none of these. */
  readonly reject?: readonly RegExp[];
  /** What the tool gets wrong today (the assertions above state the correct behaviour). */
  readonly defect?: string;
  /** `check` writes its report to standard output even when a scenario is invalid (SPEC §5). */
  readonly stdoutReport?: boolean;
  /** Generate the input at test time; a string is a reason to skip. */
  readonly setup?: (dir: string) => Setup | string;
  /** Checks after the run (e.g. a file left untouched). */
  readonly after?: (dir: string) => void;
  /** Normalise parts of the transcript that depend on the machine (e.g. stack depth). */
  readonly normalize?: (text: string) => string;
}

// ---- shared expectations -------------------------------------------------

/** A malformed literal must be reported as such, with the accepted form: not as a range error the input seems to satisfy. */
const NOT_AMOUNT_RANGE = /expected an amount > 0, got/;
const NOT_RATE_RANGE = /expected a rate (between 0% and 100%|> -100%), got/;
const LITERAL_DEFECT =
  'a malformed literal is reported with the range message ("expected an amount > 0" / "expected a rate > -100%"), which the value seems to satisfy; ' +
  'it should say the form is not recognised and show the accepted form (e.g. 1.25B, 1250000, "$1,250,000"; 3%, 0.03)';
const NUL_DEFECT =
  'control characters (NUL, BEL...) are not allowed in a YAML 1.2 stream; the file is accepted (exit 0) and the raw byte is printed in the output';
const TAG_PATH_DEFECT = 'the tag error does not name the key path of the tagged value, which is knowable';

/** Position of a problem, as `file:line:col: ` at the start of a line. */
function at(file: string, line: number, column: number | string = '\\d+'): RegExp {
  return new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:${column}: `, 'm');
}
const corpusFile = (name: string): string => `test/corpus/${name}.yaml`;

/** A deep-nesting error's position depends on the stack size of the machine. */
const deepPosition = (text: string): string => text.replace(/:\d+:\d+: invalid YAML: nested too deeply/g, ':<line>:<col>: invalid YAML: nested too deeply');

// ---- the corpus ------------------------------------------------------------

const CASES: readonly Case[] = [
  // YAML syntax
  { name: 'yaml-tab-indent', status: 3 },
  {
    name: 'yaml-unclosed-single-quote', status: 3,
    expect: [/^test\/corpus\/yaml-unclosed-single-quote\.yaml:1:7: [^\n]*quote/im],
    defect: 'reported at 4:1, past the end of the 3-line file, instead of at the opening quote (1:7)',
  },
  {
    name: 'yaml-unclosed-double-quote', status: 3,
    expect: [/^test\/corpus\/yaml-unclosed-double-quote\.yaml:4:16: [^\n]*quote/im],
    defect: 'reported at 5:1, past the end of the 4-line file, instead of at the opening quote (4:16)',
  },
  {
    name: 'yaml-bad-indent', status: 3,
    expect: [at(corpusFile('yaml-bad-indent'), 4), /indent/i],
    reject: [/compact mappings|Implicit keys need to be on a single line/],
    defect: 'the over-indented "   end:" on line 4 is reported at 3:10 (the value of start) with two parser messages ("Nested mappings are not allowed in compact mappings", "Implicit keys need to be on a single line") that do not say the line is mis-indented',
  },
  { name: 'yaml-bad-indent-dedent', status: 3 },
  {
    name: 'yaml-mapping-value-wrong-place', status: 3,
    expect: [at(corpusFile('yaml-mapping-value-wrong-place'), 1), /quot/i],
    reject: [/compact mappings/],
    defect: '"name: Colon: in a plain value" gives "Nested mappings are not allowed in compact mappings" at 1:7: parser jargon that does not say the value holds ": " and must be quoted',
  },
  {
    name: 'yaml-unclosed-flow-map', status: 3,
    expect: [/^test\/corpus\/yaml-unclosed-flow-map\.yaml:2:7: [^\n]*\}/m],
    defect: 'reported at 3:1 (the next key, whose own { } is closed) instead of at the unclosed { of term (2:7)',
  },
  {
    name: 'yaml-unclosed-flow-seq', status: 3,
    expect: [/^test\/corpus\/yaml-unclosed-flow-seq\.yaml:5:9: [^\n]*\]/m],
    defect: 'reported at 6:1, past the end of the 5-line file, instead of at the unclosed [ of pricing.ramp (5:9)',
  },
  { name: 'yaml-version-1.1', status: 3, expect: [/unsupported YAML version 1\.1/] },
  {
    name: 'yaml-version-1.3', status: 3, expect: [/1\.3/, /YAML 1\.2/],
    defect: '"invalid YAML: Unsupported YAML version 1.3" (the parser\'s message) does not say what is expected, unlike %YAML 1.1 ("scenarios are YAML 1.2 (remove the %YAML directive)")',
  },

  // unknown keys and typos at every level
  { name: 'unknown-key-top', status: 3, path: 'curency', expect: [/did you mean "currency"/] },
  { name: 'unknown-key-term', status: 3, path: 'term.ends', expect: [/did you mean "end"/] },
  { name: 'unknown-key-pricing', status: 3, path: 'pricing.escalaton', expect: [/did you mean "escalation"/] },
  { name: 'unknown-key-ramp-step', status: 3, path: 'pricing.ramp[1].month', expect: [/did you mean "months"/] },
  { name: 'unknown-key-escalation', status: 3, path: 'pricing.escalation.every_month', expect: [/did you mean "every_months"/] },
  { name: 'unknown-key-billing', status: 3, path: 'billing.timming', expect: [/did you mean "timing"/] },
  { name: 'unknown-key-termination', status: 3, path: 'termination.notbefore', expect: [/did you mean "not_before"/] },
  { name: 'unknown-key-valuation', status: 3, path: 'valuation.discount', expect: [/discount_rate/] },
  { name: 'unknown-key-risk', status: 3, path: 'risk.monthly_probability', expect: [/monthly_notice_probability/] },
  { name: 'unknown-key-parties', status: 3, path: 'parties.provder', expect: [/did you mean "provider"/] },
  { name: 'unknown-key-camelcase', status: 3, cmd: 'terminate', path: 'pricing.monthlyFee', expect: [/did you mean "monthly_fee"/, /termination\.noticeDays: unknown key; did you mean "notice_days"/] },
  { name: 'unknown-key-wrong-level', status: 3, path: 'term.monthly_fee', expect: [/belongs under pricing/] },
  { name: 'unknown-key-misplaced-discount-rate', status: 3, path: 'discount_rate', expect: [/belongs under valuation/] },

  // duplicate keys
  { name: 'duplicate-key-top', status: 3, path: 'name', expect: [/duplicate key \(first defined at line 1, column 1\)/] },
  { name: 'duplicate-key-nested', status: 3, path: 'term.start', expect: [/duplicate key \(first defined at line 3, column 3\)/] },
  { name: 'duplicate-key-flow', status: 3, path: 'pricing.ramp[0].months', expect: [/duplicate key/] },
  { name: 'duplicate-key-expect', status: 3, cmd: 'validate', path: 'expect.project.totals.fee', expect: [/duplicate key/] },
  { name: 'duplicate-key-number-vs-string', status: 3, cmd: 'validate', path: 'expect' },

  // wrong types at every level
  { name: 'type-term-list', status: 3, path: 'term', expect: [/got a list/] },
  { name: 'type-pricing-string', status: 3, path: 'pricing' },
  { name: 'type-name-mapping', status: 3, path: 'name', expect: [/got a mapping/] },
  { name: 'type-ramp-number', status: 3, path: 'pricing.ramp', expect: [/expected a list/] },
  { name: 'type-ramp-step-scalar', status: 3, path: 'pricing.ramp[0]' },
  { name: 'type-monthly-fee-boolean', status: 3, path: 'pricing.monthly_fee' },
  { name: 'type-start-number', status: 3, path: 'term.start' },
  { name: 'type-billing-list', status: 3, path: 'billing' },
  { name: 'type-termination-scalar', status: 3, path: 'termination' },
  { name: 'type-notice-days-string', status: 3, path: 'termination.notice_days' },
  { name: 'type-escalation-null', status: 3, path: 'pricing.escalation' },
  { name: 'type-valuation-string', status: 3, path: 'valuation' },
  { name: 'type-risk-list', status: 3, path: 'risk' },
  { name: 'type-by-boolean', status: 3, path: 'termination.by' },
  { name: 'type-months-string', status: 3, path: 'pricing.ramp[0].months' },

  // amount literals
  { name: 'amount-1.2.3B', status: 3, path: 'pricing.monthly_fee' },
  { name: 'amount-NaN-string', status: 3, path: 'pricing.monthly_fee' },
  { name: 'amount-nan', status: 3, path: 'pricing.monthly_fee' },
  { name: 'amount-empty-string', status: 3, path: 'pricing.monthly_fee' },
  { name: 'amount-null', status: 3, path: 'pricing.monthly_fee', expect: [/got nothing/] },
  { name: 'amount-dollar-minus', status: 3, path: 'pricing.monthly_fee' }, // "$-5": sign after $, negative either way
  { name: 'amount-minus-dollar', status: 3, path: 'pricing.monthly_fee' }, // "-$5": a valid literal out of range
  { name: 'amount-thousand-groups-indian', status: 3, path: 'pricing.monthly_fee', reject: [NOT_AMOUNT_RANGE], defect: LITERAL_DEFECT },
  { name: 'amount-hex-string', status: 3, path: 'pricing.monthly_fee', reject: [NOT_AMOUNT_RANGE], defect: LITERAL_DEFECT },
  { name: 'amount-space-suffix', status: 3, path: 'pricing.monthly_fee', reject: [NOT_AMOUNT_RANGE], defect: LITERAL_DEFECT },
  { name: 'amount-words', status: 3, path: 'pricing.monthly_fee', reject: [NOT_AMOUNT_RANGE], defect: LITERAL_DEFECT },
  { name: 'amount-suffix-T', status: 3, path: 'pricing.monthly_fee', reject: [NOT_AMOUNT_RANGE], defect: LITERAL_DEFECT },
  { name: 'amount-double-suffix', status: 3, path: 'pricing.monthly_fee', reject: [NOT_AMOUNT_RANGE], defect: LITERAL_DEFECT },
  { name: 'amount-euro', status: 3, path: 'pricing.monthly_fee', reject: [NOT_AMOUNT_RANGE], defect: LITERAL_DEFECT },
  { name: 'amount-underscore-bad-groups', status: 3, path: 'pricing.monthly_fee', reject: [NOT_AMOUNT_RANGE], defect: LITERAL_DEFECT },
  { name: 'amount-infinity', status: 3, path: 'pricing.monthly_fee', reject: [NOT_AMOUNT_RANGE], defect: LITERAL_DEFECT },

  // rate literals
  { name: 'rate-double-percent', status: 3, path: 'pricing.escalation.rate', reject: [NOT_RATE_RANGE], defect: LITERAL_DEFECT },
  { name: 'rate-percent-word', status: 3, path: 'pricing.ramp[0].discount', reject: [NOT_RATE_RANGE], defect: LITERAL_DEFECT },
  { name: 'rate-hex-string', status: 3, path: 'valuation.discount_rate', reject: [NOT_RATE_RANGE], defect: LITERAL_DEFECT },

  // dates
  { name: 'date-2027-02-30', status: 3, path: 'term.end', expect: [/February 2027 has 28 days/] },
  { name: 'date-2027-02-29', status: 3, path: 'term.end', expect: [/February 2027 has 28 days/] },
  { name: 'date-2026-6-1', status: 3, path: 'term.start', expect: [/YYYY-MM-DD/] },
  { name: 'date-with-time', status: 3, path: 'term.start' },
  { name: 'date-compact', status: 3, path: 'term.start' },
  { name: 'date-month-only', status: 3, path: 'term.start' },
  { name: 'date-month-13', status: 3, path: 'term.start', expect: [/no month 13/] },
  { name: 'date-slashes', status: 3, path: 'term.start' },

  // range rules
  { name: 'range-fee-negative', status: 3, path: 'pricing.monthly_fee', expect: [/expected an amount > 0, got "-5"/] },
  { name: 'range-fee-zero', status: 3, path: 'pricing.monthly_fee', expect: [/got "0"/] },
  { name: 'range-fee-negative-dollar', status: 3, path: 'pricing.monthly_fee' },
  { name: 'range-ramp-fee-negative', status: 3, path: 'pricing.ramp[0].fee', expect: [/>= 0/] },
  { name: 'range-discount-over-100', status: 3, path: 'pricing.ramp[0].discount' },
  { name: 'range-discount-50-no-percent', status: 3, path: 'pricing.ramp[0].discount', expect: [/ambiguous rate "50"/, /"50%" for 50 percent, or "5000%"/] },
  // SPEC §6 (v2): a rate of 1 or more without % is ambiguous; both readings are suggested
  { name: 'rate-ambiguous-escalation-3', status: 3, path: 'pricing.escalation.rate', expect: [/:5:23: /, /write "3%" for 3 percent, or "300%" if that is meant/] },
  { name: 'rate-ambiguous-discount-rate-10', status: 3, path: 'valuation.discount_rate', expect: [/"10%" for 10 percent, or "1000%"/] },
  { name: 'rate-ambiguous-discount-1', status: 3, path: 'pricing.ramp[0].discount', expect: [/"1%" for 1 percent, or "100%"/] },
  { name: 'rate-ambiguous-negative-string', status: 3, path: 'pricing.escalation.rate', expect: [/"-1.5%" for -1.5 percent, or "-150%"/] },
  { name: 'rate-ambiguous-every-field', status: 3, cmd: 'validate', expect: [/pricing\.ramp\[0\]\.discount: ambiguous/, /pricing\.escalation\.rate: ambiguous/, /valuation\.discount_rate: ambiguous/, /risk\.monthly_notice_probability: ambiguous/] },
  { name: 'range-discount-negative', status: 3, path: 'pricing.ramp[0].discount' },
  { name: 'range-escalation-minus-100', status: 3, path: 'pricing.escalation.rate', expect: [/> -100%/] },
  { name: 'range-escalation-every-0', status: 3, path: 'pricing.escalation.every_months' },
  { name: 'range-end-before-start', status: 3, cmd: 'terminate', path: 'term.end', expect: [/on or after term\.start/] },
  { name: 'range-notice-days-negative', status: 3, path: 'termination.notice_days' },
  { name: 'range-notice-days-fractional', status: 3, path: 'termination.notice_days', expect: [/integer/] },
  { name: 'range-months-0', status: 3, path: 'pricing.ramp[0].months' },
  { name: 'range-payment-terms-minus-1', status: 3, path: 'billing.payment_terms_days' },
  { name: 'range-probability-101', status: 3, cmd: 'terminate', path: 'risk.monthly_notice_probability' },
  { name: 'range-discount-rate-minus-100', status: 3, path: 'valuation.discount_rate' },
  { name: 'range-not-before-after-end', status: 3, cmd: 'validate', path: 'termination.not_before', expect: [/no notice could ever be given/] },
  { name: 'range-not-before-invalid-date', status: 3, path: 'termination.not_before', expect: [/September 2026 has 30 days/] },
  { name: 'range-termination-fee-negative', status: 3, path: 'termination.fee' },
  { name: 'enum-billing-timing', status: 3, path: 'billing.timing', expect: [/did you mean "advance"/] },
  { name: 'enum-termination-by', status: 3, path: 'termination.by' },

  // ramp steps
  { name: 'ramp-step-both', status: 3, path: 'pricing.ramp[0]', expect: [/got both/] },
  { name: 'ramp-step-neither', status: 3, path: 'pricing.ramp[0]', expect: [/got neither/] },
  { name: 'ramp-step-no-months', status: 3, path: 'pricing.ramp[0].months', expect: [/missing required key/] },

  // missing required keys
  { name: 'missing-name', status: 3, path: 'name', expect: [/missing required key/] },
  { name: 'missing-term', status: 3, path: 'term', expect: [/missing required key/] },
  { name: 'missing-term-start', status: 3, path: 'term.start', expect: [/missing required key/] },
  { name: 'missing-term-end', status: 3, path: 'term.end', expect: [/missing required key/] },
  { name: 'missing-pricing', status: 3, path: 'pricing', expect: [/missing required key/] },
  { name: 'missing-monthly-fee', status: 3, path: 'pricing.monthly_fee', expect: [/missing required key/] },
  { name: 'missing-notice-days', status: 3, path: 'termination.notice_days', expect: [/missing required key/] },

  // currency and name
  { name: 'currency-lowercase', status: 3, path: 'currency', expect: [/did you mean "USD"/] },
  { name: 'currency-unknown', status: 3, path: 'currency', expect: [/ISO 4217/] },
  { name: 'name-empty', status: 3, path: 'name' },
  { name: 'name-blank', status: 3, path: 'name' },
  { name: 'name-null', status: 3, path: 'name' },

  // tags outside the core schema
  { name: 'tag-timestamp', status: 3, path: 'term.start', expect: [/!!timestamp/], defect: TAG_PATH_DEFECT },
  { name: 'tag-binary', status: 3, path: 'name', expect: [/!!binary/], defect: TAG_PATH_DEFECT },
  { name: 'tag-set', status: 3, path: 'parties', expect: [/!!set/], defect: TAG_PATH_DEFECT },
  { name: 'tag-local-foo', status: 3, path: 'name', expect: [/!foo/], defect: TAG_PATH_DEFECT },
  { name: 'tag-omap', status: 3, path: 'term', expect: [/!!omap/], defect: TAG_PATH_DEFECT },
  { name: 'tag-str-on-fee', status: 3, path: 'pricing.monthly_fee' },

  // aliases
  {
    name: 'alias-undefined', status: 3, path: 'pricing.monthly_fee', expect: [/undefined alias \*fee/],
    defect: 'the undefined-alias error does not name the key path (pricing.monthly_fee), which is knowable',
  },
  { name: 'alias-bomb', status: 3, expect: [/too many aliases/] },
  { name: 'alias-bomb-in-known-key', status: 3, expect: [/too many aliases/] },
  { name: 'alias-valid-reuse', status: 3, path: 'pricing.monthly_fee' },

  // keys that are dangerous or unusual
  { name: 'key-proto', status: 3, path: '__proto__', expect: [/unknown key/] },
  { name: 'key-proto-nested', status: 3, path: 'pricing.__proto__', expect: [/unknown key/] },
  { name: 'key-constructor', status: 3, path: 'constructor', expect: [/unknown key/] },
  { name: 'key-prototype', status: 3, path: 'term.prototype', expect: [/unknown key/] },
  { name: 'key-merge', status: 3, path: 'term.<<', expect: [/unknown key/] },
  { name: 'key-complex', status: 3, expect: [/plain key/] },
  { name: 'key-number', status: 3, path: '12', expect: [/unknown key/] },

  // whole-document shapes
  { name: 'empty', status: 3, expect: [/empty file/] },
  { name: 'comment-only', status: 3, expect: [/empty file/] },
  { name: 'document-list', status: 3, expect: [/got a list/] },
  { name: 'document-scalar', status: 3 },
  {
    name: 'document-null', status: 3, reject: [/empty file/],
    defect: 'a file holding `null` is reported as "got an empty file"; it should say it got null (nothing)',
  },
  {
    name: 'document-multiple', status: 3, expect: [at(corpusFile('document-multiple'), 4, 1), /document/i], reject: [/parseAllDocuments/],
    defect: 'the message tells the analyst to "please use YAML.parseAllDocuments()" (a library API); it should say a scenario file holds one YAML document and a second one starts here',
  },
  {
    name: 'document-end-marker-then-text', status: 3, expect: [at(corpusFile('document-end-marker-then-text'), 5, 1), /document/i], reject: [/parseAllDocuments/],
    defect: 'the message tells the analyst to "please use YAML.parseAllDocuments()"; text after the `...` end marker should be reported as a second document',
  },

  // deep nesting
  { name: 'deep-flow-10000', status: 3, expect: [/nested too deeply/] },
  { name: 'deep-flow-unclosed-10000', status: 3, expect: [/nested too deeply/] },
  { name: 'deep-flow-64-ok-depth', status: 3, path: 'parties' },
  { name: 'deep-block-100', status: 3, path: 'parties.k1', expect: [/unknown key/] },
  {
    name: 'deep-block-mapping', status: 3, expect: [/nested too deeply/], normalize: deepPosition,
    setup: (dir) => {
      // 1,400 nested mappings, one space of indentation each: just under 1 MiB
      let text = 'name: Deep block mapping\nparties:\n';
      for (let i = 1; i < 1400; i++) text += `${' '.repeat(i)}k:\n`;
      writeFileSync(join(dir, 'deep-block-mapping.yaml'), text);
      return { args: ['validate', 'deep-block-mapping.yaml'], inTemp: true };
    },
  },
  {
    name: 'deep-block-sequence', status: 3, expect: [/nested too deeply/], normalize: deepPosition,
    setup: (dir) => {
      writeFileSync(join(dir, 'deep-block-sequence.yaml'), `${VALID.replace('pricing: { monthly_fee: 1M }\n', 'pricing:\n  monthly_fee: 1M\n  ramp:\n    ')}${'- '.repeat(100_000)}x\n`);
      return { args: ['project', 'deep-block-sequence.yaml'], inTemp: true };
    },
  },

  // bytes: encodings, BOMs, control characters
  { name: 'bytes-latin1', status: 3, expect: [at(corpusFile('bytes-latin1'), 1, 10), /invalid UTF-8/] },
  { name: 'bytes-overlong', status: 3, expect: [at(corpusFile('bytes-overlong'), 1, 16), /invalid UTF-8/] },
  { name: 'bytes-overlong-3', status: 3, expect: [at(corpusFile('bytes-overlong-3'), 3, 25), /invalid UTF-8/] },
  { name: 'bytes-surrogate', status: 3, expect: [/invalid UTF-8/] },
  { name: 'bytes-truncated-sequence', status: 3, expect: [/invalid UTF-8/] },
  { name: 'bytes-truncated-at-eof', status: 3, expect: [at(corpusFile('bytes-truncated-at-eof'), 4, 3), /invalid UTF-8/] },
  { name: 'bytes-utf16-bom', status: 3, expect: [at(corpusFile('bytes-utf16-bom'), 1, 1), /UTF-8/] },
  {
    name: 'bytes-utf16be-nobom', status: 3, expect: [at(corpusFile('bytes-utf16be-nobom'), 1, 1), /UTF-16|NUL|U\+0000|control character/i],
    defect: 'a UTF-16 file without BOM is valid UTF-8 full of NUL bytes: it is reported as `expected a mapping ..., got "\\u0000n\\u0000a..."`, which does not say the file is not UTF-8 text',
  },
  { name: 'bytes-nul', status: 3, expect: [at(corpusFile('bytes-nul'), 1, 10), /NUL|U\+0000|control character/i], defect: NUL_DEFECT },
  { name: 'bytes-control-char', status: 3, expect: [at(corpusFile('bytes-control-char'), 1, 15), /U\+0007|control character/i], defect: NUL_DEFECT },
  { name: 'bytes-utf8-bom-typo', status: 3, path: 'pricing.montly_fee', expect: [at(corpusFile('bytes-utf8-bom-typo'), 3, 12)] },
  { name: 'bytes-crlf-typo', status: 3, path: 'pricing.montly_fee', expect: [at(corpusFile('bytes-crlf-typo'), 4, 3)] },
  {
    name: 'too-large-file', status: 3, expect: [/file too large: 1048577 bytes/],
    setup: (dir) => {
      writeFileSync(join(dir, 'too-large.yaml'), `${VALID}${'#'.repeat(MAX_BYTES + 1 - VALID.length - 1)}\n`);
      return { args: ['validate', 'too-large.yaml'], inTemp: true };
    },
  },

  // standard input
  { name: 'stdin-bad-scenario', status: 3, args: ['project', '-'], input: VALID.replace('monthly_fee', 'montly_fee'), path: 'pricing.montly_fee', expect: [/^<stdin>:3:12: /m] },
  { name: 'stdin-empty', status: 3, args: ['terminate', '-'], input: '', expect: [/^<stdin>:1:1: /m] },
  { name: 'stdin-invalid-utf8', status: 3, args: ['project', '-'], input: Buffer.from('name: Caf\xe9\n', 'latin1'), expect: [/^<stdin>:1:10: invalid UTF-8/m] },
  { name: 'stdin-too-large', status: 3, args: ['project', '-'], input: `${VALID}${'#'.repeat(MAX_BYTES - VALID.length)}\n`, expect: [/^<stdin>:1:1: file too large: 1048577 bytes/m] },

  // other commands with a bad scenario
  { name: 'compare-with-bad-scenario', status: 3, args: ['compare', COLOSSUS, corpusFile('range-fee-zero')], path: 'pricing.monthly_fee' },
  { name: 'check-with-bad-scenario', status: 3, args: ['check', corpusFile('range-fee-negative')], path: 'pricing.monthly_fee', stdoutReport: true },
  { name: 'validate-two-bad-files', status: 3, args: ['validate', corpusFile('range-fee-zero'), corpusFile('missing-name')], expect: [/range-fee-zero\.yaml:4:16: /, /missing-name\.yaml:1:1: name: /] },
  {
    name: 'bad-scenario-with-output', status: 3, path: 'pricing.monthly_fee',
    setup: () => ({ args: ['project', join(ROOT, corpusFile('range-fee-zero')), '-o', 'out.json'], inTemp: true, replace: [[`${ROOT}/`, '']] }),
    after: (dir) => expect(existsSync(join(dir, 'out.json'))).toBe(false),
  },

  // provider costs (SPEC §9)
  { name: 'costs-none', status: 3, cmd: 'economics', path: 'costs', expect: [/expected at least one of power, operating, capital, got none/] },
  { name: 'costs-pue-below-1', status: 3, cmd: 'economics', path: 'costs.power.pue', expect: [/expected a number >= 1, got "0\.9"/] },
  { name: 'costs-utilization-over-100', status: 3, cmd: 'economics', path: 'costs.power.utilization', expect: [/between 0% and 100%, got "120%"/] },
  { name: 'costs-no-it-load', status: 3, cmd: 'economics', path: 'costs.power', expect: [/missing required key it_load_mw: there is no capacity\.power_mw/] },
  { name: 'costs-capital-negative', status: 3, cmd: 'economics', path: 'costs.capital[0].amount', expect: [/expected an amount >= 0, got "-1B"/] },
  { name: 'costs-capital-bad-date', status: 3, cmd: 'economics', path: 'costs.capital[0].date', expect: [/February 2026 has 28 days/] },
  { name: 'economics-without-costs', status: 3, args: ['economics', COLOSSUS], expect: [/^scenarios\/colossus-1\.yaml:15:1: the scenario has no costs section/m] },

  // portfolios (SPEC §10)
  ...([
    ['overbooked', 3, 'facilities[0].power_mw', /facility colossus-1 is overbooked on 2026-09-15: anthropic \(300 MW\), lab-b \(100 MW\) add up to 400 MW, more than its 300 MW/],
    ['unknown-facility', 3, 'contracts[0].facility', /unknown facility "colossus-9": the facilities are colossus-1/],
    ['duplicate-id', 3, 'contracts[1].id', /duplicate id "anthropic" \(also contracts\[0\]\)/],
    ['bad-id', 3, 'contracts[0].id', /expected an id of lower-case letters, digits/],
    ['currency-mismatch', 3, 'contracts[1].file', /the contract euro is in EUR, the portfolio in USD/],
    ['missing-contract-file', 4, 'contracts[1].file', /^test\/corpus\/portfolio\/missing-contract-file\.yaml:6:11: contracts\[1\]\.file: cannot read the contract's scenario test\/corpus\/portfolio\/no-such-contract\.yaml: no such file or directory$/m],
    ['invalid-contract', 3, 'pricing.monthly_fee', /^test\/corpus\/range-fee-negative\.yaml:4:16: pricing\.monthly_fee: expected an amount > 0, got "-5"$/m],
    ['portfolio-as-contract', 3, 'contracts[0].file', /scenarios\/neocloud-portfolio\.yaml is a portfolio file, not a scenario/],
    ['lists-itself', 3, 'contracts[0].file', /the portfolio lists itself as a contract/],
    ['no-contracts', 3, 'contracts', /a portfolio needs at least one contract, got none/],
  ] as const).map(([name, status, path, re]): Case => ({ name: `portfolio-${name}`, status, args: ['portfolio', `test/corpus/portfolio/${name}.yaml`], path, expect: [re] })),
  { name: 'portfolio-on-project', status: 3, args: ['project', 'scenarios/neocloud-portfolio.yaml'], path: 'portfolio', expect: [/this is a portfolio file \(it has portfolio:\), not a scenario: run deal-model portfolio on it/] },

  // per-party risk and the market (SPEC §11)
  ...([
    ['both-prices', 'market', /market: expected exactly one of price_per_mw or price, got both/],
    ['no-price', 'market', /market: expected one of price_per_mw or price, got neither/],
    ['per-mw-without-power', 'market.price_per_mw', /:5:25: market\.price_per_mw: expected capacity\.power_mw with market\.price_per_mw/],
    ['volatility-over-500', 'market.volatility', /expected a rate between 0% and 500%, got "501%"/],
    ['paths-zero', 'market.paths', /expected an integer from 1 to 1000000, got "0"/],
    ['paths-over-million', 'market.paths', /expected an integer from 1 to 1000000, got "1000001"/],
    ['seed-not-integer', 'market.seed', /expected an integer from 0 to 9007199254740991, got "1\.5"/],
    ['seed-too-large', 'market.seed', /expected an integer from 0 to 9007199254740991, got "9007199254740992"/],
    ['threshold-negative', 'market.customer_exits_below', /expected a rate between 0% and 100%, got "-5%"/],
    ['customer-threshold-over-100', 'market.customer_exits_below', /expected a rate between 0% and 100%, got "120%"/],
    ['provider-threshold-negative', 'market.provider_exits_above', /expected a rate >= 0%, got "-1%"/],
    ['drift-minus-100', 'market.drift', /expected a rate > -100%, got "-100%"/],
    ['risk-both-forms', 'risk.customer_monthly', /expected either monthly_notice_probability \(one party\) or customer_monthly and provider_monthly \(each party\), got both forms/],
    ['risk-over-100', 'risk.customer_monthly', /expected a rate between 0% and 100%, got "120%"/],
    ['risk-negative', 'risk.provider_monthly', /expected a rate between 0% and 100%, got "-1%"/],
  ] as const).map(([name, path, re]): Case => ({ name: `market-${name}`, status: 3, args: ['terminate', `test/corpus/market/${name}.yaml`], path, expect: [re] })),
  { name: 'market-portfolio-price', status: 3, args: ['portfolio', 'test/corpus/market/portfolio-price.yaml'], path: 'market.price', expect: [/market\.price: unknown key; did you mean "price_per_mw"\?/, /market\.price_per_mw: missing required key/] },

  // sensitivity (SPEC §12): usage errors before any cell is computed
  ...([
    ['step-zero', ['--vary', 'pricing.monthly_fee=1B..2B:0'], /the step of "1B\.\.2B:0" is 0/],
    ['step-wrong-sign', ['--vary', 'termination.notice_days=90..30:30'], /goes up but 30 is below 90: write a negative step/],
    ['three-vary', ['--vary', 'pricing.monthly_fee=1B', '--vary', 'termination.notice_days=30', '--vary', 'termination.fee=0'], /at most two --vary options \(a grid\), got 3/],
    ['vary-and-tornado', ['--vary', 'pricing.monthly_fee=1B', '--tornado', '10%'], /--vary, --tornado and --solve exclude each other/],
    ['tornado-not-percent', ['--tornado', '10'], /expected a percentage above 0% and below 100%, such as 10%/],
    ['tornado-100', ['--tornado', '100%'], /expected a percentage above 0% and below 100%/],
    ['malformed-values', ['--vary', 'pricing.monthly_fee=1B,,2B'], /an empty value in "1B,,2B"/],
    ['malformed-range', ['--vary', 'pricing.monthly_fee=1B..x:1'], /is not a range FROM\.\.TO:STEP/],
    ['too-many-cells', ['--vary', 'pricing.monthly_fee=1..1000:1', '--vary', 'termination.notice_days=1..101:1'], /1000 × 101 = 101000 cells, more than the 100,000/],
    ['solve-not-numeric', ['--solve', 'billing.periods', '--for', 'total=1B'], /"billing\.periods" is not a numeric input/],
    ['solve-without-for', ['--solve', 'pricing.monthly_fee'], /--solve PATH and --for METRIC=TARGET go together/],
    ['unknown-metric', ['--vary', 'pricing.monthly_fee=1B', '--metric', 'total,profit'], /unknown metric "profit"/],
    ['nothing-to-do', [], /sensitivity needs --vary PATH=VALUES, --tornado PCT or --solve PATH --for METRIC=TARGET/],
  ] as const).map(([name, args, re]): Case => ({ name: `sensitivity-${name}`, status: 2, args: ['sensitivity', COLOSSUS, ...args], expect: [re] })),
  { name: 'sensitivity-unsupported-metric', status: 2, args: ['sensitivity', COLOSSUS, '--tornado', '10%', '--metric', 'irr'], expect: [/the scenario does not support the metric irr \(it has no costs section\)/] },

  // variants (SPEC §8): extends chains and --set
  { name: 'variant-cycle', status: 3, args: ['project', 'test/corpus/variants/cycle-a.yaml'], path: 'extends', expect: [/a cycle of extends: test\/corpus\/variants\/cycle-a\.yaml → test\/corpus\/variants\/cycle-b\.yaml → test\/corpus\/variants\/cycle-a\.yaml/] },
  { name: 'variant-extends-itself', status: 3, args: ['validate', 'test/corpus/variants/self.yaml'], path: 'extends', expect: [/self\.yaml:2:10: extends: a cycle of extends: test\/corpus\/variants\/self\.yaml → test\/corpus\/variants\/self\.yaml/] },
  { name: 'variant-chain-of-9', status: 3, args: ['project', 'test/corpus/variants/chain-9.yaml'], path: 'extends', expect: [/a chain of more than 8 files: (test\/corpus\/variants\/chain-\d\.yaml( → )?){9}$/m] },
  { name: 'variant-missing-base', status: 4, args: ['project', 'test/corpus/variants/missing-base.yaml'], path: 'extends', expect: [/^test\/corpus\/variants\/missing-base\.yaml:1:10: extends: cannot read the base scenario test\/corpus\/variants\/nowhere\.yaml: no such file or directory$/m] },
  { name: 'variant-base-is-a-directory', status: 4, args: ['project', 'test/corpus/variants/base-directory.yaml'], path: 'extends', expect: [/is a directory/] },
  { name: 'variant-base-invalid-yaml', status: 3, args: ['project', 'test/corpus/variants/base-invalid-yaml.yaml'], expect: [/^test\/corpus\/variants\/bad-base\.yaml:5:9: invalid YAML: the list that starts here/m] },
  { name: 'variant-inherited-bad-fee', status: 3, args: ['project', 'test/corpus/variants/inherited-bad-fee.yaml'], path: 'pricing.monthly_fee', expect: [/^test\/corpus\/variants\/bad-fee-base\.yaml:4:16: pricing\.monthly_fee: expected an amount > 0, got "-5"$/m] },
  { name: 'variant-child-unknown-key', status: 3, args: ['project', 'test/corpus/variants/child-unknown-key.yaml'], path: 'termination.notice_day', expect: [/child-unknown-key\.yaml:5:3: termination\.notice_day: unknown key; did you mean "notice_days"\?/] },
  { name: 'set-no-equals', status: 2, args: ['project', COLOSSUS, '--set', 'pricing.monthly_fee'], expect: [/option '--set pricing\.monthly_fee': no "=" between the path and the value/] },
  { name: 'set-empty-path', status: 2, args: ['project', COLOSSUS, '--set', '=1B'], expect: [/the path before "=" is empty/] },
  { name: 'set-bad-path', status: 2, args: ['terminate', COLOSSUS, '--set', 'pricing..monthly_fee=1B'], expect: [/is not a key path/] },
  { name: 'set-index-past-end', status: 3, args: ['project', COLOSSUS, '--set', 'pricing.ramp[1].discount=10%'], path: 'pricing.ramp[1]', expect: [/^--set pricing\.ramp\[1\]\.discount=10%: pricing\.ramp\[1\]: index 1 is past the end of the list: the list pricing\.ramp has 1 item$/m] },
  { name: 'set-key-below-scalar', status: 3, args: ['project', COLOSSUS, '--set', 'pricing.monthly_fee.amount=1B'], path: 'pricing.monthly_fee.amount', expect: [/cannot set a key below pricing\.monthly_fee: it is the value "1\.25B", not a mapping/] },
  { name: 'set-invalid-value', status: 3, args: ['project', COLOSSUS, '--set', 'pricing.monthly_fee=-5'], path: 'pricing.monthly_fee', expect: [/^--set pricing\.monthly_fee=-5: pricing\.monthly_fee: expected an amount > 0, got "-5"$/m] },
  { name: 'set-invalid-yaml', status: 3, args: ['project', COLOSSUS, '--set', 'pricing.escalation={ rate: 3%'], expect: [/^--set pricing\.escalation=\{ rate: 3%: pricing\.escalation: invalid YAML/m] },
  { name: 'set-on-check', status: 2, args: ['check', COLOSSUS, '--set', 'pricing.monthly_fee=1B'], expect: [/check does not take --set/] },
  {
    name: 'set-invalid-with-output', status: 3, path: 'pricing.monthly_fee',
    setup: () => ({ args: ['project', COLOSSUS, '--set', 'pricing.monthly_fee=0', '-o', 'out.json'], inTemp: true }),
    after: (dir) => expect(existsSync(join(dir, 'out.json'))).toBe(false),
  },

  // I/O
  { name: 'io-directory', status: 4, args: ['project', 'test/corpus'], expect: [/is a directory/] },
  { name: 'io-missing-file', status: 4, args: ['project', 'test/corpus/no-such-scenario.yaml'], expect: [/no such file or directory/] },
  {
    name: 'io-unreadable-file', status: 4, expect: [/permission denied/],
    setup: (dir) => {
      const file = join(dir, 'unreadable.yaml');
      writeFileSync(file, VALID);
      chmodSync(file, 0o000);
      if (!readable(file)) return { args: ['project', file], replace: [[file, '<unreadable file>']] };
      // root reads through chmod 000: a write-only /proc/sys file gives EACCES even to root
      const writeOnly = '/proc/sys/vm/compact_memory';
      if (existsSync(writeOnly) && !readable(writeOnly)) return { args: ['project', writeOnly], replace: [[writeOnly, '<unreadable file>']] };
      return 'running as root, chmod 000 does not block reading, and no write-only /proc/sys file gives EACCES here';
    },
  },
  { name: 'output-no-such-dir', status: 4, args: ['project', COLOSSUS, '-o', '/nonexistent-deal-model-dir/out.json'], expect: [/the folder \/nonexistent-deal-model-dir does not exist/] },
  { name: 'output-read-only-location', status: 4, args: ['project', COLOSSUS, '--format', 'csv', '-o', '/sys/deal-model-out.csv'], expect: [/cannot write the output/] },
  {
    name: 'output-proc-version', status: 4, args: ['project', COLOSSUS, '-o', '/proc/version'], expect: [/^\/proc\/version: cannot write the output: /m], reject: [/no such file or directory/],
    defect: '"/proc/version: cannot write the output: no such file or directory": the file exists; the temporary file cannot be created in /proc, and the message should say that (or "permission denied")',
  },
  {
    name: 'output-char-device', status: 4, expect: [/no space left on device|not a (regular )?file/i],
    setup: (dir) => {
      // a private copy of /dev/full (char 1,7): every write fails with ENOSPC
      const r = spawnSync('mknod', [join(dir, 'full'), 'c', '1', '7']);
      if (r.status !== 0) return 'mknod is not permitted here: cannot create a character device to write to';
      return { args: ['project', COLOSSUS, '-o', 'full'], inTemp: true };
    },
    after: (dir) => expect(lstatSync(join(dir, 'full')).isCharacterDevice()).toBe(true),
    defect: '-o onto a character device (e.g. /dev/full, /dev/null) renames a regular temporary file over the device node: exit 0, the device is replaced by a regular file (as root, `-o /dev/null` destroys /dev/null for the whole system); it should write to the device (here: exit 4, no space left on device) or refuse, and never replace it',
  },

  // usage errors (a bad scenario is named so that usage errors must win over reading it)
  { name: 'usage-unknown-option', status: 2, args: ['project', corpusFile('empty'), '--verbose'], expect: [/unknown option '--verbose'/] },
  { name: 'usage-unknown-option-typo', status: 2, args: ['terminate', COLOSSUS, '--evrey', 'day'], expect: [/Did you mean --every\?/] },
  { name: 'usage-unknown-command', status: 2, args: ['simulate', COLOSSUS], expect: [/unknown command 'simulate'/] },
  { name: 'usage-bad-format', status: 2, args: ['project', corpusFile('empty'), '--format', 'xlsx'], expect: [/Allowed choices are table, csv, json, md/] },
  { name: 'usage-format-unknown', status: 2, args: ['terminate', COLOSSUS, '--format', 'XML'], expect: [/'XML' is invalid. Allowed choices are table, csv, json, md/] },
  { name: 'usage-missing-argument', status: 2, args: ['terminate'], expect: [/missing required argument 'scenario'/] },
  { name: 'usage-missing-format-value', status: 2, args: ['project', COLOSSUS, '--format'], expect: [/argument missing/] },
  { name: 'usage-missing-output-value', status: 2, args: ['project', COLOSSUS, '-o'], expect: [/argument missing/] },
  { name: 'usage-too-many-arguments', status: 2, args: ['project', COLOSSUS, corpusFile('empty')], expect: [/too many arguments/] },
  { name: 'usage-option-of-another-command', status: 2, args: ['project', COLOSSUS, '--every', 'day'], expect: [/unknown option '--every'/] },
  { name: 'usage-compare-one-scenario', status: 2, args: ['compare', COLOSSUS], expect: [/at least two/] },
  { name: 'usage-bad-by', status: 2, args: ['project', COLOSSUS, '--notice', '2027-01-01', '--by', 'both'], expect: [/Allowed choices are customer, provider/] },
  {
    name: 'usage-help-unknown-command', status: 2, args: ['help', 'simulate'], expect: [/simulate/],
    defect: '`deal-model help simulate` prints the whole help and exits 2 without saying that "simulate" is not a command',
  },
];

const COLOSSUS_ABS = join(ROOT, COLOSSUS);

function readable(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

// ---- the runner ------------------------------------------------------------

/** file:line:col, or a --set option (SPEC §8: a value from --set has no line: the option names it). */
const LINE_WITH_POSITION = /^((test\/corpus\/[^:]+|<stdin>|[^:]+):\d+:\d+|--set [^\n]+?): /;
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('bad-input corpus', () => {
  it('has at least 45 cases, each with a unique name and, for corpus files, an existing file', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    for (const c of CASES) if (!c.args && !c.setup) expect(existsSync(corpusFile(c.name)), corpusFile(c.name)).toBe(true);
  });

  it.for(CASES)('$name exits $status', (c, ctx) => {
    let args = c.args ?? [c.cmd ?? 'project', corpusFile(c.name)];
    let input = c.input;
    let cwd: string | undefined;
    let replace: readonly (readonly [string, string])[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'deal-model-corpus-'));
    temps.push(dir);
    if (c.setup) {
      const s = c.setup(dir);
      if (typeof s === 'string') return ctx.skip(s);
      args = s.args;
      input = s.input ?? input;
      if (s.inTemp) cwd = dir;
      replace = s.replace ?? [];
    }
    // a path into the repository from the temporary directory
    if (cwd) args = args.map((a) => (a === COLOSSUS ? COLOSSUS_ABS : a));

    // a hang is killed and fails the case: no wall-clock assertion on a shared machine
    const r = run(args, { ...(input !== undefined ? { input } : {}), ...(cwd ? { cwd } : {}), timeout: HANG_MS });

    // the documented exit code, never a crash
    expect(r.status, r.stderr).toBe(c.status);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/^deal-model: internal error/m);
    expect(r.stderr.length).toBeGreaterThan(0);
    if (c.stdoutReport) expect(r.stdout).not.toBe('');
    else expect(r.stdout).toBe('');

    if (c.status === 3) {
      for (const line of r.stderr.replace(/\n$/, '').split('\n')) expect(line).toMatch(LINE_WITH_POSITION);
    }
    if (c.path) expect(r.stderr).toContain(`: ${c.path}: `);
    for (const re of c.expect ?? []) expect(r.stderr).toMatch(re);
    for (const re of c.reject ?? []) expect(r.stderr).not.toMatch(re);
    c.after?.(dir);

    let text = transcript(args, r);
    for (const [from, to] of replace) text = text.split(from).join(to);
    if (cwd) text = text.split(`${COLOSSUS_ABS}`).join(COLOSSUS).split(`${dir}/`).join('');
    if (c.normalize) text = c.normalize(text);
    expect(text).toBe(golden(`corpus/${c.name}.txt`, text));
  });
});
