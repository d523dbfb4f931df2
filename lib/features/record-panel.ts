import { browser } from 'wxt/browser';
import { loadPlacement, onPlacementChange, type PanelPlacement } from '../preferences/panel-placement';
import { opportunityIdOf } from '../salesforce/page-detection';
import type { PageFeature } from './page-feature';
import { loadCollapsed, saveCollapsed } from './record-panel/collapsed-preference';
import { mountDock } from './record-panel/dock';
import { mountLauncher } from './record-panel/launcher';

/**
 * The call plan beside every opportunity record page: docked in the page, or a slim tab that
 * opens Chrome's side panel, as the rep chose; a new choice applies at once.
 */
export const recordPanel: PageFeature = {
  name: 'record-panel',
  appliesTo: (url) => opportunityIdOf(url) !== null,
  start(url, signal) {
    let opportunityId = opportunityIdOf(url) as string;
    let dock: ReturnType<typeof mountDock> | undefined;
    let mounted: AbortController | undefined;

    const show = async (placement: PanelPlacement) => {
      mounted?.abort();
      dock = undefined;
      const current = new AbortController();
      mounted = current;
      signal.addEventListener('abort', () => current.abort(), { once: true });
      if (placement === 'side-panel') {
        mountLauncher({
          send: (message) => browser.runtime.sendMessage(message),
          connections: browser.runtime.onConnect,
          signal: current.signal,
        });
        return;
      }
      // The preference is read before mounting, so a folded panel never flashes open.
      const collapsed = await loadCollapsed();
      if (current.signal.aborted) return;
      dock = mountDock({
        panelUrl: browser.runtime.getURL('/panel.html'),
        opportunityId,
        collapsed,
        onCollapsedChange: (value) => void saveCollapsed(value),
        signal: current.signal,
      });
    };

    void loadPlacement().then((placement) => {
      if (!signal.aborted) void show(placement);
    });
    onPlacementChange((placement) => void show(placement), signal);
    return {
      follow(next) {
        opportunityId = opportunityIdOf(next) as string;
        dock?.showOpportunity(opportunityId);
      },
    };
  },
};
