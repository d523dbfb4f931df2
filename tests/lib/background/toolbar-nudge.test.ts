import { describe, expect, it, vi } from 'vitest';
import { createToolbarNudges, nudgeColors, toolbarNudge } from '../../../lib/background/toolbar-nudge';
import type { Session } from '../../../lib/messaging/protocol';
import type { SyncState, SyncStatus } from '../../../lib/sync/sync-status';

const status = (state: SyncState, counts: Partial<SyncStatus> = {}): SyncStatus => ({
  state,
  pending: 0,
  rejected: 0,
  conflicts: 0,
  unsynced: 0,
  apiUsage: null,
  ...counts,
});
const inSync = status({ kind: 'in-sync', at: '2026-03-02T10:00:00Z' });

describe('the toolbar icon nudges the rep', () => {
  it.each([
    [
      'nothing due, in sync',
      0,
      inSync,
      '',
      nudgeColors.outcomes,
      'Precall: no outcome to log · every call plan is in Salesforce',
    ],
    [
      'one outcome due',
      1,
      inSync,
      '1',
      nudgeColors.outcomes,
      'Precall: 1 outcome to log · every call plan is in Salesforce',
    ],
    [
      'many due, capped',
      150,
      inSync,
      '99',
      nudgeColors.outcomes,
      'Precall: 150 outcomes to log · every call plan is in Salesforce',
    ],
    [
      'plans waiting is not trouble',
      2,
      status({ kind: 'in-sync', at: '2026-03-02T10:00:00Z' }, { pending: 3, unsynced: 3 }),
      '2',
      nudgeColors.outcomes,
      'Precall: 2 outcomes to log · 3 call plans not in Salesforce yet',
    ],
    [
      'signed out with nothing due shows !',
      0,
      status({ kind: 'signed-out', message: 'x' }),
      '!',
      nudgeColors.trouble,
      'Precall: no outcome to log · sign in to Salesforce to sync',
    ],
    [
      'an error keeps the count, in red, with its reason',
      2,
      status({ kind: 'error', reason: 'Salesforce is down', retryAt: null }, { unsynced: 1, pending: 1 }),
      '2',
      nudgeColors.trouble,
      'Precall: 2 outcomes to log · sync failed (Salesforce is down), 1 call plan waiting',
    ],
    [
      'a conflict is trouble',
      0,
      status({ kind: 'in-sync', at: '2026-03-02T10:00:00Z' }, { conflicts: 1, unsynced: 1 }),
      '!',
      nudgeColors.trouble,
      'Precall: no outcome to log · 1 call plan not in Salesforce yet · 1 to resolve',
    ],
    [
      'a refusal is trouble',
      1,
      status({ kind: 'in-sync', at: '2026-03-02T10:00:00Z' }, { rejected: 1, unsynced: 1 }),
      '1',
      nudgeColors.trouble,
      'Precall: 1 outcome to log · 1 call plan not in Salesforce yet · 1 refused by Salesforce',
    ],
    [
      'offline is not trouble',
      0,
      status({ kind: 'offline', retryAt: null }),
      '',
      nudgeColors.outcomes,
      'Precall: no outcome to log · offline',
    ],
  ])('%s', (_name, due, syncStatus, text, color, title) => {
    expect(toolbarNudge(due, syncStatus)).toEqual({ text, color, title });
  });

  it('speaks for the user who last used Precall, and redraws when another user does', async () => {
    const shown: string[] = [];
    const session = (dbName: string) => ({ dbName }) as Session;
    const nudges = createToolbarNudges({
      outcomesDue: async (s) => (s.dbName === 'riley' ? 2 : 0),
      syncStatus: async () => inSync,
      show: (badge) => shown.push(badge.text),
    });
    await nudges.refresh();
    expect(shown).toEqual([]);
    nudges.activity(session('riley'));
    await nudges.refresh();
    nudges.activity(session('riley'));
    nudges.activity(session('morgan'));
    await nudges.refresh();
    expect(shown).toEqual(['2', '2', '', '']);
  });

  it('does not redraw when the same user goes on, and never draws a user who is no longer the last', async () => {
    const shown: string[] = [];
    const session = (dbName: string) => ({ dbName }) as Session;
    let finishRiley: (due: number) => void = () => {};
    let slowRiley = false;
    const outcomesDue = vi.fn(async (s: Session) => {
      if (s.dbName !== 'riley') return 0;
      if (!slowRiley) return 2;
      return new Promise<number>((resolve) => (finishRiley = resolve));
    });
    const nudges = createToolbarNudges({
      outcomesDue,
      syncStatus: async () => inSync,
      show: (badge) => shown.push(badge.text),
    });
    nudges.activity(session('riley'));
    await vi.waitFor(() => expect(shown).toEqual(['2']));
    nudges.activity(session('riley'));
    await nudges.refresh();
    expect(outcomesDue).toHaveBeenCalledTimes(2);
    // Riley's count is slow to come; Morgan uses Precall meanwhile.
    slowRiley = true;
    const late = nudges.refresh();
    nudges.activity(session('morgan'));
    await vi.waitFor(() => expect(shown).toEqual(['2', '2', '']));
    finishRiley(5);
    await late;
    expect(shown).toEqual(['2', '2', '']);
  });
});
