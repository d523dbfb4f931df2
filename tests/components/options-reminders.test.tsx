import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MeetingReminderChoice, type ReminderSettingStore } from '../../entrypoints/options/meeting-reminder-choice';

function storeWith(initial: boolean, failSave = false) {
  const saved: boolean[] = [];
  const store: ReminderSettingStore = {
    load: async () => initial,
    save: async (on) => {
      if (failSave) throw new Error('storage is full');
      saved.push(on);
    },
  };
  return { store, saved };
}

describe('options: the reminder of a meeting with no plan', () => {
  it('is off by default and turns on', async () => {
    const { store, saved } = storeWith(false);
    render(<MeetingReminderChoice store={store} />);
    const box = screen.getByRole('checkbox', { name: /Remind me the day before a meeting that has no call plan/ });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    expect((box as HTMLInputElement).checked).toBe(false);
    await userEvent.click(box);
    expect(saved).toEqual([true]);
    expect((box as HTMLInputElement).checked).toBe(true);
  });

  it('says so and keeps the earlier choice when it cannot be saved', async () => {
    const { store } = storeWith(true, true);
    render(<MeetingReminderChoice store={store} />);
    const box = screen.getByRole('checkbox');
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    await userEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not keep your choice: storage is full');
    expect((box as HTMLInputElement).checked).toBe(true);
  });
});
