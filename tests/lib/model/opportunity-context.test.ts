import { describe, expect, it } from 'vitest';
import { type CallPlan, newCallPlan } from '../../../lib/model/call-plan';
import { lastCallOf, type MeetingSummary, meetingsAhead } from '../../../lib/model/opportunity-context';

const now = new Date('2026-03-02T10:00:00.000Z');
const meeting = (subject: string, startAt: string, endAt: string | null): MeetingSummary => ({
  id: subject,
  subject,
  type: 'Meeting',
  startAt,
  endAt,
});

describe('meetingsAhead', () => {
  it('keeps meetings not over yet, soonest first', () => {
    const meetings = [
      meeting('next week', '2026-03-09T10:00:00.000Z', '2026-03-09T11:00:00.000Z'),
      meeting('yesterday', '2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z'),
      meeting('going on', '2026-03-02T09:30:00.000Z', '2026-03-02T10:30:00.000Z'),
      meeting('ended a minute ago', '2026-03-02T09:00:00.000Z', '2026-03-02T09:59:00.000Z'),
      meeting('no end, starts now', '2026-03-02T10:00:00.000Z', null),
      meeting('tomorrow', '2026-03-03T10:00:00.000Z', null),
    ];
    expect(meetingsAhead(meetings, now).map((m) => m.subject)).toEqual([
      'going on',
      'no end, starts now',
      'tomorrow',
      'next week',
    ]);
  });
});

describe('lastCallOf', () => {
  const plan = (callAt: string, outcome: CallPlan['outcome'], actualNextStep = ''): CallPlan => ({
    ...newCallPlan('0065g00000Nwd01AAB', now),
    callAt,
    outcome,
    actualNextStep,
  });

  it.each<[string, CallPlan[], string | null]>([
    ['no plans', [], null],
    ['only plans without outcome', [plan('2026-02-01T10:00:00.000Z', null)], null],
    [
      'the latest call with an outcome, not the latest plan',
      [
        plan('2026-02-01T10:00:00.000Z', 'Advance', 'first'),
        plan('2026-02-20T10:00:00.000Z', 'Continuation', 'second'),
        plan('2026-03-05T10:00:00.000Z', null, 'upcoming'),
      ],
      'second',
    ],
    [
      'two calls at the same time: the outcome logged last',
      [
        { ...plan('2026-02-20T10:00:00.000Z', 'Advance', 'logged first'), outcomeAt: '2026-02-20T12:00:00.000Z' },
        { ...plan('2026-02-20T10:00:00.000Z', 'Order', 'logged last'), outcomeAt: '2026-02-21T09:00:00.000Z' },
        {
          ...plan('2026-02-20T10:00:00.000Z', 'Continuation', 'logged in between'),
          outcomeAt: '2026-02-20T15:00:00.000Z',
        },
      ],
      'logged last',
    ],
  ])('%s', (_name, plans, actualNextStep) => {
    expect(lastCallOf(plans)?.actualNextStep ?? null).toBe(actualNextStep);
  });
});
