import { sidePanelPortName } from '../../lib/messaging/side-panel-messages';

export interface PresencePort {
  disconnect(): void;
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * The side panel holds a port to the content script of the tab it shows; the page folds its
 * "Call plan" launcher while the port is open. Chrome closes the port when the panel closes, the
 * tab reloads, or the panel follows another tab. A tab whose page is still loading refuses the
 * port: the next `follow` of the same tab tries again.
 */
export function createTabPresence(connect: (tabId: number, name: string) => PresencePort) {
  let held: { tabId: number; port: PresencePort } | null = null;
  const release = () => {
    held?.port.disconnect();
    held = null;
  };
  return {
    follow(tabId: number | null) {
      if (held && held.tabId === tabId) return;
      release();
      if (tabId === null) return;
      const port = connect(tabId, sidePanelPortName);
      const entry = { tabId, port };
      held = entry;
      port.onDisconnect.addListener(() => {
        if (held === entry) held = null;
      });
    },
    stop: release,
  };
}
