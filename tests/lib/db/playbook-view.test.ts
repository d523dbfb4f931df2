import { beforeEach, describe, expect, it } from 'vitest';
import { orgStagesRowName } from '../../../lib/db/playbook-rows';
import { readAdherence, readOpportunityPlaybook, readPlaybookView } from '../../../lib/db/playbook-view';
import type { PrecallDb } from '../../../lib/db/precall-db';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { newPlaybook, type PlaybookBundle } from '../../../lib/model/playbook/playbook';
import {
  contoso,
  curated,
  northwind,
  openTeamDb,
  proposalPlaybook,
  putOpportunity,
  stage,
  storePulled,
  team,
} from './playbook-team';

const pulledAt = new Date('2026-03-01T00:00:00.000Z');
let db: PrecallDb;

beforeEach(async () => {
  db = await openTeamDb();
});

/** Morgan's playbook: stages entered out of the org's order, two the org no longer has. */
function teamWest(): PlaybookBundle {
  const playbook = newPlaybook('Team West', false, pulledAt);
  const key = playbook.playbookKey;
  return {
    playbook,
    stages: ['Closed Won', 'Zeta review', 'Proposal / Price Quote', 'Alpha review', 'Prospecting'].map((name) =>
      stage(key, name, name.startsWith('Proposal') ? { requiresMinimumNextStep: true, minExpectedObjections: 1 } : {}),
    ),
    objections: [
      { ...curated(key, 'No budget this year', 1), objectionKey: '00000000-0000-4000-8000-000000000001' },
      { ...curated(key, 'Too expensive', 0), objectionKey: '00000000-0000-4000-8000-000000000002' },
    ],
  };
}

const orgDefault = () => proposalPlaybook('Org default', true, pulledAt);

describe('readPlaybookView', () => {
  it("shows a manager their own playbook to edit, stages in the org's order, unknown stages last by name", async () => {
    const west = teamWest();
    await storePulled(db, west, team.morgan);
    await storePulled(db, orgDefault(), team.avery);
    const view = await readPlaybookView(db, team.morgan);
    expect(view.bundle?.playbook.name).toBe('Team West');
    expect(view.bundle?.stages.map((s) => s.stageName)).toEqual([
      'Prospecting',
      'Proposal / Price Quote',
      'Closed Won',
      'Alpha review',
      'Zeta review',
    ]);
    expect(view.bundle?.objections.map((o) => o.objection)).toEqual(['Too expensive', 'No budget this year']);
    expect(view).toMatchObject({ canEdit: true, ownerName: 'Morgan Lee', startFrom: null });
    expect(view.orgStages.map((s) => s.value)).toEqual([
      'Prospecting',
      'Qualification',
      'Proposal/Price Quote',
      'Closed Won',
    ]);
    const orphaned = west.stages.filter((s) => s.stageName.endsWith('review')).map((s) => s.stageKey);
    expect([...view.orphanedStageKeys].sort()).toEqual([...orphaned].sort());
  });

  it.each([
    { name: 'the default when there is one', withDefault: true, startFrom: 'Org default', ownerName: 'Avery Admin' },
    { name: 'nothing when there is no default', withDefault: false, startFrom: undefined, ownerName: null },
  ])('lets a manager without a playbook start one, from $name', async ({ withDefault, startFrom, ownerName }) => {
    if (withDefault) await storePulled(db, orgDefault(), team.avery);
    const view = await readPlaybookView(db, team.morgan);
    expect(view).toMatchObject({ bundle: null, canEdit: true, ownerName, sync: { waiting: 0, refused: [] } });
    expect(view.startFrom?.playbook.name).toBe(startFrom);
    expect(view.orphanedStageKeys).toEqual([]);
  });

  it.each([
    { name: "a rep reads their manager's playbook", user: team.riley, playbook: 'Team West', ownerName: 'Morgan Lee' },
    {
      name: 'a user not among the cached ones reads the default',
      user: team.drew,
      playbook: 'Org default',
      ownerName: 'Avery Admin',
    },
  ])('$name, without editing it or seeing its sync', async ({ user, playbook, ownerName }) => {
    const west = teamWest();
    await storePulled(db, west, team.morgan);
    await storePulled(db, orgDefault(), team.avery);
    await db.playbookOutbox.add({
      table: 'playbooks',
      key: west.playbook.playbookKey,
      op: 'upsert',
      salesforceId: null,
      playbookKey: west.playbook.playbookKey,
      at: pulledAt.toISOString(),
    });
    const view = await readPlaybookView(db, user);
    expect(view.bundle?.playbook.name).toBe(playbook);
    expect(view).toMatchObject({ canEdit: false, ownerName, startFrom: null, sync: { waiting: 0, refused: [] } });
  });

  it('names no owner who is not among the cached users, and orders stages by name before the org stages are read', async () => {
    await storePulled(db, teamWest(), team.morgan);
    await db.users.delete(team.morgan);
    await db.orgStages.delete(orgStagesRowName);
    const view = await readPlaybookView(db, team.riley);
    expect(view.ownerName).toBeNull();
    expect(view.orgStages).toEqual([]);
    expect(view.orphanedStageKeys).toEqual([]);
    expect(view.bundle?.stages.map((s) => s.stageName)).toEqual([
      'Alpha review',
      'Closed Won',
      'Proposal / Price Quote',
      'Prospecting',
      'Zeta review',
    ]);
  });

  it("counts a manager's changes waiting for Salesforce once per record and lists the refused ones", async () => {
    const west = teamWest();
    await storePulled(db, west, team.morgan);
    const [first, second] = west.stages;
    if (!first || !second) throw new Error('fixture');
    const entry = (table: 'playbooks' | 'playbookStages', key: string, playbookKey = west.playbook.playbookKey) => ({
      table,
      key,
      op: 'upsert' as const,
      salesforceId: null,
      playbookKey,
      at: pulledAt.toISOString(),
    });
    await db.playbookOutbox.bulkAdd([
      entry('playbooks', west.playbook.playbookKey),
      entry('playbookStages', first.stageKey),
      entry('playbookStages', first.stageKey),
      {
        ...entry('playbookStages', second.stageKey),
        refused: { code: 'INSUFFICIENT_ACCESS', message: 'Only managers edit playbooks', at: pulledAt.toISOString() },
      },
      entry('playbookStages', 'a-stage-of-another-playbook', crypto.randomUUID()),
    ]);
    expect((await readPlaybookView(db, team.morgan)).sync).toEqual({
      waiting: 3,
      refused: [{ table: 'playbookStages', key: second.stageKey, message: 'Only managers edit playbooks' }],
    });
  });
});

describe('readOpportunityPlaybook', () => {
  it("answers the owner's team playbook at the opportunity's stage, curated objections in the manager's order", async () => {
    await storePulled(db, teamWest(), team.morgan);
    await putOpportunity(db, northwind, team.riley, 'Proposal/Price Quote');
    const atStage = await readOpportunityPlaybook(db, northwind);
    expect(atStage.playbookName).toBe('Team West');
    expect(atStage.stageName).toBe('Proposal/Price Quote');
    expect(atStage.requirements?.requirements.map((r) => r.label)).toEqual([
      'Goal',
      'Best next step',
      'Minimum next step',
      'At least 1 expected objection',
    ]);
    expect(atStage.curatedObjections.map((o) => o.objection)).toEqual(['Too expensive', 'No budget this year']);
  });

  it.each([
    { name: 'an opportunity not cached', cached: false, stageName: null },
    { name: 'an opportunity whose owner has no playbook to work by', cached: true, stageName: 'Qualification' },
  ])('answers no playbook for $name', async ({ cached, stageName }) => {
    await storePulled(db, teamWest(), team.avery);
    if (cached) await putOpportunity(db, northwind, team.riley, 'Qualification');
    expect(await readOpportunityPlaybook(db, northwind)).toEqual({
      playbookName: null,
      stageName,
      requirements: null,
      curatedObjections: [],
    });
  });
});

describe('readAdherence', () => {
  const query = { from: '2026-03-02', to: '2026-03-08', timeZone: 'UTC', now: new Date('2026-03-08T18:00:00.000Z') };
  let n = 0;

  /** A held call whose plan has the goal and best next step, and raised "Too expensive". */
  async function held(opportunityId: string, ownerId: string, callAt: string, changes: Partial<CallPlan> = {}) {
    n += 1;
    const key = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const { objections, ...plan } = {
      ...newCallPlan(opportunityId, new Date('2026-02-20T00:00:00.000Z'), () => key),
      callAt,
      goal: 'Agree the pricing',
      bestNextStep: 'Signed order',
      objections: [{ ...newObjection(0, false), objection: 'Too expensive', raised: true, handled: 'Yes' as const }],
      ...changes,
    };
    await db.plans.put({ ...plan, ownerId });
    await db.objections.bulkPut(objections.map((o) => ({ ...o, planKey: key })));
    return key;
  }

  it('counts the curated objections raised in calls held in the period, up to now', async () => {
    await storePulled(db, teamWest(), team.morgan);
    await putOpportunity(db, northwind, team.riley, 'Proposal/Price Quote');
    const firstDay = await held(northwind, team.riley, '2026-03-02T00:00:00.000Z');
    const atNow = await held(northwind, team.riley, '2026-03-08T18:00:00.000Z');
    await held(northwind, team.riley, '2026-03-01T23:59:00.000Z');
    await held(northwind, team.riley, '2026-03-08T18:00:01.000Z');
    await held(northwind, team.riley, '2026-03-09T08:00:00.000Z');
    const view = await readAdherence(db, team.morgan, query);
    expect(view.playbookName).toBe('Team West');
    expect(view.objections.map((o) => [o.objection, o.raised, [...o.planKeys].sort()])).toEqual([
      ['Too expensive', 2, [firstDay, atNow]],
      ['No budget this year', 0, []],
    ]);
    expect(view.report.team.total.calls).toBe(2);
  });

  it("counts the calls of the manager's local days, as the adherence report does", async () => {
    await storePulled(db, teamWest(), team.morgan);
    await putOpportunity(db, northwind, team.riley, 'Proposal/Price Quote');
    // 21:00 on Sunday 1 March in California: before the period.
    await held(northwind, team.riley, '2026-03-02T05:00:00.000Z');
    // 20:00 on Sunday 8 March in California: the period's last day.
    const lastEvening = await held(northwind, team.riley, '2026-03-09T03:00:00.000Z');
    // 03:00 on Monday 9 March in California: after the period, though before now.
    await held(northwind, team.riley, '2026-03-09T10:00:00.000Z');
    const pacific = { ...query, timeZone: 'America/Los_Angeles', now: new Date('2026-03-10T00:00:00.000Z') };
    const view = await readAdherence(db, team.morgan, pacific);
    expect(view.report.team.total.calls).toBe(1);
    expect(view.objections[0]?.planKeys).toEqual([lastEvening]);
  });

  it("judges each call by its rep's playbook at its opportunity's stage", async () => {
    await storePulled(db, teamWest(), team.morgan);
    await putOpportunity(db, northwind, team.riley, 'Proposal/Price Quote');
    await putOpportunity(db, contoso, team.sam, 'Qualification');
    const notReady = await held(northwind, team.riley, '2026-03-03T10:00:00.000Z');
    // Ready by its expected objection, stored before another objection of the same plan.
    const ready = await held(northwind, team.riley, '2026-03-03T11:00:00.000Z', {
      minimumNextStep: 'Workshop',
      objections: [
        { ...newObjection(0, true), objectionKey: '00000000-0000-4000-8000-0000000000a1', objection: 'Too expensive' },
        { ...newObjection(1, false), objectionKey: '00000000-0000-4000-8000-0000000000a2', objection: 'Not now' },
      ],
    });
    // A stage the playbook has not, an opportunity no longer cached, a rep with no playbook.
    await held(contoso, team.sam, '2026-03-04T10:00:00.000Z');
    await held('0065g00000Gone1AAB', team.sam, '2026-03-04T11:00:00.000Z');
    await held(northwind, team.drew, '2026-03-04T12:00:00.000Z');
    const view = await readAdherence(db, team.morgan, query);
    expect(view.report.team.total).toMatchObject({ calls: 2, readyBeforeCall: 1, noPlaybook: 3 });
    expect(view.report.team.total.notReadyPlanKeys).toEqual([notReady]);
    expect(view.report.reps.find((r) => r.repId === team.riley)?.total.notReadyPlanKeys).not.toContain(ready);
    expect(view.repNames).toMatchObject({ [team.riley]: 'Riley Chen', [team.morgan]: 'Morgan Lee' });
  });

  it.each([
    {
      name: 'a rep reads the figures of the playbook they work by',
      user: team.riley,
      playbookName: 'Team West',
      figures: 2,
    },
    { name: 'a user with no playbook has no curated figures', user: team.avery, playbookName: null, figures: 0 },
  ])('$name', async ({ user, playbookName, figures }) => {
    await storePulled(db, teamWest(), team.morgan);
    const view = await readAdherence(db, user, query);
    expect(view.playbookName).toBe(playbookName);
    expect(view.objections).toHaveLength(figures);
  });
});
