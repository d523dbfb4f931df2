import { openSidePanelRequest } from '../../messaging/side-panel-messages';
import { headerBottom } from './dock';
import { dockStyles } from './dock-styles';
import { reservePageRoom, tabWidth } from './page-room';

export interface LauncherOptions {
  /** `browser.runtime.sendMessage`. */
  send(message: unknown): Promise<unknown>;
  signal: AbortSignal;
}

/**
 * The slim "Call plan" tab that opens Chrome's side panel, for reps who keep the plan there. It
 * takes its own narrow room at the page's right edge, so it covers nothing of Lightning.
 */
export function mountLauncher({ send, signal }: LauncherOptions): void {
  const host = document.createElement('div');
  host.setAttribute('data-precall-launcher', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = dockStyles;
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.className = 'tab';
  tab.textContent = 'Call plan';
  tab.setAttribute('aria-label', "Open the Precall call plan in Chrome's side panel");
  tab.setAttribute('data-precall-tab', '');
  root.append(style, tab);
  document.body.append(host);
  reservePageRoom(signal)(tabWidth);

  const place = () => {
    tab.style.top = `${headerBottom()}px`;
  };
  place();
  window.addEventListener('resize', place, { signal });
  // The message is sent inside the click, so the background still holds the rep's gesture.
  tab.addEventListener(
    'click',
    () => {
      send(openSidePanelRequest).catch((error) => console.warn('Precall side panel:', error));
    },
    { signal },
  );
  signal.addEventListener('abort', () => host.remove(), { once: true });
}
