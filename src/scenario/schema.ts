/**
 * The scenario format as data (SPEC §1): every key, its kind of value, its
 * range and default. The validator walks this description, and the JSON
 * Schema (`deal-model schema`) is generated from it, so the two never
 * disagree.
 */

/** A numeric bound, as a decimal string so that it stays exact. */
export interface Bound {
  readonly value: string;
  readonly inclusive: boolean;
}

interface Described {
  readonly description: string;
}

export type Field =
  | ({ readonly type: 'text'; readonly pattern?: string; readonly patternHint?: string } & Described)
  | ({ readonly type: 'currency' } & Described)
  | ({ readonly type: 'choice'; readonly values: readonly string[] } & Described)
  | ({ readonly type: 'amount'; readonly min?: Bound } & Described)
  | ({ readonly type: 'number'; readonly min?: Bound } & Described)
  | ({ readonly type: 'rate'; readonly min?: Bound; readonly max?: Bound } & Described)
  | ({ readonly type: 'integer'; readonly min: number; readonly max: number } & Described)
  | ({ readonly type: 'date' } & Described)
  | ({ readonly type: 'list'; readonly items: Field; readonly minItems: number } & Described)
  | ({ readonly type: 'expectations' } & Described)
  | ({ readonly type: 'overrides' } & Described)
  | ObjectField;

export interface ObjectField extends Described {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, Property>>;
  /** Exactly one of these keys must be present. */
  readonly exactlyOne?: readonly string[];
}

export interface Property {
  readonly field: Field;
  readonly required?: boolean;
  /** The default, as the user would write it; documentation and JSON Schema only. */
  readonly default?: string | number;
}

/** A century: more than any notice period, payment term or ramp; bounded so no count can blow up the model. */
export const MAX_DAYS = 36_500;
export const MAX_MONTHS = 1_200;

const gt = (value: string): Bound => ({ value, inclusive: false });
const ge = (value: string): Bound => ({ value, inclusive: true });
const le = (value: string): Bound => ({ value, inclusive: true });

const rampStep: ObjectField = {
  type: 'object',
  description: 'One ramp step: a number of billing periods at a discount or at a fixed fee.',
  properties: {
    months: { field: { type: 'integer', min: 1, max: MAX_MONTHS, description: 'Billing periods this step covers.' }, required: true },
    discount: {
      field: { type: 'rate', min: ge('0'), max: le('1'), description: 'Discount off the (escalated) base fee, 0..100%.' },
    },
    fee: { field: { type: 'amount', min: ge('0'), description: 'Fixed fee for a full period during this step (not escalated).' } },
  },
  exactlyOne: ['discount', 'fee'],
};

/** A step-up of `rate` every `every_months` contract months, counted from term.start (SPEC §2). */
const escalation = (what: string): ObjectField => ({
  type: 'object',
  description: `Escalation of ${what} every so many contract months.`,
  properties: {
    rate: { field: { type: 'rate', min: gt('-1'), description: 'Escalation per step; may be negative (> -100%).' }, required: true },
    every_months: { field: { type: 'integer', min: 1, max: MAX_MONTHS, description: 'Contract months between escalations.' }, default: 12 },
  },
});

/** The provider's costs (SPEC §9). */
const costs: ObjectField = {
  type: 'object',
  description: 'The provider\'s costs: power, operating costs and capital (at least one).',
  properties: {
    power: {
      field: {
        type: 'object',
        description: 'Power drawn for the IT load, priced per MWh.',
        properties: {
          it_load_mw: { field: { type: 'number', min: gt('0'), description: 'IT load in MW; default capacity.power_mw (required if that is absent).' } },
          utilization: { field: { type: 'rate', min: ge('0'), max: le('1'), description: 'Average share of the IT load drawn, 0..100%.' }, default: '100%' },
          pue: { field: { type: 'number', min: ge('1'), description: 'Power usage effectiveness (facility power / IT power), >= 1.' }, default: 1 },
          price_per_mwh: { field: { type: 'amount', min: ge('0'), description: 'Price of power per MWh.' }, required: true },
          escalation: { field: escalation('the power price') },
        },
      },
    },
    operating: {
      field: {
        type: 'object',
        description: 'Fixed operating costs.',
        properties: {
          monthly: { field: { type: 'amount', min: ge('0'), description: 'Operating cost for one full billing period.' }, required: true },
          escalation: { field: escalation('the operating cost') },
        },
      },
    },
    capital: {
      field: {
        type: 'list',
        minItems: 0,
        description: 'Dated capital outlays (construction, GPUs), in any order.',
        items: {
          type: 'object',
          description: 'One capital outlay.',
          properties: {
            date: { field: { type: 'date', description: 'When it is spent.' }, required: true },
            amount: { field: { type: 'amount', min: ge('0'), description: 'How much.' }, required: true },
          },
        },
      },
    },
  },
};

/** The market for the same capacity (SPEC §11); a portfolio's takes price_per_mw only. */
export const marketField = (portfolio: boolean): ObjectField => ({
  type: 'object',
  description: portfolio
    ? 'The market every contract compares its fees with (one shared price path per simulation); replaces the contracts\' own market sections.'
    : 'The market price of the same capacity, and when each party leaves for it (Monte Carlo).',
  properties: {
    price_per_mw: {
      field: { type: 'amount', min: gt('0'), description: 'Market price of 1 MW for one full billing period at the time origin (term.start), times capacity.power_mw.' },
      ...(portfolio ? { required: true } : {}),
    },
    ...(portfolio ? {} : { price: { field: { type: 'amount', min: gt('0'), description: 'Market price of the whole contracted capacity for one full billing period at term.start.' } } }),
    drift: { field: { type: 'rate', min: gt('-1'), description: 'Expected annual change of the price (annual effective, > -100%).' }, default: '0%' },
    volatility: { field: { type: 'rate', min: ge('0'), max: le('5'), description: 'Annual volatility of the price\'s logarithm, 0..500%.' }, default: '0%' },
    customer_exits_below: { field: { type: 'rate', min: ge('0'), max: le('1'), description: 'The customer gives notice when the market is this far below its fee, 0..100%; absent: never.' } },
    provider_exits_above: { field: { type: 'rate', min: ge('0'), description: 'The provider gives notice when the market is this far above the fee, >= 0; absent: never.' } },
    paths: { field: { type: 'integer', min: 1, max: 1_000_000, description: 'Simulated price paths, 1..1,000,000.' }, default: 10_000 },
    seed: { field: { type: 'integer', min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Seed of the random numbers, an integer 0..2^53-1; each seed gives an independent stream.' }, default: 1 },
  },
  ...(portfolio ? {} : { exactlyOne: ['price_per_mw', 'price'] }),
});

export const SCENARIO_SCHEMA: ObjectField = {
  type: 'object',
  description: 'A deal-model scenario: one long-term capacity contract.',
  properties: {
    name: { field: { type: 'text', description: 'Name of the scenario.' }, required: true },
    currency: { field: { type: 'currency', description: 'ISO 4217 currency code.' }, default: 'USD' },
    parties: {
      field: {
        type: 'object',
        description: 'Labels for the two parties.',
        properties: {
          provider: { field: { type: 'text', description: 'The party that provides the capacity.' } },
          customer: { field: { type: 'text', description: 'The party that pays for the capacity.' } },
        },
      },
    },
    capacity: {
      field: {
        type: 'object',
        description: 'What is reserved (labels; not used in the cash flows).',
        properties: {
          power_mw: { field: { type: 'number', min: gt('0'), description: 'Power of the reserved capacity in MW.' } },
          site: { field: { type: 'text', description: 'Where the capacity is.' } },
        },
      },
    },
    term: {
      required: true,
      field: {
        type: 'object',
        description: 'The term of service.',
        properties: {
          start: { field: { type: 'date', description: 'First day of service.' }, required: true },
          end: { field: { type: 'date', description: 'Last day of service, inclusive; on or after start.' }, required: true },
        },
      },
    },
    pricing: {
      required: true,
      field: {
        type: 'object',
        description: 'The fee and how it changes over the term.',
        properties: {
          monthly_fee: { field: { type: 'amount', min: gt('0'), description: 'Fee for one full billing period.' }, required: true },
          ramp: {
            field: { type: 'list', items: rampStep, minItems: 0, description: 'Ramp steps, applied to billing periods 1, 2, ... in order.' },
          },
          escalation: { field: escalation('the base fee') },
        },
      },
    },
    billing: {
      field: {
        type: 'object',
        description: 'How the fee is billed and paid.',
        properties: {
          periods: { field: { type: 'choice', values: ['calendar', 'anniversary'], description: 'Billing periods.' }, default: 'calendar' },
          timing: { field: { type: 'choice', values: ['advance', 'arrears'], description: 'Payment at the start or after the end of a period.' }, default: 'advance' },
          payment_terms_days: { field: { type: 'integer', min: 0, max: MAX_DAYS, description: 'Days between the billing date and payment.' }, default: 0 },
        },
      },
    },
    termination: {
      field: {
        type: 'object',
        description: 'The early-termination clause. Without it, nobody may terminate early.',
        properties: {
          notice_days: { field: { type: 'integer', min: 0, max: MAX_DAYS, description: 'Days between a notice and the effective date.' }, required: true },
          by: { field: { type: 'choice', values: ['either', 'customer', 'provider', 'none'], description: 'Who may give notice.' }, default: 'either' },
          fee: { field: { type: 'amount', min: ge('0'), description: 'Early-termination fee paid by the terminating party.' }, default: 0 },
          not_before: { field: { type: 'date', description: 'Earliest date a notice may be given.' } },
        },
      },
    },
    valuation: {
      field: {
        type: 'object',
        description: 'How cash flows are discounted.',
        properties: {
          discount_rate: { field: { type: 'rate', min: gt('-1'), description: 'Annual effective discount rate.' }, default: 0 },
          date: { field: { type: 'date', description: 'Valuation date; default term.start.' } },
        },
      },
    },
    risk: {
      field: {
        type: 'object',
        description: 'Probability of an early termination.',
        properties: {
          monthly_notice_probability: {
            field: { type: 'rate', min: ge('0'), max: le('1'), description: 'Probability of a notice in any month by the party that gives notice, 0..100%.' },
          },
          customer_monthly: {
            field: { type: 'rate', min: ge('0'), max: le('1'), description: 'Probability that the customer gives notice in any month, 0..100% (competing with the provider).' },
            default: '0%',
          },
          provider_monthly: {
            field: { type: 'rate', min: ge('0'), max: le('1'), description: 'Probability that the provider gives notice in any month, 0..100%.' },
            default: '0%',
          },
        },
      },
    },
    costs: { field: costs },
    market: { field: marketField(false) },
    expect: {
      field: { type: 'expectations', description: 'Expected values: dotted paths in the canonical result mapped to values.' },
    },
  },
};
