import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { deletePlan } from '../../../lib/db/delete-plan';
import { plansOfOpportunity } from '../../../lib/db/read-plans';
import { savePlan } from '../../../lib/db/save-plan';
import { newCallPlan } from '../../../lib/model/call-plan';
import { resolveConflict } from '../../../lib/sync/resolve-conflict';
import { resolveRejection } from '../../../lib/sync/resolve-rejection';
import { browserOf, demoControl, orgRecords } from './support/sync-harness';

/**
 * Random schedules of the rep's two browsers and direct edits in Salesforce, interleaved with
 * faults and worker restarts. At the end (faults cleared, conflicts and refusals resolved, a few
 * syncs) both browsers and Salesforce hold the same plans, none is duplicated, and no value
 * appears that nobody wrote. `PROPERTY_RUNS` sets the number of schedules (npm run
 * test:property runs 1000); a failure prints its seed and the shrunk schedule.
 */
const runs = Number(process.env.PROPERTY_RUNS ?? 6);
const fields = ['goal', 'walkAway', 'buyerReason'] as const;
const salesforceField = { goal: 'Goal__c', walkAway: 'Walk_Away__c', buyerReason: 'Buyer_Reason__c' } as const;

let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());

type Command =
  | { kind: 'create'; client: 0 | 1 }
  | { kind: 'edit'; client: 0 | 1; plan: number; field: (typeof fields)[number] }
  | { kind: 'delete'; client: 0 | 1; plan: number }
  | { kind: 'salesforce-edit'; plan: number; field: (typeof fields)[number] }
  | { kind: 'sync'; client: 0 | 1 }
  | { kind: 'fault'; fault: 'push-503' | 'pull-drop' | 'push-drop' }
  | { kind: 'restart'; client: 0 | 1 };

const client = fc.constantFrom(0 as const, 1 as const);
const field = fc.constantFrom(...fields);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), client }),
  fc.record({ kind: fc.constant('edit' as const), client, plan: fc.nat(5), field }),
  fc.record({ kind: fc.constant('delete' as const), client, plan: fc.nat(5) }),
  fc.record({ kind: fc.constant('salesforce-edit' as const), plan: fc.nat(5), field }),
  fc.record({ kind: fc.constant('sync' as const), client }),
  fc.record({ kind: fc.constant('sync' as const), client }),
  fc.record({ kind: fc.constant('fault' as const), fault: fc.constantFrom('push-503', 'pull-drop', 'push-drop') }),
  fc.record({ kind: fc.constant('restart' as const), client }),
);

const faults = {
  'push-503': { kind: 'status', status: 503, times: 1, match: { method: 'PATCH', user: 'riley@precall.demo' } },
  'pull-drop': { kind: 'drop', times: 1, match: { path: '/queryAll', user: 'riley@precall.demo' } },
  'push-drop': { kind: 'drop', times: 1, match: { method: 'PATCH', user: 'riley@precall.demo' } },
};

describe('sync under random schedules', () => {
  it(`converges with nothing lost or duplicated (${runs} schedules)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 16 }), async (commands) => {
        await demoControl(org, 'POST', 'reset');
        const admin = org.org.signIn('admin@precall.demo').token;
        const browsers = [browserOf(org, 'riley'), browserOf(org, 'riley')];
        const written = new Set<string>();
        let token = 0;
        const value = (who: string) => {
          const text = `${who}-${++token}`;
          written.add(text);
          return text;
        };
        const plansOf = async (b: (typeof browsers)[number]) =>
          (await plansOfOpportunity(b.db, showcaseOpportunityId)).sort((x, y) => x.planKey.localeCompare(y.planKey));
        const salesforcePlans = () =>
          orgRecords(org, 'Call_Plan__c').filter((p) => p.Opportunity__c === showcaseOpportunityId);
        for (const b of browsers) await b.sync();
        for (const p of salesforcePlans()) for (const f of fields) written.add(String(p[salesforceField[f]] ?? ''));

        for (const step of commands) {
          if (step.kind === 'create') {
            const b = browsers[step.client];
            if (!b) continue;
            const goal = value(`c${step.client}`);
            await savePlan(
              b.db,
              { ...newCallPlan(showcaseOpportunityId, new Date()), goal, bestNextStep: 'Next', objections: [] },
              new Date(),
              b.session.userId,
            );
          } else if (step.kind === 'edit' || step.kind === 'delete') {
            const b = browsers[step.client];
            if (!b) continue;
            const plans = await plansOf(b);
            const plan = plans[step.plan % Math.max(1, plans.length)];
            if (!plan) continue;
            if (step.kind === 'delete') await deletePlan(b.db, plan.planKey, new Date());
            else
              await savePlan(b.db, { ...plan, [step.field]: value(`c${step.client}`) }, new Date(), b.session.userId);
          } else if (step.kind === 'salesforce-edit') {
            const plans = salesforcePlans();
            const plan = plans[step.plan % Math.max(1, plans.length)];
            if (!plan) continue;
            await fetch(`${org.url}/services/data/v62.0/sobjects/Call_Plan__c/${plan.Id}`, {
              method: 'PATCH',
              headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
              body: JSON.stringify({ [salesforceField[step.field]]: value('sf') }),
            });
          } else if (step.kind === 'sync') {
            await browsers[step.client]?.sync();
          } else if (step.kind === 'fault') {
            await demoControl(org, 'POST', 'faults', faults[step.fault]);
          } else {
            browsers[step.client]?.restart();
          }
        }

        // Settle: faults gone, every conflict and refusal resolved by the rep, a few rounds of sync.
        await demoControl(org, 'DELETE', 'faults');
        for (let round = 0; round < 3; round++) {
          for (const b of browsers) {
            await b.sync();
            const conflicts = await b.db.conflicts.toArray();
            const rejections = await b.db.rejections.toArray();
            for (const conflict of conflicts) {
              const resolution =
                conflict.remoteDeleted || conflict.localDeleted
                  ? { kind: 'restore' as const }
                  : {
                      kind: 'fields' as const,
                      choices: Object.fromEntries(conflict.fields.map((f) => [f.field, 'local' as const])),
                    };
              await resolveConflict(b.db, b.session.userId, conflict, resolution, new Date());
            }
            for (const rejection of rejections) {
              await resolveRejection(b.db, rejection, 'discard', new Date());
            }
            if (conflicts.length + rejections.length > 0) await b.sync();
          }
        }

        const remote = salesforcePlans();
        // No record twice.
        expect(new Set(remote.map((p) => p.Plan_Key__c)).size).toBe(remote.length);
        for (const b of browsers) {
          expect(await b.db.outbox.count()).toBe(0);
          expect(await b.db.conflicts.count()).toBe(0);
          const local = await plansOf(b);
          expect(local.map((p) => p.planKey)).toEqual(remote.map((p) => String(p.Plan_Key__c)).sort());
          for (const plan of local) {
            const there = remote.find((p) => p.Plan_Key__c === plan.planKey);
            for (const f of fields) {
              expect(plan[f]).toBe(String(there?.[salesforceField[f]] ?? ''));
              // Nothing invented: every value is one somebody wrote.
              expect(written.has(plan[f]) || plan[f] === '').toBe(true);
            }
          }
        }
      }),
      { numRuns: runs, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined },
    );
  }, 600_000);
});
