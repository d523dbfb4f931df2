import { describe, expect, it, vi } from 'vitest';
import { userIds } from '../../../demo/org/seed-data';
import type { PrecallDb } from '../../../lib/db/precall-db';
import type { BadgeUpdate } from '../../../lib/messaging/badge-messages';
import type { Session } from '../../../lib/messaging/protocol';
import type { BadgeSummaries } from '../../../lib/model/badge-summary';
import { type CallPlan, newCallPlan } from '../../../lib/model/call-plan';
import { createTestBackground, extensionId, testOrigin } from '../../support/background';

const now = new Date('2026-03-10T09:00:00.000Z');
const hours = (h: number) => new Date(now.getTime() + h * 3600_000).toISOString();
const [stalledId, plannedId, emptyId] = ['0065g00000Nwd01AAB', '0065g00000Glx01AAB', '0065g00000Acm01AAB'];
const contentScript = {
  id: extensionId,
  url: `${testOrigin}/lightning/o/Opportunity/list`,
  tab: { id: 7 },
  frameId: 0,
};
const message = (opportunityIds: string[]) => ({
  precall: 1,
  type: 'badges:get',
  payload: { origin: testOrigin, opportunityIds },
});

function plan(opportunityId: string, overrides: Partial<CallPlan>): CallPlan {
  return {
    ...newCallPlan(opportunityId, new Date(hours(-72))),
    goal: 'Agree the pilot scope',
    bestNextStep: 'Signed pilot order',
    minimumNextStep: 'Pricing workshop booked',
    ...overrides,
  };
}

async function withPlans(options: Parameters<typeof createTestBackground>[0] = {}) {
  const background = createTestBackground({ now: () => now, ...options });
  const save = (p: CallPlan) =>
    background.send({ precall: 1, type: 'plan:save', payload: { origin: testOrigin, plan: p } });
  await save(
    plan(stalledId, {
      callAt: hours(-30),
      outcome: 'Continuation',
      commitment: 'Below',
      actualNextStep: 'Send references',
      outcomeAt: hours(-28),
      coachNote: '<script>alert(1)</script> Ask for the budget owner next time',
      objections: [
        {
          objectionKey: crypto.randomUUID(),
          objection: 'Price',
          response: '',
          expected: true,
          raised: true,
          handled: 'Partly',
          sortOrder: 0,
        },
        {
          objectionKey: crypto.randomUUID(),
          objection: 'Timing',
          response: '',
          expected: false,
          raised: true,
          handled: 'No',
          sortOrder: 1,
        },
        {
          objectionKey: crypto.randomUUID(),
          objection: 'Security',
          response: '',
          expected: true,
          raised: false,
          handled: null,
          sortOrder: 2,
        },
      ],
    }),
  );
  await save(plan(plannedId, { callAt: hours(30) }));
  return background;
}

const ask = async (background: Awaited<ReturnType<typeof withPlans>>, ids: string[]) => {
  const reply = (await background.handle(message(ids), contentScript)) as { ok: boolean; data: BadgeSummaries };
  expect(reply.ok).toBe(true);
  return reply.data;
};

describe('badges:get', () => {
  it('answers every id at once from IndexedDB with the status, goals met and the card', async () => {
    const background = await withPlans();
    const summaries = await ask(background, [stalledId, plannedId, emptyId]);
    expect(summaries[stalledId]).toMatchObject({
      status: { kind: 'stalled' },
      goalsMet: 0,
      outcomesLogged: 1,
      label: 'Stalled',
      met: '0/1 met',
      accessibleName: 'Call plan: stalled, 0 of 1 goals met',
    });
    expect(summaries[stalledId]?.card?.fields).toEqual([
      ['Goal', 'Agree the pilot scope'],
      ['Best next step', 'Signed pilot order'],
      ['Minimum next step', 'Pricing workshop booked'],
      ['Outcome', 'Continuation'],
      ['Commitment', 'Below'],
      ['Actual next step', 'Send references'],
    ]);
    expect(summaries[stalledId]?.card?.notes).toEqual([
      'Objections: 2 expected, 2 raised, 1 not expected',
      'Coaching note: <script>alert(1)</script> Ask for the budget owner next time',
    ]);
    expect(summaries[plannedId]).toMatchObject({ status: { kind: 'planned', callAt: hours(30) }, met: null });
    expect(summaries[plannedId]?.label).toMatch(/^Planned /);
    expect(summaries[emptyId]).toMatchObject({ status: { kind: 'no-plan' }, label: 'No plan', card: null });
  });

  it.each([
    ['an account id', ['0015g00000Nwd01AAB']],
    ['markup', ['<img src=x>']],
    ['no ids', []],
    ['too many ids', Array.from({ length: 501 }, () => stalledId)],
  ])('refuses a request with %s', async (_name, ids) => {
    const reply = await createTestBackground().handle(message(ids), contentScript);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('pulls unknown ids from Salesforce after answering, once for a whole batch, then updates the tab', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const sent: { tabId: number; message: BadgeUpdate; frameId?: number }[] = [];
      const pullOpportunities = vi.fn(async (session: Session, ids: readonly string[]) => {
        // What sync's pull does: plans and opportunity rows, stamped with when they were pulled.
        const db = background.db() as PrecallDb;
        await db.plans.put({
          ...plan(emptyId, { callAt: hours(-50), outcome: 'Advance', commitment: 'Best', outcomeAt: hours(-49) }),
          objections: undefined,
          ownerId: userIds.sam,
        } as never);
        await db.opportunities.bulkPut(
          ids.map((id) => ({
            id,
            name: id,
            stageName: 'Prospecting',
            closeDate: null,
            amount: null,
            ownerId: session.userId,
            accountId: null,
            accountName: null,
            isClosed: false,
            isWon: false,
            fetchedAt: now.toISOString(),
            plansFetchedAt: now.toISOString(),
          })),
        );
      });
      const background = await withPlans({
        pullOpportunities,
        sendToTab: async (tabId, message, frameId) => {
          sent.push({ tabId, message: message as BadgeUpdate, frameId });
        },
      });
      const first = await ask(background, [stalledId, emptyId]);
      expect(first[emptyId]?.status.kind).toBe('no-plan');
      await ask(background, [plannedId]);
      expect(pullOpportunities).not.toHaveBeenCalled();
      await vi.runAllTimersAsync();
      expect(pullOpportunities).toHaveBeenCalledTimes(1);
      expect([...(pullOpportunities.mock.calls[0]?.[1] ?? [])].sort()).toEqual([stalledId, plannedId, emptyId].sort());
      await vi.waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]).toMatchObject({ tabId: 7, frameId: 0, message: { type: 'badges:update', origin: testOrigin } });
      expect(sent[0]?.message.summaries[emptyId]?.status.kind).toBe('advanced');

      // Warm: the same ids again within the freshness window cost Salesforce nothing.
      await ask(background, [stalledId, plannedId, emptyId]);
      await vi.runAllTimersAsync();
      expect(pullOpportunities).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failed pull keeps the answer from IndexedDB and waits before asking Salesforce again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const pullOpportunities = vi.fn(async () => {
        throw new Error('Salesforce unreachable');
      });
      const sendToTab = vi.fn(async () => {});
      const background = await withPlans({ pullOpportunities, sendToTab });
      await ask(background, [stalledId]);
      await vi.runAllTimersAsync();
      expect(pullOpportunities).toHaveBeenCalledTimes(1);
      expect((await ask(background, [stalledId]))[stalledId]?.status.kind).toBe('stalled');
      await vi.runAllTimersAsync();
      expect(pullOpportunities).toHaveBeenCalledTimes(1);
      expect(sendToTab).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });
});
