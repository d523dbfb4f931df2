import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { showcaseOpportunityId, userIds } from '../../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { readAdherence, readOpportunityPlaybook, readPlaybookView } from '../../../lib/db/playbook-view';
import { savePlan } from '../../../lib/db/save-plan';
import { savePlaybook } from '../../../lib/db/save-playbook';
import { newCallPlan, newObjection } from '../../../lib/model/call-plan';
import {
  newCuratedObjection,
  newPlaybook,
  newPlaybookStage,
  type PlaybookBundle,
} from '../../../lib/model/playbook/playbook';
import { browserOf, demoControl, orgRecords } from './support/sync-harness';

// Two browsers' full syncs against the demo org: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());
beforeEach(async () => {
  await demoControl(org, 'POST', 'reset');
});

function westPlaybook(): PlaybookBundle {
  const playbook = newPlaybook('Team West', false, new Date());
  return {
    playbook,
    stages: [
      {
        ...newPlaybookStage(playbook.playbookKey, 'Proposal/Price Quote'),
        guidance: 'Price only once the decision process is known.',
        requiresMinimumNextStep: true,
        minExpectedObjections: 1,
        confirmBudget: true,
      },
    ],
    objections: [
      {
        ...newCuratedObjection(playbook.playbookKey, 0),
        stageName: 'Proposal/Price Quote',
        objection: 'Too expensive',
        response: 'Walk through the ROI study',
      },
    ],
  };
}

describe("the team playbook reaches Salesforce and every rep's browser", () => {
  it("pushes Morgan's playbook with its stage and objection, and Riley works by it", async () => {
    const morgan = browserOf(org, 'morgan');
    const bundle = westPlaybook();
    await savePlaybook(morgan.db, bundle, new Date(), userIds.morgan);
    expect(await morgan.sync({ caches: true })).toMatchObject({ ok: true });

    expect(await morgan.db.playbookOutbox.count()).toBe(0);
    expect(orgRecords(org, 'Playbook__c')).toEqual([
      expect.objectContaining({
        Name: 'Team West',
        Playbook_Key__c: bundle.playbook.playbookKey,
        CreatedById: userIds.morgan,
      }),
    ]);
    expect(orgRecords(org, 'Playbook_Stage__c')).toEqual([
      expect.objectContaining({
        Stage_Name__c: 'Proposal/Price Quote',
        Guidance__c: 'Price only once the decision process is known.',
        Requires_Minimum_Next_Step__c: true,
        Min_Expected_Objections__c: 1,
        Confirm_Budget__c: true,
        Confirm_Need__c: false,
      }),
    ]);
    expect(orgRecords(org, 'Playbook_Objection__c')).toEqual([
      expect.objectContaining({ Objection__c: 'Too expensive', Response__c: 'Walk through the ROI study' }),
    ]);

    const riley = browserOf(org, 'riley');
    expect(await riley.sync({ caches: true })).toMatchObject({ ok: true });
    const atStage = await readOpportunityPlaybook(riley.db, showcaseOpportunityId);
    expect(atStage.playbookName).toBe('Team West');
    expect(atStage.requirements?.guidance).toBe('Price only once the decision process is known.');
    expect(atStage.requirements?.requirements.map((r) => r.id)).toEqual([
      'goal',
      'bestNextStep',
      'minimumNextStep',
      'expectedObjections',
      'budget',
    ]);
    expect(atStage.curatedObjections.map((o) => o.objection)).toEqual(['Too expensive']);
    // The org's stages come from the Opportunity describe, in the picklist's order.
    const view = await readPlaybookView(riley.db, userIds.riley);
    expect(view.orgStages.map((s) => s.value)).toContain('Proposal/Price Quote');
    expect(view.orgStages[0]?.value).toBe('Prospecting');
    expect(view).toMatchObject({ canEdit: false, bundle: { playbook: { name: 'Team West' } } });
  });

  it('an edit sends only the changed records; a removed objection is deleted in Salesforce and everywhere', async () => {
    const morgan = browserOf(org, 'morgan');
    const riley = browserOf(org, 'riley');
    const bundle = westPlaybook();
    await savePlaybook(morgan.db, bundle, new Date(), userIds.morgan);
    await morgan.sync({ caches: true });
    await riley.sync({ caches: true });
    expect(await riley.db.playbookObjections.count()).toBe(1);

    const [stage] = bundle.stages;
    if (!stage) throw new Error('no stage');
    const result = await savePlaybook(
      morgan.db,
      { ...bundle, stages: [{ ...stage, guidance: 'Ask for the budget owner.' }], objections: [] },
      new Date(),
      userIds.morgan,
    );
    expect(result).toEqual({ kind: 'saved', changes: 2 });
    expect(await morgan.sync({ caches: true })).toMatchObject({ ok: true });
    expect(orgRecords(org, 'Playbook_Objection__c')).toEqual([]);
    expect(orgRecords(org, 'Playbook_Stage__c')[0]).toMatchObject({ Guidance__c: 'Ask for the budget owner.' });

    await riley.sync({ caches: true });
    expect(await riley.db.playbookObjections.count()).toBe(0);
    expect((await riley.db.playbookStages.toArray())[0]?.guidance).toBe('Ask for the budget owner.');
  });

  it("a rep's write is refused by Salesforce, kept with the reason, and not sent again unchanged", async () => {
    const riley = browserOf(org, 'riley');
    await savePlaybook(riley.db, westPlaybook(), new Date(), userIds.riley);
    expect(await riley.sync({ caches: false })).toMatchObject({ ok: true });
    const refused = (await riley.db.playbookOutbox.toArray()).filter((entry) => entry.refused);
    expect(refused.map((entry) => entry.table)).toEqual(['playbooks']);
    expect(refused[0]?.refused?.message).toBeTruthy();
    expect(orgRecords(org, 'Playbook__c')).toEqual([]);
    // Its stage and objection wait for a playbook Salesforce never created; nothing is lost.
    await riley.sync({ caches: false });
    expect(await riley.db.playbookOutbox.count()).toBe(3);
  });

  it('saving the same playbook again changes nothing and queues nothing', async () => {
    const morgan = browserOf(org, 'morgan');
    const bundle = westPlaybook();
    await savePlaybook(morgan.db, bundle, new Date(), userIds.morgan);
    expect(await savePlaybook(morgan.db, bundle, new Date(), userIds.morgan)).toEqual({ kind: 'saved', changes: 0 });
    expect(await morgan.db.playbookOutbox.count()).toBe(3);
  });

  it("another manager's playbook is refused locally", async () => {
    const morgan = browserOf(org, 'morgan');
    const bundle = westPlaybook();
    await savePlaybook(morgan.db, bundle, new Date(), userIds.morgan);
    expect(await savePlaybook(morgan.db, bundle, new Date(), userIds.admin)).toEqual({
      kind: 'not-owner',
      ownerId: userIds.morgan,
    });
  });
});

describe("adherence from the manager's browser", () => {
  it("counts Riley's call held with a plan ready before it, by the playbook Riley works by", async () => {
    const morgan = browserOf(org, 'morgan');
    const riley = browserOf(org, 'riley');
    await savePlaybook(morgan.db, westPlaybook(), new Date(), userIds.morgan);
    await morgan.sync({ caches: true });
    const day = 24 * 3600_000;
    const plan = {
      ...newCallPlan(showcaseOpportunityId, new Date(Date.now() - 3 * day)),
      callAt: new Date(Date.now() - 2 * day).toISOString(),
      goal: 'Agree the pricing',
      bestNextStep: 'Signed order',
      minimumNextStep: 'Workshop',
      budget: 'Confirmed' as const,
      objections: [{ ...newObjection(0, true), objection: 'Too expensive', raised: true, handled: 'Yes' as const }],
      outcome: 'Advance' as const,
    };
    await savePlan(riley.db, plan, new Date(), userIds.riley);
    expect(await riley.sync({ caches: true })).toMatchObject({ ok: true });
    expect(await morgan.sync({ caches: true })).toMatchObject({ ok: true });

    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 27 * day).toISOString().slice(0, 10);
    const view = await readAdherence(morgan.db, userIds.morgan, { from, to: today, timeZone: 'UTC', now: new Date() });
    const rep = view.report.reps.find((r) => r.repId === userIds.riley);
    // The story's plans count too; this one is among those ready before their call.
    expect(rep?.total.readyBeforeCall).toBeGreaterThan(0);
    expect(rep?.total.notReadyPlanKeys).not.toContain(plan.planKey);
    expect(view.report.team.total.calls).toBeGreaterThanOrEqual(rep?.total.calls ?? 0);
    expect(view.objections[0]).toMatchObject({ objection: 'Too expensive', handled: expect.any(Number) });
    expect(view.objections[0]?.planKeys).toContain(plan.planKey);
    expect(view.repNames[userIds.riley]).toBe('Riley Chen');
  });
});
