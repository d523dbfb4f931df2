import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncedTable } from '../../../lib/db/outbox-entry';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { ConflictField } from '../../../lib/db/sync-conflict';
import { type ConflictResolution, ResolutionError, resolveConflict } from '../../../lib/sync/resolve-conflict';
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

const planKey = '11111111-1111-4111-8111-111111111111';

let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`resolve-conflict-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

const planValues = (key = planKey) => planValuesOf(key);
const objectionValues = (key = objectionKey) => objectionValuesOf(key);

async function syncedPlan(key = planKey, change: Record<string, unknown> = {}) {
  const values = planValues(key);
  await db.plans.put({ ...values, ...change } as never);
  await db.bases.put({ table: 'plans', key, planKey: key, salesforceId: 'a01', systemModstamp: 'm1', values });
}
async function syncedObjection(key = objectionKey, plan = planKey, change: Record<string, unknown> = {}) {
  const values = objectionValues(key);
  await db.objections.put({ ...values, ...change, objectionKey: key, planKey: plan } as never);
  await db.bases.put({
    table: 'objections',
    key,
    planKey: plan,
    salesforceId: `a02${key}`,
    systemModstamp: 'm1',
    values,
  });
}
const conflictOn = (
  table: SyncedTable,
  key: string,
  fields: ConflictField[],
  more: { remoteDeleted?: boolean; localDeleted?: boolean } = {},
) =>
  db.conflicts.put({
    table,
    key,
    planKey,
    fields,
    remoteDeleted: more.remoteDeleted ?? false,
    ...(more.localDeleted ? { localDeleted: true } : {}),
    remoteModstamp: 'm2',
    detectedAt: now.toISOString(),
  });
const queue = (table: SyncedTable, key: string, op: 'upsert' | 'delete' = 'upsert') =>
  db.outbox.add({ table, key, op, planKey, at: '2026-03-09T00:00:00.000Z' });
const resolve = (table: SyncedTable, key: string, resolution: ConflictResolution, userId = rep) =>
  resolveConflict(db, userId, { table, key }, resolution, now);
const waiting = async () => (await db.outbox.toArray()).map(({ table, key, op }) => `${op} ${table} ${key}`);

const goal: ConflictField = { field: 'goal', base: 'Agree the pilot scope', local: 'Mine', remote: 'Theirs' };
const nextStep: ConflictField = {
  field: 'bestNextStep',
  base: 'Pilot order signed',
  local: 'My step',
  remote: 'Their step',
};

describe('a choice that does not fit the conflict is refused, and nothing changes', () => {
  it.each([
    ['no conflict any more', null, { kind: 'delete' }, 'This conflict was already resolved'],
    [
      'deleted in Salesforce, answered field by field',
      { remoteDeleted: true },
      { kind: 'fields', choices: {} },
      'Choose to restore or to accept the deletion',
    ],
    [
      'deleted here, answered field by field',
      { localDeleted: true },
      { kind: 'fields', choices: {} },
      'Choose to keep the record or to delete it',
    ],
    ['edited on both sides, answered by restoring', {}, { kind: 'restore' }, 'Choose a value for each field'],
    ['edited on both sides, answered by deleting', {}, { kind: 'delete' }, 'Choose a value for each field'],
    [
      'edited on both sides, a field left without a choice',
      {},
      { kind: 'fields', choices: { goal: 'remote' } },
      'Choose a value for bestNextStep',
    ],
    [
      'edited on both sides, a choice that is neither side',
      {},
      { kind: 'fields', choices: { goal: 'both', bestNextStep: 'local' } },
      'Choose a value for goal',
    ],
  ] as const)('%s', async (_, kind, resolution, message) => {
    await syncedPlan(planKey, { goal: 'Mine', bestNextStep: 'My step' });
    if (kind) await conflictOn('plans', planKey, [goal, nextStep], kind);
    const before = await db.plans.get(planKey);
    const error = await resolve('plans', planKey, resolution as ConflictResolution).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResolutionError);
    expect(error).toMatchObject({ name: 'ResolutionError', message });
    expect(await db.plans.get(planKey)).toEqual(before);
    expect(await db.conflicts.count()).toBe(kind ? 1 : 0);
  });

  it('a plan deleted here that Salesforce never confirmed cannot be kept', async () => {
    await conflictOn('plans', planKey, [goal], { localDeleted: true });
    await expect(resolve('plans', planKey, { kind: 'restore' })).rejects.toThrow(
      'Nothing is known of this record in Salesforce',
    );
  });

  it('a record no longer here cannot take field choices', async () => {
    await conflictOn('plans', planKey, [goal]);
    await expect(resolve('plans', planKey, { kind: 'fields', choices: { goal: 'local' } })).rejects.toThrow(
      'This record is no longer here',
    );
  });
});

describe('a plan deleted in Salesforce while the rep edited it', () => {
  beforeEach(async () => {
    await syncedPlan(planKey, { goal: 'Mine' });
    await syncedObjection(objectionKey);
    await syncedObjection(siblingKey, otherPlanKey);
    await db.conflicts.put({
      table: 'objections',
      key: objectionKey,
      planKey,
      fields: [],
      remoteDeleted: true,
      remoteModstamp: null,
      detectedAt: now.toISOString(),
    });
    await conflictOn('plans', planKey, [], { remoteDeleted: true });
    await queue('plans', planKey);
  });

  it('accepting the deletion forgets the plan with its objections', async () => {
    await resolve('plans', planKey, { kind: 'delete' });
    expect(await db.plans.get(planKey)).toBeUndefined();
    expect(await db.objections.where('planKey').equals(planKey).count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.objections.get(siblingKey)).toBeDefined();
  });

  it('restoring it creates it again in Salesforce, with its objections', async () => {
    await resolve('plans', planKey, { kind: 'restore' });
    expect((await db.plans.get(planKey))?.goal).toBe('Mine');
    expect(await db.bases.get(['plans', planKey])).toBeUndefined();
    expect(await db.bases.get(['objections', objectionKey])).toBeUndefined();
    expect(await db.bases.get(['objections', siblingKey])).toBeDefined();
    expect(await db.conflicts.count()).toBe(0);
    expect(await waiting()).toEqual([
      `upsert plans ${planKey}`,
      `upsert plans ${planKey}`,
      `upsert objections ${objectionKey}`,
    ]);
    expect((await db.outbox.toArray()).slice(1)).toEqual([
      { seq: 2, table: 'plans', key: planKey, op: 'upsert', planKey, at: now.toISOString() },
      { seq: 3, table: 'objections', key: objectionKey, op: 'upsert', planKey, at: now.toISOString() },
    ]);
  });
});

describe('an objection deleted in Salesforce while the rep edited it', () => {
  beforeEach(async () => {
    await syncedPlan();
    await syncedObjection(objectionKey, planKey, { response: 'Mine' });
    await syncedObjection(siblingKey, planKey);
    await conflictOn('objections', objectionKey, [], { remoteDeleted: true });
  });

  it('accepting the deletion forgets only the objection', async () => {
    await resolve('objections', objectionKey, { kind: 'delete' });
    expect(await db.objections.get(objectionKey)).toBeUndefined();
    expect(await db.objections.get(siblingKey)).toBeDefined();
    expect(await db.plans.get(planKey)).toBeDefined();
    expect(await db.conflicts.count()).toBe(0);
  });

  it('restoring it creates only the objection again', async () => {
    await resolve('objections', objectionKey, { kind: 'restore' });
    expect(await waiting()).toEqual([`upsert objections ${objectionKey}`]);
    expect(await db.bases.get(['objections', objectionKey])).toBeUndefined();
    expect(await db.bases.get(['plans', planKey])).toBeDefined();
    expect(await db.conflicts.count()).toBe(0);
  });
});

describe('a plan deleted here while Salesforce changed it', () => {
  const theirGoal: ConflictField = { field: 'goal', base: 'Agree the pilot scope', local: null, remote: 'Theirs' };
  beforeEach(async () => {
    await syncedPlan();
    await syncedObjection(objectionKey);
    await db.plans.delete(planKey);
    await db.objections.delete(objectionKey);
    await queue('plans', planKey, 'delete');
    await queue('objections', objectionKey, 'delete');
    await conflictOn('plans', planKey, [theirGoal], { localDeleted: true });
  });

  it("letting it go keeps the delete waiting, against Salesforce's version", async () => {
    await resolve('plans', planKey, { kind: 'delete' });
    expect(await db.plans.get(planKey)).toBeUndefined();
    expect(await waiting()).toEqual([`delete plans ${planKey}`, `delete objections ${objectionKey}`]);
    expect((await db.bases.get(['plans', planKey]))?.values).toEqual({ ...planValues(), goal: 'Theirs' });
    expect(await db.conflicts.count()).toBe(0);
  });

  it("keeping it brings Salesforce's version back with its objections, and drops the deletes", async () => {
    await resolve('plans', planKey, { kind: 'restore' });
    expect(await db.plans.get(planKey)).toEqual({ ...planValues(), goal: 'Theirs' });
    expect(await db.objections.where('planKey').equals(planKey).toArray()).toEqual([
      { ...objectionValues(), objectionKey, planKey },
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.conflicts.count()).toBe(0);
  });
});

describe('an objection deleted here while Salesforce changed it', () => {
  const theirResponse: ConflictField = {
    field: 'response',
    base: 'Payback in a quarter',
    local: null,
    remote: 'Theirs',
  };
  beforeEach(async () => {
    await syncedPlan(planKey, { goal: 'Mine' });
    await queue('plans', planKey);
    await syncedObjection(objectionKey);
    await db.objections.delete(objectionKey);
    await queue('objections', objectionKey, 'delete');
    await conflictOn('objections', objectionKey, [theirResponse], { localDeleted: true });
  });

  it("keeping it brings Salesforce's version back under its plan; the plan's own change still waits", async () => {
    await resolve('objections', objectionKey, { kind: 'restore' });
    expect(await db.objections.get(objectionKey)).toEqual({
      ...objectionValues(),
      response: 'Theirs',
      objectionKey,
      planKey,
    });
    expect(await waiting()).toEqual([`upsert plans ${planKey}`]);
  });

  it('letting it go leaves it deleted here', async () => {
    await resolve('objections', objectionKey, { kind: 'delete' });
    expect(await db.objections.get(objectionKey)).toBeUndefined();
    expect(await waiting()).toEqual([`upsert plans ${planKey}`, `delete objections ${objectionKey}`]);
  });
});

describe('a plan edited on both sides, resolved field by field', () => {
  beforeEach(async () => {
    await syncedPlan(planKey, { goal: 'Mine', bestNextStep: 'My step' });
    await conflictOn('plans', planKey, [goal, nextStep]);
  });

  it("takes each chosen value, and Salesforce's values become the synced copy", async () => {
    await resolve('plans', planKey, { kind: 'fields', choices: { goal: 'remote', bestNextStep: 'local' } });
    expect(await db.plans.get(planKey)).toMatchObject({ goal: 'Theirs', bestNextStep: 'My step' });
    expect((await db.bases.get(['plans', planKey]))?.values).toEqual({
      ...planValues(),
      goal: 'Theirs',
      bestNextStep: 'Their step',
    });
    expect(await db.conflicts.count()).toBe(0);
  });

  it.each([
    ["taking Salesforce's values leaves nothing to send", 'remote', 'remote', []],
    ['keeping a local value sends it', 'remote', 'local', [`upsert plans ${planKey}`]],
    ['keeping every local value sends them', 'local', 'local', [`upsert plans ${planKey}`]],
  ] as const)('%s', async (_, goalChoice, stepChoice, sent) => {
    await resolve('plans', planKey, { kind: 'fields', choices: { goal: goalChoice, bestNextStep: stepChoice } });
    expect(await waiting()).toEqual(sent);
  });

  it('a change already waiting is not queued twice', async () => {
    await queue('plans', planKey);
    await resolve('plans', planKey, { kind: 'fields', choices: { goal: 'local', bestNextStep: 'local' } });
    expect(await db.outbox.count()).toBe(1);
  });

  it("a manager keeping a rep's field on the rep's plan sends nothing the manager may not write", async () => {
    await resolve('plans', planKey, { kind: 'fields', choices: { goal: 'local', bestNextStep: 'local' } }, manager);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('a record edited on both sides that Salesforce never confirmed', () => {
  it('sends every field once resolved', async () => {
    await db.plans.put({ ...planValues(), goal: 'Mine', bestNextStep: 'My step' } as never);
    await conflictOn('plans', planKey, [goal, nextStep]);
    await resolve('plans', planKey, { kind: 'fields', choices: { goal: 'remote', bestNextStep: 'remote' } });
    expect(await db.bases.get(['plans', planKey])).toBeUndefined();
    expect(await waiting()).toEqual([`upsert plans ${planKey}`]);
  });

  it("is sent even when the manager took Salesforce's value of the only field they write", async () => {
    const coachNote: ConflictField = {
      field: 'coachNote',
      base: '',
      local: 'Lead with value',
      remote: 'Ask for the pilot',
    };
    await db.plans.put({ ...planValues(), coachNote: 'Lead with value' } as never);
    await conflictOn('plans', planKey, [coachNote]);
    await resolve('plans', planKey, { kind: 'fields', choices: { coachNote: 'remote' } }, manager);
    expect((await db.plans.get(planKey))?.coachNote).toBe('Ask for the pilot');
    expect(await waiting()).toEqual([`upsert plans ${planKey}`]);
  });
});

describe('an objection edited on both sides, resolved field by field', () => {
  const response: ConflictField = { field: 'response', base: 'Payback in a quarter', local: 'Mine', remote: 'Theirs' };
  beforeEach(async () => {
    await syncedPlan();
    await syncedObjection(objectionKey, planKey, { response: 'Mine' });
    await conflictOn('objections', objectionKey, [response]);
  });

  it.each([
    ['the rep who owns the plan sends the kept value', rep, [`upsert objections ${objectionKey}`]],
    ["a manager on the rep's plan sends nothing", manager, []],
  ] as const)('%s', async (_, userId, sent) => {
    await resolve('objections', objectionKey, { kind: 'fields', choices: { response: 'local' } }, userId);
    expect((await db.objections.get(objectionKey))?.response).toBe('Mine');
    expect(await waiting()).toEqual(sent);
  });
});
