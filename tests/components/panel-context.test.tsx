import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userIds } from '../../demo/org/seed-data';
import type { PrecallDb } from '../../lib/db/precall-db';
import { request } from '../../lib/messaging/client';
import { newCallPlan } from '../../lib/model/call-plan';
import {
  createBackground,
  now,
  openNewPlan,
  opportunityA,
  plansOf,
  renderPanel,
  seedPlan,
  testOrigin,
} from './panel-harness';

type Background = ReturnType<typeof createBackground>;

/** The call's date and time as the picker shows them, in local time. */
function callAtShown(): string {
  const group = screen.getByRole('group', { name: 'Call date and time' });
  const date = within(group).getByLabelText<HTMLInputElement>('Date').value;
  const time = within(group).getByLabelText<HTMLSelectElement>('Time').value;
  return `${date}T${time}`;
}

/** As sync's pull leaves the local copies of Salesforce: the opportunity, its owner, its meetings. */
async function fillFromSalesforce(background: Background, owner: keyof typeof userIds = 'riley') {
  await request(background.send, 'session:get', { origin: testOrigin });
  const db = background.db() as PrecallDb;
  const fetchedAt = now.toISOString();
  await db.opportunities.put({
    id: opportunityA,
    name: 'Northwind – Fleet Telematics Rollout',
    stageName: 'Proposal/Price Quote',
    closeDate: '2026-04-30',
    amount: null,
    ownerId: userIds[owner],
    accountId: null,
    accountName: null,
    isClosed: false,
    isWon: false,
    fetchedAt,
  });
  await db.users.put({ id: userIds.riley, name: 'Riley Chen', managerId: userIds.morgan, fetchedAt });
  await db.meetings.put({
    id: '00U5g00000Evt01AAA',
    opportunityId: opportunityA,
    subject: 'Demo: fleet dashboard for the CFO',
    type: 'Demo',
    startAt: '2026-03-04T13:30:00.000Z',
    endAt: '2026-03-04T14:30:00.000Z',
    ownerId: userIds.riley,
    fetchedAt,
  });
  return db;
}

describe('panel: starts from what Salesforce knows', () => {
  it("shows stage, close date, next meeting and how the last call ended, and a new plan starts at the meeting's time", async () => {
    const background = createBackground();
    await fillFromSalesforce(background);
    await seedPlan(background.send, {
      goal: 'Qualify the fleet size',
      callAt: '2026-02-20T10:00:00.000Z',
      createdAt: '2026-02-19T10:00:00.000Z',
      outcome: 'Advance',
      commitment: 'Best',
      actualNextStep: 'Demo for the CFO',
      outcomeAt: '2026-02-20T12:00:00.000Z',
      questions: 'Who owns the budget?',
      budget: 'At risk',
      objections: [
        { objection: 'Too expensive', response: 'Payback in a year', raised: true },
        { objection: 'Happy with the incumbent', response: 'Compare uptime' },
      ],
    });
    const { user } = renderPanel(background.send);
    const header = screen.getByRole('banner');
    expect(await within(header).findByText('Proposal/Price Quote')).toBeTruthy();
    expect(within(header).getByText(/^Closes /)).toBeTruthy();
    expect(within(header).getByText(/Demo: fleet dashboard for the CFO/)).toBeTruthy();
    expect(within(header).getByText('Advance · next step: Demo for the CFO')).toBeTruthy();

    await openNewPlan(user);
    expect(screen.getByText('Demo: fleet dashboard for the CFO')).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Call type').value).toBe('Demo');
    expect(new Date(callAtShown()).toISOString()).toBe('2026-03-04T13:30:00.000Z');

    await user.click(screen.getByRole('button', { name: 'Continue from last call' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Questions').value).toBe('Who owns the budget?');
    expect(screen.getByLabelText<HTMLSelectElement>('Budget').value).toBe('At risk');
    // Only the objection that did not come up carries over.
    expect(screen.getByLabelText<HTMLInputElement>('Objection 1').value).toBe('Happy with the incumbent');
    expect(screen.queryByLabelText('Objection 2')).toBeNull();
  });

  it('without a meeting, a new plan starts in working hours, not at midnight', async () => {
    const background = createBackground();
    const { user } = renderPanel(background.send);
    await openNewPlan(user);
    const callAt = new Date(callAtShown());
    expect(callAt.getTime()).toBeGreaterThan(now.getTime());
    expect(callAt.getHours()).toBeGreaterThanOrEqual(9);
    expect(callAt.getHours()).toBeLessThanOrEqual(16);
    expect(callAt.getMinutes()).toBe(0);
  });
});

describe('panel: an outcome belongs after the call', () => {
  it('refuses to log an outcome for a call that has not happened, and says why', async () => {
    const background = createBackground();
    await seedPlan(background.send, { goal: 'Agree on the pilot scope', callAt: '2026-03-05T10:00:00.000Z' });
    const { user } = renderPanel(background.send);
    await user.click(await screen.findByRole('button', { name: /Agree on the pilot scope/ }));
    expect(screen.getByRole('button', { name: '1. Plan the call' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: '2. Log the outcome' }));
    expect(screen.getByText(/The outcome is logged after the call, and this call is planned for/)).toBeTruthy();
    expect(screen.queryByLabelText('Outcome')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
  });
});

describe("panel: a manager on a rep's opportunity", () => {
  it("coaches: the rep's plan read-only, the coaching note editable, and no new plan of their own", async () => {
    const background = createBackground({ user: 'morgan' });
    const db = await fillFromSalesforce(background, 'riley');
    const { objections: _none, ...plan } = {
      ...newCallPlan(opportunityA, now),
      goal: 'Agree on the pilot scope',
      bestNextStep: 'Pilot order signed',
    };
    // As sync's pull stores Riley's plan in Morgan's database.
    await db.plans.put({ ...plan, ownerId: userIds.riley });

    const { user } = renderPanel(background.send);
    expect(await screen.findByRole('heading', { name: "Riley Chen's call plans" })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New call plan' })).toBeNull();

    await user.click(screen.getByRole('button', { name: /Agree on the pilot scope/ }));
    expect(screen.getByRole('heading', { name: "Riley Chen's call plan" })).toBeTruthy();
    expect(screen.queryByLabelText('Goal')).toBeNull();
    expect(screen.getByText('Agree on the pilot scope', { selector: 'dd' })).toBeTruthy();
    await user.type(screen.getByLabelText('Coaching note'), 'Ask who signs.');
    expect(await screen.findByText('Coaching note saved', {}, { timeout: 4000 })).toBeTruthy();

    const [stored] = await plansOf(background.send);
    expect(stored).toMatchObject({
      goal: 'Agree on the pilot scope',
      coachNote: 'Ask who signs.',
      ownerId: userIds.riley,
    });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((entry) => [entry.table, entry.op, entry.key])).toEqual([['plans', 'upsert', plan.planKey]]);
  });

  it('says the rep has no plans instead of offering an empty form', async () => {
    const background = createBackground({ user: 'morgan' });
    await fillFromSalesforce(background, 'riley');
    renderPanel(background.send);
    expect(await screen.findByText('Riley Chen has no call plans on this opportunity yet.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'New call plan' })).toBeNull());
  });
});
