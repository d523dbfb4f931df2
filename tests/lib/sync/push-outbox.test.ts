import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncedTable } from '../../../lib/db/outbox-entry';
import { PrecallDb } from '../../../lib/db/precall-db';
import { hasSendable, pushOutbox } from '../../../lib/sync/push-outbox';
import type { SaveResult } from '../../../lib/sync/salesforce-client';
import { type FakeAnswers, fakeSync, page, refused, saved } from './support/fake-salesforce';
import {
  manager,
  now,
  objectionKey,
  objectionValues as objectionValuesOf,
  otherPlanKey,
  planValues as planValuesOf,
  rep,
  siblingKey,
} from './support/synced-rows';

const planKey = 'a1111111-1111-4111-8111-11111111111b';
const planId = 'a01000000000001AAA';

let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`push-outbox-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

/** Salesforce refused this record's changes up to entry `seq`. */
const rejectedAt = (seq: number, table: SyncedTable = 'plans', key = planKey) =>
  db.rejections.put({ table, key, planKey, seq, code: 'X', message: 'No', fields: [], at: '' });

const planValues = (key = planKey) => planValuesOf(key);
const objectionValues = (key = objectionKey) => objectionValuesOf(key);

async function plan(key = planKey, options: { synced?: boolean; change?: Record<string, unknown> } = {}) {
  const values = planValues(key);
  await db.plans.put({ ...values, ...options.change } as never);
  if (options.synced !== false) {
    await db.bases.put({ table: 'plans', key, planKey: key, salesforceId: `a01${key}`, systemModstamp: 'm1', values });
  }
}
async function objection(
  key = objectionKey,
  options: { plan?: string; synced?: boolean; change?: Record<string, unknown> } = {},
) {
  const values = objectionValues(key);
  const of = options.plan ?? planKey;
  await db.objections.put({ ...values, ...options.change, objectionKey: key, planKey: of } as never);
  if (options.synced !== false) {
    await db.bases.put({
      table: 'objections',
      key,
      planKey: of,
      salesforceId: `a02${key}`,
      systemModstamp: 'm1',
      values,
    });
  }
}
const change = (table: SyncedTable, key: string, op: 'upsert' | 'delete' = 'upsert', of = planKey) =>
  db.outbox.add({ table, key, op, planKey: of, at: now.toISOString() });

const push = (answers: FakeAnswers = {}, userId = rep) => {
  const fake = fakeSync(db, answers, { now: () => now, userId });
  return { ...fake, report: pushOutbox(fake.ctx) };
};
const upserts = (calls: ReturnType<typeof push>['calls']) => calls.flatMap((c) => (c.kind === 'upsert' ? [c] : []));

describe('what a push sends', () => {
  it('nothing waiting: no request and no progress', async () => {
    const { report, calls, progress } = push();
    expect(await report).toEqual({ acknowledged: 0, rejected: 0, waiting: 0, requests: 0 });
    expect(calls).toEqual([]);
    expect(progress).toEqual([]);
  });

  it('a plan Salesforce never confirmed goes with every field the rep writes, on its External ID', async () => {
    await plan(planKey, { synced: false });
    await change('plans', planKey);
    const { report, calls } = push();
    expect(await report).toEqual({ acknowledged: 1, rejected: 0, waiting: 0, requests: 1 });
    const [sent] = upserts(calls);
    expect(sent?.sobject).toBe('Call_Plan__c');
    expect(sent?.externalIdField).toBe('Plan_Key__c');
    expect(Object.keys(sent?.records[0] ?? {})).toEqual(
      expect.arrayContaining(['Plan_Key__c', 'Goal__c', 'Best_Next_Step__c', 'Call_At__c', 'Opportunity__c']),
    );
    expect(sent?.records[0]).not.toHaveProperty('Coach_Note__c');
  });

  it('a synced plan sends only the fields that differ from the last synced copy', async () => {
    await plan(planKey, { change: { goal: 'Close the pilot' } });
    await change('plans', planKey);
    const { report, calls } = push();
    await report;
    expect(upserts(calls)[0]?.records).toEqual([
      { attributes: { type: 'Call_Plan__c' }, Plan_Key__c: planKey, Goal__c: 'Close the pilot' },
    ]);
  });

  it("a manager sends only the coaching note on a rep's plan", async () => {
    await plan(planKey, { change: { goal: 'Close the pilot', coachNote: 'Ask for the pilot' } });
    await change('plans', planKey);
    const { report, calls } = push({}, manager);
    await report;
    expect(upserts(calls)[0]?.records).toEqual([
      { attributes: { type: 'Call_Plan__c' }, Plan_Key__c: planKey, Coach_Note__c: 'Ask for the pilot' },
    ]);
  });

  it("a manager sends nothing of a rep's objection, which the rep alone writes", async () => {
    await plan();
    await objection(objectionKey, { change: { response: 'Mine' } });
    await change('objections', objectionKey);
    const { report, calls } = push({}, manager);
    expect(await report).toMatchObject({ acknowledged: 1, requests: 0 });
    expect(calls).toEqual([]);
  });

  it('a record whose changes were undone is settled without a request', async () => {
    await plan();
    await change('plans', planKey);
    await rejectedAt(0);
    const { report, calls, progress } = push();
    expect(await report).toEqual({ acknowledged: 1, rejected: 0, waiting: 0, requests: 0 });
    expect(calls).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejections.count()).toBe(0);
    expect(progress).toEqual([{ phase: 'push', done: 1, total: 1 }]);
  });

  it('plans go before objections, deletes last, each at its step, with progress', async () => {
    await plan(planKey, { change: { goal: 'Close the pilot' } });
    await objection(objectionKey, { change: { response: 'Mine' } });
    await plan(otherPlanKey);
    await db.plans.delete(otherPlanKey);
    await change('objections', objectionKey);
    await change('plans', otherPlanKey, 'delete', otherPlanKey);
    await change('plans', planKey);
    const { report, steps, progress } = push();
    expect(await report).toEqual({ acknowledged: 3, rejected: 0, waiting: 0, requests: 3 });
    expect(steps).toEqual([
      'checkpoint push plans',
      'upsert Call_Plan__c',
      'checkpoint push objections',
      'upsert Call_Plan_Objection__c',
      'checkpoint push deletes',
      'destroy',
    ]);
    expect(progress).toEqual([
      { phase: 'push', done: 1, total: 3 },
      { phase: 'push', done: 2, total: 3 },
      { phase: 'push', done: 3, total: 3 },
    ]);
  });

  it('sends at most 200 records a request', async () => {
    const keys = Array.from({ length: 201 }, () => crypto.randomUUID());
    for (const key of keys) {
      await plan(key, { change: { goal: 'Close the pilot' } });
      await change('plans', key, 'upsert', key);
    }
    const { report, calls } = push();
    expect(await report).toMatchObject({ acknowledged: 201, requests: 2 });
    expect(upserts(calls).map((c) => c.records.length)).toEqual([200, 1]);
  });
});

describe('an objection of a plan Salesforce does not have yet', () => {
  it.each([
    ['a new objection goes once its new plan is confirmed in the same run', false, [saved(planId)], 2, 0],
    [
      'a new objection waits when its new plan is not confirmed',
      false,
      [refused('UNABLE_TO_LOCK_ROW', 'Locked')],
      1,
      2,
    ],
    ['a synced objection goes whatever its plan', true, [refused('UNABLE_TO_LOCK_ROW', 'Locked')], 2, 1],
  ] as const)('%s', async (_, objectionSynced, planAnswer, requests, waiting) => {
    await plan(planKey, { synced: false });
    await objection(objectionKey, { synced: objectionSynced, change: { response: 'Mine' } });
    await change('plans', planKey);
    await change('objections', objectionKey);
    const { report, calls } = push({
      upsert: (sobject, records) =>
        sobject === 'Call_Plan__c' ? [...planAnswer] : records.map(() => saved('a02000000000001AAA')),
    });
    expect(await report).toMatchObject({ requests, waiting });
    const sent = upserts(calls).find((c) => c.sobject === 'Call_Plan_Objection__c');
    if (sent) {
      expect(sent.externalIdField).toBe('Objection_Key__c');
      expect(sent.records[0]?.Call_Plan__r).toEqual(objectionSynced ? undefined : { Plan_Key__c: planKey });
    }
  });
});

describe('which waiting records are sent', () => {
  it.each([
    ['a changed record', async () => {}, true],
    [
      'a record in conflict',
      () =>
        db.conflicts.put({
          table: 'plans',
          key: planKey,
          planKey,
          fields: [],
          remoteDeleted: true,
          remoteModstamp: null,
          detectedAt: '',
        }),
      false,
    ],
    ['a rejected record the rep has not changed since', () => rejectedAt(2), false],
    ['a rejected record the rep changed since', () => rejectedAt(1), true],
  ] as const)('%s', async (_, arrange, sent) => {
    await plan(planKey, { change: { goal: 'Close the pilot' } });
    await change('plans', planKey);
    await change('plans', planKey);
    await arrange();
    expect(await hasSendable(db)).toBe(sent);
    const { report, calls } = push();
    await report;
    expect(calls.length).toBe(sent ? 1 : 0);
  });

  it('an empty outbox has nothing to send', async () => {
    expect(await hasSendable(db)).toBe(false);
  });
});

describe("Salesforce's answer to an upsert", () => {
  it('the values going out are remembered before the request', async () => {
    await plan(planKey, { change: { goal: 'Close the pilot' } });
    await change('plans', planKey);
    let remembered: unknown;
    await push({
      upsert: async (_, records) => {
        remembered = (await db.outbox.toArray())[0]?.sent;
        return records.map(() => saved(planId));
      },
    }).report;
    expect(remembered).toEqual({ goal: 'Close the pilot' });
  });

  it('a confirmed update becomes the synced copy, and the entries it covered go', async () => {
    await plan(planKey, { change: { goal: 'Close the pilot' } });
    await change('plans', planKey);
    await rejectedAt(0);
    await push({
      upsert: async () => {
        await change('plans', planKey);
        return [saved(planId)];
      },
    }).report;
    expect(await db.bases.get(['plans', planKey])).toEqual({
      table: 'plans',
      key: planKey,
      planKey,
      salesforceId: planId,
      systemModstamp: 'm1',
      values: { ...planValues(), goal: 'Close the pilot' },
    });
    expect(await db.outbox.toCollection().primaryKeys()).toEqual([2]);
    expect(await db.rejections.count()).toBe(0);
  });

  it('a confirmed insert holds every field as it is here', async () => {
    await plan(planKey, { synced: false, change: { coachNote: 'Ask for the pilot' } });
    await change('plans', planKey);
    await push({ upsert: () => [saved(planId)] }).report;
    const base = await db.bases.get(['plans', planKey]);
    expect(base).toMatchObject({ salesforceId: planId, systemModstamp: '' });
    expect(base?.values).toMatchObject({ goal: 'Agree the pilot scope', coachNote: 'Ask for the pilot', ownerId: rep });
  });

  it.each([
    [
      "a refused record is rejected with Salesforce's reason",
      refused('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Goal is too vague', ['Goal__c']),
      { acknowledged: 0, rejected: 1, waiting: 0 },
      [
        {
          table: 'plans',
          key: planKey,
          planKey,
          seq: 1,
          code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          message: 'Goal is too vague',
          fields: ['Goal__c'],
          at: now.toISOString(),
        },
      ],
    ],
    ['a locked record waits', refused('UNABLE_TO_LOCK_ROW', 'Locked'), { rejected: 0, waiting: 1 }, []],
    ['a success without an id waits', { success: true, errors: [] }, { acknowledged: 0, waiting: 1 }, []],
  ] as const)('%s', async (_, answer, counts, rejections) => {
    await plan(planKey, { change: { goal: 'Close the pilot' } });
    await change('plans', planKey);
    const { report } = push({ upsert: () => [answer as SaveResult] });
    expect(await report).toMatchObject(counts);
    expect(await db.rejections.toArray()).toEqual(rejections);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.bases.get(['plans', planKey]))?.values.goal).toBe('Agree the pilot scope');
  });

  it('an answer with a different number of results stops the push', async () => {
    await plan(planKey, { change: { goal: 'Close the pilot' } });
    await change('plans', planKey);
    await expect(push({ upsert: () => [] }).report).rejects.toMatchObject({
      kind: 'error',
      code: 'MALFORMED_RESPONSE',
      message: 'Salesforce answered 0 results for 1 records',
    });
  });
});

describe('deleting in Salesforce', () => {
  beforeEach(async () => {
    await plan();
    await objection(objectionKey);
    await objection(siblingKey);
  });

  it('a deleted plan goes by its Salesforce id, its objections with it', async () => {
    await db.plans.delete(planKey);
    await db.objections.bulkDelete([objectionKey, siblingKey]);
    await change('objections', objectionKey, 'delete');
    await change('plans', planKey, 'delete');
    const { report, calls } = push();
    expect(await report).toEqual({ acknowledged: 1, rejected: 0, waiting: 0, requests: 1 });
    expect(calls).toEqual([{ kind: 'destroy', ids: [`a01${planKey}`] }]);
    expect(await db.bases.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it("a confirmed plan delete keeps an objection that is still here, and forgets the others' waiting state", async () => {
    await db.plans.delete(planKey);
    await db.objections.delete(siblingKey);
    await rejectedAt(0, 'objections', siblingKey);
    await rejectedAt(0);
    await change('plans', planKey, 'delete');
    await push().report;
    expect(await db.bases.toCollection().primaryKeys()).toEqual([['objections', objectionKey]]);
    expect(await db.rejections.count()).toBe(0);
  });

  it('a deleted objection of a plan that stays goes on its own', async () => {
    await db.objections.delete(objectionKey);
    await change('objections', objectionKey, 'delete');
    const { report, calls } = push();
    expect(await report).toMatchObject({ acknowledged: 1, requests: 1 });
    expect(calls).toEqual([{ kind: 'destroy', ids: [`a02${objectionKey}`] }]);
    expect(await db.bases.get(['objections', objectionKey])).toBeUndefined();
    expect(await db.bases.get(['objections', siblingKey])).toBeDefined();
  });

  it.each([
    ['already deleted there: done', refused('ENTITY_IS_DELETED', 'Deleted'), { acknowledged: 1 }, 0, 0],
    ['refused: rejected with the reason', refused('DELETE_FAILED', 'In use'), { rejected: 1 }, 1, 1],
    ['locked: waits', refused('UNABLE_TO_LOCK_ROW', 'Locked'), { waiting: 1 }, 0, 1],
  ] as const)('%s', async (_, answer, counts, rejections, left) => {
    await db.objections.delete(objectionKey);
    await change('objections', objectionKey, 'delete');
    const { report } = push({ destroy: () => [answer] });
    expect(await report).toMatchObject(counts);
    expect(await db.rejections.count()).toBe(rejections);
    expect(await db.outbox.count()).toBe(left);
    if (rejections) {
      expect(await db.rejections.get(['objections', objectionKey])).toMatchObject({
        code: 'DELETE_FAILED',
        message: 'In use',
        seq: 1,
        at: now.toISOString(),
      });
    }
  });

  it('an answer with a different number of results stops the deletes', async () => {
    await db.objections.delete(objectionKey);
    await change('objections', objectionKey, 'delete');
    await expect(push({ destroy: () => [] }).report).rejects.toMatchObject({
      code: 'MALFORMED_RESPONSE',
      message: 'Salesforce answered 0 results for 1 records',
    });
  });
});

describe('a record created here and deleted before Salesforce answered', () => {
  const sentEarlier = async (table: SyncedTable, key: string, of = key) => {
    await db.outbox.add({ table, key, op: 'upsert', planKey: of, at: '', sent: { goal: 'x' } });
    await db.outbox.add({ table, key, op: 'delete', planKey: of, at: '' });
  };

  it('is looked for by External ID, whatever its case, and deleted where Salesforce has it', async () => {
    const typedKey = 'C3333333-3333-4333-8333-33333333333D';
    await sentEarlier('plans', planKey);
    await sentEarlier('plans', otherPlanKey);
    await sentEarlier('objections', typedKey, planKey);
    const { report, calls } = push({
      query: (soql) =>
        page(
          soql.includes('Call_Plan__c')
            ? [{ Id: planId, Plan_Key__c: planKey.toUpperCase() }]
            : [{ Id: 'a02000000000001AAA', Objection_Key__c: typedKey.toLowerCase() }],
        ),
    });
    expect(await report).toEqual({ acknowledged: 3, rejected: 0, waiting: 0, requests: 3 });
    expect(calls).toEqual([
      {
        kind: 'query',
        soql: `SELECT Id, Plan_Key__c FROM Call_Plan__c WHERE Plan_Key__c IN ('${planKey}', '${otherPlanKey}')`,
        all: false,
      },
      {
        kind: 'query',
        soql: `SELECT Id, Objection_Key__c FROM Call_Plan_Objection__c WHERE Objection_Key__c IN ('${typedKey}')`,
        all: false,
      },
      { kind: 'destroy', ids: [planId, 'a02000000000001AAA'] },
    ]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('is not looked for when its key could not be an External ID', async () => {
    await sentEarlier('plans', 'not-a-key');
    const { report, calls } = push();
    expect(await report).toEqual({ acknowledged: 1, rejected: 0, waiting: 0, requests: 0 });
    expect(calls).toEqual([]);
  });

  it('one never sent is settled without asking', async () => {
    await change('plans', planKey, 'upsert');
    await change('plans', planKey, 'delete');
    const { report, calls } = push();
    expect(await report).toEqual({ acknowledged: 1, rejected: 0, waiting: 0, requests: 0 });
    expect(calls).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });
});
