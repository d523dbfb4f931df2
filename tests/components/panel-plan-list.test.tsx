import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request, type Send } from '../../lib/messaging/client';
import { type CallPlan, newCallPlan } from '../../lib/model/call-plan';
import { createBackground, now, opportunityA, plansOf, renderPanel, testOrigin } from './panel-harness';

const day = 24 * 60 * 60 * 1000;
const at = (offsetDays: number) => new Date(now.getTime() + offsetDays * day).toISOString();

async function seedPlan(send: Send, goal: string, patch: Partial<CallPlan>) {
  const plan = { ...newCallPlan(opportunityA, now), goal, bestNextStep: 'Pilot order signed', ...patch };
  await request(send, 'plan:save', { origin: testOrigin, plan });
}

describe('panel: plan list', () => {
  it('lists upcoming calls soonest first, then past calls latest first, marking plans written after the fact', async () => {
    const background = createBackground();
    await seedPlan(background.send, 'Past, long ago', { callAt: at(-5), createdAt: at(-6), outcome: 'No-sale' });
    await seedPlan(background.send, 'Upcoming, later', { callAt: at(3) });
    await seedPlan(background.send, 'Past, recent', {
      callAt: at(-2),
      createdAt: at(-1),
      outcome: 'Advance',
      commitment: 'Minimum',
      outcomeAt: at(-1),
    });
    await seedPlan(background.send, 'Upcoming, soon', { callAt: at(1) });
    renderPanel(background.send);

    const list = await screen.findByRole('list', { name: 'Call plans' });
    const items = within(list).getAllByRole('button');
    expect(items.map((item) => item.querySelector('.plan-list-goal')?.textContent)).toEqual([
      'Upcoming, soon',
      'Upcoming, later',
      'Past, recent',
      'Past, long ago',
    ]);
    expect(within(items[2] as HTMLElement).getByText('written after the fact')).toBeTruthy();
    expect(within(items[2] as HTMLElement).getByText('Advanced')).toBeTruthy();
    expect(within(items[3] as HTMLElement).getByText('Lost')).toBeTruthy();
    expect(within(items[3] as HTMLElement).queryByText('written after the fact')).toBeNull();
    // The opportunity's status is its next planned call; one goal met of two outcomes.
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Planned')).toBeTruthy();
    expect(within(header).getByText('1/2 met')).toBeTruthy();
  });

  it('deletes a plan only after the rep confirms', async () => {
    const background = createBackground();
    await seedPlan(background.send, 'Agree on the pilot scope', {});
    const { user } = renderPanel(background.send);
    await user.click(await screen.findByRole('button', { name: /Agree on the pilot scope/ }));

    await user.click(screen.getByRole('button', { name: 'Delete plan' }));
    // Focus lands on the safe choice.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');
    expect(await plansOf(background.send)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Delete plan' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No call plans yet for this opportunity.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Call plan' })).toBeNull();
    expect(await plansOf(background.send)).toEqual([]);
  });
});
