import * as z from 'zod/mini';
import { callPlanSchema } from '../model/call-plan';
import { draftPlanSchema } from '../model/draft-plan';
import { fieldLimits } from '../model/field-limits';
import { playbookBundleSchema } from '../model/playbook/playbook';
import { isRecordId, keyPrefixes } from '../model/record-id';
import type { PendingChange } from '../sync/pending-changes';
import type { OpportunityPullResult } from '../sync/sync-service';
import type { SyncStatus } from '../sync/sync-status';
import { badgeIdsPerRequest } from './badge-messages';
import { coachingEvidenceFigureSchema, coachingPeriodShape, periodChecked } from './coaching-messages';

/**
 * The one protocol between content scripts / extension pages and the background, which owns
 * all data. Every request is parsed with these schemas at the background before it is handled.
 */
const origin = z.lazy(() => z.url({ error: 'origin must be the Salesforce page origin' }));
const opportunityId = z.lazy(() => z.string().check(z.refine(isRecordId, 'Not a Salesforce record id')));
const syncedTable = z.lazy(() => z.enum(['plans', 'objections']));

/**
 * Each request's schema, built the first time a message of its type is parsed: zod 4 builds a
 * schema's every check when it is declared, and the worker would otherwise build all of them at
 * each start, before it could answer the one message that woke it.
 */
const requestSchemaBuilders = {
  'session:get': () => z.object({ origin }),
  'plans:list': () => z.object({ origin, opportunityId }),
  'plan:save': () => z.object({ origin, plan: callPlanSchema }),
  'plan:delete': () => z.object({ origin, planKey: z.uuid() }),
  'summaries:get': () => z.object({ origin, opportunityIds: z.array(opportunityId).check(z.maxLength(2000)) }),
  // Sign-in, from Precall's own top-level pages (options, the OAuth callback): no org named.
  'signin:accounts': () => z.object({}),
  'oauth:start': () =>
    z.object({
      loginUrl: z.url({ protocol: /^https?$/, error: 'The login URL must be a web address' }),
      clientId: z.string().check(z.trim(), z.minLength(1, 'Enter the consumer key'), z.maxLength(255)),
    }),
  'oauth:complete': () => z.object({ callbackUrl: z.string().check(z.maxLength(4000)) }),
  'org:check': () =>
    z.object({ orgId: z.string().check(z.regex(/^00D\w{15}$/)), userId: z.string().check(z.regex(/^005\w{15}$/)) }),
  'account:sign-out': () =>
    z.object({ orgId: z.string().check(z.regex(/^00D\w{15}$/)), userId: z.string().check(z.regex(/^005\w{15}$/)) }),
  'account:forget': () => z.object({ orgId: z.string().check(z.regex(/^00D\w{15}$/)), confirm: z.boolean() }),
  'sync:status': () => z.object({ origin }),
  'sync:run': () => z.object({ origin }),
  'sync:changes': () => z.object({ origin }),
  'plans:pull': () =>
    z.object({
      origin,
      opportunityIds: z.array(opportunityId).check(z.minLength(1), z.maxLength(2000)),
      force: z.optional(z.boolean()),
    }),
  'conflict:resolve': () =>
    z.object({
      origin,
      table: syncedTable,
      key: z.uuid(),
      resolution: z.discriminatedUnion('kind', [
        z.object({
          kind: z.literal('fields'),
          choices: z.record(z.string().check(z.maxLength(64)), z.enum(['local', 'remote'])),
        }),
        z.object({ kind: z.literal('restore') }),
        z.object({ kind: z.literal('delete') }),
      ]),
    }),
  'rejection:resolve': () =>
    z.object({ origin, table: syncedTable, key: z.uuid(), action: z.enum(['retry', 'discard']) }),
  'badges:get': () =>
    z.object({
      origin,
      opportunityIds: z
        .array(
          z
            .string()
            .check(z.refine((id) => isRecordId(id) && id.startsWith(keyPrefixes.Opportunity), 'Not an opportunity id')),
        )
        .check(z.minLength(1), z.maxLength(badgeIdsPerRequest)),
    }),
  'drafts:list': () => z.object({ origin, opportunityId }),
  'draft:save': () => z.object({ origin, plan: draftPlanSchema }),
  'draft:discard': () => z.object({ origin, planKey: z.uuid() }),
  /** `refresh`: answer after asking Salesforce (the panel asks twice: at once, then refreshed). */
  'opportunity:context': () => z.object({ origin, opportunityId, refresh: z.optional(z.boolean()) }),
  'plan:coach-note': () =>
    z.object({
      origin,
      planKey: z.uuid(),
      coachNote: z.string().check(
        z.maxLength(fieldLimits.coachNote, {
          error: (issue) =>
            `Coaching note can be at most ${fieldLimits.coachNote} characters (Salesforce's limit); it has ${String(issue.input).length}`,
        }),
      ),
    }),
  /** `refresh`: answer after a sync run brought the team's latest plans (the view asks twice). */
  'coaching:report': () =>
    periodChecked(z.object({ origin, ...coachingPeriodShape(), refresh: z.optional(z.boolean()) })),
  'coaching:evidence': () =>
    periodChecked(
      z.object({
        origin,
        ...coachingPeriodShape(),
        figure: coachingEvidenceFigureSchema,
        /** null: the chosen reps together. */
        repId: z.nullable(z.string().check(z.maxLength(18))),
        /** null: the whole period. */
        weekStart: z.nullable(z.iso.date()),
      }),
    ),
  /** The rep's own plans on an opportunity with a coaching note they have not read. */
  'notes:unread': () => z.object({ origin, opportunityId }),
  'note:read': () =>
    z.object({ origin, planKey: z.uuid(), note: z.string().check(z.maxLength(fieldLimits.coachNote)) }),
  /** Objections met on similar deals, ranked; `listed`: what the plan already expects. */
  'objections:suggest': () =>
    z.object({
      origin,
      opportunityId,
      listed: z
        .array(z.string().check(z.maxLength(fieldLimits.objection)))
        .check(z.maxLength(fieldLimits.sortOrder + 1)),
    }),
  /** The team playbook page; `refresh`: answer after a sync with Salesforce. */
  'playbook:get': () => z.object({ origin, refresh: z.optional(z.boolean()) }),
  'playbook:save': () => z.object({ origin, bundle: playbookBundleSchema }),
  /** The playbook at an opportunity's stage, for the panel's checklist. */
  'playbook:for-opportunity': () => z.object({ origin, opportunityId }),
  'playbook:adherence': () =>
    z.object({
      origin,
      from: z.iso.date(),
      to: z.iso.date(),
      timeZone: z.string().check(z.minLength(1), z.maxLength(100)),
    }),
} as const;

type RequestSchemas = {
  readonly [T in keyof typeof requestSchemaBuilders]: ReturnType<(typeof requestSchemaBuilders)[T]>;
};

export const requestSchemas: RequestSchemas = lazilyBuilt(requestSchemaBuilders);

/** An object with the builders' keys whose values are built on first read, then kept. */
function lazilyBuilt<T extends Record<string, () => unknown>>(builders: T): { [K in keyof T]: ReturnType<T[K]> } {
  const built = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(builders) as (keyof T)[]) {
    Object.defineProperty(built, key, {
      enumerable: true,
      configurable: true,
      get() {
        const schema = builders[key]?.();
        Object.defineProperty(built, key, { value: schema, enumerable: true, writable: false });
        return schema;
      },
    });
  }
  return built;
}

/** Messages that name no org: only Precall's top-level pages may send them. */
export const signInMessageTypes = [
  'signin:accounts',
  'oauth:start',
  'oauth:complete',
  'org:check',
  'account:sign-out',
  'account:forget',
] as const;
export type SignInMessageType = (typeof signInMessageTypes)[number];

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<T extends MessageType> = z.infer<(typeof requestSchemas)[T]>;

export const envelopeSchema = z.object({
  precall: z.literal(1),
  type: z.enum(Object.keys(requestSchemaBuilders) as [MessageType, ...MessageType[]]),
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
  | 'read-only'
  | SignInFailureCode;

/**
 * Why nobody could be signed in on an origin; each has its own words in
 * lib/salesforce/sign-in-messages.ts. `not-signed-in` (no session, or a stale one read again
 * once) and `offline` are the older two of the family.
 */
export const signInFailureCodes = [
  'not-signed-in',
  'api-access-control',
  'api-disabled-for-user',
  'api-disabled-for-org',
  'objects-not-visible',
  'identity-unconfirmed',
] as const;
export type SignInFailureCode = (typeof signInFailureCodes)[number];

/** True for a code that means "nobody is signed in here": sync shows it as signed out. */
export function isSignInFailure(code: string): code is SignInFailureCode {
  return (signInFailureCodes as readonly string[]).includes(code);
}

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
  /** How Precall reaches Salesforce for this user: the browser's session cookie, or OAuth. */
  via?: 'session' | 'oauth';
}

export interface ResponseMap {
  'session:get': Session;
  'plans:list': import('../model/call-plan').PlanRecord[];
  'plan:save': import('../model/call-plan').PlanRecord;
  'plan:delete': { deleted: boolean };
  'summaries:get': Record<string, import('../model/plan-status').OpportunityPlanSummary>;
  'signin:accounts': { accounts: import('../salesforce/sign-in/known-accounts').KnownAccount[]; callbackUrl: string };
  'oauth:start': { authorizeUrl: string };
  'oauth:complete': import('../salesforce/sign-in/known-accounts').KnownAccount;
  'org:check': import('../salesforce/sign-in/sign-in-handlers').OrgCheck;
  'account:sign-out': { signedOut: boolean };
  'account:forget': { unsyncedPlans: string[]; databases: string[]; removed: boolean };
  'sync:status': SyncStatus;
  'sync:run': SyncStatus;
  'sync:changes': PendingChange[];
  'plans:pull': OpportunityPullResult;
  'conflict:resolve': { resolved: true };
  'rejection:resolve': { resolved: true };
  'badges:get': import('../model/badge-summary').BadgeSummaries;
  'drafts:list': import('../model/draft-plan').SavedDraft[];
  /** `kept: false` when the draft held nothing the saved plan does not (so there is none). */
  'draft:save': { kept: boolean; savedAt: string };
  'draft:discard': { discarded: boolean };
  'opportunity:context': import('../model/opportunity-context').OpportunityContext;
  'plan:coach-note': import('../model/call-plan').PlanRecord;
  'coaching:report': import('../model/coaching/coaching-report-view').CoachingReportView;
  'coaching:evidence': import('../background/coaching-service').EvidenceAnswer;
  'notes:unread': { planKeys: string[] };
  'note:read': { read: boolean };
  'objections:suggest': import('../model/objection-library').ObjectionSuggestion[];
  'playbook:get': import('../model/playbook/playbook-view').PlaybookView;
  'playbook:save': import('../model/playbook/playbook-view').PlaybookView;
  'playbook:for-opportunity': import('../model/playbook/playbook-view').OpportunityPlaybook;
  'playbook:adherence': import('../model/playbook/playbook-view').AdherenceView;
}

export type { ChangeProblem, ConflictFieldView, PendingChange } from '../sync/pending-changes';
export type { OpportunityPullResult } from '../sync/sync-service';
export type { SyncState, SyncStatus } from '../sync/sync-status';
