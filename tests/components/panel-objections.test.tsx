import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createBackground, fill, inputValue, openNewPlan, renderPanel, waitForSaved } from './panel-harness';

describe('panel: expected objections', () => {
  it('keeps objections in the order the rep arranged them after add, move and remove', async () => {
    const background = createBackground();
    const { user } = renderPanel(background.send);
    await openNewPlan(user);
    await fill(user, screen.getByLabelText('Goal'), 'Agree on the pilot scope');
    await fill(user, screen.getByLabelText('Best next step'), 'Pilot order signed');

    const add = screen.getByRole('button', { name: 'Add expected objection' });
    for (const [position, text] of ['Too expensive', 'No time this quarter', 'Happy with the incumbent'].entries()) {
      await user.click(add);
      await fill(user, screen.getByLabelText(`Objection ${position + 1}`), text);
    }

    // Icon buttons carry the objection's name for assistive technology.
    await user.click(screen.getByRole('button', { name: 'Move Happy with the incumbent up' }));
    // Alt+Up moves the row the focus is in, without the mouse.
    await user.click(screen.getByLabelText('Objection 2'));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(screen.getByRole('button', { name: 'Move Happy with the incumbent up' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Remove Too expensive' }));

    const shown = ['Objection 1', 'Objection 2'].map((name) => inputValue(screen.getByLabelText(name)));
    expect(shown).toEqual(['Happy with the incumbent', 'No time this quarter']);
    expect(screen.queryByLabelText('Objection 3')).toBeNull();

    await waitForSaved(background.send, ([plan]) => {
      expect(plan?.objections.map((o) => [o.objection, o.sortOrder])).toEqual([
        ['Happy with the incumbent', 0],
        ['No time this quarter', 1],
      ]);
    });
  });
});
