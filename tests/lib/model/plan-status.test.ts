import { describe, expect, it } from 'vitest';
import {
  type CallPlanForStatus,
  isAfterTheFact,
  planStatus,
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

  it('planned carries the date of the soonest upcoming call', () => {
    const status = planStatus([plan({ callAt: hoursFromNow(48) }), plan({ callAt: hoursFromNow(5) })], now);
    expect(status).toMatchObject({ kind: 'planned', callAt: hoursFromNow(5) });
  });
});

describe('isAfterTheFact', () => {
  it.each([
    [hoursFromNow(-2), hoursFromNow(-1), true],
    [hoursFromNow(-2), hoursFromNow(-3), false],
    [hoursFromNow(5), hoursFromNow(-3), false],
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
});
