import { useId } from 'react';

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T | null;
  options: readonly T[];
  onChange(value: T | null): void;
  onBlur?(): void;
  /** When given, an empty first option stands for "not set" (null). */
  emptyLabel?: string;
  error?: string;
  /** The plan field it edits (see TextField). */
  name?: string;
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  onBlur,
  emptyLabel,
  error,
  name,
}: SelectFieldProps<T>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field-has-error' : 'field'} data-field={name}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
      </div>
      <select
        id={id}
        value={value ?? ''}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          const picked = options.find((option) => option === event.target.value);
          onChange(picked ?? null);
        }}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
