/**
 * The JSON the Lightning-like pages fetch from `/demo-ui/*`. Names are resolved on the server, so
 * the browser code only formats and renders text. Shared with public/ as type-only imports.
 */
export interface RecordLink {
  id: string;
  name: string;
}

export interface CurrentUserView {
  id: string;
  name: string;
  username: string;
  role: string;
}

export interface OpportunityRow {
  id: string;
  name: string;
  account: RecordLink | null;
  stage: string;
  amount: number | null;
  /** `YYYY-MM-DD`, as Salesforce stores dates. */
  closeDate: string | null;
  probability: number | null;
  nextStep: string | null;
  owner: RecordLink | null;
  isClosed: boolean;
}

export interface StageView {
  name: string;
  probability: number;
}

export interface ListFilterView {
  name: string;
  label: string;
}

/** A Kanban column's true size, whatever number of its cards are loaded. */
export interface StageTotalView {
  name: string;
  count: number;
  amount: number;
}

/** Where a page of a list sits: `total` rows in all, `rows` starting at `offset`. */
export interface ListPage {
  total: number;
  offset: number;
  limit: number;
  /** The field the rows are sorted by, or null for the list's own order (Recently Viewed). */
  sortBy: string | null;
  sortDir: 'asc' | 'desc';
}

export interface OpportunityListView extends ListPage {
  filterName: string;
  label: string;
  filters: ListFilterView[];
  stages: StageView[];
  /** Per stage, over the whole list view (not only the `stage` asked for). */
  stageTotals: StageTotalView[];
  rows: OpportunityRow[];
}

export interface AccountRow {
  id: string;
  name: string;
  industry: string | null;
  billingCity: string | null;
  owner: RecordLink | null;
}

export interface AccountListView extends ListPage {
  label: string;
  rows: AccountRow[];
}

export interface ActivityEventView {
  id: string;
  subject: string;
  /** ISO date-time or date; null when the event has none. */
  start: string | null;
  related: RecordLink | null;
}

export interface OpportunityRecordView {
  sobject: 'Opportunity';
  opportunity: OpportunityRow;
  stages: StageView[];
  events: ActivityEventView[];
}

export interface AccountRecordView {
  sobject: 'Account';
  account: AccountRow;
  opportunities: OpportunityRow[];
}

export interface UserRecordView {
  sobject: 'User';
  user: { id: string; name: string; title: string; email: string; username: string };
}

/** A meeting on the calendar: its Related To lookup is how other records link an opportunity. */
export interface EventRecordView {
  sobject: 'Event';
  event: {
    id: string;
    subject: string;
    start: string | null;
    end: string | null;
    type: string | null;
    related: RecordLink | null;
    /** The related opportunity's account, as the event's Account lookup shows it. */
    account: RecordLink | null;
    owner: RecordLink | null;
  };
}

export type RecordView = OpportunityRecordView | AccountRecordView | UserRecordView | EventRecordView;

/** Global search results: the records whose name holds the term, grouped by object. */
export interface SearchView {
  term: string;
  opportunities: OpportunityRow[];
  accounts: AccountRow[];
}

export interface HomeView {
  heading: string;
  opportunities: OpportunityRow[];
  events: ActivityEventView[];
}

export interface UiError {
  errorCode: string;
  message: string;
}
