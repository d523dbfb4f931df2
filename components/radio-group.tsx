import { useId } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  /** Says what choosing it means, read out with the option. */
  hint?: string;
}

export interface RadioGroupProps<T extends string> {
  legend: string;
  value: T | null;
  options: readonly RadioOption<T>[];
  onChange(value: T): void;
  onBlur?(): void;
  error?: string;
  name?: string;
}

export function RadioGroup<T extends string>({
  legend,
  value,
  options,
  onChange,
  onBlur,
  error,
  name: field,
}: RadioGroupProps<T>) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset className={error ? 'field radio-group field-has-error' : 'field radio-group'} data-field={field}>
      <legend>{legend}</legend>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        const hintId = `${id}-hint`;
        return (
          <div key={option.value} className="radio-option">
            <input
              type="radio"
              id={id}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              onBlur={onBlur}
              aria-describedby={[option.hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined}
            />
            <label htmlFor={id}>{option.value}</label>
            {option.hint && (
              <span id={hintId} className="field-hint">
                {option.hint}
              </span>
            )}
          </div>
        );
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
