import { describe, expect, it } from 'vitest';
import { callPlanFields, objectionFields } from '../../../lib/salesforce/plan-fields';
import { fieldLabels, labelOf } from '../../../lib/sync/field-labels';

describe('field labels, in the words of the form', () => {
  it.each([
    ['goal', 'Goal'],
    ['buyerReason', "Buyer's reason"],
    ['bestNextStep', 'Best next step'],
    ['minimumNextStep', 'Minimum next step'],
    ['walkAway', 'Walk-away'],
    ['coachNote', 'Coaching note'],
    ['response', 'Planned response'],
    // Salesforce names a field by its API name, in any case.
    ['Goal__c', 'Goal'],
    ['BEST_NEXT_STEP__C', 'Best next step'],
    ['Response__c', 'Planned response'],
    ['Call_At__c', 'Call time'],
    ['Written_At__c', 'Written at'],
    // Anything else is shown as it came.
    ['Unknown_Field__c', 'Unknown_Field__c'],
    ['', ''],
  ])('%s reads "%s"', (field, label) => {
    expect(labelOf(field)).toBe(label);
  });

  it('every field a rep or manager writes has a label of its own, and no two share one', () => {
    const written = [...callPlanFields, ...objectionFields].filter(
      (mapping) => mapping.writer !== 'salesforce' && mapping.kind !== 'key',
    );
    for (const mapping of written) expect(fieldLabels[mapping.local], mapping.local).toBeTruthy();
    const labels = Object.values(fieldLabels);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
