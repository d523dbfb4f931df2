/** What the framed panel and the content script say to each other with postMessage. */
export type PanelToPage = { type: 'precall:collapse' } | { type: 'precall:ready'; opportunityId: string };
export type PageToPanel = { type: 'precall:opportunity'; opportunityId: string };

export function isPanelToPage(data: unknown): data is PanelToPage {
  if (!data || typeof data !== 'object') return false;
  const type = (data as { type?: unknown }).type;
  return type === 'precall:collapse' || type === 'precall:ready';
}
