import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PlacementChoice, type PlacementStore } from '../../entrypoints/options/placement-choice';
import type { PanelPlacement } from '../../lib/preferences/panel-placement';

function storeWith(initial: PanelPlacement, failSave = false) {
  const saved: PanelPlacement[] = [];
  const store: PlacementStore = {
    load: async () => initial,
    save: async (placement) => {
      if (failSave) throw new Error('storage is full');
      saved.push(placement);
    },
  };
  return { store, saved };
}

describe('options: where the call plan shows', () => {
  it('shows the rep’s choice and keeps a new one', async () => {
    const { store, saved } = storeWith('side-panel');
    render(<PlacementChoice store={store} />);
    const sidePanel = screen.getByRole('radio', { name: /Chrome's side panel/ });
    await waitFor(() => expect((sidePanel as HTMLInputElement).checked).toBe(true));
    await userEvent.click(screen.getByRole('radio', { name: /Docked in the Salesforce page/ }));
    expect(saved).toEqual(['dock']);
    expect((screen.getByRole('radio', { name: /Docked/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('says so and keeps the earlier choice when it cannot be saved', async () => {
    const { store } = storeWith('dock', true);
    render(<PlacementChoice store={store} />);
    const dock = screen.getByRole('radio', { name: /Docked/ });
    await waitFor(() => expect((dock as HTMLInputElement).checked).toBe(true));
    await userEvent.click(screen.getByRole('radio', { name: /side panel/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not keep your choice: storage is full');
    expect((dock as HTMLInputElement).checked).toBe(true);
  });
});
