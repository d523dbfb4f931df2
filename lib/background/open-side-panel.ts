import * as z from 'zod/mini';
import type { MessageSender } from './check-sender';

const sidePanelRequestSchema = z.lazy(() =>
  z.strictObject({ precall: z.literal(1), type: z.literal('side-panel:open') }),
);

/** True for the side panel request of lib/messaging/side-panel-messages.ts, and nothing else. */
export function isSidePanelRequest(message: unknown): boolean {
  return sidePanelRequestSchema.safeParse(message).success;
}

export interface SidePanelApi {
  open(options: { tabId: number }): Promise<void>;
}

export interface TabSender extends MessageSender {
  tab?: { id?: number };
}

/**
 * Opens Chrome's side panel beside the tab whose page asked. Called synchronously from the
 * message listener: Chrome only opens it while the rep's click still counts as a gesture.
 */
export function openSidePanelFor(
  sender: TabSender,
  extensionId: string,
  sidePanel: SidePanelApi,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const tabId = sender.tab?.id;
  if (sender.id !== extensionId || tabId === undefined) {
    return Promise.resolve({ ok: false, error: 'Only a Salesforce page with Precall can open its side panel' });
  }
  return sidePanel.open({ tabId }).then(
    () => ({ ok: true }) as const,
    (error: Error) => ({ ok: false, error: error.message }) as const,
  );
}
