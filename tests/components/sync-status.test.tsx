import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SyncStatusLine, stateText } from '../../components/sync-status';
import type { SyncState, SyncStatus } from '../../lib/messaging/protocol';

const at = '2026-03-02T10:05:00.000Z';
const shortTime = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

function statusOf(state: SyncState, counts: Partial<Omit<SyncStatus, 'state'>> = {}): SyncStatus {
  return { state, pending: 0, rejected: 0, conflicts: 0, unsynced: 0, apiUsage: null, ...counts };
}

function renderLine(status: SyncStatus | null, changesOpen = false) {
  const onSyncNow = vi.fn();
  const onToggleChanges = vi.fn();
  const view = render(
    <SyncStatusLine
      status={status}
      changesOpen={changesOpen}
      onSyncNow={onSyncNow}
      onToggleChanges={onToggleChanges}
    />,
  );
  return { ...view, onSyncNow, onToggleChanges, user: userEvent.setup() };
}

describe('sync status line: every state in words', () => {
  it.each<[string, SyncState, string]>([
    ['never synced', { kind: 'never-synced' }, 'Not synced with Salesforce yet'],
    ['syncing with a count', { kind: 'syncing', phase: 'push', done: 3, total: 7 }, 'Syncing 3 of 7…'],
    ['syncing before the count is known', { kind: 'syncing', phase: 'pull', done: 0, total: 0 }, 'Syncing…'],
    ['in sync', { kind: 'in-sync', at }, `In sync at ${shortTime(at)}`],
    [
      'offline with a retry',
      { kind: 'offline', retryAt: at },
      `Offline: your changes are kept, retrying at ${shortTime(at)}`,
    ],
    ['offline without a retry', { kind: 'offline', retryAt: null }, 'Offline: your changes are kept'],
    ['signed out', { kind: 'signed-out', message: 'Session expired' }, 'Sign in to Salesforce to sync your plans'],
    [
      'an error with a retry',
      { kind: 'error', reason: 'Salesforce answered 503', retryAt: at },
      `Sync failed: Salesforce answered 503. Retrying at ${shortTime(at)}`,
    ],
    ['an error without a retry', { kind: 'error', reason: 'Bad request', retryAt: null }, 'Sync failed: Bad request'],
  ])('%s', (_name, state, words) => {
    expect(stateText(state)).toBe(words);
    const { container } = renderLine(statusOf(state));
    expect(container.querySelector('.sync-state')?.textContent).toBe(words);
  });

  it('shows nothing before the first answer', () => {
    const { container } = renderLine(null);
    expect(container.textContent).toBe('');
  });

  it('counts what waits, what Salesforce refused and what to resolve, and opens Pending Changes', async () => {
    const { user, onToggleChanges, onSyncNow } = renderLine(
      statusOf({ kind: 'in-sync', at }, { pending: 2, rejected: 1, conflicts: 3 }),
    );
    const toggle = screen.getByRole('button', { name: '2 waiting · 1 refused · 3 to resolve' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(onToggleChanges).toHaveBeenCalledTimes(1);
    expect(onSyncNow).not.toHaveBeenCalled();
  });

  it('says Pending Changes is open', () => {
    renderLine(statusOf({ kind: 'in-sync', at }, { pending: 1 }), true);
    expect(screen.getByRole('button', { name: '1 waiting' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('names only the counts that are not zero, and offers no list when all is in Salesforce', () => {
    renderLine(statusOf({ kind: 'in-sync', at }, { conflicts: 1 }));
    expect(screen.getByRole('button', { name: '1 to resolve' })).toBeTruthy();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['1 to resolve', 'Sync now']);
  });

  it('Sync now asks for a sync', async () => {
    const { user, onSyncNow, onToggleChanges } = renderLine(statusOf({ kind: 'offline', retryAt: null }));
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(onSyncNow).toHaveBeenCalledTimes(1);
    expect(onToggleChanges).not.toHaveBeenCalled();
  });

  it.each<[string, SyncState]>([
    ['while a sync runs', { kind: 'syncing', phase: 'push', done: 1, total: 2 }],
    ['while signed out (signing in is the way forward)', { kind: 'signed-out', message: 'Session expired' }],
  ])('offers no Sync now %s', (_name, state) => {
    renderLine(statusOf(state));
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it.each<[string, SyncStatus, boolean]>([
    ['an error', statusOf({ kind: 'error', reason: 'x', retryAt: null }), true],
    ['signed out', statusOf({ kind: 'signed-out', message: 'x' }), true],
    ['a conflict to resolve', statusOf({ kind: 'in-sync', at }, { conflicts: 1 }), true],
    ['in sync', statusOf({ kind: 'in-sync', at }, { pending: 4 }), false],
    ['offline', statusOf({ kind: 'offline', retryAt: null }), false],
  ])('warns on %s', (_name, status, warns) => {
    const { container } = renderLine(status);
    expect(container.querySelector('.sync-status')?.classList.contains('sync-warning')).toBe(warns);
  });

  it('reads the state out politely as it changes', () => {
    const { container } = renderLine(statusOf({ kind: 'never-synced' }));
    expect(container.querySelector('.sync-state')?.getAttribute('aria-live')).toBe('polite');
  });

  it("renders Salesforce's reason as text, never as markup", () => {
    const reason = '<img src=x onerror="window.hacked=1"><b>bold</b>';
    const { container } = renderLine(statusOf({ kind: 'error', reason, retryAt: null }));
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.querySelector('.sync-state')?.textContent).toBe(`Sync failed: ${reason}`);
  });
});
