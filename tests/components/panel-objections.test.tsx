import { screen, within } from '@testing-library/react';
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
      const group = screen.getByRole('group', { name: `Objection ${position + 1}` });
      await fill(user, within(group).getByLabelText('Objection'), text);
    }

    const third = screen.getByRole('group', { name: 'Objection 3' });
    await user.click(within(third).getByRole('button', { name: 'Move up' }));
    const first = screen.getByRole('group', { name: 'Objection 1' });
    expect(within(first).getByRole('button', { name: 'Move up' })).toHaveProperty('disabled', true);
    await user.click(within(first).getByRole('button', { name: 'Remove' }));

    const shown = ['Objection 1', 'Objection 2'].map((name) =>
      inputValue(within(screen.getByRole('group', { name })).getByLabelText('Objection')),
    );
    expect(shown).toEqual(['Happy with the incumbent', 'No time this quarter']);
    expect(screen.queryByRole('group', { name: 'Objection 3' })).toBeNull();

    await waitForSaved(background.send, ([plan]) => {
      expect(plan?.objections.map((o) => [o.objection, o.sortOrder])).toEqual([
        ['Happy with the incumbent', 0],
        ['No time this quarter', 1],
      ]);
    });
  });
});
