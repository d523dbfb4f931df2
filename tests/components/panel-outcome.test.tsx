import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createBackground, fill, now, renderPanel, seedPlan, waitForSaved } from './panel-harness';

/** A plan written yesterday for a call an hour ago: its outcome is due. */
const heldCall = {
  goal: 'Agree on the pilot scope',
  bestNextStep: 'Pilot order signed',
  minimumNextStep: 'Meeting with the CFO booked',
  callAt: new Date(now.getTime() - 3_600_000).toISOString(),
  createdAt: new Date(now.getTime() - 86_400_000).toISOString(),
};

describe('panel: logging an outcome', () => {
  it('saves outcome, commitment and a handled objection, and the badge reads Advanced', async () => {
    const background = createBackground();
    await seedPlan(background.send, {
      ...heldCall,
      objections: [{ objection: 'Budget is frozen until Q3', response: 'Phase the rollout' }],
    });
    const { user } = renderPanel(background.send);
    // A held call opens on its outcome: the second step.
    await user.click(await screen.findByRole('button', { name: /Agree on the pilot scope/ }));
    expect(screen.getByRole('button', { name: '2. Log the outcome' }).getAttribute('aria-pressed')).toBe('true');
    const outcome = screen.getByRole('region', { name: 'Outcome' });
    await user.selectOptions(within(outcome).getByLabelText('Outcome'), 'Advance');
    const best = within(outcome).getByLabelText('Best');
    expect(best.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(best.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'The best next step: Pilot order signed',
    );
    await user.click(best);
    const raised = within(outcome).getByRole('group', { name: 'Budget is frozen until Q3' });
    await user.click(within(raised).getByLabelText('Raised'));
    await user.selectOptions(within(raised).getByLabelText('Handled'), 'Yes');
    await user.tab();

    const list = screen.getByRole('list', { name: 'Call plans' });
    expect(await within(list).findByText('Advanced')).toBeTruthy();
    expect(within(screen.getByRole('banner')).getByText('Advanced')).toBeTruthy();
    expect(within(screen.getByRole('banner')).getByText('1/1 met')).toBeTruthy();

    await waitForSaved(background.send, ([plan]) => {
      expect(plan).toMatchObject({
        outcome: 'Advance',
        commitment: 'Best',
        // Choosing the outcome stamped when it was logged.
        outcomeAt: now.toISOString(),
        objections: [{ objection: 'Budget is frozen until Q3', expected: true, raised: true, handled: 'Yes' }],
      });
    });
  });

  it('adds a surprise objection as raised, and warns that a continuation is not an advance', async () => {
    const background = createBackground();
    await seedPlan(background.send, heldCall);
    const { user } = renderPanel(background.send);
    await user.click(await screen.findByRole('button', { name: /Agree on the pilot scope/ }));
    const outcome = screen.getByRole('region', { name: 'Outcome' });

    await user.selectOptions(within(outcome).getByLabelText('Outcome'), 'Continuation');
    expect(within(outcome).getByText(/A continuation is not an advance/)).toBeTruthy();
    await user.click(within(outcome).getByRole('button', { name: 'Add surprise objection' }));
    const surprise = within(outcome).getByRole('group', { name: 'Surprise objection 1' });
    await fill(user, within(surprise).getByLabelText('Objection'), 'Security review takes 3 months');
    await user.tab();

    await waitForSaved(background.send, ([plan]) => {
      expect(plan?.outcome).toBe('Continuation');
      expect(plan?.objections).toMatchObject([
        { objection: 'Security review takes 3 months', expected: false, raised: true },
      ]);
    });
    // No commitment was logged, so the goal counts as not met.
    expect(await within(screen.getByRole('banner')).findByText('0/1 met')).toBeTruthy();
  });
});
