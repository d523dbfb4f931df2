import { deletePlan } from '../db/delete-plan';
import type { PrecallDb } from '../db/precall-db';
import { plansOfOpportunity, summariesOf } from '../db/read-plans';
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
import { type BadgeSender, createBadgeService } from './badge-service';
import { checkSender, type MessageSender, type SenderPolicy } from './check-sender';

export interface BackgroundDeps extends SenderPolicy {
  /** Who is signed in on that Salesforce origin; throws `not-signed-in` when nobody is. */
  resolveSession(origin: string): Promise<Session>;
  openDb(session: Session): PrecallDb;
  now(): Date;
  /** Called after a local write committed (sync schedules itself from here). */
  onLocalWrite?(session: Session): void;
  /** Sync's pull by id (plans, objections, opportunity, meetings); badges refresh stale ids with it. */
  pullOpportunities?(session: Session, opportunityIds: readonly string[]): Promise<unknown>;
  /** `browser.tabs.sendMessage`: badges updated after a pull reach the frame that asked. */
  sendToTab?(tabId: number, message: unknown, frameId?: number): Promise<unknown>;
}

type Handlers = {
  [T in MessageType]: (
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
  const handlers: Handlers = {
    'session:get': async (_request, _db, session) => session,
    'plans:list': async ({ opportunityId }, db) => plansOfOpportunity(db, opportunityId),
    'plan:save': async ({ plan }, db, session) => {
      const saved = await savePlan(db, plan, deps.now(), session.userId);
      deps.onLocalWrite?.(session);
      return saved;
    },
    'plan:delete': async ({ planKey }, db, session) => {
      const deleted = await deletePlan(db, planKey, deps.now());
      if (deleted) deps.onLocalWrite?.(session);
      return { deleted };
    },
    'summaries:get': async ({ opportunityIds }, db) => summariesOf(db, opportunityIds, deps.now()),
    'badges:get': async (request, db, session, sender) => badges.answer(request, db, session, sender as BadgeSender),
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
      const handler = handlers[type] as (
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
