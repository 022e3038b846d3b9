/**
 * fast-check generators of scenario inputs, from plausible to hostile:
 *
 * - `hostileYaml`: random YAML trees and token soups built from hostile
 *   tokens (anchors, aliases, tags, directives, document markers, merge keys,
 *   tabs, CR/CRLF, odd unicode, huge numbers, deep nesting, long strings,
 *   alias bombs) and the keys of the scenario schema;
 * - `scenarioYaml`: scenarios shaped like the schema with mostly plausible
 *   values, some replaced by hostile ones, so that many load and the model
 *   runs on them;
 * - `mutatedExample`: the example scenarios and fixtures with lines deleted,
 *   duplicated, swapped or re-indented, hostile tokens inserted, characters
 *   flipped, values replaced, and the bytes truncated;
 * - `randomBytes`: arbitrary bytes, and valid files with invalid UTF-8
 *   sequences spliced in.
 */
import fc from 'fast-check';
import {
  AMOUNTS, ANCHOR_NAMES, CHOICES, CURRENCY_VALUES, DATES, DIRECTIVES, EXAMPLES, EXTREME_NUMBERS, HOSTILE_TOKENS,
  INTEGERS, ODD_CHARS, ODD_KEYS, RATES, SCHEMA_KEYS, SEEDS, TAGS, TEXTS,
} from './corpus.js';

export type Source = 'hostile-tree' | 'soup' | 'bomb' | 'deep' | 'scenario' | 'mutation' | 'bytes' | 'bad-utf8';

/** One fuzz input: text (sent as UTF-8) or raw bytes. */
export interface FuzzInput {
  readonly source: Source;
  readonly text?: string;
  readonly bytes?: Uint8Array;
}

const encoder = new TextEncoder();

export function inputBytes(input: FuzzInput): Uint8Array {
  return input.bytes ?? encoder.encode(input.text ?? '');
}

/** The input as a JavaScript literal, to paste into a regression test. */
export function literal(input: FuzzInput): string {
  if (input.bytes) return `Uint8Array.from([${Array.from(input.bytes).join(', ')}])`;
  return JSON.stringify(input.text ?? '').replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>): fc.WeightedArbitrary<T> => ({ weight, arbitrary });
/** true with probability about p. */
const chance = (p: number): fc.Arbitrary<boolean> => fc.integer({ min: 0, max: 999 }).map((n) => n < p * 1000);

// ---------------------------------------------------------------- scalars

const longString = fc
  .tuple(pick(['x', 'ab ', '😀', 'é', 'e\u0301', '\\"', '"', "'", 'مر', '1', '[', '#']), fc.integer({ min: 50, max: 20_000 }), pick(['', '"', "'"]))
  .map(([unit, n, q]) => `${q}${unit.repeat(n)}${q}`);

const hugeNumber = fc.oneof(
  fc.integer({ min: 20, max: 2000 }).map((n) => '9'.repeat(n)),
  fc.integer({ min: 20, max: 2000 }).map((n) => `1.${'0'.repeat(n)}1`),
  fc.integer({ min: 300, max: 400_000 }).map((n) => `1e${n}`),
  fc.integer({ min: 300, max: 400_000 }).map((n) => `1e-${n}`),
  fc.integer({ min: 1, max: 200 }).map((n) => `0x${'F'.repeat(n)}`),
  fc.integer({ min: 1, max: 200 }).map((n) => `0o${'7'.repeat(n)}`),
);

/** Random short strings over awkward characters. */
const oddString = fc.string({ unit: fc.oneof(pick(ODD_CHARS), fc.constantFrom('a', 'b', '1', '.', 'e', 'E', '_', ',', '$', '%')), maxLength: 12 });

/** Any scalar token, plausible or not, for any field. */
export const anyScalar: fc.Arbitrary<string> = fc.oneof(
  w(4, pick(DATES)), w(5, pick(AMOUNTS)), w(4, pick(RATES)), w(3, pick(INTEGERS)), w(3, pick(CHOICES)),
  w(1, pick(CURRENCY_VALUES)), w(5, pick(TEXTS)), w(2, hugeNumber), w(1, longString), w(2, oddString),
  w(1, fc.string({ unit: 'binary', maxLength: 8 })), w(1, pick(EXTREME_NUMBERS)),
);

// ---------------------------------------------------------------- YAML trees

interface Deco {
  readonly anchor?: string;
  readonly tag?: string;
}

export type YamlNode =
  | { readonly kind: 'scalar'; readonly value: string; readonly deco?: Deco }
  | { readonly kind: 'alias'; readonly name: string }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [string, YamlNode])[]; readonly flow: boolean; readonly deco?: Deco }
  | { readonly kind: 'seq'; readonly items: readonly YamlNode[]; readonly flow: boolean; readonly deco?: Deco };

const decoArb: fc.Arbitrary<Deco | undefined> = fc.oneof(
  w(14, fc.constant(undefined)),
  w(2, pick(ANCHOR_NAMES).map((anchor) => ({ anchor }))),
  w(2, pick(TAGS).map((tag) => ({ tag }))),
  w(1, fc.tuple(pick(ANCHOR_NAMES), pick(TAGS)).map(([anchor, tag]) => ({ anchor, tag }))),
);

const aliasArb = fc.oneof(pick(ANCHOR_NAMES), pick(['undefined_alias', 'zz', 'a '])).map((name): YamlNode => ({ kind: 'alias', name }));

const keyArb: fc.Arbitrary<string> = fc.oneof(
  w(10, pick(SCHEMA_KEYS)), w(3, pick(ODD_KEYS)), w(1, oddString), w(1, pick(['? [a, b]', '? {a: 1}', '*a', '!!str name', '&k name', '!foo term', '"na\\u006de"'])),
);

/** Random YAML trees over the schema keys and hostile scalars. */
const treeArb: fc.Arbitrary<YamlNode> = fc.letrec<{ node: YamlNode; scalar: YamlNode; map: YamlNode; seq: YamlNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, w(5, tie('scalar')), w(1, aliasArb), w(3, tie('map')), w(2, tie('seq'))),
  scalar: fc.record({ kind: fc.constant('scalar' as const), value: anyScalar, deco: decoArb }),
  map: fc.record({
    kind: fc.constant('map' as const),
    entries: fc.array(fc.tuple(keyArb, tie('node')), { maxLength: 6 }),
    flow: chance(0.3),
    deco: decoArb,
  }),
  seq: fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('node'), { maxLength: 4 }), flow: chance(0.4), deco: decoArb }),
})).node;

function decoText(deco: Deco | undefined): string {
  if (!deco) return '';
  return `${deco.anchor !== undefined ? `&${deco.anchor} ` : ''}${deco.tag !== undefined ? `${deco.tag} ` : ''}`;
}

function flowText(node: YamlNode): string {
  switch (node.kind) {
    case 'scalar': return `${decoText(node.deco)}${node.value}`;
    case 'alias': return `*${node.name}`;
    case 'map': return `${decoText(node.deco)}{${node.entries.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
    case 'seq': return `${decoText(node.deco)}[${node.items.map(flowText).join(', ')}]`;
  }
}

/** Block YAML of a node at `indent`: the text that follows a `key:` or `-` (a leading space or a newline). */
function blockValue(node: YamlNode, indent: string, unit: string): string {
  if (node.kind === 'scalar' || node.kind === 'alias') return ` ${flowText(node)}\n`;
  if (node.flow) return ` ${flowText(node)}\n`;
  const deco = decoText(node.deco);
  if (node.kind === 'map' && node.entries.length === 0) return ` ${deco}{}\n`;
  if (node.kind === 'seq' && node.items.length === 0) return ` ${deco}[]\n`;
  return `${deco ? ` ${deco.trimEnd()}` : ''}\n${blockText(node, indent + unit, unit)}`;
}

export function blockText(node: YamlNode, indent: string, unit: string): string {
  switch (node.kind) {
    case 'map': return node.entries.map(([k, v]) => `${indent}${k}:${blockValue(v, indent, unit)}`).join('');
    case 'seq': return node.items.map((v) => `${indent}-${blockValue(v, indent, unit)}`).join('');
    default: return `${indent}${flowText(node)}\n`;
  }
}

const indentUnit = fc.oneof(w(10, fc.constant('  ')), w(2, fc.constant('    ')), w(1, fc.constant(' ')), w(1, fc.constant('\t')), w(1, fc.constant(' \t')));

// ---------------------------------------------------------------- whole-document decorations

export interface DocDeco {
  readonly bom: boolean;
  readonly directive?: string;
  readonly start?: string;
  readonly end?: string;
  readonly eol: 'lf' | 'crlf' | 'cr' | 'mixed' | 'nel' | 'ls';
  readonly trailing?: string;
  readonly oversize: boolean;
}

const docDecoArb: fc.Arbitrary<DocDeco> = fc.record({
  bom: chance(0.05),
  directive: fc.oneof(w(12, fc.constant(undefined)), w(1, pick(DIRECTIVES))),
  start: fc.oneof(w(10, fc.constant(undefined)), w(1, pick(['---\n', '--- ', '--- # c\n', '---\t']))),
  end: fc.oneof(w(14, fc.constant(undefined)), w(1, pick(['...\n', '...\nname: second\n', '---\nname: second\n', '---\n', '... # c\n', '...\n---\n']))),
  eol: fc.oneof(w(30, fc.constant('lf' as const)), w(3, fc.constant('crlf' as const)), w(1, fc.constant('cr' as const)), w(1, fc.constant('mixed' as const)), w(1, fc.constant('nel' as const)), w(1, fc.constant('ls' as const))),
  trailing: fc.oneof(w(10, fc.constant(undefined)), w(1, pick(HOSTILE_TOKENS))),
  oversize: chance(0.003),
});

export function decorate(body: string, d: DocDeco): string {
  let text = body;
  if (d.start) text = d.start + text;
  if (d.directive) text = `${d.directive}\n${d.start ? '' : '---\n'}${text}`;
  if (d.end) text += d.end;
  if (d.trailing) text += d.trailing;
  switch (d.eol) {
    case 'crlf': text = text.replace(/\n/g, '\r\n'); break;
    case 'cr': text = text.replace(/\n/g, '\r'); break;
    case 'mixed': text = text.replace(/\n/g, (_m, offset: number) => (offset % 3 === 0 ? '\r\n' : offset % 3 === 1 ? '\r' : '\n')); break;
    case 'nel': text = text.replace(/\n/g, '\u0085'); break;
    case 'ls': text = text.replace(/\n/g, '\u2028'); break;
    default: break;
  }
  if (d.bom) text = `\uFEFF${text}`;
  if (d.oversize) text += `# ${'x'.repeat(1024 * 1024)}\n`;
  return text;
}

// ---------------------------------------------------------------- (a) hostile YAML

const treeDocument = fc
  .tuple(treeArb, indentUnit, docDecoArb, fc.oneof(w(6, fc.constant('block')), w(1, fc.constant('flow'))))
  .map(([node, unit, deco, style]): FuzzInput => {
    const body = style === 'flow' || (node.kind !== 'map' && node.kind !== 'seq') ? `${flowText(node)}\n` : blockText(node, '', unit);
    return { source: 'hostile-tree', text: decorate(body, deco) };
  });

const soupToken: fc.Arbitrary<string> = fc.oneof(
  w(6, keyArb.map((k) => `${k}: `)), w(6, anyScalar), w(6, pick(HOSTILE_TOKENS)), w(2, pick(ODD_CHARS)),
  w(4, fc.integer({ min: 0, max: 8 }).map((n) => `\n${' '.repeat(n)}`)),
);

const soup = fc.tuple(fc.array(soupToken, { maxLength: 80 }), docDecoArb).map(([tokens, deco]): FuzzInput => ({ source: 'soup', text: decorate(tokens.join(''), deco) }));

/** Billion laughs and friends: nested anchors and aliases placed where a scenario value goes. */
const bomb = fc
  .record({ levels: fc.integer({ min: 1, max: 10 }), fan: fc.integer({ min: 2, max: 12 }), at: pick(['name', 'expect', 'pricing', 'ramp', 'term', 'root']), flow: fc.boolean() })
  .map(({ levels, fan, at, flow }): FuzzInput => {
    const lines: string[] = [];
    const list = (items: string[]): string => (flow ? `[${items.join(', ')}]` : `\n${items.map((i) => `    - ${i}`).join('\n')}`);
    lines.push(`l0: &l0 ${list(Array.from({ length: fan }, () => '"lol"'))}`);
    for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} ${list(Array.from({ length: fan }, () => `*l${i - 1}`))}`);
    const top = `*l${levels - 1}`;
    const body = lines.map((l) => `  ${l.replace(/\n/g, '\n  ')}`).join('\n');
    const scenario = at === 'root'
      ? `anchors:\n${body}\n${top}: x\n`
      : at === 'ramp'
        ? `anchors:\n${body}\nname: bomb\nterm: {start: 2026-01-01, end: 2026-12-31}\npricing: {monthly_fee: 1M, ramp: ${top}}\n`
        : at === 'pricing' || at === 'term'
          ? `anchors:\n${body}\nname: bomb\n${at}: ${top}\n`
          : `anchors:\n${body}\n${at}: ${top}\n`;
    return { source: 'bomb', text: scenario };
  });

/** Deep flow and block nesting, balanced or not, around a scenario value. */
const deep = fc
  .record({ depth: pick([2, 10, 63, 64, 65, 100, 1000, 20_000]), shape: pick(['[', '{', '[{', 'block-map', 'block-seq', 'key']), balanced: chance(0.8), at: pick(['', 'name: ', 'pricing:\n  ramp: ', 'expect:\n  a: ']) })
  .map(({ depth, shape, balanced, at }): FuzzInput => {
    const n = shape.startsWith('block') ? Math.min(depth, 1000) : depth;
    let v: string;
    switch (shape) {
      case '[': v = '['.repeat(n) + (balanced ? ']'.repeat(n) : ''); break;
      case '{': v = '{a: '.repeat(n) + '1' + (balanced ? '}'.repeat(n) : ''); break;
      case '[{': v = '[{a: '.repeat(n) + '1' + (balanced ? '}]'.repeat(n) : ''); break;
      case 'block-map': v = `\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1`; break;
      case 'block-seq': v = `${'- '.repeat(n)}1`; break;
      default: v = `${'? '.repeat(Math.min(n, 2000))}x`; break;
    }
    return { source: 'deep', text: `${at}${v}\n` };
  });

export const hostileYaml: fc.Arbitrary<FuzzInput> = fc.oneof(w(10, treeDocument), w(6, soup), w(1, bomb), w(1, deep));

// ---------------------------------------------------------------- scenario-shaped YAML

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Day number (days since 1970-01-01, UTC) → YYYY-MM-DD; years 0..9999 only. */
function isoOf(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}
const dayOf = (y: number, m: number, d: number): number => {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.floor(t.getTime() / 86_400_000);
};
const MIN_DAY = dayOf(0, 1, 1);
const MAX_DAY = dayOf(9999, 12, 31);
const clampDay = (d: number): number => Math.min(MAX_DAY, Math.max(MIN_DAY, d));

/** Any date text, valid or not, unrelated to the term. */
const looseDate = fc.oneof(
  w(6, fc.record({ y: fc.integer({ min: 1995, max: 2080 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })),
  w(1, fc.record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) })),
).map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

/** The dates of one scenario, consistent with each other most of the time. */
interface Timeline {
  readonly start: string;
  readonly end: string;
  readonly notBefore: string;
  readonly valuation: string;
}

const timelineArb: fc.Arbitrary<Timeline> = fc
  .record({
    start: fc.oneof(
      w(20, fc.record({ y: fc.integer({ min: 1995, max: 2060 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })),
      w(1, fc.record({ y: fc.constantFrom(0, 1, 1900, 9998, 9999), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })),
    ),
    length: fc.oneof(w(12, fc.integer({ min: 0, max: 60 * 31 })), w(4, fc.integer({ min: 0, max: 40 * 366 })), w(1, fc.integer({ min: -400, max: 0 })), w(1, fc.constant(MAX_DAY))),
    notBefore: fc.integer({ min: -200, max: 1200 }),
    valuation: fc.integer({ min: -800, max: 800 }),
    loose: fc.tuple(chance(0.05), chance(0.1), chance(0.1)),
    dates: fc.tuple(looseDate, looseDate, looseDate),
  })
  .map(({ start: s, length, notBefore, valuation, loose, dates }): Timeline => {
    const start = clampDay(dayOf(s.y, s.m, Math.min(s.d, 28)) + Math.max(0, s.d - 28));
    const end = clampDay(start + length);
    return {
      start: isoOf(start),
      end: loose[0] ? dates[0] : isoOf(end),
      notBefore: loose[1] ? dates[1] : isoOf(clampDay(start + notBefore)),
      valuation: loose[2] ? dates[2] : isoOf(clampDay(start + valuation)),
    };
  });

const plausibleAmount = fc.oneof(
  w(4, fc.integer({ min: 1, max: 2_000_000_000 }).map(String)),
  w(3, fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 }), pick(['K', 'M', 'B', 'k', 'm', 'b'])).map(([a, b, s]) => `${a}.${b}${s}`)),
  w(2, fc.integer({ min: 1, max: 2_000_000_000 }).map((n) => `"$${n.toLocaleString('en-US')}"`)),
  w(2, fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 999 })).map(([a, b]) => `${a}.${pad(b, 3)}`)),
  w(1, pick(['1e3', '1E6', '0x10', '0o17', '12345678901234567.89', '1_000', '1,000', '"1_000.5M"', '0.005', '1e400', '1e-3'])),
  w(1, fc.oneof(hugeNumber, pick(EXTREME_NUMBERS))),
);

const plausibleRate = fc.oneof(
  w(4, fc.integer({ min: 0, max: 10_000 }).map((n) => `${n / 100}%`)),
  w(2, fc.integer({ min: 0, max: 100 }).map((n) => `${n / 100}`)),
  w(1, fc.integer({ min: -99, max: 99 }).map((n) => `${n}%`)),
  w(1, pick(['0.333333333333333333333333333333333333333333', '1e-5', '"7.5 %"', '-0.5', '1e1', '200%', '99.9999999999%'])),
  w(1, fc.oneof(hugeNumber, pick(EXTREME_NUMBERS))),
);

/** A rate within 0..100% (a ramp discount, a notice probability). */
const plausibleShare = fc.oneof(
  w(4, fc.integer({ min: 0, max: 10_000 }).map((n) => `${n / 100}%`)),
  w(2, fc.integer({ min: 0, max: 100 }).map((n) => `${n / 100}`)),
  w(1, pick(['0.333333333333333333333333333333333333333333', '1e-5', '"7.5 %"', '100%', '0%', '99.9999999999%', '101%', '-1%'])),
);

/** A positive number as YAML writes it (capacity.power_mw). */
const plausibleNumber = fc.oneof(
  w(4, fc.integer({ min: 1, max: 5000 }).map(String)),
  w(2, fc.integer({ min: 1, max: 500_000 }).map((n) => `${n / 100}`)),
  w(1, pick(['1e3', '0x1F', '0o17', '.5', '1e400', '0', '-1', '"300"'])),
);

const smallInt = (min: number, max: number): fc.Arbitrary<string> => fc.integer({ min, max }).map(String);

/**
 * A scenario tree. `h` is the hostility: 0 gives well-formed values (most
 * such scenarios load), larger values swap more values for hostile scalars,
 * aliases and tags and add unknown and duplicate keys.
 */
function scenarioTree(t: Timeline, h: number): fc.Arbitrary<YamlNode> {
  const scalar = (value: string): YamlNode => ({ kind: 'scalar', value });
  const valueOf = (plausible: fc.Arbitrary<string>): fc.Arbitrary<YamlNode> =>
    h === 0
      ? plausible.map(scalar)
      : fc.oneof(
        w(60, plausible.map(scalar)),
        w(2 * h, anyScalar.map(scalar)),
        w(h, fc.tuple(plausible, decoArb).map(([value, deco]): YamlNode => ({ kind: 'scalar', value, ...(deco ? { deco } : {}) }))),
        w(h, aliasArb),
      );
  const fixed = (value: string): fc.Arbitrary<YamlNode> => valueOf(fc.constant(value));

  /** A mapping with some of `entries` (the `required` ones nearly always), in block or flow style. */
  function mapping(entries: Record<string, fc.Arbitrary<YamlNode>>, required: readonly string[], flowChance = 0.2): fc.Arbitrary<YamlNode> {
    const keys = Object.keys(entries);
    return fc
      .record({
        present: fc.tuple(...keys.map((k) => chance(required.includes(k) ? 1 - 0.01 * h : 0.6))),
        values: fc.record(entries),
        extra: h === 0 ? fc.constant(undefined) : fc.oneof(w(60, fc.constant(undefined)), w(h, fc.tuple(keyArb, anyScalar))),
        duplicate: chance(0.005 * h),
        flow: chance(flowChance),
        deco: h === 0 ? fc.constant(undefined) : fc.oneof(w(100, fc.constant(undefined)), w(h, decoArb)),
        order: fc.oneof(w(6, fc.constant(undefined)), w(1, fc.nat())),
      })
      .map(({ present, values, extra, duplicate, flow, deco, order }): YamlNode => {
        let list: [string, YamlNode][] = keys.filter((_k, i) => present[i]).map((k) => [k, values[k] as YamlNode]);
        if (extra) list.push([extra[0], scalar(extra[1])]);
        if (duplicate && list.length > 0) list.push(list[0] as [string, YamlNode]);
        if (order !== undefined && list.length > 1) list = [...list.slice(order % list.length), ...list.slice(0, order % list.length)];
        return { kind: 'map', entries: list, flow, ...(deco ? { deco } : {}) };
      });
  }

  /** months, then exactly one of discount or fee (hostile: neither or both). */
  const rampStep = fc
    .record({
      months: valueOf(smallInt(1, 24)),
      rest: fc.oneof(
        w(10, valueOf(plausibleShare).map((v): [string, YamlNode][] => [['discount', v]])),
        w(10, valueOf(plausibleAmount).map((v): [string, YamlNode][] => [['fee', v]])),
        w(h, fc.constant<[string, YamlNode][]>([])),
        w(h, fc.tuple(valueOf(plausibleShare), valueOf(plausibleAmount)).map(([d, f]): [string, YamlNode][] => [['discount', d], ['fee', f]])),
      ),
      flow: chance(0.6),
    })
    .map(({ months, rest, flow }): YamlNode => ({ kind: 'map', entries: [['months', months], ...rest], flow }));

  const expectValue = fc.oneof(plausibleAmount, smallInt(0, 500), pick(['0.0553', 'null', 'true', '"x"', '[1]']));

  return mapping(
    {
      name: valueOf(fc.oneof(w(4, pick(['Fuzz lease', 'Colossus 1', '"GPU: cluster"', "'quoted'", 'Ünïcødé 🚀', 'مرحبا'])), w(1, pick(TEXTS)))),
      currency: valueOf(pick(['USD', 'EUR', 'JPY', 'GBP', 'CHF'])),
      parties: mapping({ provider: valueOf(pick(['xAI', 'Example Cloud', '"A, Inc."'])), customer: valueOf(pick(['Anthropic', 'Example Labs', '😀'])) }, [], 0.6),
      capacity: mapping({ power_mw: valueOf(plausibleNumber), site: valueOf(pick(['Memphis', '"Colossus 1, Memphis TN"'])) }, [], 0.6),
      term: mapping({ start: fixed(t.start), end: fixed(t.end) }, ['start', 'end'], 0.3),
      pricing: mapping(
        {
          monthly_fee: valueOf(plausibleAmount),
          ramp: fc.oneof(
            w(20, fc.record({ items: fc.array(rampStep, { maxLength: 4 }), flow: chance(0.2) }).map(({ items, flow }): YamlNode => ({ kind: 'seq', items, flow }))),
            w(h, valueOf(anyScalar)),
          ),
          escalation: mapping({ rate: valueOf(plausibleRate), every_months: valueOf(smallInt(1, 36)) }, ['rate'], 0.6),
        },
        ['monthly_fee'],
      ),
      billing: mapping(
        { periods: valueOf(pick(['calendar', 'anniversary'])), timing: valueOf(pick(['advance', 'arrears'])), payment_terms_days: valueOf(smallInt(0, 120)) },
        [],
      ),
      termination: mapping(
        { notice_days: valueOf(smallInt(0, 400)), by: valueOf(pick(['either', 'customer', 'provider', 'none'])), fee: valueOf(plausibleAmount), not_before: fixed(t.notBefore) },
        ['notice_days'],
      ),
      valuation: mapping({ discount_rate: valueOf(plausibleRate), date: fixed(t.valuation) }, []),
      risk: mapping({ monthly_notice_probability: valueOf(plausibleShare) }, [], 0.5),
      expect: fc
        .array(fc.tuple(pick(['project.totals.fee', 'project.totals.periods', 'terminate.committed.share', 'project.periods[0].fee', 'x']), expectValue), { maxLength: 3 })
        .map((pairs): YamlNode => ({ kind: 'map', entries: pairs.map(([k, v]) => [k, scalar(v)]), flow: false })),
    },
    ['name', 'term', 'pricing'],
    h === 0 ? 0 : 0.02,
  );
}

export const scenarioYaml: fc.Arbitrary<FuzzInput> = fc
  .record({
    timeline: timelineArb,
    hostility: fc.oneof(w(5, fc.constant(0)), w(3, fc.constant(1)), w(2, fc.constant(4))),
    unit: fc.oneof(w(20, fc.constant('  ')), w(1, indentUnit)),
    deco: fc.oneof(w(12, fc.constant(undefined)), w(1, docDecoArb)),
  })
  .chain(({ timeline, hostility, unit, deco }) =>
    scenarioTree(timeline, hostility).map((node): FuzzInput => {
      const body = node.kind === 'map' && !node.flow ? blockText(node, '', unit) : `${flowText(node)}\n`;
      return { source: 'scenario', text: deco ? decorate(body, deco) : body };
    }),
  );

// ---------------------------------------------------------------- (b) mutations of the examples

export type MutationOp = 'delete' | 'duplicate' | 'swap' | 'insert' | 'insert-line' | 'flip' | 'indent' | 'replace-value';

export interface Mutation {
  readonly op: MutationOp;
  readonly a: number;
  readonly b: number;
  readonly token: string;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.oneof(
    w(3, fc.constant('delete' as const)), w(2, fc.constant('duplicate' as const)), w(2, fc.constant('swap' as const)),
    w(4, fc.constant('insert' as const)), w(2, fc.constant('insert-line' as const)), w(3, fc.constant('flip' as const)),
    w(2, fc.constant('indent' as const)), w(5, fc.constant('replace-value' as const)),
  ),
  a: fc.nat(),
  b: fc.nat(),
  token: fc.oneof(w(3, pick(HOSTILE_TOKENS)), w(3, anyScalar), w(2, pick(ODD_CHARS)), w(1, keyArb.map((k) => `${k}: `))),
});

export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  const i = m.a % n;
  const j = m.b % n;
  switch (m.op) {
    case 'delete': lines.splice(i, 1); break;
    case 'duplicate': lines.splice(j, 0, lines[i] as string); break;
    case 'swap': [lines[i], lines[j]] = [lines[j] as string, lines[i] as string]; break;
    case 'insert': {
      const at = m.b % (text.length + 1);
      return text.slice(0, at) + m.token + text.slice(at);
    }
    case 'insert-line': lines.splice(i, 0, `${' '.repeat(m.b % 7)}${m.token}`); break;
    case 'flip': {
      if (text.length === 0) return m.token;
      const at = m.b % text.length;
      return text.slice(0, at) + m.token + text.slice(at + 1);
    }
    case 'indent': {
      const line = lines[i] as string;
      const shift = (m.b % 9) - 4; // -4..+4 spaces; 4 means a tab
      lines[i] = shift === 4 ? `\t${line}` : shift >= 0 ? ' '.repeat(shift) + line : line.replace(new RegExp(`^ {0,${-shift}}`), '');
      break;
    }
    case 'replace-value': {
      // the value after the k-th `key:` of the file
      const candidates = lines.map((l, k) => [l, k] as const).filter(([l]) => /^\s*-?\s*[\w.]+:\s*\S/.test(l) || /[{,]\s*\w+:\s*[^,}]+/.test(l));
      if (candidates.length === 0) return text;
      const [line, k] = candidates[m.b % candidates.length] as readonly [string, number];
      const token = m.token.replace(/\n/g, ' ');
      lines[k] = /^\s*-?\s*[\w.]+:\s*\S/.test(line) && !/^\s*-?\s*[\w.]+:\s*\{/.test(line)
        ? line.replace(/^(\s*-?\s*[\w.]+:\s*)(.*?)(\s+#.*)?$/, (_all, head: string, _value: string, comment: string | undefined) => `${head}${token}${comment ?? ''}`)
        : line.replace(/([{,]\s*\w+:\s*)([^,}]+)/, (_all, head: string) => `${head}${token}`);
      break;
    }
  }
  return lines.join('\n');
}

export const mutatedExample: fc.Arbitrary<FuzzInput> = fc
  .record({
    seed: fc.oneof(w(6, fc.nat({ max: EXAMPLES.length - 1 }).map((k) => EXAMPLES[k]?.text ?? '')), w(1, fc.nat({ max: SEEDS.length - 1 }).map((k) => SEEDS[k]?.text ?? ''))),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
    deco: fc.oneof(w(10, fc.constant(undefined)), w(1, docDecoArb)),
    truncate: fc.oneof(w(8, fc.constant(undefined)), w(1, fc.nat())),
  })
  .map(({ seed, mutations, deco, truncate }): FuzzInput => {
    let text = mutations.reduce(mutate, seed);
    if (deco) text = decorate(text, deco);
    if (truncate === undefined) return { source: 'mutation', text };
    const bytes = encoder.encode(text);
    const cut = bytes.subarray(0, truncate % (bytes.length + 1));
    try {
      return { source: 'mutation', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(cut) };
    } catch {
      return { source: 'mutation', bytes: Uint8Array.from(cut) }; // cut inside a multi-byte character
    }
  });

// ---------------------------------------------------------------- (c) bytes

const BAD_SEQUENCES: readonly (readonly number[])[] = [
  [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff], [0xff, 0xfe],
  [0xe0, 0x80, 0x80], [0xf0, 0x80, 0x80, 0x80], [0xef, 0xbb, 0xbf], [0x00], [0xc2, 0x85], [0xe2, 0x80, 0xa8],
];

const splicedBytes = fc
  .record({
    seed: fc.nat({ max: SEEDS.length - 1 }),
    inserts: fc.array(fc.tuple(fc.nat(), fc.oneof(w(3, pick(BAD_SEQUENCES)), w(1, fc.uint8Array({ minLength: 1, maxLength: 4 }).map((a) => Array.from(a))))), { minLength: 1, maxLength: 4 }),
  })
  .map(({ seed, inserts }): FuzzInput => {
    let bytes = Array.from(encoder.encode(SEEDS[seed]?.text ?? ''));
    for (const [at, seq] of inserts) {
      const k = at % (bytes.length + 1);
      bytes = [...bytes.slice(0, k), ...seq, ...bytes.slice(k)];
    }
    return { source: 'bad-utf8', bytes: Uint8Array.from(bytes) };
  });

const utf16 = fc.tuple(fc.nat({ max: EXAMPLES.length - 1 }), fc.boolean()).map(([k, le]): FuzzInput => {
  const text = `\uFEFF${EXAMPLES[k]?.text ?? ''}`;
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = c & 0xff;
    out[2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return { source: 'bad-utf8', bytes: out };
});

export const randomBytes: fc.Arbitrary<FuzzInput> = fc.oneof(
  w(4, fc.uint8Array({ maxLength: 600 }).map((bytes): FuzzInput => ({ source: 'bytes', bytes }))),
  w(1, fc.uint8Array({ maxLength: 64 }).map((b): FuzzInput => ({ source: 'bytes', bytes: Uint8Array.from([...encoder.encode('name: '), ...b]) }))),
  w(4, splicedBytes),
  w(1, utf16),
);
