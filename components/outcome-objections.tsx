import type { FieldErrors, Objection } from '../lib/model/call-plan';
import { fieldLimits } from '../lib/model/field-limits';
import { type HandledLevel, handledLevels } from '../lib/model/picklists';
import type { IndexedObjection, ObjectionActions } from './objection-list';
import { SelectField } from './select-field';
import { TextField } from './text-field';

export interface OutcomeObjectionsProps {
  objections: readonly IndexedObjection[];
  errors: FieldErrors;
  actions: ObjectionActions;
}

function HandledSelect({ objection, actions }: { objection: Objection; actions: ObjectionActions }) {
  return (
    <SelectField<HandledLevel>
      label="Handled"
      value={objection.handled}
      options={handledLevels}
      emptyLabel="Not set"
      onBlur={actions.onBlur}
      onChange={(handled) => actions.onChange(objection.objectionKey, { handled })}
    />
  );
}

/** Expected objections get raised / handled; surprises met in the call are added here. */
export function OutcomeObjections({ objections, errors, actions }: OutcomeObjectionsProps) {
  const expected = objections.filter(({ objection }) => objection.expected);
  const surprises = objections.filter(({ objection }) => !objection.expected);
  return (
    <div className="outcome-objections">
      <h4>Objections in the call</h4>
      {expected.length === 0 && <p className="field-hint">No expected objections in this plan.</p>}
      {expected.map(({ objection }, position) => (
        <fieldset key={objection.objectionKey} className="objection">
          <legend>{objection.objection.trim() || `Objection ${position + 1}`}</legend>
          <div className="checkbox">
            <input
              type="checkbox"
              id={`raised-${objection.objectionKey}`}
              checked={objection.raised}
              onBlur={actions.onBlur}
              onChange={(event) =>
                actions.onChange(objection.objectionKey, {
                  raised: event.target.checked,
                  // "Handled" only means something for an objection that came up.
                  ...(event.target.checked ? {} : { handled: null }),
                })
              }
            />
            <label htmlFor={`raised-${objection.objectionKey}`}>Raised</label>
          </div>
          {objection.raised && <HandledSelect objection={objection} actions={actions} />}
        </fieldset>
      ))}
      {surprises.map(({ objection, index }, position) => (
        <fieldset key={objection.objectionKey} className="objection">
          <legend>Surprise objection {position + 1}</legend>
          <TextField
            label="Objection"
            required
            value={objection.objection}
            limit={fieldLimits.objection}
            error={errors[`objections.${index}.objection`]}
            onChange={(value) => actions.onChange(objection.objectionKey, { objection: value })}
            onBlur={actions.onBlur}
          />
          <HandledSelect objection={objection} actions={actions} />
          <div className="button-row">
            <button
              type="button"
              className="button button-destructive-text"
              onClick={() => actions.onRemove(objection.objectionKey)}
            >
              Remove
            </button>
          </div>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => actions.onAdd(false)}>
        Add surprise objection
      </button>
    </div>
  );
}
