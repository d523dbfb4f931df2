import { describe, expect, it } from 'vitest';
import type { CoachingData } from '../../../../lib/model/coaching/coaching-data';
import { coachingReport } from '../../../../lib/model/coaching/coaching-report';
import { evidenceOf } from '../../../../lib/model/coaching/evidence';
import {
  data,
  hoursAfter,
  hoursBefore,
  meeting,
  now,
  objection,
  opportunities,
  plan,
  riley,
  sam,
  week,
} from './fixtures';

const tuesday = '2026-03-03T10:00:00.000Z';
const wednesday = '2026-03-04T14:00:00.000Z';

/** Plan coverage as [held, planned, after the fact, unplanned, rate]. */
function coverage(input: CoachingData, query = week) {
  const { held, planned, afterTheFact, unplanned, rate } = coachingReport(input, query).team.coverage;
  return [held.count, planned.count, afterTheFact.count, unplanned.count, rate];
}

describe('plan coverage (design.md: calls with a plan written before the call / calls held)', () => {
  it.each<[string, CoachingData, (number | null)[]]>([
    ['no calls', data({}), [0, 0, 0, 0, null]],
    ['a plan written the day before its call', data({ plans: [plan({ callAt: tuesday })] }), [1, 1, 0, 0, 1]],
    [
      'a plan written an hour after its call is counted apart, never as planned',
      data({ plans: [plan({ callAt: tuesday, createdAt: hoursAfter(tuesday, 1) })] }),
      [1, 0, 1, 0, 0],
    ],
    [
      'a plan written the very moment its call began is planned',
      data({ plans: [plan({ callAt: tuesday, createdAt: tuesday })] }),
      [1, 1, 0, 0, 1],
    ],
    ['a meeting nobody planned', data({ meetings: [meeting({ startAt: tuesday })] }), [1, 0, 0, 1, 0]],
    [
      'a plan and its Event are one call',
      data({ plans: [plan({ callAt: tuesday })], meetings: [meeting({ startAt: hoursAfter(tuesday, 1) })] }),
      [1, 1, 0, 0, 1],
    ],
    [
      'a plan written after the Event began, though before its own call time, is after the fact',
      data({
        plans: [plan({ callAt: hoursAfter(tuesday, 3), createdAt: hoursAfter(tuesday, 1) })],
        meetings: [meeting({ startAt: tuesday })],
      }),
      [1, 0, 1, 0, 0],
    ],
    [
      'a plan and an Event on different days are two calls',
      data({ plans: [plan({ callAt: tuesday })], meetings: [meeting({ startAt: wednesday })] }),
      [2, 1, 0, 1, 0.5],
    ],
    [
      'a plan and an Event on different opportunities are two calls',
      data({
        plans: [plan({ callAt: tuesday })],
        meetings: [meeting({ startAt: tuesday, opportunityId: 'opp-riley-2' })],
      }),
      [2, 1, 0, 1, 0.5],
    ],
    [
      'two meetings and one plan the same day: the plan prepares the first, the second is unplanned',
      data({
        plans: [plan({ callAt: hoursAfter(tuesday, 1) })],
        meetings: [meeting({ startAt: hoursAfter(tuesday, 5) }), meeting({ startAt: tuesday })],
      }),
      [2, 1, 0, 1, 0.5],
    ],
    [
      'calls still to come are not held',
      data({
        plans: [plan({ callAt: '2026-03-07T10:00:00Z' })],
        meetings: [meeting({ startAt: hoursAfter(now.toISOString(), 1) })],
      }),
      [0, 0, 0, 0, null],
    ],
    [
      'calls outside the period do not count',
      data({ plans: [plan({ callAt: '2026-02-27T10:00:00Z' }), plan({ callAt: '2026-03-09T10:00:00Z' })] }),
      [0, 0, 0, 0, null],
    ],
    [
      'a plan with an unreadable call time is no call',
      data({ plans: [plan({ callAt: 'not a date', createdAt: tuesday })] }),
      [0, 0, 0, 0, null],
    ],
  ])('%s', (_case, input, expected) => {
    expect(coverage(input)).toEqual(expected);
  });

  it('keeps the plans, opportunities and meetings behind each figure', () => {
    const prepared = plan({ callAt: tuesday });
    const late = plan({ callAt: wednesday, opportunityId: 'opp-riley-2', createdAt: hoursAfter(wednesday, 2) });
    const together = meeting({ startAt: hoursAfter(tuesday, 0.5) });
    const alone = meeting({ startAt: '2026-03-05T09:00:00Z' });
    const report = coachingReport(data({ plans: [prepared, late], meetings: [together, alone] }), week);
    const { held, planned, afterTheFact, unplanned } = report.team.coverage;
    expect(evidenceOf(planned)).toEqual({
      planKeys: [prepared.planKey],
      opportunityIds: ['opp-riley-1'],
      meetingIds: [together.id],
    });
    expect(evidenceOf(afterTheFact)).toEqual({
      planKeys: [late.planKey],
      opportunityIds: ['opp-riley-2'],
      meetingIds: [],
    });
    expect(evidenceOf(unplanned)).toEqual({ planKeys: [], opportunityIds: ['opp-riley-1'], meetingIds: [alone.id] });
    expect(held.count).toBe(3);
    expect(evidenceOf(held).opportunityIds.sort()).toEqual(['opp-riley-1', 'opp-riley-2']);
  });
});

describe('per rep and team', () => {
  it('a call counts for the owner of its opportunity, else for whoever wrote the plan', () => {
    const onSamsDeal = plan({ callAt: tuesday, opportunityId: 'opp-sam-1', ownerId: riley });
    const unknownDeal = plan({ callAt: wednesday, opportunityId: 'opp-unknown', ownerId: riley });
    const report = coachingReport(data({ plans: [onSamsDeal, unknownDeal] }), week);
    expect(report.reps[sam]?.coverage.held.count).toBe(1);
    expect(report.reps[riley]?.coverage.held.count).toBe(1);
    expect(report.team.coverage.held.count).toBe(2);
  });

  it('an Event on an unknown opportunity counts for the Event owner', () => {
    const report = coachingReport(
      data({ meetings: [meeting({ startAt: tuesday, opportunityId: 'opp-x', ownerId: sam })] }),
      week,
    );
    expect(Object.keys(report.reps)).toEqual([sam]);
  });

  it('reps asked for are listed with no calls; others are left out of the team', () => {
    const report = coachingReport(data({ plans: [plan({ callAt: tuesday, opportunityId: 'opp-sam-1' })] }), {
      ...week,
      repIds: [riley],
    });
    expect(Object.keys(report.reps)).toEqual([riley]);
    expect(report.reps[riley]?.coverage).toMatchObject({ held: { count: 0 }, rate: null });
    expect(report.team.coverage.held.count).toBe(0);
    expect(report.weeks[0]?.reps[riley]?.outcomes.advanceRate).toBeNull();
  });
});

describe('outcomes logged on time (within 24 h of the call, over calls held)', () => {
  it('sorts each call held into on time, late or not logged', () => {
    const onTime = plan({
      callAt: tuesday,
      outcome: 'Advance',
      commitment: 'Best',
      outcomeAt: hoursAfter(tuesday, 24),
    });
    const late = plan({
      callAt: wednesday,
      outcome: 'Continuation',
      commitment: 'Below',
      outcomeAt: hoursAfter(wednesday, 24.01),
    });
    const undated = plan({ callAt: hoursAfter(tuesday, 2), outcome: 'Order', commitment: 'Best', outcomeAt: null });
    const due = plan({ callAt: hoursAfter(wednesday, 2) });
    const unplanned = meeting({ startAt: '2026-03-05T09:00:00Z' });
    const report = coachingReport(data({ plans: [onTime, late, undated, due], meetings: [unplanned] }), week);
    const { outcomesOnTime } = report.team;
    expect(evidenceOf(outcomesOnTime.onTime).planKeys).toEqual([onTime.planKey]);
    expect(evidenceOf(outcomesOnTime.late).planKeys.sort()).toEqual([late.planKey, undated.planKey].sort());
    expect(evidenceOf(outcomesOnTime.notLogged)).toMatchObject({ planKeys: [due.planKey], meetingIds: [unplanned.id] });
    expect(outcomesOnTime.rate).toBe(1 / 5);
  });

  it('an outcome logged on a meeting that is one call with its plan is timed from the earlier start', () => {
    const event = meeting({ startAt: tuesday });
    const logged = plan({
      callAt: hoursAfter(tuesday, 3),
      outcome: 'Advance',
      commitment: 'Minimum',
      outcomeAt: hoursAfter(tuesday, 25),
    });
    const report = coachingReport(data({ plans: [logged], meetings: [event] }), week);
    expect(report.team.outcomesOnTime).toMatchObject({ onTime: { count: 0 }, late: { count: 1 }, rate: 0 });
  });
});

describe('advance rate against continuation rate; orders, no-sales; commitment against plan', () => {
  const logged = (
    outcome: 'Order' | 'Advance' | 'Continuation' | 'No-sale',
    commitment: 'Best' | 'Between' | 'Minimum' | 'Below' | null,
    day: string,
  ) => plan({ callAt: day, outcome, commitment, outcomeAt: hoursAfter(day, 1) });

  it('continuations are counted apart from advances', () => {
    const plans = [
      logged('Order', 'Best', '2026-03-02T09:00:00Z'),
      logged('Advance', 'Minimum', '2026-03-03T09:00:00Z'),
      logged('Advance', 'Below', '2026-03-04T09:00:00Z'),
      logged('Continuation', 'Between', '2026-03-05T09:00:00Z'),
      logged('Continuation', null, '2026-03-05T15:00:00Z'),
      logged('No-sale', 'Below', '2026-03-06T09:00:00Z'),
      plan({ callAt: '2026-03-04T15:00:00Z' }),
    ];
    const { outcomes, commitment } = coachingReport(data({ plans }), week).team;
    expect([
      outcomes.logged.count,
      outcomes.orders.count,
      outcomes.advances.count,
      outcomes.continuations.count,
      outcomes.noSales.count,
      outcomes.advanceRate,
      outcomes.continuationRate,
    ]).toEqual([6, 1, 2, 2, 1, 3 / 6, 2 / 6]);
    expect(evidenceOf(outcomes.continuations).planKeys).toEqual([plans[3]?.planKey, plans[4]?.planKey]);
    expect([
      commitment.best.count,
      commitment.between.count,
      commitment.minimum.count,
      commitment.below.count,
      commitment.notRecorded.count,
    ]).toEqual([1, 1, 1, 2, 1]);
    expect(evidenceOf(commitment.notRecorded).planKeys).toEqual([plans[4]?.planKey]);
  });

  it('no outcome logged gives no rate, not zero', () => {
    const { outcomes } = coachingReport(data({ plans: [plan({ callAt: tuesday })] }), week).team;
    expect(outcomes).toMatchObject({ logged: { count: 0 }, advanceRate: null, continuationRate: null });
  });

  it('an outcome logged on a call still to come counts as an outcome though the call is not held', () => {
    const early = logged('Order', 'Best', '2026-03-07T09:00:00Z');
    const team = coachingReport(data({ plans: [early] }), week).team;
    expect([team.outcomes.orders.count, team.coverage.held.count]).toEqual([1, 0]);
  });
});

describe('objections', () => {
  it('anticipated share is raised and expected over raised; surprises lower it, unraised ones do not count', () => {
    const first = plan({ callAt: tuesday });
    const second = plan({ callAt: wednesday, opportunityId: 'opp-riley-2' });
    const objections = [
      objection(first.planKey, { objection: 'Too expensive', expected: true, handled: 'Yes' }),
      objection(first.planKey, { objection: 'No budget this year', expected: false, handled: 'Partly' }),
      objection(first.planKey, { objection: 'Security review', expected: true, raised: false, handled: null }),
      objection(second.planKey, { objection: '  too   EXPENSIVE ', expected: false, handled: 'No' }),
      objection(second.planKey, { objection: 'Too expensive', expected: true, handled: 'Yes' }),
    ];
    const stats = coachingReport(data({ plans: [first, second], objections }), week).team.objections;
    expect([
      stats.raised.count,
      stats.anticipated.count,
      stats.handled.count,
      stats.partlyHandled.count,
      stats.anticipatedShare,
      stats.handledShare,
    ]).toEqual([4, 2, 2, 1, 2 / 4, 2 / 4]);
    expect(
      stats.mostFrequent.map((rank) => [rank.objection, rank.raised.count, rank.anticipated, rank.handled]),
    ).toEqual([
      ['Too expensive', 3, 2, 2],
      ['No budget this year', 1, 0, 0],
    ]);
    expect(evidenceOf(stats.mostFrequent[0]?.raised ?? { count: 0, sources: () => [] })).toEqual({
      planKeys: [first.planKey, second.planKey],
      opportunityIds: ['opp-riley-1', 'opp-riley-2'],
      meetingIds: [],
    });
  });

  it('objections raised but none expected: anticipated share 0; none raised: no share', () => {
    const call = plan({ callAt: tuesday });
    const surprise = coachingReport(
      data({ plans: [call], objections: [objection(call.planKey, { expected: false })] }),
      week,
    ).team.objections;
    expect([surprise.anticipatedShare, surprise.handledShare]).toEqual([0, 1]);
    const quiet = coachingReport(
      data({ plans: [call], objections: [objection(call.planKey, { raised: false })] }),
      week,
    ).team.objections;
    expect([quiet.raised.count, quiet.anticipatedShare, quiet.handledShare, quiet.mostFrequent]).toEqual([
      0,
      null,
      null,
      [],
    ]);
  });

  it('ranks by times raised, then anticipated, then name, and lists ten at most', () => {
    const call = plan({ callAt: tuesday });
    const objections = [
      ...['Zeta', 'Alpha', 'Beta'].map((name) => objection(call.planKey, { objection: name, expected: false })),
      objection(call.planKey, { objection: 'Beta', expected: true }),
      objection(call.planKey, { objection: 'Gamma', expected: true }),
      ...Array.from({ length: 12 }, (_, i) =>
        objection(call.planKey, { objection: `Other ${String(i).padStart(2, '0')}` }),
      ),
    ];
    const ranks = coachingReport(data({ plans: [call], objections }), week).team.objections.mostFrequent;
    expect(ranks.map((rank) => rank.objection)).toEqual([
      'Beta',
      'Gamma',
      'Other 00',
      'Other 01',
      'Other 02',
      'Other 03',
      'Other 04',
      'Other 05',
      'Other 06',
      'Other 07',
    ]);
  });

  it('the wording shown is the one reps used most', () => {
    const call = plan({ callAt: tuesday });
    const objections = ['price too high', 'Price too high', 'Price too high'].map((text) =>
      objection(call.planKey, { objection: text }),
    );
    const [rank] = coachingReport(data({ plans: [call], objections }), week).team.objections.mostFrequent;
    expect(rank?.objection).toBe('Price too high');
  });
});

describe('periods crossing weeks and time zones', () => {
  it('a period from Wednesday to the next Tuesday has two weeks, each holding only its days inside the period', () => {
    const plans = [
      plan({ callAt: '2026-03-03T10:00:00Z' }), // Tuesday before the period
      plan({ callAt: '2026-03-04T10:00:00Z' }), // Wednesday, week 1
      plan({ callAt: '2026-03-08T10:00:00Z' }), // Sunday, week 1
      plan({ callAt: '2026-03-09T10:00:00Z' }), // Monday, week 2
      plan({ callAt: '2026-03-10T10:00:00Z' }), // Tuesday, week 2
      plan({ callAt: '2026-03-11T10:00:00Z' }), // Wednesday after the period
    ];
    const report = coachingReport(data({ plans }), {
      timeZone: 'Europe/London',
      from: '2026-03-04',
      to: '2026-03-10',
      now: new Date('2026-03-20T00:00:00Z'),
    });
    expect(report.weeks.map((w) => [w.weekStart, w.team.coverage.held.count])).toEqual([
      ['2026-03-02', 2],
      ['2026-03-09', 2],
    ]);
    expect(report.team.coverage.held.count).toBe(4);
    expect(report.reps[riley]?.coverage.held.count).toBe(4);
    expect(report.weeks[1]?.reps[riley]?.coverage.planned.count).toBe(2);
  });

  it('a week with no calls is still a week of the trend', () => {
    const report = coachingReport(data({ plans: [plan({ callAt: '2026-03-17T10:00:00Z' })] }), {
      ...week,
      from: '2026-03-02',
      to: '2026-03-22',
      now: new Date('2026-03-30T00:00:00Z'),
    });
    expect(report.weeks.map((w) => [w.weekStart, w.team.coverage.held.count])).toEqual([
      ['2026-03-02', 0],
      ['2026-03-09', 0],
      ['2026-03-16', 1],
    ]);
  });

  it('the same instant belongs to the week of the local day: Sunday night in New York is Monday in UTC', () => {
    // 2026-03-09 03:30 UTC is Sunday 8 March 23:30 in New York (summer time began that morning).
    const plans = [plan({ callAt: '2026-03-09T03:30:00Z' })];
    const period = { from: '2026-03-02', to: '2026-03-15', now: new Date('2026-03-20T00:00:00Z') };
    const weeksIn = (timeZone: string) =>
      coachingReport(data({ plans }), { ...period, timeZone }).weeks.map((w) => w.team.coverage.held.count);
    expect(weeksIn('America/New_York')).toEqual([1, 0]);
    expect(weeksIn('UTC')).toEqual([0, 1]);
  });

  it('a plan and an Event on one local day are one call, even across UTC midnight', () => {
    // 22:30 and 23:30 UTC on 29 March (summer time since 01:00 UTC) are 23:30 on the 29th and
    // 00:30 on the 30th in London, but 00:30 and 01:30 on the 30th in Berlin.
    const input = data({
      plans: [plan({ callAt: '2026-03-29T22:30:00Z' })],
      meetings: [meeting({ startAt: '2026-03-29T23:30:00Z' })],
    });
    const query = { from: '2026-03-23', to: '2026-04-05', now: new Date('2026-04-10T00:00:00Z') };
    expect(coachingReport(input, { ...query, timeZone: 'Europe/London' }).team.coverage.held.count).toBe(2);
    expect(coachingReport(input, { ...query, timeZone: 'Europe/Berlin' }).team.coverage.held.count).toBe(1);
  });

  it('refuses a period that ends before it starts, a bad date and an unknown zone', () => {
    expect(() => coachingReport(data({}), { ...week, from: '2026-03-08', to: '2026-03-02' })).toThrow(
      'The period ends (2026-03-02) before it starts (2026-03-08)',
    );
    expect(() => coachingReport(data({}), { ...week, to: '2026-03-32' })).toThrow('Not a date: 2026-03-32');
    expect(() => coachingReport(data({}), { ...week, timeZone: 'Nowhere' })).toThrow('Unknown time zone: Nowhere');
  });

  it('one day period, same first and last day', () => {
    const report = coachingReport(data({ plans: [plan({ callAt: tuesday })] }), {
      ...week,
      from: '2026-03-03',
      to: '2026-03-03',
    });
    expect(report.weeks.map((w) => w.weekStart)).toEqual(['2026-03-02']);
    expect([report.from, report.to, report.timeZone, report.team.coverage.held.count]).toEqual([
      '2026-03-03',
      '2026-03-03',
      'Europe/London',
      1,
    ]);
  });
});

it('opportunities of the fixtures are open', () => {
  expect(opportunities.every((o) => !o.isClosed)).toBe(true);
  expect(hoursBefore(tuesday, 1)).toBe('2026-03-03T09:00:00.000Z');
});

describe('every figure drills down to exactly what it counts', () => {
  const logged = (
    outcome: 'Order' | 'Advance' | 'Continuation' | 'No-sale',
    commitment: 'Best' | 'Between' | 'Minimum' | 'Below' | null,
    callAt: string,
    late = false,
  ) => plan({ callAt, outcome, commitment, outcomeAt: hoursAfter(callAt, late ? 30 : 2) });
  const plans = [
    logged('Order', 'Best', '2026-03-02T09:00:00Z'),
    logged('Advance', 'Between', '2026-03-02T15:00:00Z', true),
    logged('Advance', 'Minimum', '2026-03-03T09:00:00Z'),
    logged('Continuation', 'Below', '2026-03-03T15:00:00Z'),
    logged('No-sale', null, '2026-03-04T09:00:00Z', true),
    plan({ callAt: '2026-03-04T15:00:00Z', createdAt: '2026-03-04T16:00:00Z' }),
    plan({ callAt: '2026-03-05T09:00:00Z' }),
  ];
  const report = coachingReport(
    data({ plans, meetings: [meeting({ startAt: '2026-03-05T15:00:00Z', opportunityId: 'opp-riley-2' })] }),
    week,
  );
  const { coverage, outcomesOnTime, outcomes, commitment } = report.team;
  const tallies = {
    'coverage.held': coverage.held,
    'coverage.planned': coverage.planned,
    'coverage.afterTheFact': coverage.afterTheFact,
    'coverage.unplanned': coverage.unplanned,
    'outcomesOnTime.onTime': outcomesOnTime.onTime,
    'outcomesOnTime.late': outcomesOnTime.late,
    'outcomesOnTime.notLogged': outcomesOnTime.notLogged,
    'outcomes.logged': outcomes.logged,
    'outcomes.orders': outcomes.orders,
    'outcomes.advances': outcomes.advances,
    'outcomes.continuations': outcomes.continuations,
    'outcomes.noSales': outcomes.noSales,
    'commitment.best': commitment.best,
    'commitment.between': commitment.between,
    'commitment.minimum': commitment.minimum,
    'commitment.below': commitment.below,
    'commitment.notRecorded': commitment.notRecorded,
  };

  it.each(Object.entries(tallies))('%s', (_name, tally) => {
    expect(tally.sources()).toHaveLength(tally.count);
  });

  it('the counts are the story', () => {
    expect(Object.fromEntries(Object.entries(tallies).map(([name, tally]) => [name, tally.count]))).toEqual({
      'coverage.held': 8,
      'coverage.planned': 6,
      'coverage.afterTheFact': 1,
      'coverage.unplanned': 1,
      'outcomesOnTime.onTime': 3,
      'outcomesOnTime.late': 2,
      'outcomesOnTime.notLogged': 3,
      'outcomes.logged': 5,
      'outcomes.orders': 1,
      'outcomes.advances': 2,
      'outcomes.continuations': 1,
      'outcomes.noSales': 1,
      'commitment.best': 1,
      'commitment.between': 1,
      'commitment.minimum': 1,
      'commitment.below': 1,
      'commitment.notRecorded': 1,
    });
  });

  it('objection figures drill down to the plans that met them', () => {
    const first = plans[0] as (typeof plans)[number];
    const second = plans[1] as (typeof plans)[number];
    const objections = [
      objection(first.planKey, { objection: 'Price', expected: true, handled: 'Yes' }),
      objection(second.planKey, { objection: 'Price', expected: false, handled: 'Partly' }),
      objection(second.planKey, { objection: 'Timing', expected: false, handled: 'No', raised: false }),
    ];
    const stats = coachingReport(data({ plans, objections }), week).team.objections;
    const keys = (tally: { sources(): readonly { planKey: string | null }[] }) => tally.sources().map((s) => s.planKey);
    expect(keys(stats.raised)).toEqual([first.planKey, second.planKey]);
    expect(keys(stats.anticipated)).toEqual([first.planKey]);
    expect(keys(stats.handled)).toEqual([first.planKey]);
    expect(keys(stats.partlyHandled)).toEqual([second.planKey]);
  });

  it('two wordings used as often: the first in the alphabet is shown', () => {
    const call = plans[0] as (typeof plans)[number];
    const objections = [
      objection(call.planKey, { objection: 'price' }),
      objection(call.planKey, { objection: 'Price' }),
    ];
    const [rank] = coachingReport(data({ plans, objections }), week).team.objections.mostFrequent;
    expect(rank?.objection).toBe('Price');
  });
});

describe('which wording and which objections count', () => {
  const call = plan({ callAt: tuesday });
  const shown = (texts: string[], plans = [call], owner = call) =>
    coachingReport(
      data({ plans, objections: texts.map((text) => objection(owner.planKey, { objection: text })) }),
      week,
    ).team.objections.mostFrequent[0]?.objection;

  it.each<[string, string[], string]>([
    ['used most, written last', ['price', 'Price', 'Price'], 'Price'],
    ['used most, written first', ['Price', 'Price', 'price'], 'Price'],
    ['as often, the first in the alphabet written first', ['Price', 'price'], 'Price'],
    ['as often, the first in the alphabet written last', ['price', 'Price'], 'Price'],
    ['spaces around a wording do not make it another', [' Price ', 'price', 'Price  '], 'Price'],
  ])('%s', (_, texts, wording) => {
    expect(shown(texts)).toBe(wording);
  });

  it("the wording is the one used in the period's plans, not in plans outside it", () => {
    const earlier = plan({ callAt: '2026-02-10T10:00:00Z' });
    const objections = [
      objection(call.planKey, { objection: 'price' }),
      objection(earlier.planKey, { objection: 'Price' }),
      objection(earlier.planKey, { objection: 'Price' }),
    ];
    const [rank] = coachingReport(data({ plans: [call, earlier], objections }), week).team.objections.mostFrequent;
    expect([rank?.objection, rank?.raised.count]).toEqual(['price', 1]);
  });

  it('an objection expected but not raised makes no call anticipated', () => {
    const objections = [
      objection(call.planKey, { objection: 'Timing', expected: true, raised: false }),
      objection(call.planKey, { objection: 'Price', expected: false, raised: true, handled: 'No' }),
    ];
    const stats = coachingReport(data({ plans: [call], objections }), week).team.objections;
    expect([stats.raised.count, stats.anticipated.count, stats.anticipated.sources()]).toEqual([1, 0, []]);
  });
});

describe('a period other than this week', () => {
  // now is Friday 6 March 2026, noon in London.
  // Outcomes are counted on calls still to come too, so every plan here is one to count.
  const advance = { outcome: 'Advance', commitment: 'Best' } as const;
  const today = plan({ callAt: '2026-03-06T09:00:00Z', ...advance });
  const lastWeek = plan({ callAt: '2026-02-24T10:00:00Z', opportunityId: 'opp-riley-2', ...advance });
  const nextWeek = plan({ callAt: '2026-03-10T10:00:00Z', opportunityId: 'opp-sam-1', ownerId: sam, ...advance });
  const unlogged = plan({ callAt: '2026-03-11T10:00:00Z', opportunityId: 'opp-sam-1', ownerId: sam });
  const input = data({ plans: [today, lastWeek, nextWeek, unlogged] });
  const logged = (from: string, to: string) => {
    const report = coachingReport(input, { ...week, from, to });
    return evidenceOf(report.team.outcomes.logged).planKeys;
  };

  it('a past period counts only its own calls, not today’s', () => {
    expect(logged('2026-02-23', '2026-03-01')).toEqual([lastWeek.planKey]);
  });

  it('a period to come counts only its own calls, not today’s', () => {
    expect(logged('2026-03-09', '2026-03-15')).toEqual([nextWeek.planKey]);
  });

  it('a meeting with no plan on the last day of the horizon is at risk whatever the period', () => {
    const edge = meeting({ startAt: '2026-03-13T09:00:00Z', opportunityId: 'opp-riley-2' });
    const beyond = meeting({ startAt: '2026-03-13T13:00:00Z', opportunityId: 'opp-sam-1', ownerId: sam });
    const report = coachingReport(data({ meetings: [edge, beyond] }), {
      ...week,
      from: '2026-02-23',
      to: '2026-03-01',
    });
    expect(report.atRisk.map((risk) => [risk.opportunityId, risk.reasons, risk.meetingIds])).toEqual([
      ['opp-riley-2', ['meeting-no-plan'], [edge.id]],
    ]);
  });
});
