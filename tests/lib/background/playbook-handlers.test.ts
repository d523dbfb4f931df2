import { describe, expect, it, vi } from 'vitest';
import { createPlaybookHandlers } from '../../../lib/background/playbook-handlers';
import type { Session } from '../../../lib/messaging/protocol';
import type { SyncService } from '../../../lib/sync/sync-service';
import { openTeamDb, proposalPlaybook, storePulled, team } from '../db/playbook-team';

const now = new Date('2026-03-04T12:00:00.000Z');
const origin = 'https://acme.lightning.force.com';
const as = (userId: string) => ({ dbName: 'playbook', userId }) as Session;

function handlers(sync?: SyncService) {
  const writes: string[] = [];
  const made = createPlaybookHandlers({ now: () => now, sync, onLocalWrite: (session) => writes.push(session.userId) });
  return { ...made, writes };
}

describe('the team playbook through the background', () => {
  it('a manager saves their team’s playbook: one write for sync, none when nothing changed', async () => {
    const db = await openTeamDb();
    const { 'playbook:save': save, writes } = handlers();
    const bundle = proposalPlaybook('Northwind way', true, now);
    const view = await save({ origin, bundle }, db, as(team.morgan));
    expect(view).toMatchObject({ bundle: { playbook: { name: 'Northwind way' } }, canEdit: true });
    expect(writes).toEqual([team.morgan]);
    await save({ origin, bundle }, db, as(team.morgan));
    expect(writes).toEqual([team.morgan]);
  });

  it("a rep may not save one, nor a manager another manager's", async () => {
    const db = await openTeamDb();
    const { 'playbook:save': save, writes } = handlers();
    const bundle = proposalPlaybook('Riley’s own way', false, now);
    await expect(save({ origin, bundle }, db, as(team.riley))).rejects.toMatchObject({
      code: 'read-only',
      message: "Only a team's manager edits its playbook; reps read it",
    });
    const averys = proposalPlaybook('The org’s default', true, now);
    await storePulled(db, averys, team.avery);
    await db.users.put({
      id: '0055g00000Rep01AAB',
      name: 'Rep of Avery',
      managerId: team.avery,
      fetchedAt: now.toISOString(),
    });
    await expect(save({ origin, bundle: averys }, db, as(team.morgan))).rejects.toMatchObject({
      code: 'read-only',
      message: "This playbook is another manager's: you can read it, not change it",
    });
    expect(writes).toEqual([]);
  });

  it('reads the playbook after a sync run only when asked to refresh', async () => {
    const db = await openTeamDb();
    const run = vi.fn(async () => ({ ok: true }));
    const { 'playbook:get': get } = handlers({ run } as unknown as SyncService);
    await get({ origin }, db, as(team.riley));
    expect(run).not.toHaveBeenCalled();
    await get({ origin, refresh: true }, db, as(team.riley));
    expect(run).toHaveBeenCalledWith(as(team.riley), db, { caches: true });
    // Without sync, a refresh reads what is here.
    await expect(handlers()['playbook:get']({ origin, refresh: true }, db, as(team.riley))).resolves.toBeDefined();
  });

  it('refuses adherence over a time zone that does not exist as a bad question', async () => {
    const db = await openTeamDb();
    const adherence = handlers()['playbook:adherence'];
    const period = { origin, from: '2026-02-09', to: '2026-03-04' };
    await expect(adherence({ ...period, timeZone: 'UTC' }, db, as(team.morgan))).resolves.toBeDefined();
    await expect(adherence({ ...period, timeZone: 'Mars/Olympus_Mons' }, db, as(team.morgan))).rejects.toMatchObject({
      code: 'invalid-message',
    });
  });
});
