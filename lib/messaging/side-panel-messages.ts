/**
 * What a Salesforce page asks the background about Chrome's side panel. Kept apart from the data
 * protocol: opening the side panel must happen while the click that asked for it still counts as
 * a user gesture, before any await (session lookup, database), so the background answers these
 * first (parsed with zod there; the content script that sends them stays small).
 */
export type SidePanelRequest = { precall: 1; type: 'side-panel:open' };

export const openSidePanelRequest: SidePanelRequest = { precall: 1, type: 'side-panel:open' };

/**
 * The name of the port the side panel holds to the tab it shows: while it is connected, the
 * page's "Call plan" launcher folds away (the panel is already open).
 */
export const sidePanelPortName = 'precall-side-panel';
