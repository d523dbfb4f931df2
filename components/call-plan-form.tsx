import { useId } from 'react';
import type { CallPlan, FieldErrors } from '../lib/model/call-plan';
import { fieldLimits } from '../lib/model/field-limits';
import { type CallType, callTypes } from '../lib/model/picklists';
import { DateTimeField } from './date-time-field';
import { DeletePlan } from './delete-plan';
import { type ObjectionActions, ObjectionList } from './objection-list';
import { OutcomeForm } from './outcome-form';
import { QualificationFields } from './qualification-fields';
import { type SaveState, SaveStateText } from './save-state';
import { SelectField } from './select-field';
import { TextField } from './text-field';

/** Paths the form shows beside a control; any other error is listed under the save state. */
const shownField =
  /^(callAt|callType|goal|buyerReason|bestNextStep|minimumNextStep|questions|walkAway|outcome|commitment|actualNextStep|nextStepDue|decision|outcomeNotes|objections\.\d+\.(objection|response))$/;

export type PlanPatch = Partial<Omit<CallPlan, 'objections'>>;

export interface CallPlanFormActions {
  onChange(patch: PlanPatch): void;
  /** A field lost focus: save now instead of waiting for the typing pause. */
  onBlur(): void;
  onRetrySave(): void;
  objections: Omit<ObjectionActions, 'onBlur'>;
  onLogOutcome(): void;
  onDelete(): void;
  onClose(): void;
}

export interface CallPlanFormProps {
  plan: CallPlan;
  errors: FieldErrors;
  saveState: SaveState;
  now: Date;
  /** The rep asked for the outcome section before the call time. */
  outcomeOpen: boolean;
  actions: CallPlanFormActions;
}

export function CallPlanForm({ plan, errors, saveState, now, outcomeOpen, actions }: CallPlanFormProps) {
  const callPlanHeadingId = useId();
  const objectionsHeadingId = useId();
  const qualificationHeadingId = useId();
  const { onChange, onBlur } = actions;
  const objectionActions: ObjectionActions = { ...actions.objections, onBlur };
  const indexed = plan.objections.map((objection, index) => ({ objection, index }));
  const callHasPassed = Date.parse(plan.callAt) <= now.getTime();
  const showOutcome = outcomeOpen || callHasPassed || plan.outcome !== null;
  const otherErrors = Object.entries(errors).filter(([path]) => !shownField.test(path));

  return (
    <section className="call-plan-form" aria-labelledby={callPlanHeadingId}>
      <div className="section-heading-row">
        <h2 id={callPlanHeadingId}>Call plan</h2>
        <button type="button" className="button" onClick={actions.onClose}>
          Close
        </button>
      </div>
      <SaveStateText state={saveState} onRetry={actions.onRetrySave} />
      {otherErrors.length > 0 && (
        <ul className="field-error other-errors">
          {otherErrors.map(([path, message]) => (
            <li key={path}>{path ? `${path}: ${message}` : message}</li>
          ))}
        </ul>
      )}

      <DateTimeField
        label="Call date and time"
        value={plan.callAt}
        error={errors.callAt}
        onChange={(callAt) => onChange({ callAt })}
        onBlur={onBlur}
      />
      <SelectField<CallType>
        label="Call type"
        value={plan.callType}
        options={callTypes}
        error={errors.callType}
        onBlur={onBlur}
        onChange={(callType) => {
          if (callType) onChange({ callType });
        }}
      />
      <TextField
        label="Goal"
        required
        hint="What must be true when the call ends, in one sentence."
        value={plan.goal}
        limit={fieldLimits.goal}
        error={errors.goal}
        onChange={(goal) => onChange({ goal })}
        onBlur={onBlur}
      />
      <TextField
        label="Buyer's reason"
        hint="Why the buyer should spend this time with us."
        value={plan.buyerReason}
        limit={fieldLimits.buyerReason}
        error={errors.buyerReason}
        onChange={(buyerReason) => onChange({ buyerReason })}
        onBlur={onBlur}
      />
      <TextField
        label="Best next step"
        required
        hint="The most the buyer could realistically commit to in this call."
        value={plan.bestNextStep}
        limit={fieldLimits.bestNextStep}
        error={errors.bestNextStep}
        onChange={(bestNextStep) => onChange({ bestNextStep })}
        onBlur={onBlur}
      />
      <TextField
        label="Minimum next step"
        hint="The least commitment that still counts as progress."
        value={plan.minimumNextStep}
        limit={fieldLimits.minimumNextStep}
        error={errors.minimumNextStep}
        onChange={(minimumNextStep) => onChange({ minimumNextStep })}
        onBlur={onBlur}
      />

      <section className="form-section" aria-labelledby={objectionsHeadingId}>
        <h3 id={objectionsHeadingId}>Expected objections</h3>
        <ObjectionList
          objections={indexed.filter(({ objection }) => objection.expected)}
          errors={errors}
          actions={objectionActions}
        />
      </section>

      <TextField
        label="Questions"
        hint="What we still need to learn, one question a line."
        multiline
        rows={4}
        value={plan.questions}
        limit={fieldLimits.questions}
        error={errors.questions}
        onChange={(questions) => onChange({ questions })}
        onBlur={onBlur}
      />

      <section className="form-section" aria-labelledby={qualificationHeadingId}>
        <h3 id={qualificationHeadingId}>Qualification</h3>
        <QualificationFields qualification={plan} onChange={onChange} onBlur={onBlur} />
      </section>

      <TextField
        label="Walk-away"
        hint="The condition under which we stop pursuing."
        value={plan.walkAway}
        limit={fieldLimits.walkAway}
        error={errors.walkAway}
        onChange={(walkAway) => onChange({ walkAway })}
        onBlur={onBlur}
      />

      {showOutcome ? (
        <OutcomeForm
          plan={plan}
          objections={indexed}
          errors={errors}
          onChange={onChange}
          onBlur={onBlur}
          objectionActions={objectionActions}
        />
      ) : (
        <button type="button" className="button" onClick={actions.onLogOutcome}>
          Log outcome
        </button>
      )}

      <div className="form-footer">
        <DeletePlan onDelete={actions.onDelete} />
      </div>
    </section>
  );
}
