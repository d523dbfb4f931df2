import { type FocusEvent, type ReactNode, useId, useState } from 'react';
import type { CallPlan, FieldErrors } from '../lib/model/call-plan';
import { fieldLimits } from '../lib/model/field-limits';
import { type CallType, callTypes } from '../lib/model/picklists';
import { DateTimeField } from './date-time-field';
import { DeletePlan } from './delete-plan';
import { type ObjectionActions, ObjectionList } from './objection-list';
import { OutcomeForm } from './outcome-form';
import { formatCallAt } from './plan-list';
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
  /** The rep left a field: save now instead of waiting for the typing pause, and show its problems. */
  onFieldBlur(field: string): void;
  onSave(): void;
  onRetrySave(): void;
  onDiscard(): void;
  onContinueFromLastCall(): void;
  objections: Omit<ObjectionActions, 'onBlur'>;
  onDelete(): void;
  onClose(): void;
}

export type FormStep = 'plan' | 'outcome';

export interface CallPlanFormProps {
  plan: CallPlan;
  errors: FieldErrors;
  saveState: SaveState;
  now: Date;
  actions: CallPlanFormActions;
  /** When the background kept this typing in an earlier visit (reload, crash, closed panel). */
  restoredFrom?: string;
  /** Typed changes that are only a draft so far: the rep may throw them away. */
  unsaved: boolean;
  /** The Salesforce meeting a new plan was started from. */
  meeting?: { subject: string; startAt: string };
  /** A new plan can carry over the open points of the last call. */
  canContinue: boolean;
  /** Salesforce holds a copy, so deleting deletes it there too. */
  inSalesforce: boolean;
  isNew: boolean;
  /** The objection library's suggestions, under the expected objections. */
  objectionSuggestions?: ReactNode;
}

/** Before the call the rep plans; after it they log the outcome: two steps, not one long form. */
export function CallPlanForm(props: CallPlanFormProps) {
  const { plan, errors, saveState, now, actions } = props;
  const callPlanHeadingId = useId();
  const callHasPassed = Date.parse(plan.callAt) <= now.getTime();
  const [step, setStep] = useState<FormStep>(callHasPassed && plan.outcome === null ? 'outcome' : 'plan');
  const otherErrors = Object.entries(errors).filter(([path]) => !shownField.test(path));
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    const field = (event.target as HTMLElement).closest('[data-field]')?.getAttribute('data-field');
    actions.onFieldBlur(field ?? '');
  };
  const outcomeErrors = ['outcome', 'commitment', 'actualNextStep', 'nextStepDue', 'decision', 'outcomeNotes'].some(
    (field) => field in errors,
  );

  return (
    <section className="call-plan-form" aria-labelledby={callPlanHeadingId} onBlur={onBlur}>
      <div className="section-heading-row">
        <h2 id={callPlanHeadingId}>{props.isNew ? 'New call plan' : 'Call plan'}</h2>
        <div className="button-row">
          <button type="button" className="button button-brand" onClick={actions.onSave}>
            Save
          </button>
          <button type="button" className="button" onClick={actions.onClose}>
            Close
          </button>
        </div>
      </div>
      {props.restoredFrom && (
        <div className="restored" role="note">
          <p>
            {props.unsaved
              ? `Restored what you typed ${formatCallAt(props.restoredFrom)}; not saved yet.`
              : `Restored what you typed ${formatCallAt(props.restoredFrom)}, and saved it.`}
          </p>
          {props.unsaved && (
            <button type="button" className="button button-destructive-text" onClick={actions.onDiscard}>
              Discard draft
            </button>
          )}
        </div>
      )}
      <SaveStateText state={saveState} onRetry={actions.onRetrySave} />
      {otherErrors.length > 0 && (
        <ul className="field-error other-errors">
          {otherErrors.map(([path, message]) => (
            <li key={path}>{path ? `${path}: ${message}` : message}</li>
          ))}
        </ul>
      )}

      <nav className="steps" aria-label="Steps of this call plan">
        <button type="button" className="step" aria-pressed={step === 'plan'} onClick={() => setStep('plan')}>
          1. Plan the call
        </button>
        <button
          type="button"
          className={outcomeErrors ? 'step step-has-error' : 'step'}
          aria-pressed={step === 'outcome'}
          onClick={() => setStep('outcome')}
        >
          2. Log the outcome
        </button>
      </nav>

      {step === 'plan' ? (
        <PlanStep {...props} />
      ) : callHasPassed || plan.outcome !== null ? (
        <OutcomeForm
          plan={plan}
          objections={plan.objections.map((objection, index) => ({ objection, index }))}
          errors={errors}
          onChange={actions.onChange}
          onBlur={() => {}}
          objectionActions={{ ...actions.objections, onBlur: () => {} }}
        />
      ) : (
        <div className="outcome-refused">
          <p role="status">
            The outcome is logged after the call, and this call is planned for {formatCallAt(plan.callAt)}. Until then
            there is nothing to log against the plan.
          </p>
          <p className="field-hint">If the call already happened, set its real time in step 1 first.</p>
        </div>
      )}

      <div className="form-footer">
        <DeletePlan onDelete={actions.onDelete} inSalesforce={props.inSalesforce} isNew={props.isNew} />
      </div>
    </section>
  );
}

function PlanStep({ plan, errors, actions, meeting, canContinue, isNew, objectionSuggestions }: CallPlanFormProps) {
  const objectionsHeadingId = useId();
  const qualificationHeadingId = useId();
  const { onChange } = actions;
  const indexed = plan.objections.map((objection, index) => ({ objection, index }));
  const noBlur = () => {};
  return (
    <>
      {meeting && (
        <p className="plan-meeting">
          For the meeting in Salesforce: <strong>{meeting.subject}</strong>
        </p>
      )}
      {isNew && canContinue && (
        <button type="button" className="button" onClick={actions.onContinueFromLastCall}>
          Continue from last call
        </button>
      )}
      <div className="field-pair">
        <DateTimeField
          label="Call date and time"
          name="callAt"
          value={plan.callAt}
          error={errors.callAt}
          onChange={(callAt) => onChange({ callAt })}
        />
        <SelectField<CallType>
          label="Call type"
          name="callType"
          value={plan.callType}
          options={callTypes}
          error={errors.callType}
          onChange={(callType) => {
            if (callType) onChange({ callType });
          }}
        />
      </div>
      <TextField
        label="Goal"
        name="goal"
        required
        hint="What must be true when the call ends, in one sentence."
        value={plan.goal}
        limit={fieldLimits.goal}
        error={errors.goal}
        onChange={(goal) => onChange({ goal })}
      />
      <TextField
        label="Buyer's reason"
        name="buyerReason"
        hint="Why the buyer should spend this time with us."
        value={plan.buyerReason}
        limit={fieldLimits.buyerReason}
        error={errors.buyerReason}
        onChange={(buyerReason) => onChange({ buyerReason })}
      />
      <TextField
        label="Best next step"
        name="bestNextStep"
        required
        hint="The most the buyer could realistically commit to in this call."
        value={plan.bestNextStep}
        limit={fieldLimits.bestNextStep}
        error={errors.bestNextStep}
        onChange={(bestNextStep) => onChange({ bestNextStep })}
      />
      <TextField
        label="Minimum next step"
        name="minimumNextStep"
        hint="The least commitment that still counts as progress."
        value={plan.minimumNextStep}
        limit={fieldLimits.minimumNextStep}
        error={errors.minimumNextStep}
        onChange={(minimumNextStep) => onChange({ minimumNextStep })}
      />

      <section className="form-section" aria-labelledby={objectionsHeadingId} data-field="objections">
        <h3 id={objectionsHeadingId}>Expected objections</h3>
        <ObjectionList
          objections={indexed.filter(({ objection }) => objection.expected)}
          errors={errors}
          actions={{ ...actions.objections, onBlur: noBlur }}
        />
        {objectionSuggestions}
      </section>

      <TextField
        label="Questions"
        name="questions"
        hint="What we still need to learn, one question a line."
        multiline
        rows={3}
        value={plan.questions}
        limit={fieldLimits.questions}
        error={errors.questions}
        onChange={(questions) => onChange({ questions })}
      />

      <section className="form-section" aria-labelledby={qualificationHeadingId}>
        <h3 id={qualificationHeadingId}>Qualification</h3>
        <QualificationFields qualification={plan} onChange={onChange} onBlur={noBlur} />
      </section>

      <TextField
        label="Walk-away"
        name="walkAway"
        hint="The condition under which we stop pursuing."
        value={plan.walkAway}
        limit={fieldLimits.walkAway}
        error={errors.walkAway}
        onChange={(walkAway) => onChange({ walkAway })}
      />
      {plan.coachNote.trim() && (
        <div className="coach-note-read">
          <h3>Coaching note</h3>
          <p>{plan.coachNote}</p>
        </div>
      )}
    </>
  );
}
