/**
 * Lengths of the Salesforce fields the local schemas mirror (design.md, salesforce/ XML).
 * A test holds these against the deployed package so a value the form accepts is never
 * one Salesforce refuses.
 */
export const fieldLimits = {
  planKey: 36,
  goal: 255,
  buyerReason: 255,
  bestNextStep: 255,
  minimumNextStep: 255,
  questions: 32768,
  walkAway: 255,
  actualNextStep: 255,
  outcomeNotes: 32768,
  coachNote: 32768,
  objection: 255,
  response: 32768,
  sortOrder: 9999,
} as const;
