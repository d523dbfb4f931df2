/**
 * Everything Precall knows about Lightning's markup, as data. Each entry says which page or
 * layout it covers; tests hold them against saved pages and pages built by hand from Lightning's
 * documented structure (tests/fixtures/pages). Never Lightning's generated class names.
 */
export const selectors = {
  /** The global header above every Lightning page; the panel docks below it. */
  globalHeader: ['#oneHeader', 'header.slds-global-header_container', '.slds-global-header_container', 'one-appnav'],

  /**
   * Where page containers come and go: the standard app's centre stage, a console app's tabset
   * body and each of its workspace tabs. Watched without their subtrees.
   */
  pageStages: ['.oneCenterStage', '.tabsetBody', 'section.oneConsoleTab'],

  /** Elements whose `class` (or `hidden`) switches which page shows: page containers and workspace tabs. */
  pageSwitches: ['div.windowViewMode-normal', 'div.windowViewMode-maximized', 'section.oneConsoleTab'],

  /**
   * A page's container. Lightning keeps visited pages mounted and marks the shown one `.active`
   * (standard apps: `windowViewMode-normal`, console apps: `windowViewMode-maximized` inside
   * each workspace tab, where hidden tabs keep their own `.active` page).
   */
  pageContainers: ['div.windowViewMode-normal.active', 'div.windowViewMode-maximized.active'],

  /** A console workspace tab that is not the one shown; everything inside it is hidden. */
  hiddenWorkspaceTab: 'section.oneConsoleTab:not(.active)',

  /**
   * Components that can hold links to opportunities: list views (table, Kanban and split view,
   * LWC and Aura), Lightning page components (home cards, related lists, record sections with
   * lookups, highlights), global search results.
   */
  linkHolders: ['lst-list-view-manager', '.forceListViewManager', 'flexipage-component2', '.forceSearchResultsRegion'],

  /** Anchors that may link a record: by URL, or by Lightning's `data-recordid` on lookup links. */
  recordLinks: 'a[href], a[data-recordid]',

  /**
   * One record's item in a list: a datatable row, a Kanban card, a split view item, a list
   * item. Only the first link to an opportunity in an item gets a badge.
   */
  recordItems: 'tr, [role="row"], .pipelineViewCard, .slds-split-view__list-item, li',

  /** A datatable row keyed by its record id (lightning-datatable's `key-field`). */
  keyedRow: 'tr[data-row-key-value]',
  rowKeyAttribute: 'data-row-key-value',

  /** The row's own record link sits in the row header cell (the name column). */
  rowHeaderCell: 'th[scope="row"], [role="rowheader"]',

  /**
   * A Kanban card: the record id is one of its class names (`div.<id>.pipelineViewCard`); its
   * first link is the card's title.
   */
  kanbanCard: '.pipelineViewCard',

  /**
   * Attributes whose change can mean a link now shows another record (recycled rows and cards);
   * `class` only counts on a Kanban card, whose id it carries.
   */
  recordAttributes: ['href', 'data-recordid', 'data-row-key-value', 'class'],
} as const;
