/**
 * Who may give notice, and when (SPEC §3, §6): candidate dates of the sweep,
 * the default party, and the problems a notice can have (key path + message).
 */
import { describe, expect, it } from 'vitest';
import {
  candidateDates,
  defaultParty,
  earliestNotice,
  mayTerminate,
  nobodyMayTerminate,
  noticeProblem,
  partyProblem,
} from '../../src/model/notice.js';
import { terminateResults } from '../../src/cli/commands/terminate.js';
import { checkedNotice, chooseParty } from '../../src/cli/commands/notice.js';
import { DealModelError } from '../../src/errors.js';
import type { Party } from '../../src/scenario/types.js';
import { day, iso, scenario, seed } from './helpers.js';

describe('candidateDates, month', () => {
  it('a short term starting mid-month: the start, then the 1st of each later month', () => {
    const s = scenario({ start: '2030-01-15', end: '2030-04-10' });
    expect(candidateDates(s, 'month').map(iso)).toEqual(['2030-01-15', '2030-02-01', '2030-03-01', '2030-04-01']);
  });

  it('a term ending on the 1st includes that 1st', () => {
    const s = scenario({ start: '2030-01-15', end: '2030-04-01' });
    expect(candidateDates(s, 'month').map(iso)).toEqual(['2030-01-15', '2030-02-01', '2030-03-01', '2030-04-01']);
  });

  it('a start on the 1st is not repeated', () => {
    const s = scenario({ start: '2030-01-01', end: '2030-03-31' });
    expect(candidateDates(s, 'month').map(iso)).toEqual(['2030-01-01', '2030-02-01', '2030-03-01']);
  });

  it('a start on the last day of a month, across a leap February', () => {
    const s = scenario({ start: '2028-01-31', end: '2028-03-15' });
    expect(candidateDates(s, 'month').map(iso)).toEqual(['2028-01-31', '2028-02-01', '2028-03-01']);
  });

  it('a single-day term has one candidate', () => {
    const s = scenario({ start: '2030-05-20', end: '2030-05-20' });
    expect(candidateDates(s, 'month').map(iso)).toEqual(['2030-05-20']);
    expect(candidateDates(s, 'day').map(iso)).toEqual(['2030-05-20']);
  });

  it('not_before after the start, mid-month: the earliest is not_before', () => {
    const s = scenario({ start: '2030-01-15', end: '2030-04-10', termination: { notBefore: '2030-02-10' } });
    expect(iso(earliestNotice(s))).toBe('2030-02-10');
    expect(candidateDates(s, 'month').map(iso)).toEqual(['2030-02-10', '2030-03-01', '2030-04-01']);
  });

  it('not_before on a 1st', () => {
    const s = scenario({ start: '2030-01-15', end: '2030-04-10', termination: { notBefore: '2030-03-01' } });
    expect(candidateDates(s, 'month').map(iso)).toEqual(['2030-03-01', '2030-04-01']);
  });

  it('not_before before the start: the earliest is the start', () => {
    const s = scenario({ start: '2030-01-15', end: '2030-04-10', termination: { notBefore: '2029-12-01' } });
    expect(iso(earliestNotice(s))).toBe('2030-01-15');
    expect(candidateDates(s, 'month').map(iso)).toEqual(['2030-01-15', '2030-02-01', '2030-03-01', '2030-04-01']);
  });

  it('not_before = term.end: one candidate', () => {
    const s = scenario({ start: '2030-01-15', end: '2030-04-10', termination: { notBefore: '2030-04-10' } });
    expect(candidateDates(s, 'month').map(iso)).toEqual(['2030-04-10']);
    expect(candidateDates(s, 'day').map(iso)).toEqual(['2030-04-10']);
  });
});

describe('candidateDates, day', () => {
  it('every day from the start to the end', () => {
    const s = scenario({ start: '2030-01-15', end: '2030-04-10' });
    const dates = candidateDates(s, 'day');
    // Jan 15..31 = 17, Feb 28, Mar 31, Apr 1..10 = 10: 86 days
    expect(dates).toHaveLength(86);
    expect(iso(dates[0]!)).toBe('2030-01-15');
    expect(iso(dates[85]!)).toBe('2030-04-10');
    expect(dates.every((d, i) => i === 0 || d === dates[i - 1]! + 1)).toBe(true);
  });

  it('from not_before', () => {
    const s = scenario({ start: '2030-01-15', end: '2030-04-10', termination: { notBefore: '2030-02-10' } });
    const dates = candidateDates(s, 'day');
    // Feb 10..28 = 19, Mar 31, Apr 10: 60
    expect(dates).toHaveLength(60);
    expect(iso(dates[0]!)).toBe('2030-02-10');
    expect(iso(dates[59]!)).toBe('2030-04-10');
  });

  it('the seed deal: 1,096 days, and every monthly candidate is among them', () => {
    const days = candidateDates(seed(), 'day');
    expect(days).toHaveLength(1096);
    const set = new Set(days);
    expect(candidateDates(seed(), 'month').every((d) => set.has(d))).toBe(true);
  });
});

describe('who may terminate', () => {
  const cases: [string, Parameters<typeof scenario>[0], Party | undefined, boolean, boolean][] = [
    ['either', { termination: { by: 'either' } }, 'customer', true, true],
    ['customer', { termination: { by: 'customer' } }, 'customer', true, false],
    ['provider', { termination: { by: 'provider' } }, 'provider', false, true],
    ['none', { termination: { by: 'none' } }, undefined, false, false],
    ['no termination section', { termination: null }, undefined, false, false],
  ];
  it.each(cases)('by %s: default party, customer may, provider may', (_, o, party, customer, provider) => {
    const s = scenario(o);
    expect(defaultParty(s)).toBe(party);
    expect(mayTerminate(s, 'customer')).toBe(customer);
    expect(mayTerminate(s, 'provider')).toBe(provider);
  });

  it('nobodyMayTerminate', () => {
    expect(nobodyMayTerminate(seed())).toBeUndefined();
    expect(nobodyMayTerminate(scenario({ termination: { by: 'customer' } }))).toBeUndefined();
    expect(nobodyMayTerminate(scenario({ termination: null }))).toEqual({
      path: '',
      message: 'nobody may terminate this contract early: it has no termination section',
    });
    expect(nobodyMayTerminate(scenario({ termination: { by: 'none' } }))).toEqual({
      path: 'termination.by',
      message: 'nobody may terminate this contract early: termination.by is "none"',
    });
  });

  it('partyProblem', () => {
    expect(partyProblem(scenario({ termination: { by: 'provider' } }), 'provider')).toBeUndefined();
    expect(partyProblem(scenario({ termination: { by: 'provider' } }), 'customer')).toEqual({
      path: 'termination.by',
      message: 'the customer may not give notice: termination.by is "provider", so only the provider may',
    });
    expect(partyProblem(scenario({ termination: { by: 'customer' } }), 'provider')).toEqual({
      path: 'termination.by',
      message: 'the provider may not give notice: termination.by is "customer", so only the customer may',
    });
  });
});

describe('noticeProblem', () => {
  const s = scenario({ termination: { notBefore: '2026-09-01' } });

  it('accepts the first allowed day, a mid-term day and term.end', () => {
    for (const d of ['2026-09-01', '2027-01-15', '2029-05-31']) {
      expect(noticeProblem(s, { date: day(d), by: 'customer' })).toBeUndefined();
      expect(noticeProblem(s, { date: day(d), by: 'provider' })).toBeUndefined();
    }
    expect(noticeProblem(seed(), { date: day('2026-06-01'), by: 'customer' })).toBeUndefined();
  });

  it('a date before the start', () => {
    expect(noticeProblem(seed(), { date: day('2026-05-31'), by: 'customer' })).toEqual({
      path: 'term',
      message:
        'the notice date 2026-05-31 is outside the term (2026-06-01 to 2029-05-31): a notice must be given during the term',
    });
  });

  it('a date after the end', () => {
    expect(noticeProblem(seed(), { date: day('2029-06-01'), by: 'provider' })).toEqual({
      path: 'term',
      message:
        'the notice date 2029-06-01 is outside the term (2026-06-01 to 2029-05-31): a notice must be given during the term',
    });
  });

  it('a date in the term before not_before', () => {
    expect(noticeProblem(s, { date: day('2026-08-31'), by: 'customer' })).toEqual({
      path: 'termination.not_before',
      message:
        'the notice date 2026-08-31 is before 2026-09-01, the earliest date a notice may be given (termination.not_before)',
    });
  });

  it('a party that is not allowed', () => {
    const onlyProvider = scenario({ termination: { by: 'provider' } });
    expect(noticeProblem(onlyProvider, { date: day('2027-01-15'), by: 'customer' })).toEqual({
      path: 'termination.by',
      message: 'the customer may not give notice: termination.by is "provider", so only the provider may',
    });
  });

  it('no termination section', () => {
    expect(noticeProblem(scenario({ termination: null }), { date: day('2027-01-15'), by: 'customer' })).toEqual({
      path: '',
      message: 'nobody may terminate this contract early: it has no termination section',
    });
  });

  it('by: none', () => {
    expect(noticeProblem(scenario({ termination: { by: 'none' } }), { date: day('2027-01-15'), by: 'provider' })).toEqual({
      path: 'termination.by',
      message: 'nobody may terminate this contract early: termination.by is "none"',
    });
  });
});

describe('the CLI layer refuses what the rules refuse (input error, exit 3)', () => {
  const thrown = (f: () => unknown): DealModelError => {
    try {
      f();
    } catch (e) {
      if (e instanceof DealModelError) return e;
      throw e;
    }
    throw new Error('expected a DealModelError');
  };

  it('terminate on a contract nobody may terminate', () => {
    const e = thrown(() => terminateResults(scenario({ termination: { by: 'none' } }), undefined, 'month'));
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe('<scenario>: termination.by: nobody may terminate this contract early: termination.by is "none"');
    const f = thrown(() => terminateResults(scenario({ termination: null }), undefined, 'month'));
    expect(f.exitCode).toBe(3);
    expect(f.message).toBe('<scenario>: nobody may terminate this contract early: it has no termination section');
  });

  it('--by a party not allowed', () => {
    const e = thrown(() => chooseParty(scenario({ termination: { by: 'customer' } }), 'provider'));
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe(
      '<scenario>: termination.by: the provider may not give notice: termination.by is "customer", so only the customer may',
    );
  });

  it('the default party is the provider when only the provider may', () => {
    expect(chooseParty(scenario({ termination: { by: 'provider' } }), undefined)).toBe('provider');
    expect(terminateResults(scenario({ termination: { by: 'provider' } }), undefined, 'month').by).toBe('provider');
  });

  it('--notice outside the term', () => {
    const e = thrown(() => checkedNotice(seed(), day('2029-06-01'), undefined));
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe(
      '<scenario>: term: the notice date 2029-06-01 is outside the term (2026-06-01 to 2029-05-31): a notice must be given during the term',
    );
    expect(checkedNotice(seed(), day('2029-05-31'), undefined)).toEqual({ date: day('2029-05-31'), by: 'customer' });
  });
});
