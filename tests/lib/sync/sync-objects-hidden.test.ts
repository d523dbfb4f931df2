import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { savePlan } from '../../../lib/db/save-plan';
import { newCallPlan } from '../../../lib/model/call-plan';
import { readSyncStatus } from '../../../lib/sync/sync-status';
import { browserOf, demoControl, orgPlan } from './support/sync-harness';

let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());
beforeEach(async () => {
  await demoControl(org, 'POST', 'reset');
});

describe('a user who cannot see Precall’s objects', () => {
  it('keeps the plan, and sync names the permission set instead of Salesforce’s INVALID_TYPE text', async () => {
    await demoControl(org, 'POST', 'access', { usersWithoutPermissionSet: ['riley@precall.demo'] });
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(
      riley.db,
      {
        ...newCallPlan(showcaseOpportunityId, new Date()),
        goal: 'Agree the pilot scope',
        bestNextStep: 'Pilot order signed',
      },
      new Date(),
      riley.session.userId,
    );

    const failed = await riley.sync();
    expect(failed).toMatchObject({ ok: false, failure: { kind: 'error', code: 'objects-not-visible' } });
    const status = await readSyncStatus(riley.db, null);
    expect(status.state).toMatchObject({ kind: 'error', code: 'objects-not-visible' });
    expect(status.state.kind === 'error' && status.state.reason).toBe(
      "Precall's objects are not visible to you in this org",
    );
    expect(status.pending).toBe(1);
    expect(await riley.db.plans.get(plan.planKey)).toMatchObject({ goal: 'Agree the pilot scope' });

    // Once the admin assigns the permission set, the same plan goes through.
    await demoControl(org, 'POST', 'access', { usersWithoutPermissionSet: [] });
    expect(await riley.sync()).toMatchObject({ ok: true });
    expect(orgPlan(org, plan.planKey)).toMatchObject({ Goal__c: 'Agree the pilot scope' });
  });
});
