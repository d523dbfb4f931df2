import { browser } from 'wxt/browser';
import { opportunityIdOf } from '../salesforce/page-detection';
import type { PageFeature } from './page-feature';
import { loadCollapsed, saveCollapsed } from './record-panel/collapsed-preference';
import { mountDock } from './record-panel/dock';

/** The call-plan panel beside every opportunity record page. */
export const recordPanel: PageFeature = {
  name: 'record-panel',
  appliesTo: (url) => opportunityIdOf(url) !== null,
  start(url, signal) {
    let opportunityId = opportunityIdOf(url) as string;
    let dock: ReturnType<typeof mountDock> | undefined;
    // The preference is read before mounting, so a folded panel never flashes open.
    void loadCollapsed().then((collapsed) => {
      if (signal.aborted) return;
      dock = mountDock({
        panelUrl: browser.runtime.getURL('/panel.html'),
        opportunityId,
        collapsed,
        onCollapsedChange: (value) => void saveCollapsed(value),
        signal,
      });
    });
    return {
      follow(next) {
        opportunityId = opportunityIdOf(next) as string;
        dock?.showOpportunity(opportunityId);
      },
    };
  },
};
