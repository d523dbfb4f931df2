/** What `followPage` needs of the page and the extension; the content script passes the real ones. */
export interface PageEnvironment {
  window: Pick<Window, 'location' | 'addEventListener' | 'setInterval' | 'clearInterval'> & {
    /** The Navigation API, where the browser has it. */
    navigation?: Pick<EventTarget, 'addEventListener'>;
  };
  /** The extension's id, undefined once this script outlived its extension (updated, reloaded, removed). */
  extensionId(): string | undefined;
  pollMs: number;
}

/**
 * Tells `navigate` every URL the page shows: at once, at each Lightning navigation the Navigation
 * API reports (before the page commits to it), at each back or forward, and every `pollMs`, which
 * catches navigations the Navigation API does not report across worlds. Aborts `lifetime` at the
 * first poll after the extension went: what this script drew then goes with it.
 */
export function followPage(navigate: (url: URL) => void, lifetime: AbortController, page: PageEnvironment): void {
  const { window, extensionId } = page;
  const { signal } = lifetime;
  const follow = (href = window.location.href) => navigate(new URL(href));
  const poll = window.setInterval(() => (extensionId() ? follow() : lifetime.abort()), page.pollMs);
  signal.addEventListener('abort', () => window.clearInterval(poll));
  window.navigation?.addEventListener(
    'navigate',
    (event) => follow((event as Event & { destination: { url: string } }).destination.url),
    { signal },
  );
  window.addEventListener('popstate', () => follow(), { signal });
  follow();
}
