import { beforeEach, describe, expect, it, vi } from 'vitest';

// The record schemas are built on first parse (z.lazy): each test loads the mappers afresh, so the
// test that checks a field is the one that builds its schema.
let mappers: {
  meeting: typeof import('../../../lib/salesforce/map-meeting');
  opportunity: typeof import('../../../lib/salesforce/map-opportunity');
  user: typeof import('../../../lib/salesforce/map-user');
};

beforeEach(async () => {
  vi.resetModules();
  mappers = {
    meeting: await import('../../../lib/salesforce/map-meeting'),
    opportunity: await import('../../../lib/salesforce/map-opportunity'),
    user: await import('../../../lib/salesforce/map-user'),
  };
});

const fetchedAt = '2026-03-02T09:00:00.000Z';
const opportunityId = '006000000000001AAA';
const ownerId = '005000000000001AAA';

const event = {
  Id: '00U000000000001AAA',
  WhatId: opportunityId,
  Subject: 'Discovery call',
  Type: 'Call',
  StartDateTime: '2026-03-04T10:15:30.000+0000',
  EndDateTime: '2026-03-04T11:00:00.000+0000',
  OwnerId: ownerId,
  IsDeleted: false,
  SystemModstamp: '2026-03-01T08:00:00.000+0000',
};

describe('an Event becomes a meeting', () => {
  it('maps every field, with Salesforce date-times as ISO instants', () => {
    expect(mappers.meeting.remoteMeetingOf(event, fetchedAt)).toEqual({
      id: event.Id,
      row: {
        id: event.Id,
        opportunityId,
        subject: 'Discovery call',
        type: 'Call',
        startAt: '2026-03-04T10:15:30.000Z',
        endAt: '2026-03-04T11:00:00.000Z',
        ownerId,
        fetchedAt,
      },
      isDeleted: false,
      systemModstamp: event.SystemModstamp,
    });
  });

  it.each([
    ['on an account', { WhatId: '001000000000001AAA' }],
    ['on no record', { WhatId: null }],
    ['without a start', { StartDateTime: null }],
    ['with a start that is no date', { StartDateTime: 'next Tuesday' }],
  ])('is kept out of the meetings when it is %s, its deletion still known', (_, change) => {
    const mapped = mappers.meeting.remoteMeetingOf({ ...event, ...change, IsDeleted: true }, fetchedAt);
    expect(mapped).toEqual({ id: event.Id, row: null, isDeleted: true, systemModstamp: event.SystemModstamp });
  });

  it('gives an Event without subject, type or end an empty subject and no type or end', () => {
    const mapped = mappers.meeting.remoteMeetingOf(
      { ...event, Subject: null, Type: null, EndDateTime: null },
      fetchedAt,
    );
    expect(mapped.row).toMatchObject({ subject: '', type: null, endAt: null });
  });

  it.each([
    ['IsDeleted left out', {}, false],
    ['IsDeleted true', { IsDeleted: true }, true],
  ])('is deleted only when Salesforce says so (%s)', (_, change, isDeleted) => {
    const { IsDeleted: _dropped, ...withoutFlag } = event;
    expect(mappers.meeting.remoteMeetingOf({ ...withoutFlag, ...change }, fetchedAt).isDeleted).toBe(isDeleted);
  });

  it('keeps fields it does not know (a query may ask for more)', () => {
    expect(mappers.meeting.remoteMeetingOf({ ...event, Location: 'Zoom' }, fetchedAt).id).toBe(event.Id);
  });

  it.each([
    ['an Id shorter than 15 characters', { Id: '00U00000000001' }],
    ['no owner', { OwnerId: null }],
    ['an owner id shorter than 15 characters', { OwnerId: '00500000000001' }],
    ['a subject that is a number', { Subject: 4 }],
    ['a type that is a number', { Type: 4 }],
    ['an end that is a number', { EndDateTime: 4 }],
    ['a related record that is a number', { WhatId: 4 }],
    ['a start that is a number', { StartDateTime: 4 }],
    ['IsDeleted as text', { IsDeleted: 'true' }],
    ['no SystemModstamp', { SystemModstamp: undefined }],
  ])('rejects an Event with %s', (_, change) => {
    expect(() => mappers.meeting.remoteMeetingOf({ ...event, ...change }, fetchedAt)).toThrow();
  });
});

const opportunity = {
  Id: opportunityId,
  Name: 'Acme renewal',
  StageName: 'Negotiation',
  CloseDate: '2026-04-30',
  Amount: 48000,
  OwnerId: ownerId,
  AccountId: '001000000000001AAA',
  Account: { Name: 'Acme' },
  IsClosed: false,
  IsWon: false,
  IsDeleted: false,
  SystemModstamp: '2026-03-01T08:00:00.000+0000',
};

describe('an Opportunity becomes the read-only copy', () => {
  it('maps every field, the account name from the relationship', () => {
    expect(mappers.opportunity.remoteOpportunityOf(opportunity, fetchedAt)).toEqual({
      row: {
        id: opportunityId,
        name: 'Acme renewal',
        stageName: 'Negotiation',
        closeDate: '2026-04-30',
        amount: 48000,
        ownerId,
        accountId: '001000000000001AAA',
        accountName: 'Acme',
        isClosed: false,
        isWon: false,
        fetchedAt,
      },
      isDeleted: false,
      systemModstamp: opportunity.SystemModstamp,
    });
  });

  it.each([
    ['no account', { AccountId: null, Account: null }],
    ['an account it may not read', { Account: undefined }],
    ['an account without a name', { Account: { Name: null } }],
  ])('has no account name with %s', (_, change) => {
    expect(
      mappers.opportunity.remoteOpportunityOf({ ...opportunity, ...change }, fetchedAt).row.accountName,
    ).toBeNull();
  });

  it('keeps a closed, won deal without close date or amount as it is', () => {
    const mapped = mappers.opportunity.remoteOpportunityOf(
      { ...opportunity, IsClosed: true, IsWon: true, CloseDate: null, Amount: null },
      fetchedAt,
    );
    expect(mapped.row).toMatchObject({ isClosed: true, isWon: true, closeDate: null, amount: null });
  });

  it.each([
    ['IsDeleted left out', { IsDeleted: undefined }, false],
    ['IsDeleted true', { IsDeleted: true }, true],
  ])('is deleted only when Salesforce says so (%s)', (_, change, isDeleted) => {
    expect(mappers.opportunity.remoteOpportunityOf({ ...opportunity, ...change }, fetchedAt).isDeleted).toBe(isDeleted);
  });

  it('keeps fields it does not know, on the record and on its account', () => {
    const mapped = mappers.opportunity.remoteOpportunityOf(
      { ...opportunity, Probability: 60, Account: { Name: 'Acme', Type: 'Customer' } },
      fetchedAt,
    );
    expect(mapped.row.accountName).toBe('Acme');
  });

  it.each([
    ['an Id shorter than 15 characters', { Id: '00600000000001' }],
    ['no name', { Name: null }],
    ['no stage', { StageName: undefined }],
    ['a close date that is a number', { CloseDate: 20260430 }],
    ['an amount as text', { Amount: '48000' }],
    ['an owner id shorter than 15 characters', { OwnerId: '00500000000001' }],
    ['an account id that is a number', { AccountId: 1 }],
    ['an account name that is a number', { Account: { Name: 1 } }],
    ['an account that is text', { Account: 'Acme' }],
    ['IsClosed left out', { IsClosed: undefined }],
    ['IsWon as text', { IsWon: 'false' }],
    ['IsDeleted as text', { IsDeleted: 'false' }],
    ['no SystemModstamp', { SystemModstamp: undefined }],
  ])('rejects an Opportunity with %s', (_, change) => {
    expect(() => mappers.opportunity.remoteOpportunityOf({ ...opportunity, ...change }, fetchedAt)).toThrow();
  });
});

const user = {
  Id: ownerId,
  Name: 'Riley Rep',
  ManagerId: '005000000000002AAA',
  SystemModstamp: '2026-03-01T08:00:00.000+0000',
};

describe('a User becomes the read-only copy', () => {
  it('maps the name and the manager', () => {
    expect(mappers.user.remoteUserOf(user, fetchedAt)).toEqual({
      row: { id: ownerId, name: 'Riley Rep', managerId: '005000000000002AAA', fetchedAt },
      systemModstamp: user.SystemModstamp,
    });
  });

  it('keeps a user without a manager, and fields it does not know', () => {
    expect(mappers.user.remoteUserOf({ ...user, ManagerId: null, Title: 'AE' }, fetchedAt).row.managerId).toBeNull();
  });

  it.each([
    ['an Id shorter than 15 characters', { Id: '00500000000001' }],
    ['no name', { Name: undefined }],
    ['a manager left out', { ManagerId: undefined }],
    ['a manager id that is a number', { ManagerId: 5 }],
    ['no SystemModstamp', { SystemModstamp: null }],
  ])('rejects a User with %s', (_, change) => {
    expect(() => mappers.user.remoteUserOf({ ...user, ...change }, fetchedAt)).toThrow();
  });
});

describe('what each copy asks Salesforce for', () => {
  it('selects exactly the fields its schema reads', () => {
    expect(mappers.meeting.meetingSelect).toEqual(Object.keys(event));
    expect(mappers.opportunity.opportunitySelect).toEqual([
      'Id',
      'Name',
      'StageName',
      'CloseDate',
      'Amount',
      'OwnerId',
      'AccountId',
      'Account.Name',
      'IsClosed',
      'IsWon',
      'IsDeleted',
      'SystemModstamp',
    ]);
    expect(mappers.user.userSelect).toEqual(Object.keys(user));
  });
});
