/** Picklist values exactly as Salesforce stores them, so mapping to the API is the identity. */
export const callTypes = ['Call', 'Meeting', 'Demo', 'Other'] as const;
export const qualificationLevels = ['Confirmed', 'Unknown', 'At risk'] as const;
export const outcomes = ['Order', 'Advance', 'Continuation', 'No-sale'] as const;
export const commitments = ['Best', 'Between', 'Minimum', 'Below'] as const;
export const decisions = ['Pursue', 'Disqualify', 'Postpone', 'Revisit'] as const;
export const handledLevels = ['Yes', 'Partly', 'No'] as const;

export type CallType = (typeof callTypes)[number];
export type QualificationLevel = (typeof qualificationLevels)[number];
export type Outcome = (typeof outcomes)[number];
export type Commitment = (typeof commitments)[number];
export type Decision = (typeof decisions)[number];
export type HandledLevel = (typeof handledLevels)[number];

/** The qualification dimensions of a plan, with the label a rep reads. */
export const qualificationDimensions = [
  { key: 'need', label: 'Need' },
  { key: 'budget', label: 'Budget' },
  { key: 'decisionProcess', label: 'Decision process' },
  { key: 'timing', label: 'Timing' },
] as const;
