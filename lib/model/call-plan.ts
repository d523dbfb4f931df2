import * as z from 'zod/mini';
// fieldErrorsOf hands zod's own messages to the panel, the playbook page and refused requests.
import './zod-english';
import { fieldLimits } from './field-limits';
import { callTypes, commitments, decisions, handledLevels, outcomes, qualificationLevels } from './picklists';
import { isRecordId } from './record-id';

const isoDateTime = () => z.iso.datetime({ offset: true, error: 'Enter a valid date and time' });
const isoDate = () => z.iso.date({ error: 'Enter a valid date' });
const planKey = () => z.uuid({ error: 'Not a valid key' });

/** A text field limited like its Salesforce field; the message says which limit was hit. */
function text(label: string, max: number, required = false) {
  const base = z.string({ error: `${label} must be text` });
  const limited = base.check(
    z.maxLength(max, {
      error: (issue) =>
        `${label} can be at most ${max} characters (Salesforce's limit); it has ${String(issue.input).length}`,
    }),
  );
  return required ? limited.check(z.refine((value) => value.trim().length > 0, `${label} is required`)) : limited;
}

/**
 * Built on first parse (z.lazy): zod 4 builds every check of a schema when it is declared, and
 * the worker imports this module at each start, before it answers the one message that woke it.
 */
export const objectionSchema = z.lazy(() =>
  z.object({
    objectionKey: planKey(),
    objection: text('Objection', fieldLimits.objection, true),
    response: text('Planned response', fieldLimits.response),
    /** False for an objection first met in the call (a surprise). */
    expected: z.boolean(),
    raised: z.boolean(),
    handled: z.nullable(z.enum(handledLevels)),
    sortOrder: z.number().check(z.int(), z.minimum(0), z.maximum(fieldLimits.sortOrder)),
  }),
);

export const callPlanSchema = z.lazy(() =>
  z.object({
    planKey: planKey(),
    opportunityId: z.string().check(z.refine(isRecordId, 'Not a Salesforce opportunity id')),
    callAt: isoDateTime(),
    callType: z.enum(callTypes),
    goal: text('Goal', fieldLimits.goal, true),
    buyerReason: text("Buyer's reason", fieldLimits.buyerReason),
    bestNextStep: text('Best next step', fieldLimits.bestNextStep, true),
    minimumNextStep: text('Minimum next step', fieldLimits.minimumNextStep),
    /** One question a line. */
    questions: text('Questions', fieldLimits.questions),
    need: z.enum(qualificationLevels),
    budget: z.enum(qualificationLevels),
    decisionProcess: z.enum(qualificationLevels),
    timing: z.enum(qualificationLevels),
    walkAway: text('Walk-away', fieldLimits.walkAway),
    outcome: z.nullable(z.enum(outcomes)),
    commitment: z.nullable(z.enum(commitments)),
    actualNextStep: text('Actual next step', fieldLimits.actualNextStep),
    nextStepDue: z.nullable(isoDate()),
    decision: z.nullable(z.enum(decisions)),
    outcomeNotes: text('Outcome notes', fieldLimits.outcomeNotes),
    outcomeAt: z.nullable(isoDateTime()),
    coachNote: text('Coaching note', fieldLimits.coachNote),
    /** When the plan was first written; a plan written after its call never counts as planned. */
    createdAt: isoDateTime(),
    updatedAt: isoDateTime(),
    objections: z.array(objectionSchema).check(z.maxLength(fieldLimits.sortOrder + 1)),
  }),
);

export type Objection = z.infer<typeof objectionSchema>;
export type CallPlan = z.infer<typeof callPlanSchema>;
/**
 * A plan as stored locally: objections live in their own table, like Call_Plan_Objection__c.
 * `ownerId` is the rep who wrote it (CreatedById in Salesforce); the background sets it, the
 * panel never does.
 */
export type StoredCallPlan = Omit<CallPlan, 'objections'> & { ownerId: string };

/** A plan as the background answers it: with its objections and the rep who owns it. */
export type PlanRecord = CallPlan & { ownerId: string };

/** Field path → first message, for showing errors inline beside each control. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: z.core.$ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

export function validateCallPlan(plan: unknown): { ok: true; plan: CallPlan } | { ok: false; errors: FieldErrors } {
  const result = callPlanSchema.safeParse(plan);
  return result.success ? { ok: true, plan: result.data } : { ok: false, errors: fieldErrorsOf(result.error) };
}

/** A blank plan for the next call on an opportunity, one day ahead at the top of the hour. */
export function newCallPlan(
  opportunityId: string,
  now: Date,
  newKey: () => string = () => crypto.randomUUID(),
): CallPlan {
  const callAt = new Date(now);
  callAt.setUTCDate(callAt.getUTCDate() + 1);
  callAt.setUTCMinutes(0, 0, 0);
  const stamp = now.toISOString();
  return {
    planKey: newKey(),
    opportunityId,
    callAt: callAt.toISOString(),
    callType: 'Call',
    goal: '',
    buyerReason: '',
    bestNextStep: '',
    minimumNextStep: '',
    questions: '',
    need: 'Unknown',
    budget: 'Unknown',
    decisionProcess: 'Unknown',
    timing: 'Unknown',
    walkAway: '',
    outcome: null,
    commitment: null,
    actualNextStep: '',
    nextStepDue: null,
    decision: null,
    outcomeNotes: '',
    outcomeAt: null,
    coachNote: '',
    createdAt: stamp,
    updatedAt: stamp,
    objections: [],
  };
}

export function newObjection(
  sortOrder: number,
  expected: boolean,
  newKey: () => string = () => crypto.randomUUID(),
): Objection {
  return { objectionKey: newKey(), objection: '', response: '', expected, raised: false, handled: null, sortOrder };
}
