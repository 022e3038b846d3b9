/** Portfolio results → Report (SPEC §10 JSON in its key order; CSV one row per month; the contracts as a table for people). */
import { formatIsoDate } from '../model/calendar.js';
import { fixed, money, type Cents, type Decimal } from '../model/money.js';
import { formatIrr } from '../model/irr.js';
import type { PortfolioResult } from '../model/portfolio.js';
import type { Portfolio } from '../scenario/portfolio-load.js';
import { group, percent } from './format.js';
import { portfolioMarketFigure, portfolioMarketJson } from './portfolio-market.js';
import type { Column, Figure, Report, Row } from './report.js';

const moneyOrNull = (c: Cents | null): string | null => (c === null ? null : money(c));
const share = (d: Decimal | null): string | null => (d === null ? null : fixed(d, 4));
const monthText = (year: number, month: number): string => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;

/** The SPEC §10 document; `market` is filled by the market simulation (SPEC §11) when the portfolio has one. */
export function portfolioJson(p: Portfolio, r: PortfolioResult): Record<string, unknown> {
  return {
    portfolio: { name: p.name, currency: p.currency },
    facilities: p.facilities.map((f) => ({ id: f.id, power_mw: f.powerMw.toString() })),
    contracts: p.contracts.map((c, i) => {
      const f = r.contracts[i]!;
      return {
        id: c.id,
        name: c.scenario.name,
        file: c.file,
        facility: c.facility,
        power_mw: c.powerMw.toString(),
        start: formatIsoDate(c.contract.term.start),
        end: formatIsoDate(c.contract.term.end),
        total: money(f.total),
        npv: money(f.npv),
        committed: money(f.committed),
        share: share(f.share),
        expected: moneyOrNull(f.expected),
      };
    }),
    months: r.months.map((m) => ({
      month: monthText(m.year, m.month),
      revenue: money(m.revenue),
      by_contract: Object.fromEntries(p.contracts.map((c, i) => [c.id, money(m.byContract[i] as Cents)])),
      cumulative: money(m.cumulative),
      facilities: Object.fromEntries(
        p.facilities.map((f, i) => {
          const mw = m.contractedMw[i] as Decimal;
          return [f.id, { contracted_mw: fixed(mw, 3), utilization: fixed(mw.div(f.powerMw), 4) }];
        }),
      ),
      backlog_contracted: money(m.backlog.contracted),
      backlog_committed: money(m.backlog.committed),
    })),
    totals: {
      total: money(r.totals.total),
      npv: money(r.totals.npv),
      committed: money(r.totals.committed),
      share: share(r.totals.share),
      expected: moneyOrNull(r.totals.expected),
    },
    backlog: {
      as_of: formatIsoDate(r.asOf),
      contracted: money(r.backlog.reduce((s, b) => s + b.contracted, 0n)),
      committed: money(r.backlog.reduce((s, b) => s + b.committed, 0n)),
      by_contract: Object.fromEntries(p.contracts.map((c, i) => [c.id, { contracted: money(r.backlog[i]!.contracted), committed: money(r.backlog[i]!.committed) }])),
    },
    economics: r.economics
      ? {
          totals: {
            fee: money(r.economics.totals.fee),
            cost: money(r.economics.totals.cost),
            margin: money(r.economics.totals.margin),
            capital: money(r.economics.totals.capital),
            net: money(r.economics.totals.net),
          },
          margin_share: share(r.economics.marginShare),
          npv: money(r.economics.npv),
          irr: r.economics.irr === null ? null : formatIrr(r.economics.irr),
          payback_date: r.economics.paybackDate === null ? null : formatIsoDate(r.economics.paybackDate),
        }
      : null,
    market: r.market ? portfolioMarketJson(r.market) : null,
  };
}

/** CSV and table columns of the months: the totals, one column per contract, then per facility. */
function monthColumns(p: Portfolio): Column[] {
  return [
    { key: 'month', label: 'Month', kind: 'text' },
    { key: 'revenue', label: 'Revenue', kind: 'money' },
    { key: 'cumulative', label: 'Cumulative', kind: 'money' },
    { key: 'backlog_contracted', label: 'Backlog contracted', kind: 'money' },
    { key: 'backlog_committed', label: 'Backlog committed', kind: 'money' },
    ...p.contracts.map((c): Column => ({ key: c.id, label: c.id, kind: 'money' })),
    ...p.facilities.flatMap((f): Column[] => [
      { key: `${f.id}_contracted_mw`, label: `${f.id} MW`, kind: 'decimal' },
      { key: `${f.id}_utilization`, label: `${f.id} use`, kind: 'ratio' },
    ]),
  ];
}

const CONTRACT_COLUMNS: readonly Column[] = [
  { key: 'id', label: 'Contract', kind: 'text' },
  { key: 'facility', label: 'Facility', kind: 'text' },
  { key: 'power_mw', label: 'MW', kind: 'decimal' },
  { key: 'start', label: 'Start', kind: 'date' },
  { key: 'end', label: 'End', kind: 'date' },
  { key: 'total', label: 'Total', kind: 'money' },
  { key: 'npv', label: 'NPV', kind: 'money' },
  { key: 'committed', label: 'Committed', kind: 'money' },
  { key: 'share', label: 'Share', kind: 'ratio' },
  { key: 'expected', label: 'Expected', kind: 'money' },
];

export function portfolioReport(p: Portfolio, r: PortfolioResult): Report {
  const json = portfolioJson(p, r);
  const months = json.months as Record<string, any>[];
  const rows = months.map((m): Row => {
    const row: Record<string, string | null> = {
      month: m.month,
      revenue: m.revenue,
      cumulative: m.cumulative,
      backlog_contracted: m.backlog_contracted,
      backlog_committed: m.backlog_committed,
    };
    for (const c of p.contracts) row[c.id] = m.by_contract[c.id];
    for (const f of p.facilities) {
      row[`${f.id}_contracted_mw`] = m.facilities[f.id].contracted_mw;
      row[`${f.id}_utilization`] = m.facilities[f.id].utilization;
    }
    return row;
  });
  const b = json.backlog as { as_of: string; contracted: string; committed: string };
  const t = r.totals;
  const shareText = t.share === null ? 'no fees' : `${fixed(t.share.times(100), 2)}% of the total`;
  const headline: Figure[] = [
    { label: 'Total', value: money(t.total), kind: 'money', note: `${p.contracts.length} contract${p.contracts.length === 1 ? '' : 's'} on ${p.facilities.length} facilit${p.facilities.length === 1 ? 'y' : 'ies'}` },
    { label: 'NPV', value: money(t.npv), kind: 'money', note: p.valuation ? `at ${percent(p.valuation.discountRate)} a year, valued on ${formatIsoDate(p.valuation.date)}` : 'each contract at its own valuation' },
    { label: 'Committed', value: money(t.committed), kind: 'money', note: `${shareText}: each contract's notice on the earliest allowed date` },
    ...(t.expected === null ? [] : [{ label: 'Expected', value: money(t.expected), kind: 'money' as const, note: "Σ of the contracts' expected totals" }]),
    { label: 'Backlog contracted', value: b.contracted, kind: 'money', note: `fees to be paid after ${b.as_of}, over the full terms` },
    { label: 'Backlog committed', value: b.committed, kind: 'money', note: `what the notice clauses guarantee of it (${group(b.contracted)} contracted)` },
    ...(r.economics
      ? [
          { label: 'Net cash', value: money(r.economics.totals.net), kind: 'money' as const, note: `fees − costs − capital; NPV ${group(money(r.economics.npv))}` },
          { label: 'IRR', value: r.economics.irr === null ? 'none' : formatIrr(r.economics.irr), kind: 'text' as const, note: 'over the merged dated net cash' },
        ]
      : []),
    ...(r.market ? [portfolioMarketFigure(r.market)] : []),
  ];
  return {
    title: `${p.name}: portfolio`,
    currency: p.currency,
    headline,
    sections: [{ title: 'Contracts', columns: CONTRACT_COLUMNS, rows: json.contracts as Row[] }],
    columns: monthColumns(p),
    rows,
    json,
  };
}
