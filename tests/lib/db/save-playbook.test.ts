import { beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import { savePlaybook } from '../../../lib/db/save-playbook';
import type { PlaybookBundle } from '../../../lib/model/playbook/playbook';
import { curated, proposalPlaybook, stage, storePulled, team } from './playbook-team';

const pulledAt = new Date('2026-03-01T00:00:00.000Z');
const now = new Date('2026-03-10T12:00:00.000Z');
let db: PrecallDb;
let pulled: PlaybookBundle;

beforeEach(async () => {
  db = new PrecallDb(`test-${crypto.randomUUID()}`);
  const base = proposalPlaybook('Team West', false, pulledAt);
  const key = base.playbook.playbookKey;
  pulled = {
    ...base,
    stages: [...base.stages, stage(key, 'Qualification')],
    objections: [...base.objections, curated(key, 'No budget this year', 1)],
  };
  await storePulled(db, pulled, team.morgan);
});

const outbox = async () =>
  (await db.playbookOutbox.orderBy('seq').toArray()).map((e) => `${e.op} ${e.table} ${e.salesforceId ?? '-'}`);

describe('savePlaybook', () => {
  it('queues the playbook, each stage and each objection of a new playbook', async () => {
    const fresh = proposalPlaybook('Team East', false, now);
    expect(await savePlaybook(db, fresh, now, team.sam)).toEqual({ kind: 'saved', changes: 3 });
    expect(await outbox()).toEqual(['upsert playbooks -', 'upsert playbookStages -', 'upsert playbookObjections -']);
    expect(await db.playbooks.get(fresh.playbook.playbookKey)).toMatchObject({ ownerId: team.sam, salesforceId: null });
  });

  it.each([
    { change: 'its name', edit: (b: PlaybookBundle) => ({ ...b, playbook: { ...b.playbook, name: 'Team West 2' } }) },
    {
      change: 'whether it is the default',
      edit: (b: PlaybookBundle) => ({ ...b, playbook: { ...b.playbook, isDefault: true } }),
    },
  ])('queues the playbook alone when only $change changed, keeping its Salesforce id', async ({ edit }) => {
    const before = await db.playbooks.get(pulled.playbook.playbookKey);
    expect(await savePlaybook(db, edit(pulled), now, team.morgan)).toEqual({ kind: 'saved', changes: 1 });
    expect(await outbox()).toEqual(['upsert playbooks -']);
    const after = await db.playbooks.get(pulled.playbook.playbookKey);
    expect(after?.salesforceId).toBe(before?.salesforceId);
    expect(after?.updatedAt).toBe(now.toISOString());
  });

  it('writes nothing, not even the change time, when nothing changed', async () => {
    expect(await savePlaybook(db, pulled, now, team.morgan)).toEqual({ kind: 'saved', changes: 0 });
    expect(await outbox()).toEqual([]);
    // The newest playbook of a manager is the one reps work by: a no-op save must not make it newer.
    expect((await db.playbooks.get(pulled.playbook.playbookKey))?.updatedAt).toBe(pulledAt.toISOString());
  });

  it('keeps the Salesforce ids of changed stages and objections, so the push updates and does not duplicate', async () => {
    const [proposal, qualification] = pulled.stages;
    const [expensive, noBudget] = pulled.objections;
    if (!proposal || !qualification || !expensive || !noBudget) throw new Error('fixture');
    const edited = {
      ...pulled,
      stages: [{ ...proposal, guidance: 'Price last' }, qualification],
      objections: [noBudget, expensive],
    };
    expect(await savePlaybook(db, edited, now, team.morgan)).toEqual({ kind: 'saved', changes: 3 });
    expect((await db.playbookStages.get(proposal.stageKey))?.salesforceId).toBe(`a0S${proposal.stageKey.slice(0, 12)}`);
    const objections = await db.playbookObjections.where('playbookKey').equals(pulled.playbook.playbookKey).toArray();
    expect(objections.map((o) => [o.objection, o.sortOrder, o.salesforceId])).toEqual(
      expect.arrayContaining([
        ['No budget this year', 0, `a0T${noBudget.objectionKey.slice(0, 12)}`],
        ['Too expensive', 1, `a0T${expensive.objectionKey.slice(0, 12)}`],
      ]),
    );
  });

  it('deletes removed stages and objections and queues their deletes with their Salesforce ids', async () => {
    const [proposal, qualification] = pulled.stages;
    const [expensive, noBudget] = pulled.objections;
    if (!proposal || !qualification || !expensive || !noBudget) throw new Error('fixture');
    const trimmed = { ...pulled, stages: [proposal], objections: [expensive] };
    expect(await savePlaybook(db, trimmed, now, team.morgan)).toEqual({ kind: 'saved', changes: 2 });
    expect(await outbox()).toEqual([
      `delete playbookStages a0S${qualification.stageKey.slice(0, 12)}`,
      `delete playbookObjections a0T${noBudget.objectionKey.slice(0, 12)}`,
    ]);
    expect((await db.playbookOutbox.toArray()).map((e) => e.key)).toEqual([
      qualification.stageKey,
      noBudget.objectionKey,
    ]);
    expect(await db.playbookStages.get(qualification.stageKey)).toBeUndefined();
    expect(await db.playbookObjections.get(noBudget.objectionKey)).toBeUndefined();
    expect(await db.playbookStages.get(proposal.stageKey)).toBeDefined();
  });

  it("refuses another manager's playbook and writes nothing", async () => {
    const renamed = { ...pulled, playbook: { ...pulled.playbook, name: 'Mine now' } };
    expect(await savePlaybook(db, renamed, now, team.avery)).toEqual({ kind: 'not-owner', ownerId: team.morgan });
    expect(await outbox()).toEqual([]);
    expect((await db.playbooks.get(pulled.playbook.playbookKey))?.name).toBe('Team West');
  });
});
