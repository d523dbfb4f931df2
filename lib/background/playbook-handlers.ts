import { readAdherence, readOpportunityPlaybook, readPlaybookView } from '../db/playbook-view';
import type { PrecallDb } from '../db/precall-db';
import { isManager } from '../db/read-playbook';
import { savePlaybook } from '../db/save-playbook';
import type { RequestOf, ResponseMap, Session } from '../messaging/protocol';
import type { SyncService } from '../sync/sync-service';
import { BackgroundError } from './background-error';

type PlaybookMessage = 'playbook:get' | 'playbook:save' | 'playbook:for-opportunity' | 'playbook:adherence';

export interface PlaybookDeps {
  now(): Date;
  onLocalWrite?(session: Session): void;
  sync?: SyncService;
}

/**
 * The team playbook's messages: the page reads and a manager saves their own team's playbook
 * (reps read it; Salesforce's permission sets say the same), the panel reads the playbook at an
 * opportunity's stage, and the Adherence section reads its figures.
 */
export function createPlaybookHandlers(deps: PlaybookDeps): {
  [T in PlaybookMessage]: (request: RequestOf<T>, db: PrecallDb, session: Session) => Promise<ResponseMap[T]>;
} {
  return {
    'playbook:get': async ({ refresh }, db, session) => {
      if (refresh && deps.sync) await deps.sync.run(session, db, { caches: true });
      return readPlaybookView(db, session.userId);
    },
    'playbook:save': async ({ bundle }, db, session) => {
      if (!(await isManager(db, session.userId))) {
        throw new BackgroundError('read-only', "Only a team's manager edits its playbook; reps read it");
      }
      const result = await savePlaybook(db, bundle, deps.now(), session.userId);
      if (result.kind === 'not-owner') {
        throw new BackgroundError('read-only', "This playbook is another manager's: you can read it, not change it");
      }
      if (result.changes > 0) deps.onLocalWrite?.(session);
      return readPlaybookView(db, session.userId);
    },
    'playbook:for-opportunity': async ({ opportunityId }, db) => readOpportunityPlaybook(db, opportunityId),
    'playbook:adherence': async ({ from, to, timeZone }, db, session) => {
      try {
        return await readAdherence(db, session.userId, { from, to, timeZone, now: deps.now() });
      } catch (error) {
        if (error instanceof RangeError) throw new BackgroundError('invalid-message', error.message);
        throw error;
      }
    },
  };
}
