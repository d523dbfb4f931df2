import * as z from 'zod/mini';
import type { CallPlan } from './call-plan';
import { callTypes, commitments, decisions, handledLevels, outcomes, qualificationLevels } from './picklists';
import { isRecordId } from './record-id';

/**
 * What the rep typed and has not saved, as the panel holds it: the shape of a call plan without
 * its rules. A required field may be empty and a text may be over its Salesforce limit (that is
 * why it is a draft); only the size is capped, so a draft can never fill the rep's disk.
 */
export const draftTextCap = 200_000;
export const draftObjectionCap = 500;

const loose = () =>
  z.string().check(z.maxLength(draftTextCap, `A draft field can hold at most ${draftTextCap} characters`));
const stamp = () => z.string().check(z.maxLength(64));

/**
 * Built on first parse (z.lazy): zod 4 builds every check of a schema when it is declared, and
 * the worker imports this module at each start, before it answers the one message that woke it.
 */
export const draftObjectionSchema = z.lazy(() =>
  z.object({
    objectionKey: z.uuid(),
    objection: loose(),
    response: loose(),
    expected: z.boolean(),
    raised: z.boolean(),
    handled: z.nullable(z.enum(handledLevels)),
    sortOrder: z.number().check(z.int(), z.minimum(0)),
  }),
);

export const draftPlanSchema = z.lazy(() =>
  z.object({
    planKey: z.uuid(),
    opportunityId: z.string().check(z.refine(isRecordId, 'Not a Salesforce opportunity id')),
    callAt: stamp(),
    callType: z.enum(callTypes),
    goal: loose(),
    buyerReason: loose(),
    bestNextStep: loose(),
    minimumNextStep: loose(),
    questions: loose(),
    need: z.enum(qualificationLevels),
    budget: z.enum(qualificationLevels),
    decisionProcess: z.enum(qualificationLevels),
    timing: z.enum(qualificationLevels),
    walkAway: loose(),
    outcome: z.nullable(z.enum(outcomes)),
    commitment: z.nullable(z.enum(commitments)),
    actualNextStep: loose(),
    nextStepDue: z.nullable(stamp()),
    decision: z.nullable(z.enum(decisions)),
    outcomeNotes: loose(),
    outcomeAt: z.nullable(stamp()),
    coachNote: loose(),
    createdAt: stamp(),
    updatedAt: stamp(),
    objections: z.array(draftObjectionSchema).check(z.maxLength(draftObjectionCap)),
  }),
);

/** Same fields as a call plan; the values need not pass its rules. */
export type DraftPlan = z.infer<typeof draftPlanSchema>;

/** A draft as the background keeps it for one plan. */
export interface SavedDraft {
  planKey: string;
  opportunityId: string;
  plan: CallPlan;
  /** No saved plan has this key yet: restoring it brings back a plan that exists nowhere else. */
  isNew: boolean;
  /** When the draft was last written, ISO-8601. */
  savedAt: string;
}

/** Stamps that change on every save without the rep changing anything. */
const bookkeeping = new Set(['updatedAt', 'createdAt', 'ownerId']);

function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !bookkeeping.has(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, comparable(inner)]));
  }
  return value;
}

/**
 * True when a draft holds nothing the saved plan does not: then it is no longer a draft. The
 * stamps the background sets on save are not what the rep typed, so they do not count.
 */
export function draftMatchesPlan(draft: DraftPlan | CallPlan, saved: DraftPlan | CallPlan): boolean {
  return JSON.stringify(comparable(draft)) === JSON.stringify(comparable(saved));
}
