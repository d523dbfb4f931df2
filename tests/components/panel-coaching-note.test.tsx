import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createBackground, now, renderPanel, seedPlan } from './panel-harness';

const day = 24 * 60 * 60 * 1000;
const at = (offsetDays: number) => new Date(now.getTime() + offsetDays * day).toISOString();

/** A manager's note arriving by sync: written into the rep's database as the pull would. */
async function noteArrives(background: ReturnType<typeof createBackground>, planKey: string, coachNote: string) {
  const db = background.db();
  if (!db) throw new Error('no database opened');
  await db.plans.update(planKey, { coachNote });
}

const itemOf = async (goal: string) => {
  const list = await screen.findByRole('list', { name: 'Call plans' });
  const item = within(list)
    .getAllByRole('button')
    .find((button) => button.textContent?.includes(goal));
  if (!item) throw new Error(`no plan "${goal}" in the list`);
  return item;
};

describe("panel: the manager's coaching note", () => {
  it('is marked new until the rep opens the plan, stays read after a reload, and is new again when rewritten', async () => {
    const background = createBackground();
    const plan = await seedPlan(background.send, {
      goal: 'Agree the pricing review date',
      callAt: at(-2),
      createdAt: at(-3),
      outcome: 'Continuation',
      commitment: 'Below',
      outcomeAt: at(-2),
    });
    await seedPlan(background.send, { goal: 'Another call without a note', callAt: at(-4), createdAt: at(-5) });
    await noteArrives(background, plan.planKey, 'Ask for the date before you hang up.');

    const first = renderPanel(background.send);
    await waitFor(async () =>
      expect((await itemOf('Agree the pricing review date')).textContent).toContain('New coaching note'),
    );
    expect((await itemOf('Another call without a note')).textContent).not.toContain('New coaching note');

    await first.user.click(await itemOf('Agree the pricing review date'));
    expect(await screen.findByText('Ask for the date before you hang up.')).toBeTruthy();
    await waitFor(async () =>
      expect((await itemOf('Agree the pricing review date')).textContent).not.toContain('New coaching note'),
    );
    // The read mark is kept by the background, not by this panel.
    await waitFor(async () => expect(await background.db()?.noteReads.get(plan.planKey)).toBeTruthy());
    cleanup();

    // Absence is checked once the panel has asked which notes are new.
    let unreadAnswers = 0;
    renderPanel(async (message) => {
      const reply = await background.send(message);
      if ((message as { type: string }).type === 'notes:unread') unreadAnswers += 1;
      return reply;
    });
    await itemOf('Agree the pricing review date');
    await waitFor(() => expect(unreadAnswers).toBeGreaterThan(0));
    expect((await itemOf('Agree the pricing review date')).textContent).not.toContain('New coaching note');
    cleanup();

    await noteArrives(background, plan.planKey, 'Ask for the date before you hang up. And bring the CFO.');
    renderPanel(background.send);
    await waitFor(async () =>
      expect((await itemOf('Agree the pricing review date')).textContent).toContain('New coaching note'),
    );
  });
});

describe('panel: outcomes due stand out', () => {
  it('highlights a past call without an outcome and says what to do, not a logged or upcoming one', async () => {
    const background = createBackground();
    await seedPlan(background.send, { goal: 'Call without outcome', callAt: at(-1), createdAt: at(-2) });
    await seedPlan(background.send, {
      goal: 'Call with outcome',
      callAt: at(-2),
      createdAt: at(-3),
      outcome: 'Advance',
      commitment: 'Best',
      outcomeAt: at(-2),
    });
    await seedPlan(background.send, { goal: 'Call tomorrow', callAt: at(1) });
    renderPanel(background.send);
    const due = await itemOf('Call without outcome');
    expect(due.className).toContain('plan-list-item-due');
    expect(due.textContent).toContain('Log the outcome');
    for (const goal of ['Call with outcome', 'Call tomorrow']) {
      const item = await itemOf(goal);
      expect(item.className).not.toContain('plan-list-item-due');
      expect(item.textContent).not.toContain('Log the outcome');
    }
  });
});
