import { describe, expect, it } from 'vitest';
import { createTabPresence, type PresencePort } from '../../entrypoints/sidepanel/tab-presence';
import { sidePanelPortName } from '../../lib/messaging/side-panel-messages';

function fakeTabs() {
  const ports: { tabId: number; name: string; open: boolean; drop(): void }[] = [];
  const connect = (tabId: number, name: string): PresencePort => {
    const listeners: (() => void)[] = [];
    const entry = {
      tabId,
      name,
      open: true,
      drop() {
        entry.open = false;
        for (const listener of listeners) listener();
      },
    };
    ports.push(entry);
    return {
      disconnect: () => {
        entry.open = false;
      },
      onDisconnect: { addListener: (listener) => listeners.push(listener) },
    };
  };
  return { ports, connect, openTabs: () => ports.filter((p) => p.open).map((p) => p.tabId) };
}

describe('the side panel holds one port, to the tab it shows', () => {
  it('connects once per tab, moves with the active tab, and lets go elsewhere and on stop', () => {
    const tabs = fakeTabs();
    const presence = createTabPresence(tabs.connect);
    presence.follow(7);
    presence.follow(7);
    expect(tabs.ports).toHaveLength(1);
    expect(tabs.ports[0]?.name).toBe(sidePanelPortName);
    presence.follow(9);
    expect(tabs.openTabs()).toEqual([9]);
    presence.follow(null);
    expect(tabs.openTabs()).toEqual([]);
    presence.follow(9);
    presence.stop();
    expect(tabs.openTabs()).toEqual([]);
  });

  it('a tab that refused the port (page still loading) is tried again on the next follow', () => {
    const tabs = fakeTabs();
    const presence = createTabPresence(tabs.connect);
    presence.follow(7);
    tabs.ports[0]?.drop();
    presence.follow(7);
    expect(tabs.ports).toHaveLength(2);
    expect(tabs.openTabs()).toEqual([7]);
  });
});
