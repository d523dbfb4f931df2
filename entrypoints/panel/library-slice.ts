import type { StateCreator } from 'zustand';
import { request } from '../../lib/messaging/client';
import type { ObjectionSuggestion } from '../../lib/model/objection-library';
import type { PanelState } from './store';
import type { PanelDeps } from './store-deps';

export interface LibrarySlice {
  /** The objection library for the open plan's deal; empty until asked or when nothing was met. */
  suggestions: ObjectionSuggestion[];
  loadSuggestions(listed: string[]): Promise<void>;
  /** One click: the suggestion becomes an expected objection of the open plan, its response ready to adapt. */
  expectSuggested(objection: string, response: string): void;
}

export const createLibrarySlice =
  (deps: PanelDeps): StateCreator<PanelState, [], [], LibrarySlice> =>
  (set, get) => ({
    suggestions: [],
    async loadSuggestions(listed) {
      const opportunityId = get().opportunityId;
      try {
        const suggestions = await request(deps.send, 'objections:suggest', {
          origin: deps.origin,
          opportunityId,
          listed,
        });
        if (get().opportunityId === opportunityId) set({ suggestions });
      } catch {
        // The library is a help, not a step: without it the rep plans as before.
        set({ suggestions: [] });
      }
    },
    expectSuggested(objection, response) {
      const key = get().editingKey;
      if (!key) return;
      get().addObjection(true);
      const added = get().drafts[key]?.plan.objections.at(-1);
      if (added) get().changeObjection(added.objectionKey, { objection, response });
      set({ suggestions: get().suggestions.filter((s) => s.objection !== objection) });
    },
  });
