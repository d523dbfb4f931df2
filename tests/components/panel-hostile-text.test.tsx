import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createBackground, fill, openNewPlan, renderPanel, waitForSaved } from './panel-harness';

const hostile = '<img src=x onerror=alert(1)>';

describe('panel: text from Salesforce and reps', () => {
  it('shows markup in a goal and an objection as text, never as elements', async () => {
    const background = createBackground();
    const { user, container } = renderPanel(background.send);
    await openNewPlan(user);
    await fill(user, screen.getByLabelText('Goal'), hostile);
    await fill(user, screen.getByLabelText('Best next step'), 'Pilot order signed');
    await user.click(screen.getByRole('button', { name: 'Add expected objection' }));
    await fill(user, screen.getByLabelText('Objection 1'), hostile);
    await user.tab();

    await waitForSaved(background.send, ([plan]) => {
      expect(plan?.goal).toBe(hostile);
      expect(plan?.objections[0]?.objection).toBe(hostile);
    });
    const list = screen.getByRole('list', { name: 'Call plans' });
    expect(within(list).getByText(hostile)).toBeTruthy();
    // Icon buttons name the objection by its text.
    expect(screen.getByRole('button', { name: `Remove ${hostile}` })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });
});
