import type { CoachingCopies } from '../db/coaching-copy';
import type { PrecallDb } from '../db/precall-db';
import type { Session } from '../messaging/protocol';

const dayMs = 86_400_000;
/** The view opens on the last four weeks; a week more covers any time zone and the week's start. */
const primedDays = 35;

/**
 * After a sync run, a manager's coaching copy is brought up to date, so the view opens on rows
 * already held instead of reading every plan of the team then (seconds over 20,000 plans when
 * the worker has just started). A rep's own plans are few: their first read is quick as it is,
 * and a rep who never opens the view costs nothing.
 */
export async function primeCoachingCopy(
  copies: CoachingCopies,
  db: PrecallDb,
  session: Session,
  now: Date,
): Promise<boolean> {
  const manages = (await db.users.where('managerId').equals(session.userId).count()) > 0;
  if (!manages) return false;
  const toMs = now.getTime() + dayMs;
  await copies.read(db, { fromMs: toMs - primedDays * dayMs, toMs });
  return true;
}
