import { normalizeRecordId } from '../model/record-id';

/**
 * What the framed panel and the content script that framed it say with postMessage. Plain
 * checks, no zod: the content script on Salesforce's page stays small. Each side also checks
 * the sender window and origin before it reads a message.
 */
export type PanelToPage = { type: 'precall:collapse' };
export type PageToPanel = { type: 'precall:opportunity'; opportunityId: string };

export const collapseMessage: PanelToPage = { type: 'precall:collapse' };

export function opportunityMessage(opportunityId: string): PageToPanel {
  return { type: 'precall:opportunity', opportunityId };
}

export function isCollapseMessage(data: unknown): data is PanelToPage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'precall:collapse';
}

/** The opportunity a message from the framing page names, or null for anything else. */
export function opportunityIdOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, opportunityId } = data as { type?: unknown; opportunityId?: unknown };
  if (type !== 'precall:opportunity' || typeof opportunityId !== 'string') return null;
  return normalizeRecordId(opportunityId);
}
