/**
 * Everything Precall knows about Lightning's markup, as data. Each entry says which page or
 * layout it covers; tests hold them against saved pages (tests/fixtures/pages).
 */
export const selectors = {
  /** The global header above every Lightning page; the panel docks below it. */
  globalHeader: ['#oneHeader', 'header.slds-global-header_container', '.slds-global-header_container', 'one-appnav'],
  /** The page container of the visible page; Lightning keeps earlier pages mounted but hidden. */
  activePage: [
    'div.windowViewMode-normal.active',
    'section.oneConsoleTab div.windowViewMode-maximized.active.lafPageHost',
  ],
  /** Record page body (Lightning record home flexipage). */
  recordHome: ['one-record-home-flexipage2', 'records-lwc-record-layout', 'flexipage-record-home-template-desktop2'],
} as const;
