import { openSidePanelRequest, sidePanelPortName } from '../../messaging/side-panel-messages';
import { dockStyles } from './dock-styles';
import { watchHeaderBottom } from './header-bottom';
import { reservePageRoom, tabWidth } from './page-room';

/** The part of a runtime port the launcher needs. */
export interface PanelPort {
  name: string;
  onDisconnect: { addListener(listener: () => void): void };
}

export interface LauncherOptions {
  /** `browser.runtime.sendMessage`. */
  send(message: unknown): Promise<unknown>;
  /** `browser.runtime.onConnect`: the side panel's port to this tab arrives here. */
  connections: { addListener(listener: (port: PanelPort) => void): void };
  signal: AbortSignal;
}

// Kept for the tab's life: the side panel stays connected across Lightning's navigations.
let panelPorts = 0;
let listening = false;
let applyPanel = () => {};

/**
 * The slim "Call plan" tab that opens Chrome's side panel, for reps who keep the plan there. It
 * takes its own narrow room at the page's right edge, so it covers nothing of Lightning.
 */
export function mountLauncher({ send, connections, signal }: LauncherOptions): void {
  if (!listening) {
    listening = true;
    connections.addListener((port) => {
      if (port.name !== sidePanelPortName) return;
      panelPorts++;
      applyPanel();
      port.onDisconnect.addListener(() => {
        panelPorts--;
        applyPanel();
      });
    });
  }
  const host = document.createElement('div');
  host.setAttribute('data-precall-launcher', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = dockStyles;
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.className = 'tab';
  tab.textContent = 'Call plan';
  tab.setAttribute('aria-label', 'Open the Precall call plan');
  tab.setAttribute('data-precall-tab', '');
  root.append(style, tab);
  document.body.append(host);
  const room = reservePageRoom(signal);
  // While the side panel shows this tab, the launcher has nothing to offer: fold it, free its strip.
  const apply = () => {
    tab.hidden = panelPorts > 0;
    room(panelPorts ? 0 : tabWidth);
  };
  applyPanel = apply;
  apply();

  watchHeaderBottom(host, (bottom) => (tab.style.top = `${bottom}px`), signal);
  // The message is sent inside the click, so the background still holds the rep's gesture.
  tab.addEventListener(
    'click',
    () => {
      send(openSidePanelRequest).catch(console.warn);
    },
    { signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      host.remove();
      // A launcher mounted for the next page may already have taken over.
      if (applyPanel === apply) applyPanel = () => {};
    },
    { once: true },
  );
}
