import type { StateCreator } from 'zustand';
import { request } from '../../lib/messaging/client';
import type { PanelState } from './store';
import type { PanelDeps } from './store-deps';

export interface NotesSlice {
  /** The rep's plans here whose coaching note is new to them. */
  newNoteKeys: string[];
  loadNewNotes(): Promise<void>;
  /** The rep opened the plan and read its note. */
  markNoteRead(planKey: string): Promise<void>;
}

export const createNotesSlice =
  (deps: PanelDeps): StateCreator<PanelState, [], [], NotesSlice> =>
  (set, get) => ({
    newNoteKeys: [],
    async loadNewNotes() {
      const opportunityId = get().opportunityId;
      try {
        const { planKeys } = await request(deps.send, 'notes:unread', { origin: deps.origin, opportunityId });
        if (get().opportunityId === opportunityId) set({ newNoteKeys: planKeys });
      } catch {
        // Not signed in or offline: nothing is marked new, and the notes still show in each plan.
      }
    },
    async markNoteRead(planKey) {
      const plan = get().plans.find((p) => p.planKey === planKey);
      if (!plan || !get().newNoteKeys.includes(planKey)) return;
      set({ newNoteKeys: get().newNoteKeys.filter((key) => key !== planKey) });
      try {
        await request(deps.send, 'note:read', { origin: deps.origin, planKey, note: plan.coachNote });
      } catch {
        // Kept as new for the next visit: reading it again costs nothing.
      }
    },
  });
