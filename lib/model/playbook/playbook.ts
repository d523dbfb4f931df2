import * as z from 'zod/mini';

/**
 * A team's playbook as managers define it and reps read it: per opportunity stage what a call
 * plan must hold before the call, with guidance, and the curated objections with their
 * recommended responses. Mirrors Playbook__c, Playbook_Stage__c and Playbook_Objection__c.
 */
export const playbookLimits = {
  key: 36,
  name: 80,
  stageName: 255,
  guidance: 32768,
  objection: 255,
  response: 32768,
  minExpectedObjections: 99,
  sortOrder: 9999,
  stages: 100,
  objections: 200,
} as const;

const key = () => z.uuid({ error: 'Not a valid key' });
const isoDateTime = () => z.iso.datetime({ offset: true, error: 'Enter a valid date and time' });

function text(label: string, max: number, required = false) {
  const limited = z.string({ error: `${label} must be text` }).check(
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
export const playbookSchema = z.lazy(() =>
  z.object({
    playbookKey: key(),
    name: text('Playbook name', playbookLimits.name, true),
    /** The org's default: the playbook of reps whose manager has none of their own. */
    isDefault: z.boolean(),
    updatedAt: isoDateTime(),
  }),
);

export const playbookStageSchema = z.lazy(() =>
  z.object({
    stageKey: key(),
    playbookKey: key(),
    /** The Opportunity StageName this stage's requirements are for. */
    stageName: text('Stage', playbookLimits.stageName, true),
    guidance: text('Guidance', playbookLimits.guidance),
    requiresGoal: z.boolean(),
    requiresBuyerReason: z.boolean(),
    requiresBestNextStep: z.boolean(),
    requiresMinimumNextStep: z.boolean(),
    minExpectedObjections: z
      .number({ error: 'Expected objections must be a number' })
      .check(
        z.int('Expected objections must be a whole number'),
        z.minimum(0, 'Expected objections cannot be negative'),
        z.maximum(
          playbookLimits.minExpectedObjections,
          `At most ${playbookLimits.minExpectedObjections} expected objections`,
        ),
      ),
    /** Qualification confirmed from this stage on (and at every later stage). */
    confirmNeed: z.boolean(),
    confirmBudget: z.boolean(),
    confirmDecisionProcess: z.boolean(),
    confirmTiming: z.boolean(),
    /** A walk-away condition from this stage on. */
    requiresWalkAway: z.boolean(),
  }),
);

export const curatedObjectionSchema = z.lazy(() =>
  z.object({
    objectionKey: key(),
    playbookKey: key(),
    /** The stage it is expected at; empty for every stage. */
    stageName: text('Stage', playbookLimits.stageName),
    objection: text('Objection', playbookLimits.objection, true),
    response: text('Recommended response', playbookLimits.response),
    sortOrder: z.number().check(z.int(), z.minimum(0), z.maximum(playbookLimits.sortOrder)),
  }),
);

/** A playbook with its stages and objections: what the editor saves in one go. */
export const playbookBundleSchema = z.lazy(() =>
  z
    .object({
      playbook: playbookSchema,
      stages: z.array(playbookStageSchema).check(z.maxLength(playbookLimits.stages)),
      objections: z.array(curatedObjectionSchema).check(z.maxLength(playbookLimits.objections)),
    })
    .check(
      z.superRefine((bundle, ctx) => {
        const seen = new Map<string, number>();
        bundle.stages.forEach((stage, index) => {
          if (stage.playbookKey !== bundle.playbook.playbookKey) {
            ctx.addIssue({
              code: 'custom',
              path: ['stages', index, 'playbookKey'],
              message: 'Belongs to another playbook',
            });
          }
          const name = stageKeyOf(stage.stageName);
          const first = seen.get(name);
          if (first !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['stages', index, 'stageName'],
              message: `"${stage.stageName}" is already in this playbook`,
            });
          } else seen.set(name, index);
        });
        bundle.objections.forEach((objection, index) => {
          if (objection.playbookKey !== bundle.playbook.playbookKey) {
            ctx.addIssue({
              code: 'custom',
              path: ['objections', index, 'playbookKey'],
              message: 'Belongs to another playbook',
            });
          }
        });
      }),
    ),
);

export type Playbook = z.infer<typeof playbookSchema>;
export type PlaybookStage = z.infer<typeof playbookStageSchema>;
export type CuratedObjection = z.infer<typeof curatedObjectionSchema>;
export type PlaybookBundle = z.infer<typeof playbookBundleSchema>;

/** A stage of the org's Opportunity StageName picklist, in the picklist's order. */
export interface OrgStage {
  value: string;
  label: string;
}

/**
 * How stage names compare: Salesforce stage values differ in case, spacing and the spaces around
 * slashes and dashes after an admin's rename ("Proposal/Price Quote" → "Proposal / Price Quote").
 */
export function stageKeyOf(stageName: string): string {
  return stageName
    .trim()
    .toLowerCase()
    .replace(/\s*([/&,\-–])\s*/g, '$1')
    .replace(/\s+/g, ' ');
}

export function newPlaybook(
  name: string,
  isDefault: boolean,
  now: Date,
  newKey: () => string = () => crypto.randomUUID(),
): Playbook {
  return { playbookKey: newKey(), name, isDefault, updatedAt: now.toISOString() };
}

export function newPlaybookStage(
  playbookKey: string,
  stageName: string,
  newKey: () => string = () => crypto.randomUUID(),
): PlaybookStage {
  return {
    stageKey: newKey(),
    playbookKey,
    stageName,
    guidance: '',
    requiresGoal: true,
    requiresBuyerReason: false,
    requiresBestNextStep: true,
    requiresMinimumNextStep: false,
    minExpectedObjections: 0,
    confirmNeed: false,
    confirmBudget: false,
    confirmDecisionProcess: false,
    confirmTiming: false,
    requiresWalkAway: false,
  };
}

export function newCuratedObjection(
  playbookKey: string,
  sortOrder: number,
  newKey: () => string = () => crypto.randomUUID(),
): CuratedObjection {
  return { objectionKey: newKey(), playbookKey, stageName: '', objection: '', response: '', sortOrder };
}
