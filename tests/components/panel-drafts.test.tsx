import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request } from '../../lib/messaging/client';
import {
  createBackground,
  fill,
  inputValue,
  openNewPlan,
  opportunityA,
  plansOf,
  renderPanel,
  seedPlan,
  testOrigin,
} from './panel-harness';

const draftsOf = (send: (message: unknown) => Promise<unknown>) =>
  request(send, 'drafts:list', { origin: testOrigin, opportunityId: opportunityA });

describe('panel: never lose a keystroke', () => {
  it('keeps a half-written new plan across unmount and restores it, marked, until discarded on purpose', async () => {
    const background = createBackground();
    const first = renderPanel(background.send);
    await openNewPlan(first.user);
    // Not valid yet (no best next step) and over the goal's limit: a draft, not a plan.
    await fill(first.user, screen.getByLabelText('Goal'), 'g'.repeat(260));
    await fill(first.user, screen.getByLabelText('Questions'), 'Who signs off?');
    // Wait on what the background holds: the draft with the last words typed.
    await waitFor(async () => expect((await draftsOf(background.send))[0]?.plan.questions).toBe('Who signs off?'), {
      timeout: 15_000,
    });
    expect(await plansOf(background.send)).toEqual([]);
    first.unmount();

    const second = renderPanel(background.send);
    const goal = await screen.findByLabelText('Goal', {}, { timeout: 15_000 });
    expect(inputValue(goal)).toHaveLength(260);
    expect(inputValue(screen.getByLabelText('Questions'))).toBe('Who signs off?');
    expect(within(screen.getByRole('note')).getByText(/^Restored what you typed .*; not saved yet\.$/)).toBeTruthy();
    // Its problems show at once: the rep left this plan unfinished.
    expect(screen.getByText(/Goal can be at most 255 characters/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Call plans' });
    expect(within(list).getByText('Draft: not saved')).toBeTruthy();

    await second.user.click(screen.getByRole('button', { name: 'Discard draft' }));
    await waitFor(() => expect(screen.queryByLabelText('Goal')).toBeNull());
    expect(await kept()).toBe(0);
    second.unmount();
    renderPanel(background.send);
    expect(await screen.findByText('No call plans yet for this opportunity.')).toBeTruthy();
    expect(screen.queryByLabelText('Goal')).toBeNull();

    async function kept() {
      return (await draftsOf(background.send)).length;
    }
  });

  it('restores edits to a saved plan that did not save, and saving them takes the draft away', async () => {
    const background = createBackground();
    await seedPlan(background.send, { goal: 'Agree on the pilot scope' });
    const first = renderPanel(background.send);
    await first.user.click(await screen.findByRole('button', { name: /Agree on the pilot scope/ }));
    await fill(first.user, screen.getByLabelText('Best next step'), '');
    await waitFor(async () => expect(await draftsOf(background.send)).toHaveLength(1), { timeout: 15_000 });
    first.unmount();

    const second = renderPanel(background.send);
    const best = await screen.findByLabelText('Best next step', {}, { timeout: 15_000 });
    expect(inputValue(best)).toBe('');
    expect(screen.getByText('Best next step is required')).toBeTruthy();
    await fill(second.user, best, 'Signed pilot order');
    await second.user.tab();
    await waitFor(
      async () => {
        expect((await plansOf(background.send))[0]?.bestNextStep).toBe('Signed pilot order');
        expect(await draftsOf(background.send)).toEqual([]);
      },
      { timeout: 15_000 },
    );
  });

  it('shows no error while the rep types in a field, shows it on leaving the field, and clears it once valid', async () => {
    const background = createBackground();
    const { user } = renderPanel(background.send);
    await openNewPlan(user);
    const goal = screen.getByLabelText('Goal');
    await user.click(goal);
    await user.paste('x'.repeat(256));
    // Past the autosave pause, still in the field: the counter says it, no error does.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(goal.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/Goal can be at most 255/)).toBeNull();
    expect(screen.getByText('256/255')).toBeTruthy();

    await user.tab();
    expect(await screen.findByText(/Goal can be at most 255 characters/)).toBeTruthy();
    expect(goal.getAttribute('aria-invalid')).toBe('true');

    await user.click(goal);
    await user.keyboard('{Backspace}');
    expect(screen.queryByText(/Goal can be at most 255/)).toBeNull();
    expect(goal.getAttribute('aria-invalid')).toBeNull();
    // Typing on into a fixed field does not bring the error back until the rep leaves it again.
    await user.keyboard('y');
    expect(screen.queryByText(/Goal can be at most 255/)).toBeNull();
  });

  it('Save shows every problem at once', async () => {
    const background = createBackground();
    const { user } = renderPanel(background.send);
    await openNewPlan(user);
    await fill(user, screen.getByLabelText('Goal'), 'Agree on the pilot scope');
    expect(screen.queryByText('Best next step is required')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Best next step is required')).toBeTruthy();
  });
});
