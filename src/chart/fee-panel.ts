/**
 * Panel 1: the fee of each billing period as a bar (x = the month the
 * period starts in) and the cumulative fees as a line on a second y axis;
 * with a notice, the notice period shaded and a rule at the end of the last
 * service day.
 */
import type { PeriodDatum } from './data.js';
import { SHORT_LABEL, plotNumber, shortAmount, wrap } from './format.js';
import type { NoticeOutcomeJson, ProjectJson } from './json.js';
import { estimatedWidth } from './labels.js';
import { COLOURS, FONT, MARK, PLOT_HEIGHT, PLOT_WIDTH } from './style.js';
import { isoDay, vegaTime, xAxis, xScale, type Domain } from './time.js';

/** Panel 1, on the shared time domain. */
export function feePanel(project: ProjectJson, periods: readonly PeriodDatum[], domain: Domain): Record<string, unknown> {
  const { name, currency } = project.scenario;
  const t = project.totals;
  const first = project.periods[0];
  const last = project.periods[project.periods.length - 1];
  const span = first && last ? ` from ${first.start} to ${last.end}` : '';
  const n = project.termination;
  const totalLabel = n?.effect ? 'Fees until the last service day' : 'Total fees';
  const lines = [`${totalLabel}: ${shortAmount(plotNumber(t.fee))} ${currency} in ${t.periods} billing period${t.periods === 1 ? '' : 's'}${span}.`];
  if (n) lines.push(noticeText(n, currency));

  // Each bar spans its period, from its first day to the end of its last, less a small gap on each side.
  const x = { field: 'start', type: 'temporal', scale: xScale(domain), axis: xAxis('Billing period', domain) };
  const inset = barInset(periods, domain);
  const notice = n?.effect ? noticeLayers(n, domain) : undefined;
  // The bars and the line use the panel's data; the notice layers bring their own.
  // headroom above the tallest bar (SPEC §7): the fee axis reaches a tenth above it
  const tallest = Math.max(0, ...periods.map((p) => p.fee));
  const layers: unknown[] = [
    {
      name: MARK.bars,
      mark: { type: 'rect', color: COLOURS.bar, xOffset: inset, x2Offset: -inset },
      encoding: {
        x,
        x2: { field: 'end' },
        y2: { datum: 0 },
        y: {
          field: 'fee',
          type: 'quantitative',
          scale: { zero: true, ...(tallest > 0 ? { domainMax: tallest * 1.1 } : {}) },
          axis: { title: `Fee per period (${currency})`, labelExpr: SHORT_LABEL, titleColor: COLOURS.bar, tickCount: 6 },
        },
        description: { field: 'label' },
      },
    },
    {
      name: MARK.cumulative,
      mark: { type: 'line', color: COLOURS.cumulative, strokeWidth: 2.5, point: { filled: true, size: 20, color: COLOURS.cumulative } },
      encoding: {
        x: { field: 'middle', type: 'temporal' },
        y: {
          field: 'cumulative',
          type: 'quantitative',
          scale: { zero: true },
          axis: { title: `Cumulative fees (${currency})`, labelExpr: SHORT_LABEL, titleColor: COLOURS.cumulative, orient: 'right', grid: false, tickCount: 6 },
        },
        description: { field: 'label' },
      },
    },
  ];
  // the notice period over the bars, translucent, so the bars it cuts show through it
  if (notice) layers.push(notice.band, ...notice.marks);

  return {
    title: { text: `${name}: fees (${currency})`, subtitle: lines.flatMap((l) => wrap(l)) },
    data: { values: periods },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    layer: layers,
    resolve: { scale: { y: 'independent' } },
  };
}

function noticeText(n: NoticeOutcomeJson, currency: string): string {
  const when = `Notice on ${n.notice_date} by the ${n.by}`;
  if (!n.effect) return `${when} has no effect: service would end on ${n.last_service_date}, after the term.`;
  const fee = plotNumber(n.termination_fee);
  const feeText = fee === 0 ? '' : `; termination fee ${shortAmount(fee)}, contract total ${shortAmount(plotNumber(n.total))}`;
  return `${when}: last service day ${n.last_service_date}${feeText}; ${shortAmount(plotNumber(n.foregone))} ${currency} foregone.`;
}

/** The gap, in pixels, left on each side of a bar: about a tenth of a month, less for very short periods. */
function barInset(periods: readonly PeriodDatum[], domain: Domain): number {
  // in Vega's milliseconds, like the bars' ends; an average month is 30.44 days
  const pixelsPerMs = PLOT_WIDTH / (vegaTime(domain.to) - vegaTime(domain.from));
  const month = vegaTime(30.44) * pixelsPerMs;
  const shortest = Math.min(...periods.map((p) => (p.end - p.start) * pixelsPerMs));
  return Math.round(Math.max(0, Math.min(month * 0.1, shortest * 0.2, 4)) * 10) / 10;
}

/** The notice period shaded from the notice date to the effective date (drawn over the bars, translucent), and a rule where service stops. */
function noticeLayers(n: NoticeOutcomeJson, domain: Domain): { band: unknown; marks: unknown[] } {
  const stop = isoDay(n.effective_date); // the end of the last service day
  const row = {
    notice: vegaTime(Math.max(isoDay(n.notice_date), domain.from)),
    stop: vegaTime(stop),
    label: `Last service day ${n.last_service_date}`,
  };
  // The label goes right of the rule, where no bar is left after the notice: across the top of the
  // plot when there is room for it (by Vega's generous estimate of its width), else up along the rule.
  const room = ((domain.to - stop) / (domain.to - domain.from)) * PLOT_WIDTH;
  const across = room >= estimatedWidth(row.label) + 8;
  // No scale here: these layers share the bars' x scale, whose domain is set there.
  const x = { field: 'stop', type: 'temporal' };
  const band = {
    data: { values: [row] },
    name: MARK.noticeBand,
    mark: { type: 'rect', color: COLOURS.notice, opacity: 0.18 },
    encoding: {
      x: { field: 'notice', type: 'temporal' },
      x2: { field: 'stop' },
      description: { value: `Notice period from ${n.notice_date} to ${n.last_service_date}` },
    },
  };
  const marks = [
    {
      data: { values: [row] },
      name: MARK.lastService,
      mark: { type: 'rule', color: COLOURS.notice, strokeWidth: 2, strokeDash: [6, 3] },
      encoding: { x, description: { value: `Last service day ${n.last_service_date}` } },
    },
    {
      data: { values: [row] },
      name: MARK.lastServiceLabel,
      mark: {
        type: 'text',
        // The rule or point beside it carries the same words for screen readers; Vega-Lite's default
        // description of this mark would format its date in local time.
        aria: false,
        color: COLOURS.notice,
        fontSize: FONT,
        fontWeight: 'bold',
        ...(across ? { align: 'left', baseline: 'top', dx: 5, y: 4 } : { angle: 270, align: 'right', baseline: 'top', dy: 4, y: 4 }),
      },
      encoding: { x, text: { field: 'label' } },
    },
  ];
  return { band, marks };
}
