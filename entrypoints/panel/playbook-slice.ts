import type { StateCreator } from 'zustand';
import { request } from '../../lib/messaging/client';
import type { OpportunityPlaybook } from '../../lib/model/playbook/playbook-view';
import type { PanelState } from './store';
import type { PanelDeps } from './store-deps';

export interface PlaybookSlice {
  /** The playbook at the current opportunity's stage; null until the background answered. */
  opportunityPlaybook: OpportunityPlaybook | null;
  loadPlaybook(): Promise<void>;
  /** Opens the team playbook page in a tab. */
  playbookUrl(): string;
}

export const createPlaybookSlice =
  (deps: PanelDeps): StateCreator<PanelState, [], [], PlaybookSlice> =>
  (set, get) => ({
    opportunityPlaybook: null,
    async loadPlaybook() {
      const opportunityId = get().opportunityId;
      try {
        const answer = await request(deps.send, 'playbook:for-opportunity', { origin: deps.origin, opportunityId });
        if (get().opportunityId === opportunityId) set({ opportunityPlaybook: answer });
      } catch (error) {
        // The playbook guides; without it the rep still plans.
        console.warn('Precall: no playbook', error);
      }
    },
    playbookUrl() {
      return `/playbook.html?origin=${encodeURIComponent(deps.origin)}`;
    },
  });
