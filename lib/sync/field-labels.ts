import { callPlanFields, objectionFields } from '../salesforce/plan-fields';

/** What the rep reads for each synced field, in the words of the form. */
export const fieldLabels: Record<string, string> = {
  opportunityId: 'Opportunity',
  callAt: 'Call time',
  callType: 'Call type',
  goal: 'Goal',
  buyerReason: "Buyer's reason",
  bestNextStep: 'Best next step',
  minimumNextStep: 'Minimum next step',
  questions: 'Questions',
  need: 'Need',
  budget: 'Budget',
  decisionProcess: 'Decision process',
  timing: 'Timing',
  walkAway: 'Walk-away',
  outcome: 'Outcome',
  commitment: 'Commitment',
  actualNextStep: 'Actual next step',
  nextStepDue: 'Next step due',
  decision: 'Decision',
  outcomeNotes: 'Outcome notes',
  outcomeAt: 'Outcome logged',
  coachNote: 'Coaching note',
  createdAt: 'Written at',
  objection: 'Objection',
  response: 'Planned response',
  expected: 'Expected',
  raised: 'Raised',
  handled: 'Handled',
  sortOrder: 'Order',
};

const bySalesforceName = new Map<string, string>(
  [...callPlanFields, ...objectionFields].map((mapping) => [mapping.field.toLowerCase(), mapping.local]),
);

/** The label of a local field name, or of a Salesforce field name an error names. */
export function labelOf(field: string): string {
  const local = fieldLabels[field] ? field : bySalesforceName.get(field.toLowerCase());
  return (local && fieldLabels[local]) ?? field;
}
