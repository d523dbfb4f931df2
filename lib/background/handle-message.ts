import { deletePlan } from '../db/delete-plan';
import { discardDraft, discardDraftIfSaved } from '../db/discard-draft';
import { ownerOfPlan } from '../db/owner-of-plan';
import type { PrecallDb } from '../db/precall-db';
import { draftsOfOpportunity } from '../db/read-drafts';
import { readOpportunityContext } from '../db/read-opportunity-context';
import { plansOfOpportunity, summariesOf } from '../db/read-plans';
import { saveCoachNote } from '../db/save-coach-note';
import { saveDraft } from '../db/save-draft';
import { savePlan } from '../db/save-plan';
import {
  envelopeSchema,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseMap,
  requestSchemas,
  type Session,
} from '../messaging/protocol';
import { fieldErrorsOf } from '../model/call-plan';
import { BackgroundError } from './background-error';
import { checkSender, type MessageSender, type SenderPolicy } from './check-sender';

export interface BackgroundDeps extends SenderPolicy {
  /** Who is signed in on that Salesforce origin; throws `not-signed-in` when nobody is. */
  resolveSession(origin: string): Promise<Session>;
  openDb(session: Session): PrecallDb;
  now(): Date;
  /** Called after a local write committed (sync schedules itself from here). */
  onLocalWrite?(session: Session): void;
  /**
   * Reads opportunities (with their meetings and owners) from Salesforce into the local copies.
   * The panel asks for it when it opens an opportunity; without it the panel shows what is local.
   */
  pullOpportunities?(session: Session, opportunityIds: readonly string[]): Promise<unknown>;
}

type Handlers = {
  [T in MessageType]: (request: RequestOf<T>, db: PrecallDb, session: Session) => Promise<ResponseMap[T]>;
};

/**
 * The background's single entry for messages: parse the envelope and payload with zod, check
 * the sender, resolve the org and user, then run the handler. Every failure becomes a typed
 * error reply; nothing throws across the message boundary.
 */
export function createMessageHandler(deps: BackgroundDeps) {
  const refreshOpportunity = createOpportunityRefresh(deps);
  const handlers: Handlers = {
    'session:get': async (_request, _db, session) => session,
    'plans:list': async ({ opportunityId }, db) => plansOfOpportunity(db, opportunityId),
    'plan:save': async ({ plan }, db, session) => {
      await ensureOwnPlan(db, plan.planKey, session);
      const saved = await savePlan(db, plan, deps.now(), session.userId);
      await discardDraftIfSaved(db, saved);
      deps.onLocalWrite?.(session);
      return saved;
    },
    'plan:delete': async ({ planKey }, db, session) => {
      await ensureOwnPlan(db, planKey, session);
      const deleted = await deletePlan(db, planKey, deps.now());
      await discardDraft(db, planKey);
      if (deleted) deps.onLocalWrite?.(session);
      return { deleted };
    },
    'summaries:get': async ({ opportunityIds }, db) => summariesOf(db, opportunityIds, deps.now()),
    'drafts:list': async ({ opportunityId }, db) => draftsOfOpportunity(db, opportunityId),
    'draft:save': async ({ plan }, db, session) => {
      await ensureOwnPlan(db, plan.planKey, session);
      const result = await saveDraft(db, plan, deps.now());
      if (result.kind === 'other-opportunity') {
        throw new BackgroundError('invalid-message', 'A draft stays on the opportunity of its plan');
      }
      return { kept: result.kind === 'kept', savedAt: result.savedAt };
    },
    'draft:discard': async ({ planKey }, db) => ({ discarded: await discardDraft(db, planKey) }),
    'opportunity:context': async ({ opportunityId, refresh }, db, session) => {
      const refreshProblem = refresh ? await refreshOpportunity(session, opportunityId) : undefined;
      const context = await readOpportunityContext(db, opportunityId, deps.now());
      return refreshProblem ? { ...context, refreshProblem } : context;
    },
    'plan:coach-note': async ({ planKey, coachNote }, db, session) => {
      const result = await saveCoachNote(db, planKey, coachNote, deps.now(), session.userId);
      if (result.kind === 'not-found') throw new BackgroundError('not-found', 'This call plan is not here any more');
      if (result.kind === 'own-plan') {
        throw new BackgroundError(
          'read-only',
          "Coaching notes are written by the rep's manager, not on one's own plan",
        );
      }
      deps.onLocalWrite?.(session);
      return result.plan;
    },
  };

  return async function handleMessage(message: unknown, sender: MessageSender): Promise<Reply<unknown>> {
    try {
      const envelope = envelopeSchema.safeParse(message);
      if (!envelope.success) throw new BackgroundError('invalid-message', 'Not a Precall message');
      const type = envelope.data.type;
      const payload = requestSchemas[type].safeParse(envelope.data.payload);
      if (!payload.success) {
        const fields = fieldErrorsOf(payload.error);
        const summary = Object.entries(fields)
          .map(([path, text]) => (path ? `${path}: ${text}` : text))
          .join('; ');
        throw new BackgroundError('invalid-message', `Invalid ${type} request: ${summary}`, fields);
      }
      const request = payload.data as { origin: string };
      checkSender(sender, request.origin, deps);
      const session = await deps.resolveSession(request.origin);
      const db = deps.openDb(session);
      const handler = handlers[type] as (request: unknown, db: PrecallDb, session: Session) => Promise<unknown>;
      return { ok: true, data: await handler(request, db, session) };
    } catch (error) {
      return { ok: false, error: toReplyError(error) };
    }
  };
}

/** A rep's plan is theirs: another user (their manager) may read it and coach, never rewrite it. */
async function ensureOwnPlan(db: PrecallDb, planKey: string, session: Session): Promise<void> {
  const owner = await ownerOfPlan(db, planKey);
  if (owner !== undefined && owner !== session.userId) {
    throw new BackgroundError(
      'read-only',
      "This call plan is another rep's: you can add a coaching note, not change it",
    );
  }
}

/**
 * One pull per opportunity at a time: the panel's two context requests, or two panels on the
 * same record, wait for the same pull. Answers why the refresh failed, or undefined.
 */
function createOpportunityRefresh(deps: BackgroundDeps) {
  const pulls = new Map<string, Promise<unknown>>();
  return async function refresh(session: Session, opportunityId: string): Promise<string | undefined> {
    const pullOpportunities = deps.pullOpportunities;
    if (!pullOpportunities) return undefined;
    const key = `${session.dbName}|${opportunityId}`;
    let pull = pulls.get(key);
    if (!pull) {
      pull = (async () => pullOpportunities(session, [opportunityId]))().finally(() => pulls.delete(key));
      pulls.set(key, pull);
    }
    try {
      await pull;
      return undefined;
    } catch (error) {
      return (error as Error)?.message ?? String(error);
    }
  };
}

function toReplyError(error: unknown): {
  code: BackgroundError['code'];
  message: string;
  fields?: Record<string, string>;
} {
  if (error instanceof BackgroundError) {
    return error.fields
      ? { code: error.code, message: error.message, fields: error.fields }
      : { code: error.code, message: error.message };
  }
  const name = (error as { name?: string })?.name;
  const message = (error as { message?: string })?.message ?? String(error);
  if (name === 'QuotaExceededError' || name?.startsWith('Dexie') || name === 'DatabaseClosedError') {
    return { code: 'storage', message: `Could not save in this browser: ${message}` };
  }
  return { code: 'internal', message };
}
