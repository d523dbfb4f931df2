import { deletePlan } from '../db/delete-plan';
import { discardDraft, discardDraftIfSaved } from '../db/discard-draft';
import { markNoteRead, unreadNotes } from '../db/note-reads';
import { ownerOfPlan } from '../db/owner-of-plan';
import type { PrecallDb } from '../db/precall-db';
import { draftsOfOpportunity } from '../db/read-drafts';
import { readObjectionLibrary } from '../db/read-objection-library';
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
  type SignInMessageType,
  signInMessageTypes,
} from '../messaging/protocol';
import { fieldErrorsOf } from '../model/call-plan';
import { pendingChanges } from '../sync/pending-changes';
import { ResolutionError, resolveConflict } from '../sync/resolve-conflict';
import { resolveRejection } from '../sync/resolve-rejection';
import type { SyncService } from '../sync/sync-service';
import { readSyncStatus } from '../sync/sync-status';
import { BackgroundError } from './background-error';
import { type BadgeSender, createBadgeService } from './badge-service';
import { checkExtensionPage, checkSender, type MessageSender, type SenderPolicy } from './check-sender';
import type { CoachingService } from './coaching-service';
import { createPlaybookHandlers } from './playbook-handlers';

export interface BackgroundDeps extends SenderPolicy {
  /** Who is signed in on that Salesforce origin; throws `not-signed-in` when nobody is. */
  resolveSession(origin: string): Promise<Session>;
  openDb(session: Session): PrecallDb;
  now(): Date;
  /** Called after a local write committed (sync schedules itself from here). */
  onLocalWrite?(session: Session): void;
  /** Sign-in messages of Precall's own pages (lib/salesforce/sign-in/sign-in-handlers.ts). */
  signIn?: { [T in SignInMessageType]: (request: RequestOf<T>) => Promise<unknown> };
  /** Runs, on-demand pulls and status of sync; without it, only the local status is answered. */
  sync?: SyncService;
  /** The coaching view's report and drill-down; the worker loads their code when first asked. */
  coaching?: CoachingService;
  /** Called for every message a signed-in page or panel sends (sync learns who is active). */
  onActivity?(session: Session): void;
  /** Sync's pull by id (plans, objections, opportunity, meetings); badges refresh stale ids with it. */
  pullOpportunities?(session: Session, opportunityIds: readonly string[]): Promise<unknown>;
  /** `browser.tabs.sendMessage`: badges updated after a pull reach the frame that asked. */
  sendToTab?(tabId: number, message: unknown, frameId?: number): Promise<unknown>;
}

type Handlers = {
  [T in Exclude<MessageType, SignInMessageType>]: (
    request: RequestOf<T>,
    db: PrecallDb,
    session: Session,
    sender: MessageSender,
  ) => Promise<ResponseMap[T]>;
};

/**
 * The background's single entry for messages: parse the envelope and payload with zod, check
 * the sender, resolve the org and user, then run the handler. Every failure becomes a typed
 * error reply; nothing throws across the message boundary.
 */
export function createMessageHandler(deps: BackgroundDeps) {
  const badges = createBadgeService(deps);
  const refreshOpportunity = createOpportunityRefresh(deps);
  const coaching = () => {
    if (!deps.coaching) throw new BackgroundError('internal', 'Coaching is not available here');
    return deps.coaching;
  };
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
    'sync:status': async (_request, db) => (deps.sync ? deps.sync.status(db) : readSyncStatus(db, null)),
    'sync:run': async (_request, db, session) => {
      if (!deps.sync) throw new BackgroundError('internal', 'Sync is not available here');
      await deps.sync.run(session, db);
      return deps.sync.status(db);
    },
    'sync:changes': async (_request, db) => pendingChanges(db),
    'plans:pull': async ({ opportunityIds, force }, db, session) => {
      if (!deps.sync)
        return { pulled: [], notVisible: [], failure: { kind: 'error', message: 'Sync is not available' } };
      return deps.sync.pullOpportunities(session, db, opportunityIds, { force: force === true });
    },
    'conflict:resolve': async ({ table, key, resolution }, db, session) => {
      await resolving(() => resolveConflict(db, session.userId, { table, key }, resolution, deps.now()));
      deps.onLocalWrite?.(session);
      return { resolved: true };
    },
    'rejection:resolve': async ({ table, key, action }, db, session) => {
      await resolving(() => resolveRejection(db, { table, key }, action, deps.now()));
      deps.onLocalWrite?.(session);
      return { resolved: true };
    },
    'badges:get': async (request, db, session, sender) => badges.answer(request, db, session, sender as BadgeSender),
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
    'coaching:report': async (request, db, session) => coaching().report(request, db, session),
    'coaching:evidence': async (request, db, session) => coaching().evidence(request, db, session),
    'notes:unread': async ({ opportunityId }, db, session) => ({
      planKeys: await unreadNotes(db, opportunityId, session.userId),
    }),
    'note:read': async ({ planKey, note }, db) => ({ read: await markNoteRead(db, planKey, note, deps.now()) }),
    'objections:suggest': async ({ opportunityId, listed }, db) => readObjectionLibrary(db, opportunityId, listed),
    ...createPlaybookHandlers(deps),
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
      if ((signInMessageTypes as readonly string[]).includes(type)) {
        checkExtensionPage(sender, deps);
        const signIn = deps.signIn?.[type as SignInMessageType] as ((request: unknown) => Promise<unknown>) | undefined;
        if (!signIn) throw new BackgroundError('internal', 'Sign-in is not available here');
        return { ok: true, data: await signIn(payload.data) };
      }
      const request = payload.data as { origin: string };
      checkSender(sender, request.origin, deps);
      const session = await deps.resolveSession(request.origin);
      deps.onActivity?.(session);
      const db = deps.openDb(session);
      const handler = handlers[type as keyof Handlers] as (
        request: unknown,
        db: PrecallDb,
        session: Session,
        sender: MessageSender,
      ) => Promise<unknown>;
      return { ok: true, data: await handler(request, db, session, sender) };
    } catch (error) {
      return { ok: false, error: toReplyError(error) };
    }
  };
}

/** A choice on a conflict or refusal that no longer applies is the caller's to refresh. */
async function resolving(resolve: () => Promise<void>): Promise<void> {
  try {
    await resolve();
  } catch (error) {
    if (error instanceof ResolutionError) throw new BackgroundError('not-found', error.message);
    throw error;
  }
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
