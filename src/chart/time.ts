/**
 * The chart's time axis. Dates are calendar day numbers (src/model/calendar:
 * no Date, no time zone) until they go into the spec, where vegaTime turns
 * them into the UTC timestamps Vega plots on its `utc` scales.
 */
import { endOfMonth, fromYmd, parseIsoDate, toYmd, type Day } from '../model/calendar.js';
import type { ProjectJson, TerminateJson } from './json.js';

/**
 * A calendar day as Vega's time: the UTC timestamp of its midnight (never
 * local time), in epoch milliseconds. The one place where days become
 * milliseconds: all date arithmetic is done on day numbers before.
 */
export function vegaTime(day: Day): number {
  return day * 86_400_000;
}

/** The day number of an ISO calendar date in the CLI's JSON. */
export function isoDay(iso: string): Day {
  const parsed = parseIsoDate(iso);
  if (!parsed.ok) throw new Error(`chart: not an ISO date: ${JSON.stringify(iso)}`);
  return parsed.day;
}

/** The first day of the month that contains `day`. */
function monthStart(day: Day): Day {
  return day - toYmd(day).day + 1;
}

/** Whole calendar months from the month of `from` to the month of `to`. */
function monthsBetween(from: Day, to: Day): number {
  const a = toYmd(from);
  const b = toYmd(to);
  return (b.year - a.year) * 12 + b.month - a.month;
}

/** Vega expression for time axis labels: the year in January, else the month ("2027", "Apr"), in UTC. */
const MONTH_LABEL = "utcFormat(datum.value, '%m') === '01' ? utcFormat(datum.value, '%Y') : utcFormat(datum.value, '%b')";

/** The months both panels show: from the first day of the first to the first day after the last. */
export interface Domain {
  readonly from: Day;
  readonly to: Day;
}

/** One time domain for both panels, in whole months, so their x axes line up. */
export function timeDomain(project: ProjectJson, terminate: TerminateJson | null): Domain {
  const notices = (terminate?.outcomes ?? []).map((o) => isoDay(o.notice_date));
  const starts = [...project.periods.map((p) => isoDay(p.start)), ...notices];
  const ends = [...project.periods.map((p) => isoDay(p.end)), ...notices];
  const n = project.termination;
  if (n) starts.push(isoDay(n.notice_date));
  if (n?.effect) ends.push(isoDay(n.last_service_date));
  if (starts.length === 0) return { from: fromYmd(2000, 1, 1), to: fromYmd(2000, 2, 1) };
  return { from: monthStart(Math.min(...starts)), to: endOfMonth(Math.max(...ends, ...starts)) + 1 };
}

/**
 * The shared time scale. The domain goes in as `domainRaw`, plain UTC
 * timestamps that Vega uses as they are: Vega-Lite's own `domain` is mangled
 * when a layer has an `x2` channel (part is converted to dates, part not),
 * which it reports as a conflict.
 */
export function xScale(domain: Domain): Record<string, unknown> {
  return { type: 'utc', nice: false, domainRaw: { expr: `[${vegaTime(domain.from)}, ${vegaTime(domain.to)}]` } };
}

/** A time axis with a tick every 1, 2, 3, 6, 12… months: at most about 16 labels. */
export function xAxis(title: string, domain: Domain): Record<string, unknown> {
  const months = monthsBetween(domain.from, domain.to);
  const step = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600].find((s) => months / s <= 16) ?? 1200;
  const tickCount = step >= 12 ? { interval: 'year', step: step / 12 } : { interval: 'month', step };
  return { title, tickCount, labelExpr: MONTH_LABEL, labelOverlap: true, grid: false, labelFlush: true };
}
