import { describe, expect, it } from 'vitest';
import type { AtRiskReason } from '../../../../lib/model/coaching/at-risk';
import type { CoachingData } from '../../../../lib/model/coaching/coaching-data';
import { coachingReport } from '../../../../lib/model/coaching/coaching-report';
import { data, hoursAfter, meeting, now, plan, riley, sam, week } from './fixtures';

const nowIso = now.toISOString();
const open = (id: string, closeDate: string | null, ownerId = riley) => ({ id, ownerId, closeDate, isClosed: false });

function risks(input: CoachingData): [string, AtRiskReason[]][] {
  return coachingReport(input, week).atRisk.map((risk) => [risk.opportunityId, risk.reasons]);
}

/** At risk now: outcome due, a meeting coming with no plan, no plan and closing within 30 days. */
describe('at risk', () => {
  it.each<[string, CoachingData, [string, AtRiskReason[]][]]>([
    ['nothing to do', data({}), []],
    [
      'a call 3 hours ago without outcome',
      data({ plans: [plan({ callAt: hoursAfter(nowIso, -3) })] }),
      [['opp-riley-1', ['outcome-due']]],
    ],
    ['a call 1 hour ago is still in its grace period', data({ plans: [plan({ callAt: hoursAfter(nowIso, -1) })] }), []],
    [
      'an outcome logged is not due',
      data({ plans: [plan({ callAt: hoursAfter(nowIso, -30), outcome: 'Advance', commitment: 'Best' })] }),
      [],
    ],
    [
      'a meeting tomorrow with no plan',
      data({ meetings: [meeting({ startAt: hoursAfter(nowIso, 20) })] }),
      [['opp-riley-1', ['meeting-no-plan']]],
    ],
    [
      'a meeting tomorrow with its plan',
      data({
        meetings: [meeting({ startAt: hoursAfter(nowIso, 20) })],
        plans: [plan({ callAt: hoursAfter(nowIso, 21) })],
      }),
      [],
    ],
    [
      'a meeting in eight days is not flagged yet',
      data({ meetings: [meeting({ startAt: hoursAfter(nowIso, 8 * 24) })] }),
      [],
    ],
    [
      'a meeting beginning right now',
      data({ meetings: [meeting({ startAt: nowIso })] }),
      [['opp-riley-1', ['meeting-no-plan']]],
    ],
    [
      'a meeting exactly seven days ahead is past the horizon',
      data({ meetings: [meeting({ startAt: hoursAfter(nowIso, 7 * 24) })] }),
      [],
    ],
    [
      'a meeting a minute inside the horizon',
      data({ meetings: [meeting({ startAt: hoursAfter(nowIso, 7 * 24 - 1 / 60) })] }),
      [['opp-riley-1', ['meeting-no-plan']]],
    ],
    [
      'a call exactly 2 hours ago is still in its grace period',
      data({ plans: [plan({ callAt: hoursAfter(nowIso, -2) })] }),
      [],
    ],
    ['a meeting that already began', data({ meetings: [meeting({ startAt: hoursAfter(nowIso, -1) })] }), []],
    [
      'closing in 30 days with no plan',
      data({ opportunities: [open('opp-a', '2026-04-05')] }),
      [['opp-a', ['closing-without-plan']]],
    ],
    ['closing in 31 days', data({ opportunities: [open('opp-a', '2026-04-06')] }), []],
    [
      'a close date already passed, still open',
      data({ opportunities: [open('opp-a', '2026-02-01')] }),
      [['opp-a', ['closing-without-plan']]],
    ],
    ['no close date', data({ opportunities: [open('opp-a', null)] }), []],
    [
      'closing soon with a call planned',
      data({
        opportunities: [open('opp-a', '2026-03-20')],
        plans: [plan({ opportunityId: 'opp-a', callAt: hoursAfter(nowIso, 48) })],
      }),
      [],
    ],
    [
      'closing soon with only a plan written after its call',
      data({
        opportunities: [open('opp-a', '2026-03-20')],
        plans: [plan({ opportunityId: 'opp-a', callAt: hoursAfter(nowIso, -1), createdAt: hoursAfter(nowIso, -0.5) })],
      }),
      [['opp-a', ['closing-without-plan']]],
    ],
    [
      'a closed opportunity is never at risk',
      data({
        opportunities: [{ id: 'opp-a', ownerId: riley, closeDate: '2026-03-01', isClosed: true }],
        plans: [plan({ opportunityId: 'opp-a', callAt: hoursAfter(nowIso, -30) })],
        meetings: [meeting({ opportunityId: 'opp-a', startAt: hoursAfter(nowIso, 5) })],
      }),
      [],
    ],
    [
      'every reason at once, in order',
      data({
        opportunities: [open('opp-a', '2026-03-10')],
        plans: [plan({ opportunityId: 'opp-a', callAt: hoursAfter(nowIso, -30) })],
        meetings: [meeting({ opportunityId: 'opp-a', startAt: hoursAfter(nowIso, 30) })],
      }),
      [['opp-a', ['outcome-due', 'meeting-no-plan', 'closing-without-plan']]],
    ],
  ])('%s', (_case, input, expected) => {
    expect(risks(input)).toEqual(expected);
  });

  it('names the plans due, the meetings coming, the rep and the close date', () => {
    const due = plan({ opportunityId: 'opp-a', callAt: hoursAfter(nowIso, -30) });
    const coming = meeting({ opportunityId: 'opp-a', startAt: hoursAfter(nowIso, 30) });
    const report = coachingReport(
      data({ opportunities: [open('opp-a', '2026-09-01', sam)], plans: [due], meetings: [coming] }),
      week,
    );
    expect(report.atRisk).toEqual([
      {
        opportunityId: 'opp-a',
        repId: sam,
        reasons: ['outcome-due', 'meeting-no-plan'],
        planKeys: [due.planKey],
        meetingIds: [coming.id],
        closeDate: '2026-09-01',
      },
    ]);
  });

  it('an opportunity not known locally is at risk for its rep, and reps not asked for are left out', () => {
    const input = data({ plans: [plan({ opportunityId: 'opp-x', ownerId: sam, callAt: hoursAfter(nowIso, -30) })] });
    expect(coachingReport(input, week).atRisk).toMatchObject([{ opportunityId: 'opp-x', repId: sam, closeDate: null }]);
    expect(coachingReport(input, { ...week, repIds: [riley] }).atRisk).toEqual([]);
  });

  it('lists by rep, then opportunity', () => {
    const input = data({
      opportunities: [open('opp-b', '2026-03-10', sam), open('opp-c', '2026-03-10'), open('opp-a', '2026-03-10')],
    });
    expect(coachingReport(input, week).atRisk.map((r) => [r.repId, r.opportunityId])).toEqual([
      [riley, 'opp-a'],
      [riley, 'opp-c'],
      [sam, 'opp-b'],
    ]);
  });
});
