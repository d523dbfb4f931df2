import { useId, useState } from 'react';
import type { ChangeProblem } from '../lib/messaging/protocol';

type Conflict = Extract<ChangeProblem, { kind: 'conflict' }>;
export type ConflictChoice =
  | { kind: 'fields'; choices: Record<string, 'local' | 'remote'> }
  | { kind: 'restore' }
  | { kind: 'delete' };

export interface ConflictCardProps {
  conflict: Conflict;
  onResolve(choice: ConflictChoice): void;
}

/** A value as the rep reads it: empty is said, text stays text (never markup). */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date.toLocaleString();
  }
  return String(value);
}

/** One record changed here and in Salesforce: both values side by side, the rep chooses. */
export function ConflictCard({ conflict, onResolve }: ConflictCardProps) {
  const name = useId();
  const [choices, setChoices] = useState<Record<string, 'local' | 'remote'>>(() =>
    Object.fromEntries(conflict.fields.map((f) => [f.field, 'local'])),
  );
  if (conflict.remoteDeleted) {
    return (
      <div className="conflict-card">
        <p>{conflict.record} was deleted in Salesforce while you changed it here.</p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => onResolve({ kind: 'restore' })}>
            Restore my version
          </button>
          <button type="button" className="button" onClick={() => onResolve({ kind: 'delete' })}>
            Accept the deletion
          </button>
        </div>
      </div>
    );
  }
  if (conflict.localDeleted) {
    return (
      <div className="conflict-card">
        <p>You deleted {conflict.record.toLowerCase()}, but it was changed in Salesforce meanwhile:</p>
        <ul>
          {conflict.fields.map((f) => (
            <li key={f.field}>
              {f.label}: {shownValue(f.remote)}
            </li>
          ))}
        </ul>
        <div className="button-row">
          <button type="button" className="button" onClick={() => onResolve({ kind: 'restore' })}>
            Keep it with their changes
          </button>
          <button type="button" className="button" onClick={() => onResolve({ kind: 'delete' })}>
            Delete it anyway
          </button>
        </div>
      </div>
    );
  }
  return (
    <form
      className="conflict-card"
      onSubmit={(event) => {
        event.preventDefault();
        onResolve({ kind: 'fields', choices });
      }}
    >
      <p>{conflict.record} was changed here and in Salesforce. Choose what to keep:</p>
      {conflict.fields.map((f) => (
        <fieldset key={f.field} className="conflict-field">
          <legend>{f.label}</legend>
          {(['local', 'remote'] as const).map((side) => (
            <label key={side} className="conflict-option">
              <input
                type="radio"
                name={`${name}-${f.field}`}
                checked={choices[f.field] === side}
                onChange={() => setChoices({ ...choices, [f.field]: side })}
              />
              <span className="conflict-side">{side === 'local' ? 'Mine' : 'Salesforce'}</span>{' '}
              <span className="conflict-value">{shownValue(side === 'local' ? f.local : f.remote)}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <button type="submit" className="button button-brand">
        Keep these values
      </button>
    </form>
  );
}
