import { describe, expect, it } from 'vitest';
import { type AdherencePlan, playbookAdherence } from '../../../../lib/model/playbook/playbook-adherence';
import { stageRequirements } from '../../../../lib/model/playbook/stage-requirements';
import { complete, content, orgStages, stage } from './fixtures';

const playbook = [stage('Proposal/Price Quote', { requiresGoal: true, requiresBestNextStep: true })];
const stageOf: Record<string, string> = { oppProposal: 'Proposal/Price Quote', oppProspect: 'Prospecting' };
const requirementsOf = (plan: AdherencePlan) =>
  stageRequirements(stageOf[plan.opportunityId] ?? '', playbook, orgStages);

let n = 0;
function plan(changes: Partial<AdherencePlan>): AdherencePlan {
  n += 1;
  return {
    ...complete,
    planKey: `plan-${n}`,
    opportunityId: 'oppProposal',
    ownerId: 'riley',
    callAt: '2026-03-03T15:00:00.000Z',
    createdAt: '2026-03-02T09:00:00.000Z',
    outcome: null,
    ...changes,
  };
}

// Monday 2 March and Monday 9 March 2026.
const query = {
  timeZone: 'Europe/Berlin',
  from: '2026-03-02',
  to: '2026-03-15',
  now: new Date('2026-03-20T00:00:00Z'),
};

describe('playbook adherence per rep and week', () => {
  it('counts calls held and those with a plan ready before the call, per rep and week', () => {
    const report = playbookAdherence(
      [
        plan({ planKey: 'ready' }),
        plan({ planKey: 'no-goal', ...content({ bestNextStep: 'x' }) }),
        plan({ planKey: 'sam-next-week', ownerId: 'sam', callAt: '2026-03-10T10:00:00.000Z' }),
      ],
      requirementsOf,
      query,
    );
    expect(report.weekStarts).toEqual(['2026-03-02', '2026-03-09']);
    const riley = report.reps.find((r) => r.repId === 'riley');
    expect(riley?.weeks.map((w) => [w.weekStart, w.calls, w.readyBeforeCall, w.share])).toEqual([
      ['2026-03-02', 2, 1, 0.5],
      ['2026-03-09', 0, 0, null],
    ]);
    expect(riley?.total.notReadyPlanKeys).toEqual(['no-goal']);
    const sam = report.reps.find((r) => r.repId === 'sam');
    expect(sam?.weeks.map((w) => w.share)).toEqual([null, 1]);
    expect(report.team.total).toMatchObject({ calls: 3, readyBeforeCall: 2 });
  });

  it.each<[string, Partial<AdherencePlan>, { calls: number; ready: number; noPlaybook: number }]>([
    ['ready and written before the call', {}, { calls: 1, ready: 1, noPlaybook: 0 }],
    [
      'ready but written after the call',
      { createdAt: '2026-03-03T16:00:00.000Z' },
      { calls: 1, ready: 0, noPlaybook: 0 },
    ],
    [
      'a call still ahead is not counted',
      { callAt: '2026-03-25T10:00:00.000Z' },
      { calls: 0, ready: 0, noPlaybook: 0 },
    ],
    ['a call before the period', { callAt: '2026-03-01T10:00:00.000Z' }, { calls: 0, ready: 0, noPlaybook: 0 }],
    ['a call after the period', { callAt: '2026-03-16T10:00:00.000Z' }, { calls: 0, ready: 0, noPlaybook: 0 }],
    // 23:30 UTC on Sunday 15 March is Monday 16 March in Berlin: outside the period.
    [
      "counted in the manager's time zone",
      { callAt: '2026-03-15T23:30:00.000Z' },
      { calls: 0, ready: 0, noPlaybook: 0 },
    ],
    ['a stage the playbook asks nothing of', { opportunityId: 'oppProspect' }, { calls: 0, ready: 0, noPlaybook: 1 }],
  ])('%s', (_case, changes, expected) => {
    const { total } = playbookAdherence([plan(changes)], requirementsOf, query).team;
    expect({ calls: total.calls, ready: total.readyBeforeCall, noPlaybook: total.noPlaybook }).toEqual(expected);
  });

  it('compares the outcomes of plans that followed the playbook with those that did not', () => {
    const report = playbookAdherence(
      [
        plan({ outcome: 'Advance' }),
        plan({ outcome: 'Order' }),
        plan({ outcome: 'Continuation' }),
        plan({ outcome: null }),
        plan({ goal: '', outcome: 'No-sale' }),
        plan({ goal: '', outcome: 'Advance' }),
        plan({ goal: '', outcome: 'Continuation' }),
        plan({ goal: '', outcome: 'Continuation' }),
      ],
      requirementsOf,
      query,
    );
    expect(report.outcomes.followed).toEqual({
      plans: 4,
      outcomes: 3,
      advances: 2,
      continuations: 1,
      noSales: 0,
      advanceRate: 2 / 3,
    });
    expect(report.outcomes.notFollowed).toMatchObject({
      plans: 4,
      outcomes: 4,
      advances: 1,
      noSales: 1,
      advanceRate: 0.25,
    });
  });

  it('no outcomes is no rate, not 0 %', () => {
    expect(playbookAdherence([], requirementsOf, query).outcomes.followed.advanceRate).toBeNull();
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => playbookAdherence([], requirementsOf, { ...query, from: '2026-03-10', to: '2026-03-01' })).toThrow(
      RangeError,
    );
  });
});
