/**
 * Panel 2, when someone may terminate: the contract total for a notice on
 * each candidate date (line with points), with rules for the full-term
 * total, the committed value and, with `risk`, the expected value; with a
 * notice, that notice's point and its label.
 */
import { ruleData, type OutcomeDatum } from './data.js';
import { SHORT_LABEL, plotNumber, shortAmount, wrap } from './format.js';
import type { ProjectJson, TerminateJson } from './json.js';
import { noticeLabelPlace } from './labels.js';
import { COLOURS, FONT, MARK, PLOT_HEIGHT, PLOT_WIDTH } from './style.js';
import { isoDay, vegaTime, xAxis, xScale, type Domain } from './time.js';

/** Where rule labels may sit: the left or right end of a rule, above it or not; one text layer each. */
const PLACES: readonly (readonly ['left' | 'right', boolean])[] = [
  ['left', true],
  ['left', false],
  ['right', true],
  ['right', false],
];

/** Panel 2, on the same time domain as panel 1. */
export function exposurePanel(project: ProjectJson, terminate: TerminateJson, outcomes: readonly OutcomeDatum[], domain: Domain): Record<string, unknown> {
  const currency = terminate.scenario.currency;
  const rules = ruleData(terminate);
  const x = { field: 'notice', type: 'temporal', scale: xScale(domain), axis: xAxis(`Notice date (notice by the ${terminate.by})`, domain) };
  const y = { field: 'total', type: 'quantitative', axis: { title: `Contract total (${currency})`, labelExpr: SHORT_LABEL, tickCount: 6 } };
  const ruleColour = {
    field: 'key',
    type: 'nominal',
    scale: { domain: ['full_term', 'committed', 'expected'], range: [COLOURS.full, COLOURS.committed, COLOURS.expected] },
    legend: null,
  };
  const ruleY = { field: 'value', type: 'quantitative' };
  const labelLayer = (side: 'left' | 'right', above: boolean): unknown => ({
    transform: [{ filter: `datum.side === '${side}' && datum.above === ${above}` }],
    name: `${MARK.ruleLabels}_${side}_${above ? 'above' : 'below'}`,
    mark: {
      type: 'text',
      aria: false,
      align: side,
      baseline: above ? 'bottom' : 'top',
      x: side === 'left' ? 0 : 'width',
      dx: side === 'left' ? 4 : -4,
      dy: above ? -3 : 3,
      fontSize: FONT,
      fontWeight: 'bold',
    },
    encoding: { y: ruleY, text: { field: 'label' }, color: ruleColour },
  });
  const layers: unknown[] = [
    {
      data: { values: rules },
      layer: [
        {
          name: MARK.rules,
          mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [5, 4] },
          encoding: { y: ruleY, color: ruleColour, description: { field: 'label' } },
        },
        ...PLACES.filter(([side, above]) => rules.some((r) => r.side === side && r.above === above)).map(([side, above]) => labelLayer(side, above)),
      ],
    },
    {
      data: { values: outcomes },
      name: MARK.outcomes,
      mark: { type: 'line', color: COLOURS.outcome, strokeWidth: 2.5, point: { filled: true, size: 30, color: COLOURS.outcome } },
      encoding: { x, y, description: { field: 'label' } },
    },
  ];
  const n = project.termination;
  if (n) {
    const at = vegaTime(isoDay(n.notice_date));
    const total = plotNumber(n.total);
    const label = `Notice on ${n.notice_date}: ${shortAmount(total)}`;
    const place = noticeLabelPlace({ at, total, label }, outcomes, rules, domain);
    layers.push({
      data: { values: [{ notice: at, total, label }] },
      layer: [
        {
          name: MARK.yourNotice,
          mark: { type: 'point', filled: true, size: 110, shape: 'diamond', color: COLOURS.notice, opacity: 1 },
          encoding: { x, y, description: { field: 'label' } },
        },
        {
          name: MARK.yourNoticeLabel,
          mark: {
            type: 'text',
            aria: false,
            align: place.right ? 'left' : 'right',
            dx: place.right ? 9 : -9,
            dy: place.below ? 7 : -7,
            baseline: place.below ? 'top' : 'bottom',
            fontSize: FONT,
            fontWeight: 'bold',
            color: COLOURS.notice,
          },
          encoding: { x, y, text: { field: 'label' } },
        },
      ],
    });
  }
  const full = shortAmount(plotNumber(terminate.full_term.total));
  return {
    title: {
      text: `Early termination: contract total by notice date (${currency})`,
      subtitle: wrap(`Fees until the last service day plus any termination fee, for a notice by the ${terminate.by} on each date; the full term is ${full} ${currency}.`),
    },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    layer: layers,
  };
}
