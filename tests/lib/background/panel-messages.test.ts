import { describe, expect, it, vi } from 'vitest';
import { userIds } from '../../../demo/org/seed-data';
import type { PrecallDb } from '../../../lib/db/precall-db';
import type { Reply } from '../../../lib/messaging/protocol';
import { type CallPlan, newCallPlan, newObjection, type PlanRecord } from '../../../lib/model/call-plan';
import type { SavedDraft } from '../../../lib/model/draft-plan';
import type { OpportunityContext } from '../../../lib/model/opportunity-context';
import { createTestBackground, testOrigin } from '../../support/background';

const opportunityId = '0065g00000Nwd01AAB';
const otherOpportunityId = '0065g00000Nwd02AAB';
const now = new Date('2026-03-02T10:00:00.000Z');
const clock = () => now;
const message = (type: string, payload: unknown) => ({ precall: 1, type, payload });

function validPlan(overrides: Partial<CallPlan> = {}): CallPlan {
  return { ...newCallPlan(opportunityId, now), goal: 'Agree pilot scope', bestNextStep: 'Pilot order', ...overrides };
}

type Background = ReturnType<typeof createTestBackground>;

async function ask<T>(background: Background, type: string, payload: Record<string, unknown>): Promise<T> {
  const reply = (await background.send(message(type, { origin: testOrigin, ...payload }))) as Reply<T>;
  if (!reply.ok) throw new Error(`${type}: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

async function refusal(background: Background, type: string, payload: Record<string, unknown>) {
  const reply = (await background.send(message(type, { origin: testOrigin, ...payload }))) as Reply<unknown>;
  if (reply.ok) throw new Error(`${type} was accepted`);
  return reply.error;
}

const drafts = (background: Background, id = opportunityId) =>
  ask<SavedDraft[]>(background, 'drafts:list', { opportunityId: id });

/** The database the signed-in user's messages open (a first request opens it). */
async function databaseOf(background: Background): Promise<PrecallDb> {
  await ask(background, 'session:get', {});
  const db = background.db();
  if (!db) throw new Error('no database opened');
  return db;
}

describe('drafts', () => {
  it('keeps a new plan that is not valid yet, over-long field and all, and lists it as new', async () => {
    const background = createTestBackground({ now: clock });
    const plan = validPlan({ goal: 'x'.repeat(300), bestNextStep: '' });
    expect(await ask(background, 'draft:save', { plan })).toEqual({ kept: true, savedAt: now.toISOString() });

    const [draft, ...others] = await drafts(background);
    expect(others).toEqual([]);
    expect(draft).toMatchObject({ planKey: plan.planKey, isNew: true, savedAt: now.toISOString() });
    expect(draft?.plan.goal).toHaveLength(300);
    expect(await drafts(background, otherOpportunityId)).toEqual([]);
  });

  it('drops a draft that holds nothing the saved plan does not', async () => {
    const background = createTestBackground({ now: clock });
    const plan = validPlan();
    await ask(background, 'plan:save', { plan });
    expect(await ask(background, 'draft:save', { plan: { ...plan, updatedAt: '2026-03-02T11:00:00.000Z' } })).toEqual({
      kept: false,
      savedAt: now.toISOString(),
    });
    expect(await drafts(background)).toEqual([]);
  });

  it('a saved plan takes its draft away, but not newer typing that arrived meanwhile', async () => {
    const background = createTestBackground({ now: clock });
    const plan = validPlan();
    await ask(background, 'draft:save', { plan });
    await ask(background, 'plan:save', { plan });
    expect(await drafts(background)).toEqual([]);

    const newer = { ...plan, goal: 'Agree pilot scope and the start date' };
    await ask(background, 'draft:save', { plan: newer });
    // The save of the older text lands after the newer draft was written.
    await ask(background, 'plan:save', { plan });
    expect((await drafts(background)).map((d) => [d.plan.goal, d.isNew])).toEqual([[newer.goal, false]]);
  });

  it('is discarded only on purpose: by discarding it or deleting its plan', async () => {
    const background = createTestBackground({ now: clock });
    const first = validPlan({ goal: '' });
    await ask(background, 'draft:save', { plan: first });
    expect(await ask(background, 'draft:discard', { planKey: first.planKey })).toEqual({ discarded: true });
    expect(await drafts(background)).toEqual([]);

    const second = validPlan();
    await ask(background, 'plan:save', { plan: second });
    await ask(background, 'draft:save', { plan: { ...second, walkAway: 'No budget by May' } });
    await ask(background, 'plan:delete', { planKey: second.planKey });
    expect(await drafts(background)).toEqual([]);
  });

  it.each([
    ['a goal that is not text', { goal: 42 }],
    ['a field past the draft size cap', { questions: 'q'.repeat(200_001) }],
    ['a made-up call type', { callType: 'Lunch' }],
    ['an opportunity id that is not one', { opportunityId: '<img src=x>' }],
  ])('refuses a malformed draft (%s)', async (_name, patch) => {
    const background = createTestBackground({ now: clock });
    const error = await refusal(background, 'draft:save', { plan: { ...validPlan(), ...patch } });
    expect(error.code).toBe('invalid-message');
    expect(await drafts(background)).toEqual([]);
  });

  it('refuses to move a saved plan to another opportunity through its draft', async () => {
    const background = createTestBackground({ now: clock });
    const plan = validPlan();
    await ask(background, 'plan:save', { plan });
    const error = await refusal(background, 'draft:save', { plan: { ...plan, opportunityId: otherOpportunityId } });
    expect(error).toMatchObject({
      code: 'invalid-message',
      message: 'A draft stays on the opportunity of its plan',
    });
  });
});

describe('opportunity context', () => {
  async function fillFromSalesforce(db: PrecallDb) {
    const fetchedAt = now.toISOString();
    await db.opportunities.put({
      id: opportunityId,
      name: 'Northwind – Fleet Telematics Rollout',
      stageName: 'Proposal/Price Quote',
      closeDate: '2026-04-30',
      amount: 120000,
      ownerId: userIds.riley,
      accountId: null,
      accountName: null,
      isClosed: false,
      isWon: false,
      fetchedAt,
    });
    await db.users.put({ id: userIds.riley, name: 'Riley Chen', managerId: userIds.morgan, fetchedAt });
    const meeting = (id: string, startAt: string, subject: string, onOpportunity = opportunityId) => ({
      id,
      opportunityId: onOpportunity,
      subject,
      type: 'Meeting',
      startAt,
      endAt: new Date(Date.parse(startAt) + 3_600_000).toISOString(),
      ownerId: userIds.riley,
      fetchedAt,
    });
    await db.meetings.bulkPut([
      meeting('00U5g00000Evt03AAA', '2026-03-09T14:00:00.000Z', 'Pricing review'),
      meeting('00U5g00000Evt01AAA', '2026-02-20T09:00:00.000Z', 'Kick-off'),
      meeting('00U5g00000Evt02AAA', '2026-03-04T09:30:00.000Z', 'Scoping workshop'),
      meeting('00U5g00000Evt04AAA', '2026-03-03T09:30:00.000Z', 'Another deal', otherOpportunityId),
      // Started half an hour ago and still going: the rep may be in it.
      meeting('00U5g00000Evt05AAA', '2026-03-02T09:30:00.000Z', 'Going on now'),
    ]);
  }

  it('answers stage, close date, owner, meetings not over yet (soonest first) and the last call', async () => {
    const background = createTestBackground({ now: clock });
    await fillFromSalesforce(await databaseOf(background));
    const earlier = validPlan({
      callAt: '2026-02-20T09:00:00.000Z',
      outcome: 'Advance',
      commitment: 'Minimum',
      actualNextStep: 'Scoping workshop on the 4th',
      outcomeAt: '2026-02-20T11:00:00.000Z',
    });
    const oldest = validPlan({ callAt: '2026-02-10T09:00:00.000Z', outcome: 'Continuation', commitment: 'Below' });
    const upcoming = validPlan({ callAt: '2026-03-04T09:30:00.000Z' });
    for (const plan of [earlier, oldest, upcoming]) await ask(background, 'plan:save', { plan });

    const context = await ask<OpportunityContext>(background, 'opportunity:context', { opportunityId });
    expect(context.opportunity).toEqual({
      id: opportunityId,
      name: 'Northwind – Fleet Telematics Rollout',
      stageName: 'Proposal/Price Quote',
      closeDate: '2026-04-30',
      ownerId: userIds.riley,
      ownerName: 'Riley Chen',
      isClosed: false,
    });
    expect(context.meetings.map((m) => m.subject)).toEqual(['Going on now', 'Scoping workshop', 'Pricing review']);
    expect(context.lastCall).toMatchObject({
      planKey: earlier.planKey,
      outcome: 'Advance',
      actualNextStep: 'Scoping workshop on the 4th',
    });
    expect(context.fetchedAt).toBe(now.toISOString());
    expect(context.plansInSalesforce).toEqual([]);
  });

  it('says which plans Salesforce has a copy of', async () => {
    const background = createTestBackground({ now: clock });
    const synced = validPlan();
    const local = validPlan();
    for (const plan of [synced, local]) await ask(background, 'plan:save', { plan });
    const db = await databaseOf(background);
    await db.bases.put({
      table: 'plans',
      key: synced.planKey,
      planKey: synced.planKey,
      salesforceId: 'a005g00000Pln01AAA',
      systemModstamp: now.toISOString(),
      values: {},
    });
    const context = await ask<OpportunityContext>(background, 'opportunity:context', { opportunityId });
    expect(context.plansInSalesforce).toEqual([synced.planKey]);
  });

  it('knows nothing of an opportunity sync has not brought yet, and says so without failing', async () => {
    const background = createTestBackground({ now: clock });
    const context = await ask<OpportunityContext>(background, 'opportunity:context', { opportunityId, refresh: true });
    expect(context).toEqual({
      opportunity: null,
      meetings: [],
      lastCall: null,
      plansInSalesforce: [],
      fetchedAt: null,
    });
  });

  it('asked to refresh, answers after the pull landed; two requests share one pull; a plain request never pulls', async () => {
    let land: () => void = () => {};
    const pull = vi.fn(
      (_session: unknown, _ids: readonly string[]) =>
        new Promise<void>((resolve) => {
          land = () => void fillFromSalesforce(background.db() as PrecallDb).then(resolve);
        }),
    );
    const background = createTestBackground({ now: clock, pullOpportunities: pull });
    const local = await ask<OpportunityContext>(background, 'opportunity:context', { opportunityId });
    expect(local.opportunity).toBeNull();

    const refreshed = ask<OpportunityContext>(background, 'opportunity:context', { opportunityId, refresh: true });
    const again = ask<OpportunityContext>(background, 'opportunity:context', { opportunityId, refresh: true });
    await vi.waitFor(() => expect(pull).toHaveBeenCalledTimes(1));
    expect(pull.mock.calls[0]?.[1]).toEqual([opportunityId]);
    land();
    expect((await refreshed).opportunity?.stageName).toBe('Proposal/Price Quote');
    expect((await again).meetings).toHaveLength(3);
    expect(pull).toHaveBeenCalledTimes(1);
  });

  it('pulls two opportunities asked together apart, each once, and pulls again once a pull ended', async () => {
    const pulled: string[][] = [];
    const background = createTestBackground({
      now: clock,
      pullOpportunities: async (_session, ids) => void pulled.push([...ids]),
    });
    const other = '0065g00000Glx01AAB';
    await Promise.all([
      ask(background, 'opportunity:context', { opportunityId, refresh: true }),
      ask(background, 'opportunity:context', { opportunityId: other, refresh: true }),
    ]);
    expect(pulled.sort()).toEqual([[opportunityId], [other]].sort());
    await ask(background, 'opportunity:context', { opportunityId, refresh: true });
    expect(pulled).toHaveLength(3);
  });

  it('says what a pull that failed without an error threw', async () => {
    const background = createTestBackground({
      now: clock,
      pullOpportunities: async () => {
        throw 'offline';
      },
    });
    const context = await ask<OpportunityContext>(background, 'opportunity:context', { opportunityId, refresh: true });
    expect(context.refreshProblem).toBe('offline');
  });

  it('answers what is local with the reason when the pull fails', async () => {
    const background = createTestBackground({
      now: clock,
      pullOpportunities: async () => {
        throw new Error('Salesforce could not be reached');
      },
    });
    const context = await ask<OpportunityContext>(background, 'opportunity:context', { opportunityId, refresh: true });
    expect(context).toMatchObject({ opportunity: null, refreshProblem: 'Salesforce could not be reached' });
  });
});

describe("a manager on a rep's plan", () => {
  async function managerWithRepPlan() {
    const background = createTestBackground({ user: 'morgan', now: clock });
    const db = await databaseOf(background);
    const { objections, ...fields } = validPlan({
      objections: [{ ...newObjection(0, true), objection: 'Too expensive', response: 'Payback in a year' }],
    });
    // As sync's pull stores a rep's plan in the manager's database.
    await db.plans.put({ ...fields, ownerId: userIds.riley });
    await db.objections.bulkPut(objections.map((o) => ({ ...o, planKey: fields.planKey })));
    return { background, db, plan: { ...fields, objections, ownerId: userIds.riley } as PlanRecord };
  }

  it('writes the coaching note alone, with one outbox entry for the plan in the same save', async () => {
    const { background, db, plan } = await managerWithRepPlan();
    const saved = await ask<PlanRecord>(background, 'plan:coach-note', {
      planKey: plan.planKey,
      coachNote: 'Ask who signs off before the demo.',
    });
    expect(saved).toEqual({ ...plan, coachNote: 'Ask who signs off before the demo.', updatedAt: now.toISOString() });
    const stored = await db.plans.get(plan.planKey);
    const { objections: _objections, ...row } = plan;
    expect(stored).toEqual({ ...row, coachNote: 'Ask who signs off before the demo.', updatedAt: now.toISOString() });
    expect(await db.outbox.toArray()).toEqual([
      {
        seq: expect.any(Number),
        table: 'plans',
        key: plan.planKey,
        op: 'upsert',
        planKey: plan.planKey,
        at: now.toISOString(),
      },
    ]);
    expect(background.writes).toHaveLength(1);
  });

  it("cannot rewrite the rep's plan or keep a draft of it", async () => {
    const { background, plan } = await managerWithRepPlan();
    const { ownerId: _owner, ...asSent } = plan;
    expect(
      await refusal(background, 'plan:save', { plan: { ...asSent, goal: 'Changed by the manager' } }),
    ).toMatchObject({
      code: 'read-only',
      message: "This call plan is another rep's: you can add a coaching note, not change it",
    });
    expect(await refusal(background, 'draft:save', { plan: { ...asSent, goal: 'Changed' } })).toMatchObject({
      code: 'read-only',
    });
    expect(await refusal(background, 'plan:delete', { planKey: plan.planKey })).toMatchObject({ code: 'read-only' });
  });

  it('a rep does not coach their own plan; a note over the limit or on a missing plan is refused', async () => {
    const rep = createTestBackground({ now: clock });
    const own = validPlan();
    await ask(rep, 'plan:save', { plan: own });
    expect(await refusal(rep, 'plan:coach-note', { planKey: own.planKey, coachNote: 'Well done me' })).toMatchObject({
      code: 'read-only',
      message: "Coaching notes are written by the rep's manager, not on one's own plan",
    });

    const { background, plan } = await managerWithRepPlan();
    expect(
      await refusal(background, 'plan:coach-note', { planKey: plan.planKey, coachNote: 'x'.repeat(32769) }),
    ).toMatchObject({
      code: 'invalid-message',
      message: expect.stringContaining('at most 32768 characters'),
    });
    expect(
      await refusal(background, 'plan:coach-note', { planKey: crypto.randomUUID(), coachNote: 'Hi' }),
    ).toMatchObject({
      code: 'not-found',
      message: 'This call plan is not here any more',
    });
  });
});
