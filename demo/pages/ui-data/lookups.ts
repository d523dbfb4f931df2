import type { DemoOrg, DemoUser } from '../../org/types';
import { textField } from './fields';
import type { RecordLink } from './types';

/**
 * Names behind lookup ids, resolved once per request. Accounts follow the viewer's sharing, as a
 * lookup to a record you cannot see shows no name in Lightning; users are visible to everyone.
 */
export interface Lookups {
  user(id: string | null): RecordLink | null;
  account(id: string | null): RecordLink | null;
}

export function createLookups(org: DemoOrg, viewer: DemoUser): Lookups {
  const users = new Map(org.users().map((u) => [u.Id, u.Name]));
  const accounts = new Map(safeRecords(org, 'Account', viewer).map((a) => [a.Id, textField(a, 'Name') ?? a.Id]));
  const link = (names: Map<string, string>, id: string | null): RecordLink | null => {
    const name = id ? names.get(id) : undefined;
    return id && name !== undefined ? { id, name } : null;
  };
  return {
    user: (id) => link(users, id),
    account: (id) => link(accounts, id),
  };
}

/** An object the org does not hold (e.g. no Events seeded) reads as empty rather than failing the page. */
export function safeRecords(org: DemoOrg, sobject: string, viewer: DemoUser) {
  try {
    return org.records(sobject, viewer);
  } catch {
    return [];
  }
}
