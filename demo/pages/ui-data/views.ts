import { keyPrefixes, normalizeRecordId } from '../../../lib/model/record-id';
import { opportunityStages } from '../../org/seed-data';
import type { DemoOrg, DemoUser, SObjectRecord } from '../../org/types';
import { toAccountRow } from './account-rows';
import { textField } from './fields';
import { localDate } from './list-filters';
import { createLookups, type Lookups, safeRecords } from './lookups';
import { byName, toOpportunityRow } from './opportunity-rows';
import type { ActivityEventView, CurrentUserView, HomeView, RecordView } from './types';

/** Builds what each page shows, always through `org.records(…, viewer)` so sharing applies. */
export function currentUserView(viewer: DemoUser): CurrentUserView {
  return { id: viewer.Id, name: viewer.Name, username: viewer.Username, role: viewer.role };
}

const homeOpportunityLimit = 10;

export function homeView(org: DemoOrg, viewer: DemoUser, now: Date): HomeView {
  const lookups = createLookups(org, viewer);
  const visible = safeRecords(org, 'Opportunity', viewer).map((r) => toOpportunityRow(r, lookups));
  // A manager owns no deals; their home shows the team's, which is what sharing lets them see.
  const mine = viewer.role === 'rep' ? visible.filter((o) => o.owner?.id === viewer.Id) : visible;
  const opportunityNames = new Map(visible.map((o) => [o.id, o.name]));
  const events = safeRecords(org, 'Event', viewer)
    .map((e) => toEventView(e, opportunityNames))
    .filter((e) => e.start !== null && e.start >= localDate(now))
    .sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''))
    .slice(0, 5);
  return {
    heading: viewer.role === 'rep' ? 'My open opportunities' : "My team's open opportunities",
    // Lightning's home shows a handful of deals, not the pipeline: big orgs stay light here.
    opportunities: mine
      .filter((o) => !o.isClosed)
      .sort(byName)
      .slice(0, homeOpportunityLimit),
    events,
  };
}

/** The record behind any 15- or 18-character id the viewer may see, or undefined (shown as not found). */
export function recordView(org: DemoOrg, viewer: DemoUser, rawId: string): RecordView | undefined {
  const id = normalizeRecordId(rawId);
  if (!id) return undefined;
  const lookups = createLookups(org, viewer);
  switch (id.slice(0, 3)) {
    case keyPrefixes.Opportunity:
      return opportunityRecordView(org, viewer, id, lookups);
    case keyPrefixes.Account:
      return accountRecordView(org, viewer, id, lookups);
    case keyPrefixes.User:
      return userRecordView(org, id);
    case keyPrefixes.Event:
      return eventRecordView(org, viewer, id, lookups);
    default:
      return undefined;
  }
}

function opportunityRecordView(org: DemoOrg, viewer: DemoUser, id: string, lookups: Lookups): RecordView | undefined {
  const record = safeRecord(org, 'Opportunity', id, viewer);
  if (!record) return undefined;
  const opportunity = toOpportunityRow(record, lookups);
  const names = new Map([[opportunity.id, opportunity.name]]);
  const events = safeRecords(org, 'Event', viewer)
    .filter((e) => e.WhatId === id)
    .map((e) => toEventView(e, names))
    .sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''));
  return {
    sobject: 'Opportunity',
    opportunity,
    stages: opportunityStages.map((s) => ({ name: s.name, probability: s.probability })),
    events,
  };
}

function accountRecordView(org: DemoOrg, viewer: DemoUser, id: string, lookups: Lookups): RecordView | undefined {
  const record = safeRecord(org, 'Account', id, viewer);
  if (!record) return undefined;
  const opportunities = safeRecords(org, 'Opportunity', viewer)
    .filter((o) => o.AccountId === id)
    .map((o) => toOpportunityRow(o, lookups))
    .sort(byName);
  return { sobject: 'Account', account: toAccountRow(record, lookups), opportunities };
}

/** An Event: its Related To lookup links the opportunity, named only when the viewer may see it. */
function eventRecordView(org: DemoOrg, viewer: DemoUser, id: string, lookups: Lookups): RecordView | undefined {
  const record = safeRecord(org, 'Event', id, viewer);
  if (!record) return undefined;
  const whatId = textField(record, 'WhatId');
  const opportunity = whatId ? safeRecord(org, 'Opportunity', whatId, viewer) : undefined;
  const related = opportunity ? toOpportunityRow(opportunity, lookups) : null;
  return {
    sobject: 'Event',
    event: {
      id: record.Id,
      subject: textField(record, 'Subject') ?? '',
      start: textField(record, 'StartDateTime') ?? textField(record, 'ActivityDateTime'),
      end: textField(record, 'EndDateTime'),
      type: textField(record, 'Type'),
      related: related ? { id: related.id, name: related.name } : null,
      account: related?.account ?? null,
      owner: lookups.user(textField(record, 'OwnerId')),
    },
  };
}

function userRecordView(org: DemoOrg, id: string): RecordView | undefined {
  const user = org.users().find((u) => u.Id === id);
  if (!user) return undefined;
  return {
    sobject: 'User',
    user: { id: user.Id, name: user.Name, title: user.Title, email: user.Email, username: user.Username },
  };
}

function toEventView(record: SObjectRecord, names: Map<string, string>): ActivityEventView {
  const whatId = textField(record, 'WhatId');
  const whatName = whatId ? names.get(whatId) : undefined;
  return {
    id: record.Id,
    subject: textField(record, 'Subject') ?? '',
    start:
      textField(record, 'StartDateTime') ?? textField(record, 'ActivityDateTime') ?? textField(record, 'ActivityDate'),
    related: whatId && whatName !== undefined ? { id: whatId, name: whatName } : null,
  };
}

function safeRecord(org: DemoOrg, sobject: string, id: string, viewer: DemoUser): SObjectRecord | undefined {
  try {
    return org.record(sobject, id, viewer);
  } catch {
    return undefined;
  }
}
