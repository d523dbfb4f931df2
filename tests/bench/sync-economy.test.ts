import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../demo/server';
import { savePlan } from '../../lib/db/save-plan';
import { newCallPlan, newObjection } from '../../lib/model/call-plan';
import { browserOf, demoControl } from '../lib/sync/support/sync-harness';

/**
 * API economy, counted by the demo org's request statistics (`npm run test:economy`); the
 * README's table quotes what this prints.
 */
let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());

const stats = async () => (await demoControl(org, 'GET', 'stats')) as { total: number; byKind: Record<string, number> };

describe('API economy', () => {
  it('pushes 1000 plans with 3 objections each in ceil(1000/200) + ceil(3000/200) requests', async () => {
    await demoControl(org, 'POST', 'reset');
    const riley = browserOf(org, 'riley');
    // Pulled first, so what follows counts only the push of new plans.
    await riley.sync();
    for (let n = 0; n < 1000; n++) {
      await savePlan(
        riley.db,
        {
          ...newCallPlan(showcaseOpportunityId, new Date()),
          goal: `Goal ${n}`,
          bestNextStep: 'Next',
          objections: [0, 1, 2].map((i) => ({ ...newObjection(i, true), objection: `Objection ${n}.${i}` })),
        },
        new Date(),
        riley.session.userId,
      );
    }
    await demoControl(org, 'DELETE', 'stats');
    expect(await riley.sync()).toMatchObject({ ok: true, push: { acknowledged: 4000, rejected: 0 } });
    const counted = await stats();
    console.log('push 1000 plans × 3 objections:', JSON.stringify(counted.byKind));
    expect(counted.byKind['collections.upsert']).toBe(Math.ceil(1000 / 200) + Math.ceil(3000 / 200));
    // Plus the pull that always precedes a push: plans and objections asked in one composite request.
    expect(counted.byKind.composite).toBe(1);
    expect(counted.total).toBe(20 + 1);
  });

  it('pulls 10,000 plans in ceil(10000/2000) query pages, plus those of their objections', async () => {
    await demoControl(org, 'POST', 'reset');
    await demoControl(org, 'POST', 'seed', { opportunities: 500, plans: 10_000, owners: ['riley@precall.demo'] });
    const riley = browserOf(org, 'riley');
    await demoControl(org, 'DELETE', 'stats');
    expect(await riley.sync()).toMatchObject({ ok: true });
    const counted = await stats();
    console.log('pull 10,000 plans:', JSON.stringify(counted.byKind));
    const plans = await riley.db.plans.count();
    expect(plans).toBeGreaterThanOrEqual(10_000);
    // The first pages of plans (the story's own plans come with them) and of objections in one
    // composite request, then the plans' further pages.
    expect(counted.byKind.composite).toBe(1);
    expect(counted.byKind.queryAll).toBeUndefined();
    expect(counted.byKind.queryMore).toBe(Math.ceil(plans / 2000) - 1);
  });
});
