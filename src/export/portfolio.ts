/**
 * `deal-model export` of a portfolio (SPEC §10): a Contracts sheet (each
 * contract's figures as computed by deal-model) and a Months sheet on the
 * cash basis, one column of revenue per contract as values with the month's
 * revenue and the cumulative revenue as live formulas over them, then the
 * backlog at the month end.
 */
import { fromYmd } from '../model/calendar.js';
import type { PortfolioResult } from '../model/portfolio.js';
import type { Portfolio } from '../scenario/portfolio-load.js';
import { address, centsNumber, decimalNumber, FORMAT, formula, header, serial, text, type Cell, type Sheet, type WorkbookPlan } from './plan.js';

const money = (value: bigint): Cell => ({ value: centsNumber(value), format: FORMAT.money });

export function portfolioWorkbookPlan(p: Portfolio, r: PortfolioResult): WorkbookPlan {
  const contracts: Sheet = {
    name: 'Contracts',
    widths: [14, 16, 8, 12, 12, 20, 20, 20, 10],
    freezeRows: 2,
    rows: [
      [text(`${p.name} (${p.currency}): each contract's figures, values computed by deal-model for the portfolio as exported`)],
      ['Contract', 'Facility', 'MW', 'Start', 'End', 'Total', 'NPV', 'Committed', 'Share'].map(header),
      ...p.contracts.map((c, i) => {
        const f = r.contracts[i]!;
        return [
          text(c.id),
          text(c.facility),
          { value: decimalNumber(c.powerMw) },
          { value: serial(c.contract.term.start), format: FORMAT.date },
          { value: serial(c.contract.term.end), format: FORMAT.date },
          money(f.total),
          money(f.npv),
          money(f.committed),
          f.share === null ? undefined : { value: decimalNumber(f.share), format: '0.0000' },
        ];
      }),
    ],
  };
  const n = p.contracts.length;
  const first = 3; // the first month's row
  const revenueCol = n + 2;
  const months: Sheet = {
    name: 'Months',
    widths: [10, ...p.contracts.map(() => 18), 20, 20, 20, 20],
    freezeRows: 2,
    rows: [
      [text('Revenue by payment date; Revenue and Cumulative are formulas over the contracts\' columns. Backlog at the month end, as computed by deal-model.')],
      ['Month', ...p.contracts.map((c) => c.id), 'Revenue', 'Cumulative', 'Backlog contracted', 'Backlog committed'].map(header),
      ...r.months.map((m, k) => {
        const row = first + k;
        return [
          { value: serial(fromYmd(m.year, m.month, 1)), format: 'yyyy-mm' },
          ...m.byContract.map(money),
          { value: formula(`ROUND(SUM(${address(row, 2)}:${address(row, n + 1)}),2)`), format: FORMAT.money },
          { value: formula(k === 0 ? address(row, revenueCol) : `${address(row - 1, revenueCol + 1)}+${address(row, revenueCol)}`), format: FORMAT.money },
          money(m.backlog.contracted),
          money(m.backlog.committed),
        ];
      }),
    ],
  };
  const stamp = p.valuation?.date ?? Math.min(...p.contracts.map((c) => c.contract.term.start));
  return { sheets: [contracts, months], names: [], stamp };
}
