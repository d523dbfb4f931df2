import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateTimeField, timeChoices, toLocalInput } from '../../components/date-time-field';

function Harness({ initial, seen }: { initial: string; seen: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <DateTimeField
      label="Call date and time"
      value={value}
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

const localIso = (local: string) => new Date(local).toISOString();

describe('the call date and time picker', () => {
  it.each([
    ['', 96, '00:00', '23:45'],
    ['13:30', 96, '00:00', '23:45'],
    ['13:37', 97, '00:00', '23:45'],
  ])('time %s offers every quarter hour (%i choices), keeping an off-grid time', (current, count, first, last) => {
    const choices = timeChoices(current);
    expect(choices).toHaveLength(count);
    expect(choices[0]).toBe(first);
    expect(choices.at(-1)).toBe(last);
    if (current) expect(choices).toContain(current);
    expect([...choices].sort()).toEqual(choices);
  });

  it('shows a date and a time under one label, and changing one keeps the other', async () => {
    const seen: string[] = [];
    render(<Harness initial={localIso('2026-03-04T13:37')} seen={seen} />);
    const group = screen.getByRole('group', { name: 'Call date and time' });
    const date = within(group).getByLabelText<HTMLInputElement>('Date');
    const time = within(group).getByLabelText<HTMLSelectElement>('Time');
    expect(date.value).toBe('2026-03-04');
    expect(time.value).toBe('13:37');

    const user = userEvent.setup();
    await user.selectOptions(time, '09:15');
    expect(seen.at(-1)).toBe(localIso('2026-03-04T09:15'));
    await user.clear(date);
    await user.type(date, '2026-03-06');
    expect(toLocalInput(seen.at(-1) ?? '')).toBe('2026-03-06T09:15');
  });

  it('an empty date leaves the value empty for validation to name, and the time waits for a date', () => {
    const seen: string[] = [];
    render(<Harness initial="" seen={seen} />);
    expect(screen.getByLabelText<HTMLInputElement>('Date').value).toBe('');
    expect(screen.getByLabelText<HTMLSelectElement>('Time').disabled).toBe(true);
  });
});
