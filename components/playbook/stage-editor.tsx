import { useId } from 'react';
import { type PlaybookStage, playbookLimits } from '../../lib/model/playbook/playbook';
import { TextField } from '../text-field';

type Flag =
  | 'requiresGoal'
  | 'requiresBuyerReason'
  | 'requiresBestNextStep'
  | 'requiresMinimumNextStep'
  | 'confirmNeed'
  | 'confirmBudget'
  | 'confirmDecisionProcess'
  | 'confirmTiming'
  | 'requiresWalkAway';

const planFlags: { flag: Flag; label: string }[] = [
  { flag: 'requiresGoal', label: 'Goal' },
  { flag: 'requiresBuyerReason', label: "Buyer's reason" },
  { flag: 'requiresBestNextStep', label: 'Best next step' },
  { flag: 'requiresMinimumNextStep', label: 'Minimum next step' },
];
const fromHereFlags: { flag: Flag; label: string }[] = [
  { flag: 'confirmNeed', label: 'Need confirmed' },
  { flag: 'confirmBudget', label: 'Budget confirmed' },
  { flag: 'confirmDecisionProcess', label: 'Decision process confirmed' },
  { flag: 'confirmTiming', label: 'Timing confirmed' },
  { flag: 'requiresWalkAway', label: 'Walk-away condition' },
];

export interface StageEditorProps {
  stage: PlaybookStage;
  readOnly: boolean;
  /** Field path within the stage → message. */
  errors: Record<string, string>;
  onChange(stage: PlaybookStage): void;
  onBlur(field: string): void;
  onRemove(): void;
}

/** One stage's requirements and guidance: what a plan must hold before a call at this stage. */
export function StageEditor({ stage, readOnly, errors, onChange, onBlur, onRemove }: StageEditorProps) {
  const id = useId();
  const checkbox = ({ flag, label }: { flag: Flag; label: string }) => (
    <label key={flag} className="playbook-check">
      <input
        type="checkbox"
        checked={stage[flag]}
        disabled={readOnly}
        onChange={(event) => onChange({ ...stage, [flag]: event.target.checked })}
      />
      {label}
    </label>
  );
  const countError = errors.minExpectedObjections;
  return (
    <div className="playbook-stage">
      <fieldset>
        <legend>Before the call, the plan holds</legend>
        {planFlags.map(checkbox)}
        <label className="playbook-count" htmlFor={`${id}-count`}>
          Expected objections, at least
        </label>
        <input
          id={`${id}-count`}
          type="number"
          min={0}
          max={playbookLimits.minExpectedObjections}
          value={Number.isFinite(stage.minExpectedObjections) ? stage.minExpectedObjections : ''}
          disabled={readOnly}
          aria-invalid={countError ? true : undefined}
          aria-describedby={countError ? `${id}-count-error` : undefined}
          onBlur={() => onBlur('minExpectedObjections')}
          onChange={(event) =>
            onChange({ ...stage, minExpectedObjections: event.target.value === '' ? 0 : Number(event.target.value) })
          }
        />
        {countError && (
          <p className="field-error" id={`${id}-count-error`}>
            {countError}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>From this stage on</legend>
        {fromHereFlags.map(checkbox)}
      </fieldset>
      {readOnly ? (
        stage.guidance && <p className="playbook-guidance">{stage.guidance}</p>
      ) : (
        <TextField
          label="Guidance for the rep"
          value={stage.guidance}
          multiline
          rows={3}
          limit={playbookLimits.guidance}
          error={errors.guidance}
          onBlur={() => onBlur('guidance')}
          onChange={(guidance) => onChange({ ...stage, guidance })}
        />
      )}
      {!readOnly && (
        <button type="button" className="button button-destructive-text" onClick={onRemove}>
          Remove this stage from the playbook
        </button>
      )}
    </div>
  );
}
