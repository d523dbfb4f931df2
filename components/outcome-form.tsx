import { useId } from 'react';
import type { CallPlan, FieldErrors } from '../lib/model/call-plan';
import { fieldLimits } from '../lib/model/field-limits';
import { type Commitment, commitments, type Decision, decisions, type Outcome, outcomes } from '../lib/model/picklists';
import type { IndexedObjection, ObjectionActions } from './objection-list';
import { OutcomeObjections } from './outcome-objections';
import { RadioGroup, type RadioOption } from './radio-group';
import { SelectField } from './select-field';
import { TextField } from './text-field';

type OutcomeFields = Pick<
  CallPlan,
  'outcome' | 'commitment' | 'actualNextStep' | 'nextStepDue' | 'decision' | 'outcomeNotes'
>;

export interface OutcomeFormProps {
  plan: CallPlan;
  objections: readonly IndexedObjection[];
  errors: FieldErrors;
  onChange(patch: Partial<OutcomeFields>): void;
  onBlur(): void;
  objectionActions: ObjectionActions;
}

/** Each commitment level is read against this plan's own next steps. */
function commitmentOptions(plan: CallPlan): RadioOption<Commitment>[] {
  const best = plan.bestNextStep.trim();
  const minimum = plan.minimumNextStep.trim();
  const hints: Record<Commitment, string> = {
    Best: best ? `The best next step: ${best}` : 'The best next step',
    Between: 'Less than the best, more than the minimum',
    Minimum: minimum ? `The minimum next step: ${minimum}` : 'The minimum next step',
    Below: 'Less than the minimum next step',
  };
  return commitments.map((value) => ({ value, hint: hints[value] }));
}

export function OutcomeForm({ plan, objections, errors, onChange, onBlur, objectionActions }: OutcomeFormProps) {
  const outcomeHeadingId = useId();
  return (
    <section className="form-section" aria-labelledby={outcomeHeadingId}>
      <h3 id={outcomeHeadingId}>Outcome</h3>
      <SelectField<Outcome>
        label="Outcome"
        name="outcome"
        value={plan.outcome}
        options={outcomes}
        emptyLabel="Not logged yet"
        error={errors.outcome}
        onBlur={onBlur}
        onChange={(outcome) => onChange({ outcome })}
      />
      {plan.outcome === 'Continuation' && (
        <p className="note">
          A continuation is not an advance: the call ended without a specific action from the buyer.
        </p>
      )}
      <RadioGroup<Commitment>
        legend="Commitment against plan"
        name="commitment"
        value={plan.commitment}
        options={commitmentOptions(plan)}
        error={errors.commitment}
        onBlur={onBlur}
        onChange={(commitment) => onChange({ commitment })}
      />
      <TextField
        label="Actual next step"
        name="actualNextStep"
        value={plan.actualNextStep}
        limit={fieldLimits.actualNextStep}
        error={errors.actualNextStep}
        onChange={(actualNextStep) => onChange({ actualNextStep })}
        onBlur={onBlur}
      />
      <TextField
        label="Next step due"
        name="nextStepDue"
        type="date"
        value={plan.nextStepDue ?? ''}
        error={errors.nextStepDue}
        onChange={(value) => onChange({ nextStepDue: value || null })}
        onBlur={onBlur}
      />
      <OutcomeObjections objections={objections} errors={errors} actions={objectionActions} />
      <SelectField<Decision>
        label="Decision"
        name="decision"
        value={plan.decision}
        options={decisions}
        emptyLabel="Not decided"
        error={errors.decision}
        onBlur={onBlur}
        onChange={(decision) => onChange({ decision })}
      />
      <TextField
        label="Outcome notes"
        name="outcomeNotes"
        multiline
        rows={4}
        value={plan.outcomeNotes}
        limit={fieldLimits.outcomeNotes}
        error={errors.outcomeNotes}
        onChange={(outcomeNotes) => onChange({ outcomeNotes })}
        onBlur={onBlur}
      />
    </section>
  );
}
