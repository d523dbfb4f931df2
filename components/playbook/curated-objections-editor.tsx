import { type CuratedObjection, playbookLimits } from '../../lib/model/playbook/playbook';
import { TextField } from '../text-field';

export interface CuratedObjectionsEditorProps {
  /** The objections of this list (one stage's, or every stage's), in the manager's order. */
  objections: readonly CuratedObjection[];
  readOnly: boolean;
  /** objectionKey → field → message. */
  errors: Record<string, Record<string, string>>;
  onChange(objection: CuratedObjection): void;
  onBlur(objectionKey: string, field: string): void;
  onRemove(objectionKey: string): void;
  onAdd(): void;
}

/** Curated objections with their recommended responses, suggested first in call plans. */
export function CuratedObjectionsEditor({
  objections,
  readOnly,
  errors,
  onChange,
  onBlur,
  onRemove,
  onAdd,
}: CuratedObjectionsEditorProps) {
  return (
    <div className="playbook-objections">
      {objections.length === 0 && readOnly && <p className="muted">No curated objections.</p>}
      <ul>
        {objections.map((objection, index) => (
          <li key={objection.objectionKey}>
            {readOnly ? (
              <>
                <strong>{objection.objection}</strong>
                {objection.response && <p>{objection.response}</p>}
              </>
            ) : (
              <>
                <TextField
                  label={`Objection ${index + 1}`}
                  value={objection.objection}
                  required
                  limit={playbookLimits.objection}
                  error={errors[objection.objectionKey]?.objection}
                  onBlur={() => onBlur(objection.objectionKey, 'objection')}
                  onChange={(text) => onChange({ ...objection, objection: text })}
                />
                <TextField
                  label="Recommended response"
                  value={objection.response}
                  multiline
                  rows={2}
                  limit={playbookLimits.response}
                  error={errors[objection.objectionKey]?.response}
                  onBlur={() => onBlur(objection.objectionKey, 'response')}
                  onChange={(response) => onChange({ ...objection, response })}
                />
                <button
                  type="button"
                  className="button button-destructive-text"
                  onClick={() => onRemove(objection.objectionKey)}
                >
                  Remove objection {index + 1}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <button type="button" className="button" onClick={onAdd}>
          Add an objection
        </button>
      )}
    </div>
  );
}
