import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { isSalesforceOrigin } from '../../lib/salesforce/hosts';
import { pageOfTab, type TabPage } from './active-tab';
import { createTabPresence } from './tab-presence';

const allowDemo = import.meta.env.MODE === 'demo';
const pollMs = 1000;
const isSalesforce = (origin: string) => isSalesforceOrigin(origin, allowDemo);

/**
 * Follows the active tab of the side panel's window: switching tabs, and Lightning's own
 * navigation inside a tab (Chrome reports a pushState URL change as a tab update).
 */
export function useActiveTab(): TabPage | null {
  const [page, setPage] = useState<TabPage | null>(null);
  useEffect(() => {
    let windowId: number | undefined;
    let stopped = false;
    const presence = createTabPresence((tabId, name) => {
      const port = browser.tabs.connect(tabId, { name });
      // A page still loading has no listener yet: Chrome reports it here, and the next read retries.
      port.onDisconnect.addListener(() => void browser.runtime.lastError);
      return port;
    });
    const read = async () => {
      const [tab] = await browser.tabs.query({
        active: true,
        ...(windowId === undefined ? { currentWindow: true } : { windowId }),
      });
      if (stopped) return;
      const next = pageOfTab(tab?.url, isSalesforce, tab?.title);
      presence.follow(next.kind === 'opportunity' && tab?.id !== undefined ? tab.id : null);
      setPage((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    };
    const onActivated = (info: { windowId: number }) => {
      if (info.windowId === windowId) void read();
    };
    const onUpdated = (
      _tabId: number,
      change: { url?: string; status?: string },
      tab: { active: boolean; windowId: number },
    ) => {
      if (tab.active && tab.windowId === windowId && (change.url || change.status === 'complete')) void read();
    };
    void browser.windows.getCurrent().then((current) => {
      windowId = current.id;
      void read();
    });
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    // Events can be missed while the panel starts or the worker sleeps; a slow look-up catches up.
    const poll = setInterval(() => void read(), pollMs);
    return () => {
      stopped = true;
      presence.stop();
      clearInterval(poll);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return page;
}
