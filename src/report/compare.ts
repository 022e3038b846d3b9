/**
 * `compare`: the headline figures of several scenarios side by side, each
 * against the first, with absolute and relative differences. One row per
 * figure and one column per scenario (then its differences), so the table,
 * the Markdown and the CSV read alike; the JSON lists the scenarios and
 * their differences.
 *
 * A scenario that nobody may terminate early commits its full term (share
 * 1.0000), and its expected value, when a notice probability is set, is the
 * full term too.
 */
import { formatIsoDate } from '../model/calendar.js';
import { divHalfUp, fixed, formatScaled, money, type Cents } from '../model/money.js';
import type { Projection } from '../model/projection.js';
import type { TerminationAnalysis } from '../model/analysis.js';
import type { Scenario } from '../scenario/types.js';
import type { CellKind, Column, Report, Row } from './report.js';

export interface Compared {
  readonly file: string;
  readonly scenario: Scenario;
  readonly full: Projection['totals'];
  /** null when nobody may terminate early. */
  readonly termination: TerminationAnalysis | null;
}

/** The compared figures, in their order, with the kind of their cells. */
const FIGURES: readonly { key: string; label: string; kind: CellKind; difference?: 'count' | 'money' | 'share' }[] = [
  { key: 'name', label: 'Scenario', kind: 'text' },
  { key: 'currency', label: 'Currency', kind: 'text' },
  { key: 'by', label: 'Notice by', kind: 'text' },
  { key: 'committed_notice_date', label: 'Committed notice', kind: 'date' },
  { key: 'periods', label: 'Periods', kind: 'int', difference: 'count' },
  { key: 'days', label: 'Service days', kind: 'int', difference: 'count' },
  { key: 'full_term_total', label: 'Full-term total', kind: 'money', difference: 'money' },
  { key: 'npv', label: 'NPV', kind: 'money', difference: 'money' },
  { key: 'committed_total', label: 'Committed total', kind: 'money', difference: 'money' },
  { key: 'committed_pv', label: 'Committed PV', kind: 'money', difference: 'money' },
  { key: 'committed_share', label: 'Committed share', kind: 'share', difference: 'share' },
  { key: 'expected_total', label: 'Expected total', kind: 'money', difference: 'money' },
  { key: 'expected_pv', label: 'Expected PV', kind: 'money', difference: 'money' },
];

type Value = string | number | null;

function summary(c: Compared): Record<string, Value> {
  const t = c.termination;
  const full = c.full;
  const risk = c.scenario.risk.monthlyNoticeProbability !== null || (c.scenario.risk.customerMonthly ?? null) !== null;
  const expectedTotal: Cents | null = t ? (t.expected?.total ?? null) : risk ? full.fee : null;
  const expectedPv: Cents | null = t ? (t.expected?.pv ?? null) : risk ? full.pv : null;
  return {
    name: c.scenario.name,
    currency: c.scenario.currency,
    by: t?.by ?? null,
    committed_notice_date: t ? formatIsoDate(t.committed.notice.date) : null,
    periods: full.periods,
    days: full.days,
    full_term_total: money(full.fee),
    npv: money(full.pv),
    committed_total: money(t ? t.committed.total : full.fee),
    committed_pv: money(t ? t.committed.pv : full.pv),
    committed_share: t ? (t.share === null ? null : fixed(t.share, 4)) : full.fee === 0n ? null : '1.0000',
    expected_total: expectedTotal === null ? null : money(expectedTotal),
    expected_pv: expectedPv === null ? null : money(expectedPv),
  };
}

export interface Difference {
  readonly absolute: string;
  /** (b − a) / |a| to 4 decimals, half up; null when a is 0. */
  readonly relative: string | null;
}

/** A canonical figure (fixed decimals: "123.45", "0.0553", 1096) as an integer count of its smallest unit. */
const units = (value: string | number): bigint => BigInt(String(value).replace('.', ''));

function difference(a: Value, b: Value, kind: 'count' | 'money' | 'share'): Difference | null {
  if (a === null || b === null) return null;
  const places = kind === 'money' ? 2 : kind === 'share' ? 4 : 0;
  const x = units(a);
  const y = units(b);
  return {
    absolute: formatScaled(y - x, places),
    relative: x === 0n ? null : formatScaled(divHalfUp((y - x) * 10_000n, x < 0n ? -x : x), 4),
  };
}

export function compareJson(items: readonly Compared[]): Record<string, unknown> {
  const summaries: Record<string, Value>[] = items.map((c) => ({ file: c.file, ...summary(c) }));
  const base = summaries[0] as Record<string, Value>;
  return {
    scenarios: summaries,
    differences: summaries.slice(1).map((s) => {
      const out: Record<string, unknown> = { file: s.file, against: base.file };
      // amounts in different currencies are not subtracted (SPEC §7): those differences stay blank
      const sameCurrency = s.currency === base.currency;
      for (const f of FIGURES) {
        if (f.difference) out[f.key] = f.difference === 'money' && !sameCurrency ? null : difference(base[f.key] ?? null, s[f.key] ?? null, f.difference);
      }
      return out;
    }),
  };
}

/** Column labels: the scenario names, made unique with the file name when two are equal (SPEC §7). */
export function columnNames(items: readonly Compared[]): string[] {
  const named = items.map((c) => c.scenario.name);
  const withFile = items.map((c, i) => (named.filter((n) => n === named[i]).length > 1 ? `${named[i]} (${c.file})` : named[i]!));
  // the same file twice: its position makes it unique
  return withFile.map((n, i) => (withFile.indexOf(n) === i ? n : `${n} #${i + 1}`));
}

export function compareReport(items: readonly Compared[]): Report {
  const json = compareJson(items);
  const scenarios = json.scenarios as Record<string, Value>[];
  const differences = json.differences as Record<string, Difference | null | string>[];
  const names = columnNames(items);
  const against = names[0] ?? '';
  const columns: Column[] = [{ key: 'figure', label: 'Figure', kind: 'text' }];
  names.forEach((name, i) => {
    columns.push({ key: name, label: name, kind: 'text', byRow: true });
    if (i > 0) {
      columns.push({ key: `${name} diff`, label: `Δ vs ${against}`, kind: 'text', byRow: true });
      columns.push({ key: `${name} relative`, label: 'Δ %', kind: 'ratio' });
    }
  });
  const rows: Row[] = FIGURES.map((f) => {
    const row: Record<string, Value> = { figure: f.label };
    names.forEach((name, i) => {
      row[name] = scenarios[i]?.[f.key] ?? null;
      if (i > 0) {
        const d = differences[i - 1]?.[f.key] as Difference | null | undefined;
        row[`${name} diff`] = d?.absolute ?? null;
        row[`${name} relative`] = d?.relative ?? null;
      }
    });
    return row;
  });
  const currencies = [...new Set(items.map((c) => c.scenario.currency))];
  return {
    title: `Comparison against ${against}`,
    currency: currencies.join(', '),
    headline: [],
    columns,
    rows,
    rowKinds: FIGURES.map((f) => f.kind),
    notes: currencies.length > 1 ? ['The scenarios use different currencies: amounts are not converted, and their differences are left blank.'] : [],
    json,
  };
}
