import * as z from 'zod/mini';
// The failure quotes zod's own message for the field: in English, not a bare "Invalid input".
import '../model/zod-english';
import { SyncFailure } from './sync-failure';

/**
 * Reads every queried record with its zod-checked mapper. A record Precall cannot read stops
 * the step with a clear error naming it, rather than being skipped unseen.
 */
export function parseRemote<T>(records: readonly unknown[], read: (raw: unknown) => T, what: string): T[] {
  return records.map((raw) => {
    try {
      return read(raw);
    } catch (error) {
      if (!(error instanceof z.core.$ZodError)) throw error;
      const id = (raw as { Id?: unknown } | null)?.Id;
      const issue = error.issues[0];
      const where = issue ? `${issue.path.join('.')}: ${issue.message}` : error.message;
      throw new SyncFailure(
        'error',
        'MALFORMED_RECORD',
        `Salesforce sent ${articleOf(what)} ${what}${typeof id === 'string' ? ` (${id})` : ''} Precall cannot read (${where})`,
      );
    }
  });
}

/** "an objection", "an event", "a call plan", "a user" (every name Precall reads starts so). */
function articleOf(what: string): string {
  return /^[aeio]/.test(what) ? 'an' : 'a';
}
