/** Termination results → Report (SPEC §4 `terminate` JSON, and the `termination` object of `project --notice`). */
import { formatIsoDate } from '../model/calendar.js';
import { Decimal, fixed, money, ZERO, type Cents } from '../model/money.js';
import { mapped, toArray } from '../model/sequence.js';
import type { TerminationAnalysis } from '../model/analysis.js';
import type { Scenario } from '../scenario/types.js';
import type { CommittedJson, ExpectedJson, TerminateJson } from './documents.js';
import { committedShare, type Outcome } from '../model/termination.js';
import type { Expected } from '../model/risk.js';
import { record } from './fields.js';
import { group, percent } from './format.js';
import { scenarioHeader } from './header.js';
import { marketFigure, marketJson, marketSection } from './market.js';
import { OUTCOME_FIELDS, outcomeJson } from './outcome.js';
import type { Figure, Report, Row } from './report.js';

const committedJson = (o: Outcome, full: Cents): CommittedJson => {
  const share = committedShare(o, full);
  return { notice_date: formatIsoDate(o.notice.date), total: money(o.total), pv: money(o.pv), share: share === null ? null : fixed(share, 4) };
};

export function terminateJson(scenario: Scenario, r: TerminationAnalysis): TerminateJson {
  return {
    scenario: scenarioHeader(scenario),
    by: r.by,
    full_term: { total: money(r.full.fee), pv: money(r.full.pv) },
    committed: {
      notice_date: formatIsoDate(r.committed.notice.date),
      total: money(r.committed.total),
      pv: money(r.committed.pv),
      share: r.share === null ? null : fixed(r.share, 4),
    },
    ...(r.committedByParty
      ? { committed_by_party: { customer: committedJson(r.committedByParty.customer, r.full.fee), provider: committedJson(r.committedByParty.provider, r.full.fee) } }
      : {}),
    expected: r.expected ? expectedJson(r.expected) : null,
    ...(r.market ? { market: marketJson(r.market) } : {}),
    outcomes: toArray(mapped(r.outcomes, outcomeJson)),
  };
}

/** The `expected` object: SPEC §3 for one probability, §11 for a probability per party. */
export function expectedJson(e: Expected): ExpectedJson {
  if (e.kind === 'single') return { probability: e.probability.toString(), total: money(e.total), pv: money(e.pv) };
  return {
    customer_monthly: e.customerMonthly.toString(),
    provider_monthly: e.providerMonthly.toString(),
    total: money(e.total),
    pv: money(e.pv),
    notice_probability: { customer: fixed(e.noticeProbability.customer, 4), provider: fixed(e.noticeProbability.provider, 4), none: fixed(e.noticeProbability.none, 4) },
  };
}

/** The headline's note on an expected value: what probabilities it weighs. */
export function expectedNote(e: Expected): string {
  const npv = `NPV ${group(money(e.pv))}`;
  if (e.kind === 'single') return `${percent(e.probability)} chance of a notice each month, ${npv}`;
  const p = e.noticeProbability;
  return `${percent(e.customerMonthly)} a month for the customer, ${percent(e.providerMonthly)} for the provider: first notice by the customer ${fixed(p.customer.times(100), 2)}%, the provider ${fixed(p.provider.times(100), 2)}%, none ${fixed(p.none.times(100), 2)}%; ${npv}`;
}

export function terminateReport(scenario: Scenario, r: TerminationAnalysis): Report {
  const share = r.share === null ? 'share n/a (the full term is worth 0)' : `${fixed(r.share.times(100), 2)}% of the full term`;
  const headline: Figure[] = [
    { label: 'Full term', value: money(r.full.fee), kind: 'money', note: `NPV ${group(money(r.full.pv))}` },
    ...(r.committedByParty
      ? (['customer', 'provider'] as const).map((p): Figure => {
          const c = committedJson(r.committedByParty![p], r.full.fee);
          const of = c.share === null ? 'share n/a' : `${fixed(new Decimal(c.share).times(100), 2)}% of the full term`;
          return { label: `Committed, ${p}`, value: c.total, kind: 'money', note: `${of}: a notice by the ${p} on ${c.notice_date}, NPV ${group(c.pv)}` };
        })
      : [
          {
            label: 'Committed',
            value: money(r.committed.total),
            kind: 'money' as const,
            note: `${share}: notice on ${formatIsoDate(r.committed.notice.date)} by the ${r.by}, NPV ${group(money(r.committed.pv))}`,
          },
        ]),
    r.expected
      ? {
          label: 'Expected',
          value: money(r.expected.total),
          kind: 'money',
          note: expectedNote(r.expected),
        }
      : { label: 'Expected', value: 'n/a', kind: 'text', note: 'set risk.monthly_notice_probability (or customer_monthly and provider_monthly) to compute it' },
    ...(r.market ? [marketFigure(r.market)] : []),
  ];
  const notice = scenario.termination?.noticeDays ?? 0;
  return {
    title: `${scenario.name}: early termination by the ${r.by}`,
    currency: scenario.currency,
    headline,
    columns: OUTCOME_FIELDS,
    // made as they are rendered: a daily sweep's rows are garbage as soon as they are printed
    rows: mapped(r.outcomes, (o): Row => record(OUTCOME_FIELDS, o)),
    ...(r.market ? { sections: [marketSection(r.market)] } : {}),
    notes: [`${notice} days' notice; termination fee ${group(money(scenario.termination?.fee ?? ZERO))} paid by the terminating party on the effective date.`],
    // made only for JSON output
    get json() {
      return terminateJson(scenario, r);
    },
  };
}
