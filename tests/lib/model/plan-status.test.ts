import { describe, expect, it } from 'vitest';
import {
  type CallPlanForStatus,
  isAfterTheFact,
  type MeetingForStatus,
  metGoal,
  planStatus,
  planStatusLabels,
  summarizeOpportunity,
} from '../../../lib/model/plan-status';

const now = new Date('2026-03-10T12:00:00.000Z');
const hoursFromNow = (h: number) => new Date(now.getTime() + h * 3600_000).toISOString();

function plan(overrides: Partial<CallPlanForStatus>): CallPlanForStatus {
  return {
    planKey: crypto.randomUUID(),
    callAt: hoursFromNow(24),
    createdAt: hoursFromNow(-48),
    outcome: null,
    commitment: null,
    outcomeAt: null,
    ...overrides,
  };
}

describe('planStatus', () => {
  it.each<[string, CallPlanForStatus[], string]>([
    ['no plans', [], 'no-plan'],
    ['an upcoming plan', [plan({})], 'planned'],
    ['a call 1 h ago without outcome (grace period)', [plan({ callAt: hoursFromNow(-1) })], 'planned'],
    ['a call 3 h ago without outcome', [plan({ callAt: hoursFromNow(-3) })], 'outcome-due'],
    [
      'an overdue outcome wins over an upcoming plan',
      [plan({ callAt: hoursFromNow(-30) }), plan({ callAt: hoursFromNow(30) })],
      'outcome-due',
    ],
    ['an advance at best', [plan({ callAt: hoursFromNow(-30), outcome: 'Advance', commitment: 'Best' })], 'advanced'],
    ['an order at minimum', [plan({ callAt: hoursFromNow(-30), outcome: 'Order', commitment: 'Minimum' })], 'advanced'],
    [
      'an advance below minimum',
      [plan({ callAt: hoursFromNow(-30), outcome: 'Advance', commitment: 'Below' })],
      'stalled',
    ],
    [
      'a continuation',
      [plan({ callAt: hoursFromNow(-30), outcome: 'Continuation', commitment: 'Between' })],
      'stalled',
    ],
    ['a no-sale', [plan({ callAt: hoursFromNow(-30), outcome: 'No-sale', commitment: 'Below' })], 'lost'],
    [
      'the latest outcome decides',
      [
        plan({ callAt: hoursFromNow(-200), outcome: 'Advance', commitment: 'Best', outcomeAt: hoursFromNow(-199) }),
        plan({ callAt: hoursFromNow(-30), outcome: 'Continuation', commitment: 'Below', outcomeAt: hoursFromNow(-29) }),
      ],
      'stalled',
    ],
    [
      'an upcoming plan wins over a past outcome',
      [plan({ callAt: hoursFromNow(-30), outcome: 'No-sale' }), plan({ callAt: hoursFromNow(5) })],
      'planned',
    ],
    [
      'a plan written after its call within the grace period is not planned',
      [plan({ callAt: hoursFromNow(-1), createdAt: hoursFromNow(-0.5) })],
      'no-plan',
    ],
  ])('%s → %s', (_name, plans, kind) => {
    expect(planStatus(plans, now).kind).toBe(kind);
  });

  it.each<[string, CallPlanForStatus[], MeetingForStatus[], string]>([
    ['a meeting coming and no plan at all', [], [{ startAt: hoursFromNow(20) }], 'meeting-no-plan'],
    ['a meeting starting this very moment', [], [{ startAt: hoursFromNow(0) }], 'meeting-no-plan'],
    ['a meeting that began a minute ago is not coming', [], [{ startAt: hoursFromNow(-1 / 60) }], 'no-plan'],
    ['a meeting yesterday only', [], [{ startAt: hoursFromNow(-24) }], 'no-plan'],
    [
      'a meeting coming wins over the latest outcome',
      [plan({ callAt: hoursFromNow(-30), outcome: 'Advance', commitment: 'Best' })],
      [{ startAt: hoursFromNow(30) }],
      'meeting-no-plan',
    ],
    ['an upcoming plan wins over a meeting coming', [plan({})], [{ startAt: hoursFromNow(5) }], 'planned'],
    [
      'an overdue outcome wins over a meeting coming',
      [plan({ callAt: hoursFromNow(-30) })],
      [{ startAt: hoursFromNow(5) }],
      'outcome-due',
    ],
    [
      'a plan written after the fact does not plan the next meeting',
      [plan({ callAt: hoursFromNow(-1), createdAt: hoursFromNow(-0.5) })],
      [{ startAt: hoursFromNow(5) }],
      'meeting-no-plan',
    ],
  ])('%s → %s', (_name, plans, meetings, kind) => {
    expect(planStatus(plans, now, meetings).kind).toBe(kind);
  });

  it('a meeting with no plan carries the start of the soonest meeting coming', () => {
    const meetings = [{ startAt: hoursFromNow(72) }, { startAt: hoursFromNow(-3) }, { startAt: hoursFromNow(26) }];
    expect(planStatus([], now, meetings)).toEqual({ kind: 'meeting-no-plan', startAt: hoursFromNow(26) });
    expect(planStatusLabels['meeting-no-plan']).toBe('Meeting, no plan');
  });

  it('without meetings the status is what the plans say', () => {
    const plans = [plan({ callAt: hoursFromNow(-30), outcome: 'No-sale', commitment: 'Below' })];
    expect(planStatus(plans, now).kind).toBe('lost');
    expect(planStatus(plans, now, []).kind).toBe('lost');
  });

  it('an order or advance logged without a commitment is stalled, not advanced', () => {
    for (const outcome of ['Order', 'Advance'] as const) {
      const logged = plan({ callAt: hoursFromNow(-30), outcome, commitment: null, outcomeAt: hoursFromNow(-29) });
      expect(planStatus([logged], now).kind).toBe('stalled');
    }
  });

  it('the latest outcome is the one logged last, not the one with the latest call', () => {
    // The earlier call's outcome was logged after the later call's: it is the newest news.
    const loggedLate = plan({
      callAt: hoursFromNow(-100),
      outcome: 'Advance',
      commitment: 'Best',
      outcomeAt: hoursFromNow(-3),
    });
    const loggedEarly = plan({
      callAt: hoursFromNow(-50),
      outcome: 'No-sale',
      commitment: 'Below',
      outcomeAt: hoursFromNow(-49),
    });
    expect(planStatus([loggedEarly, loggedLate], now)).toMatchObject({ kind: 'advanced', plan: loggedLate });
    expect(planStatus([loggedLate, loggedEarly], now)).toMatchObject({ kind: 'advanced', plan: loggedLate });
  });

  it('an outcome without a logging time counts as logged at its call; a tie goes to the later call', () => {
    const undated = plan({ callAt: hoursFromNow(-10), outcome: 'No-sale', commitment: 'Below', outcomeAt: null });
    const dated = plan({
      callAt: hoursFromNow(-40),
      outcome: 'Advance',
      commitment: 'Best',
      outcomeAt: hoursFromNow(-20),
    });
    expect(planStatus([dated, undated], now).kind).toBe('lost');
    const sameMoment = hoursFromNow(-5);
    const earlierCall = plan({ callAt: hoursFromNow(-60), outcome: 'No-sale', outcomeAt: sameMoment });
    const laterCall = plan({ callAt: hoursFromNow(-30), outcome: 'Order', commitment: 'Best', outcomeAt: sameMoment });
    expect(planStatus([earlierCall, laterCall], now)).toEqual({ kind: 'advanced', plan: laterCall });
    expect(planStatus([laterCall, earlierCall], now)).toEqual({ kind: 'advanced', plan: laterCall });
  });

  it('outcome due names the oldest overdue plan; planned the soonest upcoming one', () => {
    const older = plan({ callAt: hoursFromNow(-50) });
    const newer = plan({ callAt: hoursFromNow(-10) });
    expect(planStatus([newer, older], now)).toEqual({ kind: 'outcome-due', plan: older });
    const soon = plan({ callAt: hoursFromNow(3) });
    const later = plan({ callAt: hoursFromNow(30) });
    expect(planStatus([later, soon], now)).toEqual({ kind: 'planned', callAt: soon.callAt, plan: soon });
  });

  it('the grace period ends exactly two hours after the call', () => {
    expect(planStatus([plan({ callAt: hoursFromNow(-2) })], now).kind).toBe('planned');
    expect(planStatus([plan({ callAt: new Date(now.getTime() - 2 * 3600_000 - 1).toISOString() })], now).kind).toBe(
      'outcome-due',
    );
  });

  it('planned carries the date of the soonest upcoming call', () => {
    const status = planStatus([plan({ callAt: hoursFromNow(48) }), plan({ callAt: hoursFromNow(5) })], now);
    expect(status).toMatchObject({ kind: 'planned', callAt: hoursFromNow(5) });
  });
});

describe('metGoal', () => {
  it.each<[CallPlanForStatus['outcome'], CallPlanForStatus['commitment'], boolean]>([
    ['Order', 'Best', true],
    ['Order', 'Between', true],
    ['Advance', 'Minimum', true],
    ['Advance', 'Below', false],
    ['Order', null, false],
    ['Advance', null, false],
    ['Continuation', 'Best', false],
    ['No-sale', 'Best', false],
    [null, 'Best', false],
  ])('%s at %s → %s', (outcome, commitment, expected) => {
    expect(metGoal({ outcome, commitment })).toBe(expected);
  });
});

describe('isAfterTheFact', () => {
  it.each([
    [hoursFromNow(-2), hoursFromNow(-1), true],
    [hoursFromNow(-2), hoursFromNow(-3), false],
    [hoursFromNow(5), hoursFromNow(-3), false],
    // Written at the very moment of the call still counts as before it.
    [hoursFromNow(-2), hoursFromNow(-2), false],
  ])('call %s, written %s → %s', (callAt, createdAt, expected) => {
    expect(isAfterTheFact({ callAt, createdAt })).toBe(expected);
  });
});

describe('summarizeOpportunity', () => {
  it('counts goals met over outcomes logged', () => {
    const summary = summarizeOpportunity(
      [
        plan({ callAt: hoursFromNow(-300), outcome: 'Advance', commitment: 'Best' }),
        plan({ callAt: hoursFromNow(-200), outcome: 'Order', commitment: 'Between' }),
        plan({ callAt: hoursFromNow(-100), outcome: 'Continuation', commitment: 'Below' }),
        plan({ callAt: hoursFromNow(-50), outcome: 'Advance', commitment: 'Minimum' }),
        plan({}),
      ],
      now,
    );
    expect(summary).toMatchObject({ goalsMet: 3, outcomesLogged: 4, status: { kind: 'planned' } });
  });

  it('an advance logged without a commitment is an outcome, not a goal met', () => {
    const summary = summarizeOpportunity(
      [
        plan({ callAt: hoursFromNow(-100), outcome: 'Advance', commitment: null }),
        plan({ callAt: hoursFromNow(-50), outcome: 'Order', commitment: 'Best' }),
      ],
      now,
    );
    expect(summary).toMatchObject({ goalsMet: 1, outcomesLogged: 2 });
  });

  it('passes the meetings to the status', () => {
    const summary = summarizeOpportunity([], now, [{ startAt: hoursFromNow(10) }]);
    expect(summary).toEqual({
      status: { kind: 'meeting-no-plan', startAt: hoursFromNow(10) },
      goalsMet: 0,
      outcomesLogged: 0,
    });
  });
});
