/**
 * Everything Precall knows about Lightning's markup, as data. Each entry says which page or
 * layout it covers; tests hold them against saved pages (tests/fixtures/pages).
 */
export const selectors = {
  /** The global header above every Lightning page; the panel docks below it. */
  globalHeader: ['#oneHeader', 'header.slds-global-header_container', '.slds-global-header_container', 'one-appnav'],
} as const;
