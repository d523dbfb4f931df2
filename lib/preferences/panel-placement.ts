import { browser } from 'wxt/browser';

/**
 * Where the call plan shows: in Chrome's side panel (the browser narrows the page and Lightning
 * reflows around it) or docked in the page. Kept in `chrome.storage.local` under
 * `precall:panel-placement`, so the options page, the panel and every Salesforce tab share it;
 * a change applies at once in open tabs.
 */
export type PanelPlacement = 'side-panel' | 'dock';

export const placementKey = 'precall:panel-placement';
/** Measured on the demo org at 1280, 1440 and 1920 px (README): the side panel covers nothing, ever. */
export const defaultPlacement: PanelPlacement = 'side-panel';

/** Anything stored that is not one of the two places reads as the default (plain check: content scripts have no zod). */
export function placementOf(stored: unknown): PanelPlacement {
  return stored === 'dock' || stored === 'side-panel' ? stored : defaultPlacement;
}

export async function loadPlacement(): Promise<PanelPlacement> {
  const stored = await browser.storage.local.get(placementKey);
  return placementOf(stored[placementKey]);
}

export async function savePlacement(placement: PanelPlacement): Promise<void> {
  await browser.storage.local.set({ [placementKey]: placement });
}

/** Calls `listener` when the rep picks the other place (here, in another tab, or in options). */
export function onPlacementChange(listener: (placement: PanelPlacement) => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && placementKey in changes) listener(placementOf(changes[placementKey]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}
