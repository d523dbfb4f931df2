import { createContext, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import { type ContextSlice, createContextSlice } from './context-slice';
import { createEditorSlice, type EditorSlice } from './editor-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createNotesSlice, type NotesSlice } from './notes-slice';
import { createPlansSlice, type PlansSlice } from './plans-slice';
import { createPlaybookSlice, type PlaybookSlice } from './playbook-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createShownPlans } from './shown-plans';
import type { PanelDeps } from './store-deps';
import { createSyncSlice, type SyncSlice } from './sync-slice';

export type PanelState = SessionSlice &
  PlansSlice &
  EditorSlice &
  SyncSlice &
  ContextSlice &
  NotesSlice &
  LibrarySlice &
  PlaybookSlice;
export type PanelStore = StoreApi<PanelState>;

/** One store per mounted panel, so two panels (or two tests) never share a draft. */
export function createPanelStore(deps: PanelDeps, opportunityId: string): PanelStore {
  const shown = createShownPlans();
  const store = createStore<PanelState>()((...args) => ({
    ...createSessionSlice(deps)(...args),
    ...createPlansSlice(deps, opportunityId, shown)(...args),
    ...createEditorSlice(deps)(...args),
    ...createSyncSlice(deps)(...args),
    ...createContextSlice(deps)(...args),
    ...createNotesSlice(deps)(...args),
    ...createLibrarySlice(deps)(...args),
    ...createPlaybookSlice(deps)(...args),
  }));
  // Every list the rep saw is remembered, whichever step changed it last (a save, a delete, a pull).
  store.subscribe((state) => {
    if (state.plansState.kind === 'ready') shown.remember(state.opportunityId, state.plans);
  });
  return store;
}

export const PanelStoreContext = createContext<PanelStore | null>(null);

export function usePanelStore<T>(selector: (state: PanelState) => T): T {
  const store = useContext(PanelStoreContext);
  if (!store) throw new Error('usePanelStore needs a PanelStoreContext provider');
  return useStore(store, selector);
}
