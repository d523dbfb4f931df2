import { browser } from 'wxt/browser';

const key = 'precall:panel-collapsed';

/** Whether the rep last folded the panel away; remembered across pages and restarts. */
export async function loadCollapsed(): Promise<boolean> {
  const stored = await browser.storage.local.get(key);
  return stored[key] === true;
}

export async function saveCollapsed(collapsed: boolean): Promise<void> {
  await browser.storage.local.set({ [key]: collapsed });
}
