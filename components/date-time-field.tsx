import { useId } from 'react';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO UTC → the `datetime-local` value in the rep's own time zone ('' when not a date). */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (local time) → ISO UTC; '' stays '' so validation can say what is missing. */
export function fromLocalInput(value: string): string {
  // Without an offset the Date constructor reads a date-time as local time.
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
}

export interface DateTimeFieldProps {
  label: string;
  /** ISO UTC */
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  error?: string;
  name?: string;
}

export function DateTimeField({ label, value, onChange, onBlur, error, name }: DateTimeFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field-has-error' : 'field'} data-field={name}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
      </div>
      <input
        id={id}
        type="datetime-local"
        value={toLocalInput(value)}
        onChange={(event) => onChange(fromLocalInput(event.target.value))}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        required
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
