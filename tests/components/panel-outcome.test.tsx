import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createBackground, fill, now, openNewPlan, renderPanel, waitForSaved } from './panel-harness';

describe('panel: logging an outcome', () => {
  it('saves outcome, commitment and a handled objection, and the badge reads Advanced', async () => {
    const background = createBackground();
    const { user } = renderPanel(background.send);
    await openNewPlan(user);
    await fill(user, screen.getByLabelText('Goal'), 'Agree on the pilot scope');
    await fill(user, screen.getByLabelText('Best next step'), 'Pilot order signed');
    await fill(user, screen.getByLabelText('Minimum next step'), 'Meeting with the CFO booked');
    await user.click(screen.getByRole('button', { name: 'Add expected objection' }));
    const planned = screen.getByRole('group', { name: 'Objection 1' });
    await fill(user, within(planned).getByLabelText('Objection'), 'Budget is frozen until Q3');

    // The call is tomorrow; the rep can still log its outcome ahead of the clock.
    await user.click(screen.getByRole('button', { name: 'Log outcome' }));
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
    const { user } = renderPanel(background.send);
    await openNewPlan(user);
    await fill(user, screen.getByLabelText('Goal'), 'Agree on the pilot scope');
    await fill(user, screen.getByLabelText('Best next step'), 'Pilot order signed');
    await user.click(screen.getByRole('button', { name: 'Log outcome' }));
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
