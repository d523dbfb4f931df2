import { describe, expect, it } from 'vitest';
import { callsOf } from '../../../../lib/model/coaching/calls';
import type { CoachingOpportunity } from '../../../../lib/model/coaching/coaching-data';
import { dayOfDate, localCalendar } from '../../../../lib/model/coaching/local-calendar';
import { meeting, opportunities, plan, riley, sam } from './fixtures';

const london = localCalendar('Europe/London');
const owners = new Map<string, CoachingOpportunity>(opportunities.map((o) => [o.id, o]));
const pairs = (calls: ReturnType<typeof callsOf>) => calls.map((call) => [call.planKey, call.meetingId]);

describe('callsOf', () => {
  it('pairs the plans and Events of one day in time order, whatever order they come in', () => {
    const morningPlan = plan({ callAt: '2026-03-03T09:00:00Z' });
    const afternoonPlan = plan({ callAt: '2026-03-03T15:00:00Z' });
    const morningEvent = meeting({ startAt: '2026-03-03T09:30:00Z' });
    const afternoonEvent = meeting({ startAt: '2026-03-03T15:30:00Z' });
    const calls = callsOf([afternoonPlan, morningPlan], [afternoonEvent, morningEvent], owners, london);
    expect(pairs(calls)).toEqual([
      [morningPlan.planKey, morningEvent.id],
      [afternoonPlan.planKey, afternoonEvent.id],
    ]);
    expect(calls.map((call) => new Date(call.startMs).toISOString())).toEqual([
      '2026-03-03T09:00:00.000Z',
      '2026-03-03T15:00:00.000Z',
    ]);
  });

  it('builds only the calls on the days wanted, plans and Events alike', () => {
    const tuesday = dayOfDate('2026-03-03');
    const kept = plan({ callAt: '2026-03-03T09:00:00Z' });
    const calls = callsOf(
      [kept, plan({ callAt: '2026-03-04T09:00:00Z' })],
      [meeting({ startAt: '2026-03-04T10:00:00Z', opportunityId: 'opp-sam-1' })],
      owners,
      london,
      (day) => day === tuesday,
    );
    expect(pairs(calls)).toEqual([[kept.planKey, null]]);
  });

  it('without a choice of days, builds them all', () => {
    const calls = callsOf(
      [plan({ callAt: '2026-03-03T09:00:00Z' }), plan({ callAt: '2025-01-01T09:00:00Z' })],
      [meeting({ startAt: '2027-03-04T10:00:00Z' })],
      owners,
      london,
    );
    expect(calls).toHaveLength(3);
  });

  it('counts a call for the deal’s owner, else the plan’s writer, else the Event’s owner', () => {
    const onSamsDeal = plan({ callAt: '2026-03-03T09:00:00Z', opportunityId: 'opp-sam-1', ownerId: riley });
    const unknownPlanned = plan({ callAt: '2026-03-03T09:00:00Z', opportunityId: 'opp-unknown-1', ownerId: riley });
    const unknownEvent = meeting({ startAt: '2026-03-03T09:00:00Z', opportunityId: 'opp-unknown-2', ownerId: sam });
    const calls = callsOf([onSamsDeal, unknownPlanned], [unknownEvent], owners, london);
    expect(calls.map((call) => [call.opportunityId, call.repId])).toEqual([
      ['opp-sam-1', sam],
      ['opp-unknown-1', riley],
      ['opp-unknown-2', sam],
    ]);
  });
});
