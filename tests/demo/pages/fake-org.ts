import { randomBytes } from 'node:crypto';
import { demoOrgId, opportunityStages, seedAccounts, seedOpportunities, seedUsers } from '../../../demo/org/seed-data';
import type { DemoOrg, DemoSession, DemoUser, SObjectRecord } from '../../../demo/org/types';
import { to18 } from '../../../lib/model/record-id';

/**
 * A small in-memory `DemoOrg` from the seed data, so the pages are tested without the API
 * emulator. Sharing is the demo's rule: reps see what they own, a manager also what their reps
 * own, the admin everything; events follow their opportunity.
 */
export type FakeOrg = DemoOrg & { store: Record<'Opportunity' | 'Account' | 'Event', SObjectRecord[]> };

export function createFakeOrg(now = new Date()): FakeOrg {
  const users: DemoUser[] = seedUsers.map((u) => ({
    ...u,
    Name: `${u.FirstName} ${u.LastName}`,
    Email: u.Username,
  }));
  const store: FakeOrg['store'] = {
    Account: seedAccounts.map((a) => ({ ...a })),
    Opportunity: seedOpportunities.map(({ closeInDays, ...o }) => ({
      ...o,
      CloseDate: dateIn(now, closeInDays),
      Probability: opportunityStages.find((s) => s.name === o.StageName)?.probability ?? null,
      IsClosed: o.StageName.startsWith('Closed '),
    })),
    Event: seedOpportunities
      .slice(0, 4)
      .flatMap((o, i) => [
        event(`E${i}a`, o.Id, o.OwnerId, `Discovery call: ${o.Name}`, dateIn(now, -7 - i)),
        event(`E${i}b`, o.Id, o.OwnerId, o.NextStep ?? 'Follow-up call', dateIn(now, 2 + i)),
      ]),
  };
  const sessions = new Map<string, DemoSession>();

  const canSee = (viewer: DemoUser, ownerId: unknown): boolean => {
    if (viewer.role === 'admin' || ownerId === viewer.Id) return true;
    return viewer.role === 'manager' && users.some((u) => u.Id === ownerId && u.ManagerId === viewer.Id);
  };
  const visible = (sobject: string, viewer: DemoUser): SObjectRecord[] => {
    if (sobject === 'Event') {
      const opportunities = new Set(visible('Opportunity', viewer).map((o) => o.Id));
      return store.Event.filter((e) => opportunities.has(String(e.WhatId)));
    }
    if (sobject !== 'Opportunity' && sobject !== 'Account') throw new Error(`NOT_FOUND: ${sobject}`);
    return store[sobject].filter((r) => canSee(viewer, r.OwnerId));
  };

  return {
    orgId: demoOrgId,
    store,
    users: () => users,
    userByUsername: (username) => users.find((u) => u.Username === username),
    signIn(username) {
      const user = users.find((u) => u.Username === username);
      if (!user) throw new Error(`no user ${username}`);
      const session = { token: `${demoOrgId.slice(0, 15)}!${randomBytes(24).toString('base64url')}`, user };
      sessions.set(session.token, session);
      return session;
    },
    sessionFor: (token) => sessions.get(token),
    records: (sobject, viewer) => visible(sobject, viewer).map((r) => ({ ...r })),
    record: (sobject, id, viewer) => visible(sobject, viewer).find((r) => r.Id === id),
  };
}

function event(tail: string, whatId: string, ownerId: string, subject: string, day: string): SObjectRecord {
  return {
    Id: to18(`00U5g00000${tail.padEnd(5, '0')}`),
    WhatId: whatId,
    OwnerId: ownerId,
    Subject: subject,
    StartDateTime: `${day}T14:00:00.000+0000`,
    EndDateTime: `${day}T14:30:00.000+0000`,
  };
}

/** `YYYY-MM-DD` of `now` plus `days`, in local time like the pages' "this month". */
function dateIn(now: Date, days: number): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
