import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  createBackground,
  descriptionOf,
  inputValue,
  openNewPlan,
  plansOf,
  recording,
  renderPanel,
} from './panel-harness';

describe('panel: writing a call plan', () => {
  it('autosaves a plan once goal and best next step are filled, and lists it', async () => {
    const background = createBackground();
    const { user } = renderPanel(background.send);
    await screen.findByText('No call plans yet for this opportunity.');

    await openNewPlan(user);
    await user.type(screen.getByLabelText('Goal'), 'Agree on the pilot scope');
    await user.type(screen.getByLabelText('Best next step'), 'Pilot order signed this week');

    // No blur: the typing pause alone saves it.
    const saveState = await screen.findByText(/^Saved \d/);
    expect(saveState.getAttribute('role')).toBe('status');
    const list = screen.getByRole('list', { name: 'Call plans' });
    const item = within(list).getByRole('button', { name: /Agree on the pilot scope/ });
    expect(within(item).getByText('Planned')).toBeTruthy();

    const [saved, ...others] = await plansOf(background.send);
    expect(others).toEqual([]);
    expect(saved).toMatchObject({ goal: 'Agree on the pilot scope', bestNextStep: 'Pilot order signed this week' });
  });

  it('shows a 256-character goal as an error beside the field and sends nothing', async () => {
    const background = createBackground();
    const spy = recording(background.send);
    const { user } = renderPanel(spy.send);
    await openNewPlan(user);

    const goal = screen.getByLabelText('Goal');
    await user.click(goal);
    await user.paste('g'.repeat(256));
    await user.type(screen.getByLabelText('Best next step'), 'Pilot order');
    await user.tab();

    const message = "Goal can be at most 255 characters (Salesforce's limit); it has 256";
    await screen.findByText(message);
    // The paste is kept whole and explained, not cut at the limit.
    expect(inputValue(goal)).toBe('g'.repeat(256));
    expect(goal.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(goal)).toContain(message);
    expect(descriptionOf(goal)).toContain('256/255');
    expect(screen.getByRole('status').textContent).toBe('Not saved: fix the highlighted fields');

    expect(spy.types).not.toContain('plan:save');
    expect(await plansOf(background.send)).toEqual([]);
  });

  it('does not flag fields the rep has not reached yet, but says why nothing is saved', async () => {
    const background = createBackground();
    const { user } = renderPanel(background.send);
    await openNewPlan(user);

    await user.type(screen.getByLabelText('Goal'), 'Agree on the pilot scope');
    await user.tab();

    const status = await screen.findByText('Not saved yet: Best next step is required');
    expect(status.getAttribute('role')).toBe('status');
    expect(screen.queryByText('Best next step is required')).toBeNull();
    expect(screen.getByLabelText('Best next step').getAttribute('aria-invalid')).not.toBe('true');
    expect(await plansOf(background.send)).toEqual([]);

    await user.type(screen.getByLabelText('Best next step'), 'Pilot order');
    await screen.findByText(/^Saved \d/);
  });
});
