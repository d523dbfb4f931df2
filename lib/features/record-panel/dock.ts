import { isCollapseMessage, opportunityMessage } from '../../messaging/frame-messages';
import { dockStyles } from './dock-styles';
import { watchHeaderBottom } from './header-bottom';
import { dockWidth, reservePageRoom, tabWidth } from './page-room';

export interface DockOptions {
  panelUrl: string;
  opportunityId: string;
  collapsed: boolean;
  onCollapsedChange(collapsed: boolean): void;
  signal: AbortSignal;
}

export interface Dock {
  showOpportunity(opportunityId: string): void;
  setCollapsed(collapsed: boolean): void;
}

/**
 * Docks the framed panel on the right edge, below Lightning's header, in a shadow root of its
 * own on `document.body` (outside every Lightning template, so re-renders never remove it).
 * Removed, with its listeners, when `signal` aborts.
 */
export function mountDock(options: DockOptions): Dock {
  const { signal } = options;
  const host = document.createElement('div');
  host.setAttribute('data-precall-dock', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = dockStyles;

  const dock = document.createElement('div');
  dock.className = 'dock';
  dock.setAttribute('role', 'complementary');
  dock.setAttribute('aria-label', 'Precall call plan');
  const frame = document.createElement('iframe');
  frame.setAttribute('data-precall-panel', '');
  frame.title = 'Precall call plan';
  frame.src = panelSrc(options.panelUrl, options.opportunityId);
  dock.append(frame);

  const tab = document.createElement('button');
  tab.type = 'button';
  tab.className = 'tab';
  tab.textContent = 'Call plan';
  tab.setAttribute('aria-label', 'Open the Precall call plan');
  tab.setAttribute('data-precall-tab', '');

  root.append(style, dock, tab);
  document.body.append(host);

  const panelOrigin = originOf(options.panelUrl);
  let opportunityId = options.opportunityId;
  const reserve = reservePageRoom(signal);

  let top = 0;
  const place = () => {
    for (const element of [dock, tab]) element.style.top = `${top}px`;
    dock.style.height = `calc(100vh - ${top}px)`;
    // The viewport keeps its width whatever the root's margin, so the dock never shrinks itself.
    const width = dockWidth(window.innerWidth);
    dock.style.width = `${width}px`;
    reserve(dock.hidden ? tabWidth : width);
  };
  const setCollapsed = (collapsed: boolean) => {
    dock.hidden = collapsed;
    tab.hidden = !collapsed;
    place();
  };

  setCollapsed(options.collapsed);
  window.addEventListener('resize', place, { signal });
  // Lightning may draw or resize its header after the panel docks (async rendering, banners).
  watchHeaderBottom(
    host,
    (bottom) => {
      top = bottom;
      place();
    },
    signal,
  );
  tab.addEventListener(
    'click',
    () => {
      setCollapsed(false);
      options.onCollapsedChange(false);
      frame.focus();
    },
    { signal },
  );
  window.addEventListener(
    'message',
    (event) => {
      if (event.source !== frame.contentWindow || event.origin !== panelOrigin) return;
      if (isCollapseMessage(event.data)) {
        setCollapsed(true);
        options.onCollapsedChange(true);
        tab.focus();
      }
    },
    { signal },
  );
  signal.addEventListener('abort', () => host.remove(), { once: true });

  return {
    showOpportunity(next) {
      if (next === opportunityId) return;
      opportunityId = next;
      frame.contentWindow?.postMessage(opportunityMessage(next), panelOrigin);
    },
    setCollapsed,
  };
}

/** `URL.origin` is "null" for extension URLs outside Chrome; protocol and host are not. */
function originOf(url: string): string {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}`;
}

function panelSrc(panelUrl: string, opportunityId: string): string {
  const url = new URL(panelUrl);
  url.searchParams.set('origin', location.origin);
  url.searchParams.set('opportunityId', opportunityId);
  return url.href;
}
