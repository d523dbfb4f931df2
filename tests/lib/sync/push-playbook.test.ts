import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlaybookOutboxEntry } from '../../../lib/db/playbook-rows';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { PlaybookTable } from '../../../lib/sync/playbook-fields';
import { pushPlaybook } from '../../../lib/sync/push-playbook';
import { fakeSync, refused, saved } from './support/fake-salesforce';
import { now } from './support/synced-rows';

const book = '11111111-1111-4111-8111-111111111111';
const bookId = 'a0P000000000001AAA';

let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`push-playbook-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

const playbook = (salesforceId: string | null, key = book) => ({
  playbookKey: key,
  name: 'Enterprise',
  isDefault: false,
  updatedAt: now.toISOString(),
  ownerId: '005000000000002AAA',
  salesforceId,
});
const stage = (key: string, salesforceId: string | null, playbookKey = book) => ({
  stageKey: key,
  playbookKey,
  stageName: 'Negotiation',
  guidance: 'Know the walk-away',
  requiresGoal: true,
  requiresBuyerReason: false,
  requiresBestNextStep: true,
  requiresMinimumNextStep: false,
  minExpectedObjections: 2,
  confirmNeed: true,
  confirmBudget: false,
  confirmDecisionProcess: false,
  confirmTiming: false,
  requiresWalkAway: true,
  salesforceId,
});
const curated = (key: string, salesforceId: string | null, playbookKey = book) => ({
  objectionKey: key,
  playbookKey,
  stageName: 'Negotiation',
  objection: 'Price',
  response: 'Payback in a quarter',
  sortOrder: 0,
  salesforceId,
});

const change = (
  table: PlaybookTable,
  key: string,
  op: 'upsert' | 'delete' = 'upsert',
  more: Partial<PlaybookOutboxEntry> = {},
) =>
  db.playbookOutbox.add({
    table,
    key,
    op,
    salesforceId: null,
    playbookKey: book,
    at: now.toISOString(),
    ...more,
  });

const run = (answers: Parameters<typeof fakeSync>[1] = {}) => {
  const fake = fakeSync(db, answers, { now: () => now });
  return { ...fake, report: pushPlaybook(fake.ctx) };
};

describe("sending a manager's playbook changes", () => {
  it('sends nothing when nothing waits', async () => {
    const { report, calls } = run();
    expect(await report).toEqual({ acknowledged: 0, rejected: 0, waiting: 0, requests: 0 });
    expect(calls).toEqual([]);
  });

  it('sends the playbook, then its stages, then its objections, then the deletes, each at its step', async () => {
    await db.playbooks.put(playbook(bookId));
    await db.playbookStages.put(stage('stage-1', null));
    await db.playbookObjections.put(curated('curated-1', null));
    await change('playbookObjections', 'curated-1');
    await change('playbookStages', 'stage-1');
    await change('playbooks', book);
    await change('playbookStages', 'stage-gone', 'delete', { salesforceId: 'a0Q000000000009AAA' });
    const { report, steps } = run();
    expect(await report).toEqual({ acknowledged: 4, rejected: 0, waiting: 0, requests: 4 });
    expect(steps).toEqual([
      'checkpoint push Playbook__c',
      'upsert Playbook__c',
      'checkpoint push Playbook_Stage__c',
      'upsert Playbook_Stage__c',
      'checkpoint push Playbook_Objection__c',
      'upsert Playbook_Objection__c',
      'checkpoint push playbook deletes',
      'destroy',
    ]);
  });

  it('upserts on the External ID, naming the playbook only when the record is new to Salesforce', async () => {
    await db.playbooks.put(playbook(bookId));
    await db.playbookStages.bulkPut([stage('stage-new', null), stage('stage-known', 'a0Q000000000001AAA')]);
    await change('playbooks', book);
    await change('playbookStages', 'stage-new');
    await change('playbookStages', 'stage-known');
    const { report, calls } = run();
    await report;
    expect(calls.map((c) => c.kind === 'upsert' && [c.sobject, c.externalIdField])).toEqual([
      ['Playbook__c', 'Playbook_Key__c'],
      ['Playbook_Stage__c', 'Stage_Key__c'],
    ]);
    const stages = calls[1]?.kind === 'upsert' ? calls[1].records : [];
    expect(stages.map((r) => [r.Stage_Key__c, r.Playbook__r])).toEqual([
      ['stage-new', { Playbook_Key__c: book }],
      ['stage-known', undefined],
    ]);
  });

  it.each([
    ['a new stage of a playbook Salesforce does not have yet waits', null, null, false],
    ['a new stage of a playbook Salesforce has goes', bookId, null, true],
    ['a stage Salesforce has goes, whatever its playbook', null, 'a0Q000000000001AAA', true],
  ] as const)('%s', async (_, playbookId, stageId, sent) => {
    await db.playbooks.put(playbook(playbookId));
    await db.playbookStages.put(stage('stage-1', stageId));
    await change('playbookStages', 'stage-1');
    const { report, calls } = run();
    expect(await report).toMatchObject(sent ? { waiting: 0, requests: 1 } : { waiting: 1, requests: 0 });
    expect(calls.length).toBe(sent ? 1 : 0);
    expect(await db.playbookOutbox.count()).toBe(sent ? 0 : 1);
  });

  it('a new playbook goes without waiting for anything', async () => {
    await db.playbooks.put(playbook(null));
    await change('playbooks', book);
    expect(await run().report).toEqual({ acknowledged: 1, rejected: 0, waiting: 0, requests: 1 });
  });

  it('skips a change whose record is no longer here', async () => {
    await change('playbookStages', 'stage-vanished');
    const { report, calls } = run();
    expect(await report).toEqual({ acknowledged: 0, rejected: 0, waiting: 0, requests: 0 });
    expect(calls).toEqual([]);
  });

  it('sends at most 200 records a request', async () => {
    const keys = Array.from({ length: 201 }, (_, i) => `stage-${String(i).padStart(3, '0')}`);
    await db.playbookStages.bulkPut(keys.map((key) => stage(key, 'a0Q000000000001AAA')));
    for (const key of keys) await change('playbookStages', key);
    const { report, calls } = run();
    expect(await report).toMatchObject({ acknowledged: 201, requests: 2 });
    expect(calls.map((c) => (c.kind === 'upsert' ? c.records.length : 0))).toEqual([200, 1]);
  });
});

describe("Salesforce's answer to a playbook upsert", () => {
  it('a confirmed record leaves the outbox and learns its Salesforce id', async () => {
    await db.playbooks.put(playbook(null));
    await change('playbooks', book);
    await change('playbooks', book);
    await run({ upsert: () => [saved(bookId)] }).report;
    expect(await db.playbookOutbox.count()).toBe(0);
    expect((await db.playbooks.get(book))?.salesforceId).toBe(bookId);
  });

  it('an edit made while the push was out keeps its own entry', async () => {
    await db.playbooks.put(playbook(null));
    await change('playbooks', book);
    await run({
      upsert: async () => {
        await change('playbooks', book);
        return [saved(bookId)];
      },
    }).report;
    expect(await db.playbookOutbox.toCollection().primaryKeys()).toEqual([2]);
  });

  it('a confirmation without an id leaves the id as it was', async () => {
    await db.playbooks.put(playbook(bookId));
    await change('playbooks', book);
    await run({ upsert: () => [{ success: true, errors: [] }] }).report;
    expect((await db.playbooks.get(book))?.salesforceId).toBe(bookId);
  });

  it("a refused record keeps its entry with Salesforce's reason", async () => {
    await db.playbooks.put(playbook(bookId));
    await change('playbooks', book);
    await change('playbooks', book);
    const { report } = run({
      upsert: () => [refused('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Name is taken')],
    });
    expect(await report).toEqual({ acknowledged: 0, rejected: 1, waiting: 0, requests: 1 });
    expect(await db.playbookOutbox.toArray()).toEqual([
      expect.not.objectContaining({ refused: expect.anything() }),
      expect.objectContaining({
        seq: 2,
        refused: { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Name is taken', at: now.toISOString() },
      }),
    ]);
    expect((await db.playbooks.get(book))?.salesforceId).toBe(bookId);
  });

  it('a record Salesforce could not save now waits for the next run, unmarked', async () => {
    await db.playbooks.put(playbook(bookId));
    await change('playbooks', book);
    const { report } = run({ upsert: () => [refused('UNABLE_TO_LOCK_ROW', 'Locked')] });
    expect(await report).toEqual({ acknowledged: 0, rejected: 0, waiting: 1, requests: 1 });
    expect(await db.playbookOutbox.toArray()).toEqual([expect.not.objectContaining({ refused: expect.anything() })]);
  });

  it('an answer with a different number of results stops the push', async () => {
    await db.playbooks.put(playbook(bookId));
    await change('playbooks', book);
    await expect(run({ upsert: () => [] }).report).rejects.toMatchObject({
      kind: 'error',
      code: 'MALFORMED_RESPONSE',
      message: 'Salesforce answered 0 results for 1 records',
    });
    expect(await db.playbookOutbox.count()).toBe(1);
  });
});

describe('which refused changes go again', () => {
  it.each([
    ['the first change of a record goes', [false], true],
    ['a refused change the manager has not touched since stays', [true], false],
    ['a change made after a refusal goes', [true, false], true],
    ['a refusal of the newest change holds back the older ones too', [false, true], false],
  ] as const)('%s', async (_, refusals, sent) => {
    await db.playbooks.put(playbook(bookId));
    for (const wasRefused of refusals) {
      await change('playbooks', book, 'upsert', wasRefused ? { refused: { code: 'X', message: 'No', at: '' } } : {});
    }
    const { report, calls } = run();
    expect(await report).toMatchObject({ requests: sent ? 1 : 0 });
    expect(calls.length).toBe(sent ? 1 : 0);
  });
});

describe('deleting playbook records in Salesforce', () => {
  it('deletes by Salesforce id, and the entries go', async () => {
    await change('playbookObjections', 'curated-1', 'delete', { salesforceId: 'a0R000000000001AAA' });
    const { report, calls } = run();
    expect(await report).toEqual({ acknowledged: 1, rejected: 0, waiting: 0, requests: 1 });
    expect(calls).toEqual([{ kind: 'destroy', ids: ['a0R000000000001AAA'] }]);
    expect(await db.playbookOutbox.count()).toBe(0);
  });

  it('a record Salesforce never had is dropped without a request', async () => {
    await change('playbookStages', 'stage-1', 'delete', { salesforceId: null });
    const { report, calls } = run();
    expect(await report).toEqual({ acknowledged: 0, rejected: 0, waiting: 0, requests: 0 });
    expect(calls).toEqual([]);
    expect(await db.playbookOutbox.count()).toBe(0);
  });

  it('a deleted playbook takes its stages and objections along: only the playbook is sent', async () => {
    await change('playbookStages', 'stage-1', 'delete', { salesforceId: 'a0Q000000000001AAA' });
    await change('playbookObjections', 'curated-1', 'delete', { salesforceId: 'a0R000000000001AAA' });
    await change('playbookStages', 'stage-other', 'delete', {
      salesforceId: 'a0Q000000000002AAA',
      playbookKey: 'other-book',
    });
    await change('playbooks', book, 'delete', { salesforceId: bookId });
    const { report, calls } = run();
    expect(await report).toMatchObject({ acknowledged: 2, requests: 1 });
    expect(calls).toEqual([{ kind: 'destroy', ids: ['a0Q000000000002AAA', bookId] }]);
    expect(await db.playbookOutbox.count()).toBe(0);
  });

  it('a record already deleted in Salesforce counts as done', async () => {
    await change('playbooks', book, 'delete', { salesforceId: bookId });
    const { report } = run({ destroy: () => [refused('ENTITY_IS_DELETED', 'Already deleted')] });
    expect(await report).toMatchObject({ acknowledged: 1, rejected: 0 });
    expect(await db.playbookOutbox.count()).toBe(0);
  });

  it('a delete leaves the local rows and their ids alone', async () => {
    await db.playbooks.put(playbook(bookId));
    await change('playbooks', book, 'delete', { salesforceId: bookId });
    await run({ destroy: () => [saved('a0P000000000999AAA')] }).report;
    expect((await db.playbooks.get(book))?.salesforceId).toBe(bookId);
  });

  it("a refused delete keeps its entry with Salesforce's reason", async () => {
    await change('playbooks', book, 'delete', { salesforceId: bookId });
    const { report } = run({ destroy: () => [refused('DELETE_FAILED', 'In use')] });
    expect(await report).toMatchObject({ acknowledged: 0, rejected: 1 });
    expect((await db.playbookOutbox.toArray())[0]?.refused).toEqual({
      code: 'DELETE_FAILED',
      message: 'In use',
      at: now.toISOString(),
    });
  });

  it('sends at most 200 deletes a request', async () => {
    for (let i = 0; i < 201; i += 1) {
      await change('playbookStages', `stage-${i}`, 'delete', {
        salesforceId: `a0Q0000000${String(i).padStart(5, '0')}AAA`,
      });
    }
    const { report, calls } = run();
    expect(await report).toMatchObject({ acknowledged: 201, requests: 2 });
    expect(calls.map((c) => (c.kind === 'destroy' ? c.ids.length : 0))).toEqual([200, 1]);
  });

  it('an answer with a different number of results stops the deletes', async () => {
    await change('playbooks', book, 'delete', { salesforceId: bookId });
    await expect(run({ destroy: () => [saved(bookId), saved(bookId)] }).report).rejects.toMatchObject({
      code: 'MALFORMED_RESPONSE',
      message: 'Salesforce answered 2 results for 1 records',
    });
    expect(await db.playbookOutbox.count()).toBe(1);
  });
});
