import { useId, useState } from 'react';

/** Within this many characters of the limit, the count is shown so the rep sees it coming. */
const counterMargin = 20;

export interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  /** Salesforce's length limit. Deliberately not `maxLength`: a long paste is shown and explained, not cut. */
  limit?: number;
  error?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'date';
  /** The plan field it edits: the form reveals this field's problems when the rep leaves it. */
  name?: string;
}

export function TextField({
  label,
  value,
  onChange,
  onBlur,
  limit,
  error,
  hint,
  required = false,
  multiline = false,
  rows = 3,
  type = 'text',
  name,
}: TextFieldProps) {
  const [helpShown, setHelpShown] = useState(false);
  const id = useId();
  const hintId = `${id}-hint`;
  const counterId = `${id}-count`;
  const errorId = `${id}-error`;
  const showCounter = limit !== undefined && limit - value.length <= counterMargin;
  const describedBy =
    [hint && hintId, showCounter && counterId, error && errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    onBlur,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
  };

  return (
    <div className={error ? 'field field-has-error' : 'field'} data-field={name}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="field-required" aria-hidden="true">
            *
          </span>
        )}
        {hint && (
          <button
            type="button"
            className="help-button"
            // Named apart from the field, so the field's label names only the field.
            aria-label="Show help"
            title={`Help: ${label}`}
            aria-expanded={helpShown}
            aria-controls={hintId}
            onClick={() => setHelpShown((shown) => !shown)}
          >
            <span aria-hidden="true">i</span>
          </button>
        )}
        {showCounter && (
          <span id={counterId} className={value.length > limit ? 'field-counter field-counter-over' : 'field-counter'}>
            {value.length}/{limit}
          </span>
        )}
      </div>
      {hint && (
        // Help on demand: hidden until asked for, always read out with the control.
        <p id={hintId} className={helpShown ? 'field-hint' : 'field-hint visually-hidden'}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(event) => onChange(event.target.value)} />
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
