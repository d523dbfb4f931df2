import type {
  CoachingData,
  CoachingMeeting,
  CoachingObjection,
  CoachingOpportunity,
  CoachingPlan,
} from '../../../../lib/model/coaching/coaching-data';

/** Two reps on a London team; the week of Monday 2 March 2026; now is Friday 6 March, noon. */
export const riley = '0055g00000Rly01AAA';
export const sam = '0055g00000Sam01AAA';
export const now = new Date('2026-03-06T12:00:00Z');
export const week = { timeZone: 'Europe/London', from: '2026-03-02', to: '2026-03-08', now };

let counter = 0;
function next(prefix: string): string {
  counter += 1;
  return `${prefix}${String(counter).padStart(4, '0')}`;
}

export function plan(overrides: Partial<CoachingPlan> & { callAt: string }): CoachingPlan {
  return {
    planKey: next('plan-'),
    opportunityId: 'opp-riley-1',
    ownerId: riley,
    outcome: null,
    outcomeAt: null,
    commitment: null,
    ...overrides,
    createdAt: overrides.createdAt ?? hoursBefore(overrides.callAt, 24),
  };
}

export function meeting(overrides: Partial<CoachingMeeting> & { startAt: string }): CoachingMeeting {
  return { id: next('00U-'), opportunityId: 'opp-riley-1', ownerId: riley, ...overrides };
}

export function objection(planKey: string, overrides: Partial<CoachingObjection>): CoachingObjection {
  return {
    objectionKey: next('obj-'),
    planKey,
    objection: 'Too expensive',
    expected: true,
    raised: true,
    handled: 'Yes',
    ...overrides,
  };
}

export const opportunities: CoachingOpportunity[] = [
  { id: 'opp-riley-1', ownerId: riley, closeDate: '2026-06-30', isClosed: false },
  { id: 'opp-riley-2', ownerId: riley, closeDate: '2026-06-30', isClosed: false },
  { id: 'opp-sam-1', ownerId: sam, closeDate: '2026-06-30', isClosed: false },
];

export function data(parts: Partial<CoachingData>): CoachingData {
  return { plans: [], objections: [], meetings: [], opportunities, ...parts };
}

export function hoursBefore(iso: string, hours: number): string {
  return new Date(Date.parse(iso) - hours * 3_600_000).toISOString();
}

export function hoursAfter(iso: string, hours: number): string {
  return hoursBefore(iso, -hours);
}
