import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Send } from '../../lib/messaging/client';
import { createBackground, fill, inputValue, openNewPlan, plansOf, renderPanel } from './panel-harness';

const refusal = 'Could not save in this browser: QuotaExceededError';

/** The real background, except that it refuses saves the way it reports a full disk while `full`. */
function refusingSaves(send: Send): { send: Send; disk: { full: boolean } } {
  const disk = { full: true };
  return {
    disk,
    send: async (message) => {
      if (!disk.full || (message as { type?: string }).type !== 'plan:save') return send(message);
      return {
        ok: false,
        error: { code: 'storage', message: refusal, fields: { 'plan.goal': 'Goal was not stored' } },
      };
    },
  };
}

describe('panel: when the background refuses a save', () => {
  it('keeps the typed draft, shows the reason beside the field, and saves it on retry', async () => {
    const background = createBackground();
    const refusing = refusingSaves(background.send);
    const { user } = renderPanel(refusing.send);
    await openNewPlan(user);
    await fill(user, screen.getByLabelText('Goal'), 'Agree on the pilot scope');
    await fill(user, screen.getByLabelText('Best next step'), 'Pilot order signed');
    await user.tab();

    expect(await screen.findByText(`Not saved: ${refusal}`)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(`Not saved: ${refusal}`);
    const goal = screen.getByLabelText('Goal');
    expect(inputValue(goal)).toBe('Agree on the pilot scope');
    expect(inputValue(screen.getByLabelText('Best next step'))).toBe('Pilot order signed');
    expect(goal.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Goal was not stored')).toBeTruthy();
    // The list keeps the unsaved plan in view, marked as such.
    const item = within(screen.getByRole('list', { name: 'Call plans' })).getByRole('button', {
      name: /Agree on the pilot scope/,
    });
    expect(within(item).getByText('Draft: not saved')).toBeTruthy();

    expect(await plansOf(background.send)).toEqual([]);

    // Once the cause has passed, the same draft saves without retyping.
    refusing.disk.full = false;
    await user.click(screen.getByRole('button', { name: 'Try saving again' }));
    expect(await screen.findByText(/^Saved \d/)).toBeTruthy();
    expect(goal.getAttribute('aria-invalid')).toBeNull();
    expect((await plansOf(background.send)).map((plan) => plan.goal)).toEqual(['Agree on the pilot scope']);
  });
});
