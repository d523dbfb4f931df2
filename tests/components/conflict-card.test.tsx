import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConflictCard, shownValue } from '../../components/conflict-card';
import type { ChangeProblem } from '../../lib/messaging/protocol';

/** A choice's accessible name: the side, then its value (read as two words or one, both fine). */
const side = (who: 'Mine' | 'Salesforce', value: string) => new RegExp(`^${who}\\s*${value.replace(/[()]/g, '\\$&')}$`);

type Conflict = Extract<ChangeProblem, { kind: 'conflict' }>;
const key = '6f1c2d3e-4b5a-4c6d-8e7f-901234567890';

function conflictOf(overrides: Partial<Conflict> = {}): Conflict {
  return {
    kind: 'conflict',
    table: 'plans',
    key,
    record: 'Call plan',
    remoteDeleted: false,
    localDeleted: false,
    fields: [
      { field: 'goal', label: 'Goal', base: 'Agree on scope', local: 'Agree on pilot scope', remote: 'Agree on price' },
      { field: 'walkAway', label: 'Walk-away', base: '', local: 'No budget', remote: '' },
    ],
    ...overrides,
  };
}

function renderCard(conflict: Conflict) {
  const onResolve = vi.fn();
  const view = render(<ConflictCard conflict={conflict} onResolve={onResolve} />);
  return { ...view, onResolve, user: userEvent.setup() };
}

describe('conflict card: a field changed here and in Salesforce', () => {
  it('shows both values of each field, mine chosen until the rep says otherwise', () => {
    renderCard(conflictOf());
    expect(screen.getByText('Call plan was changed here and in Salesforce. Choose what to keep:')).toBeTruthy();
    const goal = screen.getByRole('group', { name: 'Goal' });
    expect(within(goal).getByRole('radio', { name: side('Mine', 'Agree on pilot scope') })).toHaveProperty(
      'checked',
      true,
    );
    expect(within(goal).getByRole('radio', { name: side('Salesforce', 'Agree on price') })).toHaveProperty(
      'checked',
      false,
    );
    const walkAway = screen.getByRole('group', { name: 'Walk-away' });
    // An emptied field is said, not left blank.
    expect(within(walkAway).getByRole('radio', { name: side('Salesforce', '(empty)') })).toBeTruthy();
  });

  it('keeps the values chosen per field', async () => {
    const { user, onResolve } = renderCard(conflictOf());
    await user.click(screen.getByRole('radio', { name: side('Salesforce', 'Agree on price') }));
    await user.click(screen.getByRole('button', { name: 'Keep these values' }));
    expect(onResolve).toHaveBeenCalledExactlyOnceWith({
      kind: 'fields',
      choices: { goal: 'remote', walkAway: 'local' },
    });
  });

  it('can change its mind before keeping', async () => {
    const { user, onResolve } = renderCard(conflictOf());
    await user.click(screen.getByRole('radio', { name: side('Salesforce', 'Agree on price') }));
    await user.click(screen.getByRole('radio', { name: side('Salesforce', '(empty)') }));
    await user.click(screen.getByRole('radio', { name: side('Mine', 'Agree on pilot scope') }));
    await user.click(screen.getByRole('button', { name: 'Keep these values' }));
    expect(onResolve).toHaveBeenCalledExactlyOnceWith({
      kind: 'fields',
      choices: { goal: 'local', walkAway: 'remote' },
    });
  });

  it('keeps mine on every field when the rep accepts as shown', async () => {
    const { user, onResolve } = renderCard(conflictOf());
    await user.click(screen.getByRole('button', { name: 'Keep these values' }));
    expect(onResolve).toHaveBeenCalledExactlyOnceWith({
      kind: 'fields',
      choices: { goal: 'local', walkAway: 'local' },
    });
  });

  it('renders hostile values and labels as text', () => {
    const hostile = '<img src=x onerror="window.hacked=1">';
    const { container } = renderCard(
      conflictOf({
        record: `Objection “${hostile}”`,
        fields: [{ field: 'goal', label: 'Goal', base: '', local: hostile, remote: `<script>alert(1)</script>` }],
      }),
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(
      screen.getByText(`Objection “${hostile}” was changed here and in Salesforce. Choose what to keep:`),
    ).toBeTruthy();
  });
});

describe('conflict card: deleted on one side, changed on the other', () => {
  it('deleted in Salesforce: restore mine or accept the deletion', async () => {
    const { user, onResolve } = renderCard(conflictOf({ remoteDeleted: true, fields: [] }));
    expect(screen.getByText('Call plan was deleted in Salesforce while you changed it here.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Keep these values' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Restore my version' }));
    expect(onResolve).toHaveBeenLastCalledWith({ kind: 'restore' });
    await user.click(screen.getByRole('button', { name: 'Accept the deletion' }));
    expect(onResolve).toHaveBeenLastCalledWith({ kind: 'delete' });
    expect(onResolve).toHaveBeenCalledTimes(2);
  });

  it("deleted here: names Salesforce's changes, keep them or delete anyway", async () => {
    const { user, onResolve } = renderCard(
      conflictOf({
        localDeleted: true,
        fields: [{ field: 'goal', label: 'Goal', base: 'Agree on scope', local: null, remote: 'Agree on price' }],
      }),
    );
    expect(screen.getByText('You deleted call plan, but it was changed in Salesforce meanwhile:')).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toBe('Goal: Agree on price');
    await user.click(screen.getByRole('button', { name: 'Keep it with their changes' }));
    expect(onResolve).toHaveBeenLastCalledWith({ kind: 'restore' });
    await user.click(screen.getByRole('button', { name: 'Delete it anyway' }));
    expect(onResolve).toHaveBeenLastCalledWith({ kind: 'delete' });
  });
});

describe('a value as the rep reads it', () => {
  const when = '2026-03-02T10:00:00.000Z';
  it.each<[string, unknown, string]>([
    ['null', null, '(empty)'],
    ['undefined', undefined, '(empty)'],
    ['the empty string', '', '(empty)'],
    ['true', true, 'Yes'],
    ['false', false, 'No'],
    ['a date and time', when, new Date(when).toLocaleString()],
    ['text that only starts like a date', '2026-03-02 call', '2026-03-02 call'],
    ['a date-like string that is no date', '2026-13-45Tnonsense', '2026-13-45Tnonsense'],
    ['a number', 3, '3'],
    ['markup', '<b>x</b>', '<b>x</b>'],
  ])('%s', (_name, value, shown) => {
    expect(shownValue(value)).toBe(shown);
  });
});
