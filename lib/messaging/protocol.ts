import { z } from 'zod';
import { callPlanSchema } from '../model/call-plan';
import { draftPlanSchema } from '../model/draft-plan';
import { fieldLimits } from '../model/field-limits';
import { isRecordId } from '../model/record-id';

/**
 * The one protocol between content scripts / extension pages and the background, which owns
 * all data. Every request is parsed with these schemas at the background before it is handled.
 */
const origin = z.url({ error: 'origin must be the Salesforce page origin' });
const opportunityId = z.string().refine(isRecordId, 'Not a Salesforce record id');

export const requestSchemas = {
  'session:get': z.object({ origin }),
  'plans:list': z.object({ origin, opportunityId }),
  'plan:save': z.object({ origin, plan: callPlanSchema }),
  'plan:delete': z.object({ origin, planKey: z.uuid() }),
  'summaries:get': z.object({ origin, opportunityIds: z.array(opportunityId).max(2000) }),
  'drafts:list': z.object({ origin, opportunityId }),
  'draft:save': z.object({ origin, plan: draftPlanSchema }),
  'draft:discard': z.object({ origin, planKey: z.uuid() }),
  /** `refresh`: answer after asking Salesforce (the panel asks twice: at once, then refreshed). */
  'opportunity:context': z.object({ origin, opportunityId, refresh: z.boolean().optional() }),
  'plan:coach-note': z.object({
    origin,
    planKey: z.uuid(),
    coachNote: z.string().max(fieldLimits.coachNote, {
      error: (issue) =>
        `Coaching note can be at most ${fieldLimits.coachNote} characters (Salesforce's limit); it has ${String(issue.input).length}`,
    }),
  }),
} as const;

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<T extends MessageType> = z.infer<(typeof requestSchemas)[T]>;

export const envelopeSchema = z.object({
  precall: z.literal(1),
  type: z.enum(Object.keys(requestSchemas) as [MessageType, ...MessageType[]]),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** Error codes a caller can act on; the message is for the user. */
export type ErrorCode =
  | 'invalid-message'
  | 'forbidden-sender'
  | 'not-signed-in'
  | 'offline'
  | 'not-found'
  | 'storage'
  | 'internal'
  | 'read-only';

export type Reply<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; fields?: Record<string, string> } };

/** Who is signed in on a Salesforce origin, and which local database holds their plans. */
export interface Session {
  orgId: string;
  userId: string;
  userName: string;
  displayName: string;
  /** The org's REST API origin (`https://<my-domain>.my.salesforce.com`), never a Lightning host. */
  apiOrigin: string;
  /** `precall-<orgId>-<userId>`: orgs and users never share a database. */
  dbName: string;
  /** `identity` when just confirmed with Salesforce, `cached` when offline and remembered. */
  source: 'identity' | 'cached';
}

export interface ResponseMap {
  'session:get': Session;
  'plans:list': import('../model/call-plan').PlanRecord[];
  'plan:save': import('../model/call-plan').PlanRecord;
  'plan:delete': { deleted: boolean };
  'summaries:get': Record<string, import('../model/plan-status').OpportunityPlanSummary>;
  'drafts:list': import('../model/draft-plan').SavedDraft[];
  /** `kept: false` when the draft held nothing the saved plan does not (so there is none). */
  'draft:save': { kept: boolean; savedAt: string };
  'draft:discard': { discarded: boolean };
  'opportunity:context': import('../model/opportunity-context').OpportunityContext;
  'plan:coach-note': import('../model/call-plan').PlanRecord;
}
