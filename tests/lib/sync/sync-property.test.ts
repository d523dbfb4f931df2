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
 * appears that nobody wrote.
 *
 * Every edit Salesforce acknowledged is recorded with its value (a direct edit when its PATCH
 * answered, a browser's edit when its value is in Salesforce after that browser's sync; every
 * value is unique), in the order Salesforce took them. Each field ends with the last value
 * Salesforce acknowledged for it, and a browser's edit may replace another acknowledged value
 * only when that browser had seen it (its synced copy held it when the edit was made) or had
 * shown the rep a conflict on that field since: nothing acknowledged is lost silently, and every
 * conflict is visible. A plan gone at the end was deleted by a browser.
 *
 * `PROPERTY_RUNS` sets the number of schedules (npm run test:property runs 1000); a failure
 * prints its seed and the shrunk schedule (`PROPERTY_SEED` replays it).
 */
const runs = Number(process.env.PROPERTY_RUNS ?? 6);
// Chosen up front and printed first, so even a run stopped by its time limit can be replayed.
const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : Date.now() ^ (Math.random() * 2 ** 31);
// A schedule takes a few seconds on a loaded machine; the limit only stops a run that hangs.
const timeLimitMs = Math.max(600_000, runs * 20_000);
const fields = ['goal', 'walkAway', 'buyerReason'] as const;
type Field = (typeof fields)[number];
const isField = (name: string): name is Field => (fields as readonly string[]).includes(name);
const textOf = (value: unknown) => (value === null || value === undefined ? '' : String(value));
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
  it(
    `converges with nothing lost or duplicated (${runs} schedules)`,
    async () => {
      console.info(`sync property: ${runs} schedules, seed ${seed} (PROPERTY_SEED=${seed} replays them)`);
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
          const model = acknowledgements();
          const plansOf = async (b: (typeof browsers)[number]) =>
            (await plansOfOpportunity(b.db, showcaseOpportunityId)).sort((x, y) => x.planKey.localeCompare(y.planKey));
          const salesforcePlans = () =>
            orgRecords(org, 'Call_Plan__c').filter((p) => p.Opportunity__c === showcaseOpportunityId);
          /** What a browser's synced copy holds for a field now: what it has seen of Salesforce. */
          const seenBy = async (b: (typeof browsers)[number], planKey: string, f: Field) => {
            const base = await b.db.bases.get(['plans', planKey]);
            return base ? textOf(base.values[f]) : undefined;
          };
          /** After a browser's sync: its edits that reached Salesforce, and the conflicts it shows. */
          const observe = async (index: 0 | 1) => {
            const b = browsers[index];
            if (!b) return;
            model.acknowledge(index, salesforcePlans());
            for (const conflict of await b.db.conflicts.toArray()) {
              const conflicted = conflict.fields.map((f) => f.field).filter(isField);
              model.conflictShown(index, conflict.planKey, conflict.remoteDeleted ? [...fields] : conflicted);
            }
          };
          for (const [index, b] of browsers.entries()) {
            await b.sync();
            await observe(index as 0 | 1);
          }
          for (const p of salesforcePlans()) {
            for (const f of fields) {
              written.add(textOf(p[salesforceField[f]]));
              model.direct(String(p.Plan_Key__c), f, textOf(p[salesforceField[f]]));
            }
          }

          for (const step of commands) {
            if (step.kind === 'create') {
              const b = browsers[step.client];
              if (!b) continue;
              const goal = value(`c${step.client}`);
              const plan = await savePlan(
                b.db,
                { ...newCallPlan(showcaseOpportunityId, new Date()), goal, bestNextStep: 'Next', objections: [] },
                new Date(),
                b.session.userId,
              );
              model.edit(step.client, plan.planKey, 'goal', goal, undefined);
            } else if (step.kind === 'edit' || step.kind === 'delete') {
              const b = browsers[step.client];
              if (!b) continue;
              const plans = await plansOf(b);
              const plan = plans[step.plan % Math.max(1, plans.length)];
              if (!plan) continue;
              if (step.kind === 'delete') {
                await deletePlan(b.db, plan.planKey, new Date());
                model.deleted(plan.planKey);
              } else {
                const text = value(`c${step.client}`);
                const seen = await seenBy(b, plan.planKey, step.field);
                await savePlan(b.db, { ...plan, [step.field]: text }, new Date(), b.session.userId);
                model.edit(step.client, plan.planKey, step.field, text, seen);
              }
            } else if (step.kind === 'salesforce-edit') {
              const plans = salesforcePlans();
              const plan = plans[step.plan % Math.max(1, plans.length)];
              if (!plan) continue;
              const text = value('sf');
              const answer = await fetch(`${org.url}/services/data/v62.0/sobjects/Call_Plan__c/${plan.Id}`, {
                method: 'PATCH',
                headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
                body: JSON.stringify({ [salesforceField[step.field]]: text }),
              });
              if (answer.ok) model.direct(String(plan.Plan_Key__c), step.field, text);
            } else if (step.kind === 'sync') {
              await browsers[step.client]?.sync();
              await observe(step.client);
            } else if (step.kind === 'fault') {
              await demoControl(org, 'POST', 'faults', faults[step.fault]);
            } else {
              browsers[step.client]?.restart();
            }
          }

          // Settle: faults gone, every conflict and refusal resolved by the rep, a few rounds of sync.
          await demoControl(org, 'DELETE', 'faults');
          for (let round = 0; round < 3; round++) {
            for (const [index, b] of browsers.entries()) {
              const client = index as 0 | 1;
              await b.sync();
              await observe(client);
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
                // The kept values go to Salesforce again: edits made with Salesforce's values seen.
                const kept = await b.db.plans.get(conflict.planKey);
                if (kept && conflict.table === 'plans' && !conflict.localDeleted) {
                  const chosen = conflict.remoteDeleted
                    ? [...fields]
                    : conflict.fields.map((f) => f.field).filter(isField);
                  for (const f of chosen) model.edit(client, conflict.planKey, f, textOf(kept[f]), 'after-conflict');
                }
              }
              for (const rejection of rejections) {
                await resolveRejection(b.db, rejection, 'discard', new Date());
              }
              if (conflicts.length + rejections.length > 0) {
                await b.sync();
                await observe(client);
              }
            }
          }

          const remote = salesforcePlans();
          // No record twice.
          expect(new Set(remote.map((p) => p.Plan_Key__c)).size).toBe(remote.length);
          // Every acknowledged edit was replaced only by one that had seen it or shown a conflict.
          expect(model.silentOverwrites()).toEqual([]);
          // Each field holds the last value Salesforce acknowledged for it.
          for (const p of remote) {
            for (const f of fields) {
              expect({ plan: p.Plan_Key__c, field: f, value: textOf(p[salesforceField[f]]) }).toEqual({
                plan: p.Plan_Key__c,
                field: f,
                value: model.last(String(p.Plan_Key__c), f),
              });
            }
          }
          // A plan Salesforce once held and holds no more was deleted by a browser.
          const there = new Set(remote.map((p) => String(p.Plan_Key__c)));
          for (const planKey of model.plansEverAcknowledged()) {
            if (!there.has(planKey))
              expect({ planKey, deleted: model.wasDeleted(planKey) }).toEqual({ planKey, deleted: true });
          }
          for (const b of browsers) {
            expect(await b.db.outbox.count()).toBe(0);
            expect(await b.db.conflicts.count()).toBe(0);
            const local = await plansOf(b);
            expect(local.map((p) => p.planKey)).toEqual(remote.map((p) => String(p.Plan_Key__c)).sort());
            for (const plan of local) {
              const inSalesforce = remote.find((p) => p.Plan_Key__c === plan.planKey);
              for (const f of fields) {
                expect(plan[f]).toBe(textOf(inSalesforce?.[salesforceField[f]]));
                // Nothing invented: every value is one somebody wrote.
                expect(written.has(plan[f]) || plan[f] === '').toBe(true);
              }
            }
          }
        }),
        { numRuns: runs, seed },
      );
    },
    timeLimitMs,
  );
});

/**
 * The edits Salesforce acknowledged, in its order. A browser's edit waits as pending until its
 * value shows in Salesforce after that browser's sync; it remembers what the browser's synced
 * copy held when it was made (`seen`), or that it was made on a conflict the rep resolved.
 */
function acknowledgements() {
  type Key = string;
  const keyOf = (planKey: string, field: Field): Key => `${planKey}:${field}`;
  const last = new Map<Key, string>();
  const pending = new Map<
    string,
    { client: 0 | 1; planKey: string; field: Field; value: string; seen: string | undefined | 'after-conflict' }
  >();
  /** Per browser and field: the acknowledgement count when it last showed a conflict. */
  const conflictAt = new Map<string, number>();
  /** Per field: the acknowledgement count when its last value was acknowledged. */
  const acknowledgedAt = new Map<Key, number>();
  const planKeys = new Set<string>();
  const deletions = new Set<string>();
  const violations: string[] = [];
  let count = 0;

  function record(planKey: string, field: Field, value: string) {
    count += 1;
    last.set(keyOf(planKey, field), value);
    acknowledgedAt.set(keyOf(planKey, field), count);
    planKeys.add(planKey);
  }

  return {
    /** A direct edit in Salesforce (or what it held at the start): acknowledged as it answered. */
    direct(planKey: string, field: Field, value: string) {
      record(planKey, field, value);
    },
    edit(client: 0 | 1, planKey: string, field: Field, value: string, seen: string | undefined | 'after-conflict') {
      // A newer edit of the same field replaces one not sent yet (the push sends the record as it is).
      pending.set(`${client}:${keyOf(planKey, field)}`, { client, planKey, field, value, seen });
    },
    deleted(planKey: string) {
      deletions.add(planKey);
    },
    conflictShown(client: 0 | 1, planKey: string, conflicted: readonly Field[]) {
      for (const field of conflicted) conflictAt.set(`${client}:${keyOf(planKey, field)}`, count);
    },
    acknowledge(client: 0 | 1, salesforce: Record<string, unknown>[]) {
      const byKey = new Map(salesforce.map((p) => [String(p.Plan_Key__c), p]));
      for (const [id, edit] of pending) {
        if (edit.client !== client) continue;
        const there = byKey.get(edit.planKey);
        if (!there || textOf(there[salesforceField[edit.field]]) !== edit.value) continue;
        pending.delete(id);
        const key = keyOf(edit.planKey, edit.field);
        const previous = last.get(key);
        const knew =
          previous === undefined ||
          previous === edit.value ||
          edit.seen === previous ||
          (edit.seen === 'after-conflict' &&
            (conflictAt.get(`${client}:${key}`) ?? -1) >= (acknowledgedAt.get(key) ?? 0)) ||
          // A value that was never in Salesforce's order (a new plan's empty fields) is no one's edit.
          (previous === '' && edit.seen === undefined);
        if (!knew) {
          violations.push(
            `browser ${client} wrote ${edit.field}=${edit.value} of ${edit.planKey} over ${previous}, ` +
              `having seen ${String(edit.seen)}, with no conflict shown`,
          );
        }
        record(edit.planKey, edit.field, edit.value);
      }
    },
    last(planKey: string, field: Field): string {
      return last.get(keyOf(planKey, field)) ?? '';
    },
    silentOverwrites: () => violations,
    plansEverAcknowledged: () => [...planKeys],
    wasDeleted: (planKey: string) => deletions.has(planKey),
  };
}
