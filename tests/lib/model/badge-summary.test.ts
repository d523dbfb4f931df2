import { describe, expect, it } from 'vitest';
import { badgeCardOf, badgeStatusOf, cardNoteLimit, type PlanForBadge } from '../../../lib/model/badge-summary';
import { type CallPlan, newCallPlan, newObjection, type Objection } from '../../../lib/model/call-plan';

const now = new Date('2026-03-10T12:00:00.000Z');
const hoursFromNow = (h: number) => new Date(now.getTime() + h * 3600_000).toISOString();
const opportunityId = '006000000000001AAA';

function plan(name: string, overrides: Partial<CallPlan>): PlanForBadge {
  const { objections: _, ...plan } = newCallPlan(opportunityId, now, () => name);
  return { ...plan, createdAt: hoursFromNow(-500), ...overrides };
}

describe('badgeStatusOf', () => {
  const past = (name: string, h: number, outcome: CallPlan['outcome'] = 'Advance') =>
    plan(name, { callAt: hoursFromNow(h), outcome, commitment: 'Best', outcomeAt: hoursFromNow(h + 1) });

  it.each<[string, PlanForBadge[], { startAt: string }[], object, string | null]>([
    ['no plans, no meetings', [], [], { kind: 'no-plan' }, null],
    [
      'an upcoming plan',
      [plan('next', { callAt: hoursFromNow(30) })],
      [],
      { kind: 'planned', callAt: hoursFromNow(30) },
      'next',
    ],
    [
      'an outcome due is about the overdue plan, not the latest one',
      [plan('due', { callAt: hoursFromNow(-30) }), past('later', -10)],
      [],
      { kind: 'outcome-due', callAt: hoursFromNow(-30) },
      'due',
    ],
    [
      'a meeting with no plan shows the latest plan by call time',
      [past('older', -300), past('newest', -100), past('middle', -200)],
      [{ startAt: hoursFromNow(20) }],
      { kind: 'meeting-no-plan', startAt: hoursFromNow(20) },
      'newest',
    ],
    [
      'a stalled status is about the latest outcome, whatever the list order',
      [past('latest', -50, 'Continuation'), past('earlier', -100)],
      [],
      { kind: 'stalled' },
      'latest',
    ],
    ['a lost deal', [past('first', -100), past('lost', -50, 'No-sale')], [], { kind: 'lost' }, 'lost'],
  ])('%s', (_, plans, meetings, status, focus) => {
    const result = badgeStatusOf(plans, meetings, now);
    expect(result.status).toEqual(status);
    expect(result.focus?.planKey ?? null).toBe(focus);
  });

  it('counts goals met against outcomes logged', () => {
    const result = badgeStatusOf([past('a', -100), past('b', -50, 'Continuation'), plan('c', {})], [], now);
    expect([result.goalsMet, result.outcomesLogged]).toEqual([1, 2]);
  });

  it('leaves the plans in the order they were given', () => {
    const plans = [past('older', -300), past('newest', -100)];
    badgeStatusOf(plans, [{ startAt: hoursFromNow(20) }], now);
    expect(plans.map((p) => p.planKey)).toEqual(['older', 'newest']);
  });
});

describe('badgeCardOf', () => {
  const objection = (expected: boolean, raised: boolean): Objection => ({ ...newObjection(0, expected), raised });

  it('lists the plan against the outcome, skipping what is empty', () => {
    const card = badgeCardOf(
      plan('p', {
        goal: 'Agree the pilot scope',
        bestNextStep: 'Signed pilot order',
        minimumNextStep: '',
        outcome: 'Advance',
        commitment: 'Between',
        actualNextStep: 'Pilot call on Friday',
      }),
      [],
    );
    expect(card).toEqual({
      fields: [
        ['Goal', 'Agree the pilot scope'],
        ['Best next step', 'Signed pilot order'],
        ['Outcome', 'Advance'],
        ['Commitment', 'Between'],
        ['Actual next step', 'Pilot call on Friday'],
      ],
      notes: [],
    });
  });

  it('says when the outcome is not logged yet', () => {
    expect(badgeCardOf(plan('p', { goal: 'Meet the CFO' }), []).fields).toEqual([
      ['Goal', 'Meet the CFO'],
      ['Outcome', 'Not logged yet'],
    ]);
  });

  it.each<[string, Objection[], string[]]>([
    ['none', [], []],
    ['expected, not raised', [objection(true, false)], ['Objections: 1 expected, 0 raised']],
    ['raised as expected', [objection(true, true), objection(true, false)], ['Objections: 2 expected, 1 raised']],
    [
      'raised without being expected',
      [objection(false, true), objection(true, true)],
      ['Objections: 1 expected, 2 raised, 1 not expected'],
    ],
    ['only a surprise', [objection(false, true)], ['Objections: 0 expected, 1 raised, 1 not expected']],
  ])('counts objections: %s', (_, objections, notes) => {
    expect(badgeCardOf(plan('p', {}), objections).notes).toEqual(notes);
  });

  it.each<[string, string, string[]]>([
    ['no note', '', []],
    ['only spaces', '   \n ', []],
    ['a short note, trimmed', '  Ask for the order sooner. ', ['Coaching note: Ask for the order sooner.']],
    ['a note of exactly the limit', 'x'.repeat(cardNoteLimit), [`Coaching note: ${'x'.repeat(cardNoteLimit)}`]],
    [
      'a longer note, cut to the limit with an ellipsis',
      `${'y'.repeat(cardNoteLimit)}z`,
      [`Coaching note: ${'y'.repeat(cardNoteLimit - 1)}…`],
    ],
  ])('shows the coaching note: %s', (_, coachNote, notes) => {
    expect(badgeCardOf(plan('p', { coachNote }), []).notes).toEqual(notes);
  });
});
