/** The width of the folded tab, kept free at the page's right edge so the tab covers nothing. */
export const tabWidth = 32;

/** The open dock: narrower on small screens, so Lightning keeps two columns at 1280 px. */
export function dockWidth(viewportWidth: number): number {
  return Math.round(Math.min(400, Math.max(320, viewportWidth * 0.28)));
}

/**
 * Takes room at the right edge of the page for the dock by a margin on the root element, so
 * Lightning's own layout narrows and reflows (as it does beside Chrome's side panel) and none of
 * its elements is restyled. Fixed elements (the global header) keep the full width; the dock sits
 * below the header. Undone when `signal` aborts.
 */
export function reservePageRoom(signal: AbortSignal): (width: number) => void {
  const root = document.documentElement;
  const before = root.style.getPropertyValue('margin-right');
  const priority = root.style.getPropertyPriority('margin-right');
  signal.addEventListener('abort', () => root.style.setProperty('margin-right', before, priority), { once: true });
  return (width) => root.style.setProperty('margin-right', `${width}px`, 'important');
}
