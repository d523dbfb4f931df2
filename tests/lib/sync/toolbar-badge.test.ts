import { describe, expect, it } from 'vitest';
import type { SyncState, SyncStatus } from '../../../lib/sync/sync-status';
import { toolbarBadge } from '../../../lib/sync/toolbar-badge';

const quiet = '#0176d3';
const attention = '#ba0517';

function statusOf(state: SyncState, counts: Partial<Omit<SyncStatus, 'state'>> = {}): SyncStatus {
  return { state, pending: 0, rejected: 0, conflicts: 0, unsynced: 0, apiUsage: null, ...counts };
}

const inSync: SyncState = { kind: 'in-sync', at: '2026-03-02T10:00:00.000Z' };

describe('the toolbar icon: how many plans are not in Salesforce, and why', () => {
  it.each<[string, SyncStatus, { text: string; title: string; color: string }]>([
    [
      'all in Salesforce',
      statusOf(inSync),
      { text: '', title: 'Precall: every call plan is in Salesforce', color: quiet },
    ],
    [
      'never synced, nothing written',
      statusOf({ kind: 'never-synced' }),
      { text: '', title: 'Precall: every call plan is in Salesforce', color: quiet },
    ],
    [
      'one plan waiting',
      statusOf(inSync, { unsynced: 1, pending: 1 }),
      { text: '1', title: 'Precall: 1 call plan not in Salesforce yet', color: quiet },
    ],
    [
      'many plans waiting',
      statusOf(inSync, { unsynced: 4, pending: 4 }),
      { text: '4', title: 'Precall: 4 call plans not in Salesforce yet', color: quiet },
    ],
    [
      'more than the badge holds',
      statusOf(inSync, { unsynced: 1500, pending: 1500 }),
      { text: '999', title: 'Precall: 1500 call plans not in Salesforce yet', color: quiet },
    ],
    [
      'signed out with nothing waiting',
      statusOf({ kind: 'signed-out', message: 'x' }),
      { text: '!', title: 'Precall: sign in to Salesforce to sync', color: attention },
    ],
    [
      'signed out with plans waiting',
      statusOf({ kind: 'signed-out', message: 'x' }, { unsynced: 2, pending: 2 }),
      { text: '2', title: 'Precall: sign in to Salesforce to sync (2 call plans waiting)', color: attention },
    ],
    [
      'offline with nothing waiting',
      statusOf({ kind: 'offline', retryAt: null }),
      { text: '', title: 'Precall: offline', color: quiet },
    ],
    [
      'offline with a plan waiting',
      statusOf({ kind: 'offline', retryAt: null }, { unsynced: 1, pending: 1 }),
      { text: '1', title: 'Precall: offline, 1 call plan will sync when back online', color: quiet },
    ],
    [
      'an error',
      statusOf({ kind: 'error', reason: 'Salesforce answered 500', retryAt: null }),
      { text: '', title: 'Precall: sync failed (Salesforce answered 500)', color: attention },
    ],
    [
      'an error with plans waiting',
      statusOf({ kind: 'error', reason: 'Bad', retryAt: null }, { unsynced: 3, pending: 3 }),
      { text: '3', title: 'Precall: sync failed (Bad), 3 call plans waiting', color: attention },
    ],
    [
      'syncing',
      statusOf({ kind: 'syncing', phase: 'push', done: 2, total: 5 }, { unsynced: 5, pending: 5 }),
      { text: '5', title: 'Precall: syncing 2 of 5', color: quiet },
    ],
    [
      'a conflict to resolve',
      statusOf(inSync, { unsynced: 1, conflicts: 1 }),
      { text: '1', title: 'Precall: 1 call plan not in Salesforce yet · 1 to resolve', color: attention },
    ],
    [
      'a refusal',
      statusOf(inSync, { unsynced: 2, rejected: 2 }),
      { text: '2', title: 'Precall: 2 call plans not in Salesforce yet · 2 refused by Salesforce', color: attention },
    ],
    [
      'both, offline',
      statusOf({ kind: 'offline', retryAt: null }, { unsynced: 3, conflicts: 1, rejected: 2 }),
      {
        text: '3',
        title: 'Precall: offline, 3 call plans will sync when back online · 1 to resolve · 2 refused by Salesforce',
        color: attention,
      },
    ],
  ])('%s', (_name, status, badge) => {
    expect(toolbarBadge(status)).toEqual(badge);
  });
});
