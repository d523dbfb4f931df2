import type { FieldErrors, Objection } from '../lib/model/call-plan';
import { fieldLimits } from '../lib/model/field-limits';
import { TextField } from './text-field';

/** An objection with its position among all of the plan's objections (error paths use it). */
export interface IndexedObjection {
  objection: Objection;
  index: number;
}

export interface ObjectionActions {
  onAdd(expected: boolean): void;
  onChange(objectionKey: string, patch: Partial<Objection>): void;
  onMove(objectionKey: string, delta: -1 | 1): void;
  onRemove(objectionKey: string): void;
  onBlur(): void;
}

export interface ObjectionListProps {
  /** The expected objections only, in order. */
  objections: readonly IndexedObjection[];
  errors: FieldErrors;
  actions: ObjectionActions;
}

export function ObjectionList({ objections, errors, actions }: ObjectionListProps) {
  return (
    <div className="objection-list">
      {objections.length > 0 && (
        <ol>
          {objections.map(({ objection, index }, position) => (
            <li key={objection.objectionKey}>
              <fieldset className="objection">
                <legend>Objection {position + 1}</legend>
                <TextField
                  label="Objection"
                  required
                  value={objection.objection}
                  limit={fieldLimits.objection}
                  error={errors[`objections.${index}.objection`]}
                  onChange={(value) => actions.onChange(objection.objectionKey, { objection: value })}
                  onBlur={actions.onBlur}
                />
                <TextField
                  label="Planned response"
                  multiline
                  rows={2}
                  value={objection.response}
                  limit={fieldLimits.response}
                  error={errors[`objections.${index}.response`]}
                  onChange={(value) => actions.onChange(objection.objectionKey, { response: value })}
                  onBlur={actions.onBlur}
                />
                <div className="button-row">
                  <button
                    type="button"
                    className="button"
                    disabled={position === 0}
                    onClick={() => actions.onMove(objection.objectionKey, -1)}
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={position === objections.length - 1}
                    onClick={() => actions.onMove(objection.objectionKey, 1)}
                  >
                    Move down
                  </button>
                  <button
                    type="button"
                    className="button button-destructive-text"
                    onClick={() => actions.onRemove(objection.objectionKey)}
                  >
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="button" onClick={() => actions.onAdd(true)}>
        Add expected objection
      </button>
    </div>
  );
}
