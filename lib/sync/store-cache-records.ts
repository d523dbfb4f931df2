import type { PrecallDb } from '../db/precall-db';
import type { UserRow } from '../db/salesforce-cache';
import type { RemoteMeeting } from '../salesforce/map-meeting';
import type { RemoteOpportunity } from '../salesforce/map-opportunity';

/** Read-only copies: Salesforce's version replaces the local one; a deleted record goes. */
export async function storeOpportunities(
  db: PrecallDb,
  opportunities: readonly RemoteOpportunity[],
  plansFetchedAt?: string,
): Promise<void> {
  await db.transaction('rw', db.opportunities, async () => {
    for (const { row, isDeleted } of opportunities) {
      if (isDeleted) {
        await db.opportunities.delete(row.id);
        continue;
      }
      const known = await db.opportunities.get(row.id);
      await db.opportunities.put({ ...row, plansFetchedAt: plansFetchedAt ?? known?.plansFetchedAt ?? null });
    }
  });
}

export async function storeMeetings(db: PrecallDb, meetings: readonly RemoteMeeting[]): Promise<void> {
  await db.transaction('rw', db.meetings, async () => {
    for (const meeting of meetings) {
      if (meeting.isDeleted || !meeting.row) await db.meetings.delete(meeting.id);
      else await db.meetings.put(meeting.row);
    }
  });
}

export async function storeUsers(db: PrecallDb, users: readonly UserRow[]): Promise<void> {
  await db.users.bulkPut([...users]);
}
