import type { StateCreator } from 'zustand';
import { request } from '../../lib/messaging/client';
import type { PendingChange, SyncStatus } from '../../lib/messaging/protocol';
import { errorMessageOf } from './session-slice';
import type { PanelState } from './store';
import type { PanelDeps } from './store-deps';

type Table = 'plans' | 'objections';
export type ConflictChoice =
  | { kind: 'fields'; choices: Record<string, 'local' | 'remote'> }
  | { kind: 'restore' }
  | { kind: 'delete' };

/** Whether Salesforce shows this user the opportunity the panel is on. */
export type Visibility = 'unknown' | 'visible' | 'not-visible';

export interface SyncSlice {
  syncStatus: SyncStatus | null;
  changes: PendingChange[];
  changesOpen: boolean;
  visibility: Visibility;
  /** What the last sync action said went wrong, if anything. */
  syncMessage: string | null;
  /** Salesforce hides Precall's objects from this user: the panel explains what to ask the admin. */
  objectsHidden: boolean;
  refreshSync(): Promise<void>;
  syncNow(): Promise<void>;
  toggleChanges(): void;
  /** Pulls the current opportunity's plans from Salesforce, then shows them. */
  pullOpportunity(): Promise<void>;
  resolveConflict(table: Table, key: string, resolution: ConflictChoice): Promise<void>;
  resolveRejection(table: Table, key: string, action: 'retry' | 'discard'): Promise<void>;
}

export const createSyncSlice =
  (deps: PanelDeps): StateCreator<PanelState, [], [], SyncSlice> =>
  (set, get) => {
    const origin = deps.origin;
    async function refreshChanges() {
      if (!get().changesOpen) return;
      set({ changes: await request(deps.send, 'sync:changes', { origin }) });
    }
    /** Reloads the list in place: no "Loading" flash over plans the rep is reading. */
    async function refreshPlans() {
      const opportunityId = get().opportunityId;
      try {
        const plans = await request(deps.send, 'plans:list', { origin, opportunityId });
        if (get().opportunityId === opportunityId && get().plansState.kind === 'ready') set({ plans });
      } catch {
        // The list keeps what it shows; the next load reports the problem.
      }
    }
    async function act(work: () => Promise<unknown>) {
      try {
        await work();
        set({ syncMessage: null });
      } catch (error) {
        set({ syncMessage: errorMessageOf(error) });
      }
      await get().refreshSync();
      await refreshPlans();
    }
    return {
      syncStatus: null,
      changes: [],
      changesOpen: false,
      visibility: 'unknown',
      syncMessage: null,
      objectsHidden: false,
      async refreshSync() {
        try {
          set({ syncStatus: await request(deps.send, 'sync:status', { origin }) });
          await refreshChanges();
        } catch {
          // The status line keeps its last answer; the plans say what is wrong with the background.
        }
      },
      async syncNow() {
        await act(async () => {
          set({ syncStatus: await request(deps.send, 'sync:run', { origin }) });
        });
      },
      toggleChanges() {
        set({ changesOpen: !get().changesOpen });
        void refreshChanges();
      },
      async pullOpportunity() {
        const opportunityId = get().opportunityId;
        try {
          // The rep opened this record: always Salesforce's current plans (badges use the freshness window).
          const pulled = await request(deps.send, 'plans:pull', {
            origin,
            opportunityIds: [opportunityId],
            force: true,
          });
          if (get().opportunityId !== opportunityId) return;
          const visibility: Visibility = pulled.notVisible.includes(opportunityId)
            ? 'not-visible'
            : pulled.pulled.includes(opportunityId)
              ? 'visible'
              : get().visibility;
          const objectsHidden = pulled.failure?.code === 'objects-not-visible';
          set({
            visibility,
            objectsHidden,
            syncMessage: pulled.failure && !objectsHidden ? pulled.failure.message : null,
          });
          if (pulled.pulled.length > 0) await refreshPlans();
        } catch (error) {
          set({ syncMessage: errorMessageOf(error) });
        }
        await get().refreshSync();
      },
      async resolveConflict(table, key, resolution) {
        await act(() => request(deps.send, 'conflict:resolve', { origin, table, key, resolution }));
      },
      async resolveRejection(table, key, action) {
        await act(() => request(deps.send, 'rejection:resolve', { origin, table, key, action }));
      },
    };
  };
