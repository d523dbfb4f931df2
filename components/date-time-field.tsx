import { useId, useRef } from 'react';

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

/** Lightning's time picker offers every quarter hour. */
const stepMinutes = 15;

/**
 * The times the picker offers, `HH:MM` in local time, every quarter hour of the day, plus the
 * current time when it is off the grid (a meeting at 13:37 stays 13:37).
 */
export function timeChoices(current: string): string[] {
  const times: string[] = [];
  for (let minutes = 0; minutes < 24 * 60; minutes += stepMinutes) {
    times.push(`${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`);
  }
  if (/^\d\d:\d\d$/.test(current) && !times.includes(current)) {
    times.push(current);
    times.sort();
  }
  return times;
}

/** `HH:MM` → "9:30 AM" (or the locale's own form). */
function timeLabel(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(2000, 0, 1, hours, minutes).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
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

/**
 * A date and a time, as Lightning's own date-time input shows them: a date field with the
 * browser's calendar and a time picklist of quarter hours, grouped under one label.
 */
export function DateTimeField({ label, value, onChange, onBlur, error, name }: DateTimeFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const local = toLocalInput(value);
  const [date = '', time = ''] = local ? local.split('T') : [];
  // A date cleared while retyping it keeps the time the rep chose.
  const lastTime = useRef(time);
  if (time) lastTime.current = time;
  const change = (nextDate: string, nextTime: string) =>
    onChange(nextDate ? fromLocalInput(`${nextDate}T${nextTime || lastTime.current || '09:00'}`) : '');
  return (
    <fieldset
      className={error ? 'field date-time-field field-has-error' : 'field date-time-field'}
      data-field={name}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="field-label-row">{label}</legend>
      <div className="date-time-inputs">
        <div>
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(event) => change(event.target.value, time)}
            onBlur={onBlur}
            aria-invalid={error ? true : undefined}
            required
          />
        </div>
        <div>
          <label htmlFor={`${id}-time`}>Time</label>
          <select
            id={`${id}-time`}
            value={time}
            onChange={(event) => change(date, event.target.value)}
            onBlur={onBlur}
            aria-invalid={error ? true : undefined}
            disabled={!date}
          >
            {!time && <option value="">--</option>}
            {timeChoices(time).map((choice) => (
              <option key={choice} value={choice}>
                {timeLabel(choice)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
