import { describe, expect, it } from 'vitest';
import { userIds } from '../../../demo/org/seed-data';
import { request } from '../../../lib/messaging/client';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { withPlaybookReadiness } from '../../../lib/model/playbook/badge-readiness';
import { databaseOf, proposalPlaybook, seedTeam, storePulledPlaybook } from '../../components/playbook-fixtures';
import { createTestBackground, extensionId, testOrigin } from '../../support/background';
import { stalledSummary } from '../../support/badge-summaries';

const now = new Date('2026-03-10T09:00:00.000Z');
const tomorrow = new Date(now.getTime() + 24 * 3600_000).toISOString();
const opportunityId = '0065g00000Nwd01AAB';
const contentScript = {
  id: extensionId,
  url: `${testOrigin}/lightning/o/Opportunity/list`,
  tab: { id: 7 },
  frameId: 0,
};

async function badgeOf(plan: CallPlan, stageName = 'Proposal/Price Quote') {
  const background = createTestBackground({ now: () => now });
  const db = await databaseOf(background.send, background.db);
  await seedTeam(db, now.toISOString());
  await storePulledPlaybook(db, proposalPlaybook(now), userIds.morgan);
  await db.opportunities.put({
    id: opportunityId,
    name: 'Northwind',
    stageName,
    closeDate: null,
    amount: null,
    ownerId: userIds.riley,
    accountId: null,
    accountName: null,
    isClosed: false,
    isWon: false,
    fetchedAt: now.toISOString(),
  });
  await request(background.send, 'plan:save', { origin: testOrigin, plan });
  const reply = (await background.handle(
    { precall: 1, type: 'badges:get', payload: { origin: testOrigin, opportunityIds: [opportunityId] } },
    contentScript,
  )) as { ok: true; data: Record<string, { label: string; accessibleName: string; card: { notes: string[] } | null }> };
  return reply.data[opportunityId];
}

const base = (changes: Partial<CallPlan> = {}): CallPlan => ({
  ...newCallPlan(opportunityId, now),
  callAt: tomorrow,
  goal: 'Agree the pilot scope',
  bestNextStep: 'Signed pilot order',
  ...changes,
});

describe("badges say when the next call's plan is not ready by the playbook", () => {
  it('a planned call whose plan misses what the playbook asks', async () => {
    const badge = await badgeOf(base());
    expect(badge?.label).toBe('Planned tomorrow, not ready');
    expect(badge?.accessibleName).toContain('not ready by the playbook (3 to do)');
    expect(badge?.card?.notes[0]).toBe(
      'Playbook: not ready, missing Minimum next step, At least 1 expected objection, Budget confirmed',
    );
  });

  it('a ready plan keeps its plain words', async () => {
    const badge = await badgeOf(
      base({
        minimumNextStep: 'Workshop',
        budget: 'Confirmed',
        objections: [{ ...newObjection(0, true), objection: 'Too expensive' }],
      }),
    );
    expect(badge?.label).toBe('Planned tomorrow');
    expect(badge?.card?.notes.some((note) => note.startsWith('Playbook'))).toBe(false);
  });

  it('a stage the playbook asks nothing of keeps its plain words', async () => {
    expect((await badgeOf(base(), 'Prospecting'))?.label).toBe('Planned tomorrow');
  });

  it('only planned calls are marked', () => {
    const summary = stalledSummary();
    expect(withPlaybookReadiness(summary, { kind: 'not-ready', items: [], missing: 1 })).toBe(summary);
  });
});
